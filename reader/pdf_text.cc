#include "reader/pdf_text.h"

#include <malloc.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <poppler/cpp/poppler-version.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

#include "reader/page_content.h"
#include "reader/page_text.h"
#include "reader/scan_resolution.h"
#include "text/page.h"

namespace motiearchief::reader {
namespace {

// Poppler reports through one global callback; collect into the reader
// running on this thread.
thread_local std::vector<std::string>* t_warnings = nullptr;

void CollectPopplerMessage(const std::string& message, void*) {
  if (t_warnings == nullptr || t_warnings->size() >= 100) return;
  // Pages needing OCR are parsed twice (ImagesOnPages): say things once.
  std::string warning = "poppler: " + message;
  if (std::find(t_warnings->begin(), t_warnings->end(), warning) == t_warnings->end()) {
    t_warnings->push_back(std::move(warning));
  }
}

// Once per process: Poppler's messages become warnings, and freed page
// renders stay in the heap. A render (and Tesseract's copies of it) is
// megabytes, made and freed page after page; with glibc's defaults the
// freed heap went back to the kernel and came back zero-filled for the next
// page: on a damaged 36-page report, 2.6 s of its 3.8 s were page faults,
// 0.5 s of 1.0 s with blocks up to 64 MiB from the heap and up to 256 MiB of
// it kept. (The pool's readers are restarted every N files and have a
// memory limit, so what is kept stays bounded.)
void PrepareProcessOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function(CollectPopplerMessage, nullptr);
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
  });
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

// Below this a scan is enlarged for Tesseract (measured on the samples'
// 150-ppi scans: read at 150 as well as at 300 dpi, in three quarters of
// the time).
constexpr double kMinScanDpi = 150;

// Renders page `p` in greyscale at options.dpi; a scan of `scan_ppi` pixels
// per inch at that resolution when lower (enlarging a scan adds no detail,
// only time), but not below kMinScanDpi; lower still when the page is so
// large that the image would pass options.max_pixels.
GrayImage Render(const poppler::page& p, const OcrOptions& options, double scan_ppi,
                 std::string* warning) {
  poppler::rectf box = p.page_rect();
  double dpi = options.dpi;
  if (scan_ppi > 0) dpi = std::min(dpi, std::max(kMinScanDpi, std::round(scan_ppi)));
  const double pixels = box.width() / 72.0 * dpi * (box.height() / 72.0 * dpi);
  if (pixels > static_cast<double>(options.max_pixels)) {
    dpi *= std::sqrt(static_cast<double>(options.max_pixels) / pixels);
    *warning = "page is " + std::to_string(static_cast<int>(box.width())) + "x" +
               std::to_string(static_cast<int>(box.height())) + " pt; rendered at " +
               std::to_string(static_cast<int>(dpi)) + " dpi";
  }
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image image = renderer.render_page(&p, dpi, dpi);
  GrayImage gray;
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) return gray;
  gray.width = image.width();
  gray.height = image.height();
  gray.bytes_per_row = image.bytes_per_row();
  gray.dpi = static_cast<int>(dpi);
  const char* data = image.const_data();
  gray.pixels.assign(data, data + static_cast<size_t>(gray.bytes_per_row) * gray.height);
  return gray;
}

// True when every pixel is (nearly) the same: nothing to read, or a render
// that "succeeded" without drawing anything.
bool Blank(const GrayImage& image) {
  if (image.pixels.empty()) return true;
  unsigned char lo = 255, hi = 0;
  for (int y = 0; y < image.height; y += 4) {
    const unsigned char* row = image.pixels.data() + static_cast<size_t>(y) * image.bytes_per_row;
    for (int x = 0; x < image.width; x += 4) {
      lo = std::min(lo, row[x]);
      hi = std::max(hi, row[x]);
    }
  }
  return hi - lo < 32;
}

// Renders the pages listed in `todo` one by one on this thread (Poppler's
// document is not for concurrent use) and reads them on `jobs` threads,
// each with its own engine; at most `jobs` rendered pages wait.
// `scan_ppi[i]` is the scan resolution of page `todo[i]` (0: none).
void OcrPages(poppler::document& doc, const std::vector<int>& todo,
              const std::vector<double>& scan_ppi, const OcrOptions& options, PdfText& result) {
  const int jobs = std::max(
      1, std::min<int>(static_cast<int>(todo.size()),
                       options.jobs > 0
                           ? options.jobs
                           : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))));
  std::mutex mu;
  std::condition_variable changed;
  std::deque<std::pair<int, GrayImage>> queue;
  bool done = false;
  std::vector<std::string> warnings;
  auto add_warning = [&](std::string what) {
    std::lock_guard<std::mutex> lock(mu);
    warnings.push_back(std::move(what));
  };
  auto warn = [&](int index, const std::string& what) {
    add_warning("page " + std::to_string(index + 1) + ": " + what);
  };
  auto worker = [&] {
    auto engine = OcrEngine::Create(options);
    // Every worker fails alike; the duplicates go below.
    if (!engine.ok()) add_warning(engine.status().message());
    while (true) {
      std::pair<int, GrayImage> job;
      {
        std::unique_lock<std::mutex> lock(mu);
        changed.wait(lock, [&] { return !queue.empty() || done; });
        if (queue.empty()) return;
        job = std::move(queue.front());
        queue.pop_front();
      }
      changed.notify_all();
      if (!engine.ok()) continue;
      auto read = (*engine)->Read(job.second);
      if (!read.ok()) {
        warn(job.first, "OCR failed: " + read.status().message());
        continue;
      }
      PdfPage& page = result.pages[static_cast<size_t>(job.first)];
      // A short text layer (a stamp, a header) stays unless OCR finds more.
      if (text::CountLetters(read->text) < std::max(40, 2 * text::CountLetters(page.text))) {
        warn(job.first, "OCR found no more text than the text layer");
        continue;
      }
      page.text = std::move(read->text);
      page.boxes = std::move(read->boxes);
      page.method = "ocr";
      page.ocr_confidence = read->confidence;
      page.engine = (*engine)->Name();
      if (read->rotated_degrees != 0) {
        warn(job.first,
             "turned by " + std::to_string(read->rotated_degrees) + " degrees; read turned back");
      }
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < jobs; ++i) threads.emplace_back(worker);
  for (size_t i = 0; i < todo.size(); ++i) {
    const int index = todo[i];
    std::unique_ptr<poppler::page> p(doc.create_page(index));
    if (!p) continue;
    std::string note;
    GrayImage image = Render(*p, options, scan_ppi[i], &note);
    if (!note.empty()) warn(index, note);
    if (Blank(image)) {
      warn(index, image.pixels.empty() ? "the render is empty" : "blank page, nothing to read");
      continue;
    }
    std::unique_lock<std::mutex> lock(mu);
    changed.wait(lock, [&] { return queue.size() < static_cast<size_t>(jobs); });
    queue.emplace_back(index, std::move(image));
    changed.notify_all();
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    done = true;
  }
  changed.notify_all();
  for (auto& t : threads) t.join();
  std::sort(warnings.begin(), warnings.end());
  warnings.erase(std::unique(warnings.begin(), warnings.end()), warnings.end());
  for (auto& w : warnings) result.warnings.push_back(std::move(w));
}

}  // namespace

