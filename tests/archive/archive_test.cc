// The archive on a real SQLite file: migrations, atomic storing, retries,
// FTS kept in sync by the database, and readability by the stock tools.
#include "archive/archive.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <set>

#include "archive/connection.h"
#include "schema/migrations.h"
#include "search/search_text.h"
#include "tests/archive/scratch_archive.h"

namespace motiearchief::archive {
namespace {

// The archive on either engine: suites written once, run on both.
class ArchiveFixture {
 protected:
  explicit ArchiveFixture(const std::string& engine)
      : scratch_(testing::UnitTest::GetInstance()->current_test_info()->name(), engine) {}
  std::unique_ptr<Archive> Open() {
    auto a = Archive::Open(scratch_.location());
    EXPECT_TRUE(a.ok()) << a.status().ToString();
    return std::move(a).value();
  }
  static FileIngest File(const std::string& sha, const std::string& name, int docs) {
    FileIngest f;
    f.sha256 = sha;
    f.name = name;
    f.path = "/in/" + name;
    f.size_bytes = 100;
    f.pages = {{1, "Motie Súdwest-Fryslân", "text", -1, ""}};
    for (int i = 0; i < docs; ++i) {
      schema::Record r;
      r.id = sha.substr(0, 8) + std::to_string(i);
      r.soort = schema::kMotie;
      r.titel = "Aan de slag met bestaanszekerheid";
      r.indieners = {"Súdwest-Fryslân"};
      r.tekst = "De gemeente Súdwest-Fryslân dient deze motie in over woningen.";
      r.verzoeken = {{"verzoekt", "meer woningen te bouwen", 1, "test"}};
      r.bron = {name, sha, 1, 1, false};
      f.documents.push_back(r);
      f.search.push_back({"aan de slag met bestaanszeker", "de gemeent sudwest fryslan", "",
                          "meer woning te bouw"});
    }
    return f;
  }
  // A search for `words` in `column` (empty: anywhere), as ParseQuery
  // writes it for each engine.
  static SearchRequest Words(const std::string& words, const std::string& column = "") {
    auto parsed = search::ParseQuery(words, column);
    EXPECT_TRUE(parsed.ok());
    SearchRequest q;
    q.match = parsed->fts;
    q.tsquery = parsed->tsquery;
    return q;
  }
  bool postgres() const { return scratch_.postgres(); }
  int64_t Count(const std::string& sql) { return scratch_.Count(sql); }
  void Exec(const std::string& sql) { EXPECT_EQ(scratch_.Exec(sql), "") << sql; }

