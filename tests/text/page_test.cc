#include "text/page.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace motiearchief::text {
namespace {

TEST(ClassifyPageTextTest, Table) {
  const std::string page =
      "Motie Herstel financiële verhouding met nieuwe regering\n"
      "De Algemene Ledenvergadering van de VNG, in vergadering bijeen op 1 december 2023,\n"
      "Constaterende dat het huidige kabinet op de verkeerde voet is begonnen.\n";
  const std::pair<std::string, PageTextKind> rows[] = {
      {"", PageTextKind::kEmpty},
      {"   \n\n  ", PageTextKind::kEmpty},
      {"- 3 -", PageTextKind::kEmpty},
      {"Pagina 3 van 7", PageTextKind::kFragment},                          // a running header
      {"VNG ALV 1 december 2023\nNazending 2\n", PageTextKind::kFragment},  // a stamp
      {"Namens de fractie, J. de Vries", PageTextKind::kFragment},          // a signature line
      {"!#$%&()*+,-./:;<=>?@[]^_{|}~!#$%&()*+,-./:;<=>?@ abc def ghi jkl", PageTextKind::kGarbage},
      {"Begroting 2024\n1.234.567 2.345.678 3.456.789\n4.567.890 5.678.901\n", PageTextKind::kText},
      {page, PageTextKind::kText},
      {page + std::string(200, 'x'), PageTextKind::kText},
      // A font without a Unicode map: mostly U+FFFD.
      {std::string("Motie ") + std::string(20, 'a') +
           [] {
             std::string r;
             for (int i = 0; i < 40; ++i) r += "\xEF\xBF\xBD";
             return r;
           }() +
           "\nb\nc\n",
       PageTextKind::kGarbage},
  };
  for (const auto& [text, kind] : rows) {
    EXPECT_EQ(static_cast<int>(ClassifyPageText(text)), static_cast<int>(kind)) << text;
  }
}

TEST(CountLettersTest, CountsCharactersNotBytes) {
  EXPECT_EQ(CountLetters("financiële"), 10);
  EXPECT_EQ(CountLetters("12 - 3"), 0);
}

}  // namespace
}  // namespace motiearchief::text
