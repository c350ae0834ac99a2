// The clauses of a motion or amendment: overwegingen ("constaterende dat
// ...", "overwegende dat ...") and verzoeken ("verzoekt het bestuur ...",
// "roept op ...", an amendment's "besluit"), in order, each with its
// opener, page and rule.
//
// A clause is a bullet of the opener's block, or, without bullets, a
// paragraph or a "dat ..." line. A sub-list under a lead-in ending in a
// colon gives clauses of its own; any other sub-list belongs to the clause
// above it. "gehoord de beraadslaging" is a preamble, not a clause.
//
// Thread-safety: pure functions over one RecordBuilder.
#ifndef MOTIEARCHIEF_EXTRACTORS_CLAUSES_H_
#define MOTIEARCHIEF_EXTRACTORS_CLAUSES_H_

#include <cstddef>

#include "extractors/record_builder.h"

namespace motiearchief::extractors {

// The first line that opens a clause; doc.lines.size() when none does.
size_t FirstClauseLine(const RecordBuilder& doc);

// Reads overwegingen and verzoeken in lines [begin, end) into doc.record;
// returns the line after the last clause line (where signatures may start).
size_t ReadClauses(RecordBuilder& doc, size_t begin, size_t end);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_CLAUSES_H_
