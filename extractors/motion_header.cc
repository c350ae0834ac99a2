#include "extractors/motion_header.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "extractors/dates.h"
#include "extractors/grammar.h"
#include "text/normalize.h"

namespace motiearchief::extractors {

using text::JoinLines;
using text::Trim;

namespace {

// A line at least this long filled the width of the page: the next line may
// continue it.
constexpr size_t kWrappedLine = 55;

// Quotes around the whole title, and trailing punctuation, dropped.
std::string CleanOwnTitle(std::string title) {
  std::string_view t = Trim(title);
  static const std::string_view kQuotes[] = {"\"", "'", "‘", "’", "“", "”", "„", "«", "»"};
  for (int round = 0; round < 2; ++round) {
    for (std::string_view q : kQuotes) {
      if (t.size() > q.size() && t.substr(0, q.size()) == q) t.remove_prefix(q.size());
      if (t.size() > q.size() && t.substr(t.size() - q.size()) == q) t.remove_suffix(q.size());
    }
    while (!t.empty() && (t.back() == '.' || t.back() == ':' || t.back() == ',' ||
                          t.back() == ';' || t.back() == ' ')) {
      t.remove_suffix(1);
    }
    t = Trim(t);
  }
  return std::string(t);
}

// Whether line `next` goes on with the title whose last line is `last`.
// With geometry: set in the same type (size and weight) with no space
// above it. Without: `last` filled the width of the page.
bool TitleGoesOn(const Line& last, const Line& next) {
  if (last.box.known() && next.box.known() && last.box.font_size > 0) {
    return !next.paragraph_start && next.box.bold == last.box.bold &&
           std::abs(next.box.font_size - last.box.font_size) < 0.5f;
  }
  return Trim(last.text).size() >= kWrappedLine;
}

// The lines [i, end) that a title starting at line i wraps onto.
std::vector<std::string> TitleLines(const std::vector<Line>& lines, size_t i, size_t end,
                                    std::string first) {
  std::vector<std::string> parts{std::move(first)};
  for (size_t j = i + 1; j < end && j < lines.size(); ++j) {
    const std::string_view next = Trim(lines[j].text);
    if (next.empty() || Matches("title.stop", lines[j].text)) break;
    if (!TitleGoesOn(lines[j - 1], lines[j])) break;
    parts.emplace_back(next);
  }
  return parts;
}

// The body text's type size: the median size of the first page's known
// lines.
float BodySize(const std::vector<Line>& lines) {
  std::vector<float> sizes;
  for (const Line& l : lines) {
    if (l.page != lines.front().page) break;
    if (l.box.known() && l.box.font_size > 0) sizes.push_back(l.box.font_size);
  }
  if (sizes.empty()) return 0;
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
  return sizes[sizes.size() / 2];
}

}  // namespace

std::optional<HeaderValue> FindOwnTitle(const std::vector<Line>& lines, size_t end) {
  for (size_t i = 0; i < end && i < lines.size(); ++i) {
    const std::string& text = lines[i].text;
    if (Trim(text).empty()) continue;
    std::string value, rule;
    if (Capture("title.inzake", text, &value)) {
      rule = "title.inzake";
    } else if (Capture("title.heading", text, &value) && !Matches("title.not_a_title", text)) {
      rule = "title.heading";
    } else {
      continue;
    }
    std::string title = CleanOwnTitle(JoinLines(TitleLines(lines, i, end, value)));
    if (title.empty()) continue;
    return HeaderValue{title, lines[i].page, rule};
  }
  return FindTitleByType(lines, end);
}

std::optional<HeaderValue> FindTitleByType(const std::vector<Line>& lines, size_t end) {
  // The first line of the first page set clearly larger than the body
  // text, with the lines in its type below it (geometry only). Not a kind
  // of motion, a number, or a label.
  const float body = lines.empty() ? 0 : BodySize(lines);
  if (body <= 0) return std::nullopt;
  for (size_t i = 0; i < end && i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.page != lines.front().page) break;
    if (!line.box.known() || line.box.font_size < body + 1.5f) continue;
    const std::string_view text = Trim(line.text);
    if (text.find(' ') == std::string_view::npos || Matches("title.not_a_title", line.text) ||
        Matches("title.stop", line.text) || Matches("title.label_only", line.text)) {
      continue;
    }
    std::string title = CleanOwnTitle(JoinLines(TitleLines(lines, i, end, std::string(text))));
    if (title.empty()) continue;
    return HeaderValue{title, line.page, "layout.larger_type"};
  }
  return std::nullopt;
}

std::optional<HeaderValue> FindAnchoredDate(const std::vector<Line>& lines, size_t end,
                                            const std::vector<const char*>& rules) {
  for (const char* rule : rules) {
    for (size_t i = 0; i < end && i < lines.size(); ++i) {
      // The line with the next one: "in vergadering bijeen op 16" /
      // "december 2020,".
      std::string text(Trim(lines[i].text));
      if (i + 1 < end && i + 1 < lines.size()) text += " " + std::string(Trim(lines[i + 1].text));
      std::string from_date;
      if (!Capture(rule, text, &from_date)) continue;
      auto date = FindDate(std::string_view(from_date).substr(0, 40), std::nullopt);
      if (!date || date->begin != 0) continue;
      return HeaderValue{date->iso, lines[i].page, std::string(rule) + "+" + date->rule};
    }
  }
  return std::nullopt;
}

}  // namespace motiearchief::extractors
