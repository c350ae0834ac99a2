// The archive: every input file, its pages, the documents found in it with
// their extracted fields, and a full-text index. It lives in one SQLite
// file (the default) or in a PostgreSQL database, for archives that many
// machines feed and many researchers query; both hold the same tables and
// give the same answers (search ranks by each engine's own measure).
//
// Contract:
// - Only this library includes a database header (sqlite3.h, libpq-fe.h);
//   the SQL the engines share is here, the rest in each connection.
// - One Archive object is one connection; use it from one thread at a time.
//   Several processes may open the same archive: readers never wait for
//   the writer, and writers take turns, waiting up to busy_timeout_ms.
// - StoreFile is atomic: a file is in the archive completely or not at all,
//   whatever happens to the process (crash, kill -9, full disk).
// - A SQLite archive stays readable by the stock sqlite3 tool, and a
//   PostgreSQL one by psql: no custom functions or tokenizers needed.
#ifndef MOTIEARCHIEF_ARCHIVE_ARCHIVE_H_
#define MOTIEARCHIEF_ARCHIVE_ARCHIVE_H_

#include <compare>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "schema/record.h"

namespace motiearchief::archive {

namespace internal {
class Connection;
}  // namespace internal

// Where an archive is: a SQLite file ("archive.db", "sqlite:archive.db") or
// a PostgreSQL database ("postgresql://user@host/dbname", any libpq URL).
bool IsPostgresUrl(const std::string& location);

struct ArchiveOptions {
  // Open without writing: no WAL switch, and no migrations, except that an
  // archive from an older version of the program is brought up to date
  // first (as a writer would; an error if it cannot be written). Default
  // false.
  bool read_only = false;
  // Open read-write but change nothing on opening: no migrations, no
  // journal-mode switch. For Check(), whose FTS check is an INSERT
  // statement that SQLite refuses on a read-only connection. Default false.
  bool inspect = false;
  // How long to wait for another process's lock, in ms (PostgreSQL:
  // lock_timeout). Default 10000.
  int busy_timeout_ms = 10000;
  // SQLite's page cache, MiB; 0: SQLite's default (2 MiB). A long-running
  // server gains from a large one; a one-off command loses (every fresh
  // page of cache is a page fault). Default 0.
  int cache_mib = 0;
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
  std::string engine;  // OCR engine and model; empty for the text layer
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

// The document whose advice a document carries (table document_advies):
// chosen by ingest (pipeline/linker.h), read by LoadRecord and the advice
// filter; the archive applies no rule of its own.
struct AdviceSource {
  std::string document_id;
  std::string preadvies_id;
};

// A document's place in the archive: file, then position in the file.
// Later places are newer.
struct Place {
  int64_t file_id = 0;
  int seq = 0;
  auto operator<=>(const Place&) const = default;
};

// The versions of one motion and the documents linked to any of them, as
// the archive holds them.
struct MotionGroup {
  std::string first_version_id;
  std::vector<std::string> versions;  // archive order; the first version among them
  struct Linked {
    std::string id;
    std::string soort;
    Place place;
  };
  std::vector<Linked> linked;  // archive order
};

// What happened to one input file in one ingest run (table run_file).
struct RunFileRow {
  int seq = 0;  // position of the file in the run
  std::string path;
  std::optional<std::string> sha256;  // none: the file could not be read
  std::string status;                 // a source_file status, or "unchanged"
  std::string message;
  int64_t duration_ms = 0;
  int documents = 0;
  int pages = 0;
  bool problem() const { return status != kStatusOk && status != "unchanged"; }
};

// Totals of an ingest run.
struct RunCounts {
  int files = 0;
  int stored = 0;  // ok or ok_warnings
  int unchanged = 0;
  int with_warnings = 0;
  int failed = 0;
  int documents_added = 0;
  // Counts one file's outcome.
  void Add(const RunFileRow& outcome) {
    ++files;
    if (outcome.status == "unchanged") {
      ++unchanged;
    } else if (outcome.status == kStatusOk) {
      ++stored;
    } else if (outcome.status == kStatusOkWarnings) {
      ++stored;
      ++with_warnings;
    } else {
      ++failed;
    }
    documents_added += outcome.documents;
  }
};

struct RunRow {
  int64_t id = 0;
  std::string started;
  std::optional<std::string> finished;  // none: running, or killed
  std::string arguments;
  std::string tool_versions;
  RunCounts counts;  // as recorded when the run finished
};

// A document's text as the search index holds it: folded and stemmed by
// the caller (search/search_text.h); the archive does not stem.
struct SearchFields {
  std::string titel;
  std::string tekst;
  std::string overwegingen;
  std::string verzoeken;
};

// A search: ready expressions (from search::ParseQuery) and filters; every
// filter is optional. Each engine reads its own expression.
struct SearchRequest {
  std::string match;    // SQLite: FTS5 over search_fts; empty: filters only, newest first
  std::string tsquery;  // PostgreSQL: to_tsquery('motiearchief', ...); empty: filters only
  std::optional<std::string> soort;        // motie, amendement, preadvies, ...
  std::optional<std::string> gemeente;     // official name (normalise first)
  std::optional<std::string> van;          // YYYY-MM-DD, on datum_indiening or else vergadering
  std::optional<std::string> tot;          // YYYY-MM-DD, inclusive
  std::optional<std::string> vergadering;  // YYYY-MM-DD of the ALV
  std::optional<std::string> advies;       // canonical advice, e.g. "overnemen"
  std::optional<std::string> orgaan;       // part of the orgaan, any case: "raad", "ALV VNG"
  enum class Order {
    kRank,     // bm25 with a match; newest first without one
    kDate,     // newest first (datum_indiening, else vergadering)
    kArchive,  // as export: file, then position in the file
    kStored,   // newest stored first (file, then position, descending): feeds
  };
  Order order = Order::kRank;
  int limit = 20;          // < 0: every match
  bool with_pages = true;  // load each hit's pages (for snippets)
  // One hit per motion: the best-placed version stands for the others
  // (table motie_versie), and `limit` counts motions, not versions.
  bool group_versions = false;
  // With a match, ranked (kRank) on SQLite: rank only the newest this many
  // matches (by doc_no, the order they were archived) that pass the
  // filters. FTS5 scores every match it ranks, so a word in most of
  // 100,000 documents costs a score each; a window bounds the cost of any
  // query, and a query with fewer matches is ranked exactly. 0: rank every
  // match. PostgreSQL ignores it: its RUM index orders matches itself.
  int rank_window = 0;
};

// What a search did besides finding its hits.
struct SearchStats {
  // The matches filled rank_window: the hits are the best of the newest
  // rank_window matches, and older matches were not ranked.
  bool window_filled = false;
};

// The marks around a matched word in an excerpt of Archive::Headlines.
inline constexpr char kHeadlineStart = '\x02';
inline constexpr char kHeadlineStop = '\x03';

// Counts of one facet: value and the number of matching documents.
struct FacetCount {
  std::string value;
  int64_t count = 0;
};

// The shape of a result set: how many matching documents per value.
struct Facets {
  std::vector<FacetCount> soort;
  std::vector<FacetCount> orgaan;
  std::vector<FacetCount>
      indiener;                  // municipality or fractie: indiener, mede-indiener, ondersteuner
  std::vector<FacetCount> jaar;  // of datum_indiening, else vergadering; newest first
  std::vector<FacetCount> advies;
};

struct SearchHit {
  schema::Record record;  // as LoadRecord gives it
  double score = 0;       // lower is better: bm25 (SQLite), -ts_rank_cd (PostgreSQL)
  // How the requested gemeente takes part: indiener, mede_indiener,
  // ondersteuner (empty without a gemeente filter).
  std::vector<std::string> rollen;
  std::vector<PageRow> pages;  // the document's pages, for the snippet
  // With group_versions: the ids of every version of this motion, oldest
  // first, this hit's own among them (just its own for other documents).
  std::vector<std::string> versions;
  std::vector<std::string> version_files;  // the file (mailing) of each version, same order
};

// One dated entry in a motion's life after the ALV: a decision (table
// besluit) or a step in its execution (table uitvoering). Entries are only
// added, never changed: a correction is a newer entry.
struct HistoryEntry {
  int64_t id = 0;  // set by the archive
  std::string document_id;
  std::string datum;   // YYYY-MM-DD
  std::string status;  // besluit: aangenomen, verworpen, ingetrokken, aangehouden,
                       // overgenomen; uitvoering: in uitvoering, uitgevoerd, aangehouden
  std::optional<double> stemmen_voor;  // besluit: share of votes in favour, percent
  std::string toelichting;
  std::string bron;  // "command line", or "besluiten.csv:12"
};

struct MotionHistory {
  std::vector<HistoryEntry> besluiten;     // oldest first
  std::vector<HistoryEntry> uitvoeringen;  // oldest first
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
  std::vector<SearchFields> search;       // per document, same order; may be empty
  std::vector<Link> links;                // replace earlier links of the same from_id
  std::vector<Version> versions;          // replace earlier rows of the same document
  std::vector<AdviceSource> advice;       // replace earlier rows of the same document
  // (document id, key) for DocumentsUnderKeys; opaque to the archive.
  std::vector<std::pair<std::string, std::string>> link_keys;
  // The ingest run this belongs to (0: none) and its run_file rows, this
  // file's own and any not yet written, stored in the same transaction.
  int64_t run_id = 0;
  std::vector<RunFileRow> run_files;
};

// An archived document that shares a key with a document being linked,
// with what the archive knows of its links.
struct LinkCandidate {
  schema::Record record;                        // as stored: `motie` and advice not filled in
  std::optional<std::string> first_version_id;  // its motie_versie row
  bool linked = false;                          // it has a link row of its own
  Place place;
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
  // Opens (creating if needed) and migrates the archive at `location` (a
  // path or a URL; see IsPostgresUrl). kIoError if it cannot be opened or
  // reached, kCorruption if it is not an archive or has a newer schema
  // than this program knows.
  static Result<std::unique_ptr<Archive>> Open(const std::string& location,
                                               const ArchiveOptions& options = {});
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  Result<std::optional<FileRow>> FindFileBySha(const std::string& sha256);
  // The newest version of a file with this name (basename), if any.
  Result<std::optional<FileRow>> LatestFileNamed(const std::string& name);
  // Fills in a file's links and versions from what the archive holds (with
  // DocumentsUnderKeys on this same Archive); see StoreFile.
  using Linker = std::function<Status(FileIngest&)>;

