#include "archive/archive.h"

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "schema/migrations.h"

namespace motiearchief::archive {
namespace {

// A prepared statement; finalized when it goes out of scope.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool prepared() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() const { return stmt_; }
  Stmt& Bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, const std::optional<std::string>& s) {
    if (s) return Bind(i, *s);
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& BindDouble(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Stmt& BindNull(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int col) const {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  std::optional<std::string> OptText(int col) const {
    if (sqlite3_column_type(stmt_, col) == SQLITE_NULL) return std::nullopt;
    return Text(col);
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

Status SqliteError(sqlite3* db, const std::string& what) {
  int code = sqlite3_extended_errcode(db);
  std::string message = what + ": " + sqlite3_errmsg(db);
  // The operating system's reason says what the operator must fix ("No
  // space left on device", "File too large", "Permission denied").
  if ((code & 0xff) == SQLITE_IOERR || (code & 0xff) == SQLITE_FULL ||
      (code & 0xff) == SQLITE_CANTOPEN) {
    int system_errno = sqlite3_system_errno(db);
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

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

FileRow ReadFileRow(const Stmt& s) {
  FileRow f;
  f.id = s.Int(0);
  f.sha256 = s.Text(1);
  f.name = s.Text(2);
  f.path = s.Text(3);
  f.status = s.Text(4);
  f.message = s.Text(5);
  f.page_count = static_cast<int>(s.Int(6));
  f.attempts = static_cast<int>(s.Int(7));
  if (!s.IsNull(8)) f.previous_version_id = s.Int(8);
  f.duration_ms = s.Int(9);
  f.last_attempt = s.Text(10);
  return f;
}

constexpr const char* kFileColumns =
    "id, sha256, name, path, status, message, page_count, attempts, "
    "previous_version_id, duration_ms, last_attempt";

// Rolls back unless committed; keeps StoreFile all-or-nothing on every path.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}
  ~Transaction() {
    if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Status Begin() {
    if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return SqliteError(db_, "begin transaction");
    }
    open_ = true;
    return Status::Ok();
  }
  Status Commit() {
    if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return SqliteError(db_, "commit");
    }
    open_ = false;
    return Status::Ok();
  }

 private:
  sqlite3* db_;
  bool open_ = false;
};

// SQL selecting `column` of the newest preadvies linked to the motion
// `motion_id` (an SQL expression) or to any version of it: the advice a
// motion carries, for loading a record and for filtering by advice alike.
// CROSS JOIN: from the (few) links of this motion, never from all
// preadviezen by soort, which the planner may otherwise pick.
std::string NewestPreadviesOf(const std::string& motion_id, const std::string& column) {
  return "SELECT " + column +
         " FROM link l CROSS JOIN document p ON p.id = l.from_id "
         "WHERE p.soort = 'preadvies' AND (l.motie_id = " +
         motion_id +
         " OR l.motie_id IN (SELECT document_id FROM motie_versie WHERE eerste_versie_id = "
         "(SELECT eerste_versie_id FROM motie_versie WHERE document_id = " +
         motion_id + "))) ORDER BY p.source_file_id DESC, p.seq DESC LIMIT 1";
}

Status InsertSearchFields(sqlite3* db, int64_t doc_no, const SearchFields& f) {
  // An upsert, not INSERT OR REPLACE: a REPLACE deletes without firing the
  // delete trigger, and search_fts would keep the old text.
  Stmt insert(db,
              "INSERT INTO document_search(doc_no, titel, tekst, overwegingen, verzoeken) "
              "VALUES (?,?,?,?,?) ON CONFLICT(doc_no) DO UPDATE SET titel = excluded.titel, "
              "tekst = excluded.tekst, overwegingen = excluded.overwegingen, "
              "verzoeken = excluded.verzoeken");
  insert.Bind(1, doc_no).Bind(2, f.titel).Bind(3, f.tekst).Bind(4, f.overwegingen);
  insert.Bind(5, f.verzoeken);
  if (insert.Step() != SQLITE_DONE) return SqliteError(db, "store search text");
  Stmt done(db, "DELETE FROM search_pending WHERE doc_no = ?");
  done.Bind(1, doc_no);
  if (done.Step() != SQLITE_DONE) return SqliteError(db, "store search text");
  return Status::Ok();
}

// (document id, key) rows, and the empty key for every document named.
Status InsertLinkKeys(sqlite3* db, const std::vector<std::pair<std::string, std::string>>& keys) {
  Stmt insert(db, "INSERT OR IGNORE INTO link_key(key, document_id) VALUES (?, ?)");
  Stmt indexed(db, "DELETE FROM link_key_pending WHERE document_id = ?");
  std::set<std::string> marked;
  auto add = [&](const std::string& key, const std::string& id) -> Status {
    if (key.empty()) {
      indexed.Reset();
      indexed.Bind(1, id);
      if (indexed.Step() != SQLITE_DONE) return SqliteError(db, "store link key of " + id);
    }
    insert.Reset();
    insert.Bind(1, key).Bind(2, id);
    if (insert.Step() != SQLITE_DONE) return SqliteError(db, "store link key of " + id);
    return Status::Ok();
  };
  for (const auto& [id, key] : keys) {
    if (marked.insert(id).second) MA_RETURN_IF_ERROR(add("", id));
    if (!key.empty()) MA_RETURN_IF_ERROR(add(key, id));
  }
  return Status::Ok();
}

Status InsertRunFiles(sqlite3* db, int64_t run_id, const std::vector<RunFileRow>& rows) {
  Stmt insert(db,
              "INSERT OR REPLACE INTO run_file(run_id, seq, path, sha256, status, "
              "message, duration_ms, documents, pages) VALUES (?,?,?,?,?,?,?,?,?)");
  for (const RunFileRow& r : rows) {
    insert.Reset();
    insert.Bind(1, run_id).Bind(2, r.seq).Bind(3, r.path).Bind(4, r.sha256);
    insert.Bind(5, r.status).Bind(6, r.message).Bind(7, r.duration_ms).Bind(8, r.documents);
    insert.Bind(9, r.pages);
    if (insert.Step() != SQLITE_DONE) return SqliteError(db, r.path + ": record run outcome");
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Archive>> Archive::Open(const std::string& path,
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
  std::unique_ptr<Archive> archive(new Archive(db, path));
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  MA_RETURN_IF_ERROR(archive->Exec("PRAGMA foreign_keys = ON"));
  // No memory map: measured slower, as every page a query touches the first
  // time is a page fault (a cold search of 100,000 documents took twice as
  // long). A server asks for a large page cache instead.
  if (options.cache_mib > 0) {
    MA_RETURN_IF_ERROR(archive->Exec(
        ("PRAGMA cache_size = -" + std::to_string(int64_t{options.cache_mib} * 1024)).c_str()));
  }
  // Temporary tables (the keys of DocumentsUnderKeys) stay in memory.
  MA_RETURN_IF_ERROR(archive->Exec("PRAGMA temp_store = MEMORY"));
  if (!options.read_only && !options.inspect) {
    // WAL: readers never block the writer; synchronous=FULL: a committed
    // transaction survives power loss, not only a crash of the process.
    MA_RETURN_IF_ERROR(archive->Exec("PRAGMA journal_mode = WAL"));
    MA_RETURN_IF_ERROR(archive->Exec("PRAGMA synchronous = FULL"));
    MA_RETURN_IF_ERROR(archive->Migrate());
  } else {
    Stmt s(db, "PRAGMA user_version");
    if (!s.prepared() || s.Step() != SQLITE_ROW) {
      return Status::Corruption(path + ": not a Motiearchief archive");
    }
    archive->schema_version_ = static_cast<int>(s.Int(0));
    if (archive->schema_version_ == 0) {
      return Status::Corruption(path + ": empty or not a Motiearchief archive");
    }
  }
  return archive;
}

Archive::~Archive() { sqlite3_close(db_); }

Status Archive::Exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = path_ + ": " + (error ? error : "error");
    sqlite3_free(error);
    int code = sqlite3_extended_errcode(db_) & 0xff;
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
      return Status::Corruption(message);
    }
    return Status::IoError(message);
  }
  return Status::Ok();
}

Status Archive::Migrate() {
  {
    Stmt s(db_, "PRAGMA user_version");
    if (!s.prepared() || s.Step() != SQLITE_ROW) {
      return SqliteError(db_, path_ + ": read schema version");
    }
    schema_version_ = static_cast<int>(s.Int(0));
  }
  const auto& migrations = schema::Migrations();
  if (schema_version_ > static_cast<int>(migrations.size())) {
    return Status::Corruption(path_ + ": archive has schema version " +
                              std::to_string(schema_version_) + ", newer than this program's " +
                              std::to_string(migrations.size()));
  }
  for (const schema::Migration& m : migrations) {
    if (m.version <= schema_version_) continue;
    Transaction tx(db_);
    MA_RETURN_IF_ERROR(tx.Begin());
    if (m.version == 1) {
      MA_RETURN_IF_ERROR(
          Exec("CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER "
               "PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
    }
    std::string sql(m.sql);
    MA_RETURN_IF_ERROR(Exec(sql.c_str()));
    Stmt record(db_,
                "INSERT INTO schema_migration(version, name, applied_at) "
                "VALUES (?, ?, ?)");
    record.Bind(1, m.version).Bind(2, std::string(m.name)).Bind(3, NowIso());
    if (record.Step() != SQLITE_DONE) {
      return SqliteError(db_, path_ + ": record migration");
    }
    std::string set_version = "PRAGMA user_version = " + std::to_string(m.version);
    MA_RETURN_IF_ERROR(Exec(set_version.c_str()));
    MA_RETURN_IF_ERROR(tx.Commit());
    schema_version_ = m.version;
  }
  return Status::Ok();
}

Result<std::optional<FileRow>> Archive::FindFileBySha(const std::string& sha256) {
  std::string sql = std::string("SELECT ") + kFileColumns + " FROM source_file WHERE sha256 = ?";
  Stmt s(db_, sql.c_str());
  s.Bind(1, sha256);
  int rc = s.Step();
  if (rc == SQLITE_ROW) return std::optional<FileRow>(ReadFileRow(s));
  if (rc == SQLITE_DONE) return std::optional<FileRow>();
  return SqliteError(db_, "look up file");
}

Result<std::optional<FileRow>> Archive::LatestFileNamed(const std::string& name) {
  std::string sql = std::string("SELECT ") + kFileColumns +
                    " FROM source_file WHERE name = ? ORDER BY id DESC LIMIT 1";
  Stmt s(db_, sql.c_str());
  s.Bind(1, name);
  int rc = s.Step();
  if (rc == SQLITE_ROW) return std::optional<FileRow>(ReadFileRow(s));
  if (rc == SQLITE_DONE) return std::optional<FileRow>();
  return SqliteError(db_, "look up file by name");
}

Result<std::vector<FileRow>> Archive::FailedFiles() {
  std::string sql = std::string("SELECT ") + kFileColumns +
                    " FROM source_file WHERE status NOT IN ('ok', "
                    "'ok_warnings') ORDER BY last_attempt DESC, id DESC";
  Stmt s(db_, sql.c_str());
  std::vector<FileRow> rows;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) rows.push_back(ReadFileRow(s));
  if (rc != SQLITE_DONE) return SqliteError(db_, "list failed files");
  return rows;
}

Status Archive::StoreFile(const FileIngest& file) {
  Transaction tx(db_);
  MA_RETURN_IF_ERROR(tx.Begin());
  const std::string now = NowIso();
  std::optional<int64_t> previous;
  int attempts = 1;
  {
    auto existing = FindFileBySha(file.sha256);
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) {
      // An earlier failed attempt: its pages and documents go with it.
      attempts = (*existing)->attempts + 1;
      previous = (*existing)->previous_version_id;
      Stmt del(db_, "DELETE FROM source_file WHERE id = ?");
      del.Bind(1, (*existing)->id);
      if (del.Step() != SQLITE_DONE) return SqliteError(db_, "replace failed file");
    } else {
      auto latest = LatestFileNamed(file.name);
      if (!latest.ok()) return latest.status();
      if (latest->has_value()) previous = (*latest)->id;
    }
  }
  nlohmann::json warnings = file.warnings;
  Stmt insert_file(db_,
                   "INSERT INTO source_file(sha256, name, path, size_bytes, "
                   "page_count, status, message, warnings, tool_versions, "
                   "duration_ms, attempts, previous_version_id, first_seen, "
                   "last_attempt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  insert_file.Bind(1, file.sha256).Bind(2, file.name).Bind(3, file.path);
  insert_file.Bind(4, file.size_bytes).Bind(5, static_cast<int>(file.pages.size()));
  insert_file.Bind(6, file.status).Bind(7, file.message).Bind(8, warnings.dump());
  insert_file.Bind(9, file.tool_versions).Bind(10, file.duration_ms);
  insert_file.Bind(11, attempts);
  if (previous)
    insert_file.Bind(12, *previous);
  else
    insert_file.BindNull(12);
  insert_file.Bind(13, now).Bind(14, now);
  if (insert_file.Step() != SQLITE_DONE) return SqliteError(db_, file.path + ": store file");
  const int64_t file_id = sqlite3_last_insert_rowid(db_);

  Stmt insert_page(db_,
                   "INSERT INTO page(source_file_id, page_no, text, method, "
                   "ocr_confidence, engine) VALUES (?,?,?,?,?,?)");
  for (const PageRow& p : file.pages) {
    insert_page.Reset();
    insert_page.Bind(1, file_id).Bind(2, p.number).Bind(3, p.text).Bind(4, p.method);
    insert_page.Bind(6, p.engine);
    if (p.ocr_confidence >= 0)
      insert_page.BindDouble(5, p.ocr_confidence);
    else
      insert_page.BindNull(5);
    if (insert_page.Step() != SQLITE_DONE) {
      return SqliteError(db_, file.path + ": store page " + std::to_string(p.number));
    }
  }

  Stmt insert_doc(db_,
                  "INSERT INTO document(id, source_file_id, seq, soort, titel, "
                  "datum_indiening, vergadering, page_from, page_to, ocr, "
                  "record, tekst) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  Stmt insert_gemeente(db_,
                       "INSERT INTO document_gemeente(document_id, rol, seq, "
                       "gemeente, bekend) VALUES (?,?,?,?,?)");
  Stmt insert_clause(db_,
                     "INSERT INTO clause(document_id, deel, seq, soort, tekst, "
                     "page, rule) VALUES (?,?,?,?,?,?,?)");
  Stmt insert_signatory(db_,
                        "INSERT INTO signatory(document_id, seq, naam, functie, "
                        "gemeente) VALUES (?,?,?,?,?)");
  Stmt insert_provenance(db_,
                         "INSERT INTO provenance(document_id, seq, field, value, "
                         "page, rule) VALUES (?,?,?,?,?,?)");
  int seq = 0;
  for (const schema::Record& r : file.documents) {
    insert_doc.Reset();
    insert_doc.Bind(1, r.id).Bind(2, file_id).Bind(3, seq++).Bind(4, r.soort);
    insert_doc.Bind(5, r.titel).Bind(6, r.datum_indiening).Bind(7, r.vergadering);
    insert_doc.Bind(8, r.bron.pagina_van).Bind(9, r.bron.pagina_tot);
    insert_doc.Bind(10, r.bron.ocr ? 1 : 0);
    // The text is stored once, in its column; the record JSON leaves it out
    // and LoadWhere puts it back.
    nlohmann::ordered_json record = schema::ToJson(r, true);
    record.erase("tekst");
    insert_doc.Bind(11, record.dump()).Bind(12, r.tekst);
    if (insert_doc.Step() != SQLITE_DONE) {
      return SqliteError(db_, file.path + ": store document " + r.id);
    }
    const int64_t doc_no = sqlite3_last_insert_rowid(db_);
    if (seq - 1 < static_cast<int>(file.search.size())) {
      MA_RETURN_IF_ERROR(
          InsertSearchFields(db_, doc_no, file.search[static_cast<size_t>(seq - 1)]));
    } else {
      // Indexed by the next ingest (IndexUnsearchableDocuments).
      Stmt pending(db_, "INSERT OR IGNORE INTO search_pending(doc_no) VALUES (?)");
      pending.Bind(1, doc_no);
      if (pending.Step() != SQLITE_DONE) return SqliteError(db_, file.path + ": store document");
    }
    std::vector<std::string> unknown = r.onbekende_gemeenten;
    auto add_gemeenten = [&](const char* rol, const std::vector<std::string>& names) -> Status {
      int i = 0;
      for (const std::string& name : names) {
        bool known = std::find(unknown.begin(), unknown.end(), name) == unknown.end();
        insert_gemeente.Reset();
        insert_gemeente.Bind(1, r.id).Bind(2, std::string(rol)).Bind(3, i++);
        insert_gemeente.Bind(4, name).Bind(5, known ? 1 : 0);
        if (insert_gemeente.Step() != SQLITE_DONE) {
          return SqliteError(db_, file.path + ": store gemeente of " + r.id);
        }
      }
      return Status::Ok();
    };
    MA_RETURN_IF_ERROR(add_gemeenten("indiener", r.indieners));
    MA_RETURN_IF_ERROR(add_gemeenten("mede_indiener", r.mede_indieners));
    MA_RETURN_IF_ERROR(add_gemeenten("ondersteuner", r.ondersteuners));
    auto add_clauses = [&](const char* deel, const std::vector<schema::Clause>& clauses) -> Status {
      int i = 0;
      for (const schema::Clause& c : clauses) {
        insert_clause.Reset();
        insert_clause.Bind(1, r.id).Bind(2, std::string(deel)).Bind(3, i++);
        insert_clause.Bind(4, c.soort).Bind(5, c.tekst).Bind(6, c.page).Bind(7, c.rule);
        if (insert_clause.Step() != SQLITE_DONE) {
          return SqliteError(db_, file.path + ": store clause of " + r.id);
        }
      }
      return Status::Ok();
    };
    MA_RETURN_IF_ERROR(add_clauses("overweging", r.overwegingen));
    MA_RETURN_IF_ERROR(add_clauses("verzoek", r.verzoeken));
    int i = 0;
    for (const schema::Signatory& s : r.ondertekenaars) {
      insert_signatory.Reset();
      insert_signatory.Bind(1, r.id).Bind(2, i++).Bind(3, s.naam);
      insert_signatory.Bind(4, s.functie).Bind(5, s.gemeente);
      if (insert_signatory.Step() != SQLITE_DONE) {
        return SqliteError(db_, file.path + ": store signatory of " + r.id);
      }
    }
    i = 0;
    for (const schema::Provenance& p : r.herkomst) {
      insert_provenance.Reset();
      insert_provenance.Bind(1, r.id).Bind(2, i++).Bind(3, p.field);
      insert_provenance.Bind(4, p.value).Bind(5, p.page).Bind(6, p.rule);
      if (insert_provenance.Step() != SQLITE_DONE) {
        return SqliteError(db_, file.path + ": store provenance of " + r.id);
      }
    }
  }

  Stmt upsert_link(db_,
                   "INSERT INTO link(from_id, motie_id, score, how) VALUES "
                   "(?,?,?,?) ON CONFLICT(from_id) DO UPDATE SET "
                   "motie_id = excluded.motie_id, score = excluded.score, "
                   "how = excluded.how");
  for (const Link& l : file.links) {
    upsert_link.Reset();
    upsert_link.Bind(1, l.from_id).Bind(2, l.motie_id).BindDouble(3, l.score).Bind(4, l.how);
    if (upsert_link.Step() != SQLITE_DONE) return SqliteError(db_, file.path + ": store link");
  }
  Stmt upsert_version(db_,
                      "INSERT INTO motie_versie(document_id, eerste_versie_id) "
                      "VALUES (?,?) ON CONFLICT(document_id) DO UPDATE SET "
                      "eerste_versie_id = excluded.eerste_versie_id");
  for (const Version& v : file.versions) {
    upsert_version.Reset();
    upsert_version.Bind(1, v.document_id).Bind(2, v.first_version_id);
    if (upsert_version.Step() != SQLITE_DONE) {
      return SqliteError(db_, file.path + ": store version");
    }
  }
  MA_RETURN_IF_ERROR(InsertLinkKeys(db_, file.link_keys));
  if (file.run_id != 0) MA_RETURN_IF_ERROR(InsertRunFiles(db_, file.run_id, file.run_files));
  return tx.Commit();
}

Result<std::vector<schema::Record>> Archive::LoadWhere(const std::string& where,
                                                       const std::vector<std::string>& args) {
  std::string sql =
      "SELECT d.record, d.id, l.motie_id, d.tekst FROM document d "
      "JOIN source_file f ON f.id = d.source_file_id "
      "LEFT JOIN link l ON l.from_id = d.id " +
      where + " ORDER BY d.source_file_id, d.seq";
  Stmt s(db_, sql.c_str());
  if (!s.prepared()) return SqliteError(db_, "load documents");
  for (size_t i = 0; i < args.size(); ++i) s.Bind(static_cast<int>(i + 1), args[i]);
  std::vector<schema::Record> records;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    auto parsed = schema::RecordFromJson(nlohmann::ordered_json::parse(s.Text(0), nullptr, false));
    if (!parsed.ok()) {
      return Status::Corruption("document " + s.Text(1) + ": " + parsed.status().message());
    }
    schema::Record r = std::move(*parsed);
    if (r.soort != schema::kMotie) r.motie = s.OptText(2);
    // Records stored before the text was kept once carry it themselves.
    if (r.tekst.empty()) r.tekst = s.Text(3);
    records.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return SqliteError(db_, "load documents");

  // A motion carries the advice of the newest preadvies linked to it.
  const std::string advice_sql = NewestPreadviesOf("?1", "p.record");
  Stmt advice(db_, advice_sql.c_str());
  for (schema::Record& r : records) {
    if (r.soort != schema::kMotie && r.soort != schema::kAmendement) continue;
    advice.Reset();
    advice.Bind(1, r.id);
    if (advice.Step() == SQLITE_ROW) {
      auto parsed =
          schema::RecordFromJson(nlohmann::ordered_json::parse(advice.Text(0), nullptr, false));
      if (!parsed.ok()) {
        return Status::Corruption("preadvies of " + r.id + ": " + parsed.status().message());
      }
      const schema::Record& p = *parsed;
      if (p.preadvies) {
        schema::Advice a = *p.preadvies;
        a.document = p.id;
        r.preadvies = std::move(a);
      }
    }
  }
  return records;
}

Result<std::vector<schema::Record>> Archive::LoadRecords(const RecordFilter& filter) {
  std::string where = "WHERE 1";
  std::vector<std::string> args;
  if (filter.soort) {
    where += " AND d.soort = ?";
    args.push_back(*filter.soort);
  }
  if (filter.source_sha256) {
    where += " AND f.sha256 = ?";
    args.push_back(*filter.source_sha256);
  }
  return LoadWhere(where, args);
}

Result<std::optional<schema::Record>> Archive::LoadRecord(const std::string& id) {
  auto records = LoadWhere("WHERE d.id = ?", {id});
  if (!records.ok()) return records.status();
  if (records->empty()) return std::optional<schema::Record>();
  return std::optional<schema::Record>(std::move(records->front()));
}

Result<std::vector<Link>> Archive::Links() {
  Stmt s(db_, "SELECT from_id, motie_id, score, how FROM link ORDER BY from_id");
  std::vector<Link> links;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    links.push_back({s.Text(0), s.Text(1), s.Double(2), s.Text(3)});
  }
  if (rc != SQLITE_DONE) return SqliteError(db_, "load links");
  return links;
}

Result<std::vector<Version>> Archive::Versions() {
  Stmt s(db_,
         "SELECT document_id, eerste_versie_id FROM motie_versie ORDER BY "
         "document_id");
  std::vector<Version> versions;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) versions.push_back({s.Text(0), s.Text(1)});
  if (rc != SQLITE_DONE) return SqliteError(db_, "load versions");
  return versions;
}

Result<std::vector<LinkCandidate>> Archive::DocumentsUnderKeys(
    const std::vector<std::string>& keys) {
  // A temporary table of keys joins as an index lookup per key, and takes
  // any number of them (a bundle of thousands of motions has many).
  MA_RETURN_IF_ERROR(Exec("CREATE TEMP TABLE IF NOT EXISTS wanted_key(key TEXT PRIMARY KEY)"));
  MA_RETURN_IF_ERROR(Exec("DELETE FROM wanted_key"));
  {
    Stmt add(db_, "INSERT OR IGNORE INTO wanted_key(key) VALUES (?)");
    for (const std::string& k : keys) {
      if (k.empty()) continue;
      add.Reset();
      add.Bind(1, k);
      if (add.Step() != SQLITE_DONE) return SqliteError(db_, "look up link keys");
    }
  }
  // Only the fields linking reads, taken apart by SQLite's JSON functions:
  // parsing each whole record (provenance and all) cost more than the rest
  // of linking.
  Stmt s(db_,
         "SELECT d.id, d.soort, d.titel, d.vergadering, f.sha256, "
         "json_extract(d.record, '$.indieners'), json_extract(d.record, '$.mede_indieners'), "
         "(SELECT json_group_array(json_extract(c.value, '$.tekst')) "
         " FROM json_each(d.record, '$.verzoeken') c), "
         "json_extract(d.record, '$.preadvies.strekking'), v.eerste_versie_id, "
         "l.from_id IS NOT NULL FROM document d "
         "JOIN source_file f ON f.id = d.source_file_id "
         "LEFT JOIN motie_versie v ON v.document_id = d.id "
         "LEFT JOIN link l ON l.from_id = d.id "
         // CROSS JOIN: from the few wanted keys into the index, never a
         // scan of link_key.
         "WHERE d.id IN (SELECT k.document_id FROM wanted_key w "
         "CROSS JOIN link_key k ON k.key = w.key) "
         "ORDER BY d.source_file_id, d.seq");
  if (!s.prepared()) return SqliteError(db_, "look up link keys");
  auto strings = [](const std::string& json) {
    std::vector<std::string> out;
    auto j = nlohmann::json::parse(json, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& v : j) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
    return out;
  };
  std::vector<LinkCandidate> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    LinkCandidate c;
    schema::Record& r = c.record;
    r.id = s.Text(0);
    r.soort = s.Text(1);
    r.titel = s.OptText(2);
    r.vergadering = s.OptText(3);
    r.bron.sha256 = s.Text(4);
    r.indieners = strings(s.Text(5));
    r.mede_indieners = strings(s.Text(6));
    for (std::string& t : strings(s.Text(7)))
      r.verzoeken.push_back({"verzoekt", std::move(t), 0, ""});
    if (auto strekking = s.OptText(8)) {
      r.preadvies.emplace();
      r.preadvies->strekking = *strekking;
    }
    c.first_version_id = s.OptText(9);
    c.linked = s.Int(10) != 0;
    out.push_back(std::move(c));
  }
  if (rc != SQLITE_DONE) return SqliteError(db_, "look up link keys");
  return out;
}

Result<std::vector<schema::Record>> Archive::DocumentsWithoutLinkKeys(int limit) {
  return LoadWhere("WHERE d.id IN (SELECT document_id FROM link_key_pending LIMIT " +
                       std::to_string(std::max(0, limit)) + ")",
                   {});
}

Status Archive::StoreLinkKeys(const std::vector<std::pair<std::string, std::string>>& keys) {
  Transaction tx(db_);
  MA_RETURN_IF_ERROR(tx.Begin());
  MA_RETURN_IF_ERROR(InsertLinkKeys(db_, keys));
  return tx.Commit();
}

Result<Counts> Archive::Count() {
  Stmt s(db_,
         "SELECT (SELECT count(*) FROM source_file), (SELECT count(*) FROM "
         "source_file WHERE status NOT IN ('ok','ok_warnings')), (SELECT "
         "count(*) FROM page), (SELECT count(*) FROM document)");
  if (s.Step() != SQLITE_ROW) return SqliteError(db_, "count");
  return Counts{s.Int(0), s.Int(1), s.Int(2), s.Int(3)};
}

namespace {

// The advice a document carries: its own (a preadvies), or for a motion
// that of the newest preadvies linked to it or to a version of it, as
// LoadRecord shows it.
std::string AdviceOf() {
  return "CASE WHEN d.soort IN ('motie', 'amendement') THEN (" +
         NewestPreadviesOf("d.id", "json_extract(p.record, '$.preadvies.advies')") +
         ") ELSE json_extract(d.record, '$.preadvies.advies') END";
}

// FROM and WHERE of a search: the documents `q` matches, as `d` (with
// search_fts when there is a match expression).
std::string MatchingDocuments(const SearchRequest& q) {
  std::string sql = q.match.empty() ? " FROM document d WHERE 1"
                                    : " FROM search_fts JOIN document d ON d.doc_no = "
                                      "search_fts.rowid WHERE search_fts MATCH :match";
  if (q.soort) sql += " AND d.soort = :soort";
  if (q.gemeente) {
    sql +=
        " AND EXISTS (SELECT 1 FROM document_gemeente g WHERE g.document_id = d.id "
        "AND g.gemeente = :gemeente)";
  }
  if (q.van) sql += " AND coalesce(d.datum_indiening, d.vergadering) >= :van";
  if (q.tot) sql += " AND coalesce(d.datum_indiening, d.vergadering) <= :tot";
  if (q.vergadering) sql += " AND d.vergadering = :vergadering";
  if (q.advies) sql += " AND (" + AdviceOf() + ") = :advies";
  if (q.orgaan) {
    sql += " AND json_extract(d.record, '$.orgaan') LIKE '%' || :orgaan || '%' ESCAPE '\\'";
  }
  return sql;
}

// Binds the parameters MatchingDocuments wrote.
void BindMatching(Stmt& s, const SearchRequest& q) {
  auto bind = [&](const char* name, const std::optional<std::string>& v) {
    int i = sqlite3_bind_parameter_index(s.get(), name);
    if (i > 0 && v) s.Bind(i, *v);
  };
  if (!q.match.empty()) bind(":match", q.match);
  bind(":soort", q.soort);
  bind(":gemeente", q.gemeente);
  bind(":van", q.van);
  bind(":tot", q.tot);
  bind(":vergadering", q.vergadering);
  bind(":advies", q.advies);
  if (q.orgaan) {
    // LIKE's wildcards in what the user typed are meant literally.
    std::string literal;
    for (char c : *q.orgaan) {
      if (c == '%' || c == '_' || c == '\\') literal += '\\';
      literal += c;
    }
    bind(":orgaan", literal);
  }
}

}  // namespace

Result<Facets> Archive::FacetsOf(const SearchRequest& q, int per_facet) {
  Facets facets;
  // Each facet counts the same matching documents.
  const std::string hits =
      "WITH hits AS (SELECT d.doc_no, d.id, d.soort, d.record, "
      "coalesce(d.datum_indiening, d.vergadering) AS datum, (" +
      AdviceOf() + ") AS advies" + MatchingDocuments(q) + ") ";
  const std::pair<std::vector<FacetCount>*, std::string> queries[] = {
      {&facets.soort, "SELECT soort, count(*) FROM hits GROUP BY 1"},
      {&facets.orgaan,
       "SELECT json_extract(record, '$.orgaan'), count(*) FROM hits "
       "WHERE json_extract(record, '$.orgaan') IS NOT NULL GROUP BY 1"},
      {&facets.jaar,
       "SELECT substr(datum, 1, 4), count(*) FROM hits WHERE datum IS NOT NULL GROUP BY 1"},
      {&facets.advies, "SELECT advies, count(*) FROM hits WHERE advies IS NOT NULL GROUP BY 1"},
      {&facets.indiener,
       "SELECT g.gemeente, count(DISTINCT g.document_id) FROM hits h JOIN document_gemeente g "
       "ON g.document_id = h.id GROUP BY 1"},
  };
  for (const auto& [out, select] : queries) {
    const std::string sql = hits + select + " ORDER BY 2 DESC, 1 LIMIT :per_facet";
    Stmt s(db_, sql.c_str());
    if (!s.prepared()) return SqliteError(db_, "facets");
    BindMatching(s, q);
    s.Bind(sqlite3_bind_parameter_index(s.get(), ":per_facet"), per_facet);
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) out->push_back({s.Text(0), s.Int(1)});
    if (rc != SQLITE_DONE) {
      if ((sqlite3_extended_errcode(db_) & 0xff) == SQLITE_ERROR) {
        return Status::InvalidArgument(std::string("search: ") + sqlite3_errmsg(db_));
      }
      return SqliteError(db_, "facets");
    }
  }
  // Years read best in order.
  std::sort(facets.jaar.begin(), facets.jaar.end(),
            [](const FacetCount& a, const FacetCount& b) { return a.value > b.value; });
  return facets;
}

Result<std::vector<SearchHit>> Archive::Search(const SearchRequest& q) {
  // With a match: the table's own rank (bm25 with the title at 5, migration
  // 0010), which FTS5 sorts itself when asked to ORDER BY it.
  std::string sql = std::string("SELECT d.id, ") + (q.match.empty() ? "0" : "search_fts.rank") +
                    ", d.doc_no, coalesce((SELECT eerste_versie_id FROM motie_versie WHERE "
                    "document_id = d.id), d.id)" +
                    MatchingDocuments(q);
  const bool by_date = q.order == SearchRequest::Order::kDate ||
                       (q.order == SearchRequest::Order::kRank && q.match.empty());
  if (q.order == SearchRequest::Order::kArchive) {
    sql += " ORDER BY d.source_file_id, d.seq";
  } else if (by_date) {
    sql += " ORDER BY coalesce(d.datum_indiening, d.vergadering) DESC, d.doc_no";
  } else {
    sql += " ORDER BY search_fts.rank";
  }
  sql += " LIMIT :limit";
  Stmt s(db_, sql.c_str());
  if (!s.prepared()) return SqliteError(db_, "search");
  BindMatching(s, q);
  // Grouped, the rows are read until `limit` motions are found: the sort
  // has to see every match anyway.
  s.Bind(sqlite3_bind_parameter_index(s.get(), ":limit"),
         q.limit < 0 || q.group_versions ? -1 : q.limit);
  std::vector<std::tuple<std::string, double, int64_t>> found;
  std::set<std::string> groups;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    if (q.group_versions) {
      if (q.limit >= 0 && static_cast<int>(found.size()) >= q.limit) break;
      if (!groups.insert(s.Text(3)).second) continue;
    }
    found.emplace_back(s.Text(0), s.Double(1), s.Int(2));
  }
  if (rc == SQLITE_ROW) rc = SQLITE_DONE;  // stopped early on purpose
  if (rc != SQLITE_DONE) {
    // FTS5 syntax errors surface at the first step.
    if ((sqlite3_extended_errcode(db_) & 0xff) == SQLITE_ERROR) {
      return Status::InvalidArgument(std::string("search: ") + sqlite3_errmsg(db_));
    }
    return SqliteError(db_, "search");
  }
  std::vector<SearchHit> hits;
  Stmt roles(db_,
             "SELECT DISTINCT rol FROM document_gemeente WHERE document_id = ? AND gemeente = ? "
             "ORDER BY rol");
  Stmt pages(
      db_,
      "SELECT p.page_no, p.text, p.method, p.ocr_confidence, p.engine FROM document d JOIN page p "
      "ON p.source_file_id = d.source_file_id AND p.page_no BETWEEN d.page_from AND "
      "d.page_to WHERE d.doc_no = ? ORDER BY p.page_no");
  // Every version of the hit's motion, oldest first (archive order).
  Stmt versions(db_,
                "SELECT v.document_id FROM motie_versie v JOIN document d ON d.id = v.document_id "
                "WHERE v.eerste_versie_id = (SELECT eerste_versie_id FROM motie_versie WHERE "
                "document_id = ?) ORDER BY d.source_file_id, d.seq");
  for (const auto& [id, score, doc_no] : found) {
    auto record = LoadRecord(id);
    if (!record.ok()) return record.status();
    if (!record->has_value()) continue;
    SearchHit hit;
    hit.record = std::move(**record);
    hit.score = score;
    if (q.gemeente) {
      roles.Reset();
      roles.Bind(1, id).Bind(2, *q.gemeente);
      while (roles.Step() == SQLITE_ROW) hit.rollen.push_back(roles.Text(0));
    }
    if (q.group_versions) {
      versions.Reset();
      versions.Bind(1, id);
      while ((rc = versions.Step()) == SQLITE_ROW) hit.versions.push_back(versions.Text(0));
      if (rc != SQLITE_DONE) return SqliteError(db_, "search: load versions");
      if (hit.versions.empty()) hit.versions.push_back(id);
    }
    if (q.with_pages) {
      pages.Reset();
      pages.Bind(1, doc_no);
      while ((rc = pages.Step()) == SQLITE_ROW) {
        hit.pages.push_back({static_cast<int>(pages.Int(0)), pages.Text(1), pages.Text(2),
                             pages.IsNull(3) ? -1 : pages.Double(3), pages.Text(4)});
      }
      if (rc != SQLITE_DONE) return SqliteError(db_, "search: load pages");
    }
    hits.push_back(std::move(hit));
  }
  return hits;
}

