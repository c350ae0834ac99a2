// The PostgreSQL test fixture itself: every TestDatabase is a database of its own on the
// server CTest started, reachable at its url(), and gone afterwards.
#include "tests/archive/postgres_test_db.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <string>

namespace motiearchief::archive {
namespace {

using motiearchief::testing::TestDatabase;
using motiearchief::testing::TestServerUrl;

// The first value of `sql` on `url`, or "" (with a failure) if that does not work.
std::string Query(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  std::string value;
  if (PQstatus(c) != CONNECTION_OK) {
    ADD_FAILURE() << url << ": " << PQerrorMessage(c);
  } else {
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
      value = PQgetvalue(r, 0, 0);
    } else {
      ADD_FAILURE() << sql << ": " << PQerrorMessage(c);
    }
    PQclear(r);
  }
  PQfinish(c);
  return value;
}

// A fixture in a namespace inside motiearchief still reaches GoogleTest as `testing::`.
class PostgresTestDbTest : public testing::Test {};

// Both variables of the environment arrive (tests/CMakeLists.txt sets them apart).
TEST_F(PostgresTestDbTest, CTestHandsOverTheServerUrl) {
  EXPECT_EQ(TestServerUrl().rfind("postgresql://postgres@/postgres?host=/", 0), 0u)
      << TestServerUrl();
  const char* omp = std::getenv("OMP_THREAD_LIMIT");
  EXPECT_STREQ(omp ? omp : "(unset)", "1");
}

TEST_F(PostgresTestDbTest, TwoDatabasesAreDistinctAndReachable) {
  std::string first_name;
  {
    TestDatabase a;
    TestDatabase b;
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(b.ok());
    EXPECT_NE(a.name(), b.name());
    EXPECT_NE(a.url(), b.url());
    EXPECT_EQ(Query(a.url(), "SELECT 1"), "1");
    EXPECT_EQ(Query(b.url(), "SELECT 1"), "1");
    EXPECT_EQ(Query(a.url(), "SELECT current_database()"), a.name());
    EXPECT_EQ(Query(b.url(), "SELECT current_database()"), b.name());
    EXPECT_EQ(Query(a.url(),
                    "SELECT pg_encoding_to_char(encoding) || ' ' || datcollate "
                    "FROM pg_database WHERE datname = current_database()"),
              "UTF8 C.UTF-8");
    // What one test writes, the other does not see.
    PGconn* c = PQconnectdb(a.url().c_str());
    PQclear(PQexec(c, "CREATE TABLE t (x int)"));
    PQfinish(c);
    EXPECT_EQ(Query(a.url(), "SELECT count(*) FROM pg_tables WHERE tablename = 't'"), "1");
    EXPECT_EQ(Query(b.url(), "SELECT count(*) FROM pg_tables WHERE tablename = 't'"), "0");
    first_name = a.name();
  }
  // Both are dropped, even with a connection still open to neither.
  EXPECT_EQ(Query(TestServerUrl(),
                  "SELECT count(*) FROM pg_database WHERE datname = '" + first_name + "'"),
            "0");
}

TEST_F(PostgresTestDbTest, AnOpenConnectionDoesNotKeepTheDatabase) {
  std::string name;
  PGconn* left_open = nullptr;
  {
    TestDatabase db;
    ASSERT_TRUE(db.ok());
    name = db.name();
    left_open = PQconnectdb(db.url().c_str());
    ASSERT_EQ(PQstatus(left_open), CONNECTION_OK) << PQerrorMessage(left_open);
  }
  PQfinish(left_open);
  EXPECT_EQ(
      Query(TestServerUrl(), "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"),
      "0");
}

TEST(PostgresUrlTest, TheDatabaseNameIsSwapped) {
  EXPECT_EQ(TestDatabase::WithDatabase("postgresql://postgres@/postgres?host=/tmp/x", "d"),
            "postgresql://postgres@/d?host=/tmp/x");
  EXPECT_EQ(TestDatabase::WithDatabase("postgresql://postgres@/?host=/tmp/x", "d"),
            "postgresql://postgres@/d?host=/tmp/x");
  EXPECT_EQ(TestDatabase::WithDatabase("postgresql://postgres@?host=/tmp/x", "d"),
            "postgresql://postgres@/d?host=/tmp/x");
  EXPECT_EQ(TestDatabase::WithDatabase("postgresql://u@h:5/db", "d"), "postgresql://u@h:5/d");
}

}  // namespace
}  // namespace motiearchief::archive
