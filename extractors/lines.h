// A document as the field extractors see it: its lines in reading order,
// each with the page it stands on. Page furniture is already dropped: page
// numbers and known footers (rule "page.furniture"), and running headers
// and footers, the first or last line of a page that another page of the
// document repeats (numbers aside).
#ifndef MOTIEARCHIEF_EXTRACTORS_LINES_H_
#define MOTIEARCHIEF_EXTRACTORS_LINES_H_

#include <string>
#include <string_view>
#include <vector>

#include "text/page.h"

namespace motiearchief::extractors {

struct Line {
  std::string text;   // one line, columns kept as runs of 2+ spaces
  int page = 0;       // 1-based page of the file
  text::LineBox box;  // where it stands on its page; unknown without geometry
  // The page shows a new paragraph here though no blank line comes before
  // it: wider space above, or the line above ends a sentence short of the
  // margin (text::StartsParagraph). False without geometry.
  bool paragraph_start = false;
};

// Column segments of a line: text runs separated by 2+ spaces, with the
// column where each starts (Poppler's physical layout keeps columns).
struct Segment {
  std::string text;
  size_t column = 0;
};
std::vector<Segment> Segments(std::string_view line);

// The lines of `pages` in reading order, page furniture dropped, each with
// its box and paragraph start where the page has geometry. An opener inside
// a sentence ("De Kamer, gehoord de beraadslaging, constaterende dat ...")
// starts a line of its own.
std::vector<Line> LinesOf(const std::vector<text::Page>& pages);

// A line with nothing but spaces.
bool Blank(const Line& line);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_LINES_H_