  motiearchief::testing::ScratchArchive scratch_;
};

class ArchiveTest : public ArchiveFixture, public testing::TestWithParam<std::string> {
 protected:
  ArchiveTest() : ArchiveFixture(GetParam()) {}
};

INSTANTIATE_TEST_SUITE_P(Engines, ArchiveTest, testing::Values("sqlite", "postgresql"),
                         [](const testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

// What only the SQLite file has: its FTS5 tables, the stock sqlite3 tool,
// the backup API.
class SqliteArchiveTest : public ArchiveFixture, public testing::Test {
 protected:
  SqliteArchiveTest() : ArchiveFixture("sqlite"), path_(scratch_.location()) {}
  const std::string path_;
};

TEST(Migrations, BothEnginesHaveTheSameNumbersAndNames) {
  const auto& sqlite = schema::SqliteMigrations();
  const auto& postgres = schema::PostgresMigrations();
  ASSERT_EQ(sqlite.size(), postgres.size());
  for (size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(sqlite[i].version, static_cast<int>(i) + 1);
    EXPECT_EQ(sqlite[i].version, postgres[i].version);
    EXPECT_EQ(sqlite[i].name, postgres[i].name);
  }
}

TEST_P(ArchiveTest, MigratesToTheLatestVersionOnce) {
  const int64_t latest = static_cast<int64_t>(
      (postgres() ? schema::PostgresMigrations() : schema::SqliteMigrations()).size());
  {
    auto a = Open();
    EXPECT_EQ(a->schema_version(), latest);
    EXPECT_EQ(a->latest_schema_version(), latest);
    EXPECT_STREQ(a->engine(), GetParam().c_str());
  }
  auto again = Open();
  EXPECT_EQ(again->schema_version(), latest);
  EXPECT_EQ(Count("SELECT count(*) FROM schema_migration"), latest);
  if (!postgres()) {
    EXPECT_EQ(Count("PRAGMA user_version"), latest);
    EXPECT_EQ(Count("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
  }
}

TEST_P(ArchiveTest, StoresAndLoadsRecords) {
  auto a = Open();
  ASSERT_TRUE(a->StoreFile(File("aaaa1111", "x.pdf", 2)).ok());
  auto records = a->LoadRecords();
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].indieners, std::vector<std::string>{"Súdwest-Fryslân"});
  EXPECT_EQ(Count("SELECT count(*) FROM document_gemeente WHERE gemeente = "
                  "'Súdwest-Fryslân'"),
            2);
  auto found = a->FindFileBySha("aaaa1111");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->page_count, 1);
}

TEST_P(ArchiveTest, FileIsStoredCompletelyOrNotAtAll) {
  auto a = Open();
  FileIngest bad = File("bbbb2222", "y.pdf", 2);
  bad.documents[1].id = bad.documents[0].id;  // violates UNIQUE(id)
  EXPECT_FALSE(a->StoreFile(bad).ok());
  EXPECT_EQ(Count("SELECT count(*) FROM source_file"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM page"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM document"), 0);
}

TEST_P(ArchiveTest, FailedFileIsReplacedOnRetryAndChangedFileKeepsBothVersions) {
  auto a = Open();
  FileIngest failed = File("cccc3333", "z.pdf", 0);
  failed.status = "damaged";
  failed.pages.clear();
  ASSERT_TRUE(a->StoreFile(failed).ok());
  ASSERT_TRUE(a->StoreFile(File("cccc3333", "z.pdf", 1)).ok());
  auto row = a->FindFileBySha("cccc3333");
  EXPECT_EQ((*row)->attempts, 2);
  EXPECT_EQ((*row)->status, "ok");
  ASSERT_TRUE(a->StoreFile(File("dddd4444", "z.pdf", 1)).ok());
  auto newer = a->FindFileBySha("dddd4444");
  ASSERT_TRUE((*newer)->previous_version_id.has_value());
  EXPECT_EQ(*(*newer)->previous_version_id, (*row)->id);
  EXPECT_EQ(Count("SELECT count(*) FROM document"), 2);
}

TEST_F(SqliteArchiveTest, FullTextIgnoresDiacriticsAndStaysInSync) {
  auto a = Open();
  ASSERT_TRUE(a->StoreFile(File("eeee5555", "w.pdf", 1)).ok());
  EXPECT_EQ(Count("SELECT count(*) FROM document_fts WHERE document_fts MATCH "
                  "'sudwest fryslan'"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM document_fts WHERE document_fts MATCH "
                  "'woningen'"),
            1);
  // Deleting through SQL keeps the index in sync (triggers).
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  sqlite3_exec(db, "PRAGMA foreign_keys=ON; DELETE FROM source_file", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_EQ(Count("SELECT count(*) FROM document_fts WHERE document_fts MATCH "
                  "'woningen'"),
            0);
  EXPECT_EQ(Count("SELECT count(*) FROM document"), 0);
}

TEST_F(SqliteArchiveTest, ReadableByTheStockSqlite3Tool) {
  {
    auto a = Open();
    ASSERT_TRUE(a->StoreFile(File("ffff6666", "v.pdf", 1)).ok());
  }
  std::string cmd = "sqlite3 -readonly '" + path_ +
                    "' \"SELECT titel FROM document_fts WHERE document_fts MATCH "
                    "'sudwest fryslan'\" 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[256] = {};
  std::string out;
  while (fgets(buf, sizeof buf, p)) out += buf;
  EXPECT_EQ(pclose(p), 0) << out;
  EXPECT_EQ(out, "Aan de slag met bestaanszekerheid\n");
}

TEST_F(SqliteArchiveTest, RefusesAFileThatIsNotAnArchive) {
  FILE* f = fopen(path_.c_str(), "w");
  fputs("this is not sqlite", f);
  fclose(f);
  auto a = Archive::Open(path_);
  EXPECT_FALSE(a.ok());
}

TEST_P(ArchiveTest, RunRecordsEachFileWithTheFileItself) {
  auto a = Open();
  auto run = a->BeginRun("ingest /in", "test");
  ASSERT_TRUE(run.ok());
  // A run that is never finished (killed) is there, unfinished.
  auto found = a->FindRun();
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->id, *run);
  EXPECT_FALSE((*found)->finished.has_value());

  RunFileRow unreadable{1, "/in/gone.pdf", std::nullopt, "io_error", "cannot open", 0, 0, 0};
  FileIngest f = File("aaaa1111", "x.pdf", 2);
  f.run_id = *run;
  f.run_files = {unreadable, {2, "/in/x.pdf", "aaaa1111", "ok", "", 5, 2, 1}};
  ASSERT_TRUE(a->StoreFile(f).ok());
  auto rows = a->RunFiles(*run);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_TRUE((*rows)[0].problem());
  EXPECT_FALSE((*rows)[0].sha256.has_value());
  EXPECT_FALSE((*rows)[1].problem());

  RunCounts counts{3, 1, 1, 0, 1, 2};
  ASSERT_TRUE(
      a->FinishRun(*run, counts, {{3, "/in/y.pdf", "bbbb", "unchanged", "", 0, 0, 0}}).ok());
  found = a->FindRun(*run);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_TRUE((*found)->finished.has_value());
  EXPECT_EQ((*found)->counts.failed, 1);
  EXPECT_EQ((*found)->counts.documents_added, 2);
  EXPECT_EQ(Count("SELECT count(*) FROM run_file"), 3);
  auto none = a->FindRun(*run + 1);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST_P(ArchiveTest, CheckPassesOnASoundArchive) {
  auto a = Open();
  ASSERT_TRUE(a->StoreFile(File("aaaa1111", "x.pdf", 2)).ok());
  auto problems = a->Check();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << problems->front();
}

TEST_F(SqliteArchiveTest, CheckFindsAnFtsIndexOutOfSync) {
  {
    auto a = Open();
    ASSERT_TRUE(a->StoreFile(File("aaaa1111", "x.pdf", 2)).ok());
  }
  // Change the text behind the index's back: triggers off, as a tool that
  // bypasses them would.
  Exec(
      "DROP TRIGGER document_fts_update; UPDATE document SET tekst = 'heel "
      "iets anders'");
  auto a = Open();
  auto problems = a->Check();
  ASSERT_TRUE(problems.ok());
  ASSERT_EQ(problems->size(), 1u);
  EXPECT_NE(problems->front().find("fts integrity-check"), std::string::npos);
}

TEST_P(ArchiveTest, CheckFindsAFileWithMissingPages) {
  {
    auto a = Open();
    ASSERT_TRUE(a->StoreFile(File("aaaa1111", "x.pdf", 1)).ok());
  }
  Exec("DELETE FROM page");
  auto a = Open();
  auto problems = a->Check();
  ASSERT_TRUE(problems.ok());
  ASSERT_EQ(problems->size(), 1u);
  EXPECT_NE(problems->front().find("/in/x.pdf: 0 of 1 pages"), std::string::npos);
}

// PostgreSQL ranks by its RUM index where the server has one (migration
// 0011), else by ts_rank_cd: the same documents either way.
TEST_P(ArchiveTest, SearchFindsTheSameWithAndWithoutTheRankIndex) {
  {
    auto a = Open();
    ASSERT_TRUE(a->StoreFile(File("aaaa1111", "x.pdf", 2)).ok());
    ASSERT_TRUE(a->StoreFile(File("bbbb2222", "y.pdf", 1)).ok());
  }
  auto ids = [&] {
    auto a = Open();
    SearchRequest q = Words("woningen bouwen");
    auto hits = a->Search(q);
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    std::set<std::string> out;
    for (const auto& h : *hits) out.insert(h.record.id);
    return out;
  };
  const std::set<std::string> with_index = ids();
  EXPECT_EQ(with_index.size(), 3u);
  if (!postgres()) return;
  EXPECT_EQ(Count("SELECT count(*) FROM pg_indexes WHERE indexname = 'document_search_rum'"), 1)
      << "the test server has the rum extension (scripts/install-deps.sh)";
  Exec("DROP INDEX document_search_rum");
  EXPECT_EQ(ids(), with_index);
}

TEST_P(ArchiveTest, StoringContentAlreadyStoredStoresNothing) {
  auto a = Open();
  auto first = a->StoreFile(File("aaaa1111", "x.pdf", 2));
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(*first);
  auto again = a->StoreFile(File("aaaa1111", "x-copy.pdf", 2));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(*again);
  EXPECT_EQ(Count("SELECT count(*) FROM source_file"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM document"), 2);
}

// Linking runs inside the write transaction, before anything is written:
// what it adds is stored with the file, and its error stores nothing.
TEST_P(ArchiveTest, TheLinkerRunsInsideTheStore) {
  auto a = Open();
  ASSERT_TRUE(a->StoreFile(File("aaaa1111", "x.pdf", 1)).ok());
  FileIngest preadvies = File("bbbb2222", "y.pdf", 1);
  preadvies.documents[0].soort = schema::kPreadvies;
  auto linked = a->StoreFile(preadvies, [&](FileIngest& f) -> Status {
    auto found = a->DocumentsUnderKeys({"w:slag"});
    if (!found.ok()) return found.status();
    f.links.push_back({f.documents[0].id, "aaaa11110", 0.9, "test"});
    return Status::Ok();
  });
  ASSERT_TRUE(linked.ok()) << linked.status().ToString();
  ASSERT_EQ(a->Links()->size(), 1u);
  auto failed = a->StoreFile(File("cccc3333", "z.pdf", 1),
                             [](FileIngest&) { return Status::Internal("linking failed"); });
  EXPECT_EQ(failed.status().code(), Status::Code::kInternal);
  EXPECT_FALSE(a->FindFileBySha("cccc3333")->has_value());
}

// Ingest workers claim a file before reading it; a second connection
// cannot take the claim until the first releases it or goes away.
TEST_P(ArchiveTest, AFileIsClaimedByOneWorkerAtATime) {
  auto first = Open();
  auto second = Open();
  ASSERT_TRUE(*first->Claim("abcdef0123456789", false));
  if (postgres()) {
    EXPECT_FALSE(*second->Claim("abcdef0123456789", false));
    EXPECT_TRUE(*second->Claim("0123456789abcdef", false));  // another file
    ASSERT_TRUE(first->Release("abcdef0123456789").ok());
    EXPECT_TRUE(*second->Claim("abcdef0123456789", false));
    ASSERT_TRUE(second->Release("abcdef0123456789").ok());
    // A worker that goes away (killed) leaves no claim behind.
    ASSERT_TRUE(*first->Claim("abcdef0123456789", false));
    first.reset();
    EXPECT_TRUE(*second->Claim("abcdef0123456789", true));
  } else {
    // SQLite's writers take turns anyway: claims always succeed.
    EXPECT_TRUE(*second->Claim("abcdef0123456789", false));
  }
}

TEST_P(ArchiveTest, BackupOfPostgresqlNamesPgDump) {
  auto a = Open();
  if (!postgres()) return;  // SqliteArchiveTest.BackupIsACompleteCheckedCopy
  Status s = a->BackupTo("/tmp/never-written.db");
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("pg_dump"), std::string::npos) << s.message();
}

TEST_F(SqliteArchiveTest, BackupIsACompleteCheckedCopy) {
  auto a = Open();
  ASSERT_TRUE(a->StoreFile(File("aaaa1111", "x.pdf", 2)).ok());
  const std::string dest = path_ + ".backup";
  std::filesystem::remove(dest);
  ASSERT_TRUE(a->BackupTo(dest).ok());
  EXPECT_FALSE(std::filesystem::exists(dest + ".part"));
  ArchiveOptions inspect;
  inspect.inspect = true;
  auto copy = Archive::Open(dest, inspect);
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  auto counts = (*copy)->Count();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 2);
  auto problems = (*copy)->Check();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty());
  EXPECT_EQ(a->BackupTo(path_).code(), Status::Code::kInvalidArgument);
}

TEST_P(ArchiveTest, SearchRanksAndFiltersOnTheStemmedIndex) {
  auto a = Open();
  ASSERT_TRUE(a->StoreFile(File("aaaa1111", "x.pdf", 2)).ok());
  SearchRequest q = Words("woning", "verzoeken");
  auto hits = a->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].pages.size(), 1u);
  q = Words("woning", "overwegingen");
  EXPECT_TRUE(a->Search(q)->empty());
  q = Words("\"sudwest fryslan\"");
  q.gemeente = "Súdwest-Fryslân";
  hits = a->Search(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].rollen, (std::vector<std::string>{"indiener"}));
  q.gemeente = "Losser";
  EXPECT_TRUE(a->Search(q)->empty());
  q = {};
  q.match = "\"unclosed";  // never from ParseQuery; still an error, not a crash
  q.tsquery = "'unclosed";
  EXPECT_EQ(a->Search(q).status().code(), Status::Code::kInvalidArgument);
}

