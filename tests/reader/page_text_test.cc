#include "reader/page_text.h"

#include <gtest/gtest.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "tests/reader/pdf_builder.h"

namespace motiearchief::reader {
namespace {

// A word as compared: text, box rounded to 0.01 pt, font size, bold.
using Word = std::tuple<std::string, long, long, long, long, long, bool>;

long Hundredths(double v) { return std::lround(v * 100); }

std::vector<Word> Sorted(std::vector<Word> words) {
  std::sort(words.begin(), words.end());
  return words;
}

// One pass gives, page by page, the text and the words that poppler-cpp's
// page::text(physical_layout) and page::text_list(include_font) give in two.
void ExpectAsPopplerCpp(const std::string& path) {
  SCOPED_TRACE(path);
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  ASSERT_TRUE(doc);
  const PopplerDoc file(path);
  ASSERT_TRUE(file.ok());
  for (int i = 0; i < doc->pages(); ++i) {
    SCOPED_TRACE("page " + std::to_string(i + 1));
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    ASSERT_TRUE(page);
    const poppler::byte_array utf8 =
        page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    const PageText read = ReadPageText(file, i);
    ASSERT_TRUE(read.read);
    EXPECT_EQ(read.text, std::string(utf8.begin(), utf8.end()));
    if (read.text.find_first_not_of(" \t\r\n\f") == std::string::npos) continue;
    std::vector<Word> want, got;
    for (const poppler::text_box& t : page->text_list(poppler::page::text_list_include_font)) {
      const poppler::byte_array w = t.text().to_utf8();
      const poppler::rectf r = t.bbox();
      // As the reader keeps them: floats.
      auto f = [](double v) { return Hundredths(static_cast<float>(v)); };
      want.emplace_back(std::string(w.begin(), w.end()), f(r.left()), f(r.top()), f(r.right()),
                        f(r.bottom()), f(t.get_font_size()), BoldFont(t.get_font_name()));
    }
    for (const text::WordBox& w : read.words) {
      got.emplace_back(w.text, Hundredths(w.box.left), Hundredths(w.box.top),
                       Hundredths(w.box.right), Hundredths(w.box.bottom),
                       Hundredths(w.box.font_size), w.box.bold);
    }
    EXPECT_EQ(Sorted(got), Sorted(want));
  }
}

TEST(PageTextTest, GivesWhatPopplerCppGivesInOnePass) {
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(MA_SOURCE_DIR) + "/samples")) {
    if (entry.path().extension() == ".pdf") ExpectAsPopplerCpp(entry.path().string());
  }
}

// A page cropped smaller than its media box: poppler-cpp takes its words
// from an uncropped pass, its text from a cropped one; the one pass gives
// both as they do (in the crop box's coordinates, without what lies
// outside it).
TEST(PageTextTest, CroppedPageAsPopplerCpp) {
  const std::string body =
      "BT /F1 11 Tf 72 770 Td 14 TL (Motie Herstel financiele verhouding) Tj T* "
      "(verzoekt het bestuur in gesprek te gaan.) Tj ET "
      "BT /F2 16 Tf 72 700 Td (Dictum) Tj ET "
      "BT /F1 9 Tf 5 830 Td (Buiten) Tj ET";  // outside the crop box
  const std::string pdf = testing_pdf::PdfFromObjects({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /CropBox [40 60 560 800] "
      "/Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
      "<< /Length " + std::to_string(body.size()) + " >>\nstream\n" + body + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
  });
  const std::string path = ::testing::TempDir() + "cropped.pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  ExpectAsPopplerCpp(path);
  const PageText read = ReadPageText(PopplerDoc(path), 0);
  EXPECT_NE(read.text.find("Dictum"), std::string::npos);
  EXPECT_EQ(read.text.find("Buiten"), std::string::npos);
  EXPECT_FALSE(std::any_of(read.words.begin(), read.words.end(),
                           [](const text::WordBox& w) { return w.text == "Buiten"; }));
  EXPECT_TRUE(std::any_of(read.words.begin(), read.words.end(),
                          [](const text::WordBox& w) { return w.text == "Dictum" && w.box.bold; }));
}

}  // namespace
}  // namespace motiearchief::reader
