// The text of a page and the words it is made of, from one pass over the
// page's content. poppler-cpp parses a page once for its text
// (page::text, physical layout) and again for its words with their boxes
// and fonts (page::text_list): a third of a text PDF's ingest. Poppler's
// own TextOutputDev gives both from one pass. Internal to reader/
// (Poppler's own API, not poppler-cpp).
#ifndef MOTIEARCHIEF_READER_PAGE_TEXT_H_
#define MOTIEARCHIEF_READER_PAGE_TEXT_H_

#include <string>
#include <vector>

#include "reader/poppler_doc.h"
#include "text/layout.h"

namespace motiearchief::reader {

struct PageText {
  bool read = false;  // false: Poppler has no such page
  // UTF-8, Poppler's physical layout (columns kept), exactly as
  // poppler-cpp's page::text(rectf(), physical_layout) gives it.
  std::string text;
  // The words as page::text_list(text_list_include_font) gives them: box
  // (points, top-left origin), font size, and bold from the font's name;
  // empty when `text` holds no text.
  std::vector<text::WordBox> words;
};

// Page `index` (0-based) of `file`; `read` false when Poppler has no such
// page.
PageText ReadPageText(const PopplerDoc& file, int index);

// A font name that says bold ("Arial-BoldMT", "Calibri,Bold", "Helvetica-Black").
bool BoldFont(const std::string& name);

}  // namespace motiearchief::reader

#endif  // MOTIEARCHIEF_READER_PAGE_TEXT_H_
