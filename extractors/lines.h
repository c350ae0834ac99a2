// A document as the field extractors see it: its lines in reading order,
// each with the page it stands on. Page furniture (page numbers, running
// footers) is already dropped (rule "page.furniture").
#ifndef MOTIEARCHIEF_EXTRACTORS_LINES_H_
#define MOTIEARCHIEF_EXTRACTORS_LINES_H_

#include <string>
#include <vector>

namespace motiearchief::pipeline {

struct Line {
  std::string text;  // one line, columns kept as runs of 2+ spaces
  int page = 0;      // 1-based page of the file
};

}  // namespace motiearchief::pipeline

#endif  // MOTIEARCHIEF_EXTRACTORS_LINES_H_
