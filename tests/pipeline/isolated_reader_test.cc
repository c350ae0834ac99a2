#include "pipeline/isolated_reader.h"

#include <gtest/gtest.h>
#include <malloc.h>

#include <fstream>

namespace motiearchief::pipeline {
namespace {

const std::string kBundle = std::string(MA_SOURCE_DIR) + "/samples/nazendingen-alv-2023-12-01.pdf";

TEST(IsolatedReaderTest, ChildGivesTheSamePagesAsInProcess) {
  IsolationOptions isolated, in_process;
  in_process.isolate = false;
  auto a = ReadPdfIsolated(kBundle, isolated);
  auto b = ReadPdfIsolated(kBundle, in_process);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(a->pages.size(), b->pages.size());
  for (size_t i = 0; i < a->pages.size(); ++i) EXPECT_EQ(a->pages[i].text, b->pages[i].text);
}

TEST(IsolatedReaderTest, ReaderErrorsCrossTheProcessBoundary) {
  std::string path = testing::TempDir() + "fake.pdf";
  std::ofstream(path) << "not a pdf at all";
  auto r = ReadPdfIsolated(path, IsolationOptions{});
  EXPECT_EQ(r.status().code(), Status::Code::kNotPdf);
}

TEST(IsolatedReaderTest, MemoryLimitIsAStatusNotACrashOfTheParent) {
  // The child inherits this process's heap, and may reuse its free space
  // whatever its limit; give back what earlier tests here left.
  malloc_trim(0);
  IsolationOptions tiny;
  tiny.memory_mib = 8;  // far too little for Poppler
  auto r = ReadPdfIsolated(kBundle, tiny);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.status().code() == Status::Code::kTooLarge ||
              r.status().code() == Status::Code::kCrashed)
      << r.status().ToString();
}

// OCR runs in the child too (and so leaves this process's heap alone).
TEST(IsolatedReaderTest, ScannedPagesAreReadByOcrAndOnlyWhenAsked) {
  const std::string scan = std::string(MA_SOURCE_DIR) +
                           "/samples-scanned/motie-enschede-herstel-financiele-verhouding.pdf";
  IsolationOptions no_ocr;
  no_ocr.read.ocr.enabled = false;
  auto plain = ReadPdfIsolated(scan, no_ocr);
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_FALSE(reader::TextLayerUsable(plain->pages[0].text));
  auto read = ReadPdfIsolated(scan, IsolationOptions{});
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(read->pages.size(), 1u);
  EXPECT_EQ(read->pages[0].method, "ocr");
  EXPECT_GT(read->pages[0].ocr_confidence, 80);
  EXPECT_NE(read->pages[0].text.find("Herstel financiële verhouding"), std::string::npos);
  auto engine = reader::OcrEngine::Create({});
  ASSERT_TRUE(engine.ok());
  EXPECT_EQ(read->pages[0].engine, (*engine)->Name());
  const std::string model = reader::ModelVersion("/usr/share/tesseract-ocr/5/tessdata", "nld");
  ASSERT_FALSE(model.empty());
  EXPECT_EQ(read->pages[0].engine.rfind("tesseract 5.", 0), 0u) << read->pages[0].engine;
  EXPECT_NE(read->pages[0].engine.find(" (" + model + ", LSTM)"), std::string::npos)
      << read->pages[0].engine;
}

}  // namespace
}  // namespace motiearchief::pipeline
