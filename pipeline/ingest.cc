#include "pipeline/ingest.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "base/sha256.h"
#include "reader/pdf_text.h"
#include "extractors/extract.h"
#include "extractors/gazetteer.h"
#include "pipeline/linker.h"
#include "pipeline/normalize.h"
#include "pipeline/search_text.h"
#include "pipeline/splitter.h"

#ifndef MOTIEARCHIEF_VERSION
#define MOTIEARCHIEF_VERSION "dev"
#endif

namespace motiearchief::pipeline {
namespace fs = std::filesystem;

namespace {

bool IsPdfName(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".pdf";
}

// A page with almost no letters has no usable text layer.
bool HasUsableText(const std::string& text) {
  int letters = 0;
  for (unsigned char c : text) {
    if (std::isalpha(c) || c >= 0xC0) ++letters;
  }
  return letters >= 20;
}

std::vector<schema::Record> BuildRecords(const std::vector<Page>& pages, const std::string& sha256,
                                         const std::string& name) {
  std::vector<DocumentSpan> spans = SplitIntoDocuments(pages);
  std::vector<schema::Record> records;
  std::vector<std::optional<LetterFacts>> letters;
  for (size_t i = 0; i < spans.size(); ++i) {
    const DocumentSpan& span = spans[i];
    std::vector<Page> doc_pages(pages.begin() + (span.first_page - 1),
                                pages.begin() + span.last_page);
    schema::Record r = ExtractRecord(span.soort, doc_pages, Gazetteer::Default());
    // Stable: the same file gives the same ids.
    r.id = Sha256Hex(sha256 + "#" + std::to_string(i)).substr(0, 16);
    r.bron = {name, sha256, span.first_page, span.last_page,
              std::any_of(doc_pages.begin(), doc_pages.end(), [](const Page& p) { return p.ocr; })};
    r.herkomst.insert(r.herkomst.begin(), {"soort", r.soort, span.first_page, span.rule});
    letters.push_back(span.soort == schema::kBrief
                          ? std::optional<LetterFacts>(ExtractLetterFacts(doc_pages))
                          : std::nullopt);
    records.push_back(std::move(r));
  }
  ApplyBundleContext(records, letters);
  return records;
}

archive::SearchFields SearchFieldsOf(const schema::Record& r) {
  auto clauses = [](const std::vector<schema::Clause>& cs) {
    std::string all;
    for (const auto& c : cs) all += c.tekst + "\n";
    return SearchText(all);
  };
  return {SearchText(r.titel.value_or("")), SearchText(r.tekst), clauses(r.overwegingen),
          clauses(r.verzoeken)};
}

// Documents archived before the search index existed get their stemmed
// text now, in batches, each batch one transaction.
Status IndexUnsearchableDocuments(archive::Archive& archive) {
  while (true) {
    auto missing = archive.DocumentsWithoutSearchFields(200);
    if (!missing.ok()) return missing.status();
    if (missing->empty()) return Status::Ok();
    std::vector<std::pair<std::string, archive::SearchFields>> batch;
    for (const auto& r : *missing) batch.emplace_back(r.id, SearchFieldsOf(r));
    MA_RETURN_IF_ERROR(archive.StoreSearchFields(batch));
  }
}

}  // namespace

std::string ToolVersions() {
  return std::string("motiearchief ") + MOTIEARCHIEF_VERSION + "; " + reader::PopplerVersion();
}

Result<std::vector<std::string>> CollectInputs(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return Status::NotFound(p + ": no such file or folder");
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator
               it(p, fs::directory_options::skip_permission_denied, ec),
           end;
           it != end; it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file(ec) && IsPdfName(it->path())) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(p);
    }
  }
  return files;
}

