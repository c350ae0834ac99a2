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

}  // namespace motiearchief

#endif  // MOTIEARCHIEF_BASE_MODULE_H_
