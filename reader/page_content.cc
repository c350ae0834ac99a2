#include "reader/page_content.h"

#include <poppler/Object.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/Stream.h>

#include <set>
#include <utility>

namespace motiearchief::reader {
namespace {

// Adds up decoded bytes until the budget is spent.
class ContentCounter {
 public:
  ContentCounter(XRef* xref, std::size_t max_bytes) : xref_(xref), max_bytes_(max_bytes) {}

  bool Over() const { return total_ > max_bytes_; }

  // A page's /Contents: one stream or an array of them.
  void AddContents(const Object& contents) {
    if (contents.isArray()) {
      for (int i = 0; i < contents.arrayGetLength() && !Over(); ++i) {
        AddStream(contents.arrayGet(i, 0));
      }
    } else {
      AddStream(contents.copy());
    }
  }

  // The form XObjects a resource dictionary names, and theirs in turn;
  // each object once (a form may name itself).
  void AddForms(Dict* resources, int depth = 0) {
    if (resources == nullptr || depth > 16 || Over()) return;
    Object xobjects = resources->lookup("XObject");
    if (!xobjects.isDict()) return;
    Dict* dict = xobjects.getDict();
    for (int i = 0; i < dict->getLength() && !Over(); ++i) {
      const Object& ref = dict->getValNF(i);
      if (ref.isRef()) {
        if (!seen_.insert({ref.getRef().num, ref.getRef().gen}).second) continue;
      }
      Object form = ref.fetch(xref_);
      if (!form.isStream() || !form.streamGetDict()->lookup("Subtype").isName("Form")) continue;
      Object form_resources = form.streamGetDict()->lookup("Resources");
      AddStream(std::move(form));
      if (form_resources.isDict()) AddForms(form_resources.getDict(), depth + 1);
    }
  }

 private:
  void AddStream(Object stream) {
    if (!stream.isStream()) return;
    Stream* s = stream.getStream();
    s->reset();
    unsigned char buffer[1 << 16];
    int n;
    while (!Over() && (n = s->doGetChars(sizeof buffer, buffer)) > 0) {
      total_ += static_cast<std::size_t>(n);
    }
    s->close();
  }

  XRef* xref_;
  std::size_t max_bytes_;
  std::size_t total_ = 0;
  std::set<std::pair<int, int>> seen_;
};

}  // namespace

std::vector<int> PagesOverContentLimit(const PopplerDoc& file, std::size_t max_bytes) {
  std::vector<int> over;
  if (!file.ok()) return over;
  PDFDoc& doc = file.pdf();
  for (int number = 1; number <= doc.getNumPages(); ++number) {
    Page* page = doc.getPage(number);
    if (page == nullptr) continue;
    ContentCounter counter(doc.getXRef(), max_bytes);
    counter.AddContents(page->getContents());
    counter.AddForms(page->getResourceDict());
    if (counter.Over()) over.push_back(number - 1);
  }
  return over;
}

}  // namespace motiearchief::reader
