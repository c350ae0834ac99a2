#include "text/normalize.h"

#include <gtest/gtest.h>

#include <tuple>

namespace motiearchief::text {
namespace {

struct Case {
  const char* input;
  const char* expected;
};

TEST(NormalizeTextTest, Table) {
  const Case cases[] = {
      {"ﬁnanciële", "financiële"},                     // ligature
      {"integra\u00ADliteit", "integraliteit"},        // soft hyphen
      {"\u201CGoed beleid\u201D", "\"Goed beleid\""},  // quotes
      {"\u2018s-Hertogenbosch", "'s-Hertogenbosch"},
      {"\uF0B7 punt", "• punt"},                      // Symbol-font bullet
      {"a\u00A0b\tc", "a b c"},                       // odd spaces
      {"regel  \r\nvolgende   ", "regel\nvolgende"},  // CRLF, trailing spaces
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeText(c.input), c.expected) << c.input;
}

TEST(JoinLinesTest, Table) {
  const Case cases[] = {
      {"verschillende levens-\ndomeinen overstijgt", "verschillende levensdomeinen overstijgt"},
      {"de VNG-\ninzet bij de formatie", "de VNG-inzet bij de formatie"},
      {"  regel een \n\n   regel twee ", "regel een regel twee"},
      {"Noord-\nHolland", "Noord- Holland"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(JoinLines(std::string_view(c.input)), c.expected) << c.input;
}

TEST(FoldForMatchTest, Table) {
  const Case cases[] = {
      {"Súdwest-Fryslân", "sudwest fryslan"},
      {"  SUDWEST   FRYSLAN ", "sudwest fryslan"},
      {"'s-Hertogenbosch", "s hertogenbosch"},
      {"Bergen (NH.)", "bergen nh"},
  };
  for (const Case& c : cases) EXPECT_EQ(FoldForMatch(c.input), c.expected) << c.input;
}

TEST(WordOverlapTest, DifferentlyPhrasedTitlesMeet) {
  auto a = ContentWords("Duurzame financiering IZA-transformatie");
  auto b = ContentWords("Duurzame bekostiging transformatie IZA");
  EXPECT_GE(WordOverlap(a, b), 0.6);
  EXPECT_EQ(WordOverlap(a, ContentWords("Oplossingen voor een overvol stroomnet")), 0);
  EXPECT_EQ(WordOverlap(a, {}), 0);
}

TEST(NaturalLessTest, Table) {
  // {a, b, a < b}
  const std::tuple<const char*, const char*, bool> rows[] = {
      {"9", "10", true},      {"10", "9", false},    {"4a", "4b", true}, {"4b", "10a", true},
      {"2.10", "2.9", false}, {"2.9", "2.10", true}, {"a", "b", true},   {"a", "a", false},
      {"a", "ab", true},      {"007", "8", true},    {"", "1", true},    {"1", "", false},
  };
  for (const auto& [a, b, less] : rows) EXPECT_EQ(NaturalLess(a, b), less) << a << " < " << b;
}

}  // namespace
}  // namespace motiearchief::text
