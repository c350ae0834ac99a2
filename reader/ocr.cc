#include "reader/ocr.h"

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace motiearchief::reader {
namespace {

// Below this OSD confidence a page is read as it is (Tesseract: 15 is
// "reasonably confident"; a text page turned by 90 degrees scores far more).
constexpr float kMinOrientationConfidence = 5.0f;

// A read with a mean word confidence below this may be of a page upside
// down (measured: upright scans 85-95, the same pages turned 180: 35-40).
constexpr int kConfidentRead = 70;

const char* DataPath(const OcrOptions& o) {
  return o.tessdata.empty() ? nullptr : o.tessdata.c_str();
}

// Hands `image` to `api`, which copies it.
void GiveImage(tesseract::TessBaseAPI& api, const GrayImage& image) {
  api.SetVariable("user_defined_dpi", std::to_string(image.dpi).c_str());
  api.SetImage(image.pixels.data(), image.width, image.height, 1, image.bytes_per_row);
  api.SetSourceResolution(image.dpi);
}

// True when most of the text in the layout runs up or down the page
// (Tesseract takes such lines for vertical writing): a page turned by 90 or
// 270 degrees. Which of the two, only orientation detection tells.
bool LinesRunVertically(tesseract::PageIterator& it) {
  long vertical = 0, horizontal = 0;
  do {
    tesseract::Orientation orientation;
    tesseract::WritingDirection direction;
    tesseract::TextlineOrder order;
    float deskew = 0;
    int left, top, right, bottom;
    if (!it.BoundingBox(tesseract::RIL_BLOCK, &left, &top, &right, &bottom)) continue;
    it.Orientation(&orientation, &direction, &order, &deskew);
    const long area = static_cast<long>(right - left) * (bottom - top);
    (direction == tesseract::WRITING_DIRECTION_TOP_TO_BOTTOM ? vertical : horizontal) += area;
  } while (it.Next(tesseract::RIL_BLOCK));
  return vertical > horizontal;
}

}  // namespace

std::string ModelVersion(const std::string& tessdata, const std::string& language) {
  // A .traineddata file: int32 entry count, one int64 offset per entry (-1:
  // absent), then the entries; entry 23 (TESSDATA_VERSION) is the version
  // string. Little-endian, as Tesseract writes it on every platform we run.
  constexpr int kVersionEntry = 23;
  std::string path = tessdata;
  if (!path.empty() && path.back() != '/') path += '/';
  std::ifstream in(path + language + ".traineddata", std::ios::binary);
  int32_t entries = 0;
  if (!in.read(reinterpret_cast<char*>(&entries), sizeof entries) || entries <= kVersionEntry ||
      entries > 1000) {
    return "";
  }
  std::vector<int64_t> offsets(static_cast<size_t>(entries));
  if (!in.read(reinterpret_cast<char*>(offsets.data()),
               static_cast<std::streamsize>(offsets.size() * sizeof(int64_t)))) {
    return "";
  }
  const int64_t begin = offsets[kVersionEntry];
  if (begin <= 0) return "";
  in.seekg(0, std::ios::end);
  int64_t end = in.tellg();
  for (int i = kVersionEntry + 1; i < entries; ++i) {
    if (offsets[static_cast<size_t>(i)] > begin) {
      end = offsets[static_cast<size_t>(i)];
      break;
    }
  }
  if (end <= begin || end - begin > 1024) return "";
  std::string version(static_cast<size_t>(end - begin), '\0');
  in.seekg(begin);
  if (!in.read(version.data(), static_cast<std::streamsize>(version.size()))) return "";
  while (!version.empty() && (version.back() == '\0' || version.back() == '\n')) {
    version.pop_back();
  }
  return version;
}

struct OcrEngine::Impl {
  std::string name;
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
  auto impl = std::make_unique<Impl>();
  if (impl->reader.Init(DataPath(options), options.language.c_str(), tesseract::OEM_LSTM_ONLY) !=
      0) {
    return Status::Internal("Tesseract cannot load the model \"" + options.language + "\"" +
                            (options.tessdata.empty() ? "" : " from " + options.tessdata) +
                            " (Debian: tesseract-ocr-" + options.language + ")");
  }
  std::string model = ModelVersion(impl->reader.GetDatapath(), options.language);
  impl->name = std::string("tesseract ") + tesseract::TessBaseAPI::Version() + " (" +
               (model.empty() ? options.language : model) + ", LSTM)";
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

OcrResult OcrEngine::Recognize(int dpi) {
  OcrResult result;
  std::unique_ptr<char[]> text(impl_->reader.GetUTF8Text());
  if (text) result.text = text.get();
  result.confidence = impl_->reader.MeanTextConf();
  // Tesseract's text lines with their boxes, in points, to place the lines
  // of the text. Each word takes its line's box: a scan is seldom quite
  // straight, and the words at the end of a tilted line stand lower than
  // those at its start.
  std::vector<text::WordBox> words;
  const float points = 72.0f / static_cast<float>(dpi > 0 ? dpi : 300);
  std::unique_ptr<tesseract::ResultIterator> it(impl_->reader.GetIterator());
  if (it != nullptr) {
    do {
      int left = 0, top = 0, right = 0, bottom = 0;
      if (!it->BoundingBox(tesseract::RIL_TEXTLINE, &left, &top, &right, &bottom)) continue;
      std::unique_ptr<char[]> line(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
      if (!line) continue;
      const text::LineBox box{left * points, top * points, right * points, bottom * points, 0,
                              false};
      std::istringstream in(line.get());
      for (std::string word; in >> word;) words.push_back({word, box});
    } while (it->Next(tesseract::RIL_TEXTLINE));
  }
  result.boxes = text::AlignLineBoxes(result.text, words);
  impl_->reader.Clear();
  return result;
}

OcrResult OcrEngine::ReadTurnedBack(const GrayImage& image, int degrees) {
  // `degrees` is how far the page is turned clockwise; turn it back.
  GiveImage(impl_->reader, Rotate(image, (360 - degrees) % 360));
  OcrResult result = Recognize(image.dpi);
  result.rotated_degrees = degrees;
  return result;
}

int OcrEngine::DetectTurn(const GrayImage& image) {
  GiveImage(impl_->orientation, image);
  int degrees = 0;
  float confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  const bool found = impl_->orientation.DetectOrientationScript(&degrees, &confidence, &script,
                                                                &script_confidence);
  impl_->orientation.Clear();
  return found && confidence >= kMinOrientationConfidence ? degrees : 0;
}

Result<OcrResult> OcrEngine::Read(const GrayImage& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() < static_cast<size_t>(image.bytes_per_row) * image.height) {
    return Status::InvalidArgument("empty page image");
  }
  // Most pages are upright and read well: orientation detection (about a
  // third of the time of a read) runs only for a page whose lines run up
  // or down (Tesseract reads those, but worse: letters dropped at 150 dpi),
  // seen in the layout before recognition, which reuses it; or for a page
  // that read badly, as one upside down does.
  GiveImage(impl_->reader, image);
  bool vertical = false;
  if (impl_->has_orientation) {
    std::unique_ptr<tesseract::PageIterator> layout(impl_->reader.AnalyseLayout());
    vertical = layout != nullptr && LinesRunVertically(*layout);
  }
  if (vertical) {
    impl_->reader.Clear();
    const int degrees = DetectTurn(image);
    if (degrees != 0) return ReadTurnedBack(image, degrees);
    GiveImage(impl_->reader, image);
  }
  OcrResult result = Recognize(image.dpi);
  if (vertical || result.confidence >= kConfidentRead || !impl_->has_orientation) return result;
  const int degrees = DetectTurn(image);
  if (degrees == 0) return result;
  OcrResult turned = ReadTurnedBack(image, degrees);
  return turned.confidence > result.confidence ? turned : result;
}

const std::string& OcrEngine::Name() const { return impl_->name; }

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

}  // namespace motiearchief::reader
