// Reading a PDF in a child process, so that a crash, hang or memory blow-up
// in Poppler (or Tesseract) costs one file, never the batch or the archive.
//
// The parent forks a child per file; the child sets its limits
// (address space, CPU seconds), reads the file with reader/, writes the
// pages to a pipe and exits. The parent enforces a wall-clock limit, kills
// the child when it is exceeded, and turns every way a child can end into a
// Status: kTimeout, kCrashed (a signal, also the kernel's SIGKILL on
// memory), kTooLarge (memory limit hit inside the child), or the reader's
// own error. The parent is the only process that writes the archive.
#ifndef MOTIEARCHIEF_PIPELINE_ISOLATED_READER_H_
#define MOTIEARCHIEF_PIPELINE_ISOLATED_READER_H_

#include <string>

#include "base/status.h"
#include "reader/pdf_text.h"

namespace motiearchief::pipeline {

struct IsolationOptions {
  // Run in a child process. Default true; false reads in-process (tests of
  // the reader itself, profiling).
  bool isolate = true;
  // Wall-clock limit per file, seconds. Default 1800: a scanned file of
  // 500 pages takes minutes to OCR.
  int timeout_seconds = 1800;
  // CPU limit per file, all OCR threads together, seconds. Default 3600.
  int cpu_seconds = 3600;
  // Address-space limit of the child, MiB. Default 4096.
  long memory_mib = 4096;
  reader::PdfReadOptions read;
};

Result<reader::PdfText> ReadPdfIsolated(const std::string& path,
                                            const IsolationOptions& options);

}  // namespace motiearchief::pipeline

#endif  // MOTIEARCHIEF_PIPELINE_ISOLATED_READER_H_
