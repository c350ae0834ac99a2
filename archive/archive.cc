#include "archive/archive.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <utility>

#include "archive/connection.h"
#include "schema/migrations.h"

namespace motiearchief::archive {
namespace {

using internal::Connection;
using internal::Planning;
using internal::Statement;
using internal::StepResult;
using internal::WriteTransaction;

constexpr StepResult kRow = StepResult::kRow;
constexpr StepResult kDone = StepResult::kDone;

// A prepared statement; finalized when it goes out of scope.
class Stmt {
 public:
  Stmt(Connection& c, const std::string& sql, Planning planning = Planning::kReuse)
      : s_(c.Prepare(sql, planning)) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool prepared() const { return s_->prepared(); }
  Stmt& Bind(int i, const std::string& v) {
    s_->Bind(i, v);
    return *this;
  }
  Stmt& Bind(int i, const std::optional<std::string>& v) {
    s_->Bind(i, v);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    s_->BindInt(i, v);
    return *this;
  }
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& BindDouble(int i, double v) {
    s_->BindDouble(i, v);
    return *this;
  }
  Stmt& BindNull(int i) {
    s_->BindNull(i);
    return *this;
  }
  int ParameterIndex(const char* name) const { return s_->ParameterIndex(name); }
  StepResult Step() { return s_->Step(); }
  void Reset() { s_->Reset(); }
  std::string Text(int col) const { return s_->Text(col); }
  std::optional<std::string> OptText(int col) const { return s_->OptText(col); }
  int64_t Int(int col) const { return s_->Int(col); }
  double Double(int col) const { return s_->Double(col); }
  bool IsNull(int col) const { return s_->IsNull(col); }

