#include "pipeline/isolated_reader.h"

#include <gtest/gtest.h>

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
  IsolationOptions tiny;
  tiny.memory_mib = 8;  // far too little for Poppler
  auto r = ReadPdfIsolated(kBundle, tiny);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.status().code() == Status::Code::kTooLarge ||
              r.status().code() == Status::Code::kCrashed)
      << r.status().ToString();
}

}  // namespace
}  // namespace motiearchief::pipeline
