// Reading a rendered page with Tesseract 5 (LSTM, Dutch model `nld`).
//
// Pixels are handed over in memory, never as a file path. Each OcrEngine
// holds its own Tesseract instances, initialised once and reused for every
// page it reads. Pages are read in parallel by several engines, which is
// faster on few cores than Tesseract's own OpenMP threads: those are
// switched off by OMP_THREAD_LIMIT=1, which OpenMP reads when its library
// loads, so whoever loads this library sets it first (the module loader,
// pipeline/reader_module.cc; CTest for the tests that link it).
//
// Thread-safety: one OcrEngine per thread; engines on different threads
// share nothing.
#ifndef MOTIEARCHIEF_READER_OCR_H_
#define MOTIEARCHIEF_READER_OCR_H_

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "text/layout.h"

namespace motiearchief::reader {

struct OcrOptions {
  // OCR pages whose text layer is not usable. Default true.
  bool enabled = true;
  // Render resolution; a page that is a scan is rendered at the scan's own
  // resolution when that is lower (enlarging adds time, not detail), but
  // not below 150. Default 300 dpi.
  int dpi = 300;
  // Pages read at once, one engine each; 0: the number of cores. Default 0.
  int jobs = 0;
  // Tesseract language (model). Default "nld".
  std::string language = "nld";
  // Where the models are; empty: Tesseract's default. Default empty.
  std::string tessdata;
  // Renders larger than this many pixels are made at a lower resolution,
  // so a page of absurd size cannot exhaust memory. Default 60 million.
  long max_pixels = 60'000'000;
  // A page drawing an image of more pixels than this (as the PDF declares
  // them) is not OCR'd, and a warning says why: rendering would decode the
  // whole image, minutes of work for a hostile file. Default 250 million
  // (an A0 page scanned at 400 dpi).
  double max_image_pixels = 250e6;
};

// An 8-bit greyscale image, rows top to bottom.
struct GrayImage {
  int width = 0;
  int height = 0;
  int bytes_per_row = 0;
  int dpi = 300;  // resolution it was rendered at; Tesseract scales by it
  std::vector<unsigned char> pixels;
};

struct OcrResult {
  std::string text;                  // UTF-8
  std::vector<text::LineBox> boxes;  // per line of `text`, in points (text/layout.h)
  double confidence = 0;             // mean word confidence, 0..100
  int rotated_degrees = 0;           // how far the page was turned back (0, 90, 180, 270)
};

class OcrEngine {
 public:
  // kInternal when Tesseract or its model cannot be loaded (the message
  // says which model and where it was looked for).
  static Result<std::unique_ptr<OcrEngine>> Create(const OcrOptions& options);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // Reads a page, turned by 90/180/270 degrees or not. Small skew is left
  // to Tesseract's layout analysis. A page whose lines run up or down, or
  // that reads badly, gets orientation detection (the "osd" model); when
  // found turned it is read again turned back, and the better read counts.
  // Not thread-safe: one engine per thread.
  Result<OcrResult> Read(const GrayImage& image);

  // Which program and model read: "tesseract 5.3.0 (4.00.00alpha:nld:
  // synth20170629:[...], LSTM)"; the language alone when the model has no
  // version string.
  const std::string& Name() const;

 private:
  // Reads the image the reader was given (rendered at `dpi`, to give boxes
  // in points), then clears.
  OcrResult Recognize(int dpi);
  OcrResult ReadTurnedBack(const GrayImage& image, int degrees);
  int DetectTurn(const GrayImage& image);  // degrees clockwise, or 0

  struct Impl;
  explicit OcrEngine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The version string inside `language`.traineddata in the folder
// `tessdata` (e.g. "4.00.00alpha:nld:synth20170629:[1,36,...]"), as
// `combine_tessdata -d` prints it; empty when the file has none.
std::string ModelVersion(const std::string& tessdata, const std::string& language);

// Turns `image` clockwise by 90, 180 or 270 degrees.
GrayImage Rotate(const GrayImage& image, int degrees);

}  // namespace motiearchief::reader

#endif  // MOTIEARCHIEF_READER_OCR_H_