// A rank window ranks only the newest matches and says when it was
// filled; a window wider than the matches ranks exactly, as without one.
// The gemeente filter finds the same documents inside and outside a window.
TEST_F(SqliteArchiveTest, ARankWindowRanksTheNewestMatchesAndSaysSo) {
  auto a = Open();
  ASSERT_TRUE(a->StoreFile(File("aaaa1111", "x.pdf", 2)).ok());
  ASSERT_TRUE(a->StoreFile(File("bbbb2222", "y.pdf", 3)).ok());
  auto ids = [](const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(h.record.id);
    return out;
  };
  SearchRequest q = Words("woning");
  auto exact = a->Search(q);
  ASSERT_TRUE(exact.ok()) << exact.status().ToString();
  ASSERT_EQ(exact->size(), 5u);
  SearchStats stats;
  q.rank_window = 100;
  auto wide = a->Search(q, &stats);
  ASSERT_TRUE(wide.ok()) << wide.status().ToString();
  EXPECT_FALSE(stats.window_filled);
  EXPECT_EQ(ids(*wide), ids(*exact));
  q.rank_window = 2;
  auto narrow = a->Search(q, &stats);
  ASSERT_TRUE(narrow.ok());
  EXPECT_TRUE(stats.window_filled);
  // The two newest documents: the last two of y.pdf.
  std::vector<std::string> got = ids(*narrow);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"bbbb22221", "bbbb22222"}));
  q = Words("\"sudwest fryslan\"");
  q.gemeente = "Súdwest-Fryslân";
  auto filtered = a->Search(q);
  q.rank_window = 100;
  auto filtered_windowed = a->Search(q, &stats);
  ASSERT_TRUE(filtered.ok() && filtered_windowed.ok());
  EXPECT_EQ(filtered->size(), 5u);
  EXPECT_EQ(ids(*filtered_windowed), ids(*filtered));
  EXPECT_EQ((*filtered_windowed)[0].rollen, (std::vector<std::string>{"indiener"}));
}

