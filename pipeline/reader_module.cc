#include "pipeline/reader_module.h"

#include <cstdlib>
#include <mutex>
#include <string>

#include "base/module.h"

namespace motiearchief::pipeline {
namespace {

Result<const reader::ReaderApi*> Load() {
  // Tesseract's OpenMP threads fight the reader's own page workers
  // (measured: 1.1 s a page with one thread, 4.3 s with OpenMP on 2 cores).
  // OpenMP reads OMP_THREAD_LIMIT once, when its library loads, which is
  // with this module: so it is set now. An operator's own setting is kept.
  setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);
#ifdef MA_READER_MODULE
  const std::string build_path = MA_READER_MODULE;
#else
  const std::string build_path;
#endif
  return LoadModuleApi<reader::ReaderApi>("the PDF reader", "libmotiearchief-reader.so", build_path,
                                          "motiearchief_reader_api");
}

}  // namespace

Result<const reader::ReaderApi*> Reader() {
  static std::once_flag once;
  static Result<const reader::ReaderApi*> loaded = Status::Internal("not loaded");
  std::call_once(once, [] { loaded = Load(); });
  return loaded;
}

}  // namespace motiearchief::pipeline
