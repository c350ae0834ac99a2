#include "pipeline/reader_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace motiearchief::pipeline {
namespace {

constexpr const char* kModuleName = "libmotiearchief-reader.so";

Result<const reader::ReaderApi*> Load() {
  std::vector<std::string> places;
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) places.push_back((self.parent_path() / kModuleName).string());
#ifdef MA_READER_MODULE
  places.push_back(MA_READER_MODULE);
#endif
  std::string tried;
  for (const std::string& place : places) {
    void* handle = dlopen(place.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      tried += (tried.empty() ? "" : "; ") + place + ": " + (why ? why : "not loadable");
      continue;
    }
    using Entry = const reader::ReaderApi* (*)();
    auto entry = reinterpret_cast<Entry>(dlsym(handle, "motiearchief_reader_api"));
    if (entry == nullptr) {
      tried += (tried.empty() ? "" : "; ") + place + ": no motiearchief_reader_api";
      continue;
    }
    return entry();
  }
  return Status::NotFound("the PDF reader module " + std::string(kModuleName) +
                          " could not be loaded (" + tried + ")");
}

}  // namespace

Result<const reader::ReaderApi*> Reader() {
  static std::once_flag once;
  static Result<const reader::ReaderApi*> loaded = Status::Internal("not loaded");
  std::call_once(once, [] { loaded = Load(); });
  return loaded;
}

}  // namespace motiearchief::pipeline
