// The domain's closed vocabularies, spelled one way: roles of
// ondertekenaars and the advice of a preadvies.
//
// Documents write "Loco-Burgemeester", "loco - burgemeester"; "Overnemen",
// "oordeel aan de ALV". The record, search filters and reports compare
// these values, so every stage maps what is written through these functions.
//
// Pure functions, thread-safe.
#ifndef MOTIEARCHIEF_EXTRACTORS_VOCABULARY_H_
#define MOTIEARCHIEF_EXTRACTORS_VOCABULARY_H_

#include <string>
#include <string_view>

namespace motiearchief::extractors {

// A role as the record gives it: lower case, spaces collapsed, hyphens
// kept. "Loco-Burgemeester" gives "loco-burgemeester".
std::string CanonicalRole(std::string_view text);

// Canonical advice: "overnemen", "ontraden", "aanhouden", "oordeel ALV",
// ...; text that names no known advice comes back folded.
std::string CanonicalAdvice(std::string_view written);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_VOCABULARY_H_
