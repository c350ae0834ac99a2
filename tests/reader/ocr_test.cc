#include "reader/ocr.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/cli/command.h"

namespace motiearchief::reader {
namespace {

TEST(RotateTest, FourQuarterTurnsAreNone) {
  GrayImage image;
  image.width = 3;
  image.height = 2;
  image.bytes_per_row = 4;  // padded rows, as Poppler makes them
  image.pixels = {1, 2, 3, 0, 4, 5, 6, 0};
  GrayImage turned = Rotate(image, 90);
  EXPECT_EQ(turned.width, 2);
  EXPECT_EQ(turned.height, 3);
  EXPECT_EQ(turned.pixels, (std::vector<unsigned char>{4, 1, 5, 2, 6, 3}));
  GrayImage back = Rotate(Rotate(Rotate(turned, 90), 90), 90);
  EXPECT_EQ(back.pixels, (std::vector<unsigned char>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(Rotate(Rotate(image, 180), 180).pixels, back.pixels);
}

// combine_tessdata (tesseract-ocr) as the reference for the model version.
TEST(ModelVersionTest, AsCombineTessdataPrintsIt) {
  const std::string tessdata = "/usr/share/tesseract-ocr/5/tessdata";
  auto listed = testing_cli::Sh("{ combine_tessdata -d " + tessdata + "/nld.traineddata 2>&1; }");
  const size_t at = listed.out.find("Version:");
  ASSERT_NE(at, std::string::npos) << listed.out;
  const std::string expected = listed.out.substr(at + 8, listed.out.find('\n', at) - at - 8);
  EXPECT_EQ(ModelVersion(tessdata, "nld"), expected);
  EXPECT_EQ(ModelVersion(tessdata + "/", "nld"), expected);
  EXPECT_EQ(ModelVersion(tessdata, "no-such-model"), "");
  EXPECT_EQ(ModelVersion("/etc", "passwd"), "");  // not a traineddata file
  // OcrEngine::Name() is checked in isolated_reader_test: an engine made
  // here would leave the heap the memory-limit test's child inherits.
}

}  // namespace
}  // namespace motiearchief::reader
