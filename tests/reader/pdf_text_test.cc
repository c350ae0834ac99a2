#include "reader/pdf_text.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace motiearchief::reader {
namespace {

const std::string kSamples = std::string(MA_SOURCE_DIR) + "/samples/";

TEST(PdfTextTest, ReadsEveryPageOfASample) {
  auto text = ReadPdfText(kSamples + "nazendingen-alv-2023-12-01.pdf");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  ASSERT_EQ(text->pages.size(), 16u);
  EXPECT_NE(text->pages[4].text.find("Herstel financiële verhouding"), std::string::npos);
  EXPECT_NE(text->pages[0].text.find("Geachte leden"), std::string::npos);
  EXPECT_EQ(text->pages[0].method, "text");
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  std::string path = testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(PdfTextTest, ClearErrorsForBadInput) {
  auto not_pdf = ReadPdfText(WriteTemp("not.pdf", "<html>hello</html>"));
  EXPECT_EQ(not_pdf.status().code(), Status::Code::kNotPdf);
  auto empty = ReadPdfText(WriteTemp("empty.pdf", ""));
  EXPECT_EQ(empty.status().code(), Status::Code::kEmpty);
  auto damaged = ReadPdfText(WriteTemp("damaged.pdf", "%PDF-1.4\n1 0 obj garbage\n"));
  EXPECT_EQ(damaged.status().code(), Status::Code::kDamaged);
  EXPECT_NE(damaged.status().message().find("damaged.pdf"), std::string::npos);
  auto missing = ReadPdfText("/nonexistent/x.pdf");
  EXPECT_EQ(missing.status().code(), Status::Code::kIoError);
}

TEST(PdfTextTest, PageLimit) {
  PdfReadOptions options;
  options.max_pages = 3;
  auto text = ReadPdfText(kSamples + "nazendingen-alv-2023-12-01.pdf", options);
  EXPECT_EQ(text.status().code(), Status::Code::kTooLarge);
}

TEST(TextLayerUsableTest, Table) {
  const std::string page =
      "Motie Herstel financiële verhouding met nieuwe regering\n"
      "De Algemene Ledenvergadering van de VNG, in vergadering bijeen op 1 december 2023,\n"
      "Constaterende dat het huidige kabinet op de verkeerde voet is begonnen.\n";
  const std::pair<std::string, bool> rows[] = {
      {"", false},
      {"   \n\n  ", false},
      {"Pagina 3 van 7", false},                          // a running header on a scan
      {"VNG ALV 1 december 2023\nNazending 2\n", false},  // a stamp: two short lines
      {page, true},
      {page + std::string(200, 'x'), true},
      // A font without a Unicode map: mostly U+FFFD.
      {std::string("Motie ") + std::string(20, 'a') +
           [] {
             std::string r;
             for (int i = 0; i < 40; ++i) r += "\xEF\xBF\xBD";
             return r;
           }() +
           "\nb\nc\n",
       false},
  };
  for (const auto& [text, usable] : rows) EXPECT_EQ(TextLayerUsable(text), usable) << text;
}

}  // namespace
}  // namespace motiearchief::reader
