// End to end through the real command line on the real sample PDFs: the
// contract's keys, idempotent re-ingest, search, show, CSV. CTest runs it
// on both engines (MA_TEST_ENGINE, tests/archive/scratch_archive.h). The extracted
// fields are checked against hand-made expected records by
// tests/quality/samples_expected.py (samples/gold/).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "schema/migrations.h"
#include "schema/record.h"
#include "tests/archive/scratch_archive.h"
#include "tests/cli/command.h"

namespace {

namespace fs = std::filesystem;
const std::string kSource = MA_SOURCE_DIR;

using motiearchief::testing_cli::CommandResult;
using motiearchief::testing_cli::Sh;

class CliTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One archive per process: ctest runs each test in its own process.
    archive_ = new motiearchief::testing::ScratchArchive("cli_golden");
    db_ = new std::string(archive_->location());
    first_ = new CommandResult(Sh(Tool() + " ingest " + kSource + "/samples"));
    export_ = new CommandResult(Sh(Tool() + " export --format jsonl"));
  }
  static std::string Tool() { return std::string(MA_BINARY) + " --db '" + *db_ + "'"; }
  static bool Postgres() { return archive_->postgres(); }
  // A file of this test process, beside the archive or in the temp folder.
  static std::string Scratch(const std::string& name) {
    return testing::TempDir() + "cli_golden_" + std::to_string(getpid()) + "_" + name;
  }
  static std::vector<nlohmann::ordered_json> Records(const std::string& jsonl) {
    std::vector<nlohmann::ordered_json> out;
    std::istringstream in(jsonl);
    std::string line;
    while (std::getline(in, line)) out.push_back(nlohmann::ordered_json::parse(line));
    return out;
  }
  static motiearchief::testing::ScratchArchive* archive_;
  static std::string* db_;
  static CommandResult* first_;
  static CommandResult* export_;
};
motiearchief::testing::ScratchArchive* CliTest::archive_;
std::string* CliTest::db_;
CommandResult* CliTest::first_;
CommandResult* CliTest::export_;

TEST_F(CliTest, IngestsEverySample) {
  EXPECT_EQ(first_->exit_code, 0) << first_->out;
  EXPECT_NE(first_->out.find("10 files: 10 stored"), std::string::npos) << first_->out;
}

TEST_F(CliTest, EveryRecordHasTheContractKeysInOrder) {
  auto records = Records(export_->out);
  ASSERT_FALSE(records.empty());
  for (const auto& r : records) {
    std::vector<std::string> keys;
    for (auto it = r.begin(); it != r.end(); ++it) keys.push_back(it.key());
    const auto& contract = motiearchief::schema::ContractKeys();
    ASSERT_GE(keys.size(), contract.size());
    EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + contract.size()), contract);
  }
}

TEST_F(CliTest, ContractKeysAreTheJsonSchemasRequiredKeys) {
  std::ifstream in(kSource + "/schema/record.schema.json");
  auto schema = nlohmann::json::parse(in);
  EXPECT_EQ(schema["required"].get<std::vector<std::string>>(),
            motiearchief::schema::ContractKeys());
  for (const auto& r : Records(export_->out)) {
    const auto& kinds = schema["properties"]["soort"]["enum"];
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), r["soort"]), kinds.end()) << r["soort"];
    for (auto it = r.begin(); it != r.end(); ++it) {
      EXPECT_TRUE(schema["properties"].contains(it.key())) << "key not in schema: " << it.key();
    }
  }
}

TEST_F(CliTest, NonMotionDocumentsAreNeverMotions) {
  std::map<std::string, std::string> soort;
  for (const auto& r : Records(export_->out)) soort[r["bron"]["bestand"]] = r["soort"];
  EXPECT_EQ(soort["brief-vng-aan-tweede-kamer-2024-10-15.pdf"], "brief");
  EXPECT_EQ(soort["essay-bestaanszekerheid-als-belofte.pdf"], "overig");
  EXPECT_EQ(soort["kadernota-inkomen-ontwikkeling-werk-2025-2028.pdf"], "overig");
}

