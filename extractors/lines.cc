#include "extractors/lines.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

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

namespace {

// A line's text as a running header or footer repeats it: folded, its
// numbers dropped ("Pagina 2 van 3", "Motie 14 november 2023 - 4").
std::string FurnitureKey(std::string_view line) {
  std::string key;
  for (char c : text::FoldForMatch(line)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) key += c;
  }
  return std::string(Trim(key));
}

// The first and last line with words of each page that repeat as the
// first or last line of another page of the document: running headers and
// footers. Keys by which they are known.
std::set<std::string> RunningFurniture(const std::vector<text::Page>& pages) {
  std::map<std::string, std::set<int>> on_pages;
  for (const text::Page& page : pages) {
    const std::vector<std::string_view> lines = SplitLines(page.text);
    auto first = std::find_if(lines.begin(), lines.end(),
                              [](std::string_view l) { return !Trim(l).empty(); });
    auto last = std::find_if(lines.rbegin(), lines.rend(),
                             [](std::string_view l) { return !Trim(l).empty(); });
    if (first == lines.end()) continue;
    for (std::string_view l : {*first, *last}) {
      std::string key = FurnitureKey(l);
      // Too short to tell a header from a word that happens to repeat.
      if (key.size() >= 8) on_pages[key].insert(page.number);
    }
  }
  std::set<std::string> furniture;
  for (const auto& [key, numbers] : on_pages) {
    if (numbers.size() >= 2) furniture.insert(key);
  }
  return furniture;
}

}  // namespace

std::vector<Line> LinesOf(const std::vector<text::Page>& pages) {
  std::vector<Line> lines;
  const std::set<std::string> running = RunningFurniture(pages);
  for (const text::Page& page : pages) {
    const std::vector<std::string_view> page_lines = SplitLines(page.text);
    // Running headers and footers are dropped, not blanked: a clause may go
    // on across the page break. A running header stays on the document's
    // first page, where it may be the title; a running footer goes
    // everywhere.
    std::vector<bool> running_line(page_lines.size(), false);
    if (!running.empty()) {
      std::vector<size_t> words;
      for (size_t n = 0; n < page_lines.size(); ++n) {
        if (!Trim(page_lines[n]).empty()) words.push_back(n);
      }
      if (!words.empty()) {
        if (&page != &pages.front() && running.count(FurnitureKey(page_lines[words.front()]))) {
          running_line[words.front()] = true;
        }
        if (running.count(FurnitureKey(page_lines[words.back()])))
          running_line[words.back()] = true;
      }
    }
    const bool geometry = page.boxes.size() == page_lines.size();
    const float typical_gap = geometry ? text::TypicalLineGap(page.boxes) : -1;
    const std::vector<float> block_rights =
        geometry ? text::BlockRights(page.boxes) : std::vector<float>{};
    for (size_t n = 0; n < page_lines.size(); ++n) {
      const std::string_view l = page_lines[n];
      if (running_line[n] || Matches("page.furniture", l)) continue;
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