TEST_F(SqliteArchiveTest, StoringSearchFieldsAgainReplacesThemInTheIndex) {
  auto a = Open();
  ASSERT_TRUE(a->StoreFile(File("aaaa1111", "x.pdf", 1)).ok());
  SearchFields fields{"nieuw", "andere tekst over klimaat", "", ""};
  ASSERT_TRUE(a->StoreSearchFields({{"aaaa11110", fields}}).ok());
  SearchRequest q;
  q.match = "\"klimaat\"";
  auto hits = a->Search(q);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 1u);
  q.match = "verzoeken : (\"woning\")";  // the old text is gone from the index
  EXPECT_TRUE(a->Search(q)->empty());
  auto problems = a->Check();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << problems->front();
}

// Documents are found by the keys stored with them, in archive order, with
// their version and link rows; documents stored without keys are listed
// for indexing until they have them.
TEST_P(ArchiveTest, DocumentsAreFoundUnderTheirLinkKeys) {
  auto a = Open();
  FileIngest first = File("aaaa1111", "x.pdf", 2);
  first.link_keys = {{"aaaa11110", "s:Zeist"}, {"aaaa11111", "w:bestaanszeker"}};
  first.versions = {{"aaaa11110", "aaaa11110"}};
  ASSERT_TRUE(a->StoreFile(first).ok());
  FileIngest unkeyed = File("bbbb2222", "y.pdf", 1);
  ASSERT_TRUE(a->StoreFile(unkeyed).ok());

  auto found = a->DocumentsUnderKeys({"s:Zeist", "w:bestaanszeker", "s:Elders", ""});
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_EQ(found->size(), 2u);
  EXPECT_EQ((*found)[0].record.id, "aaaa11110");
  EXPECT_EQ((*found)[0].first_version_id, std::optional<std::string>("aaaa11110"));
  EXPECT_EQ((*found)[1].record.id, "aaaa11111");
  EXPECT_FALSE((*found)[1].first_version_id.has_value());
  EXPECT_TRUE(a->DocumentsUnderKeys({"s:Elders"})->empty());

  // Stored without keys: found only by the backfill of an older archive,
  // which this test makes by hand.
  EXPECT_TRUE(a->DocumentsWithoutLinkKeys(10)->empty());
  Exec("INSERT INTO link_key_pending(document_id) VALUES ('bbbb22220')");
  auto missing = a->DocumentsWithoutLinkKeys(10);
  ASSERT_TRUE(missing.ok());
  ASSERT_EQ(missing->size(), 1u);
  EXPECT_EQ((*missing)[0].id, "bbbb22220");
  ASSERT_TRUE(a->StoreLinkKeys({{"bbbb22220", "s:Zeist"}}).ok());
  EXPECT_TRUE(a->DocumentsWithoutLinkKeys(10)->empty());
  EXPECT_EQ(a->DocumentsUnderKeys({"s:Zeist"})->size(), 2u);
}