TEST_F(CliTest, SecondIngestChangesNothing) {
  CommandResult again = Sh(Tool() + " ingest " + kSource + "/samples");
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("0 stored (0 new documents), 10 unchanged"), std::string::npos)
      << again.out;
  CommandResult export_again = Sh(Tool() + " export --format jsonl");
  EXPECT_EQ(export_again.out, export_->out);
  // 82 pages in the 10 samples; 5 preadviezen, each linked.
  EXPECT_EQ(archive_->Count("SELECT count(*) FROM source_file"), 10);
  EXPECT_EQ(archive_->Count("SELECT count(*) FROM page"), 82);
  EXPECT_EQ(archive_->Count("SELECT count(*) FROM document"), 19);
  EXPECT_EQ(archive_->Count("SELECT count(*) FROM link"), 5);
}

TEST_F(CliTest, BackupIsAnArchiveWithTheSameRecords) {
  if (Postgres()) {
    // The server's own tool backs it up; backup says which.
    CommandResult backup = Sh("sh -c \"" + Tool() + " backup " + Scratch("never.db") + " 2>&1\"");
    EXPECT_EQ(backup.exit_code, 2);
    EXPECT_NE(backup.out.find("pg_dump"), std::string::npos) << backup.out;
    return;
  }
  const std::string copy = *db_ + ".backup";
  fs::remove(copy);
  CommandResult backup = Sh(Tool() + " backup " + copy);
  ASSERT_EQ(backup.exit_code, 0) << backup.out;
  EXPECT_EQ(Sh(std::string(MA_BINARY) + " --db " + copy + " export").out, export_->out);
  EXPECT_EQ(Sh(std::string(MA_BINARY) + " --db " + copy + " check").exit_code, 0);
  EXPECT_EQ(Sh(Tool() + " backup " + *db_).exit_code, 2);  // onto itself
}

TEST_F(CliTest, LogOfACleanRunSaysNoProblems) {
  CommandResult log = Sh(Tool() + " log --run 1");  // the first ingest, in SetUpTestSuite
  EXPECT_EQ(log.exit_code, 0);
  EXPECT_NE(log.out.find("10 files: 10 stored (19 new documents)"), std::string::npos) << log.out;
  EXPECT_NE(log.out.find("No problems."), std::string::npos) << log.out;
  EXPECT_EQ(Sh(Tool() + " log --run 999").exit_code, 5);
}

// The searches researchers asked for, on the samples archive. Each query
// finds the documents whose text says so, compared with the export.
// The documents a search reached: its results and the versions they stand
// for.
std::set<std::string> CoveredIds(const std::string& json) {
  std::set<std::string> ids;
  for (const auto& r : nlohmann::json::parse(json)) {
    ids.insert(r["id"].get<std::string>());
    for (const auto& v : r["versies"]) ids.insert(v.get<std::string>());
  }
  return ids;
}

// A search found exactly the documents `expected`, as motions: every
// result is expected, and every expected document is a result or a version
// that a result stands for (a motion that came in two mailings is one
// result).
void ExpectFoundExactly(const std::string& json, const std::set<std::string>& expected) {
  std::set<std::string> covered;
  for (const auto& r : nlohmann::json::parse(json)) {
    EXPECT_TRUE(expected.count(r["id"].get<std::string>())) << "unexpected " << r["id"];
    for (const auto& v : r["versies"]) covered.insert(v.get<std::string>());
  }
  for (const auto& id : expected) EXPECT_TRUE(covered.count(id)) << "missing " << id;
}

