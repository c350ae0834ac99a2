// SHA-256 of files and strings, as lowercase hex. Backed by Nettle: small,
// with the x86 SHA instructions where the processor has them, and nothing
// to set up when it loads (OpenSSL cost every start of the program 3 ms).
#ifndef MOTIEARCHIEF_BASE_SHA256_H_
#define MOTIEARCHIEF_BASE_SHA256_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace motiearchief {

// Hex digest of the whole file at `path`; kIoError names the path on failure.
Result<std::string> Sha256File(const std::string& path);
std::string Sha256Hex(std::string_view data);

}  // namespace motiearchief

#endif  // MOTIEARCHIEF_BASE_SHA256_H_