Result<std::vector<schema::Record>> Archive::DocumentsWithoutSearchFields(int limit) {
  return LoadWhere("WHERE d.doc_no IN (SELECT doc_no FROM search_pending LIMIT " +
                       std::to_string(std::max(0, limit)) + ")",
                   {});
}

Status Archive::StoreSearchFields(const std::vector<std::pair<std::string, SearchFields>>& by_id) {
  Transaction tx(db_);
  MA_RETURN_IF_ERROR(tx.Begin());
  Stmt doc_no(db_, "SELECT doc_no FROM document WHERE id = ?");
  for (const auto& [id, fields] : by_id) {
    doc_no.Reset();
    doc_no.Bind(1, id);
    if (doc_no.Step() != SQLITE_ROW) continue;
    MA_RETURN_IF_ERROR(InsertSearchFields(db_, doc_no.Int(0), fields));
  }
  return tx.Commit();
}

Result<Archive::Added> Archive::AddHistory(const std::vector<HistoryEntry>& besluiten,
                                           const std::vector<HistoryEntry>& uitvoeringen) {
  Added added;
  Transaction tx(db_);
  MA_RETURN_IF_ERROR(tx.Begin());
  const std::string now = NowIso();
  Stmt known(db_, "SELECT soort FROM document WHERE id = ?");
  auto add = [&](const char* sql, const HistoryEntry& e, bool is_besluit) -> Status {
    known.Reset();
    known.Bind(1, e.document_id);
    if (known.Step() != SQLITE_ROW) {
      return Status::InvalidArgument(e.bron + ": no document with id " + e.document_id);
    }
    Stmt insert(db_, sql);
    insert.Bind(1, e.document_id).Bind(2, e.datum).Bind(3, e.status);
    insert.Bind(4, e.toelichting).Bind(5, e.bron).Bind(6, now);
    if (is_besluit) {
      if (e.stemmen_voor)
        insert.BindDouble(7, *e.stemmen_voor);
      else
        insert.BindNull(7);
    }
    if (insert.Step() == SQLITE_DONE) {
      (is_besluit ? added.besluiten : added.uitvoeringen) += sqlite3_changes(db_);
    } else {
      if ((sqlite3_extended_errcode(db_) & 0xff) == SQLITE_CONSTRAINT) {
        return Status::InvalidArgument(e.bron + ": not allowed: \"" + e.status + "\" (" +
                                       sqlite3_errmsg(db_) + ")");
      }
      return SqliteError(db_, e.bron + ": record history");
    }
    return Status::Ok();
  };
  for (const auto& e : besluiten) {
    MA_RETURN_IF_ERROR(
        add("INSERT INTO besluit(document_id, datum, besluit, toelichting, bron, "
            "recorded_at, stemmen_voor) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE NOT "
            "EXISTS (SELECT 1 FROM besluit WHERE document_id = ?1 AND datum = ?2 "
            "AND besluit = ?3 AND toelichting = ?4 AND stemmen_voor IS ?7)",
            e, true));
  }
  for (const auto& e : uitvoeringen) {
    MA_RETURN_IF_ERROR(
        add("INSERT INTO uitvoering(document_id, datum, status, toelichting, bron, "
            "recorded_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (SELECT 1 "
            "FROM uitvoering WHERE document_id = ?1 AND datum = ?2 AND status = ?3 "
            "AND toelichting = ?4)",
            e, false));
  }
  MA_RETURN_IF_ERROR(tx.Commit());
  return added;
}

