#include "reader/pdf_text.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/reader/pdf_builder.h"

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

// A PDF of the given page contents (Helvetica text, and an optional image
// XObject /Im1 of 8x8 grey pixels in a checker pattern), with a correct
// cross-reference table.
std::string MakePdf(const std::vector<std::string>& contents) {
  std::vector<std::string> objects;
  const int first_page = 5;
  std::string kids;
  for (size_t i = 0; i < contents.size(); ++i) {
    kids += std::to_string(first_page + 2 * i) + " 0 R ";
  }
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " +
                    std::to_string(contents.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  std::string pixels;
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) pixels += ((x + y) % 2) ? '\xff' : '\x00';
  }
  objects.push_back(
      "<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
      "/BitsPerComponent 8 /Length 64 >>\nstream\n" +
      pixels + "\nendstream");
  for (size_t i = 0; i < contents.size(); ++i) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " +
                      std::to_string(first_page + 2 * i + 1) +
                      " 0 R /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> >>");
    objects.push_back("<< /Length " + std::to_string(contents[i].size()) + " >>\nstream\n" +
                      contents[i] + "\nendstream");
  }
  return testing_pdf::PdfFromObjects(objects);
}

std::string TextLines(const std::vector<std::string>& lines) {
  std::string out = "BT /F1 11 Tf 72 770 Td 14 TL\n";
  for (const auto& l : lines) out += "(" + l + ") Tj T*\n";
  return out + "ET";
}

