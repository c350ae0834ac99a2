#include "extractors/motion_header.h"

#include <re2/re2.h>

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
    std::vector<std::string> parts{value};
    for (size_t j = i + 1; j < end && j < lines.size(); ++j) {
      const std::string_view next = Trim(lines[j].text);
      if (next.empty() || Matches("title.stop", lines[j].text)) break;
      if (Trim(lines[j - 1].text).size() < kWrappedLine) break;
      parts.emplace_back(next);
    }
    std::string title = CleanOwnTitle(JoinLines(parts));
    if (title.empty()) continue;
    return HeaderValue{title, lines[i].page, rule};
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
