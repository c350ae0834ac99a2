// `motiearchief serve` as researchers use it: the real server on the
// samples archive, its JSON API, 10,000 random queries through
// /api/search, and a person's visit driven in headless Chromium through
// chromedriver (WebDriver protocol): search, open a motion, read it.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "tests/archive/scratch_archive.h"
#include "tests/cli/command.h"
#include "tests/cli/random_query.h"

namespace motiearchief {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// Starts `args`, returns its pid; its stdout comes back through *out_fd.
pid_t Spawn(const std::vector<std::string>& args, int* out_fd) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(fds[1]);
  *out_fd = fds[0];
  return pid;
}

std::string ReadLine(int fd) {
  std::string line;
  char c;
  while (read(fd, &c, 1) == 1 && c != '\n') line += c;
  return line;
}

int FreePort() {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
  close(s);
  return ntohs(addr.sin_port);
}

class ServeTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    archive_ = new motiearchief::testing::ScratchArchive("serve");
    db_ = archive_->location();
    testing_cli::Sh(std::string(MA_BINARY) + " --db '" + db_ + "' ingest " + MA_SOURCE_DIR +
                    "/samples");
    int out = -1;
    server_ = Spawn({MA_BINARY, "--db", db_, "serve", "--port", "0"}, &out);
    const std::string url = ReadLine(out);  // "http://127.0.0.1:PORT/"
    close(out);
    port_ = std::atoi(url.substr(url.rfind(':') + 1).c_str());
  }
  static void TearDownTestSuite() {
    kill(server_, SIGTERM);
    waitpid(server_, nullptr, 0);
  }
  static httplib::Client Client() {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    return c;
  }
  static std::string Url(const std::string& path) {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  static motiearchief::testing::ScratchArchive* archive_;
  static std::string db_;
  static pid_t server_;
  static int port_;
};
motiearchief::testing::ScratchArchive* ServeTest::archive_;
std::string ServeTest::db_;
pid_t ServeTest::server_ = -1;
int ServeTest::port_ = 0;

TEST_F(ServeTest, ApiSearchAndDocuments) {
  ASSERT_GT(port_, 0);
  auto c = Client();
  auto res = c.Get("/api/search?q=woning&soort=motie");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  json answer = json::parse(res->body);
  ASSERT_FALSE(answer["results"].empty());
  for (const auto& r : answer["results"]) EXPECT_EQ(r["soort"], "motie");
  const std::string id = answer["results"][0]["id"];

  res = c.Get("/api/search?gemeente=Den%20Bosch");
  ASSERT_TRUE(res);
  EXPECT_EQ(json::parse(res->body)["gemeente"], "'s-Hertogenbosch");

  res = c.Get(("/api/documents/" + id).c_str());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json::parse(res->body)["id"], id);
  EXPECT_EQ(c.Get("/api/documents/0000000000000000")->status, 404);
  EXPECT_EQ(c.Get("/documents/0000000000000000")->status, 404);
  // Input to fix is a 400 with a message, never a 500.
  for (const char* bad : {"/api/search?q=NOT", "/api/search?q=x&limit=abc",
                          "/api/search?q=x&van=gisteren", "/api/search?q=x&in=bijlage"}) {
    res = c.Get(bad);
    ASSERT_TRUE(res) << bad;
    EXPECT_EQ(res->status, 400) << bad;
    EXPECT_FALSE(json::parse(res->body)["error"].get<std::string>().empty()) << bad;
  }
}

TEST_F(ServeTest, EverythingShownIsEscaped) {
  auto res = Client().Get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20woning");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body.find("<script>"), std::string::npos);
  EXPECT_NE(res->body.find("&lt;script&gt;"), std::string::npos);
}

TEST_F(ServeTest, TenThousandRandomQueriesNeverBreakTheServer) {
  auto c = Client();
  std::mt19937 rng(20261122);
  int ok = 0, bad_input = 0;
  for (int i = 0; i < 10000; ++i) {
    const std::string q = testing_cli::RandomQuery(rng);
    httplib::Params params{{"q", q}};
    if (rng() % 4 == 0) params.emplace("gemeente", testing_cli::RandomQuery(rng));
    if (rng() % 8 == 0) params.emplace("in", rng() % 2 ? "verzoeken" : "titel");
    auto res = c.Get("/api/search", params, httplib::Headers{});
    ASSERT_TRUE(res) << "no answer to query " << i << ": " << q;
    ASSERT_TRUE(res->status == 200 || res->status == 400) << res->status << " for " << q;
    (res->status == 200 ? ok : bad_input)++;
    ASSERT_NO_THROW(json::parse(res->body)) << q;
  }
  EXPECT_GT(ok, 1000);
  EXPECT_GT(bad_input, 0);
  int status = 0;
  EXPECT_EQ(waitpid(server_, &status, WNOHANG), 0) << "the server died";
}

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
    user_data_ = testing::TempDir() + "chromium_" + std::to_string(getpid());
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

TEST_F(ServeTest, AResearcherSearchesAndReadsAMotionInChromium) {
  ASSERT_TRUE(fs::exists("/usr/bin/chromium") && fs::exists("/usr/bin/chromedriver"))
      << "scripts/install-deps.sh installs chromium and chromium-driver";
  Browser browser;
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
  EXPECT_NE(browser.Text(browser.Find(".tekst pre")).find("kabinet"), std::string::npos);
}

}  // namespace
}  // namespace motiearchief
