// The database behind an Archive: one connection to SQLite or PostgreSQL,
// with statements, transactions and the bits of SQL that differ between
// the two (the dialect). Internal to archive/: the Archive class holds the
// SQL both engines share and asks the connection for the rest.
//
// Statements take parameters as `?`, `?N` or `:name`, SQLite's forms; the
// PostgreSQL connection rewrites them to `$N`. Values cross as text,
// 64-bit integers, doubles or NULL.
//
// Contract: a Connection is used from one thread at a time; a Statement
// lives no longer than its Connection. Errors are reported as Status by
// Connection::Error(), which names what failed and keeps the engine's
// reason (disk full, permission denied, a broken connection).
#ifndef MOTIEARCHIEF_ARCHIVE_CONNECTION_H_
#define MOTIEARCHIEF_ARCHIVE_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "schema/migrations.h"

namespace motiearchief::archive {

struct ArchiveOptions;

namespace internal {

enum class StepResult { kRow, kDone, kError };

class Statement {
 public:
  virtual ~Statement() = default;
  // False when the SQL did not compile (SQLite); PostgreSQL reports
  // errors at the first Step.
  virtual bool prepared() const = 0;
  virtual void BindText(int index, std::string_view value) = 0;
  virtual void BindInt(int index, int64_t value) = 0;
  virtual void BindDouble(int index, double value) = 0;
  virtual void BindNull(int index) = 0;
  // The index of `:name`; 0 when the statement has no such parameter.
  virtual int ParameterIndex(const char* name) const = 0;
  // Runs the statement on the first call, then yields its rows.
  virtual StepResult Step() = 0;
  // Ready to run again, bindings cleared.
  virtual void Reset() = 0;
  virtual bool IsNull(int column) const = 0;
  virtual std::string Text(int column) const = 0;
  virtual int64_t Int(int column) const = 0;
  virtual double Double(int column) const = 0;

  // Conveniences over the above.
  Statement& Bind(int i, const std::string& s) {
    BindText(i, s);
    return *this;
  }
  Statement& Bind(int i, const char* s) {
    BindText(i, s);
    return *this;
  }
  Statement& Bind(int i, const std::optional<std::string>& s) {
    if (s) {
      BindText(i, *s);
    } else {
      BindNull(i);
    }
    return *this;
  }
  Statement& Bind(int i, int64_t v) {
    BindInt(i, v);
    return *this;
  }
  Statement& Bind(int i, int v) {
    BindInt(i, v);
    return *this;
  }
  std::optional<std::string> OptText(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Text(column);
  }
};

// The SQL that differs between the engines, as fragments the shared SQL
// is built from.
struct Dialect {
  // "sqlite" or "postgresql", for messages.
  const char* name;
  // A join the planner must take in the written order (SQLite's CROSS
  // JOIN ... ON); PostgreSQL plans joins itself.
  const char* ordered_join;
  // Appended to a text expression in ORDER BY: byte order, as SQLite's
  // default collation sorts.
  const char* binary_collation;
  // A case-insensitive LIKE.
  const char* like_any_case;
  // The engine stems the search text itself (PostgreSQL's `dutch`
  // configuration): the archive gives it the document's own words, and
  // a search its words as typed (SearchRequest::tsquery). Otherwise the
  // application stems both (SearchFields, SearchRequest::match).
  bool indexes_own_text;
  // The engine's excerpts of the texts in the array :texts around what
  // :match matches, one row each in order, matched words marked
  // kHeadlineStart ... kHeadlineStop; nullptr when the engine has none.
  const char* headlines;
  // The score of a match, lower is better, when HasRankIndex(): an
  // expression over `s.tsv` and the query `q` that the index orders by.
  const char* rank_by_index;
  // The pages of the documents whose doc_no are in the array :doc_nos, one statement for
  // them all: doc_no, then the columns of a page (archive.cc, ReadPageRow), ordered by
  // doc_no and page_no. nullptr: a statement per document (SQLite, where a statement is
  // no round trip to a server).
  const char* pages_of_documents;
  // The text of a JSON scalar at `path` ("preadvies.advies") of the JSON
  // expression `json`.
  std::string (*json_text)(const std::string& json, const std::string& path);
  // The JSON text of the value (array, object) at `path` of `json`.
  std::string (*json_value)(const std::string& json, const std::string& path);
  // A JSON array text of the "tekst" member of every element of the
  // array at `path` of `json`.
  std::string (*json_texts)(const std::string& json, const std::string& path);
};

// How a statement that runs many times on one connection is planned.
enum class Planning {
  // As the engine chooses. PostgreSQL: prepared from its second run, it may then be planned
  // once for any parameters (the generic plan), which suits lookups by id and inserts.
  kReuse,
  // For the parameters of each run, for statements whose rows range from none to the whole
  // archive with their parameters: searches. A generic plan assumes 500 matches, and for a
  // search that only excludes words read the whole RUM index (45 s, or the backend killed for
  // 24 GB of memory, at 100,000 documents), where a plan for its words scans the table.
  kPerRun,
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual const Dialect& dialect() const = 0;
  // Where the archive is, for messages: the path, or the URL without its
  // password.
  virtual const std::string& location() const = 0;
  // `sql` ready to bind and run (see Statement).
  std::unique_ptr<Statement> Prepare(std::string_view sql, Planning planning = Planning::kReuse) {
    return PrepareStatement(sql, planning);
  }
  // Runs SQL that may hold several statements, returning no rows.
  virtual Status Exec(std::string_view sql) = 0;
  // The last error as a Status: "<what>: <engine's reason>".
  virtual Status Error(const std::string& what) = 0;
  // The last error was a violated constraint (CHECK, UNIQUE, FOREIGN KEY).
  virtual bool LastErrorIsConstraint() const = 0;
  // The last error was a malformed query (an FTS5 or tsquery expression).
  virtual bool LastErrorIsSyntax() const = 0;
  // The last error text alone, without "what".
  virtual std::string LastErrorMessage() const = 0;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  virtual int64_t Changes() = 0;

