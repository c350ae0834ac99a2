#include "reader/scan_resolution.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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
  const std::vector<double> ppi = ScanResolutions(path, pages);
  ASSERT_EQ(ppi.size(), contents.size());
  for (size_t i = 0; i < contents.size(); ++i) {
    EXPECT_NEAR(ppi[i], cases[i].ppi, 0.01) << "page " << i + 1 << ": " << cases[i].content;
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
    const std::vector<double> ppi = ScanResolutions(path, pages);
    for (size_t i = 0; i < pages.size(); ++i) {
      EXPECT_NEAR(ppi[i], expected[i], 1.0) << name << " page " << pages[i] + 1;  // it rounds
    }
  }
}

TEST(ScanResolutionTest, UnreadableFileGivesZeros) {
  EXPECT_EQ(ScanResolutions("/nonexistent/x.pdf", {0, 1}), (std::vector<double>{0, 0}));
  const std::string text =
      std::string(MA_SOURCE_DIR) + "/samples/motie-enschede-herstel-financiele-verhouding.pdf";
  EXPECT_EQ(ScanResolutions(text, {0, 5}), (std::vector<double>{0, 0}));  // no image; no page 6
}

}  // namespace
}  // namespace motiearchief::reader