TEST_F(CliTest, SearchFindsWithoutAccentsAndWithStemming) {
  auto records = Records(export_->out);
  std::set<std::string> with_sudwest, with_woningen, with_organisaties;
  for (const auto& r : records) {
    const std::string tekst = r["tekst"];
    // Both words, however joined ("Súdwest-Fryslân", "Súdwest\nFryslân").
    if (tekst.find("Súdwest") != std::string::npos && tekst.find("Fryslân") != std::string::npos) {
      with_sudwest.insert(r["id"]);
    }
    if (tekst.find("woningen") != std::string::npos) with_woningen.insert(r["id"]);
    if (tekst.find("organisaties") != std::string::npos) with_organisaties.insert(r["id"]);
  }
  ASSERT_FALSE(with_sudwest.empty());
  ASSERT_FALSE(with_woningen.empty());
  CommandResult sudwest = Sh(Tool() + " search 'sudwest fryslan' --json --limit 100");
  EXPECT_EQ(sudwest.exit_code, 0);
  ExpectFoundExactly(sudwest.out, with_sudwest);
  // "woning" finds "woningen" (and "woning" itself).
  std::set<std::string> found = CoveredIds(Sh(Tool() + " search woning --json --limit 100").out);
  for (const auto& id : with_woningen) EXPECT_TRUE(found.count(id)) << id;
  // A plural -s after a vowel, which Snowball keeps: "organisatie" finds
  // "organisaties" too.
  ASSERT_FALSE(with_organisaties.empty());
  found = CoveredIds(Sh(Tool() + " search organisatie --json --limit 100").out);
  for (const auto& id : with_organisaties) EXPECT_TRUE(found.count(id)) << id;
}

TEST_F(CliTest, SearchByGemeenteInAnySpellingSaysTheRole) {
  std::set<std::string> supported;
  for (const auto& r : Records(export_->out)) {
    for (const auto& g : r["ondersteuners"]) {
      if (g == "'s-Hertogenbosch") supported.insert(r["id"]);
    }
  }
  ASSERT_FALSE(supported.empty());
  for (const char* spelling : {"Den Bosch", "'s-Hertogenbosch", "s Hertogenbosch"}) {
    CommandResult r =
        Sh(Tool() + " search --gemeente \"" + std::string(spelling) + "\" --json --limit 100");
    ASSERT_EQ(r.exit_code, 0) << spelling;
    SCOPED_TRACE(spelling);
    ExpectFoundExactly(r.out, supported);
    for (const auto& hit : nlohmann::json::parse(r.out)) {
      EXPECT_EQ(hit["rollen"], nlohmann::json::array({"ondersteuner"}));
    }
  }
}

TEST_F(CliTest, SearchInVerzoekenOnlyMatchesRequests) {
  std::set<std::string> asks_kabinet, mentions_kabinet;
  for (const auto& r : Records(export_->out)) {
    for (const auto& v : r["verzoeken"]) {
      if (v["tekst"].get<std::string>().find("kabinet") != std::string::npos) {
        asks_kabinet.insert(r["id"]);
      }
    }
    if (r["tekst"].get<std::string>().find("kabinet") != std::string::npos) {
      mentions_kabinet.insert(r["id"]);
    }
  }
  ASSERT_FALSE(asks_kabinet.empty());
  ASSERT_GT(mentions_kabinet.size(), asks_kabinet.size());  // the filter matters
  CommandResult r = Sh(Tool() + " search --in verzoeken kabinet --json --limit 100");
  ExpectFoundExactly(r.out, asks_kabinet);
}

