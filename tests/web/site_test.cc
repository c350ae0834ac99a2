// The site as a researcher meets it, page by page, on the samples archive
// (ingested by the real binary), called in-process: facets that filter,
// the timeline, a document page with its versions and what changed, the
// original PDF at a page, the Atom feed, CSV, and errors as answers.
#include "web/site.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "base/sha256.h"
#include "tests/archive/scratch_archive.h"
#include "tests/cli/command.h"
#include "text/csv.h"
#include "web/html.h"

namespace motiearchief::web {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string Decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

// The request a link on a page makes: "/?q=a&amp;soort=motie" as written
// in the HTML.
Request Follow(std::string href) {
  RE2::GlobalReplace(&href, "&amp;", "&");
  RE2::GlobalReplace(&href, "&#39;", "'");
  Request r;
  const size_t hash = href.find('#');
  if (hash != std::string::npos) href.resize(hash);
  const size_t q = href.find('?');
  r.path = href.substr(0, q);
  if (q != std::string::npos) {
    std::string_view rest = std::string_view(href).substr(q + 1);
    while (!rest.empty()) {
      const size_t amp = rest.find('&');
      std::string_view pair = rest.substr(0, amp);
      const size_t eq = pair.find('=');
      r.params.emplace_back(Decode(pair.substr(0, eq)),
                            eq == std::string_view::npos ? "" : Decode(pair.substr(eq + 1)));
      rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    }
  }
  return r;
}

// Every match of `pattern`'s first group in `html`.
std::vector<std::string> All(const std::string& html, const std::string& pattern) {
  std::vector<std::string> found;
  re2::StringPiece input(html);
  std::string match;
  const RE2 re(pattern);
  while (RE2::FindAndConsume(&input, re, &match)) found.push_back(match);
  return found;
}

class SiteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    archive_ = new motiearchief::testing::ScratchArchive("site");
    const auto ingest = testing_cli::Sh(std::string(MA_BINARY) + " ingest --db '" +
                                        archive_->location() + "' " + MA_SOURCE_DIR + "/samples");
    ASSERT_EQ(ingest.exit_code, 0);
    site_ = new Site(archive_->location(), [](const std::string& m) { errors_.push_back(m); });
  }
  static Response Get(const std::string& path, Params params = {}) {
    Request r;
    r.path = path;
    r.params = std::move(params);
    r.base_url = "http://archief.example";
    return site_->Handle(r);
  }
  static json Api(const Params& params) {
    Response res = Get("/api/search", params);
    EXPECT_EQ(res.status, 200) << res.body;
    return json::parse(res.body);
  }
  void TearDown() override {
    EXPECT_TRUE(errors_.empty()) << errors_.front();
    errors_.clear();
  }
  static motiearchief::testing::ScratchArchive* archive_;
  static Site* site_;
  static std::vector<std::string> errors_;
};
motiearchief::testing::ScratchArchive* SiteTest::archive_;
Site* SiteTest::site_;
std::vector<std::string> SiteTest::errors_;

TEST_F(SiteTest, AFacetFiltersAndItsChipTakesTheFilterOff) {
  Response page = Get("/", {{"q", "bestaanszekerheid"}});
  ASSERT_EQ(page.status, 200);
  for (const char* facet : {"soort", "orgaan", "gemeente", "jaar"}) {
    EXPECT_NE(page.body.find(std::string("data-facet=\"") + facet + "\""), std::string::npos)
        << facet;
  }
  const auto all = Api({{"q", "bestaanszekerheid"}, {"facets", "1"}});
  // Each soort the facet shows is as many documents as export finds.
  for (const auto& f : all["facets"]["soort"]) {
    const std::string soort = f["waarde"];
    const auto hrefs = All(page.body, "<a href=\"([^\"]+)\" data-value=\"" + soort + "\">");
    ASSERT_EQ(hrefs.size(), 1u) << soort;
    const Request click = Follow(hrefs[0]);
    EXPECT_EQ(click.Param("soort"), soort);
    EXPECT_EQ(click.Param("q"), "bestaanszekerheid");
    Response filtered = site_->Handle(click);
    ASSERT_EQ(filtered.status, 200);
    const auto shown = All(filtered.body, "<span class=\"soort\">([a-z]+)</span>");
    ASSERT_FALSE(shown.empty()) << soort;
    for (const auto& s : shown) EXPECT_EQ(s, soort);
    const auto export_count =
        testing_cli::Sh(std::string(MA_BINARY) + " export --db '" + archive_->location() +
                        "' bestaanszekerheid --soort " + soort + " | wc -l");
    EXPECT_EQ(std::stoi(export_count.out), f["aantal"].get<int>()) << soort;
    // The chip of the filter leads back to the unfiltered query.
    const auto chips = All(filtered.body, "<a href=\"([^\"]+)\" data-filter=\"soort\"");
    ASSERT_EQ(chips.size(), 1u);
    const Request off = Follow(chips[0]);
    EXPECT_EQ(off.Param("soort"), "");
    EXPECT_EQ(off.Param("q"), "bestaanszekerheid");
  }
}

