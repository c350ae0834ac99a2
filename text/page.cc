#include "text/page.h"

#include <algorithm>
#include <cctype>

namespace motiearchief::text {

int CountLetters(std::string_view text) {
  int letters = 0;
  for (unsigned char c : text) {
    // ASCII letters, and lead bytes of multi-byte characters: one per
    // character, continuation bytes (0x80-0xBF) skipped.
    if (std::isalpha(c) || c >= 0xC3) ++letters;
  }
  return letters;
}

PageTextKind ClassifyPageText(std::string_view text) {
  const int letters = CountLetters(text);
  if (letters < kMinLetters) return PageTextKind::kEmpty;
  int replacements = 0;
  for (size_t pos = text.find("\xEF\xBF\xBD"); pos != std::string_view::npos;
       pos = text.find("\xEF\xBF\xBD", pos + 3)) {
    ++replacements;
  }
  if (replacements * 20 > letters) return PageTextKind::kGarbage;
  // Symbols where words should be: a font mapped to the wrong code points.
  int visible = 0;
  int digits = 0;
  for (unsigned char c : text) {
    if (c > ' ' && (c < 0x80 || c >= 0xC0)) ++visible;
    if (std::isdigit(c)) ++digits;
  }
  if (2 * (letters + digits) < visible) return PageTextKind::kGarbage;
  int lines = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (std::any_of(line.begin(), line.end(), [](unsigned char c) { return std::isalnum(c); })) {
      ++lines;
    }
    start = end + 1;
  }
  return lines > 2 || letters >= 200 ? PageTextKind::kText : PageTextKind::kFragment;
}

}  // namespace motiearchief::text
