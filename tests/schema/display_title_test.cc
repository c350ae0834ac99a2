// The title every document is listed under, from a table.
#include <gtest/gtest.h>

#include "schema/record.h"
#include "text/normalize.h"

namespace motiearchief::schema {
namespace {

TEST(DisplayTitleTest, EveryDocumentHasATitle) {
  auto record = [](std::string soort, std::optional<std::string> titel, std::string tekst) {
    schema::Record r;
    r.id = "0123456789abcdef";
    r.soort = std::move(soort);
    r.titel = std::move(titel);
    r.tekst = std::move(tekst);
    return r;
  };
  schema::Record kamer = record("motie", std::nullopt, "Nr. 12\nMOTIE VAN HET LID X");
  kamer.indieners = {"Belhaj"};
  kamer.mede_indieners = {"Van Dam"};
  kamer.datum_indiening = "2021-05-26";
  schema::Record raad = record("amendement", std::nullopt, "De raad van de gemeente X");
  raad.indieners = {"GroenLinks", "D66", "PvdA", "CDA"};
  raad.vergadering = "2019-03-14";
  const struct {
    schema::Record record;
    std::string expected;
    bool from_text;
  } cases[] = {
      {record("motie", "Zorg voor de jeugd", "..."), "Zorg voor de jeugd", false},
      {kamer, "Motie van Belhaj c.s. (2021-05-26)", true},
      {raad, "Amendement van GroenLinks, D66, PvdA c.s. (2019-03-14)", true},
      {record("motie", std::nullopt, "tekst"), "Motie", true},
      // A letter's subject, on the label's line or below it.
      {record("brief", std::nullopt,
              "Vereniging van Nederlandse Gemeenten\n\nDatum\n15 oktober 2024\n\nOnderwerp\n"
              "VNG-inbreng voor CD Arbeidsmarktbeleid\n\nGeachte dames en heren,"),
       "VNG-inbreng voor CD Arbeidsmarktbeleid", true},
      {record("brief", std::nullopt, "Betreft: Nazending ALV\nGeachte leden,"), "Nazending ALV",
       true},
      // Else the first line of words, not the salutation.
      {record("brief", std::nullopt, "\nGeachte leden van college en raad,\n\nEerder hebben wij"),
       "Eerder hebben wij", true},
      {record("overig", std::nullopt, "Samenvatting\n\nDe bestaanszekerheid"), "Samenvatting",
       true},
      {record("overig", std::nullopt, "12\n--"), "overig 0123456789abcdef", true},
  };
  for (const auto& c : cases) {
    bool from_text = false;
    EXPECT_EQ(DisplayTitle(c.record, &from_text), c.expected) << c.record.tekst;
    EXPECT_EQ(from_text, c.from_text) << c.expected;
  }
  // A long first line is cut, on a character boundary.
  for (const char* letter : {"a", "é", "€"}) {
    std::string line;
    for (int i = 0; i < 100; ++i) line += "a" + std::string(letter);
    const std::string title = DisplayTitle(record("overig", std::nullopt, line));
    EXPECT_LE(title.size(), 120u);
    EXPECT_EQ(title.substr(title.size() - std::string("…").size()), "…");
    EXPECT_TRUE(text::IsValidUtf8(title)) << title;
  }
}

}  // namespace
}  // namespace motiearchief::schema
