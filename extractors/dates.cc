#include "extractors/dates.h"

#include <re2/re2.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "extractors/grammar.h"
#include "text/normalize.h"

namespace motiearchief::extractors {

using text::FoldForMatch;

namespace {

int MonthNumber(const std::string& name) {
  static const char* const kPrefixes[] = {"jan", "feb", "m",   "apr", "mei", "jun",
                                          "jul", "aug", "sep", "okt", "nov", "dec"};
  std::string m = FoldForMatch(name);
  if (m == "maart" || m == "mrt") return 3;
  if (m == "mei") return 5;
  for (int i = 0; i < 12; ++i) {
    if (i == 2 || i == 4) continue;
    if (m.rfind(kPrefixes[i], 0) == 0) return i + 1;
  }
  return 0;
}

bool Valid(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1];
}

std::string Iso(int y, int m, int d) {
  // Room for any int, so the compiler can see nothing is cut (callers pass
  // valid dates only).
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Year for day-month given a reference date; direction +1 after ("a.s."),
// -1 before ("j.l."), 0 nearest.
int InferYear(int m, int d, const std::string& reference, int direction) {
  int ry = std::atoi(reference.substr(0, 4).c_str());
  int rm = std::atoi(reference.substr(5, 2).c_str());
  int rd = std::atoi(reference.substr(8, 2).c_str());
  int target = m * 31 + d, ref = rm * 31 + rd;
  if (direction > 0) return target >= ref ? ry : ry + 1;
  if (direction < 0) return target <= ref ? ry : ry - 1;
  // Nearest: within half a year of the reference.
  int diff = target - ref;
  if (diff > 6 * 31) return ry - 1;
  if (diff < -6 * 31) return ry + 1;
  return ry;
}

}  // namespace

std::optional<FoundDate> FindDate(std::string_view text,
                                  const std::optional<std::string>& reference_iso) {
  std::optional<FoundDate> best;
  auto consider = [&](FoundDate f) {
    if (!best || f.begin < best->begin) best = std::move(f);
  };
  re2::StringPiece input(text.data(), text.size());
  {
    const RE2& re = Grammar().Re("date.long");
    re2::StringPiece groups[4];
    size_t pos = 0;
    while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, groups, 4)) {
      size_t begin = static_cast<size_t>(groups[0].data() - text.data());
      pos = begin + std::max<size_t>(1, groups[0].size());
      int d = std::atoi(std::string(groups[1].data(), groups[1].size()).c_str());
      int m = MonthNumber(std::string(groups[2].data(), groups[2].size()));
      std::string y(groups[3].data(), groups[3].size());
      FoundDate f;
      f.rule = "date.long";
      f.begin = begin;
      f.end = begin + groups[0].size();
      if (y.size() == 4 && std::isdigit(static_cast<unsigned char>(y[0]))) {
        if (!Valid(std::atoi(y.c_str()), m, d)) continue;
        f.iso = Iso(std::atoi(y.c_str()), m, d);
      } else if (y.size() == 3 && y[0] == '\'') {
        int yy = 2000 + std::atoi(y.c_str() + 1);
        if (!Valid(yy, m, d)) continue;
        f.iso = Iso(yy, m, d);
      } else {
        if (!reference_iso || reference_iso->size() < 10) continue;
        std::string folded = FoldForMatch(y);
        int direction = folded.rfind("a", 0) == 0 ? 1 : folded.rfind("j", 0) == 0 ? -1 : 0;
        int yy = InferYear(m, d, *reference_iso, direction);
        if (!Valid(yy, m, d)) continue;
        f.iso = Iso(yy, m, d);
        f.year_inferred = true;
      }
      consider(std::move(f));
      break;
    }
  }
  {
    const RE2& re = Grammar().Re("date.numeric");
    re2::StringPiece groups[4];
    if (re.Match(input, 0, text.size(), RE2::UNANCHORED, groups, 4)) {
      int d = std::atoi(std::string(groups[1].data(), groups[1].size()).c_str());
      int m = std::atoi(std::string(groups[2].data(), groups[2].size()).c_str());
      int y = std::atoi(std::string(groups[3].data(), groups[3].size()).c_str());
      if (Valid(y, m, d)) {
        size_t begin = static_cast<size_t>(groups[0].data() - text.data());
        consider({Iso(y, m, d), "date.numeric", begin, begin + groups[0].size(), false});
      }
    }
  }
  {
    const RE2& re = Grammar().Re("date.iso");
    re2::StringPiece groups[4];
    if (re.Match(input, 0, text.size(), RE2::UNANCHORED, groups, 4)) {
      int y = std::atoi(std::string(groups[1].data(), groups[1].size()).c_str());
      int m = std::atoi(std::string(groups[2].data(), groups[2].size()).c_str());
      int d = std::atoi(std::string(groups[3].data(), groups[3].size()).c_str());
      if (Valid(y, m, d)) {
        size_t begin = static_cast<size_t>(groups[0].data() - text.data());
        consider({Iso(y, m, d), "date.iso", begin, begin + groups[0].size(), false});
      }
    }
  }
  return best;
}

}  // namespace motiearchief::extractors
