// The reader (reader/pdf_text.h: Poppler and Tesseract) as a module loaded
// on first use, so that commands that never read a PDF (search, export,
// serve) do not map its libraries: about 35 of the 76 a program linking it
// starts with, half of a search's start-up.
//
// The module is looked for beside the running program, then where the
// build put it. Thread-safe; loaded once per process and never unloaded.
// The reader pool loads it before forking its readers, so a reader under a
// memory limit never has to. Loading sets OMP_THREAD_LIMIT=1 unless the
// environment has it (Tesseract's threads off: reader/ocr.h).
#ifndef MOTIEARCHIEF_PIPELINE_READER_MODULE_H_
#define MOTIEARCHIEF_PIPELINE_READER_MODULE_H_

#include "base/status.h"
#include "reader/pdf_text.h"

namespace motiearchief::pipeline {

// The module's entry points; kNotFound (naming every place looked in and
// the loader's message) when it cannot be loaded.
Result<const reader::ReaderApi*> Reader();

}  // namespace motiearchief::pipeline

#endif  // MOTIEARCHIEF_PIPELINE_READER_MODULE_H_
