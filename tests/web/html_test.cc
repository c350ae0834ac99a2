// The site's building blocks, from tables: query strings, links and the
// title a document is shown under.
#include "web/html.h"

#include <gtest/gtest.h>

#include "text/normalize.h"
#include "web/pages.h"

namespace motiearchief::web {
namespace {

TEST(HtmlTest, QueryStringKeepsOrderDropsEmptyAndEncodes) {
  const struct {
    Params params;
    std::string expected;
  } cases[] = {
      {{}, ""},
      {{{"q", ""}}, ""},
      {{{"q", "woning"}}, "?q=woning"},
      {{{"q", "meer woningen"}, {"soort", "motie"}}, "?q=meer%20woningen&soort=motie"},
      {{{"gemeente", "'s-Hertogenbosch"}}, "?gemeente=%27s-Hertogenbosch"},
      {{{"gemeente", "Súdwest-Fryslân"}}, "?gemeente=S%C3%BAdwest-Frysl%C3%A2n"},
      {{{"q", "a&b=c#d"}}, "?q=a%26b%3Dc%23d"},
  };
  for (const auto& c : cases) EXPECT_EQ(QueryString(c.params), c.expected);
}

TEST(HtmlTest, WithSetsReplacesAndRemoves) {
  const Params base = {{"q", "woning"}, {"soort", "motie"}};
  EXPECT_EQ(With(base, "soort", "amendement"), (Params{{"q", "woning"}, {"soort", "amendement"}}));
  EXPECT_EQ(With(base, "van", "2020-01-01"),
            (Params{{"q", "woning"}, {"soort", "motie"}, {"van", "2020-01-01"}}));
  EXPECT_EQ(With(base, "soort", ""), (Params{{"q", "woning"}}));
  EXPECT_EQ(With({{"a", "1"}, {"a", "2"}}, "a", "3"), (Params{{"a", "3"}}));
}

TEST(HtmlTest, LinksToDocumentsAndOriginals) {
  EXPECT_EQ(DocumentUrl("3f2a"), "/documents/3f2a");
  EXPECT_EQ(DocumentUrl("3f2a", "meer woningen"), "/documents/3f2a?q=meer%20woningen");
  EXPECT_EQ(OriginalUrl("ab12", 3), "/bestanden/ab12.pdf#page=3");
  EXPECT_EQ(OriginalUrl("ab12"), "/bestanden/ab12.pdf");
  EXPECT_EQ(Escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

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
  for (const std::string& letter : {"a", "é", "€"}) {
    std::string line;
    for (int i = 0; i < 100; ++i) line += "a" + std::string(letter);
    const std::string title = DisplayTitle(record("overig", std::nullopt, line));
    EXPECT_LE(title.size(), 120u);
    EXPECT_EQ(title.substr(title.size() - std::string("…").size()), "…");
    EXPECT_TRUE(text::IsValidUtf8(title)) << title;
  }
}

}  // namespace
}  // namespace motiearchief::web
