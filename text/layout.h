// Where the lines of a page stand on the page: the geometry the reader sees
// (Poppler's text boxes with their fonts, Tesseract's line boxes) kept with
// the text, one box per line, so that the extractors can read the page as a
// page: a paragraph that ends without a blank line, a heading set in bold.
//
// The page's text stays the reader's own (Poppler's physical layout, or
// Tesseract's text); AlignLineBoxes finds each of its lines among the word
// boxes, by their words. A line whose words cannot be found has no box, and
// every rule that reads boxes falls back to the text alone.
//
// All functions are pure and thread-safe.
#ifndef MOTIEARCHIEF_TEXT_LAYOUT_H_
#define MOTIEARCHIEF_TEXT_LAYOUT_H_

#include <string>
#include <string_view>
#include <vector>

namespace motiearchief::text {

// A rectangle on the page in points, origin at the top left, y downwards.
// Tesseract's pixels are scaled to points by the reader.
struct LineBox {
  float left = 0, top = 0, right = 0, bottom = 0;
  float font_size = 0;  // points; 0 when the reader does not know it (OCR)
  bool bold = false;    // most of the line's characters in a bold font

  // False for a line without geometry (blank, or its words not found).
  bool known() const { return right > left && bottom > top; }
  float height() const { return bottom - top; }
  bool operator==(const LineBox&) const = default;
};

// One word as the reader found it.
struct WordBox {
  std::string text;
  LineBox box;
};

// One box per line of `page_text` (split on '\n', as SplitLines does), in
// the same order; a blank line, or one whose words are not among `words`,
// gets an unknown box. A line is matched word by word: each of its words
// takes the first unused word box with the same text at or below the line
// before it and in the row of the line's first match, and the line's box
// is the union of the matched boxes. Lines with fewer than half their words found
// stay unknown. `words` may come in any order. A page of more than
// kMaxWordsPerPage words gets no boxes at all; the time taken grows with
// the words, not their square, also where one word repeats on every line.
inline constexpr size_t kMaxWordsPerPage = 50000;
std::vector<LineBox> AlignLineBoxes(std::string_view page_text, const std::vector<WordBox>& words);

// Whether the non-blank line `text` starts a paragraph by what the page
// shows, not by its text: `before` is the box of the line above it on the
// same page (`text_before` its text), `box` this line's, `typical_gap` the
// page's usual space between lines (TypicalLineGap) and `block_right` the
// right edge of the text block (BlockRights). True when
//   - the space above it is clearly wider than the page's line spacing; or
//   - the line above stops so far short of the block's right edge that
//     this line's first word would have fitted there: the writer broke the
//     line (a paragraph's end, a row of a table, a clause of its own).
//     The word's width is estimated from this line's own width per
//     character. Whether the sentence goes on across the break is for the
//     text to tell (a lower-case continuation).
// False whenever a box is unknown.
bool StartsParagraph(const LineBox& before, std::string_view text_before, const LineBox& box,
                     std::string_view text, float typical_gap, float block_right);

// The page's usual vertical space between consecutive lines of a
// paragraph: the lower quartile of the gaps between consecutive known boxes
// (negative where boxes overlap, as a font's ascenders and descenders
// may). -1 (no spacing rule) when fewer than three gaps are known.
float TypicalLineGap(const std::vector<LineBox>& boxes);

// For each line, the right edge of the text block around it: the widest
// right edge among the known boxes of the lines up to five above and below
// it (a page may hold a narrow table beside wide prose, a signature column
// beside a heading). 0 where none is known.
std::vector<float> BlockRights(const std::vector<LineBox>& boxes);

}  // namespace motiearchief::text

#endif  // MOTIEARCHIEF_TEXT_LAYOUT_H_
