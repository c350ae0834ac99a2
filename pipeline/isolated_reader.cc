#include "pipeline/isolated_reader.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <nlohmann/json.hpp>
#include <vector>

namespace motiearchief::pipeline {
namespace {

nlohmann::json Encode(const Result<reader::PdfText>& result) {
  nlohmann::json j;
  if (!result.ok()) {
    j["code"] = static_cast<int>(result.status().code());
    j["message"] = result.status().message();
    return j;
  }
  j["code"] = 0;
  j["encrypted"] = result->encrypted;
  j["warnings"] = result->warnings;
  nlohmann::json pages = nlohmann::json::array();
  for (const auto& p : result->pages) {
    pages.push_back({{"n", p.number},
                     {"t", p.text},
                     {"m", p.method},
                     {"c", p.ocr_confidence},
                     {"e", p.engine}});
  }
  j["pages"] = std::move(pages);
  return j;
}

Result<reader::PdfText> Decode(const std::vector<std::uint8_t>& bytes,
                                   const std::string& path) {
  nlohmann::json j = nlohmann::json::from_msgpack(bytes, true, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::Error(Status::Code::kCrashed, path + ": reader sent a broken reply");
  }
  int code = j.value("code", 0);
  if (code != 0) {
    return Status::Error(static_cast<Status::Code>(code), j.value("message", ""));
  }
  reader::PdfText text;
  text.encrypted = j.value("encrypted", false);
  text.warnings = j.value("warnings", std::vector<std::string>{});
  for (const auto& p : j["pages"]) {
    reader::PdfPage page;
    page.number = p.value("n", 0);
    page.text = p.value("t", "");
    page.method = p.value("m", "text");
    page.ocr_confidence = p.value("c", -1.0);
    page.engine = p.value("e", "");
    text.pages.push_back(std::move(page));
  }
  return text;
}

[[noreturn]] void RunChild(int fd, const std::string& path, const IsolationOptions& options,
                           pid_t parent) {
  // A parent killed with -9 cannot kill its child; the kernel then does,
  // so no reader outlives the batch that started it.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(1);
  struct rlimit mem = {static_cast<rlim_t>(options.memory_mib) << 20,
                       static_cast<rlim_t>(options.memory_mib) << 20};
  setrlimit(RLIMIT_AS, &mem);
  struct rlimit cpu = {static_cast<rlim_t>(options.cpu_seconds),
                       static_cast<rlim_t>(options.cpu_seconds + 5)};
  setrlimit(RLIMIT_CPU, &cpu);
  struct rlimit core = {0, 0};
  setrlimit(RLIMIT_CORE, &core);
  std::vector<std::uint8_t> bytes;
  try {
    bytes = nlohmann::json::to_msgpack(Encode(reader::ReadPdfText(path, options.read)));
  } catch (const std::bad_alloc&) {
    bytes =
        nlohmann::json::to_msgpack({{"code", static_cast<int>(Status::Code::kTooLarge)},
                                    {"message", path + ": out of memory (limit " +
                                                    std::to_string(options.memory_mib) + " MiB)"}});
  }
  size_t off = 0;
  while (off < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + off, bytes.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) _exit(3);
    off += static_cast<size_t>(n);
  }
  close(fd);
  _exit(0);
}

}  // namespace

Result<reader::PdfText> ReadPdfIsolated(const std::string& path,
                                            const IsolationOptions& options) {
  if (!options.isolate) return reader::ReadPdfText(path, options.read);
  int fds[2];
  if (pipe(fds) != 0) return Status::IoError(std::string("pipe: ") + std::strerror(errno));
  const pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return Status::IoError(std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    close(fds[0]);
    RunChild(fds[1], path, options, parent);
  }
  close(fds[1]);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  std::vector<std::uint8_t> bytes;
  bool timed_out = false;
  std::uint8_t buffer[1 << 16];
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    struct pollfd p = {fds[0], POLLIN, 0};
    int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    bytes.insert(bytes.end(), buffer, buffer + n);
  }
  close(fds[0]);
  if (timed_out) kill(pid, SIGKILL);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return Status::Error(
        Status::Code::kTimeout,
        path + ": reading took longer than " + std::to_string(options.timeout_seconds) + " s");
  }
  if (WIFSIGNALED(wstatus)) {
    int sig = WTERMSIG(wstatus);
    std::string what = sig == SIGXCPU
                           ? "CPU limit of " + std::to_string(options.cpu_seconds) + " s exceeded"
                           : std::string("reader crashed with signal ") + std::to_string(sig) +
                                 " (" + strsignal(sig) + ")";
    return Status::Error(sig == SIGXCPU ? Status::Code::kTimeout : Status::Code::kCrashed,
                         path + ": " + what);
  }
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0 || bytes.empty()) {
    return Status::Error(Status::Code::kCrashed,
                         path + ": reader exited with status " +
                             std::to_string(WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1));
  }
  return Decode(bytes, path);
}

}  // namespace motiearchief::pipeline
