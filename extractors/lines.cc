#include "extractors/lines.h"

#include <re2/re2.h>

#include "extractors/grammar.h"
#include "text/normalize.h"

namespace motiearchief::extractors {

using text::SplitLines;
using text::Trim;

std::vector<Segment> Segments(std::string_view line) {
  std::vector<Segment> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) break;
    size_t start = i;
    while (i < line.size() && !(line[i] == ' ' && i + 1 < line.size() && line[i + 1] == ' ')) ++i;
    out.push_back({std::string(Trim(line.substr(start, i - start))), start});
  }
  return out;
}

std::vector<Line> LinesOf(const std::vector<text::Page>& pages) {
  std::vector<Line> lines;
  for (const text::Page& page : pages) {
    const std::vector<std::string_view> page_lines = SplitLines(page.text);
    const bool geometry = page.boxes.size() == page_lines.size();
    const float typical_gap = geometry ? text::TypicalLineGap(page.boxes) : -1;
    const std::vector<float> block_rights =
        geometry ? text::BlockRights(page.boxes) : std::vector<float>{};
    for (size_t n = 0; n < page_lines.size(); ++n) {
      const std::string_view l = page_lines[n];
      if (Matches("page.furniture", l)) continue;
      Line line{std::string(l), page.number};
      if (geometry) {
        line.box = page.boxes[n];
        if (n > 0 && !Trim(l).empty()) {
          line.paragraph_start = text::StartsParagraph(
              page.boxes[n - 1], page_lines[n - 1], line.box, l, typical_gap, block_rights[n - 1]);
        }
      }
      std::string before, from_opener;
      for (int k = 0; k < 4 && RE2::FullMatch(line.text, Grammar().Re("clause.inline_opener"),
                                              &before, &from_opener);
           ++k) {
        Line head = line;
        head.text = before;
        lines.push_back(std::move(head));
        line.text = from_opener;
        line.paragraph_start = false;
      }
      lines.push_back(std::move(line));
    }
  }
  return lines;
}

bool Blank(const Line& line) { return Trim(line.text).empty(); }

}  // namespace motiearchief::extractors
