// The program's own modules: shared libraries built beside it and loaded on
// first use, so that a command that does not need their libraries (Poppler
// and Tesseract for reading, libpq for PostgreSQL) does not map them.
//
// A module is looked for beside the running program, then where the build
// put it. Loaded modules stay loaded for the life of the process.
#ifndef MOTIEARCHIEF_BASE_MODULE_H_
#define MOTIEARCHIEF_BASE_MODULE_H_

#include <string>

#include "base/status.h"

namespace motiearchief {

// Loads the module `file_name` (e.g. "libmotiearchief-reader.so") and
// returns the address of its symbol `entry`. `build_path` is where the build
// put it (may be empty). kNotFound names every place tried and the loader's
// reason. Thread-safe; callers keep the result (loading again is allowed but
// only costs time).
Result<void*> LoadModuleEntry(const std::string& file_name, const std::string& build_path,
                              const char* entry);

// The table of entry points of a module whose one exported symbol `entry`
// is a function returning `const Api*`; kNotFound says `what` could not be
// loaded and why. The same thread-safety as LoadModuleEntry.
template <typename Api>
Result<const Api*> LoadModuleApi(const std::string& what, const std::string& file_name,
                                 const std::string& build_path, const char* entry) {
  auto symbol = LoadModuleEntry(file_name, build_path, entry);
  if (!symbol.ok()) return Status::NotFound(what + ": " + symbol.status().message());
  using Entry = const Api* (*)();
  return reinterpret_cast<Entry>(*symbol)();
}

}  // namespace motiearchief

#endif  // MOTIEARCHIEF_BASE_MODULE_H_
