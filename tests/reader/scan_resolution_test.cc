#include "reader/scan_resolution.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "reader/pdf_text.h"
#include "tests/cli/command.h"
#include "tests/reader/pdf_builder.h"

namespace motiearchief::reader {
namespace {

const std::string kScans = std::string(MA_SOURCE_DIR) + "/samples-scanned/";

// A PDF with one page per content stream, each page 612 x 792 pt (8.5 x 11
// inches) with image XObject /Im (1275 x 1650 pixels: 150 ppi on a whole
// page). The image data is never decoded, so a few bytes stand in for it.
std::string PdfWithPages(const std::vector<std::string>& contents) {
  std::vector<std::string> objects;
  const int pages = static_cast<int>(contents.size());
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  objects.push_back(
      "<< /Type /XObject /Subtype /Image /Width 1275 /Height 1650 /ColorSpace /DeviceGray "
      "/BitsPerComponent 8 /Length 4 >>\nstream\nabcd\nendstream");
  for (int i = 0; i < pages; ++i) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " +
                      std::to_string(5 + 2 * i) +
                      " 0 R /Resources << /XObject << /Im 3 0 R >> >> >>");
    objects.push_back("<< /Length " + std::to_string(contents[i].size()) + " >>\nstream\n" +
                      contents[i] + "\nendstream");
  }
  return testing_pdf::PdfFromObjects(objects);
}

TEST(ScanResolutionTest, WhatTheImageOnEachPageAmountsTo) {
  struct Case {
    std::string content;
    double ppi;  // expected; 0: not a scan
  } cases[] = {
      {"q 612 0 0 792 0 0 cm /Im Do Q", 150},  // the whole page
      {"q 306 0 0 396 0 0 cm /Im Do Q", 0},    // a quarter of it: not a scan
      // Turned a quarter: 1275 pixels along 11 inches, 1650 along 8.5.
      {"q 0 792 -612 0 612 0 cm /Im Do Q", 1275 / 11.0},
      // Half the page, squeezed: counts at its coarser axis.
      {"q 612 0 0 396 0 0 cm /Im Do Q", 150},
      // An inline image first: its data must be skipped for /Im to be seen.
      {"q 10 0 0 10 5 5 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x01\x02\x03\x04 EI Q "
       "q 612 0 0 792 0 0 cm /Im Do Q",
       150},
      {"0 0 100 100 re f", 0},  // vector drawing only
  };
  std::vector<std::string> contents;
  for (const auto& c : cases) contents.push_back(c.content);
  const std::string path = testing::TempDir() + "scan_resolution.pdf";
  std::ofstream(path, std::ios::binary) << PdfWithPages(contents);
  std::vector<int> pages;
  for (size_t i = 0; i < contents.size(); ++i) pages.push_back(static_cast<int>(i));
  const std::vector<PageImages> images = ImagesOnPages(PopplerDoc(path), pages);
  ASSERT_EQ(images.size(), contents.size());
  for (size_t i = 0; i < contents.size(); ++i) {
    EXPECT_NEAR(images[i].scan_ppi, cases[i].ppi, 0.01)
        << "page " << i + 1 << ": " << cases[i].content;
    // Every page but the vector drawing draws the 1275 x 1650 image.
    EXPECT_EQ(images[i].most_pixels, i + 1 < contents.size() ? 1275.0 * 1650 : 0)
        << "page " << i + 1;
  }
}

// pdfimages (poppler-utils) as the reference: the scanned samples have one
// image per page, so its x-ppi/y-ppi is the page's scan resolution.
TEST(ScanResolutionTest, AgreesWithPdfimagesOnTheScannedSamples) {
  for (const char* name :
       {"motie-heemstede-goed-beleid-integraal-beleid.pdf",
        "preadvies-heemstede-goed-beleid-integraal-beleid.pdf", "nazendingen-gemengd.pdf"}) {
    const std::string path = kScans + name;
    auto listed = testing_cli::Sh("pdfimages -list '" + path + "'");
    ASSERT_EQ(listed.exit_code, 0) << listed.out;
    std::istringstream lines(listed.out);
    std::string line;
    std::getline(lines, line);
    std::getline(lines, line);
    std::vector<int> pages;
    std::vector<double> expected;
    while (std::getline(lines, line)) {
      std::istringstream row(line);
      int page;
      std::string skip;
      double x_ppi, y_ppi;
      row >> page;
      for (int i = 0; i < 11; ++i) row >> skip;
      row >> x_ppi >> y_ppi;
      pages.push_back(page - 1);
      expected.push_back(std::min(x_ppi, y_ppi));
    }
    ASSERT_FALSE(pages.empty()) << name;
    const std::vector<PageImages> images = ImagesOnPages(PopplerDoc(path), pages);
    for (size_t i = 0; i < pages.size(); ++i) {
      EXPECT_NEAR(images[i].scan_ppi, expected[i], 1.0)
          << name << " page " << pages[i] + 1;  // it rounds
    }
  }
}

TEST(ScanResolutionTest, UnreadableFileGivesZeros) {
  auto zeros = [](const std::vector<PageImages>& images) {
    for (const auto& i : images) {
      if (i.scan_ppi != 0 || i.most_pixels != 0) return false;
    }
    return images.size() == 2;
  };
  EXPECT_TRUE(zeros(ImagesOnPages(PopplerDoc("/nonexistent/x.pdf"), {0, 1})));
  const std::string text =
      std::string(MA_SOURCE_DIR) + "/samples/motie-enschede-herstel-financiele-verhouding.pdf";
  EXPECT_TRUE(zeros(ImagesOnPages(PopplerDoc(text), {0, 5})));  // no image; no page 6
}

// An image of absurd size is counted, not decoded; such a page is not
// OCR'd (reading it would decode 10^10 pixels), and the file says why.
TEST(ScanResolutionTest, AHugeImageIsCountedNotDecoded) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
      "<< /Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceGray "
      "/BitsPerComponent 8 /Length 4 >>\nstream\nabcd\nendstream",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << "
      "/XObject << /Im 3 0 R >> >> >>",
      "<< /Length 29 >>\nstream\nq 612 0 0 792 0 0 cm /Im Do Q\nendstream"};
  const std::string path = testing::TempDir() + "huge_image.pdf";
  std::ofstream(path, std::ios::binary) << testing_pdf::PdfFromObjects(objects);
  const auto started = std::chrono::steady_clock::now();
  const std::vector<PageImages> images = ImagesOnPages(PopplerDoc(path), {0});
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].most_pixels, 1e10);
  auto read = ReadPdfText(path);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  const bool said = std::any_of(read->warnings.begin(), read->warnings.end(), [](const auto& w) {
    return w.find("page 1: not OCR'd, it draws an image of 10000 million pixels") !=
           std::string::npos;
  });
  EXPECT_TRUE(said) << ::testing::PrintToString(read->warnings);
  // Counted, not decoded: well within what one file may take.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

}  // namespace
}  // namespace motiearchief::reader
