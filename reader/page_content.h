// Page content size: how many bytes a page's drawing instructions (its
// content streams and the forms they draw) hold once decompressed, counted
// only up to a limit. A decompression bomb is a few kilobytes of Flate that
// inflate to hundreds of megabytes of instructions; Poppler would parse
// them once for the text, once to find images and once to render, seconds
// each, for a page that holds nothing. Counting is a plain inflate,
// stopped at the limit. Internal to reader/ (Poppler's own API:
// poppler-cpp does not show content streams).
#ifndef MOTIEARCHIEF_READER_PAGE_CONTENT_H_
#define MOTIEARCHIEF_READER_PAGE_CONTENT_H_

#include <cstddef>
#include <vector>

#include "reader/poppler_doc.h"

namespace motiearchief::reader {

// The 0-based indices of the pages of `file` whose content streams, with
// the form XObjects their resources name (each form counted once, however
// often it is drawn), decode to more than `max_bytes`. Empty when the file
// cannot be read: the caller's own reading then says why.
std::vector<int> PagesOverContentLimit(const PopplerDoc& file, std::size_t max_bytes);

}  // namespace motiearchief::reader

#endif  // MOTIEARCHIEF_READER_PAGE_CONTENT_H_
