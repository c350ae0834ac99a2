#include "extractors/ocr.h"

#include <tesseract/baseapi.h>

#include <cstdlib>
#include <mutex>
#include <string>

namespace motiearchief::extractors {
namespace {

// Below this OSD confidence a page is read as it is (Tesseract: 15 is
// "reasonably confident"; a text page turned by 90 degrees scores far more).
constexpr float kMinOrientationConfidence = 5.0f;

void LimitTesseractThreads() {
  static std::once_flag once;
  // Before the first Init: OpenMP reads it when its runtime starts.
  std::call_once(once, [] { setenv("OMP_THREAD_LIMIT", "1", 1); });
}

const char* DataPath(const OcrOptions& o) {
  return o.tessdata.empty() ? nullptr : o.tessdata.c_str();
}

}  // namespace

struct OcrEngine::Impl {
  tesseract::TessBaseAPI reader;
  tesseract::TessBaseAPI orientation;
  bool has_orientation = false;
};

OcrEngine::OcrEngine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OcrEngine::~OcrEngine() {
  if (impl_) {
    impl_->reader.End();
    impl_->orientation.End();
  }
}

Result<std::unique_ptr<OcrEngine>> OcrEngine::Create(const OcrOptions& options) {
  LimitTesseractThreads();
  auto impl = std::make_unique<Impl>();
  if (impl->reader.Init(DataPath(options), options.language.c_str(), tesseract::OEM_LSTM_ONLY) !=
      0) {
    return Status::Internal("Tesseract cannot load the model \"" + options.language + "\"" +
                            (options.tessdata.empty() ? "" : " from " + options.tessdata) +
                            " (Debian: tesseract-ocr-" + options.language + ")");
  }
  impl->reader.SetPageSegMode(tesseract::PSM_AUTO);
  // Tesseract's own chatter ("Estimating resolution ...") is not ours to print.
  impl->reader.SetVariable("debug_file", "/dev/null");
  // Keep word spacing as printed: columns of signatures stay apart.
  impl->reader.SetVariable("preserve_interword_spaces", "1");
  // Orientation needs the "osd" model (tesseract-ocr-osd); without it pages
  // are read as they come.
  impl->has_orientation = impl->orientation.Init(DataPath(options), "osd") == 0;
  if (impl->has_orientation) {
    impl->orientation.SetPageSegMode(tesseract::PSM_OSD_ONLY);
    impl->orientation.SetVariable("debug_file", "/dev/null");
  }
  return std::unique_ptr<OcrEngine>(new OcrEngine(std::move(impl)));
}

Result<OcrResult> OcrEngine::Read(const GrayImage& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() < static_cast<size_t>(image.bytes_per_row) * image.height) {
    return Status::InvalidArgument("empty page image");
  }
  OcrResult result;
  const GrayImage* page = &image;
  GrayImage turned;
  if (impl_->has_orientation) {
    impl_->orientation.SetVariable("user_defined_dpi", std::to_string(image.dpi).c_str());
    impl_->orientation.SetImage(image.pixels.data(), image.width, image.height, 1,
                                image.bytes_per_row);
    impl_->orientation.SetSourceResolution(image.dpi);
    int degrees = 0;
    float confidence = 0, script_confidence = 0;
    const char* script = nullptr;
    if (impl_->orientation.DetectOrientationScript(&degrees, &confidence, &script,
                                                   &script_confidence) &&
        degrees != 0 && confidence >= kMinOrientationConfidence) {
      // `degrees` is how far the page is turned clockwise; turn it back.
      turned = Rotate(image, (360 - degrees) % 360);
      page = &turned;
      result.rotated_degrees = degrees;
    }
    impl_->orientation.Clear();
  }
  impl_->reader.SetVariable("user_defined_dpi", std::to_string(page->dpi).c_str());
  impl_->reader.SetImage(page->pixels.data(), page->width, page->height, 1, page->bytes_per_row);
  impl_->reader.SetSourceResolution(page->dpi);
  std::unique_ptr<char[]> text(impl_->reader.GetUTF8Text());
  if (!text) return Status::Internal("Tesseract recognised nothing");
  result.text = text.get();
  result.confidence = impl_->reader.MeanTextConf();
  impl_->reader.Clear();
  return result;
}

std::string TesseractVersion(const OcrOptions& options) {
  return std::string("tesseract ") + tesseract::TessBaseAPI::Version() + " (" + options.language +
         ", LSTM)";
}

GrayImage Rotate(const GrayImage& in, int degrees) {
  degrees = ((degrees % 360) + 360) % 360;
  if (degrees == 0) return in;
  GrayImage out;
  const bool swap = degrees != 180;
  out.width = swap ? in.height : in.width;
  out.height = swap ? in.width : in.height;
  out.bytes_per_row = out.width;
  out.dpi = in.dpi;
  out.pixels.resize(static_cast<size_t>(out.width) * out.height);
  for (int y = 0; y < in.height; ++y) {
    const unsigned char* row = in.pixels.data() + static_cast<size_t>(y) * in.bytes_per_row;
    for (int x = 0; x < in.width; ++x) {
      int nx, ny;
      if (degrees == 90) {  // clockwise
        nx = in.height - 1 - y;
        ny = x;
      } else if (degrees == 180) {
        nx = in.width - 1 - x;
        ny = in.height - 1 - y;
      } else {  // 270
        nx = y;
        ny = in.width - 1 - x;
      }
      out.pixels[static_cast<size_t>(ny) * out.width + nx] = row[x];
    }
  }
  return out;
}

}  // namespace motiearchief::extractors
