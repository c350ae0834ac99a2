// A PDF opened by Poppler itself, for what poppler-cpp does not show: a
// page's text and words in one pass (page_text.h), the size of its content
// (page_content.h), the images it draws (scan_resolution.h). Opened once per
// file and shared by them, beside poppler-cpp's own copy, which renders.
// Internal to reader/.
#ifndef MOTIEARCHIEF_READER_POPPLER_DOC_H_
#define MOTIEARCHIEF_READER_POPPLER_DOC_H_

#include <memory>
#include <string>

class GlobalParamsIniter;
class PDFDoc;

namespace motiearchief::reader {

// Holds Poppler's global settings while it lives. Poppler's messages go
// where poppler-cpp sends them while a poppler::document is alive (so keep
// one open), else to stderr. Thread-compatible: one thread at a time.
class PopplerDoc {
 public:
  explicit PopplerDoc(const std::string& path);
  ~PopplerDoc();
  PopplerDoc(const PopplerDoc&) = delete;
  PopplerDoc& operator=(const PopplerDoc&) = delete;

  // False when Poppler cannot open the file; the functions that take a
  // PopplerDoc then find nothing.
  bool ok() const;
  // Poppler's document (its reads are not const; the file stays the same).
  PDFDoc& pdf() const { return *doc_; }

 private:
  std::unique_ptr<GlobalParamsIniter> params_;  // before doc_: outlives it
  std::unique_ptr<PDFDoc> doc_;
};

}  // namespace motiearchief::reader

#endif  // MOTIEARCHIEF_READER_POPPLER_DOC_H_