Result<MotionHistory> Archive::History(const std::vector<std::string>& document_ids) {
  MotionHistory history;
  auto load = [&](const char* sql, std::vector<HistoryEntry>& out, bool is_besluit) -> Status {
    Stmt s(db_, sql);
    for (const std::string& id : document_ids) {
      s.Reset();
      s.Bind(1, id);
      int rc;
      while ((rc = s.Step()) == SQLITE_ROW) {
        HistoryEntry e;
        e.id = s.Int(0);
        e.document_id = s.Text(1);
        e.datum = s.Text(2);
        e.status = s.Text(3);
        e.toelichting = s.Text(4);
        e.bron = s.Text(5);
        if (is_besluit && !s.IsNull(6)) e.stemmen_voor = s.Double(6);
        out.push_back(std::move(e));
      }
      if (rc != SQLITE_DONE) return SqliteError(db_, "load history");
    }
    std::sort(out.begin(), out.end(), [](const HistoryEntry& a, const HistoryEntry& b) {
      return std::tie(a.datum, a.id) < std::tie(b.datum, b.id);
    });
    return Status::Ok();
  };
  MA_RETURN_IF_ERROR(
      load("SELECT id, document_id, datum, besluit, toelichting, bron, stemmen_voor "
           "FROM besluit WHERE document_id = ?",
           history.besluiten, true));
  MA_RETURN_IF_ERROR(
      load("SELECT id, document_id, datum, status, toelichting, bron, NULL "
           "FROM uitvoering WHERE document_id = ?",
           history.uitvoeringen, false));
  return history;
}

