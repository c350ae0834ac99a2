// Linking documents across the archive: a preadvies to the motion it
// advises on, and versions of one motion to each other.
//
// Titles often differ between a motion and its preadvies ("Duurzame
// financiering IZA-transformatie" vs "Duurzame bekostiging transformatie
// IZA"), so a link weighs title words, submitters, meeting and the overlap
// of the preadvies' strekking with the motion's verzoeken.
//
// Neither function reads the whole archive: documents are indexed under
// keys (LinkKeys), and only documents sharing a key are compared.
#ifndef MOTIEARCHIEF_PIPELINE_LINKER_H_
#define MOTIEARCHIEF_PIPELINE_LINKER_H_

#include <string>
#include <vector>

#include "archive/archive.h"
#include "schema/record.h"

namespace motiearchief::pipeline {

// Score in [0, 1] that preadvies `p` advises on motion or amendment `m`.
double LinkScore(const schema::Record& p, const schema::Record& m, bool same_file);

// The keys `r` is stored under, for the documents linked after it: the
// empty key (it is indexed); each submitter and each content word of its
// title, as "ms:"/"mw:" for a motion or amendment and "ps:"/"pw:" for a
// preadvies; and for a motion each (submitter, title word) pair as
// "v:submitter|word". Empty for documents that are never linked (brief,
// overig, resolutie).
std::vector<std::string> LinkKeys(const schema::Record& r);

// The keys to look up for `r`: for a preadvies the motions sharing a
// submitter or title word; for a motion the preadviezen sharing one, and
// the motions sharing a (submitter, title word) pair. Exact: a link scores
// 0.45 only with a common title word or submitter, and a version needs a
// common submitter and most title words; and selective: a new motion never
// reads every motion of its municipality, nor every motion with a common
// title word.
std::vector<std::string> LookupKeys(const schema::Record& r);

// Links for each preadvies in `fresh` to the best motion or amendment in
// `fresh` or `archived` (score at least 0.45), and for each preadvies in
// `archived` without a link that a motion in `fresh` now fits. `archived`
// needs to hold only the documents sharing a key with `fresh` (what
// Archive::DocumentsUnderKeys gives for their LookupKeys): the result is the
// same as over the whole archive. Cost: per document, the documents that
// share a key with it.
std::vector<archive::Link> LinkPreadviezen(const std::vector<schema::Record>& fresh,
                                           const std::vector<archive::LinkCandidate>& archived);

// For each motion in `fresh`: the first version of the same motion among
// `archived` and the motions of `fresh` before it (same soort, a common
// submitter, nearly the same title), or itself. `archived` as above.
std::vector<archive::Version> FindVersions(const std::vector<schema::Record>& fresh,
                                           const std::vector<archive::LinkCandidate>& archived);

// The motions (by first version) whose advice storing `file` may change:
// those of its motions and amendments, and those its links lead to. `file`
// with its links and versions set; `archived` as above.
std::vector<std::string> AdviceGroups(const archive::FileIngest& file,
                                      const std::vector<archive::LinkCandidate>& archived);

// Which document gives each document its advice (Archive's table
// document_advies), for `file`'s documents and every version of the
// motions it touches (`groups`: Archive::MotionGroups of AdviceGroups):
//   - a motion or amendment carries the advice of the newest preadvies
//     linked to it or to any version of it (a later mailing's preadvies
//     replaces an earlier one, for every version alike);
//   - any other document with advice of its own (a preadvies) carries that.
// Documents of `file` are newer than every archived one, in file order.
std::vector<archive::AdviceSource> ChooseAdvice(const archive::FileIngest& file,
                                                const std::vector<archive::LinkCandidate>& archived,
                                                const std::vector<archive::MotionGroup>& groups);

}  // namespace motiearchief::pipeline

#endif  // MOTIEARCHIEF_PIPELINE_LINKER_H_
