// The archive: one SQLite file holding every input file, its pages, the
// documents found in it with their extracted fields, and a full-text index.
//
// Contract:
// - Only this library includes sqlite3.h.
// - One Archive object is one connection; use it from one thread at a time.
//   Several processes may open the same file: WAL mode lets readers work
//   while one writer writes, and writers wait up to busy_timeout_ms.
// - StoreFile is atomic: a file is in the archive completely or not at all,
//   whatever happens to the process (crash, kill -9, full disk).
// - The file stays readable by the stock sqlite3 tool: no custom functions
//   or tokenizers are needed to open or query it.
#ifndef MOTIEARCHIEF_ARCHIVE_ARCHIVE_H_
#define MOTIEARCHIEF_ARCHIVE_ARCHIVE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "schema/record.h"

struct sqlite3;

namespace motiearchief::archive {

struct ArchiveOptions {
  // Open without writing: no migrations, no WAL switch. Default false.
  bool read_only = false;
  // How long to wait for another process's lock, in ms. Default 10000.
  int busy_timeout_ms = 10000;
};

// Outcome of reading an input file, as stored in source_file.status.
inline constexpr const char* kStatusOk = "ok";
inline constexpr const char* kStatusOkWarnings = "ok_warnings";

struct FileRow {
  int64_t id = 0;
  std::string sha256;
  std::string name;
  std::string path;
  std::string status;
  std::string message;
  int page_count = 0;
  int attempts = 0;
  int64_t duration_ms = 0;
  std::string last_attempt;
  std::optional<int64_t> previous_version_id;
  bool ok() const { return status == kStatusOk || status == kStatusOkWarnings; }
};

struct PageRow {
  int number = 0;
  std::string text;
  std::string method = "text";
  double ocr_confidence = -1;
};

// A preadvies or amendment and the motion it belongs to.
struct Link {
  std::string from_id;
  std::string motie_id;
  double score = 0;
  std::string how;
};

// A motion version and the first version of the same motion.
struct Version {
  std::string document_id;
  std::string first_version_id;
};

// Everything stored for one input file; written in one transaction.
struct FileIngest {
  std::string sha256;
  std::string name;
  std::string path;
  int64_t size_bytes = 0;
  std::string status = kStatusOk;
  std::string message;
  std::vector<std::string> warnings;
  std::string tool_versions;
  int64_t duration_ms = 0;
  std::vector<PageRow> pages;
  std::vector<schema::Record> documents;  // ids set, in file order
  std::vector<Link> links;        // replace earlier links of the same from_id
  std::vector<Version> versions;  // replace earlier rows of the same document
};

struct RecordFilter {
  std::optional<std::string> soort;
  std::optional<std::string> source_sha256;
};

struct Counts {
  int64_t files = 0;
  int64_t failed_files = 0;
  int64_t pages = 0;
  int64_t documents = 0;
};

class Archive {
 public:
  // Opens (creating if needed) and migrates the archive at `path`.
  // kIoError if it cannot be opened, kCorruption if it is not an archive or
  // has a newer schema than this program knows.
  static Result<std::unique_ptr<Archive>> Open(const std::string& path,
                                               const ArchiveOptions& options = {});
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  Result<std::optional<FileRow>> FindFileBySha(const std::string& sha256);
  // The newest version of a file with this name (basename), if any.
  Result<std::optional<FileRow>> LatestFileNamed(const std::string& name);
  // Stores the file with its pages and documents. A row with the same
  // sha256 (an earlier failed attempt) is replaced, counting the attempt.
  Status StoreFile(const FileIngest& file);

  // Records in export order (file id, then position in the file), with
  // links to preadviezen and motions filled in.
  Result<std::vector<schema::Record>> LoadRecords(const RecordFilter& filter = {});
  Result<std::optional<schema::Record>> LoadRecord(const std::string& id);
  // Files whose status is not ok, newest attempt first.
  Result<std::vector<FileRow>> FailedFiles();

  Result<std::vector<Link>> Links();
  Result<std::vector<Version>> Versions();

  Result<Counts> Count();
  int schema_version() const { return schema_version_; }
  const std::string& path() const { return path_; }

 private:
  Archive(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Exec(const char* sql);
  Status Migrate();
  Result<std::vector<schema::Record>> LoadWhere(const std::string& where,
                                                const std::vector<std::string>& args);

  sqlite3* db_;
  std::string path_;
  int schema_version_ = 0;
};

}  // namespace motiearchief::archive

#endif  // MOTIEARCHIEF_ARCHIVE_ARCHIVE_H_