  // Stores the file with its pages and documents, in one write
  // transaction; `link`, when given, runs first inside it, so it sees
  // every committed document and no other writer commits one before this
  // file is in. A row with the same sha256 that failed before is replaced,
  // counting the attempt. Returns false, storing nothing, when the same
  // content is already stored (by another process meanwhile).
  Result<bool> StoreFile(FileIngest file, const Linker& link = {});

  // Ingest workers on several machines claim a file by its sha256 before
  // reading it, so that no two read the same file. A claim lasts until
  // Release or until this Archive's connection ends: a worker killed
  // mid-file leaves no claim behind. With `wait`, blocks until the claim
  // is free and takes it; without, returns false when another worker holds
  // it. SQLite: always true (its writers take turns anyway).
  Result<bool> Claim(const std::string& sha256, bool wait);
  Status Release(const std::string& sha256);

  // Records in export order (file id, then position in the file), with
  // links to preadviezen and motions filled in.
  Result<std::vector<schema::Record>> LoadRecords(const RecordFilter& filter = {});
  Result<std::optional<schema::Record>> LoadRecord(const std::string& id);
  // Files whose status is not ok, newest attempt first.
  Result<std::vector<FileRow>> FailedFiles();

  // Ranked search (title weighs most). kInvalidArgument when the engine
  // rejects the expression, which ParseQuery never produces.
  // `stats`, when given, says whether the rank window was filled.
  Result<std::vector<SearchHit>> Search(const SearchRequest& request, SearchStats* stats = nullptr);
  // The engine's own excerpts (PostgreSQL: ts_headline) of `texts` around
  // what `tsquery` (SearchRequest::tsquery) matches, in one statement, each
  // matched word between kHeadlineStart and kHeadlineStop; one per text,
  // empty where nothing matches. An empty vector from an engine without
  // excerpts of its own (SQLite: the application makes them).
  Result<std::vector<std::string>> Headlines(const std::string& tsquery,
                                             const std::vector<std::string>& texts);
  // Counts over every document `request` matches (its order and limit do
  // not apply): per facet the `per_facet` most frequent values, most
  // frequent first (years newest first). Errors as Search.
  Result<Facets> FacetsOf(const SearchRequest& request, int per_facet = 20);
  // Documents without their search row (stored before schema 4, or by
  // StoreFile without one), to be indexed with StoreSearchFields; at most
  // `limit`. Cost: the documents waiting, not the archive. PostgreSQL
  // indexes every document as it is stored, from its own text, and
  // StoreSearchFields takes the text from the stored record.
  Result<std::vector<schema::Record>> DocumentsWithoutSearchFields(int limit);
  Status StoreSearchFields(const std::vector<std::pair<std::string, SearchFields>>& by_id);

