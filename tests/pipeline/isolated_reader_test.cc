#include "pipeline/isolated_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "text/normalize.h"
#include "text/page.h"

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
  // A reader process is forked from this one and inherits its heap, free
  // space included, which earlier tests here may have grown (OCR in
  // process): run the check in a fresh copy of this test binary.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        IsolationOptions tiny;
        tiny.memory_mib = 8;  // far too little for Poppler
        auto r = ReadPdfIsolated(kBundle, tiny);
        const bool refused = !r.ok() && (r.status().code() == Status::Code::kTooLarge ||
                                         r.status().code() == Status::Code::kCrashed);
        std::fprintf(stderr, "%s\n", r.ok() ? "read" : r.status().ToString().c_str());
        std::exit(refused ? 0 : 1);
      },
      testing::ExitedWithCode(0), "");
}

std::vector<std::string> Samples() {
  std::vector<std::string> out;
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(MA_SOURCE_DIR) + "/samples")) {
    if (e.path().extension() == ".pdf") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Two processes read all the samples, each many files; every result is
// what an in-process read gives, returned by its own ticket.
TEST(ReaderPoolTest, ProcessesAreReusedAcrossFiles) {
  const std::vector<std::string> files = Samples();
  ASSERT_GE(files.size(), 6u);
  ReaderPool pool(IsolationOptions{}, 2);
  std::vector<int64_t> tickets;
  for (const auto& f : files) tickets.push_back(pool.Submit(f));
  EXPECT_EQ(pool.Pending(), files.size());
  // Taken in reverse: a ticket, not the order of completion, says which.
  for (size_t i = files.size(); i-- > 0;) {
    auto read = pool.Take(tickets[i]);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    IsolationOptions in_process;
    in_process.isolate = false;
    auto direct = ReadPdfIsolated(files[i], in_process);
    ASSERT_TRUE(direct.ok());
    ASSERT_EQ(read->pages.size(), direct->pages.size()) << files[i];
    EXPECT_EQ(read->pages[0].text, direct->pages[0].text) << files[i];
  }
  EXPECT_EQ(pool.Pending(), 0u);
  EXPECT_EQ(pool.ProcessesStarted(), 2);
  EXPECT_EQ(pool.Take(tickets[0]).status().code(), Status::Code::kInternal);
}

TEST(ReaderPoolTest, AProcessIsReplacedAfterItsQuotaOfFiles) {
  const std::vector<std::string> files = Samples();
  IsolationOptions options;
  options.files_per_process = 2;
  ReaderPool pool(options, 1);
  for (size_t i = 0; i < 5; ++i) {
    auto read = pool.Take(pool.Submit(files[i]));
    EXPECT_TRUE(read.ok()) << read.status().ToString();
  }
  EXPECT_EQ(pool.ProcessesStarted(), 3);
}

// A file that runs past its time costs its process; the next file gets a
// fresh one and is read as usual.
TEST(ReaderPoolTest, ATimeoutCostsOneFileNotThePool) {
  const std::string scan = std::string(MA_SOURCE_DIR) +
                           "/samples-scanned/motie-enschede-herstel-financiele-verhouding.pdf";
  IsolationOptions options;
  options.timeout_seconds = 1;  // OCR of the scan takes several seconds
  ReaderPool pool(options, 1);
  const int64_t slow = pool.Submit(scan, 1);
  const int64_t fine = pool.Submit(kBundle);
  auto timed_out = pool.Take(slow);
  EXPECT_EQ(timed_out.status().code(), Status::Code::kTimeout) << timed_out.status().ToString();
  EXPECT_NE(timed_out.status().message().find("motie-enschede"), std::string::npos);
  auto read = pool.Take(fine);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->pages.size(), 16u);
  EXPECT_EQ(pool.ProcessesStarted(), 2);
}

// A stop request ends a wait within the poll interval, leaving the file
// pending.
TEST(ReaderPoolTest, StopEndsTheWait) {
  const std::string scan = std::string(MA_SOURCE_DIR) +
                           "/samples-scanned/motie-enschede-herstel-financiele-verhouding.pdf";
  ReaderPool pool(IsolationOptions{}, 1);
  const int64_t ticket = pool.Submit(scan, 1);
  volatile std::sig_atomic_t stop = 1;
  const auto started = std::chrono::steady_clock::now();
  auto r = pool.Take(ticket, &stop);
  EXPECT_EQ(r.status().code(), Status::Code::kCancelled);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
  EXPECT_EQ(pool.Pending(), 1u);
  pool.Cancel();
  EXPECT_EQ(pool.Pending(), 0u);
}

// OCR runs in the child too (and so leaves this process's heap alone).
TEST(IsolatedReaderTest, ScannedPagesAreReadByOcrAndOnlyWhenAsked) {
  const std::string scan = std::string(MA_SOURCE_DIR) +
                           "/samples-scanned/motie-enschede-herstel-financiele-verhouding.pdf";
  IsolationOptions no_ocr;
  no_ocr.read.ocr.enabled = false;
  auto plain = ReadPdfIsolated(scan, no_ocr);
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_NE(text::ClassifyPageText(plain->pages[0].text), text::PageTextKind::kText);
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
  // Tesseract's word boxes place the lines, and come through the pipe: one
  // box per line, nearly every line of words placed, top to bottom, in
  // points on an A4 page.
  const std::vector<std::string_view> lines = text::SplitLines(read->pages[0].text);
  ASSERT_EQ(read->pages[0].boxes.size(), lines.size());
  size_t words = 0, placed = 0;
  float last_top = -1;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (text::Trim(lines[i]).empty()) continue;
    ++words;
    const text::LineBox& box = read->pages[0].boxes[i];
    if (!box.known()) continue;
    ++placed;
    EXPECT_GT(box.top, last_top) << lines[i];
    EXPECT_LE(box.right, 596) << lines[i];
    EXPECT_LE(box.bottom, 843) << lines[i];
    last_top = box.top;
  }
  EXPECT_GE(placed * 10, words * 9) << placed << " of " << words << " lines placed";
}

}  // namespace
}  // namespace motiearchief::pipeline