Result<int64_t> Archive::BeginRun(const std::string& arguments, const std::string& tool_versions) {
  Stmt s(db_,
         "INSERT INTO ingest_run(started, arguments, tool_versions) "
         "VALUES (?,?,?)");
  s.Bind(1, NowIso()).Bind(2, arguments).Bind(3, tool_versions);
  if (s.Step() != SQLITE_DONE) return SqliteError(db_, path_ + ": record ingest run");
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

Status Archive::RecordRunFiles(int64_t run_id, const std::vector<RunFileRow>& rows) {
  if (rows.empty()) return Status::Ok();
  Transaction tx(db_);
  MA_RETURN_IF_ERROR(tx.Begin());
  MA_RETURN_IF_ERROR(InsertRunFiles(db_, run_id, rows));
  return tx.Commit();
}

Status Archive::FinishRun(int64_t run_id, const RunCounts& c,
                          const std::vector<RunFileRow>& pending) {
  Transaction tx(db_);
  MA_RETURN_IF_ERROR(tx.Begin());
  MA_RETURN_IF_ERROR(InsertRunFiles(db_, run_id, pending));
  Stmt s(db_,
         "UPDATE ingest_run SET finished = ?, files = ?, stored = ?, unchanged "
         "= ?, "
         "with_warnings = ?, failed = ?, documents_added = ? WHERE id = ?");
  s.Bind(1, NowIso()).Bind(2, c.files).Bind(3, c.stored).Bind(4, c.unchanged);
  s.Bind(5, c.with_warnings).Bind(6, c.failed).Bind(7, c.documents_added).Bind(8, run_id);
  if (s.Step() != SQLITE_DONE) return SqliteError(db_, path_ + ": finish ingest run");
  return tx.Commit();
}

Result<std::optional<RunRow>> Archive::FindRun(int64_t id) {
  Stmt s(db_, id == 0 ? "SELECT id, started, finished, arguments, tool_versions, files, "
                        "stored, "
                        "unchanged, with_warnings, failed, documents_added FROM ingest_run "
                        "WHERE ?1 = 0 ORDER BY id DESC LIMIT 1"
                      : "SELECT id, started, finished, arguments, tool_versions, files, "
                        "stored, "
                        "unchanged, with_warnings, failed, documents_added FROM ingest_run "
                        "WHERE id = ?1");
  s.Bind(1, id);
  int rc = s.Step();
  if (rc == SQLITE_DONE) return std::optional<RunRow>();
  if (rc != SQLITE_ROW) return SqliteError(db_, path_ + ": read ingest run");
  RunRow run;
  run.id = s.Int(0);
  run.started = s.Text(1);
  run.finished = s.OptText(2);
  run.arguments = s.Text(3);
  run.tool_versions = s.Text(4);
  run.counts = {static_cast<int>(s.Int(5)), static_cast<int>(s.Int(6)),
                static_cast<int>(s.Int(7)), static_cast<int>(s.Int(8)),
                static_cast<int>(s.Int(9)), static_cast<int>(s.Int(10))};
  return std::optional<RunRow>(std::move(run));
}

Result<std::vector<RunFileRow>> Archive::RunFiles(int64_t run_id) {
  Stmt s(db_,
         "SELECT seq, path, sha256, status, message, duration_ms, "
         "documents, pages "
         "FROM run_file WHERE run_id = ? ORDER BY seq");
  s.Bind(1, run_id);
  std::vector<RunFileRow> rows;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    rows.push_back({static_cast<int>(s.Int(0)), s.Text(1), s.OptText(2), s.Text(3), s.Text(4),
                    s.Int(5), static_cast<int>(s.Int(6)), static_cast<int>(s.Int(7))});
  }
  if (rc != SQLITE_DONE) return SqliteError(db_, path_ + ": read run files");
  return rows;
}

