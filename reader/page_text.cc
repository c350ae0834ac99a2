#include "reader/page_text.h"

#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/TextOutputDev.h>
#include <poppler/goo/GooString.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "text/normalize.h"

namespace motiearchief::reader {
namespace {

void AppendToString(void* stream, const char* text, int length) {
  static_cast<std::string*>(stream)->append(text, static_cast<size_t>(length));
}

// As poppler-cpp hands text over (ustring::from_utf8 of a C string): up to
// the first NUL, and nothing at all when that is not well-formed UTF-8
// (a font's broken Unicode map): such a page then counts as one without
// text, and is read by OCR.
void AsPopplerCppGivesIt(std::string& text) {
  if (size_t nul = text.find('\0'); nul != std::string::npos) text.resize(nul);
  if (!text::IsValidUtf8(text)) text.clear();
}

// The words of the page `dev` last showed.
std::vector<text::WordBox> WordsOf(TextOutputDev& dev) {
  std::vector<text::WordBox> words;
  const std::unique_ptr<TextWordList> list = dev.makeWordList();
  if (!list) return words;
  words.reserve(static_cast<size_t>(list->getLength()));
  for (int i = 0; i < list->getLength(); ++i) {
    const TextWord* word = list->get(i);
    const std::unique_ptr<GooString> utf8(word->getText());
    double x_min, y_min, x_max, y_max;
    word->getBBox(&x_min, &y_min, &x_max, &y_max);
    const GooString* font = word->getLength() > 0 ? word->getFontName(0) : nullptr;
    text::WordBox w;
    w.text = utf8 ? utf8->toStr() : std::string();
    AsPopplerCppGivesIt(w.text);
    w.box = {static_cast<float>(x_min),
             static_cast<float>(y_min),
             static_cast<float>(x_max),
             static_cast<float>(y_max),
             static_cast<float>(word->getFontSize()),
             font != nullptr && BoldFont(font->toStr())};
    words.push_back(std::move(w));
  }
  return words;
}

}  // namespace

bool BoldFont(const std::string& name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* weight : {"bold", "black", "heavy", "semibold", "demi"}) {
    if (lower.find(weight) != std::string::npos) return true;
  }
  return false;
}

PageText ReadPageText(const PopplerDoc& file, int index) {
  PageText result;
  if (!file.ok() || index < 0 || index >= file.pdf().getNumPages()) return result;
  PDFDoc& doc = file.pdf();
  Page* page = doc.getPage(index + 1);
  if (page == nullptr) return result;
  result.read = true;
  // As poppler-cpp's page::text(rectf(), physical_layout): the crop box,
  // physical layout, not rotated.
  TextOutputDev dev(&AppendToString, &result.text, /*physLayoutA=*/true, /*fixedPitchA=*/0,
                    /*rawOrderA=*/false);
  doc.displayPage(&dev, index + 1, 72, 72, 0, /*useMediaBox=*/false, /*crop=*/true,
                  /*printing=*/false);
  AsPopplerCppGivesIt(result.text);
  // A page without text (a scan, a blank) has no words to place.
  if (result.text.find_first_not_of(" \t\r\n\f") == std::string::npos) return result;
  // The words page::text_list finds in a pass of its own, uncropped: the
  // same, placed the same (the page box is the crop box either way; tested
  // on a cropped page, tests/reader/page_text_test.cc).
  result.words = WordsOf(dev);
  return result;
}

}  // namespace motiearchief::reader
