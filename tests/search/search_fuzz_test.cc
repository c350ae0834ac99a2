// 10,000 random query strings through SearchArchive, in this process, on
// the samples archive: every query gives results, none, or an error a user
// can fix (kInvalidArgument), never another error, a crash or an abort.
// (tests/cli/search_fuzz_test.cc sends a few hundred through the binary, for
// its exit codes.)
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "archive/archive.h"
#include "pipeline/ingest.h"
#include "search/search.h"
#include "tests/cli/random_query.h"

namespace motiearchief::search {
namespace {

TEST(SearchFuzzTest, TenThousandRandomQueriesInProcess) {
  const std::string db = testing::TempDir() + "search_fuzz_lib_" + std::to_string(getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  auto archive = archive::Archive::Open(db);
  ASSERT_TRUE(archive.ok()) << archive.status().ToString();
  auto files = pipeline::CollectInputs({std::string(MA_SOURCE_DIR) + "/samples"});
  ASSERT_TRUE(files.ok());
  auto ingested = pipeline::Ingest(**archive, *files, {});
  ASSERT_TRUE(ingested.ok()) << ingested.status().ToString();
  ASSERT_GT(ingested->counts.documents_added, 10);

  std::mt19937 rng(11);
  int found = 0, none = 0, invalid = 0;
  for (int i = 0; i < 10000; ++i) {
    SearchOptions o;
    o.query = testing_cli::RandomQuery(rng);
    o.limit = 3;
    if (i % 5 == 0) o.gemeente = testing_cli::RandomQuery(rng);
    if (i % 7 == 0) o.in = "verzoeken";
    if (i % 11 == 0) o.advies = testing_cli::RandomQuery(rng);
    if (i % 13 == 0) o.van = testing_cli::RandomQuery(rng);
    auto answer = SearchArchive(**archive, o);
    if (!answer.ok()) {
      ASSERT_EQ(answer.status().code(), Status::Code::kInvalidArgument)
          << "query " << i << " [" << o.query << "]: " << answer.status().ToString();
      EXPECT_FALSE(answer.status().message().empty());
      ++invalid;
      continue;
    }
    if (answer->results.empty()) {
      ++none;
    } else {
      ++found;
      // What the JSON API sends must serialise whatever the query was.
      for (const auto& r : answer->results) EXPECT_FALSE(SearchResultJson(r).dump().empty());
    }
  }
  EXPECT_EQ(found + none + invalid, 10000);
  // The generator makes real queries too (about 1 in 20 finds something).
  EXPECT_GT(found, 200);
}

}  // namespace
}  // namespace motiearchief::search
