#include "text/layout.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace motiearchief::text {
namespace {

// A line of 12-point text from x=50 to `right`, `top` from the page top.
LineBox Box(float top, float right, bool bold = false) {
  return {50, top, right, top + 12, 12, bold};
}

TEST(AlignLineBoxesTest, EachLineGetsTheBoxOfItsWords) {
  // Words in any order; two columns on one line; a blank line.
  const std::vector<WordBox> words = {
      {"Burgemeester", {300, 40, 360, 52, 11, false}},
      {"Besluit:", {50, 10, 90, 22, 12, true}},
      {"Namens", {50, 40, 85, 52, 11, false}},
      {"Utrecht", {90, 40, 130, 52, 11, false}},
  };
  const std::vector<LineBox> boxes =
      AlignLineBoxes("Besluit:\n\nNamens Utrecht     Burgemeester\nniet gevonden", words);
  ASSERT_EQ(boxes.size(), 4u);
  EXPECT_EQ(boxes[0], (LineBox{50, 10, 90, 22, 12, true}));
  EXPECT_FALSE(boxes[1].known());  // blank
  EXPECT_EQ(boxes[2], (LineBox{50, 40, 360, 52, 11, false}));
  EXPECT_FALSE(boxes[3].known());  // words not on the page
}

TEST(AlignLineBoxesTest, RepeatedWordsAreTakenTopToBottom) {
  // "dat" twice: each line takes the occurrence at or below the line above.
  const std::vector<WordBox> words = {
      {"dat", {50, 30, 65, 42, 12, false}},
      {"twee", {70, 30, 90, 42, 12, false}},
      {"dat", {50, 10, 65, 22, 12, false}},
      {"een", {70, 10, 90, 22, 12, false}},
  };
  const std::vector<LineBox> boxes = AlignLineBoxes("dat een\ndat twee", words);
  ASSERT_EQ(boxes.size(), 2u);
  EXPECT_FLOAT_EQ(boxes[0].top, 10);
  EXPECT_FLOAT_EQ(boxes[1].top, 30);
}

// A crafted page: one word on every line, thousands of lines. Each line
// still gets its own box, top to bottom; over the limit, none do.
TEST(AlignLineBoxesTest, AWordRepeatedOnEveryLineIsPlacedLineByLine) {
  std::vector<WordBox> words;
  std::string text;
  for (int i = 0; i < 20000; ++i) {
    words.push_back({"ja", {50, 10.0f * i, 60, 10.0f * i + 8, 8, false}});
    text += "ja\n";
  }
  text.pop_back();
  const std::vector<LineBox> boxes = AlignLineBoxes(text, words);
  ASSERT_EQ(boxes.size(), 20000u);
  for (size_t i = 0; i < boxes.size(); i += 997) EXPECT_FLOAT_EQ(boxes[i].top, 10.0f * i);
  words.resize(kMaxWordsPerPage + 1, words.back());
  EXPECT_FALSE(AlignLineBoxes(text, words)[0].known());
}

TEST(AlignLineBoxesTest, ALineWithFewOfItsWordsFoundStaysUnknown) {
  const std::vector<WordBox> words = {{"een", {50, 10, 65, 22, 12, false}}};
  EXPECT_FALSE(AlignLineBoxes("een twee drie", words)[0].known());
}

struct ParagraphRow {
  const char* why;
  LineBox before;
  const char* text_before;
  LineBox box;
  const char* text;
  bool starts;
};

TEST(StartsParagraphTest, Table) {
  // The page: 12-point lines 2 points apart, the block's right edge at 400.
  constexpr float kGap = 2, kRight = 400;
  const ParagraphRow rows[] = {
      {"a line that runs on", Box(100, 398), "de uitvoering door", Box(114, 390),
       "gemeenten. Om de slagkracht te vergroten moesten de uitvoeringslasten", false},
      {"a sentence ending at the margin, the next word too long for it", Box(100, 395),
       "moeten ook op orde zijn.", Box(114, 390), "Energietransitie is een systeemverandering.",
       false},
      {"a sentence ending short of the margin: the next word would have fitted", Box(100, 300),
       "principes van morgen.", Box(114, 390),
       "Deze elementen voegen we toe aan de eerdere randvoorwaarde.", true},
      {"a row of a table ending short", Box(100, 260), "Dierenasiel (opvang van katten) 75.000",
       Box(114, 380), "Stichting Zwerfkatten (vangen van zwerfkatten) 72.600", true},
      {"a clause of its own after a short line (the text decides on 'dat')", Box(100, 130),
       "tolereert", Box(114, 398), "dat bij de behandeling van de nota Dierenwelzijn in de Raad",
       true},
      {"space above wider than the page's spacing", Box(100, 398), "en de bevoegdheden",
       Box(124, 398), "Gemeenten hebben handelingsperspectief en instrumentarium nodig", true},
      {"the usual space above", Box(100, 398), "en de bevoegdheden", Box(114, 398),
       "Gemeenten hebben handelingsperspectief en instrumentarium nodig", false},
      {"the same row: columns",
       Box(100, 200),
       "Namens",
       {220, 100, 398, 112, 12, false},
       "Burgemeester",
       false},
      {"no geometry above", LineBox{}, "principes van morgen.", Box(114, 390), "Deze elementen",
       false},
  };
  for (const ParagraphRow& row : rows) {
    EXPECT_EQ(StartsParagraph(row.before, row.text_before, row.box, row.text, kGap, kRight),
              row.starts)
        << row.why;
  }
}

TEST(TypicalLineGapTest, TheLowerQuartileOfTheGapsBetweenLines) {
  std::vector<LineBox> boxes = {Box(100, 300), Box(114, 300), Box(128, 300), LineBox{},
                                Box(160, 300), Box(174, 300), Box(196, 300)};
  EXPECT_FLOAT_EQ(TypicalLineGap(boxes), 2);
  EXPECT_FLOAT_EQ(TypicalLineGap({Box(100, 300), Box(114, 300)}), -1);  // too few
}

TEST(BlockRightsTest, TheWidestLineNearby) {
  std::vector<LineBox> boxes(14, Box(100, 300));
  boxes[0].right = 500;  // a wide line at the top reaches five lines down
  const std::vector<float> rights = BlockRights(boxes);
  EXPECT_FLOAT_EQ(rights[5], 500);
  EXPECT_FLOAT_EQ(rights[6], 300);
  EXPECT_FLOAT_EQ(BlockRights({LineBox{}})[0], 0);
}

}  // namespace
}  // namespace motiearchief::text
