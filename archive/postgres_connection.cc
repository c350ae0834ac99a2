// The PostgreSQL engine behind an Archive, over libpq: many processes on
// many machines, full text by PostgreSQL's own `dutch` configuration.

#include <libpq-fe.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>

#include "archive/archive.h"
#include "archive/connection.h"
#include "archive/parameters.h"

namespace motiearchief::archive::internal {
namespace {

// Type OIDs of the parameters sent typed (pg_type.h); text goes untyped
// ("unknown"), so PostgreSQL takes the type from where it is used.
constexpr Oid kInt8Oid = 20;
constexpr Oid kFloat8Oid = 701;

// The key of the archive's write lock (transaction-scoped advisory lock):
// "motiearc" in ASCII. File claims use the two-integer form, a separate
// key space.
constexpr int64_t kWriteLockKey = 0x6d6f74696561726c;

std::string WithoutPassword(const std::string& url) {
  // postgresql://user:secret@host/db -> postgresql://user@host/db
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + url.substr(at);
}

// Statements the server keeps parsed for this connection. A statement run a
// second time on a connection is prepared (PQprepare) and run by name from
// then on, so the server parses and analyses it once: ingest runs the same
// inserts for every page and document, serve the same lookups for every
// search. Prepared statements outlive a rolled-back transaction, and the
// server plans them again after the schema changes. Bounded: past
// kMaxPrepared statements (a search builds IN lists of any length) the rest
// run unnamed, as the first run of each does. Behind PgBouncer in
// transaction mode this needs PgBouncer 1.21 or later
// (max_prepared_statements).
class PreparedStatements {
 public:
  explicit PreparedStatements(PGconn* conn) : conn_(conn) {}

  // Runs `sql` (parameters $1..$n of `types`, 0: unknown) with `values`.
  PGresult* Run(const std::string& sql, int n, const Oid* types, const char* const* values) {
    std::string key = sql;
    key.push_back('\0');
    key.append(reinterpret_cast<const char*>(types), static_cast<size_t>(n) * sizeof(Oid));
    auto it = runs_.find(key);
    if (it == runs_.end() && runs_.size() < kMaxKnown) it = runs_.emplace(key, Known{}).first;
    if (it != runs_.end()) {
      Known& known = it->second;
      if (known.name.empty() && ++known.runs >= 2 && prepared_ < kMaxPrepared &&
          PQtransactionStatus(conn_) != PQTRANS_INERROR) {
        const std::string name = "motiearchief_" + std::to_string(prepared_ + 1);
        PGresult* made = PQprepare(conn_, name.c_str(), sql.c_str(), n, types);
        // Failing here is failing the statement: a syntax error shows when
        // it is parsed, prepared or not.
        if (PQresultStatus(made) != PGRES_COMMAND_OK) return made;
        PQclear(made);
        known.name = name;
        ++prepared_;
      }
      if (!known.name.empty()) {
        return PQexecPrepared(conn_, known.name.c_str(), n, values, nullptr, nullptr, 0);
      }
    }
    return PQexecParams(conn_, sql.c_str(), n, types, values, nullptr, nullptr, 0);
  }

 private:
  static constexpr size_t kMaxPrepared = 256;
  static constexpr size_t kMaxKnown = 4096;
  struct Known {
    int runs = 0;
    std::string name;  // empty until prepared
  };
  PGconn* conn_;
  std::unordered_map<std::string, Known> runs_;
  size_t prepared_ = 0;
};

// What the statement run last left: its error, or the rows it changed.
struct LastError {
  std::string message;
  std::string sqlstate;
  bool connection_lost = false;
  int64_t changes = 0;
};

class PostgresStatement : public Statement {
 public:
  // `prepared`: the connection's prepared statements, or nullptr to run unnamed (planned
  // for each run's values, Planning::kPerRun).
  PostgresStatement(PGconn* conn, PreparedStatements* prepared, LastError* error,
                    std::string_view sql)
      : conn_(conn), prepared_(prepared), error_(error), sql_(ToPostgresParameters(sql)) {
    values_.resize(static_cast<size_t>(sql_.parameters));
    types_.assign(static_cast<size_t>(sql_.parameters), 0);
  }
  ~PostgresStatement() override { PQclear(result_); }

