// Layout profiles: the kinds of motion document Motiearchief knows, as data.
//
// Motions are written the same way all over the Netherlands, but each body
// has its own header, addressing line, dating and signature form: a
// kamerstuk motion ("MOTIE VAN HET LID ...", "Voorgesteld <datum>", "De
// Kamer,", surnames under the closing formula), a council, Staten or water
// board motion ("De raad van de gemeente X, in vergadering bijeen op
// <datum>", names with their fracties), and the VNG's own motions
// ("Indiener: gemeente X", "Namens gemeente"). A profile names the grammar
// rules (grammar.cc) that are evidence for it, the rules that date the
// document, whether it has a title of its own, and how its signatures are
// read. Adding a kind of document is adding a row to the table in
// profiles.cc, not a code path.
//
// Thread-safety: the table is built once and only read.
#ifndef MOTIEARCHIEF_EXTRACTORS_PROFILES_H_
#define MOTIEARCHIEF_EXTRACTORS_PROFILES_H_

#include <optional>
#include <string>
#include <vector>

#include "extractors/gazetteer.h"
#include "extractors/lines.h"

namespace motiearchief::extractors {

// How the signature block of a kind of document is read.
enum class SignatureForm {
  // VNG: municipalities signing ("Namens gemeente X", roles, forms); the
  // submitters are municipalities (signatories.h reads these).
  kMunicipalities,
  // Parliament: members' names under the closing formula; they submit.
  kMembers,
  // Councils, Staten, water boards: members with their fracties; the
  // fracties submit, or the members when no fractie is named.
  kMembersAndFracties,
};

// One piece of evidence: a grammar rule and what a match weighs.
struct Evidence {
  const char* rule;
  int weight;
};

// How the body's name (`orgaan`) is read: rule whose group 1 names the body,
// and how that name is written into the orgaan.
struct OrgaanRule {
  const char* rule;
  const char* prefix;  // "gemeenteraad ", "Provinciale Staten ", ...
  enum class Name { kHouse, kGemeente, kAsWritten } name;
};

struct LayoutProfile {
  const char* name;     // "kamerstuk", "gemeenteraad", ...; stored as provenance
  const char* variant;  // the variant of the genre it serves, in words
  std::vector<Evidence> evidence;
  std::vector<OrgaanRule> orgaan_rules;
  // The orgaan when the rules find no name but the profile is chosen
  // (e.g. "Provinciale Staten in vergadering bijeen" without the province).
  std::optional<std::string> orgaan_default;
  // Rules whose group 1 starts with the date of submission or meeting, in
  // order of preference; empty: the VNG's own dating (vng_header.h).
  std::vector<const char*> date_rules;
  bool has_own_title;  // a kamerstuk motion has none (the dossier's is not it)
  SignatureForm signatures;
};

// Every profile, in order of preference on equal evidence.
const std::vector<LayoutProfile>& Profiles();

struct ProfileChoice {
  const LayoutProfile* profile = nullptr;
  int score = 0;
  std::string evidence;  // "profile.de_kamer+profile.kamerstuk_house": why
  std::optional<std::string> orgaan;
};

// The profile with the most evidence in `lines` (the VNG profile when there
// is none: the original genre of this archive), and the orgaan it reads.
ProfileChoice ChooseProfile(const std::vector<Line>& lines, const Gazetteer& gazetteer);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_PROFILES_H_
