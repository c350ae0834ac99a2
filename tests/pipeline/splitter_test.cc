#include "pipeline/splitter.h"

#include <gtest/gtest.h>

namespace motiearchief::pipeline {

using text::Page;
namespace {

struct Case {
  const char* top;
  const char* soort;  // "" for a continuation page
};

TEST(DetectPageStartTest, Table) {
  const Case cases[] = {
      {"Indiener:\nTitel motie:\nDatum indiening:", "motie"},
      {"AAN: Bestuur van de VNG\nVAN: Gemeente Heemstede", "motie"},
      {"Samenvatting en preadvies motie Herstel\n\nIndienende gemeente(n): Enschede", "preadvies"},
      {"Amendement van de gemeente Eindhoven\n\nTitel: normering", "amendement"},
      {" Vereniging van Nederlandse Gemeenten\nNassaulaan 12\n\nGeachte leden van college en "
       "gemeenteraad,",
       "brief"},
      {"Vereniging van Nederlandse Gemeenten\n\nDatum\n15 oktober 2024\nOnderwerp\nVNG-inbreng",
       "brief"},
      {"De Algemene Ledenvergadering van de VNG, in vergadering bijeen op 7 juni 2024,", "motie"},
      {"Resolutie \"VNG-inzet richting nieuw kabinet\"", "resolutie"},
      // Continuations: a list, a running sentence, a page header.
      {"- Deze werkwijze afbreuk doet aan wat gemeenten kunnen betekenen", ""},
      {" Vereniging van Nederlandse Gemeenten 2/2\n\nAgendapunt 7. Kaders", ""},
      {"motie van de gemeente die eerder is aangenomen en verder", ""},
      {"Lijst met ondersteunende gemeenten\n\nGemeente Weert", ""},
      {"Samenvatting\n\nDe bestaanszekerheid als grondwettelijke zorg", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(DetectPageStart(c.top).soort, c.soort) << c.top;
}

TEST(SplitIntoDocumentsTest, BundleIsCutAtStarts) {
  std::vector<Page> pages = {
      {1, "Geachte leden,\nhierbij de stukken", false, {}},
      {2, "Met vriendelijke groet", false, {}},
      {3, "Indiener: Gemeente Zeist\nOverwegende dat\n- x\nVerzoekt het bestuur\n- y", false, {}},
      {4, "Samenvatting en preadvies motie X\nPreadvies VNG-bestuur: overnemen", false, {}},
      {5, "Toelichting bij het preadvies\nlopende tekst", false, {}},
  };
  auto spans = SplitIntoDocuments(pages);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].soort, "brief");
  EXPECT_EQ(spans[0].last_page, 2);
  EXPECT_EQ(spans[1].soort, "motie");
  EXPECT_EQ(spans[2].soort, "preadvies");
  EXPECT_EQ(spans[2].first_page, 4);
  EXPECT_EQ(spans[2].last_page, 5);
}

TEST(SplitIntoDocumentsTest, UnannouncedMotionIsRecognisedByStructure) {
  std::vector<Page> pages = {
      {1,
       "Wonen voor iedereen\n\nConstaterende dat er te weinig woningen zijn;\n"
       "Verzoekt het bestuur om te lobbyen;\nEn gaat over tot de orde van de dag.",
       false, {}}};
  auto spans = SplitIntoDocuments(pages);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].soort, "motie");
  std::vector<Page> essay = {
      {1, "Samenvatting\nDe motie van vorig jaar, overwegende de kosten, ...", false, {}}};
  EXPECT_EQ(SplitIntoDocuments(essay)[0].soort, "overig");
}

}  // namespace
}  // namespace motiearchief::pipeline