  bool prepared() const override { return true; }
  void BindText(int i, std::string_view s) override { Set(i, std::string(s), 0); }
  void BindInt(int i, int64_t v) override { Set(i, std::to_string(v), kInt8Oid); }
  void BindDouble(int i, double v) override {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    Set(i, buf, kFloat8Oid);
  }
  void BindNull(int i) override {
    if (i < 1 || i > sql_.parameters) return;
    values_[static_cast<size_t>(i) - 1].reset();
    types_[static_cast<size_t>(i) - 1] = 0;
  }
  int ParameterIndex(const char* name) const override {
    for (size_t k = 0; k < sql_.names.size(); ++k) {
      if (sql_.names[k] == name) return static_cast<int>(k) + 1;
    }
    return 0;
  }
  StepResult Step() override {
    if (result_ == nullptr) {
      std::vector<const char*> values(values_.size());
      for (size_t k = 0; k < values_.size(); ++k) {
        values[k] = values_[k] ? values_[k]->c_str() : nullptr;
      }
      // Unnamed, a statement is planned for the values it runs with.
      result_ = prepared_ != nullptr
                    ? prepared_->Run(sql_.sql, sql_.parameters, types_.data(), values.data())
                    : PQexecParams(conn_, sql_.sql.c_str(), sql_.parameters, types_.data(),
                                   values.data(), nullptr, nullptr, 0);
      ExecStatusType status = PQresultStatus(result_);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        const char* state = PQresultErrorField(result_, PG_DIAG_SQLSTATE);
        error_->sqlstate = state ? state : "";
        error_->message = PQresultErrorMessage(result_);
        while (!error_->message.empty() && error_->message.back() == '\n') {
          error_->message.pop_back();
        }
        error_->connection_lost = PQstatus(conn_) != CONNECTION_OK;
        failed_ = true;
        return StepResult::kError;
      }
      row_ = -1;
      error_->changes = std::atoll(PQcmdTuples(result_));
    }
    if (failed_) return StepResult::kError;
    ++row_;
    return row_ < PQntuples(result_) ? StepResult::kRow : StepResult::kDone;
  }
  void Reset() override {
    PQclear(result_);
    result_ = nullptr;
    failed_ = false;
    for (auto& v : values_) v.reset();
    types_.assign(types_.size(), 0);
  }
  bool IsNull(int col) const override { return PQgetisnull(result_, row_, col) != 0; }
  std::string Text(int col) const override {
    return std::string(PQgetvalue(result_, row_, col),
                       static_cast<size_t>(PQgetlength(result_, row_, col)));
  }
  int64_t Int(int col) const override {
    const char* v = PQgetvalue(result_, row_, col);
    if (v[0] == 't') return 1;  // a boolean
    if (v[0] == 'f') return 0;
    return std::strtoll(v, nullptr, 10);
  }
  double Double(int col) const override {
    return std::strtod(PQgetvalue(result_, row_, col), nullptr);
  }

 private:
  void Set(int i, std::string v, Oid type) {
    if (i < 1 || i > sql_.parameters) return;
    values_[static_cast<size_t>(i) - 1] = std::move(v);
    types_[static_cast<size_t>(i) - 1] = type;
  }