  // Adds decisions and execution entries in one transaction: all or none.
  // An entry equal to one already recorded (same document, date, status,
  // votes and toelichting) is not added again, so re-importing a file is
  // harmless. kInvalidArgument (naming the entry) for an unknown document
  // or a value the schema does not allow.
  struct Added {
    int besluiten = 0;
    int uitvoeringen = 0;
  };
  Result<Added> AddHistory(const std::vector<HistoryEntry>& besluiten,
                           const std::vector<HistoryEntry>& uitvoeringen);
  // The history of these documents (the versions of one motion), merged,
  // oldest first.
  Result<MotionHistory> History(const std::vector<std::string>& document_ids);

  Result<std::vector<Link>> Links();
  Result<std::vector<Version>> Versions();
  // Every version of the motion `document_id` belongs to (one per mailing
  // it came in), oldest first (archive order), its own among them; just
  // `document_id` for a document without versions; empty if unknown.
  Result<std::vector<std::string>> VersionsOf(const std::string& document_id);
  // The pages of the file that hold the document, in order; empty if the
  // document is unknown.
  Result<std::vector<PageRow>> PagesOf(const std::string& document_id);

  // Linking by key (the linker computes the keys; the archive only stores
  // and looks them up). The documents indexed under any of `keys`, in
  // archive order (file, then position). Cost: the rows under those keys,
  // not the archive's size.
  Result<std::vector<LinkCandidate>> DocumentsUnderKeys(const std::vector<std::string>& keys);
  // The group of each first version named: its versions (motie_versie;
  // just itself when it has none) and the documents linked to them. Cost:
  // the rows of those groups.
  Result<std::vector<MotionGroup>> MotionGroups(const std::vector<std::string>& first_version_ids);
  // Documents not yet indexed (stored before schema 7), at most `limit`.
  Result<std::vector<schema::Record>> DocumentsWithoutLinkKeys(int limit);
  // Stores (document id, key) rows in one transaction; every document named
  // gets the empty key too, marking it indexed (name a document with the
  // empty key alone to mark it indexed without keys).
  Status StoreLinkKeys(const std::vector<std::pair<std::string, std::string>>& keys);

