// The site's building blocks, from tables: query strings and links.
#include "web/html.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace motiearchief::web
