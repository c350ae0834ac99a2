// Reading the text layer of a PDF with Poppler (poppler-cpp).
//
// This is the only place, with ocr.h, that touches Poppler: everything else
// sees pages of UTF-8 text. Poppler is fed files from outside and has known
// crashes and hangs on crafted input, so callers that handle untrusted files
// run ReadPdfText in a child process (see pipeline/isolated_reader.h).
//
// Thread-safety: ReadPdfText may be called from several threads at once on
// different files; it keeps no state between calls.
#ifndef MOTIEARCHIEF_READER_PDF_TEXT_H_
#define MOTIEARCHIEF_READER_PDF_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "reader/ocr.h"
#include "text/layout.h"

namespace motiearchief::reader {

struct PdfPage {
  int number = 0;               // 1-based
  std::string text;             // UTF-8, Poppler's physical layout (columns kept)
  std::string method = "text";  // "text" (text layer) or "ocr"
  double ocr_confidence = -1;   // mean word confidence 0..100, -1 if no OCR
  std::string engine;           // for OCR: OcrEngine::Name(), Tesseract's and the model's version
  // Where each line of `text` stands (text::AlignLineBoxes): from Poppler's
  // word boxes and fonts, or from Tesseract's word boxes for OCR. Empty
  // when the reader had no geometry for the page.
  std::vector<text::LineBox> boxes;
};

struct PdfText {
  std::vector<PdfPage> pages;
  bool encrypted = false;             // encrypted but readable (owner password only)
  std::vector<std::string> warnings;  // Poppler's complaints, as data
};

struct PdfReadOptions {
  // Refuse documents with more pages than this (kTooLarge). Default 5000.
  int max_pages = 5000;
  // Pages whose drawing instructions (content streams and the forms they
  // draw) decompress to more than this are not read, with a warning: a
  // decompression bomb inflates a few kilobytes to hundreds of megabytes,
  // which Poppler would parse for seconds, three times. A page of text is
  // kilobytes; a 300-dpi A4 colour scan stored inline 25 MiB. Default 32 MiB.
  std::size_t max_page_content_bytes = std::size_t{32} << 20;
  // Pages whose text layer is empty or garbage, or a fragment over a
  // scanned image (text::ClassifyPageText), are rendered and read by
  // Tesseract; every other page keeps its text layer, however short.
  OcrOptions ocr;
};

// Reads every page: its text layer where it holds text, else OCR (in parallel over
// options.ocr.jobs engines; one page rendered ahead per engine, so memory
// stays bounded whatever the page count). A page that cannot be rendered
// or read is kept with its text layer and a warning, and so is a page over
// options.max_page_content_bytes, empty. Errors (naming `path`):
//   kIoError    the file cannot be read
//   kNotPdf     it does not start with "%PDF-" within its first 1024 bytes
//   kEncrypted  a user password is needed
//   kDamaged    Poppler cannot open it
//   kTooLarge   more than options.max_pages pages
Result<PdfText> ReadPdfText(const std::string& path, const PdfReadOptions& options = {});

// "poppler-cpp 22.12.0", for the record of how a file was read.
std::string PopplerVersion();

// This library is a module (libmotiearchief-reader.so) that the pipeline
// loads when it first reads a file (pipeline/reader_module.h): a program
// that only searches never maps Poppler, Tesseract and their forty
// libraries. Its entry points, by the one symbol the loader looks up.
struct ReaderApi {
  Result<PdfText> (*read_pdf_text)(const std::string& path, const PdfReadOptions& options);
  std::string (*poppler_version)();
};

}  // namespace motiearchief::reader

// The module's one exported symbol (C linkage: found by name with dlsym).
extern "C" const motiearchief::reader::ReaderApi* motiearchief_reader_api();

#endif  // MOTIEARCHIEF_READER_PDF_TEXT_H_
