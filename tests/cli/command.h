// Running the real motiearchief binary from tests, as a script would.
#ifndef MOTIEARCHIEF_TESTS_CLI_COMMAND_H_
#define MOTIEARCHIEF_TESTS_CLI_COMMAND_H_

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace motiearchief::testing_cli {

struct CommandResult {
  int exit_code;
  std::string out;  // stdout only; stderr is discarded
};

// Runs `command` in sh; -1 as exit code when it did not exit normally.
inline CommandResult Sh(const std::string& command) {
  FILE* p = popen((command + " 2>/dev/null").c_str(), "r");
  CommandResult r{-1, ""};
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace motiearchief::testing_cli

#endif  // MOTIEARCHIEF_TESTS_CLI_COMMAND_H_
