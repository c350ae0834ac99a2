// Extraction on motions phrased in the many ways the genre uses: other
// headings, numbered clauses, "Dat" paragraphs, OCR damage, signature
// layouts. Each case is a small document and the fields it must yield.
#include "extractors/extract.h"

#include <gtest/gtest.h>

namespace motiearchief::extractors {
namespace {

schema::Record Extract(const std::string& soort, const std::string& text) {
  return ExtractRecord(soort, {{1, text, false, {}}}, Gazetteer::Default());
}

TEST(ExtractMotionTest, NumberedClausesAndInlineRequest) {
  auto r = Extract(
      "motie",
      "Motie: Eerlijke verdeling gemeentefonds\n"
      "Indieners: Gemeenten Zeist, Utrecht en Nijmegen\n"
      "Datum: 20-11-2023\n\n"
      "De Algemene Ledenvergadering van de VNG, in vergadering bijeen op 1 december 2023,\n\n"
      "Constaterende dat:\n"
      "1. het gemeentefonds vanaf 2026 met 3 miljard wordt gekort;\n"
      "2. gemeenten daardoor taken niet meer\n"
      "kunnen uitvoeren;\n"
      "Overwegende dat:\n"
      "a) de opschalingskorting nooit is onderbouwd;\n"
      "Spreekt uit dat de korting van tafel moet;\n"
      "Draagt het bestuur op om:\n"
      "1. dit in te brengen bij de formatie;\n"
      "2. de leden te informeren.\n"
      "En gaat over tot de orde van de dag.\n");
  EXPECT_EQ(r.titel, "Eerlijke verdeling gemeentefonds");
  EXPECT_EQ(r.indieners, (std::vector<std::string>{"Zeist", "Utrecht", "Nijmegen"}));
  EXPECT_EQ(r.datum_indiening, "2023-11-20");
  EXPECT_EQ(r.vergadering, "2023-12-01");
  ASSERT_EQ(r.overwegingen.size(), 3u);
  EXPECT_EQ(r.overwegingen[0].soort, "constaterende");
  // Final punctuation stays as in the source.
  EXPECT_EQ(r.overwegingen[1].tekst, "gemeenten daardoor taken niet meer kunnen uitvoeren;");
  EXPECT_EQ(r.overwegingen[2].soort, "overwegende");
  ASSERT_EQ(r.verzoeken.size(), 3u);
  EXPECT_EQ(r.verzoeken[0].soort, "spreekt uit");
  EXPECT_EQ(r.verzoeken[0].tekst, "de korting van tafel moet;");
  EXPECT_EQ(r.verzoeken[1].soort, "draagt op");
  EXPECT_EQ(r.verzoeken[2].tekst, "de leden te informeren.");
}

TEST(ExtractMotionTest, DatParagraphsAndOcrDamage) {
  auto r = Extract("motie",
                   "lndiener: Gemeente Losser\n\n"
                   "Ovenregende\n"
                   "Dat gemeenten de Cao Aan de slag\n"
                   "uitvoeren;\n\n"
                   "Dat de kosten stijgen;\n\n"
                   "Verzoekt het VNG-bestuur\n"
                   "Dat de VNG zich inzet voor structurele middelen.\n");
  EXPECT_EQ(r.indieners, (std::vector<std::string>{"Losser"}));
  ASSERT_EQ(r.overwegingen.size(), 2u);
  EXPECT_EQ(r.overwegingen[0].soort, "overwegende");
  // The repeated "Dat" of each paragraph is dropped (the opener has it).
  EXPECT_EQ(r.overwegingen[0].tekst, "gemeenten de Cao Aan de slag uitvoeren;");
  ASSERT_EQ(r.verzoeken.size(), 1u);
  EXPECT_EQ(r.verzoeken[0].soort, "verzoekt");
}

TEST(ExtractMotionTest, CoSubmittersAndSupportersPlaceholders) {
  auto r = Extract("motie",
                   "Motie Bergeijk c.s. \"Eigen bijdrage Wmo\"\n"
                   "Mede-indieners: Eersel, Bladel\n"
                   "Overwegende dat de bijdrage stijgt;\n"
                   "Roept het bestuur op om actie te ondernemen.\n"
                   "En gaat over tot de orde van de dag\n"
                   "Deze motie wordt ondersteund door de gemeenten: Oss, lijst volgt\n");
  EXPECT_EQ(r.titel, "Eigen bijdrage Wmo");
  EXPECT_EQ(r.indieners, (std::vector<std::string>{"Bergeijk"}));
  EXPECT_EQ(r.mede_indieners, (std::vector<std::string>{"Eersel", "Bladel"}));
  EXPECT_EQ(r.ondersteuners, (std::vector<std::string>{"Oss"}));
  ASSERT_EQ(r.verzoeken.size(), 1u);
  EXPECT_EQ(r.verzoeken[0].tekst, "actie te ondernemen.");
}

TEST(ExtractMotionTest, SignatoriesInColumnsWithRolesBelowAndAbove) {
  auto r = Extract("motie",
                   "Overwegende dat x;\nVerzoekt het bestuur y.\n"
                   "En gaat over tot de orde van de dag\n\n"
                   "Roelof Bleker                    Marc Teutelinck\n"
                   "   Burgemeester Enschede          Wethouder Financiën Enschede\n\n"
                   "Het college van burgemeester en wethouders van Losser\n"
                   "burgemeester          gemeentesecretaris\n"
                   "ir. C.A.M. Kroon      J. van Dam\n");
  ASSERT_EQ(r.ondertekenaars.size(), 4u);
  EXPECT_EQ(r.ondertekenaars[0].naam, "Roelof Bleker");
  EXPECT_EQ(r.ondertekenaars[0].functie, "burgemeester");
  EXPECT_EQ(r.ondertekenaars[0].gemeente, "Enschede");
  EXPECT_EQ(r.ondertekenaars[1].functie, "wethouder");
  EXPECT_EQ(r.ondertekenaars[2].naam, "C.A.M. Kroon");
  EXPECT_EQ(r.ondertekenaars[2].functie, "burgemeester");
  EXPECT_EQ(r.ondertekenaars[2].gemeente, "Losser");
  EXPECT_EQ(r.ondertekenaars[3].naam, "J. van Dam");
  EXPECT_EQ(r.ondertekenaars[3].functie, "gemeentesecretaris");
}

TEST(ExtractMotionTest, SignatoriesInAHeaderRowTable) {
  auto r = Extract("motie",
                   "Motie: Ruimte voor wonen\n"
                   "Indiener: gemeente Losser\n\n"
                   "Verzoekt het bestuur van de VNG:\n"
                   "- het kabinet te vragen om structurele middelen.\n\n"
                   "Namens gemeente:      Naam:                  Functie:          Handtekening:\n"
                   "Losser                mr. J. Jansen          wethouder\n"
                   "Dinkelland            P. de Vries            burgemeester\n"
                   "Den Bosch             drs. A. Bakker         gemeentesecretaris\n");
  ASSERT_EQ(r.ondertekenaars.size(), 3u);
  EXPECT_EQ(r.ondertekenaars[0].naam, "J. Jansen");
  EXPECT_EQ(r.ondertekenaars[0].functie, "wethouder");
  EXPECT_EQ(r.ondertekenaars[0].gemeente, "Losser");
  EXPECT_EQ(r.ondertekenaars[1].naam, "P. de Vries");
  EXPECT_EQ(r.ondertekenaars[1].gemeente, "Dinkelland");
  EXPECT_EQ(r.ondertekenaars[2].functie, "gemeentesecretaris");
  EXPECT_EQ(r.ondertekenaars[2].gemeente, "'s-Hertogenbosch");
  // Signing "namens gemeente" makes a municipality a co-submitter.
  EXPECT_EQ(r.indieners, (std::vector<std::string>{"Losser"}));
  EXPECT_EQ(r.mede_indieners, (std::vector<std::string>{"Dinkelland", "'s-Hertogenbosch"}));
}

TEST(ExtractMotionTest, SignatoriesAsFilledInFieldsSideBySide) {
  auto r = Extract("motie",
                   "Motie: Ruimte voor wonen\n"
                   "Indieners: gemeenten Tilburg en Breda\n\n"
                   "Roept het VNG-bestuur op:\n"
                   "1. bij het Rijk aan te dringen op meer middelen.\n\n"
                   "Namens gemeente: Tilburg                  Namens gemeente: Breda\n"
                   "Wethouder: J. de Wit                      Burgemeester:    P. Depla\n\n"
                   "Namens gemeente: Zundert\n"
                   "Naam: Mw. A. Zwart\n"
                   "Functie: loco-burgemeester\n");
  ASSERT_EQ(r.ondertekenaars.size(), 3u);
  EXPECT_EQ(r.ondertekenaars[0].naam, "J. de Wit");
  EXPECT_EQ(r.ondertekenaars[0].functie, "wethouder");
  EXPECT_EQ(r.ondertekenaars[0].gemeente, "Tilburg");
  EXPECT_EQ(r.ondertekenaars[1].naam, "P. Depla");
  EXPECT_EQ(r.ondertekenaars[1].functie, "burgemeester");
  EXPECT_EQ(r.ondertekenaars[1].gemeente, "Breda");
  EXPECT_EQ(r.ondertekenaars[2].naam, "A. Zwart");
  EXPECT_EQ(r.ondertekenaars[2].functie, "loco-burgemeester");
  EXPECT_EQ(r.ondertekenaars[2].gemeente, "Zundert");
  EXPECT_EQ(r.indieners, (std::vector<std::string>{"Tilburg", "Breda"}));
  EXPECT_EQ(r.mede_indieners, (std::vector<std::string>{"Zundert"}));
}

TEST(ExtractMotionTest, BulletsMisreadByOcrStayBullets) {
  auto r = Extract("motie",
                   "Motie \"Goed beleid\"\n\n"
                   "Overwegende dat:\n\n"
                   "- Nederland voor grote opgaven staat.\n\n"
                   "\" Landelijk beleid door departementen wordt ontwikkeld.\n\n"
                   "-\" Voorwaardelijk voor goed beleid is samenhang.\n\n"
                   "« De VNG zich eerder heeft ingezet.\n\n"
                   "Constaterende dat:\n\n"
                   "\" gemeenten beleid vertalen.\n\n"
                   "- beleid vaak conflicteert.\n\n"
                   "Verzoekt het bestuur:\n"
                   "- dit in te brengen.\n");
  ASSERT_EQ(r.overwegingen.size(), 6u);
  EXPECT_EQ(r.overwegingen[4].tekst, "gemeenten beleid vertalen.");
  EXPECT_EQ(r.overwegingen[5].tekst, "beleid vaak conflicteert.");
  EXPECT_EQ(r.overwegingen[1].tekst, "Landelijk beleid door departementen wordt ontwikkeld.");
  EXPECT_EQ(r.overwegingen[2].tekst, "Voorwaardelijk voor goed beleid is samenhang.");
  EXPECT_EQ(r.overwegingen[3].tekst, "De VNG zich eerder heeft ingezet.");
}

TEST(ExtractPreadviesTest, AdviceStrekkingToelichting) {
  auto r = Extract("preadvies",
                   "Samenvatting en preadvies motie Duurzame bekostiging transformatie IZA\n\n"
                   "Indienende gemeente(n): Zeist, met mede-indiener gemeente Utrecht\n"
                   "Ondersteunende gemeenten: PM volgt\n"
                   "Strekking van de motie:\nHet bestuur wordt gevraagd\nte lobbyen.\n\n"
                   "Preadvies VNG-bestuur: Ontraden\n\n"
                   "Toelichting bij het preadvies\nDe motie past niet.\n");
  EXPECT_EQ(r.titel, "Duurzame bekostiging transformatie IZA");
  EXPECT_EQ(r.indieners, (std::vector<std::string>{"Zeist"}));
  EXPECT_TRUE(r.ondersteuners.empty());
  ASSERT_TRUE(r.preadvies.has_value());
  EXPECT_EQ(r.preadvies->advies, "ontraden");
  EXPECT_EQ(r.preadvies->strekking, "Het bestuur wordt gevraagd te lobbyen.");
  EXPECT_EQ(r.preadvies->toelichting, "De motie past niet.");
}

TEST(ExtractTest, NonMotionsYieldNoMotionFields) {
  auto r = Extract("overig",
                   "Overwegende dat het essay over bestaanszekerheid gaat\n"
                   "Verzoekt niemand iets. Gemeente Zeist wordt genoemd.\n");
  EXPECT_FALSE(r.titel.has_value());
  EXPECT_TRUE(r.indieners.empty());
  EXPECT_TRUE(r.overwegingen.empty());
  EXPECT_TRUE(r.verzoeken.empty());
  EXPECT_FALSE(r.preadvies.has_value());
}

// OCR of scanned motions: bullets read as underscores or as a quote glued
// to the first word, and blank lines inside a sentence.
TEST(ExtractMotionTest, OcrDamagedBulletsAndSpacing) {
  auto r =
      Extract("motie",
              "Motie: Glyfosaatvrij pachten\n\nHet algemeen bestuur, in vergadering bijeen op 9 "
              "december 2020,\n\nConstaterende dat:\n\nGlyfosaat is schadelijk voor "
              "bijen en voor de\n\nkwaliteit van het oppervlaktewater.\n\nVele overheden "
              "verbieden het gebruik van glyfosaat.\n\nOverwegende dat:\n\n*___de "
              "maatschappelijke onrust niet is afgenomen,\n\n\"de gemeenteraad dit kan "
              "controleren,\n\n\"__de werking van oude bomen zeer hoog is;\n\nVerzoekt het "
              "college:\n\ndit te regelen;\n\nen gaat over tot de orde van de dag.\n");
  std::vector<std::string> texts;
  for (const auto& c : r.overwegingen) texts.push_back(c.tekst);
  EXPECT_EQ(texts, (std::vector<std::string>{
                       "Glyfosaat is schadelijk voor bijen en voor de kwaliteit van het "
                       "oppervlaktewater.",
                       "Vele overheden verbieden het gebruik van glyfosaat.",
                       "de maatschappelijke onrust niet is afgenomen,",
                       "de gemeenteraad dit kan controleren,",
                       "de werking van oude bomen zeer hoog is;"}));
}

// The page as a page: lines set 12 points apart, each with the box a reader
// would give it. `rights` is each line's right edge (0: a blank line);
// `extra_space` adds space above a line.
text::Page PageWithBoxes(const std::vector<std::string>& lines, const std::vector<float>& rights,
                         const std::vector<float>& extra_space = {}) {
  text::Page page{1, "", false, {}};
  float top = 50;
  for (size_t i = 0; i < lines.size(); ++i) {
    page.text += lines[i] + "\n";
    if (i < extra_space.size()) top += extra_space[i];
    page.boxes.push_back(rights[i] > 0 ? text::LineBox{50, top, rights[i], top + 10, 10, false}
                                       : text::LineBox{});
    top += 12;
  }
  page.text.pop_back();
  return page;
}

std::vector<std::string> Texts(const std::vector<schema::Clause>& clauses) {
  std::vector<std::string> out;
  for (const auto& c : clauses) out.push_back(c.tekst);
  return out;
}

// Paragraphs that only the page shows: a line that ends a sentence short of
// the margin, space above a line, a row of a budget table, a "dat" clause
// after a short line. Without boxes the same text runs together.
TEST(ExtractMotionTest, ParagraphsThePageShowsWithoutBlankLines) {
  const std::vector<std::string> amendment = {
      "Amendement van de gemeente Eindhoven",
      "",
      "Te wijzigen in:",
      "De randvoorwaarden uit 2018 stonden specifiek stil bij de uitvoering door",
      "gemeenten en moeten ook op orde zijn. Energietransitie is nodig voor ons",
      "allemaal en vraagt om werken volgens de principes van morgen.",
      "Deze elementen voegen we toe aan de eerdere randvoorwaarde van",
      "het akkoord, met meer samenwerking en werkstandaarden.",
      "Dierenasiel Noord/Oostzaan (opvang van katten) 75.000",
      "Stichting Amsterdamse Zwerfkatten (vangen van zwerfkatten) 72.600",
      "Namens de gemeente Eindhoven,"};
  const std::vector<float> rights = {300, 0, 150, 400, 398, 330, 396, 320, 330, 380, 200};
  auto r = ExtractRecord("amendement", {PageWithBoxes(amendment, rights)}, Gazetteer::Default());
  EXPECT_EQ(Texts(r.verzoeken),
            (std::vector<std::string>{
                "Te wijzigen in:",
                "De randvoorwaarden uit 2018 stonden specifiek stil bij de uitvoering door "
                "gemeenten en moeten ook op orde zijn. Energietransitie is nodig voor ons "
                "allemaal en vraagt om werken volgens de principes van morgen.",
                "Deze elementen voegen we toe aan de eerdere randvoorwaarde van het akkoord, met "
                "meer samenwerking en werkstandaarden.",
                "Dierenasiel Noord/Oostzaan (opvang van katten) 75.000",
                "Stichting Amsterdamse Zwerfkatten (vangen van zwerfkatten) 72.600"}));

  const std::vector<std::string> motion = {
      "De raad van de gemeente Groningen, in vergadering bijeen op 17 november 2010,",
      "Constaterende",
      "dat dit voorstel het gebruik van wilde dieren voor vermaak zoals bij circussen",
      "tolereert",
      "dat de veiligheid van bezoekers niet gegarandeerd kan worden",
      "Het college heeft dit eerder toegezegd en het is nu tijd om te handelen",
      "Verzoekt het college",
      "een verbod in te stellen;",
      "en gaat over tot de orde van de dag."};
  const std::vector<float> motion_rights = {400, 120, 398, 110, 330, 390, 160, 180, 220};
  const std::vector<float> space = {0, 0, 0, 0, 0, 8};  // a paragraph set apart by space
  auto m =
      ExtractRecord("motie", {PageWithBoxes(motion, motion_rights, space)}, Gazetteer::Default());
  EXPECT_EQ(Texts(m.overwegingen),
            (std::vector<std::string>{
                "dit voorstel het gebruik van wilde dieren voor vermaak zoals bij circussen "
                "tolereert",
                "de veiligheid van bezoekers niet gegarandeerd kan worden",
                "Het college heeft dit eerder toegezegd en het is nu tijd om te handelen"}));
  // The same text without its boxes: the clauses run together.
  text::Page plain = PageWithBoxes(motion, motion_rights, space);
  plain.boxes.clear();
  EXPECT_EQ(ExtractRecord("motie", {plain}, Gazetteer::Default()).overwegingen.size(), 1u);
}

// OCR'd pages with the variants of lists that only geometry tells apart: a
// paragraph after a dash list stands at the bullets, not at the items' text,
// so it is a clause of its own; a numbered besluit item that goes on in lower
// case after a blank line (OCR of widely spaced lines) stays one item.
TEST(ExtractMotionTest, ListsEndWhereTheNextParagraphStandsLeftOfTheirText) {
  const std::vector<std::string> lines = {
      "Het algemeen bestuur, in vergadering bijeen op 9 december 2020,",
      "Constaterende dat:",
      "- De gronden die aangekocht worden met een strategisch oogmerk (om o.a. als",
      "ruilgrond te kunnen dienen).",
      "",
      "Vele overheden verbieden het gebruik van glyfosaat of zijn hiermee in",
      "voorbereiding.",
      "Besluit:",
      "1. Bij paragraaf 2.8.2 de laatste zin aan te vullen met \"Bij de loting wordt de",
      "",
      "voorkeur gegeven aan circussen zonder wilde dieren.\"",
      "",
      "2. De nota overeenkomstig te wijzigen;",
      "en gaat over tot de orde van de dag."};
  text::Page page =
      PageWithBoxes(lines, {400, 150, 400, 200, 0, 398, 150, 100, 400, 0, 300, 0, 300, 250});
  for (size_t i : {3, 10}) page.boxes[i].left = 68;  // the items' text, right of their bullets
  page.ocr = true;
  auto r = ExtractRecord("amendement", {page}, Gazetteer::Default());
  EXPECT_EQ(Texts(r.overwegingen),
            (std::vector<std::string>{
                "De gronden die aangekocht worden met een strategisch oogmerk (om o.a. als "
                "ruilgrond te kunnen dienen).",
                "Vele overheden verbieden het gebruik van glyfosaat of zijn hiermee in "
                "voorbereiding."}));
  EXPECT_EQ(Texts(r.verzoeken),
            (std::vector<std::string>{"Bij paragraaf 2.8.2 de laatste zin aan te vullen met "
                                      "\"Bij de loting wordt de voorkeur gegeven aan circussen "
                                      "zonder wilde dieren.\"",
                                      "De nota overeenkomstig te wijzigen;"}));
}

// A title the page sets in large type: found without a "Motie" heading,
// with the line it wraps onto in the same type; the letterhead above it in
// large type is a name, not the title.
TEST(ExtractMotionTest, ATitleSetInLargeTypeWrapsInItsType) {
  const std::vector<std::string> lines = {
      "Gemeente Groningen",
      "Gemeenten aan zet voor bestaanszekerheid van",
      "medewerkers aan de basis",
      "De raad van de gemeente Groningen, in vergadering bijeen op 17 november 2010,",
      "constaterende dat het nodig is;",
      "verzoekt het college dit te regelen,",
      "en gaat over tot de orde van de dag."};
  text::Page page = PageWithBoxes(lines, {200, 380, 250, 400, 300, 300, 300});
  for (size_t i = 0; i < 3; ++i) page.boxes[i].font_size = 16;
  auto r = ExtractRecord("motie", {page}, Gazetteer::Default());
  ASSERT_TRUE(r.titel.has_value());
  EXPECT_EQ(*r.titel, "Gemeenten aan zet voor bestaanszekerheid van medewerkers aan de basis");
  // Without geometry, no title is guessed from type.
  page.boxes.clear();
  EXPECT_FALSE(ExtractRecord("motie", {page}, Gazetteer::Default()).titel.has_value());
  // An essay without a subject line: its heading in large type.
  text::Page essay = PageWithBoxes(
      {"Bestaanszekerheid als belofte", "Een essay over de rol van gemeenten", "",
       "Bestaanszekerheid is de basis van een goed leven. Gemeenten zien dagelijks wat",
       "er gebeurt als die basis ontbreekt, en wat ervoor nodig is om haar te herstellen."},
      {260, 300, 0, 400, 398});
  essay.boxes[0].font_size = 20;
  essay.boxes[0].bold = true;
  essay.boxes[1].font_size = 13;
  auto e = ExtractRecord("overig", {essay}, Gazetteer::Default());
  ASSERT_TRUE(e.titel.has_value());
  EXPECT_EQ(*e.titel, "Bestaanszekerheid als belofte");
}

// Letters in their common layouts: labels inline or above their value, a
// VNG ledenbrief "Aan de leden", a council's letter signed by its college.
TEST(ExtractLetterTest, LettersOfTheGenre) {
  const struct {
    const char* what;
    std::string text;
    std::optional<std::string> titel, datum, vergadering, orgaan, naam, functie;
  } cases[] = {
      {"VNG ledenbrief, header column",
       "Geachte leden van college en gemeenteraad,\n\nHierbij de nazending.\n\n"
       "Met vriendelijke groet,\nVereniging van Nederlandse Gemeenten\n\n\nmr L.K. Geluk\n"
       "Algemeen directeur\n\nAan de leden\n\n  Datum\n22 november 2023\nOns kenmerk\n"
       "U202300812\n\nOnderwerp\nEerste nazending Najaars ALV 1 december 2023\n",
       "Eerste nazending Najaars ALV 1 december 2023", "2023-11-22", "2023-12-01", "ALV VNG",
       "L.K. Geluk", "algemeen directeur"},
      {"council letter, labels inline",
       "Gemeente Zeist\nDatum: 3 maart 2021\nBetreft: zienswijze ontwerpbegroting 2022\n\n"
       "Geachte bestuurder,\n\nWij zijn het eens.\n\nHoogachtend,\n\nHet college van "
       "burgemeester en wethouders van Zeist,\n\ndrs. A. Jansen\nburgemeester\n",
       "zienswijze ontwerpbegroting 2022", "2021-03-03", std::nullopt, std::nullopt, "A. Jansen",
       "burgemeester"},
      {"a letter to the Kamer: no meeting in its subject, no signature read",
       "Vereniging van Nederlandse Gemeenten\n\nDatum\n15 oktober 2024\n\nOnderwerp\n"
       "VNG-inbreng voor CD Arbeidsmarktbeleid 23 oktober\n\nGeachte dames en heren,\n\n"
       "Tekst.\n",
       "VNG-inbreng voor CD Arbeidsmarktbeleid 23 oktober", "2024-10-15", std::nullopt,
       std::nullopt, std::nullopt, std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    const schema::Record r = Extract("brief", c.text);
    EXPECT_EQ(r.titel, c.titel);
    EXPECT_EQ(r.datum_indiening, c.datum);
    EXPECT_EQ(r.vergadering, c.vergadering);
    EXPECT_EQ(r.orgaan, c.orgaan);
    if (c.naam) {
      ASSERT_EQ(r.ondertekenaars.size(), 1u);
      EXPECT_EQ(r.ondertekenaars[0].naam, *c.naam);
      EXPECT_EQ(r.ondertekenaars[0].functie, c.functie);
    } else {
      EXPECT_TRUE(r.ondertekenaars.empty());
    }
  }
}

}  // namespace
}  // namespace motiearchief::extractors
