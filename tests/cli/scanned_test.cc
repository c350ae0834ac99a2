// Scanned twins of the samples (samples-scanned/, made by make_scanned.py:
// rasterised, tilted, noisy, JPEG, some pages turned by 90 or 180 degrees,
// and a bundle mixing text-layer and scanned pages) must give the same
// documents and fields as their text-layer originals' golden records.
// Texts are compared by similarity (1 - edit distance / length), not
// byte for byte: OCR may differ in a character; kMinSimilarity is the bar.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/cli/command.h"

namespace motiearchief {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
constexpr double kMinSimilarity = 0.95;

double Similarity(const std::string& a, const std::string& b) {
  if (a.empty() && b.empty()) return 1;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return 1.0 - static_cast<double>(row[b.size()]) / std::max(a.size(), b.size());
}

std::vector<json> Lines(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(json::parse(line));
  }
  return out;
}

class ScannedTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Ingested once for all these tests by the CTest fixture scanned_archive
    // (tests/CMakeLists.txt); `log` repeats that run's exit code.
    db_ = MA_SCANNED_ARCHIVE;
    ingest_ = testing_cli::Sh(Tool() + " log").exit_code;
    for (auto& r : Lines(testing_cli::Sh(Tool() + " export").out)) {
      records_[r["bron"]["bestand"]].push_back(r);
    }
    const std::string text_db =
        testing::TempDir() + "scanned_twins_" + std::to_string(getpid()) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(text_db + suffix);
    const std::string text_tool = std::string(MA_BINARY) + " --db " + text_db;
    testing_cli::Sh(text_tool + " ingest " + MA_SOURCE_DIR + "/samples");
    for (auto& r : Lines(testing_cli::Sh(text_tool + " export").out)) {
      text_records_[fs::path(r["bron"]["bestand"].get<std::string>()).filename().string()]
          .push_back(r);
    }
  }
  static std::string Tool() { return std::string(MA_BINARY) + " --db " + db_; }
  // The records of the scan's text twin, read from samples/ by the same
  // binary: a scan must give what its text layer gives.
  static std::vector<json> Golden(const std::string& scanned_name) {
    std::string twin =
        scanned_name == "nazendingen-gemengd.pdf" ? "nazendingen-alv-2023-12-01.pdf" : scanned_name;
    return text_records_[twin];
  }
  static std::string db_;
  static int ingest_;
  static std::map<std::string, std::vector<json>> records_;
  static std::map<std::string, std::vector<json>> text_records_;
};
std::string ScannedTest::db_;
int ScannedTest::ingest_ = -1;
std::map<std::string, std::vector<json>> ScannedTest::records_;
std::map<std::string, std::vector<json>> ScannedTest::text_records_;

TEST_F(ScannedTest, EveryScannedFileGivesTheDocumentsOfItsTextTwin) {
  EXPECT_EQ(ingest_, 3);  // stored; warnings: pages turned back
  ASSERT_EQ(records_.size(), 4u);
  for (const auto& [name, records] : records_) {
    const std::vector<json> golden = Golden(name);
    ASSERT_EQ(records.size(), golden.size()) << name;
    for (size_t i = 0; i < records.size(); ++i) {
      const json& got = records[i];
      const json& want = golden[i];
      const std::string where = name + " document " + std::to_string(i);
      for (const char* key : {"soort", "indieners", "mede_indieners", "ondersteuners",
                              "datum_indiening", "vergadering", "agendapunt"}) {
        EXPECT_EQ(got[key], want[key]) << where << " " << key;
      }
      EXPECT_EQ(got["bron"]["pagina_van"], want["bron"]["pagina_van"]) << where;
      EXPECT_EQ(got["bron"]["pagina_tot"], want["bron"]["pagina_tot"]) << where;
      EXPECT_GE(Similarity(got["titel"].is_null() ? "" : got["titel"].get<std::string>(),
                           want["titel"].is_null() ? "" : want["titel"].get<std::string>()),
                kMinSimilarity)
          << where;
      for (const char* part : {"overwegingen", "verzoeken"}) {
        ASSERT_EQ(got[part].size(), want[part].size()) << where << " " << part;
        for (size_t k = 0; k < got[part].size(); ++k) {
          EXPECT_EQ(got[part][k]["soort"], want[part][k]["soort"]) << where << " " << part;
          EXPECT_GE(Similarity(got[part][k]["tekst"], want[part][k]["tekst"]), kMinSimilarity)
              << where << " " << part << " " << k << ":\n"
              << got[part][k]["tekst"] << "\n"
              << want[part][k]["tekst"];
        }
      }
      ASSERT_EQ(got["ondertekenaars"].size(), want["ondertekenaars"].size()) << where;
      for (size_t k = 0; k < got["ondertekenaars"].size(); ++k) {
        EXPECT_GE(Similarity(got["ondertekenaars"][k]["naam"], want["ondertekenaars"][k]["naam"]),
                  0.9)
            << where;
        EXPECT_EQ(got["ondertekenaars"][k]["functie"], want["ondertekenaars"][k]["functie"]);
      }
      const auto advice = [](const json& r) {
        return r["preadvies"].is_null() ? json() : r["preadvies"]["advies"];
      };
      EXPECT_EQ(advice(got), advice(want)) << where;
    }
  }
}

TEST_F(ScannedTest, PagesSayHowTheyWereReadAndWithWhatConfidence) {
  const std::string pages =
      testing_cli::Sh(
          "sqlite3 -readonly " + db_ +
          " \"SELECT f.name || ':' || p.page_no || ':' || p.method || ':' || "
          "ifnull(p.ocr_confidence >= 70, '') || ':' || (p.engine LIKE 'tesseract 5.%(%:nld:%, "
          "LSTM)') "
          "FROM page p "
          "JOIN source_file f ON f.id = p.source_file_id WHERE f.name = 'nazendingen-gemengd.pdf' "
          "AND p.page_no BETWEEN 4 AND 8 ORDER BY p.page_no\"")
          .out;
  // Pages 5-7 of the mixed bundle are scans, the ones around them text.
  EXPECT_EQ(pages,
            "nazendingen-gemengd.pdf:4:text::0\n"
            "nazendingen-gemengd.pdf:5:ocr:1:1\n"
            "nazendingen-gemengd.pdf:6:ocr:1:1\n"
            "nazendingen-gemengd.pdf:7:ocr:1:1\n"
            "nazendingen-gemengd.pdf:8:text::0\n");
  for (const auto& r : records_["nazendingen-gemengd.pdf"]) {
    const int from = r["bron"]["pagina_van"], to = r["bron"]["pagina_tot"];
    EXPECT_EQ(r["bron"]["ocr"].get<bool>(), from <= 7 && to >= 5) << r["titel"];
  }
}

TEST_F(ScannedTest, TurnedPagesAreTurnedBack) {
  const std::string log = testing_cli::Sh(Tool() + " log --json").out;
  EXPECT_NE(log.find("page 2: turned by 180 degrees; read turned back"), std::string::npos) << log;
  EXPECT_NE(log.find("page 1: turned by 90 degrees; read turned back"), std::string::npos) << log;
}

}  // namespace
}  // namespace motiearchief
