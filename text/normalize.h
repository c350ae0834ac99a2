// Text normalisation with ICU, applied to every page before any rule runs.
//
// Why: PDFs spell the same text in many ways (ligature glyphs, soft hyphens,
// curly or straight quotes, private-use bullets from Symbol fonts, words cut
// at line ends). Grammars and search should see one spelling.
//
// All functions take and return UTF-8, are pure and thread-safe.
#ifndef MOTIEARCHIEF_TEXT_NORMALIZE_H_
#define MOTIEARCHIEF_TEXT_NORMALIZE_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace motiearchief::text {

// NFKC (so "ﬁ" becomes "fi"), soft hyphens and zero-width characters
// removed, typographic quotes made straight (' and "), bullet glyphs made
// "•", no-break and odd spaces made plain spaces, CR/LF made LF, trailing
// spaces of each line dropped. Line breaks and leading spaces (columns) stay.
std::string NormalizeText(std::string_view text);

// Joins the lines of one clause or paragraph into a single line: whitespace
// collapsed, and a word cut at a line end ("levens-\ndomeinen") joined
// again. A hyphen after a capital or digit ("VNG-\ninzet") is kept, since
// there it belongs to the compound.
std::string JoinLines(const std::vector<std::string>& lines);
std::string JoinLines(std::string_view text);

// Key for comparing names and titles: case folded, diacritics removed,
// every run of non-letters/digits one space, trimmed. "Súdwest-Fryslân" and
// "sudwest fryslan" give the same key.
std::string FoldForMatch(std::string_view text);

// True when `text` is well-formed UTF-8 (what users type may not be).
bool IsValidUtf8(std::string_view text);

// `text` safe inside HTML elements and quoted attributes: & < > " ' escaped.
std::string EscapeHtml(std::string_view text);

// Content words of a title or text, for comparing titles that are phrased
// differently: folded, short and stop words dropped, long words cut by two
// letters so that "bekostiging" and "bekostigen" meet.
std::set<std::string> ContentWords(std::string_view text);

// |a ∩ b| / min(|a|, |b|); 0 when either is empty.
double WordOverlap(const std::set<std::string>& a, const std::set<std::string>& b);

// Order for labels that mix words and numbers, as people read them: runs
// of digits compare as numbers ("9" < "10", "4b" < "10a"), the rest byte by
// byte. A strict weak order.
bool NaturalLess(std::string_view a, std::string_view b);

// Splits on '\n'; the views point into `text`.
std::vector<std::string_view> SplitLines(std::string_view text);

// Trims ASCII whitespace at both ends.
std::string_view Trim(std::string_view s);

}  // namespace motiearchief::text

#endif  // MOTIEARCHIEF_TEXT_NORMALIZE_H_
