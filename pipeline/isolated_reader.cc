#include "pipeline/isolated_reader.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <nlohmann/json.hpp>
#include <vector>

#include "pipeline/reader_module.h"

namespace motiearchief::pipeline {
namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

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
    // Boxes as flat numbers, six a line (left, top, right, bottom, font
    // size, bold); an unknown box is six zeros.
    std::vector<float> boxes;
    boxes.reserve(p.boxes.size() * 6);
    for (const text::LineBox& b : p.boxes) {
      boxes.insert(boxes.end(), {b.left, b.top, b.right, b.bottom, b.font_size, b.bold ? 1.0f : 0});
    }
    pages.push_back({{"n", p.number},
                     {"t", p.text},
                     {"m", p.method},
                     {"c", p.ocr_confidence},
                     {"e", p.engine},
                     {"b", std::move(boxes)}});
  }
  j["pages"] = std::move(pages);
  return j;
}

Result<reader::PdfText> Decode(const std::uint8_t* bytes, size_t size, const std::string& path) {
  nlohmann::json j = nlohmann::json::from_msgpack(bytes, bytes + size, true, false);
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
    const std::vector<float> boxes = p.value("b", std::vector<float>{});
    for (size_t k = 0; k + 6 <= boxes.size(); k += 6) {
      page.boxes.push_back(
          {boxes[k], boxes[k + 1], boxes[k + 2], boxes[k + 3], boxes[k + 4], boxes[k + 5] != 0});
    }
    text.pages.push_back(std::move(page));
  }
  return text;
}

// Frames: a 4-byte little-endian length, then that many bytes.
void AppendFrame(std::vector<std::uint8_t>& out, const std::vector<std::uint8_t>& body) {
  const uint32_t n = static_cast<uint32_t>(body.size());
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(n >> (8 * i)));
  out.insert(out.end(), body.begin(), body.end());
}

// The length of the frame at the start of `buf`, once it is complete.
std::optional<size_t> CompleteFrame(const std::vector<std::uint8_t>& buf) {
  if (buf.size() < 4) return std::nullopt;
  uint32_t n = 0;
  for (int i = 0; i < 4; ++i) n |= static_cast<uint32_t>(buf[i]) << (8 * i);
  if (buf.size() < 4 + static_cast<size_t>(n)) return std::nullopt;
  return n;
}

