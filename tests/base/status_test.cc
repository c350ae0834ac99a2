#include "base/status.h"

#include <gtest/gtest.h>

#include "base/sha256.h"

namespace motiearchief {
namespace {

TEST(StatusTest, OkAndErrors) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = Status::Error(Status::Code::kEncrypted, "a.pdf: needs a password");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "encrypted: a.pdf: needs a password");
  EXPECT_EQ(CodeName(Status::Code::kNotPdf), "not_pdf");
}

TEST(ResultTest, ValueOrStatus) {
  Result<int> good = 7;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  Result<int> bad = Status::NotFound("x");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kNotFound);
}

TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_FALSE(Sha256File("/nonexistent/file.pdf").ok());
}

}  // namespace
}  // namespace motiearchief