bool HasWarningFor(const PdfText& text, int page) {
  const std::string prefix = "page " + std::to_string(page) + ": ";
  for (const auto& w : text.warnings) {
    if (w.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// A page whose text layer is only a signature line is used as it is, not
// OCR'd; the same line over a page-filling image (a stamp on a scan) is.
TEST(PdfTextTest, RoutesEachPageByWhatItHolds) {
  const std::string body = TextLines({
      "Motie Herstel financiele verhouding met het Rijk",
      "De Algemene Ledenvergadering van de VNG, in vergadering bijeen,",
      "constaterende dat het kabinet op de verkeerde voet is begonnen,",
      "verzoekt het bestuur met de regering in gesprek te gaan.",
  });
  const std::string signature = TextLines({"Namens de fractie, J. de Vries"});
  const std::string stamp_on_scan = "q 595 0 0 842 0 0 cm /Im1 Do Q\n" + signature;
  const std::string path = WriteTemp(
      "routing.pdf", MakePdf({body, signature, stamp_on_scan, "q 595 0 0 842 0 0 cm /Im1 Do Q"}));
  auto text = ReadPdfText(path);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  ASSERT_EQ(text->pages.size(), 4u);
  EXPECT_EQ(text->pages[0].method, "text");
  EXPECT_FALSE(HasWarningFor(*text, 1));
  // The signature line: short, but text; never rendered.
  EXPECT_EQ(text->pages[1].method, "text");
  EXPECT_NE(text->pages[1].text.find("J. de Vries"), std::string::npos);
  EXPECT_FALSE(HasWarningFor(*text, 2));
  // Over an image: sent to OCR, which finds nothing more and keeps the line.
  EXPECT_TRUE(HasWarningFor(*text, 3));
  EXPECT_NE(text->pages[2].text.find("J. de Vries"), std::string::npos);
  // No text layer at all: sent to OCR.
  EXPECT_TRUE(HasWarningFor(*text, 4));
}

// A page whose drawing instructions decompress past the limit is left
// unread, with a warning, and never rendered: what a decompression bomb
// needs. Its content streams count, and so do the forms it draws (once
// each: this one names itself). The limit here is 2 KiB, for small files.
TEST(PdfTextTest, LeavesPagesOverTheContentLimitUnread) {
  const std::string body = TextLines({"Motie Herstel financiele verhouding met het Rijk",
                                      "verzoekt het bestuur met de regering in gesprek te gaan."});
  const std::string padding(3000, ' ');
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [4 0 R 6 0 R 8 0 R] /Count 3 >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      // 4-5: text under the limit.
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
      "/Resources << /Font << /F1 3 0 R >> >> >>",
      "<< /Length " + std::to_string(body.size()) + " >>\nstream\n" + body + "\nendstream",
      // 6-7: the same text with 3000 spaces in its content stream.
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R "
      "/Resources << /Font << /F1 3 0 R >> >> >>",
      "<< /Length " + std::to_string(body.size() + padding.size()) + " >>\nstream\n" + body +
          padding + "\nendstream",
      // 8-10: a short content stream that draws a form holding the spaces.
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 9 0 R "
      "/Resources << /Font << /F1 3 0 R >> /XObject << /Fm1 10 0 R >> >> >>",
      "<< /Length 8 >>\nstream\n/Fm1 Do\n\nendstream",
      "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
      "/XObject << /Fm1 10 0 R >> >> /Length " +
          std::to_string(body.size() + padding.size()) + " >>\nstream\n" + body + padding +
          "\nendstream",
  };
  PdfReadOptions options;
  options.max_page_content_bytes = 2048;
  auto text = ReadPdfText(WriteTemp("dense.pdf", testing_pdf::PdfFromObjects(objects)), options);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  ASSERT_EQ(text->pages.size(), 3u);
  EXPECT_NE(text->pages[0].text.find("gesprek"), std::string::npos);
  EXPECT_FALSE(HasWarningFor(*text, 1));
  for (int page : {2, 3}) {
    const PdfPage& unread = text->pages[static_cast<size_t>(page - 1)];
    EXPECT_EQ(unread.text, "") << page;
    EXPECT_EQ(unread.method, "text") << page;  // not sent to OCR
    bool said_why = false;
    for (const auto& w : text->warnings) {
      said_why |= w.rfind("page " + std::to_string(page) + ": not read:", 0) == 0 &&
                  w.find("more than 2048 bytes") != std::string::npos;
    }
    EXPECT_TRUE(said_why) << page;
  }
}

// Each line of the text comes with its box, font size and weight, from
// Poppler's words: a bold 16-point heading over 11-point lines, and a line
// of two columns, whose box spans both.
TEST(PdfTextTest, GivesEachLineItsBoxAndFont) {
  const std::string content =
      "BT /F2 16 Tf 72 770 Td (Motie Zorg voor de jeugd) Tj ET\n"
      "BT /F1 11 Tf 72 740 Td 14 TL (De raad, in vergadering bijeen,) Tj T* "
      "(constaterende dat het kan.) Tj ET\n"
      "BT /F1 11 Tf 72 690 Td (Namens Utrecht) Tj ET BT /F1 11 Tf 350 690 Td (Wethouder) Tj ET";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R "
      "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
  };
  auto text = ReadPdfText(WriteTemp("boxes.pdf", testing_pdf::PdfFromObjects(objects)));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  const PdfPage& page = text->pages[0];
  std::vector<std::string> lines;
  std::istringstream in(page.text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  ASSERT_GE(page.boxes.size(), lines.size());
  auto box_of = [&](const std::string& words) {
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].find(words) != std::string::npos) return page.boxes[i];
    }
    ADD_FAILURE() << "no line holds " << words << " in\n" << page.text;
    return text::LineBox{};
  };
  const text::LineBox heading = box_of("Motie Zorg");
  const text::LineBox raad = box_of("De raad");
  const text::LineBox next = box_of("constaterende");
  const text::LineBox columns = box_of("Namens Utrecht");
  EXPECT_TRUE(heading.bold);
  EXPECT_NEAR(heading.font_size, 16, 0.5);
  EXPECT_NEAR(heading.left, 72, 1);
  EXPECT_FALSE(raad.bold);
  EXPECT_NEAR(raad.font_size, 11, 0.5);
  // y grows down the page: 842 - 770 is the heading's baseline.
  EXPECT_LT(heading.bottom, raad.top + 1);
  EXPECT_NEAR(next.top - raad.top, 14, 1);
  EXPECT_GT(columns.right, 400);  // "Wethouder" starts at 350
}

}  // namespace
}  // namespace motiearchief::reader
