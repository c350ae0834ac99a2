// Running the real motiearchief binary from tests, as a script would.
#ifndef MOTIEARCHIEF_TESTS_CLI_COMMAND_H_
#define MOTIEARCHIEF_TESTS_CLI_COMMAND_H_

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace motiearchief::testing_cli {

struct CommandResult {
  int exit_code;
  std::string out;  // stdout only; stderr is discarded
};

// The program (MA_BINARY) on the archive `db`, as the start of a command
// line for Sh: Sh(Tool(db) + " search woning").
inline std::string Tool(const std::string& db) {
  return std::string(MA_BINARY) + " --db '" + db + "'";
}

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

// Starts `args` (argv[0] a path) with stdout and stderr discarded; returns
// its pid, for the caller to wait on or kill.
inline pid_t SpawnQuiet(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

// Waits until `pid` exits or `upto` has passed, whichever comes first.
// Returns true, with its wait status in `*wstatus`, when it exited: a kill
// test then does not sleep on after the run it meant to kill has ended.
inline bool ExitsWithin(pid_t pid, std::chrono::milliseconds upto, int* wstatus) {
  const auto deadline = std::chrono::steady_clock::now() + upto;
  while (true) {
    if (waitpid(pid, wstatus, WNOHANG) == pid) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace motiearchief::testing_cli

#endif  // MOTIEARCHIEF_TESTS_CLI_COMMAND_H_
