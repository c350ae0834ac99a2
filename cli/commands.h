// The subcommands of the motiearchief tool. Each returns the process exit
// code (see ExitCode); output goes to stdout, diagnostics to stderr.
#ifndef MOTIEARCHIEF_CLI_COMMANDS_H_
#define MOTIEARCHIEF_CLI_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "search/search.h"

namespace motiearchief::cli {

// Exit codes scripts can rely on.
enum ExitCode {
  kExitOk = 0,           // everything went well
  kExitFatal = 1,        // the archive could not be used (see stderr)
  kExitUsage = 2,        // wrong arguments
  kExitWarnings = 3,     // done, but some files were stored with warnings
  kExitFileErrors = 4,   // done, but some files could not be read
  kExitNotFound = 5,     // show, log: no such document or run
  kExitCheckFailed = 6,  // check, backup: the archive has problems
  kExitStopped = 7,      // ingest: stopped by SIGTERM or Ctrl-C; run again to finish
};

struct IngestArgs {
  std::string db;
  std::vector<std::string> paths;
  bool retry_failed = true;
  bool in_process = false;
  int timeout_seconds = 1800;
  int jobs = 0;  // files and pages read at once; 0: one per core
  int ocr_dpi = 300;
  bool ocr = true;
  long memory_mib = 4096;
  int64_t max_file_mib = 2048;
  std::string summary_json;
  bool quiet = false;
  std::string command_line;  // recorded with the run
};
int RunIngest(const IngestArgs& args);

// Filters shared by search and export; empty: not given.
struct FilterArgs {
  std::string soort, gemeente, van, tot, vergadering, advies, orgaan;
  bool any() const {
    return !soort.empty() || !gemeente.empty() || !van.empty() || !tot.empty() ||
           !vergadering.empty() || !advies.empty() || !orgaan.empty();
  }
};

struct ExportArgs {
  std::string db;
  std::string format = "jsonl";
  std::string output;  // empty: stdout
  std::string query;   // words, as search takes them; empty: every document
  FilterArgs filters;
};
int RunExport(const ExportArgs& args);

struct ShowArgs {
  std::string db;
  std::string id;
  bool json = false;
};
int RunShow(const ShowArgs& args);

// The last ingest run (or run `run`): its totals and its problem files.
// Exit code as the run's own: 0, 3 (warnings) or 4 (failed files).
struct LogArgs {
  std::string db;
  int64_t run = 0;
  bool all = false;
  bool json = false;
};
int RunLog(const LogArgs& args);

struct SearchArgs {
  std::string db;
  std::string query;
  FilterArgs filters;
  std::string in;             // empty: not given
  std::string sort = "rank";  // rank or date
  int limit = 20;
  std::string format = "text";  // text, json, jsonl or csv
  bool json = false;            // --json: the same as --format json
  bool facets = false;          // also the counts by soort, orgaan, gemeente, year, advice
  bool explain = false;         // print the FTS5 expression instead of searching
  int rank_window = search::SearchOptions::kDefaultRankWindow;  // 0: rank every match
};
int RunSearch(const SearchArgs& args);

// Records one decision (besluit) or execution step (uitvoering) of a motion.
struct HistoryArgs {
  std::string db;
  std::string id;
  bool besluit = true;  // false: uitvoering
  std::string status;   // aangenomen, ... / in uitvoering, uitgevoerd, aangehouden
  std::string datum;    // empty: the motion's ALV (besluit) or today (uitvoering)
  double voor = -1;     // besluit: vote share in percent; -1 unknown
  std::string toelichting;
};
int RunHistory(const HistoryArgs& args);

struct ImportArgs {
  std::string db;
  std::string csv;
};
int RunImport(const ImportArgs& args);

struct ReportArgs {
  std::string db;
  std::string kind;         // verantwoording or vergadering
  std::string vergadering;  // YYYY-MM-DD; the date for `vergadering`
  bool open = false;
  std::string format = "md";
  std::string output;  // empty: stdout
};
int RunReport(const ReportArgs& args);

struct CheckArgs {
  std::string db;
};
int RunCheck(const CheckArgs& args);

struct BackupArgs {
  std::string db;
  std::string dest;
};
int RunBackup(const BackupArgs& args);

struct CopyArgs {
  std::string from;
  std::string to;
};
int RunCopy(const CopyArgs& args);

}  // namespace motiearchief::cli

#endif  // MOTIEARCHIEF_CLI_COMMANDS_H_