Result<IngestSummary> Ingest(archive::Archive& archive, const std::vector<std::string>& files,
                             const IngestOptions& options,
                             const std::function<void(const FileOutcome&, int, int)>& progress) {
  IngestSummary summary;
  archive::RunCounts& counts = summary.counts;
  MA_RETURN_IF_ERROR(IndexUnsearchableDocuments(archive));
  auto run_id = archive.BeginRun(options.run_arguments, ToolVersions());
  if (!run_id.ok()) return run_id.status();
  summary.run_id = *run_id;
  // Outcomes of files that stored nothing (unchanged, unreadable); they are
  // written with the next stored file, or at the end of the run.
  std::vector<archive::RunFileRow> pending;
  // Motions and preadviezen already archived, for linking; grows as files
  // are stored.
  std::optional<std::vector<schema::Record>> linkable;
  int index = 0;
  for (const std::string& path : files) {
    ++index;
    const auto started = std::chrono::steady_clock::now();
    FileOutcome outcome;
    outcome.seq = index;
    outcome.path = path;
    auto elapsed = [&] {
      return std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::steady_clock::now() - started)
          .count();
    };
    auto finish = [&](FileOutcome o) {
      counts.Add(o);
      if (progress) progress(o, index, static_cast<int>(files.size()));
      summary.outcomes.push_back(std::move(o));
    };
    auto finish_unstored = [&](FileOutcome o) -> Status {
      o.duration_ms = elapsed();
      pending.push_back(o);
      finish(std::move(o));
      // Bounded: a run over many unchanged files keeps its log current.
      if (pending.size() >= 1000) {
        MA_RETURN_IF_ERROR(archive.RecordRunFiles(summary.run_id, pending));
        pending.clear();
      }
      return Status::Ok();
    };

    // A fifo or device would block the hash (and the reader) forever.
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      outcome.status = std::string(CodeName(Status::Code::kIoError));
      outcome.message = path + ": not a regular file";
      MA_RETURN_IF_ERROR(finish_unstored(std::move(outcome)));
      continue;
    }
    const auto size = fs::file_size(path, ec);
    if (!ec && static_cast<int64_t>(size) > options.max_file_bytes) {
      outcome.status = std::string(CodeName(Status::Code::kTooLarge));
      outcome.message = path + ": " + std::to_string(size >> 20) + " MiB, over the limit of " +
                        std::to_string(options.max_file_bytes >> 20) + " MiB";
      MA_RETURN_IF_ERROR(finish_unstored(std::move(outcome)));
      continue;
    }
    auto sha = Sha256File(path);
    if (!sha.ok()) {
      outcome.status = std::string(CodeName(sha.status().code()));
      outcome.message = sha.status().message();
      MA_RETURN_IF_ERROR(finish_unstored(std::move(outcome)));
      continue;
    }
    outcome.sha256 = *sha;
    auto existing = archive.FindFileBySha(*sha);
    if (!existing.ok()) return existing.status();
    if (existing->has_value() && ((*existing)->ok() || !options.retry_failed)) {
      outcome.status = "unchanged";
      outcome.message = (*existing)->ok()
                            ? "already in the archive"
                            : "failed before (" + (*existing)->status + "), not retried";
      MA_RETURN_IF_ERROR(finish_unstored(std::move(outcome)));
      continue;
    }

    archive::FileIngest file;
    file.sha256 = *sha;
    file.path = path;
    file.name = fs::path(path).filename().string();
    file.size_bytes = static_cast<int64_t>(size);
    file.tool_versions = ToolVersions();

    auto text = ReadPdfIsolated(path, options.isolation);
    if (!text.ok()) {
      file.status = std::string(CodeName(text.status().code()));
      file.message = text.status().message();
    } else {
      for (const std::string& w : text->warnings) file.warnings.push_back(path + ": " + w);
      if (text->encrypted) {
        // Only an owner password: the text is readable, the archive keeps it.
        file.warnings.push_back(path + ": encrypted with an owner password only; read without one");
      }
      std::vector<Page> pages;
      for (const auto& p : text->pages) {
        Page page{p.number, NormalizeText(p.text), p.method == "ocr"};
        if (!HasUsableText(page.text)) {
          file.warnings.push_back(path + ": page " + std::to_string(p.number) +
                                  ": no text found (no usable text layer, nothing read by OCR)");
        }
        file.pages.push_back({p.number, page.text, p.method, p.ocr_confidence, p.engine});
        pages.push_back(std::move(page));
      }
      file.documents = BuildRecords(pages, file.sha256, file.name);
      for (const auto& r : file.documents) file.search.push_back(SearchFieldsOf(r));
      if (!linkable) {
        auto loaded = archive.LoadRecords();
        if (!loaded.ok()) return loaded.status();
        linkable.emplace();
        for (auto& r : *loaded) {
          if (r.soort == schema::kMotie || r.soort == schema::kAmendement ||
              r.soort == schema::kPreadvies) {
            linkable->push_back(std::move(r));
          }
        }
      }
      auto links = archive.Links();
      if (!links.ok()) return links.status();
      auto versions = archive.Versions();
      if (!versions.ok()) return versions.status();
      file.links = LinkPreadviezen(file.documents, *linkable, *links);
      file.versions = FindVersions(file.documents, *linkable, *versions);
      file.status = file.warnings.empty() ? archive::kStatusOk : archive::kStatusOkWarnings;
      file.message = file.warnings.empty() ? "" : file.warnings.front();
    }
    file.duration_ms = elapsed();
    outcome.status = file.status;
    outcome.message = file.message;
    outcome.documents = static_cast<int>(file.documents.size());
    outcome.pages = static_cast<int>(file.pages.size());
    outcome.duration_ms = file.duration_ms;
    file.run_id = summary.run_id;
    file.run_files = pending;
    file.run_files.push_back(outcome);
    MA_RETURN_IF_ERROR(archive.StoreFile(file));
    pending.clear();
    if (linkable) {
      for (const auto& r : file.documents) {
        if (r.soort == schema::kMotie || r.soort == schema::kAmendement ||
            r.soort == schema::kPreadvies) {
          linkable->push_back(r);
        }
      }
    }
    finish(std::move(outcome));
  }
  MA_RETURN_IF_ERROR(archive.FinishRun(summary.run_id, counts, pending));
  return summary;
}

}  // namespace motiearchief::pipeline
