// A database of its own for one PostgreSQL test, on the private server that CTest starts
// (the fixture postgres_server: scripts/postgres-test-server.sh). CTest hands every test
// binary that server's URL in MA_TEST_POSTGRES; tests run in parallel, so each makes its
// own database and drops it afterwards:
//
//   TestDatabase db;
//   ASSERT_TRUE(db.ok());
//   auto archive = Archive::Open(db.url());
//
// Without the server the test fails (it never skips) and says how to run it.
#ifndef MOTIEARCHIEF_TESTS_ARCHIVE_POSTGRES_TEST_DB_H_
#define MOTIEARCHIEF_TESTS_ARCHIVE_POSTGRES_TEST_DB_H_

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>

namespace motiearchief::testing {

// Tests live in namespaces inside motiearchief, where `testing::Test` would now name this
// namespace instead of GoogleTest's: let qualified names that are not ours reach GoogleTest's.
using namespace ::testing;  // NOLINT(build/namespaces)

// The URL of the test server's `postgres` database: MA_TEST_POSTGRES, else the one this
// build's CTest starts (MA_TEST_POSTGRES_URL), else "".
inline std::string TestServerUrl() {
  const char* url = std::getenv("MA_TEST_POSTGRES");
  if (url != nullptr) return url;
#ifdef MA_TEST_POSTGRES_URL
  return MA_TEST_POSTGRES_URL;  // the server CTest starts for this build
#else
  return "";
#endif
}

class TestDatabase {
 public:
  TestDatabase() {
    server_url_ = TestServerUrl();
    if (server_url_.empty()) {
      ADD_FAILURE() << "MA_TEST_POSTGRES is not set: run the PostgreSQL tests through ctest, "
                       "which starts the server (scripts/postgres-test-server.sh)";
      return;
    }
    name_ = NewName();
    url_ = WithDatabase(server_url_, name_);
    Connection admin = Connect(server_url_);
    if (!admin) return;
    // FILE_COPY (PostgreSQL 15): copying the template's files cost the server
    // 40% less CPU than writing them to the WAL, the default; the suite makes
    // a database per test.
    const bool file_copy = PQserverVersion(admin.get()) >= 150000;
    ok_ = Exec(admin.get(), "CREATE DATABASE \"" + name_ +
                                "\" TEMPLATE template0 ENCODING 'UTF8'"
                                " LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'" +
                                (file_copy ? " STRATEGY FILE_COPY" : ""));
  }

  ~TestDatabase() {
    if (!ok_) return;
    Connection admin = Connect(server_url_);
    if (!admin) return;
    Exec(admin.get(), "DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)");
  }

  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // Whether the database was created.
  bool ok() const { return ok_; }
  // The libpq URL of the new database (postgresql://postgres@/ma_t_...?host=...).
  const std::string& url() const { return url_; }
  // Its name.
  const std::string& name() const { return name_; }

  // `url` (postgresql://user@/dbname?host=...) with another database name: the path between
  // the first '/' after the authority and the '?' (or the end).
  static std::string WithDatabase(const std::string& url, const std::string& database) {
    std::string::size_type scheme = url.find("://");
    std::string::size_type from = scheme == std::string::npos ? 0 : scheme + 3;
    std::string::size_type at = url.find('@', from);
    if (at != std::string::npos) from = at + 1;
    std::string::size_type slash = url.find('/', from);
    std::string::size_type query = url.find('?', from);
    if (slash == std::string::npos || (query != std::string::npos && slash > query)) {
      // No path: insert one before the query.
      std::string::size_type end = query == std::string::npos ? url.size() : query;
      return url.substr(0, end) + "/" + database + url.substr(end);
    }
    std::string::size_type end = query == std::string::npos ? url.size() : query;
    return url.substr(0, slash + 1) + database + url.substr(end);
  }

 private:
  struct Finish {
    void operator()(PGconn* c) const { PQfinish(c); }
  };
  using Connection = std::unique_ptr<PGconn, Finish>;

  static Connection Connect(const std::string& url) {
    Connection c(PQconnectdb(url.c_str()));
    if (!c || PQstatus(c.get()) != CONNECTION_OK) {
      ADD_FAILURE() << "cannot connect to the PostgreSQL test server at " << url << ": "
                    << (c ? PQerrorMessage(c.get()) : "out of memory");
      return nullptr;
    }
    return c;
  }

  static bool Exec(PGconn* c, const std::string& sql) {
    PGresult* r = PQexec(c, sql.c_str());
    bool ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) ADD_FAILURE() << sql << ": " << PQerrorMessage(c);
    PQclear(r);
    return ok;
  }

  // ma_t_<pid>_<counter>_<random>: unique across the test processes that run at once, and
  // across runs (a database left behind by a crashed test does not get in the way).
  static std::string NewName() {
    static std::atomic<unsigned> counter{0};
    std::random_device random;
    char name[64];
    std::snprintf(name, sizeof name, "ma_t_%ld_%u_%08x", static_cast<long>(getpid()),
                  counter.fetch_add(1), static_cast<std::uint32_t>(random()));
    return name;
  }

  std::string server_url_;
  std::string name_;
  std::string url_;
  bool ok_ = false;
};

}  // namespace motiearchief::testing

#endif  // MOTIEARCHIEF_TESTS_ARCHIVE_POSTGRES_TEST_DB_H_
