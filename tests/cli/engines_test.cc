// The same archive on both engines, through the real binary: the samples
// ingested into SQLite and into PostgreSQL export identically and answer a
// fixed list of searches with the same documents; several ingest workers
// on one PostgreSQL archive store every file exactly once; and workers
// killed with -9 at random moments lose no committed document.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "archive/archive.h"
#include "schema/migrations.h"
#include "tests/archive/scratch_archive.h"
#include "tests/cli/command.h"

namespace motiearchief {
namespace {

using testing_cli::CommandResult;
using testing_cli::Sh;

const std::string kSamples = std::string(MA_SOURCE_DIR) + "/samples";

using testing_cli::Tool;

std::set<std::string> Ids(const std::string& json) {
  std::set<std::string> ids;
  auto hits = nlohmann::json::parse(json, nullptr, false);
  if (!hits.is_array()) return ids;
  for (const auto& h : hits) {
    ids.insert(h["id"].get<std::string>());
    if (h.contains("versies")) {
      for (const auto& v : h["versies"]) ids.insert(v.get<std::string>());
    }
  }
  return ids;
}

class EnginesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sqlite_ = new testing::ScratchArchive("engines_sqlite", "sqlite");
    CommandResult ingest = Sh(Tool(sqlite_->location()) + " ingest " + kSamples);
    EXPECT_EQ(ingest.exit_code, 0) << ingest.out;
    reference_ = new std::string(Sh(Tool(sqlite_->location()) + " export --format jsonl").out);
  }
  static void TearDownTestSuite() {
    delete sqlite_;
    delete reference_;
  }
  static testing::ScratchArchive* sqlite_;
  static std::string* reference_;
};
testing::ScratchArchive* EnginesTest::sqlite_;
std::string* EnginesTest::reference_;

TEST_F(EnginesTest, TheSamplesExportIdenticallyFromPostgresql) {
  testing::ScratchArchive pg("engines_pg", "postgresql");
  CommandResult ingest = Sh(Tool(pg.location()) + " ingest " + kSamples);
  ASSERT_EQ(ingest.exit_code, 0) << ingest.out;
  EXPECT_NE(ingest.out.find("10 files: 10 stored (19 new documents)"), std::string::npos)
      << ingest.out;
  ASSERT_FALSE(reference_->empty());
  EXPECT_EQ(Sh(Tool(pg.location()) + " export --format jsonl").out, *reference_);
  // A second run changes nothing; check finds nothing wrong.
  CommandResult again = Sh(Tool(pg.location()) + " ingest " + kSamples);
  EXPECT_NE(again.out.find("0 stored (0 new documents), 10 unchanged"), std::string::npos)
      << again.out;
  CommandResult check = Sh(Tool(pg.location()) + " check");
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_EQ(pg.Count("SELECT count(*) FROM link"), 5);

  // The same documents for the same questions. Ranking is each engine's
  // own (bm25 against ts_rank_cd), so the sets are compared, not the
  // order. PostgreSQL's `dutch` configuration drops stop words ("de",
  // "het", "van"), so a phrase with one matches where FTS5 wants the stop
  // word in place; no query of this list has one.
  const std::vector<std::string> queries = {
      "woning",
      "woningen bouwen",
      "bestaanszekerheid",
      "\"sociaal domein\"",
      "jeugdzorg OR wmo",
      "gemeenten NOT rijk",
      "motie --soort motie",
      "sudwest fryslan",
      "klimaat --in verzoeken",
      "financien --advies overnemen",
      "--soort preadvies",
      "--orgaan alv",
      "--van 2023-01-01 --tot 2023-12-31",
  };
  for (const std::string& q : queries) {
    const std::string args = " search " + q + " --limit 1000 --json";
    const std::set<std::string> want = Ids(Sh(Tool(sqlite_->location()) + args).out);
    const std::set<std::string> got = Ids(Sh(Tool(pg.location()) + args).out);
    EXPECT_EQ(got, want) << "search " << q;
  }
  // Where the engines differ, and how. A prefix: SQLite matches it against
  // its stems ("gemeente*" misses "gemeente", indexed as "gemeent"),
  // PostgreSQL against the words (it finds "gemeente" and "gemeenten"):
  // PostgreSQL finds all SQLite finds, and more.
  {
    const std::string args = " search gemeente* --limit 1000 --json";
    const std::set<std::string> sqlite = Ids(Sh(Tool(sqlite_->location()) + args).out);
    const std::set<std::string> postgres = Ids(Sh(Tool(pg.location()) + args).out);
    EXPECT_FALSE(sqlite.empty());
    for (const std::string& id : sqlite) EXPECT_TRUE(postgres.count(id)) << id;
  }
  // Snippets: PostgreSQL's own (ts_headline), of the same first matching
  // page as SQLite's, with the match marked.
  auto pages_of = [&](const std::string& db) {
    std::map<std::string, int> pages;
    auto hits = nlohmann::json::parse(Sh(Tool(db) + " search woningen --json").out, nullptr, false);
    for (const auto& h : hits) {
      pages[h["id"].get<std::string>()] = h["pagina"].get<int>();
      EXPECT_NE(h["snippet"].get<std::string>().find('['), std::string::npos) << h.dump();
    }
    return pages;
  };
  // (Which version stands for a motion follows each engine's rank.)
  const auto pg_pages = pages_of(pg.location());
  const auto sqlite_pages = pages_of(sqlite_->location());
  int compared = 0;
  for (const auto& [id, page] : pg_pages) {
    if (!sqlite_pages.count(id)) continue;
    EXPECT_EQ(page, sqlite_pages.at(id)) << id;
    ++compared;
  }
  EXPECT_GE(compared, 2);
  // Facets count the same documents.
  const std::string facets = " search woning --facets --json";
  auto facets_of = [&](const std::string& db) {
    auto answer = nlohmann::json::parse(Sh(Tool(db) + facets).out, nullptr, false);
    return answer.is_object() ? answer["facets"] : nlohmann::json();
  };
  EXPECT_FALSE(facets_of(sqlite_->location()).is_null());
  EXPECT_EQ(facets_of(pg.location()), facets_of(sqlite_->location()));
}

