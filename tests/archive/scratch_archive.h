// The archive one test works on, on either engine: a fresh SQLite file in
// the test's temporary folder, or a fresh database on the PostgreSQL test
// server (postgres_test_db.h). Suites that must hold on both engines take
// the engine as a test parameter, or from MA_TEST_ENGINE (CTest runs such
// binaries once per engine), and never mention it otherwise.
#ifndef MOTIEARCHIEF_TESTS_ARCHIVE_SCRATCH_ARCHIVE_H_
#define MOTIEARCHIEF_TESTS_ARCHIVE_SCRATCH_ARCHIVE_H_

#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "tests/archive/postgres_test_db.h"

namespace motiearchief::testing {

// "sqlite" (default) or "postgresql", from MA_TEST_ENGINE.
inline std::string EngineUnderTest() {
  const char* engine = std::getenv("MA_TEST_ENGINE");
  return engine && std::string(engine) == "postgresql" ? "postgresql" : "sqlite";
}

// `name` in the test's temporary folder, made unique to this process: CTest
// runs a binary once per engine, and the two runs may overlap.
inline std::string ProcessScratchPath(const std::string& name) {
  return ::testing::TempDir() + "p" + std::to_string(getpid()) + "_" + name;
}

class ScratchArchive {
 public:
  // `name` makes the SQLite file name; unique per process.
  explicit ScratchArchive(const std::string& name, const std::string& engine = EngineUnderTest())
      : engine_(engine) {
    if (postgres()) {
      database_ = std::make_unique<TestDatabase>();
      location_ = database_->url();
    } else {
      std::string file = name;  // a parameterised test's name has a '/'
      for (char& c : file) {
        if (c == '/') c = '_';
      }
      location_ = ProcessScratchPath("scratch_" + file + ".db");
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(location_ + suffix);
    }
  }
  ScratchArchive(const ScratchArchive&) = delete;
  ScratchArchive& operator=(const ScratchArchive&) = delete;

  bool postgres() const { return engine_ == "postgresql"; }
  const std::string& engine() const { return engine_; }
  // What --db and Archive::Open take.
  const std::string& location() const { return location_; }

  // The first column of the first row of `sql` as an integer; -1 when it
  // fails.
  int64_t Count(const std::string& sql) const {
    int64_t n = -1;
    if (postgres()) {
      PGconn* c = PQconnectdb(location_.c_str());
      PGresult* r = PQexec(c, sql.c_str());
      if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) {
        n = std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10);
      }
      PQclear(r);
      PQfinish(c);
      return n;
    }
    sqlite3* db = nullptr;
    sqlite3_open_v2(location_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
    if (s && sqlite3_step(s) == SQLITE_ROW) n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
  }

  // Runs `sql` behind the archive's back; the error text, empty when it
  // ran.
  std::string Exec(const std::string& sql) const {
    std::string error;
    if (postgres()) {
      PGconn* c = PQconnectdb(location_.c_str());
      PGresult* r = PQexec(c, sql.c_str());
      if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
        error = PQerrorMessage(c);
        if (error.empty()) error = "failed";
      }
      PQclear(r);
      PQfinish(c);
      return error;
    }
    sqlite3* db = nullptr;
    sqlite3_open_v2(location_.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    char* message = nullptr;
    if (sqlite3_exec(db, ("PRAGMA foreign_keys = ON; " + sql).c_str(), nullptr, nullptr,
                     &message) != SQLITE_OK) {
      error = message ? message : "failed";
    }
    sqlite3_free(message);
    sqlite3_close(db);
    return error;
  }

 private:
  std::string engine_;
  std::string location_;
  std::unique_ptr<TestDatabase> database_;
};

}  // namespace motiearchief::testing

#endif  // MOTIEARCHIEF_TESTS_ARCHIVE_SCRATCH_ARCHIVE_H_
