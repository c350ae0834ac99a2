// The record being filled from one document, shared by the field
// extractors (vng_header.h, clauses.h, signatories.h, supporters.h): the
// document's lines, the gazetteer, the record so far, and where each value
// in it came from (`herkomst`).
//
// Thread-safety: one builder per document, used by one thread.
#ifndef MOTIEARCHIEF_EXTRACTORS_RECORD_BUILDER_H_
#define MOTIEARCHIEF_EXTRACTORS_RECORD_BUILDER_H_

#include <string>
#include <vector>

#include "extractors/gazetteer.h"
#include "extractors/lines.h"
#include "schema/record.h"

namespace motiearchief::extractors {

struct RecordBuilder {
  std::vector<Line> lines;
  const Gazetteer& gazetteer;
  schema::Record record;

  // Provenance of one value: the page it stands on (0: the whole document)
  // and the rule that read it.
  void Note(const std::string& field, const std::string& value, int page, const std::string& rule);

  // Adds municipalities to `list` (a field of `record` named `field`), no
  // doubles, remembering unknown ones in `onbekende_gemeenten`.
  void AddGemeenten(std::vector<std::string>& list, const std::string& field,
                    const std::vector<GemeenteMatch>& found, int page, const std::string& rule);
};

// A title as the record wants it: no quotes, no leading "Motie", no
// trailing punctuation.
std::string CleanTitle(std::string title);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_RECORD_BUILDER_H_