// Three workers on the same input at once: each file is claimed by one,
// read once and stored once; the others record it as unchanged.
TEST_F(EnginesTest, WorkersIngestingTheSameFilesStoreEachOnce) {
  testing::ScratchArchive pg("engines_workers", "postgresql");
  // On a fresh database: the workers also race to migrate it, and migrate
  // it once.
  std::vector<pid_t> workers;
  for (int i = 0; i < 3; ++i) {
    workers.push_back(testing_cli::SpawnQuiet(
        {MA_BINARY, "--db", pg.location(), "ingest", kSamples, "--jobs", "1"}));
  }
  for (pid_t pid : workers) {
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "worker " << pid;
  }
  EXPECT_EQ(pg.Count("SELECT count(*) FROM schema_migration"),
            static_cast<int64_t>(schema::PostgresMigrations().size()));
  EXPECT_EQ(pg.Count("SELECT count(*) FROM source_file"), 10);
  EXPECT_EQ(pg.Count("SELECT count(*) FROM source_file WHERE attempts > 1"), 0);
  // Every file stored by exactly one run; the other runs saw it unchanged.
  EXPECT_EQ(pg.Count("SELECT count(*) FROM run_file WHERE status IN ('ok', 'ok_warnings')"), 10);
  EXPECT_EQ(pg.Count("SELECT count(*) FROM run_file WHERE status = 'unchanged'"), 20);
  EXPECT_EQ(Sh(Tool(pg.location()) + " export --format jsonl").out, *reference_);
  EXPECT_EQ(Sh(Tool(pg.location()) + " check").exit_code, 0);
}