Result<PdfText> ReadPdfText(const std::string& path, const PdfReadOptions& options) {
  MA_RETURN_IF_ERROR(CheckPdfHeader(path));
  PrepareProcessOnce();
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
  // Poppler's own copy of the file, for what poppler-cpp does not show: the
  // size of each page's content, its text and words in one pass, its images.
  const PopplerDoc file(path);
  // Decompression bombs: counted before anything parses them.
  const std::size_t limit = options.max_page_content_bytes;
  const std::string limit_text = limit % (1 << 20) == 0 ? std::to_string(limit >> 20) + " MiB"
                                                        : std::to_string(limit) + " bytes";
  std::vector<bool> unread(static_cast<size_t>(pages), false);
  for (int i : PagesOverContentLimit(file, limit)) {
    if (i < 0 || i >= pages) continue;
    unread[static_cast<size_t>(i)] = true;
    result.warnings.push_back("page " + std::to_string(i + 1) +
                              ": not read: its drawing instructions decompress to more than " +
                              limit_text + " (the limit), as a decompression bomb's do");
  }
  // Each page's text and words from one pass over its content (page_text.h).
  result.pages.reserve(static_cast<size_t>(pages));
  for (int i = 0; i < pages; ++i) {
    PdfPage page;
    page.number = i + 1;
    if (unread[static_cast<size_t>(i)]) {
      result.pages.push_back(std::move(page));
      continue;
    }
    PageText read = ReadPageText(file, i);
    if (read.read) {
      page.text = std::move(read.text);
      if (!read.words.empty()) page.boxes = text::AlignLineBoxes(page.text, read.words);
    } else {
      result.warnings.push_back("page " + std::to_string(i + 1) +
                                ": Poppler cannot read this page");
    }
    result.pages.push_back(std::move(page));
  }
  if (options.ocr.enabled) {
    // Route each page by what it holds: text is used as it is, however
    // short; OCR reads pages with no text or garbage, and pages whose text
    // is a fragment over a scanned image (a stamp, a header).
    std::vector<int> missing;
    std::vector<int> fragments;
    for (size_t i = 0; i < result.pages.size(); ++i) {
      if (unread[i]) continue;
      switch (text::ClassifyPageText(result.pages[i].text)) {
        case text::PageTextKind::kEmpty:
        case text::PageTextKind::kGarbage:
          missing.push_back(static_cast<int>(i));
          break;
        case text::PageTextKind::kFragment:
          fragments.push_back(static_cast<int>(i));
          break;
        case text::PageTextKind::kText:
          break;
      }
    }
    std::vector<int> candidates = missing;
    candidates.insert(candidates.end(), fragments.begin(), fragments.end());
    const std::vector<PageImages> images = ImagesOnPages(file, candidates);
    std::vector<int> todo;
    std::vector<double> todo_ppi;
    for (size_t i = 0; i < candidates.size(); ++i) {
      if (images[i].most_pixels > options.ocr.max_image_pixels) {
        std::ostringstream why;
        why << "page " << candidates[i] + 1 << ": not OCR'd, it draws an image of "
            << std::llround(images[i].most_pixels / 1e6) << " million pixels (the limit is "
            << std::llround(options.ocr.max_image_pixels / 1e6) << " million)";
        result.warnings.push_back(why.str());
        continue;
      }
      if (i < missing.size() || images[i].scan_ppi > 0) {
        todo.push_back(candidates[i]);
        todo_ppi.push_back(images[i].scan_ppi);
      }
    }
    if (!todo.empty()) OcrPages(*doc, todo, todo_ppi, options.ocr, result);
  }
  return result;
}

std::string PopplerVersion() { return "poppler-cpp " + poppler::version_string(); }

}  // namespace motiearchief::reader

extern "C" __attribute__((visibility("default"))) const motiearchief::reader::ReaderApi*
motiearchief_reader_api() {
  static const motiearchief::reader::ReaderApi api{&motiearchief::reader::ReadPdfText,
                                                   &motiearchief::reader::PopplerVersion};
  return &api;
}