  PGconn* conn_;
  PreparedStatements* prepared_;
  LastError* error_;
  PostgresSql sql_;
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;
  PGresult* result_ = nullptr;
  bool failed_ = false;
  int row_ = -1;
};

std::string PathArray(const std::string& path) {
  std::string out = "'{";
  for (char c : path) out += c == '.' ? ',' : c;
  return out + "}'";
}

const Dialect kPostgres = {
    "postgresql",
    "JOIN",
    " COLLATE \"C\"",
    "ILIKE",
    true,
    "SELECT ts_headline('motiearchief', u.t, q, "
    "'StartSel=\x02, StopSel=\x03, MaxWords=18, MinWords=8, MaxFragments=1') "
    "FROM unnest(CAST(:texts AS text[])) WITH ORDINALITY AS u(t, n), "
    "to_tsquery('motiearchief', :match) q ORDER BY u.n",
    "(s.tsv <=> to_tsquery('motiearchief', :match))",
    // LATERAL, so that each document's page range is looked up in the page index: as a plain
    // join the range (BETWEEN) defeated the estimates and every page was scanned (105 ms for
    // 20 hits at 100,000 documents).
    "SELECT h.doc_no, p.page_no, p.text, p.method, p.ocr_confidence, p.engine FROM "
    "unnest(CAST(:doc_nos AS bigint[])) AS h(doc_no) CROSS JOIN LATERAL (SELECT p.page_no, "
    "p.text, p.method, p.ocr_confidence, p.engine FROM document d JOIN page p ON "
    "p.source_file_id = d.source_file_id AND p.page_no BETWEEN d.page_from AND d.page_to "
    "WHERE d.doc_no = h.doc_no) p ORDER BY h.doc_no, p.page_no",
    [](const std::string& json, const std::string& path) {
      return "(" + json + " #>> " + PathArray(path) + ")";
    },
    [](const std::string& json, const std::string& path) {
      return "((" + json + " #> " + PathArray(path) + ")::text)";
    },
    [](const std::string& json, const std::string& path) {
      const std::string array = "(" + json + " #> " + PathArray(path) + ")";
      return "(SELECT coalesce(json_agg(c ->> 'tekst'), '[]'::json)::text FROM "
             "jsonb_array_elements(CASE WHEN jsonb_typeof(" +
             array + ") = 'array' THEN " + array + " ELSE '[]'::jsonb END) c)";
    },
};

void IgnoreNotice(void*, const char*) {}

class PostgresConnection : public Connection {
 public:
  PostgresConnection(PGconn* conn, std::string location)
      : conn_(conn), location_(std::move(location)), prepared_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  const Dialect& dialect() const override { return kPostgres; }
  const std::string& location() const override { return location_; }
  std::unique_ptr<Statement> PrepareStatement(std::string_view sql, Planning planning) override {
    return std::make_unique<PostgresStatement>(
        conn_, planning == Planning::kReuse ? &prepared_ : nullptr, &error_, sql);
  }
  Status Exec(std::string_view sql) override {
    PGresult* r = PQexec(conn_, std::string(sql).c_str());
    ExecStatusType status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
      error_.sqlstate = state ? state : "";
      error_.message = PQresultErrorMessage(r);
      while (!error_.message.empty() && error_.message.back() == '\n') error_.message.pop_back();
      error_.connection_lost = PQstatus(conn_) != CONNECTION_OK;
      PQclear(r);
      return Error(location_);
    }
    error_.changes = std::atoll(PQcmdTuples(r));
    PQclear(r);
    return Status::Ok();
  }
  Status Error(const std::string& what) override {
    std::string message = what + ": " + error_.message;
    if (error_.connection_lost || PQstatus(conn_) != CONNECTION_OK) {
      return Status::IoError(message +
                             " (the connection to PostgreSQL is lost; nothing half-stored)");
    }
    // Class 53: insufficient resources (53100: disk full).
    if (error_.sqlstate.starts_with("53")) {
      return Status::IoError(message +
                             " (the server is out of resources; nothing of this file "
                             "was stored)");
    }
    if (error_.sqlstate.starts_with("XX")) return Status::Corruption(message);
    return Status::IoError(message + "; nothing half-stored");
  }
  bool LastErrorIsConstraint() const override { return error_.sqlstate.starts_with("23"); }
  bool LastErrorIsSyntax() const override {
    // 42601 syntax error; 22xxx data exceptions (a malformed tsquery).
    return error_.sqlstate == "42601" || error_.sqlstate.starts_with("22");
  }
  std::string LastErrorMessage() const override { return error_.message; }
  int64_t Changes() override { return error_.changes; }