// Workers killed with SIGKILL at random moments, two at a time: what was
// committed stays, every stored file is complete, and the next run
// finishes the archive as if nothing had happened.
TEST_F(EnginesTest, WorkersKilledMidFileLoseNothing) {
  auto spawn_workers = [](const std::string& db) {
    std::vector<pid_t> workers;
    for (int i = 0; i < 2; ++i) {
      workers.push_back(testing_cli::SpawnQuiet(
          {MA_BINARY, "--db", db, "ingest", kSamples, "--jobs", "1", "-q"}));
    }
    return workers;
  };
  // The kills are drawn within the time two workers take uncut, so that
  // they land while the workers work, not after they are done.
  long full_ms = 0;
  {
    testing::ScratchArchive timing("engines_kill_timing", "postgresql");
    const auto started = std::chrono::steady_clock::now();
    for (pid_t pid : spawn_workers(timing.location())) {
      int status = 0;
      waitpid(pid, &status, 0);
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - started)
                  .count();
  }
  testing::ScratchArchive pg("engines_kill", "postgresql");
  const unsigned seed = 20261129;
  std::mt19937 rng(seed);
  std::uniform_int_distribution<long> delay(0, full_ms);
  SCOPED_TRACE("seed " + std::to_string(seed) + ", uncut run " + std::to_string(full_ms) + " ms");
  int64_t committed = 0;
  int killed = 0;
  for (int kill_round = 0; kill_round < 10; ++kill_round) {
    const std::vector<pid_t> workers = spawn_workers(pg.location());
    const auto kill_at = std::chrono::steady_clock::now() + std::chrono::milliseconds(delay(rng));
    for (pid_t pid : workers) {
      // A worker that finished first is not waited for any longer.
      int status = 0;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          kill_at - std::chrono::steady_clock::now());
      if (testing_cli::ExitsWithin(pid, left, &status)) continue;
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      ++killed;
    }
    const int64_t documents = pg.Count("SELECT count(*) FROM document");
    if (documents < 0) continue;  // killed before the schema was made
    EXPECT_GE(documents, committed) << "round " << kill_round;
    committed = documents;
    CommandResult check = Sh(Tool(pg.location()) + " check");
    EXPECT_EQ(check.exit_code, 0) << "round " << kill_round << ": " << check.out;
  }
  std::cout << killed << " workers killed in 10 rounds, uncut run " << full_ms << " ms\n";
  CommandResult finish = Sh(Tool(pg.location()) + " ingest " + kSamples);
  EXPECT_EQ(finish.exit_code, 0) << finish.out;
  EXPECT_EQ(Sh(Tool(pg.location()) + " export --format jsonl").out, *reference_);
  EXPECT_EQ(pg.Count("SELECT count(*) FROM source_file"), 10);
}

// copy: SQLite to PostgreSQL and back, every row, the same export; the
// copies search (each engine built its own index) and refuse to be
// copied into again.
TEST_F(EnginesTest, CopyGoesToPostgresqlAndBack) {
  testing::ScratchArchive pg("engines_copy_pg", "postgresql");
  testing::ScratchArchive back("engines_copy_back", "sqlite");
  const std::string bin = MA_BINARY;
  CommandResult there =
      Sh(bin + " copy --from '" + sqlite_->location() + "' --to '" + pg.location() + "'");
  ASSERT_EQ(there.exit_code, 0) << there.out;
  CommandResult again =
      Sh(bin + " copy --from '" + back.location() + "' --to '" + pg.location() + "'");
  EXPECT_EQ(again.exit_code, 2) << again.out;  // not empty
  CommandResult home =
      Sh(bin + " copy --from '" + pg.location() + "' --to '" + back.location() + "'");
  ASSERT_EQ(home.exit_code, 0) << home.out;
  EXPECT_EQ(Sh(Tool(pg.location()) + " export --format jsonl").out, *reference_);
  EXPECT_EQ(Sh(Tool(back.location()) + " export --format jsonl").out, *reference_);
  for (const auto* db : {&pg, &back}) {
    EXPECT_EQ(Ids(Sh(Tool(db->location()) + " search woning --json").out),
              Ids(Sh(Tool(sqlite_->location()) + " search woning --json").out))
        << db->location();
    EXPECT_EQ(Sh(Tool(db->location()) + " log").out, Sh(Tool(sqlite_->location()) + " log").out);
  }
  // A copy goes on as an archive: the next ingest finds everything there.
  CommandResult ingest = Sh(Tool(pg.location()) + " ingest " + kSamples);
  EXPECT_NE(ingest.out.find("0 stored (0 new documents), 10 unchanged"), std::string::npos)
      << ingest.out;
}

TEST(EnginesErrors, AnUnreachableServerIsAClearError) {
  CommandResult r = Sh("sh -c \"" + Tool("postgresql://nobody@/nodb?host=/nonexistent-socket-dir") +
                       " search woning 2>&1\"");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("cannot connect to PostgreSQL"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace motiearchief
