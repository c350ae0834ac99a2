// Status and Result<T>: how every stage of Motiearchief reports failure.
//
// A Status is either OK or carries a code and a message meant for the
// operator (it names the file and, where known, the page). Functions that
// produce a value return Result<T>, which holds either the value or a non-OK
// Status. Neither type throws; callers check ok() and pass the Status up.
//
// Both types are cheap to move and safe to copy; they hold no references.
#ifndef MOTIEARCHIEF_BASE_STATUS_H_
#define MOTIEARCHIEF_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace motiearchief {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // the caller asked for something impossible
    kNotFound,         // a file, document or row that does not exist
    kIoError,          // reading or writing a file failed (disk full too)
    kCorruption,       // an archive or input that fails its own checks
    kNotPdf,           // input does not start with a PDF header
    kEncrypted,        // PDF needs a password we do not have
    kDamaged,          // PDF that Poppler cannot open or read
    kTimeout,          // a child ran past its wall-clock limit
    kCrashed,          // a child died by a signal
    kTooLarge,         // input or output past a configured limit
    kEmpty,            // input yielded no text at all
    kInternal,         // a bug: an invariant of ours was broken
    kCancelled,        // stopped on request (SIGTERM, Ctrl-C) before it finished
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(Code code, std::string message) { return Status(code, std::move(message)); }
  static Status InvalidArgument(std::string m) {
    return Error(Code::kInvalidArgument, std::move(m));
  }
  static Status NotFound(std::string m) { return Error(Code::kNotFound, std::move(m)); }
  static Status IoError(std::string m) { return Error(Code::kIoError, std::move(m)); }
  static Status Corruption(std::string m) { return Error(Code::kCorruption, std::move(m)); }
  static Status Internal(std::string m) { return Error(Code::kInternal, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "damaged: samples/x.pdf: ..." style, for logs.
  std::string ToString() const;

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Short stable name of a code ("ok", "not_pdf", ...), used in the archive.
std::string_view CodeName(Status::Code code);

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "a Result without a value needs an error");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace motiearchief

// Returns the Status of `expr` from the enclosing function if it is not OK.
#define MA_RETURN_IF_ERROR(expr)                \
  do {                                          \
    ::motiearchief::Status ma_status_ = (expr); \
    if (!ma_status_.ok()) return ma_status_;    \
  } while (0)

#endif  // MOTIEARCHIEF_BASE_STATUS_H_
