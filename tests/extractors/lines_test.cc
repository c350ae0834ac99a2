// The lines the extractors read: furniture dropped, openers inside a
// sentence split off, paragraphs the page shows marked.
#include "extractors/lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace motiearchief::extractors {
namespace {

std::vector<std::string> Texts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const Line& l : lines) out.push_back(l.text);
  return out;
}

TEST(LinesOfTest, RunningHeadersAndFootersAreDroppedAndClausesGoOnAcrossThePage) {
  const std::vector<text::Page> pages = {
      {1,
       "Motie Wonen voor iedereen\nconstaterende dat er te weinig\n"
       "VNG ALV 2023 - nazending 2 - pagina 1",
       false,
       {}},
      {2,
       "Motie Wonen voor iedereen\nwoningen zijn;\n\nVNG ALV 2023 - nazending 2 - pagina 2",
       false,
       {}},
  };
  // The header stays on the first page (it may be the title); the footer
  // goes on every page; nothing is left blank where they stood.
  EXPECT_EQ(Texts(LinesOf(pages)),
            (std::vector<std::string>{"Motie Wonen voor iedereen", "constaterende dat er te weinig",
                                      "woningen zijn;", ""}));
}

TEST(LinesOfTest, PageNumbersAndKnownFootersAreFurniture) {
  const std::vector<text::Page> pages = {
      {1, "Pagina 1 van 2\nverzoekt het college\n- 2 -\nhttps://vng.nl/moties", false, {}}};
  EXPECT_EQ(Texts(LinesOf(pages)), (std::vector<std::string>{"verzoekt het college"}));
}

TEST(LinesOfTest, AnOpenerInsideASentenceStartsALineOfItsOwn) {
  const std::vector<text::Page> pages = {
      {1, "De Kamer, gehoord de beraadslaging, constaterende dat het kan;", false, {}}};
  const std::vector<Line> lines = LinesOf(pages);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines.front().text, "De Kamer,");
}

TEST(LinesOfTest, BoxesComeWithTheirLinesAndMarkParagraphs) {
  text::Page page{1, "principes van morgen.\nDeze elementen voegen we toe\nen meer.", false, {}};
  page.boxes = {{50, 100, 300, 112, 12, false},
                {50, 114, 390, 126, 12, false},
                {50, 128, 120, 140, 12, false}};
  const std::vector<Line> lines = LinesOf({page});
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_FALSE(lines[0].paragraph_start);
  EXPECT_TRUE(lines[1].paragraph_start);  // "Deze" would have fitted after "morgen."
  EXPECT_FALSE(lines[2].paragraph_start);
  EXPECT_FLOAT_EQ(lines[1].box.right, 390);
  // Boxes that do not fit the text are not used.
  page.boxes.pop_back();
  for (const Line& l : LinesOf({page})) {
    EXPECT_FALSE(l.box.known());
    EXPECT_FALSE(l.paragraph_start);
  }
}

}  // namespace
}  // namespace motiearchief::extractors
