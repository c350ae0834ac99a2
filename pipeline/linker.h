// Linking documents across the archive: a preadvies to the motion it
// advises on, and versions of one motion to each other.
//
// Titles often differ between a motion and its preadvies ("Duurzame
// financiering IZA-transformatie" vs "Duurzame bekostiging transformatie
// IZA"), so a link weighs title words, submitters, meeting and the overlap
// of the preadvies' strekking with the motion's verzoeken.
#ifndef MOTIEARCHIEF_PIPELINE_LINKER_H_
#define MOTIEARCHIEF_PIPELINE_LINKER_H_

#include <vector>

#include "archive/archive.h"
#include "schema/record.h"

namespace motiearchief::pipeline {

// Score in [0, 1] that preadvies `p` advises on motion or amendment `m`.
double LinkScore(const schema::Record& p, const schema::Record& m, bool same_file);

// Links for each preadvies in `fresh` to the best motion or amendment in
// `fresh` or `archived` (score at least 0.45), and for each preadvies in
// `archived` without a link that a motion in `fresh` now fits.
std::vector<archive::Link> LinkPreadviezen(const std::vector<schema::Record>& fresh,
                                           const std::vector<schema::Record>& archived,
                                           const std::vector<archive::Link>& existing);

// For each motion in `fresh`: the first version of the same motion among
// `archived` (same submitters, nearly the same title), or itself.
std::vector<archive::Version> FindVersions(const std::vector<schema::Record>& fresh,
                                           const std::vector<schema::Record>& archived,
                                           const std::vector<archive::Version>& existing);

}  // namespace motiearchief::pipeline

#endif  // MOTIEARCHIEF_PIPELINE_LINKER_H_
