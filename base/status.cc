#include "base/status.h"

namespace motiearchief {

std::string_view CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return "ok";
    case Status::Code::kInvalidArgument:
      return "invalid_argument";
    case Status::Code::kNotFound:
      return "not_found";
    case Status::Code::kIoError:
      return "io_error";
    case Status::Code::kCorruption:
      return "corruption";
    case Status::Code::kNotPdf:
      return "not_pdf";
    case Status::Code::kEncrypted:
      return "encrypted";
    case Status::Code::kDamaged:
      return "damaged";
    case Status::Code::kTimeout:
      return "timeout";
    case Status::Code::kCrashed:
      return "crashed";
    case Status::Code::kTooLarge:
      return "too_large";
    case Status::Code::kEmpty:
      return "empty";
    case Status::Code::kInternal:
      return "internal";
    case Status::Code::kCancelled:
      return "cancelled";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(CodeName(code_)) + ": " + message_;
}

}  // namespace motiearchief