TEST_F(SiteTest, TheTimelineHasABarPerYearThatFiltersOnIt) {
  const auto api = Api({{"q", "gemeente"}, {"facets", "1"}});
  Response page = Get("/", {{"q", "gemeente"}});
  const auto bars = All(page.body, "<a href=\"([^\"]+)\" data-jaar=\"\\d{4}\"");
  const auto years = All(page.body, "data-jaar=\"(\\d{4})\"");
  ASSERT_FALSE(bars.empty());
  // From the first year with hits to the last, gaps included.
  EXPECT_EQ(std::stoi(years.back()) - std::stoi(years.front()) + 1, static_cast<int>(years.size()));
  EXPECT_EQ(api["facets"]["jaar"].back()["waarde"], years.front());
  EXPECT_EQ(api["facets"]["jaar"].front()["waarde"], years.back());
  const Request click = Follow(bars.back());
  EXPECT_EQ(click.Param("van"), years.back() + "-01-01");
  EXPECT_EQ(click.Param("tot"), years.back() + "-12-31");
  Params params = click.params;
  const auto filtered = Api(params);
  ASSERT_FALSE(filtered["results"].empty());
  for (const auto& r : filtered["results"]) {
    const std::string date =
        r["datum_indiening"].is_string() ? r["datum_indiening"] : r["vergadering"];
    EXPECT_EQ(date.substr(0, 4), years.back()) << r["id"];
  }
}

TEST_F(SiteTest, AHitLinksToItsPageOfTheOriginalAndOfTheText) {
  const auto api = Api({{"q", "bestaanszekerheid"}, {"soort", "motie"}});
  const auto& hit = api["results"][0];
  Response page = Get("/", {{"q", "bestaanszekerheid"}, {"soort", "motie"}});
  const std::string id = hit["id"];
  const int at = hit["pagina"];
  const auto pdf = All(page.body, "<a class=\"pdf\" href=\"(/bestanden/[0-9a-f]{64}\\.pdf#page=" +
                                      std::to_string(at) + ")\"");
  ASSERT_FALSE(pdf.empty());
  Response original = site_->Handle(Follow(pdf[0]));
  ASSERT_EQ(original.status, 200);
  EXPECT_EQ(original.content_type, "application/pdf");
  const std::string sha = pdf[0].substr(strlen("/bestanden/"), 64);
  EXPECT_EQ(Sha256Hex(original.body), sha);
  // The page the link opens holds the words found.
  const std::string file = motiearchief::testing::ProcessScratchPath("original.pdf");
  std::ofstream(file, std::ios::binary) << original.body;
  const auto text = testing_cli::Sh("pdftotext -f " + std::to_string(at) + " -l " +
                                    std::to_string(at) + " " + file + " -");
  EXPECT_NE(text.out.find("estaanszekerheid"), std::string::npos) << "page " << at;
  // The text view: the same page, the words marked.
  Response doc = Get("/documents/" + id, {{"q", "bestaanszekerheid"}});
  ASSERT_EQ(doc.status, 200);
  EXPECT_NE(doc.body.find("id=\"pagina-" + std::to_string(at) + "\""), std::string::npos);
  const auto marked = All(doc.body, "<mark>([^<]+)</mark>");
  ASSERT_FALSE(marked.empty());
  for (const auto& m : marked) EXPECT_NE(m.find("estaanszekerheid"), std::string::npos) << m;
}

