// One page of a PDF as the extractors see it: its normalised text.
//
// The reader produces the text (text layer or OCR); NormalizeText
// (normalize.h) makes it one spelling; the splitter and the extractors read
// it. A plain value: copy or move it freely.
#ifndef MOTIEARCHIEF_TEXT_PAGE_H_
#define MOTIEARCHIEF_TEXT_PAGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "text/layout.h"

namespace motiearchief::text {

struct Page {
  int number = 0;  // 1-based page number in the file
  std::string text;
  bool ocr = false;  // the text came from Tesseract, not the text layer
  // One box per line of `text` (layout.h), or empty when the page's
  // geometry is not known (a page read back from the archive, a test).
  std::vector<LineBox> boxes;
};

// What the text of a page holds. Defined here, once, for the reader (which
// pages to OCR) and for ingest (which pages to report as empty).
enum class PageTextKind {
  kEmpty,     // fewer than kMinLetters letters: nothing to read ("- 2 -")
  kGarbage,   // glyphs without meaning: replacement characters (a font
              // without a Unicode map) or mostly symbols
  kFragment,  // real text, but no more than a line or two: a signature
              // line, a page header, or a stamp over a scanned image
  kText,      // a page of text
};

// Letters below which a page holds no text.
inline constexpr int kMinLetters = 4;

// Classifies UTF-8 `text` (raw or normalised). Pure; thread-safe.
PageTextKind ClassifyPageText(std::string_view text);

// ASCII letters plus characters beyond ASCII (é, ë, ...), each counted once.
int CountLetters(std::string_view text);

}  // namespace motiearchief::text

#endif  // MOTIEARCHIEF_TEXT_PAGE_H_
