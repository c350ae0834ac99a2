// The real `motiearchief serve` on the samples archive, started once per
// test binary, for the tests that talk to it over HTTP (serve_test) or
// drive a browser at it (browser_test).
#ifndef MOTIEARCHIEF_TESTS_WEB_SERVE_FIXTURE_H_
#define MOTIEARCHIEF_TESTS_WEB_SERVE_FIXTURE_H_

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "tests/archive/scratch_archive.h"
#include "tests/cli/command.h"

namespace motiearchief {

// Starts `args`, returns its pid; its stdout comes back through *out_fd.
inline pid_t Spawn(const std::vector<std::string>& args, int* out_fd) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(fds[1]);
  *out_fd = fds[0];
  return pid;
}

inline std::string ReadLine(int fd) {
  std::string line;
  char c;
  while (read(fd, &c, 1) == 1 && c != '\n') line += c;
  return line;
}

inline int FreePort() {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
  close(s);
  return ntohs(addr.sin_port);
}

class ServeFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    archive_ = new motiearchief::testing::ScratchArchive("serve");
    db_ = archive_->location();
    testing_cli::Sh(std::string(MA_BINARY) + " --db '" + db_ + "' ingest " + MA_SOURCE_DIR +
                    "/samples");
    int out = -1;
    server_ = Spawn({MA_BINARY, "--db", db_, "serve", "--port", "0"}, &out);
    const std::string url = ReadLine(out);  // "http://127.0.0.1:PORT/"
    close(out);
    port_ = std::atoi(url.substr(url.rfind(':') + 1).c_str());
  }
  static void TearDownTestSuite() {
    kill(server_, SIGTERM);
    waitpid(server_, nullptr, 0);
  }
  static httplib::Client Client() {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    return c;
  }
  static std::string Url(const std::string& path) {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  inline static motiearchief::testing::ScratchArchive* archive_ = nullptr;
  inline static std::string db_;
  inline static pid_t server_ = -1;
  inline static int port_ = 0;
};
}  // namespace motiearchief

#endif  // MOTIEARCHIEF_TESTS_WEB_SERVE_FIXTURE_H_