Result<std::vector<std::string>> Archive::Check() {
  std::vector<std::string> problems;
  // Each query yields rows that are problems; a query that fails to run
  // (a damaged file) is a problem too, not a reason to stop checking.
  auto collect = [&](const char* what, const char* sql, bool ok_row_is_ok) {
    Stmt s(db_, sql);
    if (!s.prepared()) {
      problems.push_back(std::string(what) + ": cannot run: " + sqlite3_errmsg(db_));
      return;
    }
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      std::string row = s.Text(0);
      if (ok_row_is_ok && row == "ok") continue;
      problems.push_back(std::string(what) + ": " + row);
    }
    if (rc != SQLITE_DONE) {
      problems.push_back(std::string(what) + ": " + sqlite3_errmsg(db_));
    }
  };
  collect("integrity_check", "PRAGMA integrity_check", true);
  collect("foreign_key_check",
          "SELECT 'table ' || \"table\" || ' rowid ' || ifnull(rowid, '?') || "
          "' points to a missing row of ' || parent FROM pragma_foreign_key_check",
          false);
  // rank = 1: compare each index with the table it indexes.
  // The search index exists from schema version 4 on; an older archive is
  // migrated by the next ingest, and checked for what it has.
  std::vector<const char*> indexes = {"document_fts"};
  if (schema_version_ >= 4) indexes.push_back("search_fts");
  for (const char* fts : indexes) {
    const std::string sql =
        std::string("INSERT INTO ") + fts + "(" + fts + ", rank) VALUES ('integrity-check', 1)";
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      problems.push_back(std::string(fts) + " integrity-check: " + (error ? error : "failed"));
    }
    sqlite3_free(error);
  }
  if (schema_version_ >= 4) {
    collect("documents not in the search index (the next ingest adds them)",
            "SELECT count(*) FROM document WHERE doc_no NOT IN (SELECT doc_no FROM "
            "document_search) HAVING count(*) > 0",
            false);
  }
  collect("document without source file",
          "SELECT d.id FROM document d LEFT JOIN source_file f ON f.id = "
          "d.source_file_id "
          "WHERE f.id IS NULL",
          false);
  collect("archived file with missing pages",
          "SELECT f.path || ': ' || count(p.page_no) || ' of ' || f.page_count "
          "|| ' pages' "
          "FROM source_file f LEFT JOIN page p ON p.source_file_id = f.id "
          "GROUP BY f.id HAVING count(p.page_no) != f.page_count",
          false);
  collect("failed file with documents",
          "SELECT DISTINCT f.path FROM source_file f JOIN document d ON "
          "d.source_file_id = f.id "
          "WHERE f.status NOT IN ('ok', 'ok_warnings')",
          false);
  collect("document record not JSON", "SELECT id FROM document WHERE NOT json_valid(record)",
          false);
  return problems;
}