bool WriteAll(int fd, const std::vector<std::uint8_t>& bytes) {
  size_t off = 0;
  while (off < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + off, bytes.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

// Reads one frame; false at end of input or on error.
bool ReadFrame(int fd, std::vector<std::uint8_t>& body) {
  auto read_exactly = [fd](std::uint8_t* p, size_t size) {
    size_t off = 0;
    while (off < size) {
      ssize_t n = read(fd, p + off, size - off);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      off += static_cast<size_t>(n);
    }
    return true;
  };
  std::uint8_t header[4];
  if (!read_exactly(header, 4)) return false;
  uint32_t n = 0;
  for (int i = 0; i < 4; ++i) n |= static_cast<uint32_t>(header[i]) << (8 * i);
  body.resize(n);
  return read_exactly(body.data(), n);
}

// Reads with the reader module (reader_module.h); its failure to load is
// the file's error.
Result<reader::PdfText> ReadWithModule(const std::string& path,
                                       const reader::PdfReadOptions& options) {
  auto reader = Reader();
  if (!reader.ok()) return reader.status();
  return (*reader)->read_pdf_text(path, options);
}

// The child: reads requests {path, ocr_jobs} until its input ends, and
// answers each with the file's pages or its failure.
[[noreturn]] void RunChild(int request_fd, int reply_fd, const IsolationOptions& options,
                           pid_t parent) {
  // A parent killed with -9 cannot kill its child; the kernel then does,
  // so no reader outlives the batch that started it.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(1);
  // Ctrl-C and a SIGTERM sent to the whole process group are the parent's
  // to handle (it stops, and kills its readers); a reader that died of them
  // would be recorded as a crash of the file it was reading.
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  struct rlimit mem = {static_cast<rlim_t>(options.memory_mib) << 20,
                       static_cast<rlim_t>(options.memory_mib) << 20};
  setrlimit(RLIMIT_AS, &mem);
  struct rlimit core = {0, 0};
  setrlimit(RLIMIT_CORE, &core);
  std::vector<std::uint8_t> request;
  while (ReadFrame(request_fd, request)) {
    nlohmann::json job = nlohmann::json::from_msgpack(request, true, false);
    if (job.is_discarded()) _exit(2);
    const std::string path = job.value("path", "");
    reader::PdfReadOptions read = options.read;
    if (int jobs = job.value("ocr_jobs", 0); jobs > 0) read.ocr.jobs = jobs;
    // CPU seconds are counted per process; the limit is per file, so it
    // moves up by what the earlier files used.
    struct rusage used {};
    getrusage(RUSAGE_SELF, &used);
    struct rlimit cpu {};
    getrlimit(RLIMIT_CPU, &cpu);
    cpu.rlim_cur =
        static_cast<rlim_t>(used.ru_utime.tv_sec + used.ru_stime.tv_sec + 1 + options.cpu_seconds);
    if (cpu.rlim_max != RLIM_INFINITY) cpu.rlim_cur = std::min(cpu.rlim_cur, cpu.rlim_max);
    setrlimit(RLIMIT_CPU, &cpu);
    std::vector<std::uint8_t> body;
    try {
      body = nlohmann::json::to_msgpack(Encode(ReadWithModule(path, read)));
    } catch (const std::bad_alloc&) {
      body = nlohmann::json::to_msgpack(
          {{"code", static_cast<int>(Status::Code::kTooLarge)},
           {"message",
            path + ": out of memory (limit " + std::to_string(options.memory_mib) + " MiB)"}});
      std::vector<std::uint8_t> frame;
      AppendFrame(frame, body);
      WriteAll(reply_fd, frame);
      // The heap may be left in any state; a fresh process reads the next.
      _exit(4);
    }
    std::vector<std::uint8_t> frame;
    AppendFrame(frame, body);
    if (!WriteAll(reply_fd, frame)) _exit(3);
  }
  _exit(0);
}

}  // namespace

ReaderPool::ReaderPool(IsolationOptions options, int processes)
    : options_(std::move(options)), children_(static_cast<size_t>(std::max(1, processes))) {
  // A child that dies while we write its request must not kill us.
  signal(SIGPIPE, SIG_IGN);
  // Loaded here, before any fork: a reader under its memory limit must not
  // have to map the module's libraries itself.
  (void)Reader();
}

ReaderPool::~ReaderPool() { Cancel(); }

int64_t ReaderPool::Submit(const std::string& path, int ocr_jobs) {
  Job job{next_ticket_++, path, ocr_jobs};
  const int64_t ticket = job.ticket;
  ++pending_;
  if (!options_.isolate) {
    reader::PdfReadOptions read = options_.read;
    if (ocr_jobs > 0) read.ocr.jobs = ocr_jobs;
    done_.emplace(ticket, ReadWithModule(path, read));
    return ticket;
  }
  queue_.push_back(std::move(job));
  Dispatch();
  return ticket;
}

Status ReaderPool::Spawn(Child& child) {
  int requests[2];
  int replies[2];
  if (pipe2(requests, O_CLOEXEC) != 0) {
    return Status::IoError(std::string("pipe: ") + std::strerror(errno));
  }
  if (pipe2(replies, O_CLOEXEC) != 0) {
    close(requests[0]);
    close(requests[1]);
    return Status::IoError(std::string("pipe: ") + std::strerror(errno));
  }
  const pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    for (int fd : {requests[0], requests[1], replies[0], replies[1]}) close(fd);
    return Status::IoError(std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    // Other children's pipes are close-on-exec, not closed on fork: close
    // ours that face the parent and leave the rest, which die with us.
    close(requests[1]);
    close(replies[0]);
    for (const Child& other : children_) {
      if (other.pid > 0) {
        close(other.request_fd);
        close(other.reply_fd);
      }
    }
    RunChild(requests[0], replies[1], options_, parent);
  }
  close(requests[0]);
  close(replies[1]);
  child.pid = pid;
  child.request_fd = requests[1];
  child.reply_fd = replies[0];
  child.files_read = 0;
  child.busy = false;
  child.reply.clear();
  ++started_;
  return Status::Ok();
}

Status ReaderPool::Reap(Child& child, bool kill_it) {
  if (child.pid <= 0) return Status::Ok();
  if (kill_it) kill(child.pid, SIGKILL);
  if (child.request_fd >= 0) close(child.request_fd);
  if (child.reply_fd >= 0) close(child.reply_fd);
  int wstatus = 0;
  while (waitpid(child.pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  child.pid = -1;
  child.request_fd = child.reply_fd = -1;
  child.busy = false;
  child.reply.clear();
  const std::string& path = child.job.path;
  if (WIFSIGNALED(wstatus)) {
    const int sig = WTERMSIG(wstatus);
    if (kill_it && sig == SIGKILL) return Status::Ok();
    std::string what = sig == SIGXCPU
                           ? "CPU limit of " + std::to_string(options_.cpu_seconds) + " s exceeded"
                           : std::string("reader crashed with signal ") + std::to_string(sig) +
                                 " (" + strsignal(sig) + ")";
    return Status::Error(sig == SIGXCPU ? Status::Code::kTimeout : Status::Code::kCrashed,
                         path + ": " + what);
  }
  if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) != 0) {
    return Status::Error(Status::Code::kCrashed, path + ": reader exited with status " +
                                                     std::to_string(WEXITSTATUS(wstatus)));
  }
  return Status::Ok();
}

void ReaderPool::Finish(Child& child, Result<reader::PdfText> result) {
  done_.emplace(child.job.ticket, std::move(result));
  child.busy = false;
  child.reply.clear();
}

void ReaderPool::Dispatch() {
  for (Child& child : children_) {
    if (queue_.empty()) return;
    if (child.busy) continue;
    if (child.pid > 0 && child.files_read >= options_.files_per_process) {
      Reap(child, false);  // closing its input ends it
    }
    Job job = std::move(queue_.front());
    queue_.pop_front();
    child.job = job;
    if (child.pid <= 0) {
      Status spawned = Spawn(child);
      if (!spawned.ok()) {
        done_.emplace(job.ticket,
                      Status::Error(spawned.code(), job.path + ": " + spawned.message()));
        continue;
      }
    }
    std::vector<std::uint8_t> frame;
    AppendFrame(frame,
                nlohmann::json::to_msgpack({{"path", job.path}, {"ocr_jobs", job.ocr_jobs}}));
    child.busy = true;
    ++child.files_read;
    child.deadline_ms = NowMs() + int64_t{options_.timeout_seconds} * 1000;
    if (!WriteAll(child.request_fd, frame)) {
      // It died between files; the reason is in its exit status.
      Status why = Reap(child, true);
      Finish(child, why.ok() ? Status::Error(Status::Code::kCrashed,
                                             job.path + ": reader process was gone")
                             : why);
    }
  }
}

void ReaderPool::Poll(int wait_ms) {
  std::vector<struct pollfd> fds;
  std::vector<Child*> owners;
  int64_t now = NowMs();
  for (Child& child : children_) {
    if (!child.busy) continue;
    if (now >= child.deadline_ms) {
      Reap(child, true);
      Finish(child, Status::Error(Status::Code::kTimeout,
                                  child.job.path + ": reading took longer than " +
                                      std::to_string(options_.timeout_seconds) + " s"));
      continue;
    }
    wait_ms = static_cast<int>(std::min<int64_t>(wait_ms, child.deadline_ms - now));
    fds.push_back({child.reply_fd, POLLIN, 0});
    owners.push_back(&child);
  }
  if (fds.empty()) return;
  int ready = poll(fds.data(), fds.size(), std::max(0, wait_ms));
  if (ready <= 0) return;  // EINTR (a signal to stop) or nothing yet
  std::uint8_t buffer[1 << 16];
  for (size_t i = 0; i < fds.size(); ++i) {
    if (fds[i].revents == 0) continue;
    Child& child = *owners[i];
    ssize_t n = read(child.reply_fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n > 0) {
      child.reply.insert(child.reply.end(), buffer, buffer + n);
      if (auto size = CompleteFrame(child.reply)) {
        auto result = Decode(child.reply.data() + 4, *size, child.job.path);
        const bool out_of_memory =
            !result.ok() && result.status().code() == Status::Code::kTooLarge;
        Finish(child, std::move(result));
        if (out_of_memory) Reap(child, false);
      }
      continue;
    }
    // End of input before a whole reply: the reader died on this file.
    Status why = Reap(child, false);
    Finish(child, why.ok() ? Status::Error(Status::Code::kCrashed,
                                           child.job.path + ": reader exited without a reply")
                           : why);
  }
}

Result<reader::PdfText> ReaderPool::Take(int64_t ticket, const volatile std::sig_atomic_t* stop) {
  if (ticket < 0 || ticket >= next_ticket_) {
    return Status::Internal("ReaderPool::Take of a ticket never given out");
  }
  while (true) {
    auto it = done_.find(ticket);
    if (it != done_.end()) {
      Result<reader::PdfText> result = std::move(it->second);
      done_.erase(it);
      --pending_;
      return result;
    }
    const bool queued = std::any_of(queue_.begin(), queue_.end(),
                                    [ticket](const Job& j) { return j.ticket == ticket; });
    const bool reading = std::any_of(children_.begin(), children_.end(), [ticket](const Child& c) {
      return c.busy && c.job.ticket == ticket;
    });
    if (!queued && !reading) {
      return Status::Internal("ReaderPool::Take of a ticket already taken");
    }
    if (stop != nullptr && *stop) {
      return Status::Error(Status::Code::kCancelled, "stopped before the file was read");
    }
    Dispatch();
    Poll(200);
  }
}

void ReaderPool::Cancel() {
  for (Child& child : children_) Reap(child, true);
  queue_.clear();
  done_.clear();
  pending_ = 0;
}

Result<reader::PdfText> ReadPdfIsolated(const std::string& path, const IsolationOptions& options) {
  ReaderPool pool(options, 1);
  return pool.Take(pool.Submit(path));
}

}  // namespace motiearchief::pipeline
