#include "extractors/profiles.h"

#include <re2/re2.h>

#include "extractors/grammar.h"
#include "text/normalize.h"

namespace motiearchief::extractors {

using text::FoldForMatch;
using text::Trim;

namespace {

using Name = OrgaanRule::Name;

// Below this much evidence no profile is chosen (the VNG default applies).
constexpr int kMinimumEvidence = 3;

std::vector<LayoutProfile> MakeProfiles() {
  return {
      {"vng",
       "VNG motie, amendement, preadvies: 'Indiener: gemeente X', the ALV, "
       "municipalities signing 'Namens gemeente'",
       {{"vergadering.context", 3},
        {"profile.vng", 2},
        {"header.indiener", 2},
        {"doc.motie_header", 2},
        {"sign.label_value", 1}},
       {},
       "ALV VNG",
       {},
       true,
       SignatureForm::kMunicipalities},
      {"kamerstuk",
       "Tweede and Eerste Kamer motions: house and vergaderjaar over a rule, "
       "'MOTIE VAN HET LID X C.S.', 'Voorgesteld <datum>', 'De Kamer,', surnames "
       "under the closing formula; Handelingen: 'voorgesteld door de leden ...'",
       {{"profile.kamerstuk_house", 5},
        {"profile.kamerstuk_footer", 5},
        {"profile.de_kamer", 3},
        {"profile.motie_van_het_lid", 3},
        {"profile.voorgesteld_door", 3},
        {"date.anchor_voorgesteld", 1}},
       {{"profile.kamerstuk_house", "", Name::kHouse},
        {"profile.kamerstuk_footer", "", Name::kHouse}},
       std::nullopt,
       {"date.anchor_voorgesteld"},
       false,
       SignatureForm::kMembers},
      {"provinciale_staten",
       "Provinciale Staten motions and amendments: 'Provinciale Staten van X, in "
       "vergadering bijeen op <datum>', requests to Gedeputeerde Staten, names "
       "with their fracties",
       {{"profile.provinciale_staten", 5},
        {"profile.provincie_header", 2},
        {"profile.gedeputeerde_staten", 2}},
       {{"profile.provinciale_staten", "Provinciale Staten ", Name::kAsWritten},
        {"profile.provincie_header", "Provinciale Staten ", Name::kAsWritten}},
       "Provinciale Staten",
       {"date.anchor_meeting"},
       true,
       SignatureForm::kMembersAndFracties},
      {"waterschap",
       "water board motions: 'Het Algemeen Bestuur van Hoogheemraadschap X, in "
       "vergadering bijeen op <datum>', requests to dijkgraaf en hoogheemraden",
       {{"profile.waterschap_bestuur", 5},
        {"profile.waterschap_header", 2},
        {"profile.dijkgraaf", 2}},
       {{"profile.waterschap_bestuur", "algemeen bestuur ", Name::kAsWritten},
        {"profile.waterschap_header", "algemeen bestuur ", Name::kAsWritten}},
       std::nullopt,
       {"date.anchor_meeting"},
       true,
       SignatureForm::kMembersAndFracties},
      {"gemeenteraad",
       "council motions and amendments: 'De raad van de gemeente X, in "
       "vergadering bijeen op <datum>', 'Gemeente X' header, Amsterdam's 'Aan de "
       "gemeenteraad' / 'Het lid van de gemeenteraad', names with fracties",
       {{"profile.gemeenteraad", 4}, {"profile.council_format", 3}, {"profile.gemeente_header", 2}},
       {{"profile.gemeenteraad", "gemeenteraad ", Name::kGemeente},
        {"profile.gemeente_header", "gemeenteraad ", Name::kGemeente}},
       "gemeenteraad",
       {"date.anchor_meeting"},
       true,
       SignatureForm::kMembersAndFracties},
  };
}

std::optional<std::string> OrgaanName(const OrgaanRule& rule, const std::string& captured,
                                      const Gazetteer& gazetteer) {
  std::string name(Trim(captured));
  if (name.empty()) return std::nullopt;
  switch (rule.name) {
    case Name::kHouse: {
      std::string folded = FoldForMatch(name);
      return std::string(folded == "eerste" ? "Eerste Kamer" : "Tweede Kamer");
    }
    case Name::kGemeente: {
      auto m = gazetteer.Lookup(name);
      if (!m) return std::nullopt;  // "Gemeente Den Haag" must be a municipality
      return std::string(rule.prefix) + m->name;
    }
    case Name::kAsWritten:
      return std::string(rule.prefix) + name;
  }
  return std::nullopt;
}

}  // namespace

const std::vector<LayoutProfile>& Profiles() {
  static const std::vector<LayoutProfile>* const profiles =
      new std::vector<LayoutProfile>(MakeProfiles());
  return *profiles;
}

ProfileChoice ChooseProfile(const std::vector<Line>& lines, const Gazetteer& gazetteer) {
  ProfileChoice best;
  for (const LayoutProfile& profile : Profiles()) {
    int score = 0;
    std::string why;
    for (const Evidence& e : profile.evidence) {
      for (const Line& line : lines) {
        if (Matches(e.rule, line.text)) {
          score += e.weight;
          why += (why.empty() ? "" : "+") + std::string(e.rule);
          break;
        }
      }
    }
    if (score > best.score) {
      best.profile = &profile;
      best.score = score;
      best.evidence = why;
    }
  }
  if (best.score < kMinimumEvidence) {
    best.profile = &Profiles().front();
    best.evidence = "profile.default";
  }
  for (const OrgaanRule& rule : best.profile->orgaan_rules) {
    for (const Line& line : lines) {
      std::string captured;
      if (!Capture(rule.rule, line.text, &captured)) continue;
      if (auto orgaan = OrgaanName(rule, captured, gazetteer)) {
        best.orgaan = orgaan;
        break;
      }
    }
    if (best.orgaan) break;
  }
  if (!best.orgaan) best.orgaan = best.profile->orgaan_default;
  return best;
}

}  // namespace motiearchief::extractors
