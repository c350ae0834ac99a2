#include "extractors/lines.h"

#include <re2/re2.h>

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <utility>

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

// The indexes of the first and last lines of `lines` that hold words;
// nullopt for a page without words.
std::optional<std::pair<size_t, size_t>> FirstAndLastWithWords(
    const std::vector<std::string_view>& lines) {
  std::optional<std::pair<size_t, size_t>> found;
  for (size_t n = 0; n < lines.size(); ++n) {
    if (Trim(lines[n]).empty()) continue;
    if (!found) found.emplace(n, n);
    found->second = n;
  }
  return found;
}

// The first and last line with words of each page that repeat as the
// first or last line of another page of the document: running headers and
// footers. Keys by which they are known.
std::set<std::string> RunningFurniture(const std::vector<text::Page>& pages) {
  std::map<std::string, std::set<int>> on_pages;
  for (const text::Page& page : pages) {
    const std::vector<std::string_view> lines = SplitLines(page.text);
    const auto ends = FirstAndLastWithWords(lines);
    if (!ends) continue;
    for (size_t n : {ends->first, ends->second}) {
      std::string key = FurnitureKey(lines[n]);
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
    if (const auto ends = FirstAndLastWithWords(page_lines); ends && !running.empty()) {
      if (&page != &pages.front() && running.count(FurnitureKey(page_lines[ends->first]))) {
        running_line[ends->first] = true;
      }
      if (running.count(FurnitureKey(page_lines[ends->second]))) running_line[ends->second] = true;
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