  // A write transaction that holds the archive's write lock from its
  // start, so what is read in it is still true at its commit: SQLite's
  // BEGIN IMMEDIATE; on PostgreSQL a transaction-scoped advisory lock.
  virtual Status BeginWrite() = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;

  // Schema version recorded in the database (0: none, a fresh database).
  virtual Result<int> SchemaVersion() = 0;
  // Records `version` inside the migration's transaction.
  virtual Status SetSchemaVersion(int version) = 0;
  // This engine's migrations, in version order.
  virtual const std::vector<schema::Migration>& Migrations() const = 0;

  // A read transaction over one consistent snapshot of the archive
  // (SQLite: BEGIN; PostgreSQL: REPEATABLE READ), ended by Commit.
  virtual Status BeginSnapshot() = 0;
  // After rows were copied in with their own ids: the engine's id
  // counters continue after them (PostgreSQL's identity sequences).
  virtual Status AfterCopy() = 0;

  // The engine has an index that returns search matches best first
  // (PostgreSQL: RUM, migration 0011), to order by `rank_by_index`.
  virtual bool HasRankIndex() = 0;

  // The engine's own checks of the archive (SQLite: integrity_check,
  // foreign keys, the FTS5 indexes); problems found, empty when sound.
  virtual std::vector<std::string> EngineCheck(int schema_version) = 0;
  // A consistent copy of the whole archive at `dest`; see Archive::BackupTo.
  virtual Status BackupTo(const std::string& dest) = 0;

  // Claims a file by content for this connection's ingest worker, until
  // Release or until the connection ends (a killed worker's claims end
  // with it). With `wait`, blocks while another worker holds it; without,
  // returns false at once. SQLite: always true (one writer at a time).
  virtual Result<bool> Claim(const std::string& sha256, bool wait) = 0;
  virtual Status Release(const std::string& sha256) = 0;

 protected:
  // Prepare, as each engine does it.
  virtual std::unique_ptr<Statement> PrepareStatement(std::string_view sql, Planning planning) = 0;
};

// Opens the SQLite file at `path`, or the PostgreSQL database at `url`.
// PostgreSQL lives in a module of its own (libmotiearchief-postgres.so,
// postgres_connection.cc), loaded on the first OpenPostgres: libpq brings
// 19 of the 39 libraries the program would map, half of its start, and an
// archive on SQLite needs none of them. kNotFound when the module cannot
// be loaded.
Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path,
                                               const ArchiveOptions& options);
Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url,
                                                 const ArchiveOptions& options);

// What the PostgreSQL module exports, as motiearchief_postgres_api().
struct PostgresApi {
  Result<std::unique_ptr<Connection>> (*open)(const std::string& url,
                                              const ArchiveOptions& options);
};

// Rolls back unless committed: a write stays all-or-nothing on every path.
class WriteTransaction {
 public:
  explicit WriteTransaction(Connection& c) : c_(c) {}
  ~WriteTransaction() {
    if (open_) c_.Rollback();
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  Status Begin() {
    MA_RETURN_IF_ERROR(c_.BeginWrite());
    open_ = true;
    return Status::Ok();
  }
  Status Commit() {
    MA_RETURN_IF_ERROR(c_.Commit());
    open_ = false;
    return Status::Ok();
  }

 private:
  Connection& c_;
  bool open_ = false;
};

}  // namespace internal
}  // namespace motiearchief::archive

#endif  // MOTIEARCHIEF_ARCHIVE_CONNECTION_H_
