// Cutting a PDF's pages into documents, and naming each document's kind.
//
// A nazending bundle is one PDF holding cover letters, motions,
// amendments, preadviezen and resoluties one after another; each starts on
// a new page with a recognisable top (rules "doc.*" in grammar.cc). A page
// whose top matches no start rule continues the document before it.
#ifndef MOTIEARCHIEF_PIPELINE_SPLITTER_H_
#define MOTIEARCHIEF_PIPELINE_SPLITTER_H_

#include <string>
#include <vector>

#include "text/page.h"

namespace motiearchief::pipeline {

struct DocumentSpan {
  std::string soort;  // schema::kMotie, ...
  int first_page = 0;
  int last_page = 0;
  std::string rule;  // the rule that started or classified the document
};

// Spans in page order, covering every page exactly once.
std::vector<DocumentSpan> SplitIntoDocuments(const std::vector<text::Page>& pages);

// The start rule matching the top of `page_text`, with the kind it implies
// ("motie", "preadvies", ...); empty when the page continues a document.
struct PageStart {
  std::string soort;
  std::string rule;
};
PageStart DetectPageStart(const std::string& page_text);

}  // namespace motiearchief::pipeline

#endif  // MOTIEARCHIEF_PIPELINE_SPLITTER_H_
