// Reading PDFs in child processes, so that a crash, hang or memory blow-up
// in Poppler (or Tesseract) costs one file, never the batch or the archive.
//
// A ReaderPool keeps up to N reader processes. Each is forked once and
// reads many files, one at a time, each within its limits: address space
// (for the process), CPU seconds (per file) and wall-clock time (per file,
// enforced by the parent). A process that crashes, times out or has read
// `files_per_process` files is replaced by a fresh one, so isolation costs
// one fork per many files, not one per file. Every way a read can end is a
// Status: kTimeout, kCrashed (a signal, also the kernel's SIGKILL on
// memory), kTooLarge (memory limit hit inside the child), or the reader's
// own error naming the file.
//
// The parent is the only process that writes the archive. The pool runs no
// threads of its own: it does its work inside Next(), so it forks only from
// a caller that is itself single-threaded, and forked children never
// inherit a lock held by another thread.
#ifndef MOTIEARCHIEF_PIPELINE_ISOLATED_READER_H_
#define MOTIEARCHIEF_PIPELINE_ISOLATED_READER_H_

#include <sys/types.h>

#include <csignal>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "reader/pdf_text.h"

namespace motiearchief::pipeline {

struct IsolationOptions {
  // Run in child processes. Default true; false reads in-process (tests of
  // the reader itself, profiling).
  bool isolate = true;
  // Wall-clock limit per file, seconds. Default 1800: a scanned file of
  // 500 pages takes minutes to OCR.
  int timeout_seconds = 1800;
  // CPU limit per file, all OCR threads together, seconds. Default 3600.
  int cpu_seconds = 3600;
  // Address-space limit of each child, MiB. Default 4096.
  long memory_mib = 4096;
  // A child is replaced after reading this many files, so that what a
  // reader leaks or fragments stays bounded. Default 200.
  int files_per_process = 200;
  reader::PdfReadOptions read;
};

// Reads files in up to `processes` children at once; results come back in
// the order the files were submitted. Not thread-safe: one owner thread.
// The destructor kills the children still running.
class ReaderPool {
 public:
  ReaderPool(IsolationOptions options, int processes);
  ~ReaderPool();
  ReaderPool(const ReaderPool&) = delete;
  ReaderPool& operator=(const ReaderPool&) = delete;

  // Queues `path`, to be read with `ocr_jobs` OCR threads (0: as in the
  // options), and returns its ticket. Reading starts as soon as a process
  // is free; files are handed out in the order they were submitted.
  int64_t Submit(const std::string& path, int ocr_jobs = 0);

  // Files submitted and not yet taken.
  size_t Pending() const { return pending_; }

  // Waits for the file of `ticket` (from Submit, not taken before) and
  // returns its text or its failure. Returns kCancelled, and leaves the
  // file pending, when `*stop` turns nonzero while it waits (a signal
  // handler sets it; the wait wakes within 200 ms); `stop` may be null.
  Result<reader::PdfText> Take(int64_t ticket, const volatile std::sig_atomic_t* stop = nullptr);

  // Kills every child and forgets every pending file.
  void Cancel();

  // Processes forked so far (for tests and the run's statistics).
  int ProcessesStarted() const { return started_; }

 private:
  struct Job {
    int64_t ticket = 0;
    std::string path;
    int ocr_jobs = 0;
  };
  struct Child {
    pid_t pid = -1;
    int request_fd = -1;
    int reply_fd = -1;
    int files_read = 0;
    bool busy = false;
    Job job;
    std::vector<std::uint8_t> reply;
    int64_t deadline_ms = 0;
  };

  // Hands queued jobs to idle (or new) children.
  void Dispatch();
  // Waits up to `wait_ms` for replies and deadlines; finishes jobs.
  void Poll(int wait_ms);
  Status Spawn(Child& child);
  // Ends `child`'s process (killing it when `kill`) and returns why it
  // ended when that was not a clean exit.
  Status Reap(Child& child, bool kill);
  void Finish(Child& child, Result<reader::PdfText> result);

  IsolationOptions options_;
  std::vector<Child> children_;
  std::deque<Job> queue_;
  std::map<int64_t, Result<reader::PdfText>> done_;
  size_t pending_ = 0;
  int64_t next_ticket_ = 0;
  int started_ = 0;
};

// Reads one file as a pool of one process would (or in-process when
// !options.isolate).
Result<reader::PdfText> ReadPdfIsolated(const std::string& path, const IsolationOptions& options);

}  // namespace motiearchief::pipeline

#endif  // MOTIEARCHIEF_PIPELINE_ISOLATED_READER_H_
