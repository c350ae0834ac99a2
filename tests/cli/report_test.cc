// After the ALV, end to end: ingest the samples, record decisions and
// execution from a CSV and from the command line, write the verantwoording
// and vergadering reports, and print the HTML report to PDF in headless
// Chromium to see that nothing is missing on paper.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "tests/archive/scratch_archive.h"
#include "tests/cli/command.h"

namespace motiearchief {
namespace {

namespace fs = std::filesystem;
using testing_cli::CommandResult;
using testing_cli::Sh;

int Occurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

std::string Collapse(const std::string& text) {  // pdftotext breaks lines anywhere
  return std::regex_replace(text, std::regex(R"(\s+)"), " ");
}

class ReportTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::TempDir() + "report_" + std::to_string(getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    archive_ = new motiearchief::testing::ScratchArchive("report");
    Sh(Tool() + " ingest " + MA_SOURCE_DIR + "/samples");
    // The first version of the Enschede motion (the standalone file), to
    // see that a decision on one version counts for the motion.
    for (std::istringstream in(Sh(Tool() + " export --soort motie").out);
         std::getline(in, line_);) {
      auto r = nlohmann::json::parse(line_);
      if (r["bron"]["bestand"] == "motie-enschede-herstel-financiele-verhouding.pdf") {
        enschede_ = r["id"];
      }
    }
    std::ofstream csv(dir_ + "/besluiten.csv");
    csv << "id;titel;indiener;besluit;datum;voor;uitvoering;uitvoering_datum;toelichting\n"
        << enschede_ << ";;;aangenomen;1 december 2023;92,5;uitgevoerd;2024-06-01;"
        << "\"Ingebracht bij de formatie; brief aan het kabinet\"\n"
        << ";Goed beleid is integraal beleid;Heemstede;overgenomen;01-12-2023;;in uitvoering;"
        << "2024-03-01;Actieagenda Sterk Bestuur\n"
        << ";Aan de slag met bestaanszekerheid voor medewerkers;Losser;aangenomen;2023-12-01;"
        << "88;;;\n"
        << ";passende normering en regulering;gemeente Eindhoven;verworpen;2023-12-01;31;;;\n"
        << ";Een motie die niet bestaat;Utrecht;aangenomen;2023-12-01;;;;\n"
        << enschede_ << ";;;aangenomenn;2023-12-01;;;;\n";
  }
  static std::string Tool() {
    return std::string(MA_BINARY) + " --db '" + archive_->location() + "'";
  }
  static motiearchief::testing::ScratchArchive* archive_;
  static std::string dir_;
  static std::string enschede_;
  static std::string line_;
};
motiearchief::testing::ScratchArchive* ReportTest::archive_;
std::string ReportTest::dir_;
std::string ReportTest::enschede_;
std::string ReportTest::line_;

TEST_F(ReportTest, DecisionsFromCsvAndCommandLineMakeBothReports) {
  ASSERT_FALSE(enschede_.empty());
  CommandResult import =
      Sh("{ " + Tool() + " import " + dir_ + "/besluiten.csv 2>" + dir_ + "/import.err; }");
  // Two rows cannot be recorded (no such motion; no such decision): exit 4.
  EXPECT_EQ(import.exit_code, 4);
  EXPECT_EQ(import.out, "6 rows: 4 besluiten and 2 uitvoeringen recorded, 2 rows not recorded\n");
  std::stringstream err;
  err << std::ifstream(dir_ + "/import.err").rdbuf();
  const std::string why_out = err.str();
  EXPECT_NE(why_out.find("besluiten.csv:6: \"Een motie die niet bestaat\" (Utrecht) matches no "
                         "motion"),
            std::string::npos)
      << why_out;
  EXPECT_NE(why_out.find("besluiten.csv:7: besluit \"aangenomenn\" is not one of"),
            std::string::npos)
      << why_out;
  // The same file again adds nothing.
  EXPECT_NE(Sh(Tool() + " import " + dir_ + "/besluiten.csv")
                .out.find("0 besluiten and 0 uitvoeringen recorded, 6 already in the archive"),
            std::string::npos);

  // History is append-only: a correction is a new entry.
  EXPECT_NE(archive_->Exec("DELETE FROM besluit"), "");
  EXPECT_EQ(Sh(Tool() + " uitvoering " + enschede_ +
               " aangehouden --datum 2024-01-15 "
               "--toelichting 'wacht op de formatie'")
                .exit_code,
            0);
  EXPECT_EQ(Sh(Tool() + " besluit " + enschede_ + " gewonnen").exit_code, 2);

  CommandResult md = Sh(Tool() + " report verantwoording --vergadering 2023-12-01");
  ASSERT_EQ(md.exit_code, 0);
  // The three adopted motions, each once; the rejected amendment not.
  EXPECT_EQ(Occurrences(md.out, "## Herstel financiële verhouding met nieuwe regering"), 1);
  EXPECT_EQ(Occurrences(md.out, "## Goed beleid = integraal beleid"), 1);
  EXPECT_EQ(
      Occurrences(md.out, "## Aan de slag met bestaanszekerheid voor medewerkers aan de basis"), 1);
  EXPECT_EQ(md.out.find("normering"), std::string::npos);
  // Statuses counted from the newest entries: Enschede's 2024-06-01
  // "uitgevoerd" is newer than the 2024-01-15 "aangehouden".
  EXPECT_NE(md.out.find("| uitgevoerd | 1 |"), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("| in uitvoering | 1 |"), std::string::npos);
  EXPECT_NE(md.out.find("| aangehouden | 0 |"), std::string::npos);
  EXPECT_NE(md.out.find("| geen uitvoering geregistreerd | 1 |"), std::string::npos);
  EXPECT_NE(md.out.find("| totaal aangenomen moties | 3 |"), std::string::npos);
  EXPECT_NE(md.out.find("aangenomen op 2023-12-01 (92.5% voor)"), std::string::npos);
  EXPECT_NE(md.out.find("- 2024-01-15 aangehouden: wacht op de formatie"), std::string::npos);
  EXPECT_EQ(Occurrences(md.out, "**Voorstel: als uitgevoerd beschouwen.**"), 1);
  EXPECT_EQ(Occurrences(md.out, "**Voorstel: aanhouden"), 2);
  EXPECT_NE(md.out.find("- **Ondersteunende gemeenten:** 48"), std::string::npos);

  CommandResult open = Sh(Tool() + " report verantwoording --open");
  EXPECT_EQ(open.out.find("Herstel financiële verhouding"), std::string::npos);
  EXPECT_NE(open.out.find("Goed beleid = integraal beleid"), std::string::npos);

  CommandResult alv = Sh(Tool() + " report vergadering 2023-12-01");
  ASSERT_EQ(alv.exit_code, 0);
  for (const char* punt : {"## Agendapunt 7", "## Agendapunt 8a", "## Agendapunt 9"}) {
    EXPECT_EQ(Occurrences(alv.out, punt), 1) << punt;
  }
  EXPECT_NE(alv.out.find("3 moties, 1 amendementen en 4 preadviezen"), std::string::npos)
      << alv.out;
  EXPECT_NE(alv.out.find("| amendement | passende normering"), std::string::npos);
  EXPECT_NE(alv.out.find("verworpen op 2023-12-01 (31% voor)"), std::string::npos);

  // On paper: the HTML report printed by Chromium has every motion, the
  // summary and every proposal.
  const std::string html = dir_ + "/verantwoording.html", pdf = dir_ + "/verantwoording.pdf";
  ASSERT_EQ(Sh(Tool() + " report verantwoording --format html -o " + html).exit_code, 0);
  ASSERT_TRUE(fs::exists("/usr/bin/chromium")) << "scripts/install-deps.sh installs chromium";
  Sh("/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage "
     "--no-first-run --disable-background-networking --disable-component-update "
     "--disable-sync --user-data-dir=" +
     dir_ +
     "/chromium --no-pdf-header-footer "
     "--print-to-pdf=" +
     pdf + " file://" + html);
  ASSERT_TRUE(fs::exists(pdf)) << "Chromium printed no PDF";
  const std::string text = Collapse(Sh("pdftotext -layout " + pdf + " -").out);
  EXPECT_NE(Sh("pdfinfo " + pdf).out.find("A4"), std::string::npos);
  for (const char* expected :
       {"Verantwoording uitvoering moties", "Samenvatting", "totaal aangenomen moties",
        "Herstel financiële verhouding met nieuwe regering", "Goed beleid = integraal beleid",
        "Aan de slag met bestaanszekerheid voor medewerkers aan de basis",
        "Voorstel: als uitgevoerd beschouwen", "Ingebracht bij de formatie; brief aan het kabinet",
        "Actieagenda Sterk Bestuur"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
}

}  // namespace
}  // namespace motiearchief
