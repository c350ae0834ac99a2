#include "extractors/pdf_text.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <poppler/cpp/poppler-version.h>

#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>

namespace motiearchief::extractors {
namespace {

// Poppler reports through one global callback; collect into the reader
// running on this thread.
thread_local std::vector<std::string>* t_warnings = nullptr;

void CollectPopplerMessage(const std::string& message, void*) {
  if (t_warnings != nullptr && t_warnings->size() < 100) {
    t_warnings->push_back("poppler: " + message);
  }
}

void InstallPopplerCallbackOnce() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(CollectPopplerMessage, nullptr); });
}

Status CheckPdfHeader(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  char head[1024] = {};
  in.read(head, sizeof head);
  std::string_view view(head, static_cast<size_t>(in.gcount()));
  if (view.empty()) return Status::Error(Status::Code::kEmpty, path + ": empty file");
  if (view.find("%PDF-") == std::string_view::npos) {
    return Status::Error(Status::Code::kNotPdf, path + ": not a PDF (no %PDF- header)");
  }
  return Status::Ok();
}

}  // namespace

Result<PdfText> ReadPdfText(const std::string& path, const PdfReadOptions& options) {
  MA_RETURN_IF_ERROR(CheckPdfHeader(path));
  InstallPopplerCallbackOnce();
  PdfText result;
  t_warnings = &result.warnings;
  struct Reset {
    ~Reset() { t_warnings = nullptr; }
  } reset;

  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc) {
    return Status::Error(Status::Code::kDamaged, path + ": Poppler cannot open this PDF");
  }
  if (doc->is_locked()) {
    return Status::Error(Status::Code::kEncrypted, path + ": encrypted, a user password is needed");
  }
  result.encrypted = doc->is_encrypted();
  const int pages = doc->pages();
  if (pages <= 0) {
    return Status::Error(Status::Code::kDamaged, path + ": PDF has no pages");
  }
  if (pages > options.max_pages) {
    return Status::Error(Status::Code::kTooLarge, path + ": " + std::to_string(pages) +
                                                      " pages, over the limit of " +
                                                      std::to_string(options.max_pages));
  }
  result.pages.reserve(static_cast<size_t>(pages));
  for (int i = 0; i < pages; ++i) {
    PdfPage page;
    page.number = i + 1;
    std::unique_ptr<poppler::page> p(doc->create_page(i));
    if (p) {
      poppler::byte_array utf8 =
          p->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
      page.text.assign(utf8.begin(), utf8.end());
    } else {
      result.warnings.push_back("page " + std::to_string(i + 1) +
                                ": Poppler cannot read this page");
    }
    result.pages.push_back(std::move(page));
  }
  return result;
}

std::string PopplerVersion() { return "poppler-cpp " + poppler::version_string(); }

}  // namespace motiearchief::extractors
