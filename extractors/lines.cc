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
    for (std::string_view l : SplitLines(page.text)) {
      if (Matches("page.furniture", l)) continue;
      std::string rest(l), before, from_opener;
      for (int k = 0; k < 4 && RE2::FullMatch(rest, Grammar().Re("clause.inline_opener"), &before,
                                              &from_opener);
           ++k) {
        lines.push_back({before, page.number});
        rest = from_opener;
      }
      lines.push_back({rest, page.number});
    }
  }
  return lines;
}

bool Blank(const Line& line) { return Trim(line.text).empty(); }

}  // namespace motiearchief::extractors