  Result<Counts> Count();

  // Ingest runs. BeginRun commits a row at once, so a killed run still
  // shows in the log; FinishRun stores the totals with the remaining
  // run_file rows in one transaction.
  Result<int64_t> BeginRun(const std::string& arguments, const std::string& tool_versions);
  Status RecordRunFiles(int64_t run_id, const std::vector<RunFileRow>& rows);
  Status FinishRun(int64_t run_id, const RunCounts& counts, const std::vector<RunFileRow>& pending);
  // The newest run (id 0) or run `id`; none if there is no such run.
  Result<std::optional<RunRow>> FindRun(int64_t id = 0);
  Result<std::vector<RunFileRow>> RunFiles(int64_t run_id);

  // Verifies the archive: the engine's own checks (SQLite: integrity_check,
  // foreign keys, the FTS index against the document table), every
  // document with its source file and search row, every archived file
  // with all its pages. Returns the problems
  // found, empty when the archive is sound; an error only when the checks
  // themselves cannot run.
  Result<std::vector<std::string>> Check();

  // Copies every row of this archive into `dest`, an empty archive on
  // either engine (SQLite to PostgreSQL and back), in one write
  // transaction of `dest` over one snapshot of this one: all or nothing.
  // Ids are kept; the search rows are not copied but left for `dest` to
  // make (DocumentsWithoutSearchFields), as each engine indexes its own
  // way. kInvalidArgument if `dest` is not empty. `progress`, when given,
  // is told each table and its row count.
  Status CopyTo(Archive& dest,
                const std::function<void(const std::string&, int64_t)>& progress = {});

  // Copies the archive, online, to `dest` with SQLite's backup API: other
  // processes may go on reading and writing. The copy is written beside
  // `dest` and renamed into place when complete, so `dest` is never half a
  // copy. kInvalidArgument if `dest` is the archive itself, or if the
  // archive is on PostgreSQL (the message says how to use pg_dump).
  Status BackupTo(const std::string& dest);
  int schema_version() const { return schema_version_; }
  // The version this program migrates archives to.
  int latest_schema_version() const;
  // The path, or the URL without its password.
  const std::string& location() const;
  // "sqlite" or "postgresql".
  const char* engine() const;

 private:
  explicit Archive(std::unique_ptr<internal::Connection> connection);
  Status Migrate();
  Result<std::vector<schema::Record>> LoadWhere(const std::string& where,
                                                const std::vector<std::string>& args);

  std::unique_ptr<internal::Connection> conn_;
  int schema_version_ = 0;
};

}  // namespace motiearchief::archive

#endif  // MOTIEARCHIEF_ARCHIVE_ARCHIVE_H_
