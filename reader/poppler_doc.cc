#include "reader/poppler_doc.h"

#include <poppler/GlobalParams.h>
#include <poppler/PDFDoc.h>
#include <poppler/goo/GooString.h>

namespace motiearchief::reader {

PopplerDoc::PopplerDoc(const std::string& path)
    // Counted: poppler-cpp holds one as well; the first one set up wins.
    : params_(std::make_unique<GlobalParamsIniter>(nullptr)),
      doc_(std::make_unique<PDFDoc>(std::make_unique<GooString>(path))) {}

PopplerDoc::~PopplerDoc() = default;

bool PopplerDoc::ok() const { return doc_ && doc_->isOk(); }

}  // namespace motiearchief::reader
