// The SQLite engine behind an Archive: one file, WAL mode, FTS5.

#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "archive/archive.h"
#include "archive/connection.h"

namespace motiearchief::archive::internal {
namespace {

class SqliteStatement : public Statement {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql) {
    rc_ = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  }
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  bool prepared() const override { return rc_ == SQLITE_OK; }
  void BindText(int i, std::string_view s) override {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void BindInt(int i, int64_t v) override { sqlite3_bind_int64(stmt_, i, v); }
  void BindDouble(int i, double v) override { sqlite3_bind_double(stmt_, i, v); }
  void BindNull(int i) override { sqlite3_bind_null(stmt_, i); }
  int ParameterIndex(const char* name) const override {
    return sqlite3_bind_parameter_index(stmt_, name);
  }
  StepResult Step() override {
    if (stmt_ == nullptr) return StepResult::kError;
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return StepResult::kRow;
    if (rc == SQLITE_DONE) return StepResult::kDone;
    return StepResult::kError;
  }
  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  bool IsNull(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const override {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  int64_t Int(int col) const override { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const override { return sqlite3_column_double(stmt_, col); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

std::string JsonPath(const std::string& path) { return "'$." + path + "'"; }

const Dialect kSqlite = {
    "sqlite",
    "CROSS JOIN",
    "",
    "LIKE",
    false,
    nullptr,
    nullptr,
    nullptr,
    [](const std::string& json, const std::string& path) {
      return "json_extract(" + json + ", " + JsonPath(path) + ")";
    },
    [](const std::string& json, const std::string& path) {
      return "json_extract(" + json + ", " + JsonPath(path) + ")";
    },
    [](const std::string& json, const std::string& path) {
      return "(SELECT json_group_array(json_extract(c.value, '$.tekst')) FROM json_each(" + json +
             ", " + JsonPath(path) + ") c)";
    },
};

class SqliteConnection : public Connection {
 public:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteConnection() override { sqlite3_close(db_); }

  const Dialect& dialect() const override { return kSqlite; }
  const std::string& location() const override { return path_; }
  // SQLite plans every run of a statement for its parameters anyway.
  std::unique_ptr<Statement> PrepareStatement(std::string_view sql, Planning) override {
    return std::make_unique<SqliteStatement>(db_, sql);
  }
  Status Exec(std::string_view sql) override {
    std::string text(sql);
    char* error = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = path_ + ": " + (error ? error : "error");
      sqlite3_free(error);
      int code = sqlite3_extended_errcode(db_) & 0xff;
      if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) return Status::Corruption(message);
      return Status::IoError(message);
    }
    return Status::Ok();
  }
  Status Error(const std::string& what) override {
    int code = sqlite3_extended_errcode(db_);
    std::string message = what + ": " + sqlite3_errmsg(db_);
    // The operating system's reason says what the operator must fix ("No
    // space left on device", "File too large", "Permission denied").
    if ((code & 0xff) == SQLITE_IOERR || (code & 0xff) == SQLITE_FULL ||
        (code & 0xff) == SQLITE_CANTOPEN) {
      int system_errno = sqlite3_system_errno(db_);
      if (system_errno != 0) message += std::string(" (") + std::strerror(system_errno) + ")";
    }
    if ((code & 0xff) == SQLITE_FULL) {
      return Status::IoError(message + " (disk full; nothing of this file was stored)");
    }
    if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB) {
      return Status::Corruption(message);
    }
    return Status::IoError(message + "; nothing half-stored");
  }
  bool LastErrorIsConstraint() const override {
    return (sqlite3_extended_errcode(db_) & 0xff) == SQLITE_CONSTRAINT;
  }
  bool LastErrorIsSyntax() const override {
    return (sqlite3_extended_errcode(db_) & 0xff) == SQLITE_ERROR;
  }
  std::string LastErrorMessage() const override { return sqlite3_errmsg(db_); }
  int64_t Changes() override { return sqlite3_changes(db_); }

  Status BeginWrite() override {
    if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return Error("begin transaction");
    }
    return Status::Ok();
  }
  Status Commit() override {
    if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return Error("commit");
    }
    return Status::Ok();
  }
  void Rollback() override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
  Status BeginSnapshot() override { return Exec("BEGIN"); }
  bool HasRankIndex() override { return false; }        // FTS5 orders by its rank (0010)
  Status AfterCopy() override { return Status::Ok(); }  // rowids continue after the largest

  Result<int> SchemaVersion() override {
    SqliteStatement s(db_, "PRAGMA user_version");
    if (!s.prepared() || s.Step() != StepResult::kRow) {
      return Status::Corruption(path_ + ": not a Motiearchief archive (" + sqlite3_errmsg(db_) +
                                ")");
    }
    return static_cast<int>(s.Int(0));
  }
  Status SetSchemaVersion(int version) override {
    return Exec("PRAGMA user_version = " + std::to_string(version));
  }
  const std::vector<schema::Migration>& Migrations() const override {
    return schema::SqliteMigrations();
  }
  // One writer at a time already: a second process storing the same file
  // waits for the first and then finds it stored.
  Result<bool> Claim(const std::string&, bool) override { return true; }
  Status Release(const std::string&) override { return Status::Ok(); }

  std::vector<std::string> EngineCheck(int schema_version) override {
    std::vector<std::string> problems;
    auto collect = [&](const char* what, const char* sql, bool ok_row_is_ok) {
      SqliteStatement s(db_, sql);
      if (!s.prepared()) {
        problems.push_back(std::string(what) + ": cannot run: " + sqlite3_errmsg(db_));
        return;
      }
      StepResult rc;
      while ((rc = s.Step()) == StepResult::kRow) {
        std::string row = s.Text(0);
        if (ok_row_is_ok && row == "ok") continue;
        problems.push_back(std::string(what) + ": " + row);
      }
      if (rc != StepResult::kDone)
        problems.push_back(std::string(what) + ": " + sqlite3_errmsg(db_));
    };
    collect("integrity_check", "PRAGMA integrity_check", true);
    collect("foreign_key_check",
            "SELECT 'table ' || \"table\" || ' rowid ' || ifnull(rowid, '?') || "
            "' points to a missing row of ' || parent FROM pragma_foreign_key_check",
            false);
    // rank = 1: compare each index with the table it indexes. The search
    // index exists from schema version 4 on.
    std::vector<const char*> indexes = {"document_fts"};
    if (schema_version >= 4) indexes.push_back("search_fts");
    for (const char* fts : indexes) {
      const std::string sql =
          std::string("INSERT INTO ") + fts + "(" + fts + ", rank) VALUES ('integrity-check', 1)";
      char* error = nullptr;
      if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        problems.push_back(std::string(fts) + " integrity-check: " + (error ? error : "failed"));
      }
      sqlite3_free(error);
    }
    collect("document record not JSON", "SELECT id FROM document WHERE NOT json_valid(record)",
            false);
    return problems;
  }

