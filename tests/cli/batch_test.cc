// The nightly batch against what a night can bring, through the real
// binary: a hostile corpus (scripts/make_hostile_corpus.py) in one ingest
// run, and ingest killed with SIGKILL at random moments.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "archive/archive.h"
#include "tests/archive/scratch_archive.h"
#include "tests/cli/command.h"

namespace motiearchief {
namespace {

namespace fs = std::filesystem;
using testing_cli::CommandResult;
using testing_cli::Sh;

const std::string kSource = MA_SOURCE_DIR;
const std::set<std::string> kStatuses = {"ok",      "ok_warnings", "not_pdf", "encrypted",
                                         "damaged", "timeout",     "crashed", "too_large",
                                         "empty",   "io_error"};

std::string Scratch(const std::string& name) {
  std::string dir = testing::TempDir() + "batch_" + std::to_string(getpid()) + "_" + name;
  fs::remove_all(dir);
  return dir;
}

using testing_cli::Tool;

// A new, empty archive on the engine under test (MA_TEST_ENGINE): a file,
// or a database of its own; kept until the process ends.
std::string NewArchive(const std::string& name) {
  static auto* archives = new std::vector<std::unique_ptr<testing::ScratchArchive>>;
  archives->push_back(std::make_unique<testing::ScratchArchive>("batch_" + name + "_" +
                                                                std::to_string(archives->size())));
  return archives->back()->location();
}

// Whether a run got as far as making the archive (its schema).
bool ArchiveExists(const std::string& db) {
  return archive::Archive::Open(db, {.read_only = true}).ok();
}

// The hostile corpus, made once for the whole suite by the CTest fixture
// hostile_corpus (tests/CMakeLists.txt); made here when a test runs alone.
const std::string& Corpus() {
  static const std::string* dir = [] {
    auto* d = new std::string(MA_HOSTILE_CORPUS);
    if (!fs::exists(*d + "/good-nazendingen-alv-2023-12-01.pdf")) {
      CommandResult made = Sh(std::string(MA_PYTHON3) + " " + kSource +
                              "/scripts/make_hostile_corpus.py " + *d + " " + kSource + "/samples");
      EXPECT_EQ(made.exit_code, 0) << made.out;
    }
    return d;
  }();
  return *dir;
}

std::vector<std::string> PdfsIn(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::multiset<std::string> SortedLines(const std::string& text) {
  std::multiset<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.insert(line);
  return lines;
}

// The number of documents in a sample, from its hand-made expected records.
int GoldenCount(const std::string& sample_name) {
  std::ifstream in(kSource + "/samples/gold/" + fs::path(sample_name).stem().string() + ".json");
  if (!in) return 0;
  return static_cast<int>(nlohmann::json::parse(in).size());
}

TEST(BatchTest, HostileCorpusNeverStopsTheBatch) {
  const std::string& corpus = Corpus();
  const std::vector<std::string> names = PdfsIn(corpus);
  const auto hostile = std::count_if(names.begin(), names.end(),
                                     [](const std::string& n) { return n.rfind("good-", 0) != 0; });
  ASSERT_GE(hostile, 200);

  const std::string db = NewArchive("hostile");
  const std::string summary_path = Scratch("hostile-summary.json");
  CommandResult run = Sh(Tool(db) + " ingest " + corpus +
                         " --timeout 30 --memory-mib 1024 --summary-json " + summary_path);
  // 4: done, with files that could not be read. Never 1 (aborted).
  ASSERT_EQ(run.exit_code, 4) << run.out;
  nlohmann::json summary = nlohmann::json::parse(std::ifstream(summary_path));
  ASSERT_EQ(summary["outcomes"].size(), names.size());
  std::map<std::string, int> by_status;
  for (const auto& o : summary["outcomes"]) {
    std::string status = o["status"];
    EXPECT_TRUE(kStatuses.count(status)) << o["path"] << ": " << status;
    ++by_status[status];
    if (status != "ok") {
      EXPECT_FALSE(o["message"].get<std::string>().empty()) << o["path"];
    }
  }
  // The corpus is built so that each of these shows up.
  for (const char* status :
       {"ok", "ok_warnings", "not_pdf", "encrypted", "damaged", "too_large", "empty"}) {
    EXPECT_GT(by_status[status], 0) << status;
  }
  EXPECT_EQ(summary["failed_files"].size(), static_cast<size_t>(summary["failed"].get<int>()));
  // Decompression bombs are counted, not parsed: their pages are left unread.
  int bombs = 0;
  for (const auto& o : summary["outcomes"]) {
    if (o["path"].get<std::string>().find("/bomb-content-") == std::string::npos) continue;
    ++bombs;
    EXPECT_EQ(o["status"], "ok_warnings") << o["path"];
    EXPECT_NE(o["message"].get<std::string>().find("decompression bomb"), std::string::npos)
        << o["path"] << ": " << o["message"];
  }
  EXPECT_GT(bombs, 0);

  // Every file has its status in the archive, for this run and for good.
  auto archive = archive::Archive::Open(db, {.read_only = true});
  ASSERT_TRUE(archive.ok()) << archive.status().ToString();
  auto run_row = (*archive)->FindRun();
  ASSERT_TRUE(run_row.ok() && run_row->has_value());
  EXPECT_TRUE((*run_row)->finished.has_value());
  auto run_files = (*archive)->RunFiles((*run_row)->id);
  ASSERT_TRUE(run_files.ok());
  EXPECT_EQ(run_files->size(), names.size());
  for (const auto& o : summary["outcomes"]) {
    if (o["sha256"].is_null()) continue;
    auto file = (*archive)->FindFileBySha(o["sha256"]);
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE(file->has_value()) << o["path"];
    EXPECT_EQ((*file)->status, o["status"]) << o["path"];
  }

  // The good files in the same run are archived completely.
  auto records = (*archive)->LoadRecords();
  ASSERT_TRUE(records.ok());
  for (const std::string& name : names) {
    if (name.rfind("good-", 0) != 0) continue;
    const auto docs = std::count_if(records->begin(), records->end(), [&](const schema::Record& r) {
      return r.bron.bestand == name;
    });
    EXPECT_EQ(docs, GoldenCount(name.substr(5))) << name;
  }
  // An owner password alone does not keep a motion out of the archive.
  const auto owner_docs =
      std::count_if(records->begin(), records->end(), [](const schema::Record& r) {
        return r.bron.bestand ==
               "encrypted-owner-motie-enschede-herstel-"
               "financiele-verhouding.pdf";
      });
  EXPECT_EQ(owner_docs, GoldenCount("motie-enschede-herstel-financiele-verhouding.pdf"));

  CommandResult check = Sh(Tool(db) + " check");
  EXPECT_EQ(check.exit_code, 0) << check.out;
  // log names every failed file of the run, and exits as the run did.
  CommandResult log = Sh(Tool(db) + " log --json");
  EXPECT_EQ(log.exit_code, 4);
  auto logged = nlohmann::json::parse(log.out);
  EXPECT_EQ(logged["failed"], summary["failed"]);
  EXPECT_EQ(logged["problems"].size(), static_cast<size_t>(summary["failed"].get<int>() +
                                                           summary["with_warnings"].get<int>()));
  // The next run retries the failures, and they fail the same way.
  CommandResult again = Sh(Tool(db) + " ingest " + corpus + " --timeout 30 --memory-mib 1024");
  EXPECT_EQ(again.exit_code, 4) << again.out;
  EXPECT_NE(again.out.find(std::to_string(summary["stored"].get<int>()) + " unchanged"),
            std::string::npos)
      << again.out;
}

// Document ids per source file (by sha256), and each file's status.
struct ArchiveState {
  std::map<std::string, std::set<std::string>> documents;
  std::map<std::string, std::string> status;
  std::set<std::string> all_documents;
};

ArchiveState ReadState(const std::string& db, const std::set<std::string>& shas) {
  ArchiveState state;
  auto archive = archive::Archive::Open(db, {.read_only = true});
  EXPECT_TRUE(archive.ok()) << archive.status().ToString();
  if (!archive.ok()) return state;
  auto records = (*archive)->LoadRecords();
  EXPECT_TRUE(records.ok()) << records.status().ToString();
  if (!records.ok()) return state;
  for (const auto& r : *records) {
    state.documents[r.bron.sha256].insert(r.id);
    state.all_documents.insert(r.id);
  }
  for (const std::string& sha : shas) {
    auto file = (*archive)->FindFileBySha(sha);
    EXPECT_TRUE(file.ok());
    if (file.ok() && file->has_value()) state.status[sha] = (*file)->status;
  }
  return state;
}

// Every file in `state` has the status and all the documents it has in
// `expected`: none is half-stored.
void ExpectEveryFileComplete(const ArchiveState& state, const ArchiveState& expected,
                             const std::string& when) {
  for (const auto& [sha, status] : state.status) {
    EXPECT_EQ(status, expected.status.at(sha)) << when;
    auto want = expected.documents.find(sha);
    auto got = state.documents.find(sha);
    EXPECT_EQ(got == state.documents.end() ? 0u : got->second.size(),
              want == expected.documents.end() ? 0u : want->second.size())
        << when << ": file " << sha << " half-stored";
  }
}

std::set<std::string> FileShas(const std::string& db) {
  std::set<std::string> shas;
  auto archive = archive::Archive::Open(db, {.read_only = true});
  EXPECT_TRUE(archive.ok());
  if (!archive.ok()) return shas;
  auto records = (*archive)->LoadRecords();
  auto failed = (*archive)->FailedFiles();
  EXPECT_TRUE(records.ok() && failed.ok());
  for (const auto& r : *records) shas.insert(r.bron.sha256);
  for (const auto& f : *failed) shas.insert(f.sha256);
  return shas;
}

TEST(BatchTest, KilledAtRandomMomentsLosesNoCommittedDocument) {
  // Good, encrypted and unreadable files mixed, so kills land everywhere:
  // while readers read, while a file is stored, between files. Every second
  // one of them in name order (21 files, 28 documents): each kind is there,
  // and each of the ~30 runs costs half of what all 41 cost. (A slow bomb
  // here made every run wait for it: most kills landed before the first
  // store, and the test took minutes under load.)
  const std::string input = Scratch("kill-input");
  fs::create_directories(input);
  int mixed = 0;
  for (const std::string& name : PdfsIn(Corpus())) {
    if ((name.rfind("good-", 0) == 0 || name.rfind("encrypted-", 0) == 0 ||
         name.rfind("not-pdf-", 0) == 0) &&
        mixed++ % 2 == 0) {
      fs::copy_file(Corpus() + "/" + name, input + "/" + name);
    }
  }
  const std::vector<std::string> ingest = {"ingest", input, "--timeout", "30", "-q"};
  auto args = [&](const std::string& db) {
    std::vector<std::string> a = {MA_BINARY, "--db", db};
    a.insert(a.end(), ingest.begin(), ingest.end());
    return a;
  };

  // The reference: one uninterrupted run.
  const std::string reference_db = NewArchive("kill-reference");
  const auto started = std::chrono::steady_clock::now();
  CommandResult reference = Sh(Tool(reference_db) + " ingest " + input + " --timeout 30");
  const auto full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - started)
                           .count();
  ASSERT_EQ(reference.exit_code, 4) << reference.out;  // not_pdf, encrypted
  const std::string reference_export = Sh(Tool(reference_db) + " export").out;
  const std::set<std::string> shas = FileShas(reference_db);
  const ArchiveState expected = ReadState(reference_db, shas);
  ASSERT_GT(expected.all_documents.size(), 20u);

  std::string db = NewArchive("kill");
  const unsigned seed = 20261122;
  std::mt19937 rng(seed);
  std::uniform_int_distribution<long> delay(0, full_ms);
  SCOPED_TRACE("seed " + std::to_string(seed) + ", full run " + std::to_string(full_ms) + " ms");
  int kills = 0, completed = 0;
  std::set<std::string> committed;
  for (int attempt = 0; kills < 20 && attempt < 200; ++attempt) {
    pid_t pid = testing_cli::SpawnQuiet(args(db));
    int wstatus = 0;
    if (testing_cli::ExitsWithin(pid, std::chrono::milliseconds(delay(rng)), &wstatus)) {
      // Finished before the kill: it completed the archive.
      ++completed;
      EXPECT_EQ(Sh(Tool(db) + " export").out, reference_export) << "attempt " << attempt;
      db = NewArchive("kill");
      committed.clear();
      continue;
    }
    kill(pid, SIGKILL);
    waitpid(pid, &wstatus, 0);
    ++kills;
    if (!ArchiveExists(db)) continue;  // killed before it created the archive
    CommandResult check = Sh(Tool(db) + " check");
    EXPECT_EQ(check.exit_code, 0) << "kill " << kills << ": " << check.out;
    ArchiveState state = ReadState(db, shas);
    // What was committed before is still there...
    for (const std::string& id : committed) {
      EXPECT_TRUE(state.all_documents.count(id)) << "kill " << kills << " lost " << id;
    }
    committed = state.all_documents;
    // ...and every file in the archive is there completely.
    ExpectEveryFileComplete(state, expected, "kill " + std::to_string(kills));
  }
  EXPECT_EQ(kills, 20) << completed << " runs completed before their kill";
  std::cout << kills << " kills, " << completed << " runs that completed first, full run "
            << full_ms << " ms\n";

  // A re-run completes the archive; a further re-run changes nothing.
  CommandResult finish = Sh(Tool(db) + " ingest " + input + " --timeout 30");
  EXPECT_EQ(finish.exit_code, 4) << finish.out;
  EXPECT_EQ(Sh(Tool(db) + " export").out, reference_export);
  CommandResult after = Sh(Tool(db) + " ingest " + input + " --no-retry-failed");
  EXPECT_NE(after.out.find(" 0 stored (0 new documents)"), std::string::npos) << after.out;
  EXPECT_EQ(Sh(Tool(db) + " export").out, reference_export);
  EXPECT_EQ(Sh(Tool(db) + " check").exit_code, 0);
}

// SIGTERM (a scheduler's stop) and Ctrl-C: the run stops within two
// seconds, says so with its own exit code, leaves a consistent archive with
// every file it stored complete, and the next run does the rest.
TEST(BatchTest, SigtermStopsQuicklyAndTheNextRunFinishes) {
  // A text bundle, stored at once, then a scan of two pages: seconds of OCR,
  // more than the two seconds a stop may take, so a stop that waited for the
  // read to end would fail. The stop is sent as soon as the bundle is stored,
  // so it lands while the scan is read on any machine (a fixed wait needed
  // several scans to be sure of that, and every run after the stop read them
  // all again).
  const std::string input = Scratch("stop-input");
  fs::create_directories(input);
  fs::copy_file(kSource + "/samples/nazendingen-alv-2023-12-01.pdf", input + "/a-bundle.pdf");
  fs::copy_file(kSource + "/samples-scanned/motie-heemstede-goed-beleid-integraal-beleid.pdf",
                input + "/b-scan.pdf");
  for (int sig : {SIGTERM, SIGINT}) {
    const std::string db = NewArchive("stop");
    pid_t pid = testing_cli::SpawnQuiet({MA_BINARY, "--db", db, "ingest", input, "--jobs", "1"});
    int wstatus = 0;
    bool exited = false;
    // One connection, opened once the run has made the archive: a
    // connection per look cost PostgreSQL about 40 ms of CPU each.
    std::unique_ptr<archive::Archive> watch;
    while (!(exited = testing_cli::ExitsWithin(pid, std::chrono::milliseconds(10), &wstatus))) {
      if (!watch) {
        auto opened = archive::Archive::Open(db, {.read_only = true});
        if (!opened.ok()) continue;  // not made yet
        watch = std::move(*opened);
      }
      auto counts = watch->Count();
      if (counts.ok() && counts->documents > 0) break;
    }
    watch.reset();
    ASSERT_FALSE(exited) << "the run ended before its stop, signal " << sig;
    const auto sent = std::chrono::steady_clock::now();
    kill(pid, sig);
    waitpid(pid, &wstatus, 0);
    const auto took = std::chrono::steady_clock::now() - sent;
    ASSERT_TRUE(WIFEXITED(wstatus)) << "signal " << sig;
    EXPECT_EQ(WEXITSTATUS(wstatus), 7) << "signal " << sig;
    EXPECT_LT(took, std::chrono::seconds(2)) << "signal " << sig;
    std::cout << "signal " << sig << ": stopped in "
              << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms\n";
    EXPECT_EQ(Sh(Tool(db) + " check").exit_code, 0);
    // The run is recorded as finished, with what it did.
    CommandResult log = Sh(Tool(db) + " log");
    EXPECT_EQ(log.out.find("NOT FINISHED"), std::string::npos) << log.out;
    // The bundle is stored completely, the scan not at all...
    {
      auto archive = archive::Archive::Open(db, {.read_only = true});
      ASSERT_TRUE(archive.ok()) << archive.status().ToString();
      auto counts = (*archive)->Count();
      ASSERT_TRUE(counts.ok());
      EXPECT_EQ(counts->documents, GoldenCount("nazendingen-alv-2023-12-01.pdf"));
    }
    // ...and the next run does the rest.
    CommandResult rest = Sh(Tool(db) + " ingest " + input);
    EXPECT_TRUE(rest.exit_code == 0 || rest.exit_code == 3) << rest.out;
    EXPECT_NE(rest.out.find(" 1 stored (1 new documents), 1 unchanged"), std::string::npos)
        << rest.out;
    CommandResult again = Sh(Tool(db) + " ingest " + input);
    EXPECT_NE(again.out.find(" 0 stored (0 new documents)"), std::string::npos) << again.out;
  }
}

TEST(BatchTest, FullDiskStopsTheRunAndLosesNothing) {
  if (testing::EngineUnderTest() == "postgresql") {
    GTEST_SKIP() << "the disk that fills up here is the SQLite file's (ulimit -f); a PostgreSQL "
                    "server's full disk is the server's";
  }
  const std::string samples = kSource + "/samples";
  const std::string reference_db = NewArchive("disk-reference");
  Sh(Tool(reference_db) + " ingest " + samples);
  const std::string reference_export = Sh(Tool(reference_db) + " export").out;
  const std::set<std::string> shas = FileShas(reference_db);
  const ArchiveState expected = ReadState(reference_db, shas);

  // The archive may not grow past 200 KiB: the disk is full part-way.
  const std::string db = NewArchive("disk");
  ASSERT_EQ(
      Sh(Tool(db) + " ingest " + samples + "/motie-enschede-herstel-financiele-verhouding.pdf")
          .exit_code,
      0);
  const ArchiveState before = ReadState(db, shas);
  CommandResult full =
      Sh("bash -c 'ulimit -f 200; exec " + Tool(db) + " ingest " + samples + " 2>&1'");
  EXPECT_EQ(full.exit_code, 1) << full.out;
  EXPECT_NE(full.out.find("io_error"), std::string::npos) << full.out;
  EXPECT_NE(full.out.find("nothing half-stored"), std::string::npos) << full.out;

  EXPECT_EQ(Sh(Tool(db) + " check").exit_code, 0);
  ArchiveState after = ReadState(db, shas);
  for (const std::string& id : before.all_documents) EXPECT_TRUE(after.all_documents.count(id));
  ExpectEveryFileComplete(after, expected, "after the disk filled up");
  CommandResult log = Sh(Tool(db) + " log");
  EXPECT_NE(log.out.find("NOT FINISHED"), std::string::npos) << log.out;

  // With room again, the next run finishes the work.
  EXPECT_EQ(Sh(Tool(db) + " ingest " + samples).exit_code, 0);
  // The same records; in another order, as Enschede came first here.
  EXPECT_EQ(SortedLines(Sh(Tool(db) + " export").out), SortedLines(reference_export));
}

}  // namespace
}  // namespace motiearchief
