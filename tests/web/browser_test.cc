// The site as a person uses it, driven in headless Chromium through
// chromedriver (WebDriver protocol) against the real `motiearchief serve`:
// search and read a motion, narrow by a facet and the timeline, open a
// hit's PDF at its page, read the versions of a motion. The pages' logic
// holds on both engines in site_test; this runs on SQLite.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/web/serve_fixture.h"

namespace motiearchief {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// A minimal WebDriver client for chromedriver.
class Browser {
 public:
  Browser() {
    port_ = FreePort();
    int out = -1;
    driver_ = Spawn({"/usr/bin/chromedriver", "--port=" + std::to_string(port_)}, &out);
    out_ = out;
    http_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    http_->set_read_timeout(60, 0);
    for (int i = 0; i < 100 && !http_->Get("/status"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    user_data_ = ::testing::TempDir() + "chromium_" + std::to_string(getpid());
    json caps = {{"capabilities",
                  {{"alwaysMatch",
                    {{"browserName", "chrome"},
                     {"goog:chromeOptions",
                      {{"binary", "/usr/bin/chromium"},
                       {"args",
                        {"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync",
                         "--user-data-dir=" + user_data_}}}}}}}}};
    json r = Call("POST", "/session", caps);
    session_ = r["value"].value("sessionId", "");
  }
  ~Browser() {
    if (!session_.empty()) Call("DELETE", "/session/" + session_, nullptr);
    kill(driver_, SIGTERM);
    waitpid(driver_, nullptr, 0);
    close(out_);
    fs::remove_all(user_data_);
  }
  bool ok() const { return !session_.empty(); }
  json Call(const std::string& method, const std::string& path, const json& body) {
    httplib::Result res = method == "GET" ? http_->Get(path.c_str())
                          : method == "DELETE"
                              ? http_->Delete(path.c_str())
                              : http_->Post(path.c_str(), body.dump(), "application/json");
    if (!res) return json::object();
    return json::parse(res->body, nullptr, false);
  }
  void Go(const std::string& url) { Call("POST", S("/url"), {{"url", url}}); }
  std::string Find(const std::string& css) {
    json r = Call("POST", S("/element"), {{"using", "css selector"}, {"value", css}});
    if (!r["value"].is_object()) return "";
    for (auto& [key, value] : r["value"].items()) {
      if (key.rfind("element-", 0) == 0) return value;
    }
    return "";
  }
  std::vector<std::string> FindAll(const std::string& css) {
    json r = Call("POST", S("/elements"), {{"using", "css selector"}, {"value", css}});
    std::vector<std::string> found;
    if (!r["value"].is_array()) return found;
    for (const auto& e : r["value"]) {
      for (auto& [key, value] : e.items()) {
        if (key.rfind("element-", 0) == 0) found.push_back(value);
      }
    }
    return found;
  }
  std::string Attribute(const std::string& element, const std::string& name) {
    json r = Call("GET", S("/element/" + element + "/attribute/" + name), nullptr);
    return r["value"].is_string() ? r["value"].get<std::string>() : "";
  }
  std::string CurrentUrl() {
    json r = Call("GET", S("/url"), nullptr);
    return r["value"].is_string() ? r["value"].get<std::string>() : "";
  }
  // Waits up to 20 s for the page's address to contain `part`.
  bool WaitForUrl(const std::string& part) {
    for (int i = 0; i < 200; ++i) {
      if (CurrentUrl().find(part) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }
  size_t Count(const std::string& css) {
    json r = Call("POST", S("/elements"), {{"using", "css selector"}, {"value", css}});
    return r["value"].is_array() ? r["value"].size() : 0;
  }
  std::string Text(const std::string& element) {
    json r = Call("GET", S("/element/" + element + "/text"), nullptr);
    return r["value"].is_string() ? r["value"].get<std::string>() : "";
  }
  void Type(const std::string& element, const std::string& text) {
    Call("POST", S("/element/" + element + "/value"), {{"text", text}});
  }
  void Click(const std::string& element) {
    Call("POST", S("/element/" + element + "/click"), json::object());
  }
  std::string Title() { return Call("GET", S("/title"), nullptr)["value"]; }
  // A click that navigates may return before the new page is there (seen
  // under load): wait up to 20 s for `css` to match on it.
  bool WaitFor(const std::string& css) {
    for (int i = 0; i < 200; ++i) {
      if (Count(css) > 0) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }

 private:
  std::string S(const std::string& rest) { return "/session/" + session_ + rest; }
  int port_ = 0;
  pid_t driver_ = -1;
  int out_ = -1;
  std::unique_ptr<httplib::Client> http_;
  std::string session_;
  std::string user_data_;
};

class BrowserTest : public ServeFixture {
 protected:
  // One Chromium for the suite, started by the first test that asks (each start took 2-4 s)
  // and stopped with the suite, before main() removes the run's folder that holds its
  // profile (stopped at the process's exit, it made that folder again). Each test begins at
  // an address of its own.
  static Browser& SharedBrowser() {
    if (!browser_) browser_ = std::make_unique<Browser>();
    return *browser_;
  }
  static void TearDownTestSuite() {
    browser_.reset();
    ServeFixture::TearDownTestSuite();
  }

 private:
  static std::unique_ptr<Browser> browser_;
};
std::unique_ptr<Browser> BrowserTest::browser_;

TEST_F(BrowserTest, AResearcherSearchesAndReadsAMotionInChromium) {
  ASSERT_TRUE(fs::exists("/usr/bin/chromium") && fs::exists("/usr/bin/chromedriver"))
      << "scripts/install-deps.sh installs chromium and chromium-driver";
  Browser& browser = SharedBrowser();
  ASSERT_TRUE(browser.ok()) << "chromedriver did not start a headless Chromium session";
  browser.Go(Url("/"));
  const std::string box = browser.Find("input[name=q]");
  ASSERT_FALSE(box.empty());
  browser.Type(box, "kabinet");
  const std::string in = browser.Find("select[name=in] option[value=verzoeken]");
  ASSERT_FALSE(in.empty());
  browser.Click(in);
  browser.Click(browser.Find("form.search button"));
  // The results: motions whose requests name the kabinet, marked.
  ASSERT_TRUE(browser.WaitFor(".result"));
  EXPECT_NE(browser.Text(browser.Find(".result mark")).find("kabinet"), std::string::npos);
  EXPECT_NE(browser.Text(browser.Find(".count")).find("resultat"), std::string::npos);
  const std::string first = browser.Find(".result a");
  const std::string title = browser.Text(first);
  ASSERT_FALSE(title.empty());
  browser.Click(first);
  // The motion page shows what was extracted.
  ASSERT_TRUE(browser.WaitFor(".tekst pre"));
  EXPECT_EQ(browser.Text(browser.Find("h1")), title);
  EXPECT_NE(browser.Title().find(title), std::string::npos);
  EXPECT_GT(browser.Count(".verzoeken li"), 0u);
  EXPECT_GT(browser.Count(".overwegingen li"), 0u);
  EXPECT_GT(browser.Count(".ondertekenaars li"), 0u);
  EXPECT_FALSE(browser.Text(browser.Find(".advies")).empty());
  EXPECT_NE(browser.Text(browser.Find(".tekst")).find("kabinet"), std::string::npos);
  // The query's words are marked in the text too.
  EXPECT_GT(browser.Count(".tekst mark"), 0u);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST_F(BrowserTest, AResearcherNarrowsResultsByFacetAndTimelineInChromium) {
  Browser& browser = SharedBrowser();
  ASSERT_TRUE(browser.ok()) << "chromedriver did not start a headless Chromium session";
  browser.Go(Url("/?q=bestaanszekerheid"));
  ASSERT_TRUE(browser.WaitFor(".result"));
  const size_t before = browser.Count(".result");
  std::set<std::string> kinds;
  for (const auto& e : browser.FindAll(".result .soort")) kinds.insert(Lower(browser.Text(e)));
  ASSERT_GT(kinds.size(), 1u) << "the query should find more than one soort";
  const std::string motie = browser.Find(".facet[data-facet=soort] a[data-value=motie]");
  ASSERT_FALSE(motie.empty());
  browser.Click(motie);
  ASSERT_TRUE(browser.WaitFor(".active a[data-filter=soort]"));
  const auto shown = browser.FindAll(".result .soort");
  ASSERT_FALSE(shown.empty());
  EXPECT_LT(shown.size(), before);
  for (const auto& e : shown) EXPECT_EQ(Lower(browser.Text(e)), "motie");
  // A bar of the timeline narrows to its year.
  const auto bars = browser.FindAll(".timeline a");
  ASSERT_FALSE(bars.empty());
  const std::string year = browser.Attribute(bars.back(), "data-jaar");
  browser.Click(bars.back());
  ASSERT_TRUE(browser.WaitFor(".active a[data-filter=van]"));
  EXPECT_NE(browser.CurrentUrl().find("van=" + year + "-01-01"), std::string::npos);
  EXPECT_NE(browser.CurrentUrl().find("soort=motie"), std::string::npos);
  for (const auto& e : browser.FindAll(".result .meta")) {
    EXPECT_NE(browser.Text(e).find(year), std::string::npos);
  }
  // Taking the soort filter off again.
  browser.Click(browser.Find(".active a[data-filter=soort]"));
  ASSERT_TRUE(browser.WaitForUrl("van=" + year));
  for (int i = 0; i < 200 && browser.Count(".active a[data-filter=soort]") > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(browser.Count(".active a[data-filter=soort]"), 0u);
}

TEST_F(BrowserTest, AResearcherOpensAHitsPdfAtItsPageInChromium) {
  Browser& browser = SharedBrowser();
  ASSERT_TRUE(browser.ok()) << "chromedriver did not start a headless Chromium session";
  browser.Go(Url("/?q=bestaanszekerheid&soort=motie"));
  ASSERT_TRUE(browser.WaitFor(".result a.pdf"));
  const std::string link = browser.Find(".result a.pdf");
  const std::string page = browser.Text(link);  // "pagina 14 (PDF)"
  browser.Click(link);
  ASSERT_TRUE(browser.WaitForUrl("/bestanden/"));
  const std::string opened = browser.CurrentUrl();
  const std::string number = page.substr(7, page.find(' ', 7) - 7);
  EXPECT_NE(opened.find(".pdf#page=" + number), std::string::npos) << opened << " " << page;
  // What the browser opened is the original file, and that page holds the words.
  const std::string path = opened.substr(opened.find("/bestanden/"));
  auto res = Client().Get(path.substr(0, path.find('#')).c_str());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/pdf");
  const std::string file = ::testing::TempDir() + "opened.pdf";
  std::ofstream(file, std::ios::binary) << res->body;
  const auto text = testing_cli::Sh("pdftotext -f " + number + " -l " + number + " " + file + " -");
  EXPECT_NE(text.out.find("estaanszekerheid"), std::string::npos) << "page " << number;
}

TEST_F(BrowserTest, AResearcherReadsTheVersionsOfAMotionInChromium) {
  Browser& browser = SharedBrowser();
  ASSERT_TRUE(browser.ok()) << "chromedriver did not start a headless Chromium session";
  browser.Go(Url("/?q=%22bestaanszekerheid+voor+medewerkers%22&soort=motie"));
  ASSERT_TRUE(browser.WaitFor(".result"));
  // One result for the motion that came in two mailings.
  EXPECT_EQ(browser.Count(".result"), 1u);
  EXPECT_NE(browser.Text(browser.Find(".result .versies")).find("2 versies"), std::string::npos);
  browser.Click(browser.Find(".result a.titel"));
  ASSERT_TRUE(browser.WaitFor(".versies .versie"));
  const auto versions = browser.FindAll(".versie");
  ASSERT_EQ(versions.size(), 2u);
  std::vector<std::string> mailings;
  for (const auto& e : browser.FindAll(".versie .nazending")) mailings.push_back(browser.Text(e));
  EXPECT_EQ(mailings,
            (std::vector<std::string>{"nazendingen-alv-2023-12-01.pdf",
                                      "motie-sudwest-fryslan-losser-met-ondersteuners.pdf"}));
  // The newest says what changed since the one before.
  EXPECT_GT(browser.Count(".versie .wijzigingen"), 0u);
  // From a version to the other.
  browser.Click(browser.Find(".versie:last-child a"));
  ASSERT_TRUE(browser.WaitForUrl("/documents/"));
  ASSERT_TRUE(browser.WaitFor(".versies .versie"));
  EXPECT_NE(browser.Text(browser.Find(".versie:last-child h3")).find("deze pagina"),
            std::string::npos);
}

}  // namespace
}  // namespace motiearchief
