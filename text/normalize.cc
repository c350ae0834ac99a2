#include "text/normalize.h"

#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <sstream>

namespace motiearchief::text {
namespace {

// Characters mapped (or dropped, with an empty replacement) after NFKC.
UChar32 MapCodePoint(UChar32 c, bool* drop) {
  *drop = false;
  switch (c) {
    case 0x00AD:  // soft hyphen
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x000C:  // form feed: pages are already separate
      *drop = true;
      return c;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x0060:
    case 0x00B4:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
      return '"';
    case 0xF0B7:
    case 0xF0A7:
    case 0xF076:
    case 0xF0D8:
    case 0xF0FC:
    case 0x25CF:
    case 0x25AA:
    case 0x25A0:
    case 0x2023:
    case 0x2043:
    case 0x2219:
    case 0x25E6:
      return 0x2022;  // •
    case 0x2010:
    case 0x2011:
      return '-';
    case '\t':
      return ' ';
    default:
      break;
  }
  if (c != '\n' && u_isspace(c)) return ' ';
  return c;
}

// NFKD, nonspacing marks removed, NFC: "Súdwest-Fryslân" -> "Sudwest-Fryslan".
// With Normalizer2 rather than a Transliterator, whose registry costs
// ~100M instructions to build: too much for a command that starts per query.
void RemoveDiacritics(icu::UnicodeString& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  icu::UnicodeString decomposed = nfkd->normalize(s, status);
  if (U_FAILURE(status)) return;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
  }
  s = nfc->normalize(kept, status);
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

std::string_view Trim(std::string_view s) {
  const char* ws = " \t\r\n\f\v";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string NormalizeText(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString normalized = U_SUCCESS(status) ? nfkc->normalize(source, status) : source;
  if (U_FAILURE(status)) normalized = source;

  icu::UnicodeString mapped;
  mapped.getBuffer(normalized.length());
  mapped.releaseBuffer(0);
  for (int32_t i = 0; i < normalized.length();) {
    UChar32 c = normalized.char32At(i);
    i += U16_LENGTH(c);
    if (c == '\r') {
      if (i < normalized.length() && normalized.charAt(i) == '\n') continue;
      c = '\n';
    }
    bool drop = false;
    UChar32 m = MapCodePoint(c, &drop);
    if (!drop) mapped.append(m);
  }
  std::string utf8;
  mapped.toUTF8String(utf8);

  // Drop trailing spaces per line.
  std::string out;
  out.reserve(utf8.size());
  for (std::string_view line : SplitLines(utf8)) {
    size_t end = line.find_last_not_of(' ');
    out.append(line.substr(0, end == std::string_view::npos ? 0 : end + 1));
    out.push_back('\n');
  }
  if (!out.empty()) out.pop_back();
  return out;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& raw : lines) {
    std::string_view line = Trim(raw);
    if (line.empty()) continue;
    if (out.empty()) {
      out.append(line);
      continue;
    }
    // A word cut at the line end: "levens-" + "domeinen". Only when the
    // hyphen follows two lower-case letters and the next line goes on in
    // lower case; "VNG-" + "inzet" keeps its hyphen, joined without space.
    if (out.back() == '-' && out.size() >= 3) {
      char a = out[out.size() - 2], b = out[out.size() - 3];
      bool cut_word = IsLower(a) && IsLower(b) && IsLower(line.front());
      bool compound = !cut_word && a != ' ' && IsLower(line.front());
      if (cut_word) {
        out.pop_back();
        out.append(line);
        continue;
      }
      if (compound) {
        out.append(line);
        continue;
      }
    }
    out.push_back(' ');
    out.append(line);
  }
  // Collapse runs of spaces.
  std::string collapsed;
  collapsed.reserve(out.size());
  for (char c : out) {
    if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
    collapsed.push_back(c);
  }
  return collapsed;
}

std::string JoinLines(std::string_view text) {
  std::vector<std::string> lines;
  for (std::string_view line : SplitLines(text)) lines.emplace_back(line);
  return JoinLines(lines);
}

std::string FoldForMatch(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  RemoveDiacritics(s);
  s.foldCase();
  icu::UnicodeString cleaned;
  bool pending_space = false;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalnum(c)) {
      if (pending_space && !cleaned.isEmpty()) cleaned.append(UChar32(' '));
      pending_space = false;
      cleaned.append(c);
    } else {
      pending_space = true;
    }
  }
  std::string out;
  cleaned.toUTF8String(out);
  return out;
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

bool IsValidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::set<std::string> ContentWords(std::string_view text) {
  static const std::set<std::string> kStopWords = {
      "de",    "het",        "een", "en",      "van",       "voor",    "met", "op",    "aan",
      "in",    "te",         "bij", "naar",    "om",        "over",    "tot", "uit",   "of",
      "als",   "dat",        "die", "dit",     "deze",      "zijn",    "is",  "wordt", "worden",
      "motie", "amendement", "vng", "bestuur", "gemeenten", "gemeente"};
  std::set<std::string> out;
  std::istringstream in(FoldForMatch(text));
  std::string w;
  while (in >> w) {
    if (w.size() < 3 || kStopWords.count(w)) continue;
    if (w.size() > 6) w.resize(w.size() - 2);
    out.insert(w);
  }
  return out;
}

double WordOverlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (const std::string& w : a) common += b.count(w);
  return static_cast<double>(common) / static_cast<double>(std::min(a.size(), b.size()));
}

bool NaturalLess(std::string_view a, std::string_view b) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      size_t ie = i, je = j;
      while (ie < a.size() && digit(a[ie])) ++ie;
      while (je < b.size() && digit(b[je])) ++je;
      // Without leading zeros, the longer run is the larger number.
      std::string_view na = a.substr(i, ie - i), nb = b.substr(j, je - j);
      while (na.size() > 1 && na[0] == '0') na.remove_prefix(1);
      while (nb.size() > 1 && nb[0] == '0') nb.remove_prefix(1);
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
      i = ie;
      j = je;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

}  // namespace motiearchief::text