Status Archive::BackupTo(const std::string& dest) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dest, ec) && fs::equivalent(dest, path_, ec)) {
    return Status::InvalidArgument(dest + ": is the archive itself");
  }
  const std::string part = dest + ".part";
  fs::remove(part, ec);
  sqlite3* target = nullptr;
  if (sqlite3_open_v2(part.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    Status error = SqliteError(target, part + ": cannot create backup");
    sqlite3_close(target);
    return error;
  }
  // One step copies everything within one read transaction of the source,
  // a consistent snapshot; in WAL mode writers are not blocked meanwhile.
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", db_, "main");
  Status result = Status::Ok();
  if (backup == nullptr) {
    result = SqliteError(target, part + ": cannot start backup");
  } else {
    int rc;
    while ((rc = sqlite3_backup_step(backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      sqlite3_sleep(100);
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) result = SqliteError(target, part + ": backup failed");
  }
  // The copy is a plain rollback-journal database: one self-contained file.
  if (result.ok() && sqlite3_exec(target, "PRAGMA journal_mode = DELETE", nullptr, nullptr,
                                  nullptr) != SQLITE_OK) {
    result = SqliteError(target, part + ": finish backup");
  }
  sqlite3_close(target);
  if (!result.ok()) {
    fs::remove(part, ec);
    return result;
  }
  fs::rename(part, dest, ec);
  if (ec) {
    fs::remove(part, ec);
    return Status::IoError(dest + ": cannot move the backup into place: " + ec.message());
  }
  return Status::Ok();
}

}  // namespace motiearchief::archive