// A stored record with a field of the wrong type (edited by hand, or by a
// bug) is an error naming the document and the field, not an exception.
TEST_P(ArchiveTest, ARecordWithAWrongTypeIsAnErrorNotAnException) {
  auto a = Open();
  ASSERT_TRUE(a->StoreFile(File("aaaa1111", "x.pdf", 1)).ok());
  Exec(postgres() ? "UPDATE document SET record = jsonb_set(record, '{titel}', '12')"
                  : "UPDATE document SET record = json_set(record, '$.titel', 12)");
  auto records = a->LoadRecords();
  ASSERT_FALSE(records.ok());
  EXPECT_EQ(records.status().code(), Status::Code::kCorruption);
  EXPECT_NE(records.status().message().find("document aaaa11110"), std::string::npos)
      << records.status().message();
  EXPECT_NE(records.status().message().find("\"titel\""), std::string::npos);
}

TEST_P(ArchiveTest, HistoryIsAppendOnlyAndIdempotent) {
  auto a = Open();
  ASSERT_TRUE(a->StoreFile(File("aaaa1111", "x.pdf", 1)).ok());
  const std::string id = "aaaa11110";
  HistoryEntry besluit{0, id, "2023-12-01", "aangenomen", 92.5, "", "test"};
  HistoryEntry later{0, id, "2024-06-01", "uitgevoerd", std::nullopt, "brief", "test"};
  auto added = a->AddHistory({besluit}, {later});
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(added->besluiten, 1);
  EXPECT_EQ(added->uitvoeringen, 1);
  added = a->AddHistory({besluit}, {later});  // the same again: nothing new
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->besluiten + added->uitvoeringen, 0);
  // A correction is a new entry; the newest counts.
  HistoryEntry correction{0, id, "2023-12-02", "aangehouden", std::nullopt, "correctie", "test"};
  ASSERT_TRUE(a->AddHistory({correction}, {}).ok());
  auto history = a->History({id});
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->besluiten.size(), 2u);
  EXPECT_EQ(history->besluiten.back().status, "aangehouden");
  EXPECT_EQ(history->besluiten.front().stemmen_voor, 92.5);
  // Not a document, not a decision: refused, and nothing of the batch stays.
  HistoryEntry unknown{0, "nope", "2023-12-01", "aangenomen", std::nullopt, "", "x.csv:3"};
  HistoryEntry bad{0, id, "2023-12-01", "gewonnen", std::nullopt, "", "x.csv:4"};
  EXPECT_EQ(a->AddHistory({unknown}, {}).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(a->AddHistory({correction, bad}, {}).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Count("SELECT count(*) FROM besluit"), 2);
  // The database itself refuses to rewrite history.
  EXPECT_NE(scratch_.Exec("UPDATE besluit SET besluit = 'verworpen'"), "");
  EXPECT_NE(scratch_.Exec("DELETE FROM uitvoering"), "");
  EXPECT_EQ(Count("SELECT count(*) FROM uitvoering"), 1);
}

