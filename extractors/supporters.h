// The ondersteuners of a VNG motion or preadvies: the municipalities that
// support it, after a heading ("Ondersteunende gemeenten:", "Ondersteund
// door:") or an inline "wordt ondersteund door", on the same line or listed
// below it, one or more a line, over columns and pages, up to a preadvies'
// status, strekking or advies. Placeholders ("lijst volgt") are skipped.
//
// Thread-safety: pure functions over one RecordBuilder.
#ifndef MOTIEARCHIEF_EXTRACTORS_SUPPORTERS_H_
#define MOTIEARCHIEF_EXTRACTORS_SUPPORTERS_H_

#include <cstddef>

#include "extractors/record_builder.h"

namespace motiearchief::extractors {

// Reads the first supporter list from line `begin` on into
// doc.record.ondersteuners.
void ReadSupporters(RecordBuilder& doc, size_t begin);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_SUPPORTERS_H_
