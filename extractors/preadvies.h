// A VNG "samenvatting en preadvies": the board's advice on one motion.
//   titel            after "Samenvatting en preadvies motie" (wrapped lines
//                    joined; a quoted title inside wins)   title.preadvies
//   indieners        the "Indienende gemeente(n)" label     header.indiener
//   preadvies        the advice in canonical form ("overnemen", "ontraden",
//                    ...), its status, strekking and toelichting, each a
//                    labelled section running to the next label
//                                                          preadvies.*
//   ondersteuners    the supporter list                    support.*
// Thread-safety: a pure function of the builder it is given.
#ifndef MOTIEARCHIEF_EXTRACTORS_PREADVIES_H_
#define MOTIEARCHIEF_EXTRACTORS_PREADVIES_H_

#include "extractors/record_builder.h"

namespace motiearchief::extractors {

// Fills the preadvies's fields of doc.record from doc.lines.
void ExtractPreadvies(RecordBuilder& doc);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_PREADVIES_H_