// The PostgreSQL connection prepares a statement the second time it runs
// (archive/postgres_connection.cc); prepared, it still runs after an aborted
// and rolled-back transaction, and a statement that does not parse fails
// with its own error every time.
TEST(PostgresConnectionTest, RepeatedStatementsArePreparedAndKeepWorking) {
  testing::ScratchArchive db("pg_prepared", "postgresql");
  auto connection = internal::OpenPostgres(db.location(), ArchiveOptions{});
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  internal::Connection& c = **connection;
  auto plus_one = [&](int64_t v) -> int64_t {
    auto s = c.Prepare("SELECT CAST(?1 AS INTEGER) + 1");
    s->BindInt(1, v);
    return s->Step() == internal::StepResult::kRow ? s->Int(0) : -1;
  };
  for (int64_t i = 0; i < 3; ++i) EXPECT_EQ(plus_one(i), i + 1);
  auto prepared = c.Prepare(
      "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%AS INTEGER) + 1%'");
  ASSERT_EQ(prepared->Step(), internal::StepResult::kRow);
  EXPECT_EQ(prepared->Int(0), 1);

  ASSERT_TRUE(c.Exec("BEGIN").ok());
  EXPECT_FALSE(c.Exec("SELECT 1 / 0").ok());
  EXPECT_EQ(plus_one(1), -1);  // the transaction is aborted: nothing runs
  c.Rollback();
  EXPECT_EQ(plus_one(41), 42);

  for (int i = 0; i < 3; ++i) {
    auto bad = c.Prepare("SELEC 1");
    EXPECT_EQ(bad->Step(), internal::StepResult::kError);
    EXPECT_TRUE(c.LastErrorIsSyntax()) << c.LastErrorMessage();
  }
}

