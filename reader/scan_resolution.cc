#include "reader/scan_resolution.h"

#include <poppler/GfxState.h>
#include <poppler/OutputDev.h>
#include <poppler/PDFDoc.h>

#include <cmath>

namespace motiearchief::reader {
namespace {

// Sees where each image lands on the page; draws nothing. The base class's
// image calls skip inline image data, so they are called after recording.
class ImageFinder : public OutputDev {
 public:
  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }
  bool needNonText() override { return true; }

  void startPage(int, GfxState* state, XRef*) override {
    page_area_ = state ? state->getPageWidth() * state->getPageHeight() : 0;
    largest_area_ = 0;
    ppi_ = 0;
    most_pixels_ = 0;
  }
  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert,
                     bool interpolate, bool inline_image) override {
    Record(state, width, height);
    OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_image);
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                 GfxImageColorMap* color_map, bool interpolate, const int* mask_colors,
                 bool inline_image) override {
    Record(state, width, height);
    OutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors,
                         inline_image);
  }
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                       GfxImageColorMap* color_map, bool interpolate, Stream* mask_str,
                       int mask_width, int mask_height, bool mask_invert,
                       bool mask_interpolate) override {
    Record(state, width, height);
    OutputDev::drawMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str,
                               mask_width, mask_height, mask_invert, mask_interpolate);
  }
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                           GfxImageColorMap* color_map, bool interpolate, Stream* mask_str,
                           int mask_width, int mask_height, GfxImageColorMap* mask_color_map,
                           bool mask_interpolate) override {
    Record(state, width, height);
    OutputDev::drawSoftMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str,
                                   mask_width, mask_height, mask_color_map, mask_interpolate);
  }

  // The scan's resolution on the last page shown, or 0.
  double ScanPpi() const { return page_area_ > 0 && largest_area_ >= 0.5 * page_area_ ? ppi_ : 0; }
  double MostPixels() const { return most_pixels_; }

 private:
  // At 72 dpi the transformation maps the image's unit square to points.
  void Record(GfxState* state, int width, int height) {
    if (state == nullptr || width <= 0 || height <= 0) return;
    most_pixels_ = std::max(most_pixels_, static_cast<double>(width) * height);
    const double* m = state->getCTM();
    const double area = std::fabs(m[0] * m[3] - m[1] * m[2]);
    const double across = std::hypot(m[0], m[1]) / 72.0;  // inches
    const double down = std::hypot(m[2], m[3]) / 72.0;
    if (area <= largest_area_ || across <= 0 || down <= 0) return;
    largest_area_ = area;
    ppi_ = std::min(width / across, height / down);
  }

  double page_area_ = 0;
  double largest_area_ = 0;
  double ppi_ = 0;
  double most_pixels_ = 0;
};

}  // namespace

std::vector<PageImages> ImagesOnPages(const PopplerDoc& file, const std::vector<int>& pages) {
  std::vector<PageImages> result(pages.size());
  if (!file.ok()) return result;
  PDFDoc& doc = file.pdf();
  ImageFinder finder;
  for (size_t i = 0; i < pages.size(); ++i) {
    const int number = pages[i] + 1;
    if (number < 1 || number > doc.getNumPages()) continue;
    doc.displayPage(&finder, number, 72, 72, 0, /*useMediaBox=*/true, /*crop=*/false,
                    /*printing=*/false);
    result[i] = {finder.ScanPpi(), finder.MostPixels()};
  }
  return result;
}

}  // namespace motiearchief::reader