  Status BeginWrite() override {
    MA_RETURN_IF_ERROR(Exec("BEGIN"));
    // One writer at a time, as on SQLite: linking reads what the archive
    // holds and must still be right when the file's rows commit. Readers
    // (search, export) never wait for it.
    return Exec("SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLockKey) + ")");
  }
  Status Commit() override { return Exec("COMMIT"); }
  bool HasRankIndex() override {
    if (!rank_index_) {
      auto s = Prepare("SELECT to_regclass('document_search_rum') IS NOT NULL");
      rank_index_ = s->Step() == StepResult::kRow && s->Int(0) != 0;
    }
    return *rank_index_;
  }
  Status BeginSnapshot() override {
    return Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
  Status AfterCopy() override {
    for (const char* table_column :
         {"source_file.id", "document.doc_no", "besluit.id", "uitvoering.id", "ingest_run.id"}) {
      std::string tc = table_column;
      const std::string table = tc.substr(0, tc.find('.'));
      const std::string column = tc.substr(tc.find('.') + 1);
      MA_RETURN_IF_ERROR(Exec("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column +
                              "'), coalesce((SELECT max(" + column + ") FROM " + table +
                              "), 0) + 1, false)"));
    }
    return Status::Ok();
  }
  void Rollback() override {
    PGresult* r = PQexec(conn_, "ROLLBACK");
    PQclear(r);
  }

  Result<int> SchemaVersion() override {
    // Two questions: a query naming a table that does not exist fails
    // when it is parsed, whatever a CASE around it says.
    auto exists = Prepare("SELECT to_regclass('schema_migration') IS NOT NULL");
    if (exists->Step() != StepResult::kRow) return Error(location_ + ": read schema version");
    if (exists->Int(0) == 0) return 0;
    auto s = Prepare("SELECT coalesce(max(version), 0) FROM schema_migration");
    if (s->Step() != StepResult::kRow) return Error(location_ + ": read schema version");
    return static_cast<int>(s->Int(0));
  }
  Status SetSchemaVersion(int) override { return Status::Ok(); }  // schema_migration says it
  const std::vector<schema::Migration>& Migrations() const override {
    return schema::PostgresMigrations();
  }

  Result<bool> Claim(const std::string& sha256, bool wait) override {
    // Waiting for a claim is waiting for another worker to read a file,
    // OCR and all: longer than any lock timeout meant for the archive.
    if (wait) MA_RETURN_IF_ERROR(Exec("SET lock_timeout = 0"));
    auto s = Prepare(std::string(
        wait ? "SELECT pg_advisory_lock(CAST(?1 AS INTEGER), CAST(?2 AS INTEGER)) IS NOT NULL"
             : "SELECT pg_try_advisory_lock(CAST(?1 AS INTEGER), CAST(?2 AS INTEGER))"));
    auto [k1, k2] = Keys(sha256);
    s->BindInt(1, k1);
    s->BindInt(2, k2);
    const bool ran = s->Step() == StepResult::kRow;
    const bool claimed = ran && s->Int(0) != 0;
    if (wait) MA_RETURN_IF_ERROR(SetLockTimeout(lock_timeout_ms_));
    if (!ran) return Error("claim file " + sha256);
    return claimed;
  }
  Status SetLockTimeout(int ms) {
    lock_timeout_ms_ = ms;
    return Exec("SET lock_timeout = " + std::to_string(ms));
  }
  Status Release(const std::string& sha256) override {
    auto s = Prepare("SELECT pg_advisory_unlock(CAST(?1 AS INTEGER), CAST(?2 AS INTEGER))");
    auto [k1, k2] = Keys(sha256);
    s->BindInt(1, k1);
    s->BindInt(2, k2);
    if (s->Step() != StepResult::kRow) return Error("release file " + sha256);
    return Status::Ok();
  }

  std::vector<std::string> EngineCheck(int) override {
    // Constraints are enforced by the server and the tsvector is a
    // generated column: nothing can drift apart as it can in SQLite.
    return {};
  }
  Status BackupTo(const std::string&) override {
    return Status::InvalidArgument(
        location_ +
        " is a PostgreSQL archive: back it up with the server's own "
        "tool, e.g.  pg_dump --format=custom --file=motiearchief.dump '" +
        location_ + "'");
  }

 private:
  static std::pair<int64_t, int64_t> Keys(const std::string& sha256) {
    auto part = [&](size_t from) {
      uint32_t v = static_cast<uint32_t>(std::strtoul(sha256.substr(from, 8).c_str(), nullptr, 16));
      return static_cast<int64_t>(static_cast<int32_t>(v));
    };
    return {part(0), part(8)};
  }

  PGconn* conn_;
  std::string location_;
  PreparedStatements prepared_;
  LastError error_;
  int lock_timeout_ms_ = 0;
  std::optional<bool> rank_index_;  // asked once per connection
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgresConnection(const std::string& url,
                                                           const ArchiveOptions& options) {
  const std::string location = WithoutPassword(url);
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    std::string reason = conn ? PQerrorMessage(conn) : "out of memory";
    while (!reason.empty() && reason.back() == '\n') reason.pop_back();
    PQfinish(conn);
    return Status::IoError(location + ": cannot connect to PostgreSQL: " + reason);
  }
  // Stop words dropped from a query are not news to the user.
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  auto connection = std::make_unique<PostgresConnection>(conn, location);
  MA_RETURN_IF_ERROR(
      connection->Exec("SET client_encoding = 'UTF8'; SET client_min_messages = warning"));
  MA_RETURN_IF_ERROR(connection->SetLockTimeout(options.busy_timeout_ms));
  if (options.read_only) {
    MA_RETURN_IF_ERROR(connection->Exec("SET default_transaction_read_only = on"));
  }
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace motiearchief::archive::internal

extern "C" __attribute__((visibility("default")))
const motiearchief::archive::internal::PostgresApi*
motiearchief_postgres_api() {
  static const motiearchief::archive::internal::PostgresApi api{
      &motiearchief::archive::internal::OpenPostgresConnection};
  return &api;
}
