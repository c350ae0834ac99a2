// Random query strings through the real `motiearchief search` binary on
// the samples archive, a short smoke test of its exit codes: every run ends
// with a documented one (0 results, 5 none, 2 input to fix), never a crash
// or an abort. Runs one process per query, as many at a time as there are
// cores. The query code itself takes 10,000 random queries in-process
// (tests/search/) and 10,000 through `serve` on each engine (tests/web/).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include "tests/archive/scratch_archive.h"
#include "tests/cli/command.h"
#include "tests/cli/random_query.h"

namespace motiearchief {
namespace {

TEST(SearchFuzzTest, RandomQueriesThroughTheBinary) {
  // On the engine under test: FTS5 or tsquery must take every query.
  testing::ScratchArchive archive("search_fuzz");
  const std::string db = archive.location();
  ASSERT_EQ(testing_cli::Sh(std::string(MA_BINARY) + " --db '" + db + "' ingest " + MA_SOURCE_DIR +
                            "/samples")
                .exit_code,
            0);
  constexpr int kQueries = 100;
  std::mt19937 rng(11);
  const unsigned workers = std::max(2u, std::thread::hardware_concurrency());
  std::map<pid_t, std::string> running;
  std::map<int, int> exit_codes;
  std::vector<std::string> crashed;
  auto reap = [&] {
    int status = 0;
    pid_t pid = wait(&status);
    if (pid <= 0) return;
    if (WIFEXITED(status)) {
      ++exit_codes[WEXITSTATUS(status)];
    } else {
      crashed.push_back(running[pid]);
    }
    running.erase(pid);
  };
  for (int i = 0; i < kQueries; ++i) {
    const std::string q = testing_cli::RandomQuery(rng);
    std::vector<std::string> args = {MA_BINARY, "--db", db, "search", "--limit", "3"};
    if (i % 3 == 0) args.push_back("--json");
    if (i % 5 == 0) args.insert(args.end(), {"--gemeente", testing_cli::RandomQuery(rng)});
    if (i % 7 == 0) args.insert(args.end(), {"--in", "verzoeken"});
    args.insert(args.end(), {"--", q});
    while (running.size() >= workers) reap();
    running[testing_cli::SpawnQuiet(args)] = q;
  }
  while (!running.empty()) reap();
  EXPECT_TRUE(crashed.empty()) << crashed.size() << " crashed, first: " << crashed.front();
  int total = 0;
  for (const auto& [code, n] : exit_codes) {
    EXPECT_TRUE(code == 0 || code == 2 || code == 5) << n << " runs exited with " << code;
    total += n;
  }
  EXPECT_EQ(total + static_cast<int>(crashed.size()), kQueries);
  // The generator makes real queries too (about 1 in 20 finds something).
  EXPECT_GT(exit_codes[0], 0);
  EXPECT_GT(exit_codes[2] + exit_codes[5], 0);
}

}  // namespace
}  // namespace motiearchief