TEST_F(CliTest, SearchNeverBreaksOnWhatIsTyped) {
  for (const char* q : {"motie AND", "\"\"\"", "(((", "Súdwest-Fryslân OR", "NOT", "*:^",
                        "'); DROP TABLE document; --"}) {
    CommandResult r = Sh(Tool() + " search '" + std::string(q) + "'");
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 5 || r.exit_code == 2)
        << q << ": " << r.exit_code;
  }
  EXPECT_EQ(Sh(Tool() + " search --van 1-12-2023 motie").exit_code, 2);
  EXPECT_EQ(Sh(Tool() + " search NOT").exit_code, 2);  // no words
  EXPECT_EQ(Sh(Tool() + " search zzzzqqq").exit_code, 5);
  // A rank window narrower than the matches: the best of the newest, and a
  // note that says so; 0 ranks every match, and a negative window is an error.
  // (PostgreSQL has no window: its RUM index orders the matches itself.)
  CommandResult windowed = Sh("(" + Tool() + " search --rank-window 1 woning 2>&1 >/dev/null)");
  EXPECT_EQ(windowed.exit_code, 0);
  EXPECT_EQ(windowed.out.find("ranked among the 1 most recently archived") != std::string::npos,
            !Postgres())
      << windowed.out;
  CommandResult exact = Sh("(" + Tool() + " search --rank-window 0 woning 2>&1 >/dev/null)");
  EXPECT_EQ(exact.exit_code, 0);
  EXPECT_EQ(exact.out.find("ranked among"), std::string::npos) << exact.out;
  EXPECT_EQ(Sh(Tool() + " search --rank-window 0 woning").out, Sh(Tool() + " search woning").out);
  EXPECT_EQ(Sh(Tool() + " search --rank-window -3 woning").exit_code, 2);
  CommandResult advies = Sh(Tool() + " search --soort motie --advies Overnemen --json");
  EXPECT_EQ(advies.exit_code, 0);
  for (const auto& hit : nlohmann::json::parse(advies.out)) EXPECT_EQ(hit["advies"], "overnemen");
}

TEST_F(CliTest, AnArchiveFromBeforeSearchIsMigratedAndIndexedByTheNextIngest) {
  if (Postgres())
    GTEST_SKIP() << "archives from before schema version 4 exist only as SQLite files";
  const std::string old = *db_ + ".v3";
  fs::remove(old);
  ASSERT_EQ(Sh(Tool() + " backup " + old).exit_code, 0);
  // Back to schema version 3, as an archive made before the search index.
  ASSERT_EQ(Sh("sqlite3 " + old +
               " 'DROP INDEX document_filter; ALTER TABLE document DROP COLUMN orgaan; DROP TABLE "
               "document_advies; "
               "DROP INDEX motie_versie_by_first; "
               "DROP TABLE search_pending; "
               "DROP TABLE link_key_pending; DROP TABLE link_key; "
               "DROP TABLE search_fts; DROP TABLE document_search; DROP TABLE besluit; "
               "DROP TABLE uitvoering; DROP INDEX page_by_confidence; "
               "ALTER TABLE page DROP COLUMN engine; "
               "DELETE FROM schema_migration WHERE version >= 4; "
               "PRAGMA user_version = 3'")
                .exit_code,
            0);
  const std::string tool = std::string(MA_BINARY) + " --db " + old;
  CommandResult check = Sh(tool + " check");
  EXPECT_EQ(check.exit_code, 0);
  EXPECT_NE(check.out.find("NOTE\tschema version 3 of " +
                           std::to_string(motiearchief::schema::SqliteMigrations().size())),
            std::string::npos)
      << check.out;
  EXPECT_EQ(Sh(tool + " ingest " + kSource + "/samples").exit_code, 0);
  EXPECT_EQ(Sh(tool + " check").exit_code, 0);
  EXPECT_EQ(Sh(tool + " search woning --json").out, Sh(Tool() + " search woning --json").out);
  // Link keys made by the backfill: the same links and versions as an
  // archive that had them from the start.
  EXPECT_EQ(Sh(tool + " export --format jsonl").out, export_->out);
}