// A search's matches range from none to every document with its words: a plan made without
// the parameters (PostgreSQL's generic plan, tried from a prepared statement's sixth run) read
// a query that only excludes words through the whole RUM index, 45 s or the backend killed for
// its memory at 100,000 documents. Such statements (Planning::kPerRun) are planned for each
// run's values; the others may keep one plan.
TEST(PostgresConnectionTest, StatementsPlannedPerRunNeverGetAGenericPlan) {
  testing::ScratchArchive db("pg_custom_plans", "postgresql");
  auto connection = internal::OpenPostgres(db.location(), ArchiveOptions{});
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  internal::Connection& c = **connection;
  // As the server holds it: parameters as $1.
  auto generic_plans = [&](std::string statement) -> int64_t {
    statement.replace(statement.find("?1"), 2, "$1");
    auto plans = c.Prepare(
        "SELECT coalesce(sum(generic_plans), 0) FROM pg_prepared_statements WHERE statement = ?1");
    plans->BindText(1, statement);
    return plans->Step() == internal::StepResult::kRow ? plans->Int(0) : -1;
  };
  const std::string per_run = "SELECT CAST(?1 AS INTEGER) * 2";
  const std::string reused = "SELECT CAST(?1 AS INTEGER) * 3";
  for (int64_t i = 0; i < 12; ++i) {
    auto s = c.Prepare(per_run, internal::Planning::kPerRun);
    s->BindInt(1, i);
    ASSERT_EQ(s->Step(), internal::StepResult::kRow);
    EXPECT_EQ(s->Int(0), 2 * i);
    auto r = c.Prepare(reused);
    r->BindInt(1, i);
    ASSERT_EQ(r->Step(), internal::StepResult::kRow);
    EXPECT_EQ(r->Int(0), 3 * i);
  }
  EXPECT_EQ(generic_plans(per_run), 0);
  // The server's choice, for a statement whose plan cannot depend on its value: the generic
  // plan from the sixth prepared run on. This shows the check above can see one.
  EXPECT_GT(generic_plans(reused), 0);
}

}  // namespace
}  // namespace motiearchief::archive
