#include "extractors/lines.h"

#include "text/normalize.h"

namespace motiearchief::extractors {

using text::Trim;

std::vector<Segment> Segments(std::string_view line) {
  std::vector<Segment> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) break;
    size_t start = i;
    while (i < line.size() && !(line[i] == ' ' && i + 1 < line.size() && line[i + 1] == ' ')) ++i;
    out.push_back({std::string(Trim(line.substr(start, i - start))), start});
  }
  return out;
}

}  // namespace motiearchief::extractors
