// Dutch municipalities (gemeenten) and every way documents write them.
//
// Built from data/gemeenten.csv (342 municipalities of 2024 with their name
// variants) and data/opgeheven.csv (municipalities dissolved since 2010),
// both compiled into the program. Names are compared on FoldForMatch keys
// (case and diacritics folded, punctuation ignored), so "Sudwest Fryslan",
// "Súdwest-Fryslân" and "SÚDWEST FRYSLÂN" are one; a "Gemeente" prefix
// (also misspelt "Gemeeente") is dropped; one typo is forgiven in names of
// seven letters or more ("Tytsjerksteradeel").
//
// Thread-safety: immutable after construction; share freely.
#ifndef MOTIEARCHIEF_EXTRACTORS_GAZETTEER_H_
#define MOTIEARCHIEF_EXTRACTORS_GAZETTEER_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace motiearchief::extractors {

struct GemeenteMatch {
  std::string name;  // official name, or the text as written when !known
  bool known = false;
  bool fuzzy = false;      // matched with one typo
  bool dissolved = false;  // a municipality dissolved since 2010
};

class Gazetteer {
 public:
  // The embedded reference data.
  static const Gazetteer& Default();
  // From CSV text in the formats of data/README.md (for tests).
  Gazetteer(std::string_view gemeenten_csv, std::string_view opgeheven_csv);

  // The official name for one written name ("Gemeente Den Bosch" ->
  // "'s-Hertogenbosch"), or nullopt.
  std::optional<GemeenteMatch> Lookup(std::string_view written) const;

  // Municipalities in a written list: "Gemeenten A, B en C",
  // "Súdwest-Fryslân en Losser", "Aa en Hunze". Names joined by " en " are
  // kept together when together they are one municipality. A part that is
  // no municipality is returned as written with known=false when
  // `keep_unknown` (and dropped otherwise).
  std::vector<GemeenteMatch> ParseList(std::string_view text, bool keep_unknown) const;

  size_t size() const { return official_.size(); }

 private:
  void Add(const std::string& variant, const std::string& official, bool dissolved);
  std::unordered_map<std::string, std::pair<std::string, bool>> by_key_;
  std::vector<std::string> official_;
};

// Drops "Gemeente", "gemeenten", "de gemeente", "Gemeeente" at the start.
std::string_view StripGemeentePrefix(std::string_view name);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_GAZETTEER_H_