// The first command after an upgrade of the program may be a reader's
// (search, serve): it brings the archive up to date first, then reads.
TEST_F(CliTest, AReaderUpgradesAnArchiveFromAnEarlierVersionFirst) {
  if (Postgres()) GTEST_SKIP() << "made by editing a SQLite file behind the archive's back";
  const std::string old = *db_ + ".v11";
  fs::remove(old);
  ASSERT_EQ(Sh(Tool() + " backup " + old).exit_code, 0);
  ASSERT_EQ(Sh("sqlite3 " + old +
               " 'DROP INDEX document_filter; ALTER TABLE document DROP COLUMN orgaan; DROP TABLE "
               "document_advies; "
               "DELETE FROM schema_migration WHERE version >= 12; "
               "PRAGMA user_version = 11'")
                .exit_code,
            0);
  const std::string tool = std::string(MA_BINARY) + " --db " + old;
  EXPECT_EQ(Sh(tool + " search woning --json").out, Sh(Tool() + " search woning --json").out);
  EXPECT_EQ(Sh("sqlite3 " + old + " 'PRAGMA user_version'").out,
            std::to_string(motiearchief::schema::SqliteMigrations().size()) + "\n");
  EXPECT_EQ(Sh(tool + " export").out, export_->out);
  EXPECT_EQ(Sh(tool + " check").exit_code, 0);
}

// Commands that never read a PDF do not map Poppler and Tesseract, an
// archive on SQLite does not map libpq, and only serve maps the HTTP server
// and OpenSSL: the reader, PostgreSQL and the HTTP server are modules loaded
// on first use (pipeline/reader_module.h, archive/connection.h,
// web/http_module.h), each a large part of a search's start-up otherwise.
TEST_F(CliTest, TheProgramLoadsItsModulesOnlyWhenUsed) {
  const std::string libraries = Sh(std::string("ldd ") + MA_BINARY).out;
  ASSERT_NE(libraries.find("libsqlite3"), std::string::npos) << libraries;
  // The HTTP server (and OpenSSL) only for serve: tests/web/serve_test.cc.
  for (const char* module_only : {"libpoppler", "libtesseract", "liblept", "libpq",
                                  "libcpp-httplib", "libssl", "libcrypto"}) {
    EXPECT_EQ(libraries.find(module_only), std::string::npos) << module_only << " in\n"
                                                              << libraries;
  }
  // ...and reading still works, on this engine too: the samples' export is
  // the golden one.
  EXPECT_FALSE(export_->out.empty());
}

// --db where users put it: after the subcommand too.
TEST_F(CliTest, DbMayFollowTheSubcommand) {
  motiearchief::testing::ScratchArchive after("cli_golden_after");
  const std::string other = "'" + after.location() + "'";
  CommandResult ingest =
      Sh(std::string(MA_BINARY) + " ingest --db " + other + " " + kSource + "/samples");
  EXPECT_EQ(ingest.exit_code, 0) << ingest.out;
  EXPECT_EQ(Sh(std::string(MA_BINARY) + " export --db " + other + " --format jsonl").out,
            export_->out);
  EXPECT_EQ(Sh(std::string(MA_BINARY) + " search --db " + other + " woning --json").out,
            Sh(Tool() + " search woning --json").out);
}

