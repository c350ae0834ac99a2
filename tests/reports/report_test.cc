// The reports as pure functions of motion lives: order and escaping.
#include "reports/report.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace motiearchief::reports {
namespace {

MotionLife Life(const std::string& id, const std::string& titel, const std::string& punt) {
  MotionLife life;
  life.motie.id = id;
  life.motie.soort = schema::kMotie;
  life.motie.titel = titel;
  life.motie.indieners = {"Zeist"};
  life.motie.vergadering = "2024-06-05";
  life.motie.agendapunt = punt;
  life.document_ids = {id};
  return life;
}

// Agendapunten in the order people read them: 9 before 10, 4b after 4a.
TEST(VergaderingReportTest, AgendaItemsInNaturalOrder) {
  const std::vector<MotionLife> lives = {Life("a", "Tien", "10"), Life("b", "Negen", "9"),
                                         Life("c", "Vier b", "4b"), Life("d", "Vier a", "4a")};
  const std::string md = VergaderingReport(lives, {}, "2024-06-05", ReportFormat::kMarkdown);
  const size_t p4a = md.find("Agendapunt 4a"), p4b = md.find("Agendapunt 4b"),
               p9 = md.find("Agendapunt 9"), p10 = md.find("Agendapunt 10");
  ASSERT_NE(p10, std::string::npos) << md;
  EXPECT_LT(p4a, p4b);
  EXPECT_LT(p4b, p9);
  EXPECT_LT(p9, p10);
}

// A title is text, not Markdown: emphasis, links, HTML and table bars are
// escaped; in HTML the same title is HTML-escaped.
TEST(VergaderingReportTest, TitlesAreEscapedForTheFormat) {
  const std::string title = "*Geen* [link](x) <b>vet</b> a|b _onder_";
  const std::vector<MotionLife> lives = {Life("a", title, "1")};
  const std::string md = VergaderingReport(lives, {}, "2024-06-05", ReportFormat::kMarkdown);
  EXPECT_NE(md.find("\\*Geen\\* \\[link\\](x) \\<b\\>vet\\</b\\> a\\|b \\_onder\\_"),
            std::string::npos)
      << md;
  const std::string html = VergaderingReport(lives, {}, "2024-06-05", ReportFormat::kHtml);
  EXPECT_NE(html.find("&lt;b&gt;vet&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>vet"), std::string::npos);
}

}  // namespace
}  // namespace motiearchief::reports
