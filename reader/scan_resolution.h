// Scan resolution: how many pixels per inch the scanned image on a page
// carries, so OCR can read the scan at the resolution it was made at.
// Internal to reader/ (Poppler's own API, not poppler-cpp: poppler-cpp
// says nothing about the images on a page).
#ifndef MOTIEARCHIEF_READER_SCAN_RESOLUTION_H_
#define MOTIEARCHIEF_READER_SCAN_RESOLUTION_H_

#include <vector>

#include "reader/poppler_doc.h"

namespace motiearchief::reader {

// What the images drawn on one page amount to.
struct PageImages {
  // The resolution (pixels per inch, the lower of the two axes) of the
  // largest image drawn when it covers at least half the page, as a scan
  // does; 0 for a page without one.
  double scan_ppi = 0;
  // Width times height of the image with the most pixels (as the PDF
  // declares them), 0 without images: what rendering the page would decode.
  double most_pixels = 0;
};

// For each 0-based page index in `pages` of `file`, its images; zeros for
// every page when the file cannot be read (the caller then renders at its
// default). Interprets the pages' content but decodes no image.
std::vector<PageImages> ImagesOnPages(const PopplerDoc& file, const std::vector<int>& pages);

}  // namespace motiearchief::reader

#endif  // MOTIEARCHIEF_READER_SCAN_RESOLUTION_H_