  // Copies the archive, online, with SQLite's backup API; see
  // Archive::BackupTo.
  Status BackupTo(const std::string& dest) override {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(dest, ec) && fs::equivalent(dest, path_, ec)) {
      return Status::InvalidArgument(dest + ": is the archive itself");
    }
    const std::string part = dest + ".part";
    fs::remove(part, ec);
    sqlite3* target = nullptr;
    if (sqlite3_open_v2(part.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
      Status error = SqliteConnection(target, part).Error(part + ": cannot create backup");
      return error;  // the temporary connection closed `target`
    }
    SqliteConnection copy(target, part);
    // One step copies everything within one read transaction of the
    // source, a consistent snapshot; in WAL mode writers are not blocked
    // meanwhile.
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", db_, "main");
    Status result = Status::Ok();
    if (backup == nullptr) {
      result = copy.Error(part + ": cannot start backup");
    } else {
      int rc;
      while ((rc = sqlite3_backup_step(backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        sqlite3_sleep(100);
      }
      sqlite3_backup_finish(backup);
      if (rc != SQLITE_DONE) result = copy.Error(part + ": backup failed");
    }
    // The copy is a plain rollback-journal database: one self-contained file.
    if (result.ok()) result = copy.Exec("PRAGMA journal_mode = DELETE");
    if (!result.ok()) {
      fs::remove(part, ec);
      return result;
    }
    copy.Close();
    fs::rename(part, dest, ec);
    if (ec) {
      fs::remove(part, ec);
      return Status::IoError(dest + ": cannot move the backup into place: " + ec.message());
    }
    return Status::Ok();
  }

  void Close() {
    sqlite3_close(db_);
    db_ = nullptr;
  }

 private:
  sqlite3* db_;
  std::string path_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path,
                                               const ArchiveOptions& options) {
  sqlite3* db = nullptr;
  int flags = options.read_only ? SQLITE_OPEN_READONLY
              : options.inspect ? SQLITE_OPEN_READWRITE
                                : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message =
        path + ": cannot open archive: " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return Status::IoError(message);
  }
  auto connection = std::make_unique<SqliteConnection>(db, path);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  MA_RETURN_IF_ERROR(connection->Exec("PRAGMA foreign_keys = ON"));
  // No memory map: measured slower, as every page a query touches the first
  // time is a page fault (a cold search of 100,000 documents took twice as
  // long). A server asks for a large page cache instead.
  if (options.cache_mib > 0) {
    MA_RETURN_IF_ERROR(connection->Exec("PRAGMA cache_size = -" +
                                        std::to_string(int64_t{options.cache_mib} * 1024)));
  }
  // Temporary tables (the keys of DocumentsUnderKeys) stay in memory.
  MA_RETURN_IF_ERROR(connection->Exec("PRAGMA temp_store = MEMORY"));
  if (!options.read_only && !options.inspect) {
    // WAL: readers never block the writer; synchronous=FULL: a committed
    // transaction survives power loss, not only a crash of the process.
    MA_RETURN_IF_ERROR(connection->Exec("PRAGMA journal_mode = WAL"));
    MA_RETURN_IF_ERROR(connection->Exec("PRAGMA synchronous = FULL"));
  }
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace motiearchief::archive::internal