// Search results in the forms researchers take them away in: one JSON
// object per line, and CSV for a spreadsheet (read back by Python's csv).
TEST_F(CliTest, SearchGivesJsonLinesAndCsv) {
  const std::vector<nlohmann::ordered_json> lines =
      Records(Sh(Tool() + " search woning --format jsonl").out);
  ASSERT_GE(lines.size(), 2u);
  const nlohmann::ordered_json array =
      nlohmann::ordered_json::parse(Sh(Tool() + " search woning --json").out);
  ASSERT_EQ(array.size(), lines.size());
  for (size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(lines[i], array[i]);
  const std::string csv_path = Scratch("hits.csv");
  ASSERT_EQ(Sh(Tool() + " search woning --format csv > " + csv_path).exit_code, 0);
  CommandResult read = Sh(std::string(MA_PYTHON3) +
                          " -c \"import csv,sys; rows=list(csv.DictReader(open(sys.argv[1]))); "
                          "print(len(rows), rows[0]['id'], sum(r['titel'] != '' for r in rows), "
                          "';' in ''.join(r['indieners'] for r in rows) or True)\" " +
                          csv_path);
  // As many titles as the JSON has (a brief or essay may have none).
  int titles = 0;
  for (const auto& line : lines) titles += line["titel"].is_string() ? 1 : 0;
  EXPECT_GT(titles, 0);
  EXPECT_EQ(read.out, std::to_string(lines.size()) + " " + lines[0]["id"].get<std::string>() + " " +
                          std::to_string(titles) + " True\n");
}

// --sort date: newest first, whatever the rank.
TEST_F(CliTest, SearchSortsByDate) {
  const auto hits =
      nlohmann::ordered_json::parse(Sh(Tool() + " search gemeenten --sort date --json").out);
  ASSERT_GE(hits.size(), 3u);
  auto date = [](const nlohmann::ordered_json& h) {
    for (const char* k : {"datum_indiening", "vergadering"}) {
      if (h[k].is_string()) return h[k].get<std::string>();
    }
    return std::string();
  };
  for (size_t i = 1; i < hits.size(); ++i) EXPECT_GE(date(hits[i - 1]), date(hits[i])) << i;
  EXPECT_EQ(Sh(Tool() + " search gemeenten --sort size").exit_code, 2);
}

// export takes search's words and filters: one command gives "the motions
// of this municipality with this advice", in archive order.
TEST_F(CliTest, ExportFiltersAsSearchDoes) {
  const std::vector<nlohmann::ordered_json> all = Records(export_->out);
  const std::vector<nlohmann::ordered_json> motions =
      Records(Sh(Tool() + " export --soort motie").out);
  size_t expected = 0;
  for (const auto& r : all) expected += r["soort"] == "motie";
  EXPECT_EQ(motions.size(), expected);
  ASSERT_GT(expected, 0u);
  // In archive order: the same sequence as in the full export.
  std::vector<std::string> ids_all, ids_motions;
  for (const auto& r : all) {
    if (r["soort"] == "motie") ids_all.push_back(r["id"]);
  }
  for (const auto& r : motions) ids_motions.push_back(r["id"]);
  EXPECT_EQ(ids_motions, ids_all);
  // A municipality in any spelling, as search takes it.
  for (const auto& r : Records(Sh(Tool() + " export --gemeente \"sudwest fryslan\"").out)) {
    const std::string text = r.dump();
    EXPECT_NE(text.find("Súdwest-Fryslân"), std::string::npos) << r["id"];
  }
  // Words, a date range and CSV.
  const std::string csv = Sh(Tool() + " export woning --van 2020-01-01 --format csv").out;
  EXPECT_EQ(csv.rfind("id,soort,titel", 0), 0u) << csv.substr(0, 80);
  EXPECT_EQ(Sh(Tool() + " export --van 2023-13-45").exit_code, 2);
  // The orgaan, any case, part of its name.
  const auto vng = Records(Sh(Tool() + " export --orgaan \"alv vng\"").out);
  EXPECT_FALSE(vng.empty());
  for (const auto& r : vng) EXPECT_EQ(r["orgaan"], "ALV VNG") << r["id"];
}

// Facets count every match, not only the results shown: the soort counts
// add up to what export gives for the same words, and a municipality's
// count is the number of those records that name it.
TEST_F(CliTest, FacetsDescribeTheWholeResultSet) {
  const auto answer =
      nlohmann::ordered_json::parse(Sh(Tool() + " search gemeenten --facets --limit 3 --json").out);
  ASSERT_EQ(answer["results"].size(), 3u);
  const std::vector<nlohmann::ordered_json> matching =
      Records(Sh(Tool() + " export gemeenten").out);
  int64_t total = 0;
  std::map<std::string, int64_t> by_soort;
  for (const auto& f : answer["facets"]["soort"]) {
    total += f["aantal"].get<int64_t>();
    by_soort[f["waarde"]] = f["aantal"];
  }
  EXPECT_EQ(total, static_cast<int64_t>(matching.size()));
  std::map<std::string, int64_t> expected_soort, expected_indiener;
  for (const auto& r : matching) {
    ++expected_soort[r["soort"]];
    std::set<std::string> named;
    for (const char* role : {"indieners", "mede_indieners", "ondersteuners"}) {
      for (const auto& g : r[role]) named.insert(g.get<std::string>());
    }
    for (const auto& g : named) ++expected_indiener[g];
  }
  EXPECT_EQ(by_soort, expected_soort);
  ASSERT_FALSE(answer["facets"]["indiener"].empty());
  for (const auto& f : answer["facets"]["indiener"]) {
    EXPECT_EQ(f["aantal"].get<int64_t>(), expected_indiener[f["waarde"]]) << f["waarde"];
  }
  // In text: after the results, a line per facet.
  const std::string text = Sh(Tool() + " search gemeenten --facets --limit 3").out;
  EXPECT_NE(text.find("Aantallen over alle treffers:"), std::string::npos) << text;
  EXPECT_NE(text.find("  soort: "), std::string::npos);
}

// A motion that came in two mailings is one result, naming its versions
// (the samples hold the Súdwest-Fryslân motion twice); export keeps both.
TEST_F(CliTest, SearchShowsAMotionOnceWithItsVersions) {
  const auto hits =
      nlohmann::ordered_json::parse(Sh(Tool() + " search bestaanszekerheid --json").out);
  std::set<std::string> seen;
  size_t with_versions = 0;
  for (const auto& h : hits) {
    const auto& versions = h["versies"];
    ASSERT_FALSE(versions.empty()) << h["id"];
    EXPECT_NE(std::find(versions.begin(), versions.end(), h["id"]), versions.end());
    for (const auto& v : versions) EXPECT_TRUE(seen.insert(v.get<std::string>()).second) << v;
    with_versions += versions.size() > 1;
  }
  EXPECT_GE(with_versions, 1u);
  size_t exported = 0;
  for (const auto& r : Records(Sh(Tool() + " export bestaanszekerheid").out)) {
    exported += seen.count(r["id"].get<std::string>());
  }
  EXPECT_EQ(exported, seen.size());
}

TEST_F(CliTest, ShowPresentsAMotionForAReader) {
  std::string id;
  for (const auto& r : Records(export_->out)) {
    if (r["soort"] == "motie" && r["bron"]["bestand"] == "nazendingen-alv-2023-12-01.pdf") {
      id = r["id"];
      break;
    }
  }
  ASSERT_FALSE(id.empty());
  CommandResult show = Sh(Tool() + " show " + id);
  EXPECT_EQ(show.exit_code, 0);
  for (const char* part : {"Titel:", "Orgaan:", "Indieners:", "Overwegingen", "Verzoeken",
                           "Ondertekenaars", "Preadvies:"}) {
    EXPECT_NE(show.out.find(part), std::string::npos) << part << "\n" << show.out;
  }
  EXPECT_EQ(Sh(Tool() + " show doesnotexist").exit_code, 5);
  CommandResult json = Sh(Tool() + " show --json " + id);
  EXPECT_TRUE(nlohmann::json::parse(json.out).contains("herkomst"));
}

TEST_F(CliTest, CsvExportHasHeaderAndOneRowPerDocument) {
  CommandResult csv = Sh(Tool() + " export --format csv");
  EXPECT_EQ(csv.exit_code, 0);
  EXPECT_EQ(csv.out.rfind("id,soort,titel,orgaan,indieners", 0), 0u);
}

TEST_F(CliTest, UsageErrorsHaveTheirOwnExitCode) {
  EXPECT_EQ(Sh(std::string(MA_BINARY) + " ingest").exit_code, 2);
  const std::string db = testing::TempDir() + "usage_error.db";
  EXPECT_EQ(Sh(std::string(MA_BINARY) + " --db " + db + " ingest /nonexistent").exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(db)) << "a usage error made an archive";
}

}  // namespace