TEST_F(SiteTest, AnOriginalThatMovedOrChangedIsGoneNotServed) {
  motiearchief::testing::ScratchArchive moved("site_moved");
  const fs::path dir = fs::path(motiearchief::testing::ProcessScratchPath("site_moved_input"));
  fs::create_directories(dir);
  const fs::path copy = dir / "motie.pdf";
  fs::copy_file(
      fs::path(MA_SOURCE_DIR) / "samples/motie-sudwest-fryslan-losser-met-ondersteuners.pdf", copy,
      fs::copy_options::overwrite_existing);
  ASSERT_EQ(testing_cli::Sh(std::string(MA_BINARY) + " ingest --db '" + moved.location() + "' " +
                            copy.string())
                .exit_code,
            0);
  auto sha = Sha256File(copy.string());
  ASSERT_TRUE(sha.ok());
  Site site(moved.location(), [](const std::string&) {});
  Request r;
  r.path = "/bestanden/" + *sha + ".pdf";
  EXPECT_EQ(site.Handle(r).status, 200);
  std::ofstream(copy, std::ios::app) << "\n% changed\n";
  EXPECT_EQ(site.Handle(r).status, 410);
  fs::remove(copy);
  Response gone = site.Handle(r);
  EXPECT_EQ(gone.status, 410);
  EXPECT_NE(gone.body.find("motie.pdf"), std::string::npos);
  r.path = "/bestanden/" + std::string(64, '0') + ".pdf";
  EXPECT_EQ(site.Handle(r).status, 404);
  r.path = "/bestanden/..%2F..%2Fetc%2Fpasswd.pdf";
  EXPECT_EQ(site.Handle(r).status, 404);
}

TEST_F(SiteTest, TheDocumentPageShowsVersionsWithWhatChangedAndTheirMailings) {
  // A motion sent alone and again in the nazending: one result, two versions.
  const auto api = Api({{"q", "\"bestaanszekerheid voor medewerkers\""}, {"soort", "motie"}});
  ASSERT_EQ(api["results"].size(), 1u);
  const auto& versions = api["results"][0]["versies"];
  ASSERT_EQ(versions.size(), 2u);
  // The result names each version's mailing, newest first.
  Response results =
      Get("/", {{"q", "\"bestaanszekerheid voor medewerkers\""}, {"soort", "motie"}});
  std::string listed;
  ASSERT_TRUE(RE2::PartialMatch(results.body, "<div class=\"versies\">([^\n]*?)</div>", &listed));
  const size_t newest = listed.find("nazendingen-alv-2023-12-01.pdf");
  const size_t oldest = listed.find("motie-sudwest-fryslan-losser-met-ondersteuners.pdf");
  ASSERT_NE(newest, std::string::npos) << listed;
  ASSERT_NE(oldest, std::string::npos) << listed;
  EXPECT_LT(newest, oldest);
  Response page = Get("/documents/" + versions[1].get<std::string>());
  ASSERT_EQ(page.status, 200);
  const auto shown = All(page.body, "<div class=\"versie\" data-id=\"([0-9a-f]+)\"");
  // Newest first.
  EXPECT_EQ(shown, (std::vector<std::string>{versions[1], versions[0]}));
  const auto mailings = All(page.body, "<span class=\"nazending\">([^<]+)</span>");
  EXPECT_EQ(mailings,
            (std::vector<std::string>{"nazendingen-alv-2023-12-01.pdf",
                                      "motie-sudwest-fryslan-losser-met-ondersteuners.pdf"}));
  // What changed between them, as the records say.
  auto record = [&](const std::string& id) {
    return json::parse(Get("/api/documents/" + id).body);
  };
  const json older = record(versions[0]), newer = record(versions[1]);
  if (older["ondersteuners"] != newer["ondersteuners"]) {
    EXPECT_NE(page.body.find("class=\"steun-e"), std::string::npos);
  }
  // Links that search for the names.
  EXPECT_NE(page.body.find("href=\"/?gemeente=S%C3%BAdwest-Frysl%C3%A2n\""), std::string::npos);
  // The preadvies by title and advice.
  EXPECT_NE(page.body.find("class=\"advies\">overnemen"), std::string::npos);
  EXPECT_NE(page.body.find("class=\"preadvies\""), std::string::npos);
}

