// The subcommands of the motiearchief tool. Each returns the process exit
// code (see ExitCode); output goes to stdout, diagnostics to stderr.
#ifndef MOTIEARCHIEF_CLI_COMMANDS_H_
#define MOTIEARCHIEF_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace motiearchief::cli {

// Exit codes scripts can rely on.
enum ExitCode {
  kExitOk = 0,          // everything went well
  kExitFatal = 1,       // the archive could not be used (see stderr)
  kExitUsage = 2,       // wrong arguments
  kExitWarnings = 3,    // done, but some files were stored with warnings
  kExitFileErrors = 4,  // done, but some files could not be read
  kExitNotFound = 5,    // show: no such document
};

struct IngestArgs {
  std::string db;
  std::vector<std::string> paths;
  bool retry_failed = true;
  bool in_process = false;
  int timeout_seconds = 300;
  long memory_mib = 4096;
  std::string summary_json;
  bool quiet = false;
};
int RunIngest(const IngestArgs& args);

struct ExportArgs {
  std::string db;
  std::string format = "jsonl";
  std::string output;  // empty: stdout
  std::string soort;
};
int RunExport(const ExportArgs& args);

struct ShowArgs {
  std::string db;
  std::string id;
  bool json = false;
};
int RunShow(const ShowArgs& args);

}  // namespace motiearchief::cli

#endif  // MOTIEARCHIEF_CLI_COMMANDS_H_
