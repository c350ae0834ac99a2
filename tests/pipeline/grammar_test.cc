// Table-driven tests of every grammar rule: {rule, input, match?, capture}.
// Rows cover the ways Dutch motions phrase each part, OCR damage included.
#include "pipeline/grammar.h"

#include <gtest/gtest.h>

#include <set>

namespace motiearchief::pipeline {
namespace {

struct Row {
  const char* rule;
  const char* input;
  bool matches;
  const char* capture;  // first group, when the rule has one; nullptr: unchecked
};

const Row kRows[] = {
    // Document starts.
    {"doc.samenvatting_preadvies", "Samenvatting en preadvies motie Herstel financiële verhouding",
     true, nullptr},
    {"doc.samenvatting_preadvies", "SAMENVATTING EN PRE-ADVIES", true, nullptr},
    {"doc.samenvatting_preadvies", "Samenvatting", false, nullptr},
    {"doc.preadvies", "Preadvies bij de motie Zeist c.s.", true, nullptr},
    {"doc.preadvies", "Preadvies VNG-bestuur: overnemen", false, nullptr},
    {"doc.amendement", "Amendement van de gemeente Eindhoven", true, nullptr},
    {"doc.amendement", "AMENDEMENT", true, nullptr},
    {"doc.amendement", "Amendement: Ruimte voor wonen", true, nullptr},
    {"doc.amendement", "amendementen worden besproken", false, nullptr},
    {"doc.motie", "Motie: Aan de slag met bestaanszekerheid", true, nullptr},
    {"doc.motie", "Motie \"Goed beleid = integraal beleid\"", true, nullptr},
    {"doc.motie", "MOTIE", true, nullptr},
    {"doc.motie", "Motie Zeist c.s.", true, nullptr},
    {"doc.motie", "Motie vreemd aan de orde van de dag", true, nullptr},
    {"doc.motie", "motie van de gemeente die eerder", false, nullptr},
    {"doc.motie_header", "Indiener:", true, nullptr},
    {"doc.motie_header", "lndieners: Gemeenten Zeist, Utrecht", true, nullptr},
    {"doc.motie_header", "Titel motie: Duurzame bekostiging", true, nullptr},
    {"doc.motie_header", "AAN: Bestuur van de Vereniging van Nederlandse Gemeenten", true, nullptr},
    {"doc.motie_header", "Aan de leden", false, nullptr},
    {"doc.in_vergadering_bijeen",
     "De Algemene Ledenvergadering van de VNG, in vergadering bijeen op 7 juni 2024,", true,
     nullptr},
    {"doc.in_vergadering_bijeen", "in algemene ledenvergadering bijeen", true, nullptr},
    {"doc.resolutie", "Resolutie \"VNG-inzet richting nieuw kabinet\"", true, nullptr},
    {"doc.resolutie", "resolutie ontvangen inclusief nagekomen moties", false, nullptr},
    {"doc.brief", "Geachte leden van college en gemeenteraad,", true, nullptr},
    {"doc.brief", "Geachte dames en heren,", true, nullptr},
    {"doc.brief", "Lbr. 23/047", true, nullptr},

    // Considerations.
    // Bullets, also as OCR reads them.
    {"line.bullet", "• Landelijk beleid wordt ontwikkeld", true, "•"},
    {"line.bullet", "\" Voorwaardelijk voor goed beleid is tevens", true, "\" "},
    {"line.bullet", "« De VNG zich reeds meermalen heeft ingezet", true, "« "},
    {"line.bullet", "\"Goed beleid = integraal beleid\" is de titel", false, nullptr},

    {"clause.constaterende", "Constaterende, dat", true, ""},
    {"clause.constaterende", "Constaterende dat:", true, ""},
    {"clause.constaterende", "constaterende dat gemeenten te weinig middelen hebben;", true,
     "gemeenten te weinig middelen hebben;"},
    {"clause.constaterende", "Voorts constaterende dat", true, ""},
    {"clause.constaterende", "C0nstaterende dat", true, ""},
    {"clause.overwegende", "Overwegende dat:", true, ""},
    {"clause.overwegende", "Overwegende dat,", true, ""},
    {"clause.overwegende", "Ovenregende dat", true, ""},
    {"clause.overwegende", "0verwegende dat", true, ""},
    {"clause.overwegende", "Overwegingen:", true, ""},
    {"clause.overwegende", "overwegende, dat de kosten stijgen", true, "de kosten stijgen"},
    {"clause.overwegende", "Tevens overwegende dat", true, ""},
    {"clause.overwegende", "Overwegend is de toon positief", false, nullptr},
    {"clause.van_mening", "Van mening dat", true, ""},
    {"clause.van_mening", "Is van mening dat het Rijk moet betalen", true, "het Rijk moet betalen"},
    {"clause.van_oordeel", "Van oordeel zijnde dat", true, ""},
    {"clause.gelet_op", "Gelet op:", true, ""},
    {"clause.gelet_op", "gelet op de brief van 3 november", true, "de brief van 3 november"},
    {"clause.kennisnemende", "Kennis genomen hebbende van het rapport", true, "het rapport"},
    {"clause.kennisnemende", "Kennisnemende van", true, ""},
    {"clause.dat_paragraph", "Dat gemeenten onvoldoende middelen hebben;", true,
     "gemeenten onvoldoende middelen hebben;"},
    {"clause.dat_paragraph", "dat gemeenten onvoldoende", false, nullptr},
    {"clause.end_orde_van_de_dag", "En gaat over tot de orde van de dag", true, nullptr},
    {"clause.end_orde_van_de_dag", "en gaan over tot de orde van de dag.", true, nullptr},

    // Requests.
    {"request.verzoekt", "Verzoekt het VNG bestuur om;", true, "het VNG bestuur om;"},
    {"request.verzoekt", "Verzoeken het bestuur:", true, "het bestuur:"},
    {"request.verzoekt", "En verzoekt het college", true, "het college"},
    {"request.roept_op", "Roept het VNG bestuur op om", true, ""},
    {"request.roept_op", "Roept het bestuur van de VNG op om:", true, ""},
    {"request.roept_op", "roept de regering op de korting terug te draaien", true,
     "de korting terug te draaien"},
    {"request.roept_op", "Roept op tot het terugdraaien van de korting", true,
     "het terugdraaien van de korting"},
    {"request.oproep", "Oproep aan het VNG-bestuur:", true, ""},
    {"request.oproep", "Oproep aan het bestuur om: in gesprek te gaan", true, "in gesprek te gaan"},
    {"request.draagt_op", "Draagt het bestuur op om", true, ""},
    {"request.draagt_op", "draagt het college op:", true, ""},
    {"request.spreekt_uit", "Spreekt uit dat", true, ""},
    {"request.spreekt_uit", "Spreekt als haar mening uit dat gemeenten gelijkwaardig zijn", true,
     "gemeenten gelijkwaardig zijn"},
    {"request.spreekt_uit", "Spreekt zich uit voor een eerlijke verdeling", true,
     "voor een eerlijke verdeling"},
    {"request.besluit", "Besluit:", true, ""},
    {"request.besluit", "besluit om de VNG te vragen", true, "de VNG te vragen"},
    {"request.dringt_aan", "Dringt er bij het kabinet op aan om", true, ""},
    {"request.stelt_voor", "Stelt voor de tekst als volgt te wijzigen:", true,
     "de tekst als volgt te wijzigen:"},
    {"request.geeft_opdracht", "Geeft het bestuur de opdracht om", true, ""},
    {"request.addressee", "het VNG bestuur om;", true, ""},
    {"request.addressee", "het bestuur van de VNG op om: de inzet te versterken", true,
     "de inzet te versterken"},
    {"request.addressee", "de regering om de korting terug te draaien", true,
     "de korting terug te draaien"},
    {"request.addressee", "het college van burgemeester en wethouders om: te handelen", true,
     "te handelen"},
    {"request.addressee", "zich in te zetten voor de regio", false, nullptr},

    // Header fields.
    {"header.indiener", "Indiener: Gemeente Enschede", true, "Gemeente Enschede"},
    {"header.indiener", "Indieners: Gemeenten Zeist, Utrecht en Nijmegen", true,
     "Gemeenten Zeist, Utrecht en Nijmegen"},
    {"header.indiener", "lndiener: gemeente Losser", true, "gemeente Losser"},
    {"header.indiener", "Indienende gemeente(n): Enschede", true, "Enschede"},
    {"header.indiener", "Ingediend door: Bergeijk c.s.", true, "Bergeijk c.s."},
    {"header.mede_indiener", "Mede indiener:", true, ""},
    {"header.mede_indiener", "Mede-indieners: Losser, Oldenzaal", true, "Losser, Oldenzaal"},
    {"header.van", "VAN: Gemeente Heemstede", true, "Gemeente Heemstede"},
    {"header.datum", "DATUM 20 november 2023", true, "20 november 2023"},
    {"header.datum", "Datum indiening: 14 november 2023", true, "14 november 2023"},
    {"header.datum", "Datum:", true, ""},
    {"header.titel", "Titel motie: Herstel financiële verhouding", true,
     "Herstel financiële verhouding"},
    {"header.titel", "Titel: passende normering en regulering", true,
     "passende normering en regulering"},
    {"header.titel", "Onderwerp motie: Wonen", true, "Wonen"},
    {"header.agendapunt", "Agendapunt 8a. Actualisatie randvoorwaarden", true, "8a"},
    {"header.agendapunt", "- Agendapunt 7. Kaders VNG-inzet", true, "7"},

    // Titles.
    {"title.label", "Motie: Aan de slag met bestaanszekerheid", true,
     "Aan de slag met bestaanszekerheid"},
    {"title.quoted", "Motie \"Goed beleid = integraal beleid\"", true,
     "Goed beleid = integraal beleid"},
    {"title.quoted", "Motie Zeist c.s. \"Duurzame bekostiging IZA\"", true,
     "Duurzame bekostiging IZA"},
    {"title.preadvies", "Samenvatting en preadvies motie Goed beleid = integraal beleid", true,
     "Goed beleid = integraal beleid"},
    {"title.preadvies", "Preadvies bij de motie Lokale energie", true, "Lokale energie"},
    {"title.generic_subject", "Motie Algemene Leden Vergadering 1 december 2023", true, nullptr},
    {"title.generic_subject", "Motie ALV 1 december 2023", true, nullptr},

    // Submitters and supporters.
    {"indiener.amendement_van", "Amendement van de gemeente Eindhoven", true, "gemeente Eindhoven"},
    {"indiener.dient_in", "De gemeente Zeist dient deze motie in", true, "gemeente Zeist"},
    {"indiener.cs", "Bergeijk c.s.", true, nullptr},
    {"indiener.cs", "Schagen en Almere e.a.", true, nullptr},
    {"indiener.met_mede", "gemeente Súdwest-Fryslân met mede-indiener gemeente Losser", true,
     "gemeente Súdwest-Fryslân"},
    {"support.heading", "Lijst met ondersteunende gemeenten", true, ""},
    {"support.heading", "Ondersteunende gemeenten: Weert, Apeldoorn", true, "Weert, Apeldoorn"},
    {"support.heading", "Ondersteund door:", true, ""},
    {"support.inline", "Deze motie wordt ondersteund door de gemeenten: Oss, Uden en Meierijstad",
     true, "Oss, Uden en Meierijstad"},
    {"support.placeholder", "Lijst volgt", true, nullptr},
    {"support.placeholder", "PM volgt", true, nullptr},
    {"support.placeholder", "gemeenten …", true, nullptr},
    {"support.placeholder", "Gemeente Weert", false, nullptr},

    // Dates and meetings.
    {"date.long", "20 november 2023", true, "20"},
    {"date.long", "1 december a.s.", true, "1"},
    {"date.long", "3 dec. 2023", true, "3"},
    {"date.numeric", "20-11 -2023", true, "20"},
    {"date.numeric", "20 - 11 - 2023", true, "20"},
    {"date.numeric", "20.11.2023", true, "20"},
    {"vergadering.context", "Najaars ALV van 1 december a.s.", true, nullptr},
    {"vergadering.context", "Algemene Leden Vergadering 1 december 2023", true, nullptr},
    {"vergadering.context", "Algemene Ledenvergadering Vereniging Nederlandse Gemeenten", true,
     nullptr},

    // Preadvies.
    {"preadvies.advies", "Preadvies VNG-bestuur: overnemen", true, "overnemen"},
    {"preadvies.advies", "Preadvies bestuur: Ontraden", true, "Ontraden"},
    {"preadvies.advies", "Preadvies: oordeel aan de ALV", true, "oordeel aan de ALV"},
    {"preadvies.strekking", "Strekking van de motie:", true, ""},
    {"preadvies.strekking", "Strekking van het amendement: voegt toe", true, "voegt toe"},
    {"preadvies.toelichting", "Toelichting bij het preadvies:", true, ""},
    {"preadvies.status", "Status motie: ondertekend", true, "ondertekend"},

    // Signatories.
    {"sign.role", "Burgemeester Enschede", true, "Burgemeester"},
    {"sign.role", "Wethouder Financiën Enschede", true, "Wethouder"},
    {"sign.role", "gemeentesecretaris", true, "gemeentesecretaris"},
    {"sign.role", "loco-burgemeester", true, "loco-burgemeester"},
    {"sign.name_role", "A.C. Nienhuis, burgemeester", true, "A.C. Nienhuis"},
    {"sign.honorific", "mr. drs. J.A. de Vries", true, nullptr},
    {"sign.honorific", "Dhr. P. Jansen", true, nullptr},
    {"sign.name_initials", "J. R. V. A. Dijsselbloem", true, "J. R. V. A. Dijsselbloem"},
    {"sign.name_initials", "C.A.M. Kroon", true, "C.A.M. Kroon"},
    {"sign.name_initials", "J. van Dam", true, "J. van Dam"},
    {"sign.name_full", "Roelof Bleker", true, "Roelof Bleker"},
    {"sign.name_full", "Marc van der Teutelinck", true, "Marc van der Teutelinck"},
    {"sign.name_full", "en gaat over", false, nullptr},
    {"sign.table_label", "Namens gemeente:", true, "Namens gemeente"},
    {"sign.table_label", "Naam", true, "Naam"},
    {"sign.table_label", "Functie:", true, "Functie"},
    {"sign.table_label", "Handtekening", true, "Handtekening"},
    {"sign.table_label", "Naam: J. Jansen", false, nullptr},
    {"sign.table_label", "Gemeenten hebben daarmee", false, nullptr},
    {"sign.label_value", "Namens gemeente: Losser", true, "Namens gemeente"},
    {"sign.label_value", "Namens de gemeente: Súdwest-Fryslân", true, "Namens de gemeente"},
    {"sign.label_value", "Naam: J. Jansen", true, "Naam"},
    {"sign.label_value", "Functie : wethouder", true, "Functie"},
    {"sign.label_value", "Wethouder: mr. J. Jansen", true, "Wethouder"},
    {"sign.label_value", "Gemeentesecretaris:", true, "Gemeentesecretaris"},
    {"sign.label_value", "Wethouder Financiën Enschede", false, nullptr},
    {"sign.label_value", "Datum: 20 november 2023", false, nullptr},
    {"sign.college_van", "Het college van burgemeester en wethouders van Losser", true, "Losser"},
    {"sign.college_van", "Namens burgemeester en wethouders van Heemstede,", true, "Heemstede"},
    {"sign.namens", "Namens de gemeente Eindhoven,", true, "Eindhoven"},

    // Page furniture.
    {"page.furniture", "Vereniging van Nederlandse Gemeenten 2/2", true, nullptr},
    {"page.furniture", "2", true, nullptr},
    {"page.furniture", "Pagina 2 van 3", true, nullptr},
    {"page.furniture", "https://vng.nl/uitvoeringstoetsen", true, nullptr},
};

class GrammarTableTest : public testing::TestWithParam<Row> {};

TEST_P(GrammarTableTest, MatchesAsExpected) {
  const Row& row = GetParam();
  const RE2& re = Grammar().Re(row.rule);
  std::string group;
  bool matched = re.NumberOfCapturingGroups() > 0 ? RE2::PartialMatch(row.input, re, &group)
                                                  : RE2::PartialMatch(row.input, re);
  EXPECT_EQ(matched, row.matches) << row.rule << " on \"" << row.input << "\"";
  if (matched && row.capture != nullptr) {
    EXPECT_EQ(group, row.capture) << row.rule << " on \"" << row.input << "\"";
  }
}

INSTANTIATE_TEST_SUITE_P(AllRules, GrammarTableTest, testing::ValuesIn(kRows),
                         [](const testing::TestParamInfo<Row>& info) {
                           std::string name = std::to_string(info.index) + "_" + info.param.rule;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(GrammarTest, EveryRuleHasAUniqueNameAndIsTested) {
  std::set<std::string> names, tested;
  for (const Row& row : kRows) tested.insert(row.rule);
  for (const NamedRule& rule : Grammar().All()) {
    EXPECT_TRUE(names.insert(rule.name).second) << "duplicate rule " << rule.name;
  }
  // Rules used only as building blocks inside other code paths are tested
  // there (extract_test); everything else has table rows here.
  const std::set<std::string> tested_elsewhere = {"doc.brief_letterhead",
                                                  "clause.other_opener",
                                                  "clause.gehoord",
                                                  "clause.vaststellende",
                                                  "request.vraagt",
                                                  "request.doet_beroep",
                                                  "section.signatures",
                                                  "section.toelichting",
                                                  "section.inleiding",
                                                  "header.onderwerp",
                                                  "title.amendement_label",
                                                  "title.in_quotes",
                                                  "indiener.motie_van",
                                                  "gemeente.prefix",
                                                  "gemeente.separator",
                                                  "date.iso",
                                                  "line.bullet"};
  for (const std::string& name : names) {
    EXPECT_TRUE(tested.count(name) || tested_elsewhere.count(name)) << "untested rule " << name;
  }
}

}  // namespace
}  // namespace motiearchief::pipeline