TEST_F(SiteTest, RelatedMotionsShareSubjectWordsAndAreOtherMotions) {
  const auto api = Api({{"q", "\"herstel financiele verhouding\""}, {"soort", "motie"}});
  ASSERT_FALSE(api["results"].empty());
  const auto& hit = api["results"][0];
  Response page = Get("/documents/" + hit["id"].get<std::string>());
  std::string section;
  ASSERT_TRUE(RE2::PartialMatch(page.body, "<section class=\"verwant\">(.*?)</section>", &section));
  const auto related = All(section, "<li><a href=\"/documents/([0-9a-f]+)\"");
  ASSERT_FALSE(related.empty());
  for (const auto& id : related) {
    for (const auto& own : hit["versies"]) EXPECT_NE(id, own.get<std::string>());
    const json other = json::parse(Get("/api/documents/" + id).body);
    EXPECT_EQ(other["soort"], "motie") << id;
  }
  // The words it went by are a query of their own, one click away.
  const auto query = All(section, "<a href=\"(/\\?q=[^\"]+)\"");
  ASSERT_EQ(query.size(), 1u);
  const Request again = Follow(query[0]);
  EXPECT_NE(again.Param("q").find(" OR "), std::string::npos);
  const auto found = Api(again.params);
  std::set<std::string> ids;
  for (const auto& r : found["results"]) ids.insert(r["id"]);
  for (const auto& id : related) EXPECT_TRUE(ids.count(id)) << id;
}

TEST_F(SiteTest, TheDocumentPageShowsTheMotionsLifeAndLinksItsNames) {
  const auto api = Api({{"q", "\"herstel financiele verhouding\""}, {"soort", "motie"}});
  ASSERT_FALSE(api["results"].empty());
  const std::string id = api["results"][0]["id"];
  const std::string tool = std::string(MA_BINARY) + " --db '" + archive_->location() + "' ";
  ASSERT_EQ(testing_cli::Sh(tool + "besluit " + id + " aangenomen --voor 92.5").exit_code, 0);
  ASSERT_EQ(
      testing_cli::Sh(tool + "uitvoering " + id +
                      " uitgevoerd --datum 2024-06-01 --toelichting 'Ingebracht bij de formatie'")
          .exit_code,
      0);
  Response page = Get("/documents/" + id);
  ASSERT_EQ(page.status, 200);
  std::string history;
  ASSERT_TRUE(
      RE2::PartialMatch(page.body, "<section class=\"historie\">(.*?)</section>", &history));
  EXPECT_NE(history.find("<strong>aangenomen</strong> (93% voor)"), std::string::npos) << history;
  EXPECT_NE(history.find("2024-06-01</span> uitvoering: <strong>uitgevoerd</strong> — Ingebracht "
                         "bij de formatie"),
            std::string::npos)
      << history;
  // The orgaan, the indiener and each ondertekenaar search for themselves.
  EXPECT_NE(page.body.find("<a href=\"/?orgaan=ALV%20VNG\">ALV VNG</a>"), std::string::npos);
  EXPECT_NE(page.body.find("<a href=\"/?gemeente=Enschede\" class=\"zoek\">Enschede</a>"),
            std::string::npos);
  const auto signers = All(page.body, "<li><a href=\"(/\\?q=%22[^\"]+)\" class=\"zoek\">");
  ASSERT_FALSE(signers.empty());
  for (const auto& href : signers) {
    const auto found = Api(Follow(href).params);
    std::set<std::string> ids;
    for (const auto& r : found["results"]) {
      for (const auto& v : r["versies"]) ids.insert(v);
    }
    EXPECT_TRUE(ids.count(id)) << href;
  }
}

TEST_F(SiteTest, EveryDocumentHasATitleAndALinkToCite) {
  const auto all =
      testing_cli::Sh(std::string(MA_BINARY) + " export --db '" + archive_->location() + "'");
  std::istringstream lines(all.out);
  std::string line;
  int documents = 0;
  while (std::getline(lines, line)) {
    const json r = json::parse(line);
    Response page = Get("/documents/" + r["id"].get<std::string>());
    ASSERT_EQ(page.status, 200) << r["id"];
    std::string h1;
    ASSERT_TRUE(RE2::PartialMatch(page.body, "<h1[^>]*>([^<]+)</h1>", &h1)) << r["id"];
    EXPECT_EQ(h1.find("geen titel"), std::string::npos);
    if (r["titel"].is_string()) {
      EXPECT_NE(page.body.find("<h1>"), std::string::npos) << r["id"];
    }
    EXPECT_NE(page.body.find("class=\"citeer\""), std::string::npos);
    ++documents;
  }
  EXPECT_EQ(documents, 19);
  EXPECT_EQ(Get("/documents/0000000000000000").status, 404);
  EXPECT_EQ(Get("/nergens").status, 404);
}