 private:
  std::unique_ptr<Statement> s_;
};

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

// A document's pages: the columns ReadPageRow reads, and the join from a
// document to them.
constexpr const char* kDocumentPages =
    "SELECT p.page_no, p.text, p.method, p.ocr_confidence, p.engine FROM document d JOIN page p "
    "ON p.source_file_id = d.source_file_id AND p.page_no BETWEEN d.page_from AND d.page_to ";

// The page in the row `s` is at, its columns from `first` on.
PageRow ReadPageRow(Stmt& s, int first = 0) {
  return {static_cast<int>(s.Int(first)), s.Text(first + 1), s.Text(first + 2),
          s.IsNull(first + 3) ? -1 : s.Double(first + 3), s.Text(first + 4)};
}

constexpr const char* kFileColumns =
    "id, sha256, name, path, status, message, page_count, attempts, "
    "previous_version_id, duration_ms, last_attempt";

Status InsertSearchFields(Connection& db, int64_t doc_no, const SearchFields& f) {
  // An upsert, not INSERT OR REPLACE: a REPLACE deletes without firing the
  // delete trigger, and search_fts would keep the old text.
  Stmt insert(db,
              "INSERT INTO document_search(doc_no, titel, tekst, overwegingen, verzoeken) "
              "VALUES (?,?,?,?,?) ON CONFLICT(doc_no) DO UPDATE SET titel = excluded.titel, "
              "tekst = excluded.tekst, overwegingen = excluded.overwegingen, "
              "verzoeken = excluded.verzoeken");
  insert.Bind(1, doc_no).Bind(2, f.titel).Bind(3, f.tekst).Bind(4, f.overwegingen);
  insert.Bind(5, f.verzoeken);
  if (insert.Step() != kDone) return db.Error("store search text");
  Stmt done(db, "DELETE FROM search_pending WHERE doc_no = ?");
  done.Bind(1, doc_no);
  if (done.Step() != kDone) return db.Error("store search text");
  return Status::Ok();
}

// The text a document is found by, unstemmed, for an engine that stems it
// itself (PostgreSQL's `dutch` configuration).
SearchFields OwnSearchText(const schema::Record& r) {
  SearchFields f;
  f.titel = r.titel.value_or("");
  f.tekst = r.tekst;
  for (const auto& c : r.overwegingen) f.overwegingen += c.tekst + "\n";
  for (const auto& c : r.verzoeken) f.verzoeken += c.tekst + "\n";
  return f;
}

// (document id, key) rows, and the empty key for every document named.
Status InsertLinkKeys(Connection& db,
                      const std::vector<std::pair<std::string, std::string>>& keys) {
  Stmt insert(db, "INSERT INTO link_key(key, document_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
  Stmt indexed(db, "DELETE FROM link_key_pending WHERE document_id = ?");
  std::set<std::string> marked;
  auto add = [&](const std::string& key, const std::string& id) -> Status {
    if (key.empty()) {
      indexed.Reset();
      indexed.Bind(1, id);
      if (indexed.Step() != kDone) return db.Error("store link key of " + id);
    }
    insert.Reset();
    insert.Bind(1, key).Bind(2, id);
    if (insert.Step() != kDone) return db.Error("store link key of " + id);
    return Status::Ok();
  };
  for (const auto& [id, key] : keys) {
    if (marked.insert(id).second) MA_RETURN_IF_ERROR(add("", id));
    if (!key.empty()) MA_RETURN_IF_ERROR(add(key, id));
  }
  return Status::Ok();
}

Status InsertRunFiles(Connection& db, int64_t run_id, const std::vector<RunFileRow>& rows) {
  Stmt insert(db,
              "INSERT INTO run_file(run_id, seq, path, sha256, status, "
              "message, duration_ms, documents, pages) VALUES (?,?,?,?,?,?,?,?,?) "
              "ON CONFLICT(run_id, seq) DO UPDATE SET path = excluded.path, "
              "sha256 = excluded.sha256, status = excluded.status, message = excluded.message, "
              "duration_ms = excluded.duration_ms, documents = excluded.documents, "
              "pages = excluded.pages");
  for (const RunFileRow& r : rows) {
    insert.Reset();
    insert.Bind(1, run_id).Bind(2, r.seq).Bind(3, r.path).Bind(4, r.sha256);
    insert.Bind(5, r.status).Bind(6, r.message).Bind(7, r.duration_ms).Bind(8, r.documents);
    insert.Bind(9, r.pages);
    if (insert.Step() != kDone) return db.Error(r.path + ": record run outcome");
  }
  return Status::Ok();
}

}  // namespace

bool IsPostgresUrl(const std::string& location) {
  // "postgresql:" also covers "postgresql://"; libpq takes both schemes.
  return location.starts_with("postgresql:") || location.starts_with("postgres:");
}

Result<std::unique_ptr<Archive>> Archive::Open(const std::string& location,
                                               const ArchiveOptions& options) {
  Result<std::unique_ptr<Connection>> connection =
      IsPostgresUrl(location) ? internal::OpenPostgres(location, options)
      : location.starts_with("sqlite:")
          ? internal::OpenSqlite(location.substr(std::string_view("sqlite:").size()), options)
          : internal::OpenSqlite(location, options);
  if (!connection.ok()) return connection.status();
  std::unique_ptr<Archive> archive(new Archive(std::move(*connection)));
  if (!options.read_only && !options.inspect) {
    MA_RETURN_IF_ERROR(archive->Migrate());
  } else {
    auto version = archive->conn_->SchemaVersion();
    if (!version.ok()) return version.status();
    archive->schema_version_ = *version;
    if (archive->schema_version_ == 0) {
      return Status::Corruption(archive->location() + ": empty or not a Motiearchief archive");
    }
    // A reader of an archive from an older version of this program (the
    // first search after an upgrade) brings it up to date first, as any
    // writer would, then reads it as it is now.
    const int latest = archive->latest_schema_version();
    if (!options.inspect && archive->schema_version_ < latest) {
      ArchiveOptions writer = options;
      writer.read_only = false;
      auto upgraded = Open(location, writer);
      if (!upgraded.ok()) {
        return Status::Error(upgraded.status().code(),
                             archive->location() + " has schema version " +
                                 std::to_string(archive->schema_version_) +
                                 ", this program reads " + std::to_string(latest) +
                                 ", and could not upgrade it: " + upgraded.status().message());
      }
      upgraded->reset();
      return Open(location, options);
    }
  }
  return archive;
}

Archive::Archive(std::unique_ptr<internal::Connection> connection) : conn_(std::move(connection)) {}

Archive::~Archive() = default;

const std::string& Archive::location() const { return conn_->location(); }

const char* Archive::engine() const { return conn_->dialect().name; }

int Archive::latest_schema_version() const { return static_cast<int>(conn_->Migrations().size()); }

Status Archive::Migrate() {
  const auto& migrations = conn_->Migrations();
  // Every pending migration in one write transaction, the version read
  // inside it: an archive is at one version or the next, never between
  // (a process killed while creating a fresh archive leaves no schema, not
  // half of one that newer code cannot read), and two processes opening a
  // fresh archive at once migrate it once.
  WriteTransaction tx(*conn_);
  MA_RETURN_IF_ERROR(tx.Begin());
  auto version = conn_->SchemaVersion();
  if (!version.ok()) return version.status();
  schema_version_ = *version;
  if (schema_version_ > static_cast<int>(migrations.size())) {
    return Status::Corruption(location() + ": archive has schema version " +
                              std::to_string(schema_version_) + ", newer than this program's " +
                              std::to_string(migrations.size()));
  }
  if (schema_version_ == static_cast<int>(migrations.size())) return Status::Ok();
  for (const schema::Migration& m : migrations) {
    if (m.version <= schema_version_) continue;
    if (m.version == 1) {
      MA_RETURN_IF_ERROR(
          conn_->Exec("CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER "
                      "PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
    }
    MA_RETURN_IF_ERROR(conn_->Exec(m.sql));
    Stmt record(*conn_,
                "INSERT INTO schema_migration(version, name, applied_at) "
                "VALUES (?, ?, ?)");
    record.Bind(1, m.version).Bind(2, std::string(m.name)).Bind(3, NowIso());
    if (record.Step() != kDone) {
      return conn_->Error(location() + ": record migration " + std::string(m.name));
    }
    MA_RETURN_IF_ERROR(conn_->SetSchemaVersion(m.version));
  }
  MA_RETURN_IF_ERROR(tx.Commit());
  schema_version_ = static_cast<int>(migrations.size());
  return Status::Ok();
}

Result<bool> Archive::Claim(const std::string& sha256, bool wait) {
  return conn_->Claim(sha256, wait);
}

Status Archive::Release(const std::string& sha256) { return conn_->Release(sha256); }

Result<std::optional<FileRow>> Archive::FindFileBySha(const std::string& sha256) {
  std::string sql = std::string("SELECT ") + kFileColumns + " FROM source_file WHERE sha256 = ?";
  Stmt s(*conn_, sql.c_str());
  s.Bind(1, sha256);
  StepResult rc = s.Step();
  if (rc == kRow) return std::optional<FileRow>(ReadFileRow(s));
  if (rc == kDone) return std::optional<FileRow>();
  return conn_->Error("look up file");
}

Result<std::optional<FileRow>> Archive::LatestFileNamed(const std::string& name) {
  std::string sql = std::string("SELECT ") + kFileColumns +
                    " FROM source_file WHERE name = ? ORDER BY id DESC LIMIT 1";
  Stmt s(*conn_, sql.c_str());
  s.Bind(1, name);
  StepResult rc = s.Step();
  if (rc == kRow) return std::optional<FileRow>(ReadFileRow(s));
  if (rc == kDone) return std::optional<FileRow>();
  return conn_->Error("look up file by name");
}

Result<std::vector<FileRow>> Archive::FailedFiles() {
  std::string sql = std::string("SELECT ") + kFileColumns +
                    " FROM source_file WHERE status NOT IN ('ok', "
                    "'ok_warnings') ORDER BY last_attempt DESC, id DESC";
  Stmt s(*conn_, sql.c_str());
  std::vector<FileRow> rows;
  StepResult rc;
  while ((rc = s.Step()) == kRow) rows.push_back(ReadFileRow(s));
  if (rc != kDone) return conn_->Error("list failed files");
  return rows;
}

Result<bool> Archive::StoreFile(FileIngest file, const Linker& link) {
  WriteTransaction tx(*conn_);
  MA_RETURN_IF_ERROR(tx.Begin());
  const std::string now = NowIso();
  std::optional<int64_t> previous;
  int attempts = 1;
  {
    auto existing = FindFileBySha(file.sha256);
    if (!existing.ok()) return existing.status();
    // Stored meanwhile by another process: nothing to add.
    if (existing->has_value() && (*existing)->ok()) return false;
    if (existing->has_value()) {
      // An earlier failed attempt: its pages and documents go with it.
      attempts = (*existing)->attempts + 1;
      previous = (*existing)->previous_version_id;
      Stmt del(*conn_, "DELETE FROM source_file WHERE id = ?");
      del.Bind(1, (*existing)->id);
      if (del.Step() != kDone) return conn_->Error("replace failed file");
    } else {
      auto latest = LatestFileNamed(file.name);
      if (!latest.ok()) return latest.status();
      if (latest->has_value()) previous = (*latest)->id;
    }
  }
  // Linking inside the write transaction sees every committed document,
  // and no other writer can commit one before this file's rows are in.
  if (link) MA_RETURN_IF_ERROR(link(file));
  nlohmann::json warnings = file.warnings;
  Stmt insert_file(*conn_,
                   "INSERT INTO source_file(sha256, name, path, size_bytes, "
                   "page_count, status, message, warnings, tool_versions, "
                   "duration_ms, attempts, previous_version_id, first_seen, "
                   "last_attempt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
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
  if (insert_file.Step() != kRow) return conn_->Error(file.path + ": store file");
  const int64_t file_id = insert_file.Int(0);
  insert_file.Reset();

  Stmt insert_page(*conn_,
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
    if (insert_page.Step() != kDone) {
      return conn_->Error(file.path + ": store page " + std::to_string(p.number));
    }
  }

  Stmt insert_doc(*conn_,
                  "INSERT INTO document(id, source_file_id, seq, soort, titel, "
                  "datum_indiening, vergadering, page_from, page_to, ocr, "
                  "record, tekst) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING doc_no");
  Stmt insert_gemeente(*conn_,
                       "INSERT INTO document_gemeente(document_id, rol, seq, "
                       "gemeente, bekend) VALUES (?,?,?,?,?)");
  Stmt insert_clause(*conn_,
                     "INSERT INTO clause(document_id, deel, seq, soort, tekst, "
                     "page, rule) VALUES (?,?,?,?,?,?,?)");
  Stmt insert_signatory(*conn_,
                        "INSERT INTO signatory(document_id, seq, naam, functie, "
                        "gemeente) VALUES (?,?,?,?,?)");
  Stmt insert_provenance(*conn_,
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
    if (insert_doc.Step() != kRow) {
      return conn_->Error(file.path + ": store document " + r.id);
    }
    const int64_t doc_no = insert_doc.Int(0);
    insert_doc.Reset();
    if (conn_->dialect().indexes_own_text) {
      MA_RETURN_IF_ERROR(InsertSearchFields(*conn_, doc_no, OwnSearchText(r)));
    } else if (seq - 1 < static_cast<int>(file.search.size())) {
      MA_RETURN_IF_ERROR(
          InsertSearchFields(*conn_, doc_no, file.search[static_cast<size_t>(seq - 1)]));
    } else {
      // Indexed by the next ingest (IndexUnsearchableDocuments).
      Stmt pending(*conn_, "INSERT INTO search_pending(doc_no) VALUES (?) ON CONFLICT DO NOTHING");
      pending.Bind(1, doc_no);
      if (pending.Step() != kDone) return conn_->Error(file.path + ": store document");
    }
    std::vector<std::string> unknown = r.onbekende_gemeenten;
    auto add_gemeenten = [&](const char* rol, const std::vector<std::string>& names) -> Status {
      int i = 0;
      for (const std::string& name : names) {
        bool known = std::find(unknown.begin(), unknown.end(), name) == unknown.end();
        insert_gemeente.Reset();
        insert_gemeente.Bind(1, r.id).Bind(2, std::string(rol)).Bind(3, i++);
        insert_gemeente.Bind(4, name).Bind(5, known ? 1 : 0);
        if (insert_gemeente.Step() != kDone) {
          return conn_->Error(file.path + ": store gemeente of " + r.id);
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
        if (insert_clause.Step() != kDone) {
          return conn_->Error(file.path + ": store clause of " + r.id);
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
      if (insert_signatory.Step() != kDone) {
        return conn_->Error(file.path + ": store signatory of " + r.id);
      }
    }
    i = 0;
    for (const schema::Provenance& p : r.herkomst) {
      insert_provenance.Reset();
      insert_provenance.Bind(1, r.id).Bind(2, i++).Bind(3, p.field);
      insert_provenance.Bind(4, p.value).Bind(5, p.page).Bind(6, p.rule);
      if (insert_provenance.Step() != kDone) {
        return conn_->Error(file.path + ": store provenance of " + r.id);
      }
    }
  }

  Stmt upsert_link(*conn_,
                   "INSERT INTO link(from_id, motie_id, score, how) VALUES "
                   "(?,?,?,?) ON CONFLICT(from_id) DO UPDATE SET "
                   "motie_id = excluded.motie_id, score = excluded.score, "
                   "how = excluded.how");
  for (const Link& l : file.links) {
    upsert_link.Reset();
    upsert_link.Bind(1, l.from_id).Bind(2, l.motie_id).BindDouble(3, l.score).Bind(4, l.how);
    if (upsert_link.Step() != kDone) return conn_->Error(file.path + ": store link");
  }
  Stmt upsert_version(*conn_,
                      "INSERT INTO motie_versie(document_id, eerste_versie_id) "
                      "VALUES (?,?) ON CONFLICT(document_id) DO UPDATE SET "
                      "eerste_versie_id = excluded.eerste_versie_id");
  for (const Version& v : file.versions) {
    upsert_version.Reset();
    upsert_version.Bind(1, v.document_id).Bind(2, v.first_version_id);
    if (upsert_version.Step() != kDone) {
      return conn_->Error(file.path + ": store version");
    }
  }
  Stmt upsert_advice(*conn_,
                     "INSERT INTO document_advies(document_id, preadvies_id) VALUES (?,?) "
                     "ON CONFLICT(document_id) DO UPDATE SET preadvies_id = excluded.preadvies_id");
  for (const AdviceSource& a : file.advice) {
    upsert_advice.Reset();
    upsert_advice.Bind(1, a.document_id).Bind(2, a.preadvies_id);
    if (upsert_advice.Step() != kDone) return conn_->Error(file.path + ": store advice");
  }
  MA_RETURN_IF_ERROR(InsertLinkKeys(*conn_, file.link_keys));
  if (file.run_id != 0) MA_RETURN_IF_ERROR(InsertRunFiles(*conn_, file.run_id, file.run_files));
  MA_RETURN_IF_ERROR(tx.Commit());
  return true;
}

Result<std::vector<schema::Record>> Archive::LoadWhere(const std::string& where,
                                                       const std::vector<std::string>& args) {
  std::string sql =
      "SELECT d.record, d.id, l.motie_id, d.tekst FROM document d "
      "JOIN source_file f ON f.id = d.source_file_id "
      "LEFT JOIN link l ON l.from_id = d.id " +
      where + " ORDER BY d.source_file_id, d.seq";
  Stmt s(*conn_, sql.c_str());
  if (!s.prepared()) return conn_->Error("load documents");
  for (size_t i = 0; i < args.size(); ++i) s.Bind(static_cast<int>(i + 1), args[i]);
  std::vector<schema::Record> records;
  StepResult rc;
  while ((rc = s.Step()) == kRow) {
    auto parsed = schema::RecordFromJson(nlohmann::ordered_json::parse(s.Text(0), nullptr, false));
    if (!parsed.ok()) {
      return Status::Corruption("document " + s.Text(1) + ": " + parsed.status().message());
    }
    schema::Record r = std::move(*parsed);
    // `motie` is the link ingest stored (a preadvies's motion), if any.
    r.motie = s.OptText(2);
    // Records stored before the text was kept once carry it themselves.
    if (r.tekst.empty()) r.tekst = s.Text(3);
    records.push_back(std::move(r));
  }
  if (rc != kDone) return conn_->Error("load documents");

  // The advice a document carries, from the document ingest chose for it.
  Stmt advice(*conn_,
              "SELECT p.id, p.record FROM document_advies a JOIN document p ON p.id = "
              "a.preadvies_id WHERE a.document_id = ?");
  for (schema::Record& r : records) {
    advice.Reset();
    advice.Bind(1, r.id);
    const StepResult found = advice.Step();
    if (found == kRow && advice.Text(0) != r.id) {
      auto parsed =
          schema::RecordFromJson(nlohmann::ordered_json::parse(advice.Text(1), nullptr, false));
      if (!parsed.ok()) {
        return Status::Corruption("preadvies of " + r.id + ": " + parsed.status().message());
      }
      const schema::Record& p = *parsed;
      if (p.preadvies) {
        schema::Advice a = *p.preadvies;
        a.document = p.id;
        r.preadvies = std::move(a);
      }
    } else if (found != kRow && found != kDone) {
      return conn_->Error("load advice of " + r.id);
    }
  }
  return records;
}

Result<std::vector<schema::Record>> Archive::LoadRecords(const RecordFilter& filter) {
  std::string where = "WHERE TRUE";
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
  Stmt s(*conn_, "SELECT from_id, motie_id, score, how FROM link ORDER BY from_id" +
                     std::string(conn_->dialect().binary_collation));
  std::vector<Link> links;
  StepResult rc;
  while ((rc = s.Step()) == kRow) {
    links.push_back({s.Text(0), s.Text(1), s.Double(2), s.Text(3)});
  }
  if (rc != kDone) return conn_->Error("load links");
  return links;
}

Result<std::vector<Version>> Archive::Versions() {
  Stmt s(*conn_,
         "SELECT document_id, eerste_versie_id FROM motie_versie ORDER BY "
         "document_id");
  std::vector<Version> versions;
  StepResult rc;
  while ((rc = s.Step()) == kRow) versions.push_back({s.Text(0), s.Text(1)});
  if (rc != kDone) return conn_->Error("load versions");
  return versions;
}

Result<std::vector<std::string>> Archive::VersionsOf(const std::string& document_id) {
  Stmt s(*conn_,
         "SELECT v.document_id FROM motie_versie w JOIN motie_versie v ON "
         "v.eerste_versie_id = w.eerste_versie_id JOIN document d ON d.id = v.document_id "
         "WHERE w.document_id = ? ORDER BY d.source_file_id, d.seq");
  s.Bind(1, document_id);
  std::vector<std::string> ids;
  StepResult rc;
  while ((rc = s.Step()) == kRow) ids.push_back(s.Text(0));
  if (rc != kDone) return conn_->Error("load versions of " + document_id);
  if (ids.empty()) {
    Stmt known(*conn_, "SELECT 1 FROM document WHERE id = ?");
    known.Bind(1, document_id);
    if ((rc = known.Step()) == kRow) ids.push_back(document_id);
    if (rc != kRow && rc != kDone) return conn_->Error("load versions of " + document_id);
  }
  return ids;
}

Result<std::vector<PageRow>> Archive::PagesOf(const std::string& document_id) {
  Stmt s(*conn_, std::string(kDocumentPages) + "WHERE d.id = ? ORDER BY p.page_no");
  s.Bind(1, document_id);
  std::vector<PageRow> pages;
  StepResult rc;
  while ((rc = s.Step()) == kRow) pages.push_back(ReadPageRow(s));
  if (rc != kDone) return conn_->Error("load pages of " + document_id);
  return pages;
}

Result<std::vector<LinkCandidate>> Archive::DocumentsUnderKeys(
    const std::vector<std::string>& keys) {
  // A temporary table of keys joins as an index lookup per key, and takes
  // any number of them (a bundle of thousands of motions has many).
  MA_RETURN_IF_ERROR(
      conn_->Exec("CREATE TEMP TABLE IF NOT EXISTS wanted_key(key TEXT PRIMARY KEY)"));
  MA_RETURN_IF_ERROR(conn_->Exec("DELETE FROM wanted_key"));
  {
    Stmt add(*conn_, "INSERT INTO wanted_key(key) VALUES (?) ON CONFLICT DO NOTHING");
    for (const std::string& k : keys) {
      if (k.empty()) continue;
      add.Reset();
      add.Bind(1, k);
      if (add.Step() != kDone) return conn_->Error("look up link keys");
    }
  }
  // Only the fields linking reads, taken apart by the database's JSON
  // functions: parsing each whole record (provenance and all) cost more
  // than the rest of linking.
  const internal::Dialect& sql = conn_->dialect();
  Stmt s(*conn_, "SELECT d.id, d.soort, d.titel, d.vergadering, f.sha256, " +
                     sql.json_value("d.record", "indieners") + ", " +
                     sql.json_value("d.record", "mede_indieners") + ", " +
                     sql.json_texts("d.record", "verzoeken") + ", " +
                     sql.json_text("d.record", "preadvies.strekking") +
                     ", v.eerste_versie_id, "
                     "CASE WHEN l.from_id IS NULL THEN 0 ELSE 1 END, d.source_file_id, d.seq "
                     "FROM document d "
                     "JOIN source_file f ON f.id = d.source_file_id "
                     "LEFT JOIN motie_versie v ON v.document_id = d.id "
                     "LEFT JOIN link l ON l.from_id = d.id "
                     // From the few wanted keys into the index, never a scan of
                     // link_key.
                     "WHERE d.id IN (SELECT k.document_id FROM wanted_key w " +
                     sql.ordered_join +
                     " link_key k ON k.key = w.key) "
                     "ORDER BY d.source_file_id, d.seq");
  if (!s.prepared()) return conn_->Error("look up link keys");
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
  StepResult rc;
  while ((rc = s.Step()) == kRow) {
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
    c.place = {s.Int(11), static_cast<int>(s.Int(12))};
    out.push_back(std::move(c));
  }
  if (rc != kDone) return conn_->Error("look up link keys");
  return out;
}

Result<std::vector<MotionGroup>> Archive::MotionGroups(
    const std::vector<std::string>& first_version_ids) {
  Stmt versions(*conn_,
                "SELECT d.id FROM document d WHERE d.id = ?1 OR d.id IN (SELECT document_id FROM "
                "motie_versie WHERE eerste_versie_id = ?1) ORDER BY d.source_file_id, d.seq");
  Stmt linked(*conn_,
              "SELECT l.from_id, d.soort, d.source_file_id, d.seq FROM motie_versie v "
              "JOIN link l ON l.motie_id = v.document_id JOIN document d ON d.id = l.from_id "
              "WHERE v.eerste_versie_id = ?1 UNION "
              "SELECT l.from_id, d.soort, d.source_file_id, d.seq FROM link l "
              "JOIN document d ON d.id = l.from_id WHERE l.motie_id = ?1 "
              "ORDER BY 3, 4");
  std::vector<MotionGroup> groups;
  for (const std::string& first : first_version_ids) {
    MotionGroup g;
    g.first_version_id = first;
    StepResult rc;
    versions.Reset();
    versions.Bind(1, first);
    while ((rc = versions.Step()) == kRow) g.versions.push_back(versions.Text(0));
    if (rc != kDone) return conn_->Error("load versions of " + first);
    linked.Reset();
    linked.Bind(1, first);
    while ((rc = linked.Step()) == kRow) {
      g.linked.push_back(
          {linked.Text(0), linked.Text(1), {linked.Int(2), static_cast<int>(linked.Int(3))}});
    }
    if (rc != kDone) return conn_->Error("load links of " + first);
    groups.push_back(std::move(g));
  }
  return groups;
}

Result<std::vector<schema::Record>> Archive::DocumentsWithoutLinkKeys(int limit) {
  return LoadWhere("WHERE d.id IN (SELECT document_id FROM link_key_pending LIMIT " +
                       std::to_string(std::max(0, limit)) + ")",
                   {});
}

Status Archive::StoreLinkKeys(const std::vector<std::pair<std::string, std::string>>& keys) {
  WriteTransaction tx(*conn_);
  MA_RETURN_IF_ERROR(tx.Begin());
  MA_RETURN_IF_ERROR(InsertLinkKeys(*conn_, keys));
  return tx.Commit();
}

Result<Counts> Archive::Count() {
  Stmt s(*conn_,
         "SELECT (SELECT count(*) FROM source_file), (SELECT count(*) FROM "
         "source_file WHERE status NOT IN ('ok','ok_warnings')), (SELECT "
         "count(*) FROM page), (SELECT count(*) FROM document)");
  if (s.Step() != kRow) return conn_->Error("count");
  return Counts{s.Int(0), s.Int(1), s.Int(2), s.Int(3)};
}

namespace {

// The advice a document carries, as LoadRecord shows it: that of the
// document ingest chose for it (table document_advies).
std::string AdviceOf(const internal::Dialect& sql) {
  return "SELECT " + sql.json_text("p.record", "preadvies.advies") +
         " FROM document_advies a JOIN document p ON p.id = a.preadvies_id WHERE a.document_id = "
         "d.id";
}

// The text search configuration of the PostgreSQL archive (migration 0004).
constexpr const char* kTsQuery = "to_tsquery('motiearchief', :match)";

// Whether `q` searches for words, on this engine.
bool HasMatch(const SearchRequest& q, const internal::Dialect& dialect) {
  return dialect.indexes_own_text ? !q.tsquery.empty() : !q.match.empty();
}

// The score of a match, lower is better: FTS5's rank (bm25 with the title
// at 5, migration 0010); on PostgreSQL the distance its RUM index orders
// by (migration 0011), or without one ts_rank_cd with the title (weight A)
// at 1.0 and the rest at 0.2, negated.
std::string RankOf(const SearchRequest& q, const internal::Dialect& dialect, bool rank_index) {
  if (!HasMatch(q, dialect)) return "0";
  if (!dialect.indexes_own_text) return "search_fts.rank";
  if (rank_index) return dialect.rank_by_index;
  return std::string("-ts_rank_cd('{0.2,0.2,0.2,1.0}', s.tsv, ") + kTsQuery + ")";
}

// How MatchingDocuments reaches the document of each match on SQLite:
// through its row (3 KB of record and text), or through the narrow index of
// migration 0013 that holds the columns the filters and facets read; or
// not at all where no filter needs it (a match's rowid is its doc_no).
// PostgreSQL always joins the row; its planner chooses.
enum class DocumentAccess { kRow, kFilterIndex, kFilterIndexWhenFiltered };

// Filters that read the document itself (the gemeente's reads a table of
// its own).
bool HasDocumentFilters(const SearchRequest& q) {
  return q.soort || q.van || q.tot || q.vergadering || q.advies || q.orgaan;
}

// FROM and WHERE of a search: the documents `q` matches, as `d` (with
// the search index when there is a match expression; without `d` where `access` allows it).
std::string MatchingDocuments(const SearchRequest& q, const internal::Dialect& dialect,
                              DocumentAccess access = DocumentAccess::kRow) {
  const bool narrow = access != DocumentAccess::kRow && !dialect.indexes_own_text;
  const std::string document = narrow ? "document d INDEXED BY document_filter" : "document d";
  std::string sql;
  if (!HasMatch(q, dialect)) {
    sql = " FROM " + document + " WHERE TRUE";
  } else if (dialect.indexes_own_text) {
    sql = std::string(
              " FROM document_search s JOIN document d ON d.doc_no = s.doc_no WHERE "
              "s.tsv @@ ") +
          kTsQuery;
  } else if (access == DocumentAccess::kFilterIndexWhenFiltered && !HasDocumentFilters(q)) {
    sql = " FROM search_fts WHERE search_fts MATCH :match";
  } else {
    sql = " FROM search_fts JOIN " + document +
          " ON d.doc_no = search_fts.rowid WHERE search_fts MATCH :match";
  }
  if (q.soort) sql += " AND d.soort = :soort";
  if (q.gemeente && HasMatch(q, dialect) && !dialect.indexes_own_text) {
    // The municipality's few documents as a set that each match is looked
    // up in (the unary + keeps FTS5 from seeking every one of them in its
    // doclists), checked before the match's document is read.
    sql +=
        " AND +search_fts.rowid IN (SELECT gd.doc_no FROM document_gemeente g JOIN document gd "
        "ON gd.id = g.document_id WHERE g.gemeente = :gemeente)";
  } else if (q.gemeente) {
    sql +=
        " AND EXISTS (SELECT 1 FROM document_gemeente g WHERE g.document_id = d.id "
        "AND g.gemeente = :gemeente)";
  }
  if (q.van) sql += " AND coalesce(d.datum_indiening, d.vergadering) >= :van";
  if (q.tot) sql += " AND coalesce(d.datum_indiening, d.vergadering) <= :tot";
  if (q.vergadering) sql += " AND d.vergadering = :vergadering";
  if (q.advies) sql += " AND (" + AdviceOf(dialect) + ") = :advies";
  if (q.orgaan) {
    sql += " AND d.orgaan " + std::string(dialect.like_any_case) +
           " '%' || :orgaan || '%' ESCAPE '\\'";
  }
  return sql;
}

// Binds the parameters MatchingDocuments wrote.
void BindMatching(Stmt& s, const SearchRequest& q, const internal::Dialect& dialect) {
  auto bind = [&](const char* name, const std::optional<std::string>& v) {
    int i = s.ParameterIndex(name);
    if (i > 0 && v) s.Bind(i, *v);
  };
  if (HasMatch(q, dialect)) bind(":match", dialect.indexes_own_text ? q.tsquery : q.match);
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
  const internal::Dialect& dialect = conn_->dialect();
  // One statement: the matching documents are found once (a materialised
  // CTE, with only the few values the facets count), and each facet is a
  // GROUP BY over them. Five statements found them five times (measured at
  // 100,000 documents, a word in every one: 5.3 s).
  const std::string hits =
      "WITH hits AS MATERIALIZED (SELECT d.id, d.soort, d.orgaan, substr(coalesce("
      "d.datum_indiening, d.vergadering), 1, 4) AS jaar, (" +
      AdviceOf(dialect) + ") AS advies" +
      MatchingDocuments(q, dialect, DocumentAccess::kFilterIndex) + ") ";
  const std::string order =
      " ORDER BY n DESC, value" + std::string(dialect.binary_collation) + " LIMIT :per_facet";
  std::vector<FacetCount>* const by_number[] = {&facets.soort, &facets.orgaan, &facets.jaar,
                                                &facets.advies, &facets.indiener};
  const std::string selects[] = {
      "SELECT soort AS value, count(*) AS n FROM hits GROUP BY 1",
      "SELECT orgaan AS value, count(*) AS n FROM hits WHERE orgaan IS NOT NULL GROUP BY 1",
      "SELECT jaar AS value, count(*) AS n FROM hits WHERE jaar IS NOT NULL GROUP BY 1",
      "SELECT advies AS value, count(*) AS n FROM hits WHERE advies IS NOT NULL GROUP BY 1",
      "SELECT g.gemeente AS value, count(DISTINCT g.document_id) AS n FROM hits h JOIN "
      "document_gemeente g ON g.document_id = h.id GROUP BY 1",
  };
  std::string sql = hits;
  for (size_t i = 0; i < std::size(selects); ++i) {
    if (i > 0) sql += " UNION ALL ";
    sql += "SELECT " + std::to_string(i) + " AS facet, value, n FROM (SELECT value, n FROM (" +
           selects[i] + ") c" + order + ") f" + std::to_string(i);
  }
  Stmt s(*conn_, sql, Planning::kPerRun);  // its matches: none to every document
  if (!s.prepared()) return conn_->Error("facets");
  BindMatching(s, q, dialect);
  s.Bind(s.ParameterIndex(":per_facet"), per_facet);
  StepResult rc;
  while ((rc = s.Step()) == kRow) {
    const int64_t facet = s.Int(0);
    if (facet < 0 || facet >= static_cast<int64_t>(std::size(by_number))) continue;
    by_number[facet]->push_back({s.Text(1), s.Int(2)});
  }
  if (rc != kDone) {
    if (conn_->LastErrorIsSyntax()) {
      return Status::InvalidArgument("search: " + conn_->LastErrorMessage());
    }
    return conn_->Error("facets");
  }
  // Years read best in order.
  std::sort(facets.jaar.begin(), facets.jaar.end(),
            [](const FacetCount& a, const FacetCount& b) { return a.value > b.value; });
  return facets;
}

Result<std::vector<SearchHit>> Archive::Search(const SearchRequest& q, SearchStats* stats) {
  if (stats != nullptr) *stats = SearchStats{};
  // With a match: the table's own rank (bm25 with the title at 5, migration
  // 0010), which FTS5 sorts itself when asked to ORDER BY it.
  const internal::Dialect& dialect = conn_->dialect();
  const bool rank_index = dialect.indexes_own_text && conn_->HasRankIndex();
  const std::string rank = RankOf(q, dialect, rank_index);
  std::string sql = "SELECT d.id, " + rank +
                    ", d.doc_no, coalesce((SELECT eerste_versie_id FROM motie_versie WHERE "
                    "document_id = d.id), d.id)" +
                    MatchingDocuments(q, dialect);
  const bool by_date = q.order == SearchRequest::Order::kDate ||
                       (q.order == SearchRequest::Order::kRank && !HasMatch(q, dialect));
  // Ranked within a window (SQLite): the newest `rank_window` matches that
  // pass the filters, read in doc_no order from FTS5 (which stops there)
  // and checked through the narrow index of migration 0013; ranked among
  // themselves, and only the best `limit` (grouped: a few times that, and
  // more when versions took them up) are joined to their documents: an
  // ORDER BY over the join of every match joined them all first (30 ms, not
  // 11, for 4,678 matches). The LIMIT also keeps the subquery's ORDER BY,
  // which SQLite drops from a FROM subquery without one. The window's size
  // comes with each row.
  const bool windowed = !dialect.indexes_own_text && HasMatch(q, dialect) && !by_date &&
                        q.order == SearchRequest::Order::kRank && q.rank_window > 0;
  if (windowed) {
    // Without filters on the document (the gemeente's is on the rowid),
    // the matches are FTS5's alone; with them, through the narrow index.
    const std::string matching =
        MatchingDocuments(q, dialect, DocumentAccess::kFilterIndexWhenFiltered);
    sql =
        "SELECT d.id, w.score, d.doc_no, coalesce((SELECT eerste_versie_id FROM motie_versie "
        "WHERE document_id = d.id), d.id), w.window_size FROM (SELECT doc_no, score, count(*) "
        "OVER () AS window_size FROM (SELECT search_fts.rowid AS doc_no, search_fts.rank AS "
        "score" +
        matching + " ORDER BY search_fts.rowid DESC LIMIT :window) ORDER BY score, doc_no" +
        (q.limit >= 0 ? " LIMIT :limit" : "") +
        ") w JOIN document d ON d.doc_no = w.doc_no ORDER BY w.score, w.doc_no";
  } else if (q.order == SearchRequest::Order::kArchive) {
    sql += " ORDER BY d.source_file_id, d.seq";
  } else if (q.order == SearchRequest::Order::kStored) {
    sql += " ORDER BY d.source_file_id DESC, d.seq DESC";
  } else if (by_date) {
    sql += " ORDER BY coalesce(d.datum_indiening, d.vergadering) DESC NULLS LAST, d.doc_no";
  } else if (rank_index) {
    // The distance alone, as the index orders: a second key would make
    // the planner sort every match itself (measured: 840 ms, not 73 ms,
    // for a word in 43,300 of 100,000 documents).
    sql += " ORDER BY " + rank;
  } else if (dialect.indexes_own_text) {
    sql += " ORDER BY 2, d.doc_no";
  } else {
    sql += " ORDER BY search_fts.rank";
  }
  // Grouped, the rows are read until `limit` motions are found. SQLite
  // yields them one by one, so the statement needs no limit; PostgreSQL
  // hands over all its rows at once, so it is asked for a few times the
  // motions wanted, and again for more when versions took up the rows.
  const bool grouped_limit = q.limit >= 0 && q.group_versions;
  const bool limited = q.limit >= 0 && (!q.group_versions || dialect.indexes_own_text || windowed);
  if (limited && !windowed) sql += " LIMIT :limit";
  int64_t fetch = q.group_versions ? std::max<int64_t>(60, int64_t{q.limit} * 4) : q.limit;
  std::vector<std::tuple<std::string, double, int64_t>> found;
  while (true) {
    Stmt s(*conn_, sql, Planning::kPerRun);  // its matches: none to every document
    if (!s.prepared()) return conn_->Error("search");
    BindMatching(s, q, dialect);
    if (limited) s.Bind(s.ParameterIndex(":limit"), fetch);
    if (windowed) s.Bind(s.ParameterIndex(":window"), int64_t{q.rank_window});
    found.clear();
    std::set<std::string> groups;
    int64_t rows = 0;
    StepResult rc;
    while ((rc = s.Step()) == kRow) {
      ++rows;
      if (q.group_versions) {
        if (grouped_limit && static_cast<int>(found.size()) >= q.limit) break;
        if (!groups.insert(s.Text(3)).second) continue;
      }
      found.emplace_back(s.Text(0), s.Double(1), s.Int(2));
      if (windowed && stats != nullptr) stats->window_filled = s.Int(4) >= q.rank_window;
    }
    if (rc == kRow) rc = kDone;  // stopped early on purpose
    if (rc != kDone) {
      // FTS5 and tsquery syntax errors surface at the first step.
      if (conn_->LastErrorIsSyntax()) {
        return Status::InvalidArgument("search: " + conn_->LastErrorMessage());
      }
      return conn_->Error("search");
    }
    const bool more_rows = limited && rows >= fetch;
    if (!grouped_limit || static_cast<int>(found.size()) >= q.limit || !more_rows) break;
    fetch *= 4;
  }
  // The hits' records, versions and (PostgreSQL) pages, a statement each per
  // chunk of hits, not per hit: on PostgreSQL every statement is a round trip.
  std::vector<SearchHit> hits;
  StepResult rc;
  Stmt roles(*conn_,
             "SELECT DISTINCT rol FROM document_gemeente WHERE document_id = ? AND gemeente = ? "
             "ORDER BY rol");
  Stmt pages(*conn_, std::string(kDocumentPages) + "WHERE d.doc_no = ? ORDER BY p.page_no");
  constexpr size_t kChunk = 500;  // well under SQLite's limit on parameters
  for (size_t from = 0; from < found.size(); from += kChunk) {
    const size_t to = std::min(found.size(), from + kChunk);
    std::string marks;
    std::vector<std::string> ids;
    for (size_t i = from; i < to; ++i) {
      marks += marks.empty() ? "?" : ", ?";
      ids.push_back(std::get<0>(found[i]));
    }
    auto records = LoadWhere("WHERE d.id IN (" + marks + ")", ids);
    if (!records.ok()) return records.status();
    std::map<std::string, schema::Record> by_id;
    for (schema::Record& r : *records) by_id.emplace(r.id, std::move(r));
    // The hits' pages in one statement where the engine has one (PostgreSQL).
    std::map<int64_t, std::vector<PageRow>> pages_by_doc_no;
    const bool pages_at_once = q.with_pages && dialect.pages_of_documents != nullptr;
    if (pages_at_once) {
      std::string doc_nos = "{";
      for (size_t i = from; i < to; ++i) {
        if (doc_nos.size() > 1) doc_nos += ',';
        doc_nos += std::to_string(std::get<2>(found[i]));
      }
      doc_nos += '}';
      Stmt s(*conn_, dialect.pages_of_documents);
      s.Bind(s.ParameterIndex(":doc_nos"), doc_nos);
      while ((rc = s.Step()) == kRow) pages_by_doc_no[s.Int(0)].push_back(ReadPageRow(s, 1));
      if (rc != kDone) return conn_->Error("search: load pages");
    }
    // Every version of each hit's motion, oldest first (archive order).
    std::map<std::string, std::vector<std::string>> versions, version_files;
    if (q.group_versions) {
      Stmt s(*conn_,
             "SELECT w.document_id, v.document_id, f.name FROM motie_versie w JOIN motie_versie v "
             "ON v.eerste_versie_id = w.eerste_versie_id JOIN document d ON d.id = v.document_id "
             "JOIN source_file f ON f.id = d.source_file_id WHERE w.document_id IN (" +
                 marks + ") ORDER BY w.document_id, d.source_file_id, d.seq");
      for (size_t i = 0; i < ids.size(); ++i) s.Bind(static_cast<int>(i) + 1, ids[i]);
      while ((rc = s.Step()) == kRow) {
        versions[s.Text(0)].push_back(s.Text(1));
        version_files[s.Text(0)].push_back(s.Text(2));
      }
      if (rc != kDone) return conn_->Error("search: load versions");
    }
    for (size_t i = from; i < to; ++i) {
      const auto& [id, score, doc_no] = found[i];
      auto record = by_id.find(id);
      if (record == by_id.end()) continue;
      SearchHit hit;
      hit.record = std::move(record->second);
      hit.score = score;
      if (q.gemeente) {
        roles.Reset();
        roles.Bind(1, id).Bind(2, *q.gemeente);
        while (roles.Step() == kRow) hit.rollen.push_back(roles.Text(0));
      }
      if (q.group_versions) {
        hit.versions = std::move(versions[id]);
        hit.version_files = std::move(version_files[id]);
        if (hit.versions.empty()) {
          hit.versions.push_back(id);
          hit.version_files.push_back(hit.record.bron.bestand);
        }
      }
      if (pages_at_once) {
        hit.pages = std::move(pages_by_doc_no[doc_no]);
      } else if (q.with_pages) {
        pages.Reset();
        pages.Bind(1, doc_no);
        while ((rc = pages.Step()) == kRow) hit.pages.push_back(ReadPageRow(pages));
        if (rc != kDone) return conn_->Error("search: load pages");
      }
      hits.push_back(std::move(hit));
    }
  }
  return hits;
}

Result<std::vector<std::string>> Archive::Headlines(const std::string& tsquery,
                                                    const std::vector<std::string>& texts) {
  std::vector<std::string> out;
  const char* sql = conn_->dialect().headlines;
  if (sql == nullptr || tsquery.empty() || texts.empty()) return out;
  // A text[] literal: each text quoted, its quotes and backslashes escaped.
  std::string array = "{";
  for (const std::string& t : texts) {
    if (array.size() > 1) array += ',';
    array += '"';
    for (char c : t) {
      if (c == '"' || c == '\\') array += '\\';
      array += c;
    }
    array += '"';
  }
  array += '}';
  Stmt s(*conn_, sql);
  s.Bind(s.ParameterIndex(":texts"), array);
  s.Bind(s.ParameterIndex(":match"), tsquery);
  StepResult rc;
  while ((rc = s.Step()) == kRow) out.push_back(s.Text(0));
  if (rc != kDone) return conn_->Error("search: excerpts");
  return out;
}

Result<std::vector<schema::Record>> Archive::DocumentsWithoutSearchFields(int limit) {
  return LoadWhere("WHERE d.doc_no IN (SELECT doc_no FROM search_pending LIMIT " +
                       std::to_string(std::max(0, limit)) + ")",
                   {});
}

Status Archive::StoreSearchFields(const std::vector<std::pair<std::string, SearchFields>>& by_id) {
  WriteTransaction tx(*conn_);
  MA_RETURN_IF_ERROR(tx.Begin());
  Stmt doc_no(*conn_, "SELECT doc_no FROM document WHERE id = ?");
  for (const auto& [id, fields] : by_id) {
    doc_no.Reset();
    doc_no.Bind(1, id);
    if (doc_no.Step() != kRow) continue;
    const int64_t number = doc_no.Int(0);
    if (conn_->dialect().indexes_own_text) {
      // The engine stems; it gets the document's own words.
      auto record = LoadRecord(id);
      if (!record.ok()) return record.status();
      if (!record->has_value()) continue;
      MA_RETURN_IF_ERROR(InsertSearchFields(*conn_, number, OwnSearchText(**record)));
    } else {
      MA_RETURN_IF_ERROR(InsertSearchFields(*conn_, number, fields));
    }
  }
  return tx.Commit();
}

Result<Archive::Added> Archive::AddHistory(const std::vector<HistoryEntry>& besluiten,
                                           const std::vector<HistoryEntry>& uitvoeringen) {
  Added added;
  WriteTransaction tx(*conn_);
  MA_RETURN_IF_ERROR(tx.Begin());
  const std::string now = NowIso();
  Stmt known(*conn_, "SELECT soort FROM document WHERE id = ?");
  auto add = [&](const char* sql, const HistoryEntry& e, bool is_besluit) -> Status {
    known.Reset();
    known.Bind(1, e.document_id);
    if (known.Step() != kRow) {
      return Status::InvalidArgument(e.bron + ": no document with id " + e.document_id);
    }
    Stmt insert(*conn_, sql);
    insert.Bind(1, e.document_id).Bind(2, e.datum).Bind(3, e.status);
    insert.Bind(4, e.toelichting).Bind(5, e.bron).Bind(6, now);
    if (is_besluit) {
      if (e.stemmen_voor)
        insert.BindDouble(7, *e.stemmen_voor);
      else
        insert.BindNull(7);
    }
    if (insert.Step() == kDone) {
      (is_besluit ? added.besluiten : added.uitvoeringen) += conn_->Changes();
    } else {
      if (conn_->LastErrorIsConstraint()) {
        return Status::InvalidArgument(e.bron + ": not allowed: \"" + e.status + "\" (" +
                                       conn_->LastErrorMessage() + ")");
      }
      return conn_->Error(e.bron + ": record history");
    }
    return Status::Ok();
  };
  for (const auto& e : besluiten) {
    MA_RETURN_IF_ERROR(
        add("INSERT INTO besluit(document_id, datum, besluit, toelichting, bron, "
            "recorded_at, stemmen_voor) SELECT ?1, ?2, ?3, ?4, ?5, ?6, "
            "CAST(?7 AS DOUBLE PRECISION) WHERE NOT EXISTS (SELECT 1 FROM besluit WHERE "
            "document_id = ?1 AND datum = ?2 AND besluit = ?3 AND toelichting = ?4 AND "
            "stemmen_voor IS NOT DISTINCT FROM CAST(?7 AS DOUBLE PRECISION))",
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
    Stmt s(*conn_, sql);
    for (const std::string& id : document_ids) {
      s.Reset();
      s.Bind(1, id);
      StepResult rc;
      while ((rc = s.Step()) == kRow) {
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
      if (rc != kDone) return conn_->Error("load history");
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
  Stmt s(*conn_,
         "INSERT INTO ingest_run(started, arguments, tool_versions) "
         "VALUES (?,?,?) RETURNING id");
  s.Bind(1, NowIso()).Bind(2, arguments).Bind(3, tool_versions);
  if (s.Step() != kRow) return conn_->Error(location() + ": record ingest run");
  const int64_t id = s.Int(0);
  s.Reset();
  return id;
}

Status Archive::RecordRunFiles(int64_t run_id, const std::vector<RunFileRow>& rows) {
  if (rows.empty()) return Status::Ok();
  WriteTransaction tx(*conn_);
  MA_RETURN_IF_ERROR(tx.Begin());
  MA_RETURN_IF_ERROR(InsertRunFiles(*conn_, run_id, rows));
  return tx.Commit();
}

Status Archive::FinishRun(int64_t run_id, const RunCounts& c,
                          const std::vector<RunFileRow>& pending) {
  WriteTransaction tx(*conn_);
  MA_RETURN_IF_ERROR(tx.Begin());
  MA_RETURN_IF_ERROR(InsertRunFiles(*conn_, run_id, pending));
  Stmt s(*conn_,
         "UPDATE ingest_run SET finished = ?, files = ?, stored = ?, unchanged "
         "= ?, "
         "with_warnings = ?, failed = ?, documents_added = ? WHERE id = ?");
  s.Bind(1, NowIso()).Bind(2, c.files).Bind(3, c.stored).Bind(4, c.unchanged);
  s.Bind(5, c.with_warnings).Bind(6, c.failed).Bind(7, c.documents_added).Bind(8, run_id);
  if (s.Step() != kDone) return conn_->Error(location() + ": finish ingest run");
  return tx.Commit();
}

Result<std::optional<RunRow>> Archive::FindRun(int64_t id) {
  Stmt s(*conn_, id == 0 ? "SELECT id, started, finished, arguments, tool_versions, files, "
                           "stored, "
                           "unchanged, with_warnings, failed, documents_added FROM ingest_run "
                           "WHERE ?1 = 0 ORDER BY id DESC LIMIT 1"
                         : "SELECT id, started, finished, arguments, tool_versions, files, "
                           "stored, "
                           "unchanged, with_warnings, failed, documents_added FROM ingest_run "
                           "WHERE id = ?1");
  s.Bind(1, id);
  StepResult rc = s.Step();
  if (rc == kDone) return std::optional<RunRow>();
  if (rc != kRow) return conn_->Error(location() + ": read ingest run");
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
  Stmt s(*conn_,
         "SELECT seq, path, sha256, status, message, duration_ms, "
         "documents, pages "
         "FROM run_file WHERE run_id = ? ORDER BY seq");
  s.Bind(1, run_id);
  std::vector<RunFileRow> rows;
  StepResult rc;
  while ((rc = s.Step()) == kRow) {
    rows.push_back({static_cast<int>(s.Int(0)), s.Text(1), s.OptText(2), s.Text(3), s.Text(4),
                    s.Int(5), static_cast<int>(s.Int(6)), static_cast<int>(s.Int(7))});
  }
  if (rc != kDone) return conn_->Error(location() + ": read run files");
  return rows;
}

Result<std::vector<std::string>> Archive::Check() {
  // The engine's own checks first (SQLite: integrity_check, foreign keys,
  // the FTS5 indexes against their tables).
  std::vector<std::string> problems = conn_->EngineCheck(schema_version_);
  // Each query yields rows that are problems; a query that fails to run
  // (a damaged file) is a problem too, not a reason to stop checking.
  auto collect = [&](const char* what, const char* sql) {
    Stmt s(*conn_, sql);
    if (!s.prepared()) {
      problems.push_back(std::string(what) + ": cannot run: " + conn_->LastErrorMessage());
      return;
    }
    StepResult rc;
    while ((rc = s.Step()) == kRow) problems.push_back(std::string(what) + ": " + s.Text(0));
    if (rc != kDone) problems.push_back(std::string(what) + ": " + conn_->LastErrorMessage());
  };
  // The search index exists from schema version 4 on; an older archive is
  // migrated by the next ingest, and checked for what it has.
  if (schema_version_ >= 4) {
    collect("documents not in the search index (the next ingest adds them)",
            "SELECT count(*) FROM document WHERE doc_no NOT IN (SELECT doc_no FROM "
            "document_search) HAVING count(*) > 0");
  }
  collect("document without source file",
          "SELECT d.id FROM document d LEFT JOIN source_file f ON f.id = "
          "d.source_file_id "
          "WHERE f.id IS NULL");
  collect("archived file with missing pages",
          "SELECT f.path || ': ' || count(p.page_no) || ' of ' || f.page_count "
          "|| ' pages' "
          "FROM source_file f LEFT JOIN page p ON p.source_file_id = f.id "
          "GROUP BY f.id HAVING count(p.page_no) != f.page_count");
  collect("failed file with documents",
          "SELECT DISTINCT f.path FROM source_file f JOIN document d ON "
          "d.source_file_id = f.id "
          "WHERE f.status NOT IN ('ok', 'ok_warnings')");
  return problems;
}

Status Archive::BackupTo(const std::string& dest) { return conn_->BackupTo(dest); }

namespace {

// The tables a copy carries, parents first, with their columns typed:
// i integer, r real, t text. The search rows are made by the destination.
struct CopiedTable {
  const char* name;
  const char* columns;  // "name:type,..."
  const char* order;
};
constexpr CopiedTable kCopiedTables[] = {
    {"source_file",
     "id:i,sha256:t,name:t,path:t,size_bytes:i,page_count:i,status:t,message:t,warnings:t,"
     "tool_versions:t,duration_ms:i,attempts:i,previous_version_id:i,first_seen:t,last_attempt:t",
     "id"},
    {"page", "source_file_id:i,page_no:i,text:t,method:t,ocr_confidence:r,engine:t",
     "source_file_id, page_no"},
    {"document",
     "doc_no:i,id:t,source_file_id:i,seq:i,soort:t,titel:t,datum_indiening:t,vergadering:t,"
     "page_from:i,page_to:i,ocr:i,record:t,tekst:t",
     "doc_no"},
    {"document_gemeente", "document_id:t,rol:t,seq:i,gemeente:t,bekend:i", "document_id, rol, seq"},
    {"clause", "document_id:t,deel:t,seq:i,soort:t,tekst:t,page:i,rule:t",
     "document_id, deel, seq"},
    {"signatory", "document_id:t,seq:i,naam:t,functie:t,gemeente:t", "document_id, seq"},
    {"provenance", "document_id:t,seq:i,field:t,value:t,page:i,rule:t", "document_id, seq"},
    {"link", "from_id:t,motie_id:t,score:r,how:t", "from_id"},
    {"motie_versie", "document_id:t,eerste_versie_id:t", "document_id"},
    {"document_advies", "document_id:t,preadvies_id:t", "document_id"},
    {"link_key", "key:t,document_id:t", "key, document_id"},
    {"link_key_pending", "document_id:t", "document_id"},
    {"besluit",
     "id:i,document_id:t,datum:t,besluit:t,stemmen_voor:r,toelichting:t,bron:t,recorded_at:t",
     "id"},
    {"uitvoering", "id:i,document_id:t,datum:t,status:t,toelichting:t,bron:t,recorded_at:t", "id"},
    {"ingest_run",
     "id:i,started:t,finished:t,arguments:t,tool_versions:t,files:i,stored:i,unchanged:i,"
     "with_warnings:i,failed:i,documents_added:i",
     "id"},
    {"run_file",
     "run_id:i,seq:i,path:t,sha256:t,status:t,message:t,duration_ms:i,documents:i,pages:i",
     "run_id, seq"},
};

}  // namespace

Status Archive::CopyTo(Archive& dest,
                       const std::function<void(const std::string&, int64_t)>& progress) {
  if (dest.schema_version_ != dest.latest_schema_version() ||
      schema_version_ != latest_schema_version()) {
    return Status::InvalidArgument("copy: both archives must have schema version " +
                                   std::to_string(latest_schema_version()) +
                                   " (an ingest migrates an older one)");
  }
  {
    Stmt empty(*dest.conn_,
               "SELECT (SELECT count(*) FROM source_file) + (SELECT count(*) FROM ingest_run)");
    if (empty.Step() != kRow) return dest.conn_->Error(dest.location() + ": copy");
    if (empty.Int(0) != 0) {
      return Status::InvalidArgument(dest.location() + ": not empty; copy into a new archive only");
    }
  }
  MA_RETURN_IF_ERROR(conn_->BeginSnapshot());
  struct EndSnapshot {
    Connection& c;
    ~EndSnapshot() { c.Rollback(); }
  } end_snapshot{*conn_};
  WriteTransaction tx(*dest.conn_);
  MA_RETURN_IF_ERROR(tx.Begin());
  for (const CopiedTable& table : kCopiedTables) {
    std::vector<std::pair<std::string, char>> columns;
    std::string spec = table.columns;
    for (size_t from = 0; from <= spec.size();) {
      size_t comma = spec.find(',', from);
      if (comma == std::string::npos) comma = spec.size();
      const std::string column = spec.substr(from, comma - from);
      columns.emplace_back(column.substr(0, column.find(':')), column.back());
      from = comma + 1;
    }
    std::string names, marks;
    for (const auto& [name, type] : columns) {
      names += (names.empty() ? "" : ", ") + name;
      marks += marks.empty() ? "?" : ", ?";
    }
    Stmt read(*conn_, "SELECT " + names + " FROM " + table.name + " ORDER BY " + table.order);
    Stmt write(*dest.conn_,
               "INSERT INTO " + std::string(table.name) + "(" + names + ") VALUES (" + marks + ")");
    int64_t rows = 0;
    StepResult rc;
    while ((rc = read.Step()) == kRow) {
      write.Reset();
      for (size_t i = 0; i < columns.size(); ++i) {
        const int col = static_cast<int>(i);
        if (read.IsNull(col)) {
          write.BindNull(col + 1);
        } else if (columns[i].second == 'i') {
          write.Bind(col + 1, read.Int(col));
        } else if (columns[i].second == 'r') {
          write.BindDouble(col + 1, read.Double(col));
        } else {
          write.Bind(col + 1, read.Text(col));
        }
      }
      if (write.Step() != kDone) {
        return dest.conn_->Error(dest.location() + ": copy " + table.name + " row " +
                                 std::to_string(rows + 1));
      }
      ++rows;
    }
    if (rc != kDone) return conn_->Error(location() + ": copy " + table.name);
    if (progress) progress(table.name, rows);
  }
  // Every document waits for its search row, made the destination's way.
  MA_RETURN_IF_ERROR(
      dest.conn_->Exec("INSERT INTO search_pending(doc_no) SELECT doc_no FROM document WHERE TRUE "
                       "ON CONFLICT DO NOTHING"));
  MA_RETURN_IF_ERROR(dest.conn_->AfterCopy());
  return tx.Commit();
}

}  // namespace motiearchief::archive
