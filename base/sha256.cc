#include "base/sha256.h"

#include <nettle/sha2.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>

namespace motiearchief {
namespace {

std::string Hex(const std::uint8_t* bytes, unsigned int n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(2 * n, '0');
  for (unsigned int i = 0; i < n; ++i) {
    out[2 * i] = kDigits[bytes[i] >> 4];
    out[2 * i + 1] = kDigits[bytes[i] & 0xf];
  }
  return out;
}

std::string Digest(sha256_ctx& ctx) {
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, sizeof digest, digest);
  return Hex(digest, sizeof digest);
}

}  // namespace

Result<std::string> Sha256File(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  }
  sha256_ctx ctx;
  sha256_init(&ctx);
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    sha256_update(&ctx, static_cast<size_t>(in.gcount()),
                  reinterpret_cast<const std::uint8_t*>(buffer));
  }
  if (in.bad()) return Status::IoError(path + ": read error");
  return Digest(ctx);
}

std::string Sha256Hex(std::string_view data) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
  return Digest(ctx);
}

}  // namespace motiearchief