TEST_F(SiteTest, TheAtomFeedListsTheNewestDocumentsOfAQuery) {
  for (const Params& params : {Params{{"q", "bestaanszekerheid"}}, Params{}}) {
    Response feed = Get("/feed.atom", params);
    ASSERT_EQ(feed.status, 200);
    EXPECT_EQ(feed.content_type, "application/atom+xml; charset=utf-8");
    const std::string file = motiearchief::testing::ProcessScratchPath("feed.xml");
    std::ofstream(file) << feed.body;
    // Read back by an XML parser: entries, each with id, absolute link and time.
    const auto read = testing_cli::Sh(
        std::string(MA_PYTHON3) +
        " -c \"import sys, xml.etree.ElementTree as E; "
        "a='{http://www.w3.org/2005/Atom}'; f=E.parse(sys.argv[1]).getroot(); "
        "assert f.find(a+'updated').text; "
        "[print(e.find(a+'id').text, e.find(a+'link').get('href'), e.find(a+'updated').text) "
        "for e in f.findall(a+'entry')]\" " +
        file);
    ASSERT_EQ(read.exit_code, 0) << feed.body;
    std::istringstream entries(read.out);
    std::string id, link, updated;
    int n = 0;
    while (entries >> id >> link >> updated) {
      EXPECT_TRUE(RE2::FullMatch(id, "urn:motiearchief:[0-9a-f]{16}")) << id;
      EXPECT_EQ(link, "http://archief.example/documents/" + id.substr(id.rfind(':') + 1));
      EXPECT_TRUE(RE2::FullMatch(updated, R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")) << updated;
      ++n;
    }
    if (params.empty()) {
      EXPECT_EQ(n, 19);  // every document of the samples
    } else {
      EXPECT_EQ(n, static_cast<int>(Api(params)["results"].size()));
    }
  }
}

TEST_F(SiteTest, ResultsAsCsvAndErrorsAsAnswers) {
  Response csv = Get("/zoeken.csv", {{"q", "woning"}});
  ASSERT_EQ(csv.status, 200);
  auto rows = text::ParseCsv(csv.body, "zoeken.csv");
  ASSERT_TRUE(rows.ok());
  const auto api = Api({{"q", "woning"}});
  ASSERT_EQ(rows->size(), api["results"].size() + 1);
  EXPECT_EQ((*rows)[0][0], "id");
  for (size_t i = 0; i < api["results"].size(); ++i) {
    EXPECT_EQ((*rows)[i + 1][0], api["results"][i]["id"]);
  }
  Response bad = Get("/api/search", {{"q", "x"}, {"van", "gisteren"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_FALSE(json::parse(bad.body)["error"].get<std::string>().empty());
  EXPECT_EQ(Get("/zoeken.csv", {{"q", "NOT"}}).status, 400);
  EXPECT_EQ(Get("/feed.atom", {{"van", "2023-13-01"}}).status, 400);
  Response page = Get("/", {{"q", "x"}, {"tot", "morgen"}});
  EXPECT_EQ(page.status, 400);
  EXPECT_NE(page.body.find("role=\"alert\""), std::string::npos);
  Response escaped = Get("/", {{"q", "<script>alert(1)</script> woning"}});
  EXPECT_EQ(escaped.body.find("<script>"), std::string::npos);
}

// Requests at the same time each get a connection of their own from the
// pool (one after the other they share one), and all get the same answer.
TEST_F(SiteTest, SimultaneousRequestsAllGetTheSameAnswer) {
  const Response alone = Get("/api/search", {{"q", "woning"}});
  ASSERT_EQ(alone.status, 200) << alone.body;
  std::vector<std::thread> threads;
  std::vector<std::vector<Response>> answers(8);
  for (auto& answer : answers) {
    threads.emplace_back([&answer] {
      for (int i = 0; i < 10; ++i) answer.push_back(Get("/api/search", {{"q", "woning"}}));
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& answer : answers) {
    ASSERT_EQ(answer.size(), 10u);
    for (const Response& r : answer) {
      EXPECT_EQ(r.status, 200) << r.body;
      EXPECT_EQ(r.body, alone.body);
    }
  }
  EXPECT_TRUE(errors_.empty());
}

TEST_F(SiteTest, AnArchiveThatCannotBeOpenedIsA500WithTheReasonInTheLog) {
  std::vector<std::string> log;
  Site site("/nonexistent/dir/archive.db", [&](const std::string& m) { log.push_back(m); });
  Request r;
  r.path = "/api/search";
  r.params = {{"q", "woning"}};
  Response res = site.Handle(r);
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.body.find("nonexistent"), std::string::npos);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_NE(log[0].find("nonexistent"), std::string::npos);
}

}  // namespace
}  // namespace motiearchief::web
