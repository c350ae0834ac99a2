#include "pipeline/ingest.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <set>
#include <thread>

#include "base/sha256.h"
#include "extractors/extract.h"
#include "extractors/gazetteer.h"
#include "pipeline/linker.h"
#include "pipeline/reader_module.h"
#include "pipeline/splitter.h"
#include "reader/pdf_text.h"
#include "search/search_text.h"
#include "text/normalize.h"
#include "text/page.h"

#ifndef MOTIEARCHIEF_VERSION
#define MOTIEARCHIEF_VERSION "dev"
#endif

namespace motiearchief::pipeline {

using extractors::ApplyBundleContext;
using extractors::ExtractLetterFacts;
using extractors::ExtractRecord;
using extractors::Gazetteer;
using extractors::LetterFacts;
using search::SearchText;
using text::NormalizeText;
using text::Page;
namespace fs = std::filesystem;

namespace {

bool IsPdfName(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".pdf";
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

}  // namespace

Status IndexPendingDocuments(archive::Archive& archive) {
  while (true) {
    auto missing = archive.DocumentsWithoutSearchFields(200);
    if (!missing.ok()) return missing.status();
    if (missing->empty()) return Status::Ok();
    std::vector<std::pair<std::string, archive::SearchFields>> batch;
    for (const auto& r : *missing) batch.emplace_back(r.id, SearchFieldsOf(r));
    MA_RETURN_IF_ERROR(archive.StoreSearchFields(batch));
  }
}

namespace {

// Documents archived before link keys existed (schema < 7) get them now,
// in batches, each batch one transaction.
Status IndexUnkeyedDocuments(archive::Archive& archive) {
  while (true) {
    auto missing = archive.DocumentsWithoutLinkKeys(500);
    if (!missing.ok()) return missing.status();
    if (missing->empty()) return Status::Ok();
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& r : *missing) {
      rows.emplace_back(r.id, "");  // indexed, with or without keys
      for (std::string& k : LinkKeys(r)) rows.emplace_back(r.id, std::move(k));
    }
    MA_RETURN_IF_ERROR(archive.StoreLinkKeys(rows));
  }
}

}  // namespace

std::string ToolVersions() {
  auto reader = Reader();
  return std::string("motiearchief ") + MOTIEARCHIEF_VERSION + "; " +
         (reader.ok() ? (*reader)->poppler_version() : "no PDF reader");
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

namespace {

// One input file on its way through the run, in input order.
struct Pending {
  FileOutcome outcome;
  std::string sha256;  // once hashed
  int64_t size = 0;
  // Decided without reading (not a file, too large, unchanged, ...).
  bool decided = false;
  // Same content as a file before it in this run: decided when reached,
  // once that file is stored.
  bool recheck = false;
  // Claimed by another ingest worker (PostgreSQL): decided when reached,
  // once that worker has stored it or given it up.
  bool claimed_elsewhere = false;
  // This worker's claim, released once the file is stored.
  bool claimed = false;
  int64_t ticket = -1;  // the reader pool's, once submitted
};

int DefaultJobs() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

}  // namespace

Result<IngestSummary> Ingest(archive::Archive& archive, const std::vector<std::string>& files,
                             const IngestOptions& options,
                             const std::function<void(const FileOutcome&, int, int)>& progress) {
  IngestSummary summary;
  archive::RunCounts& counts = summary.counts;
  // Without the reader there is nothing to ingest: say so before any run.
  if (auto reader = Reader(); !reader.ok()) return reader.status();
  MA_RETURN_IF_ERROR(IndexPendingDocuments(archive));
  MA_RETURN_IF_ERROR(IndexUnkeyedDocuments(archive));
  auto run_id = archive.BeginRun(options.run_arguments, ToolVersions());
  if (!run_id.ok()) return run_id.status();
  summary.run_id = *run_id;
  const int jobs = options.jobs > 0 ? options.jobs : DefaultJobs();
  auto stopping = [&] { return options.stop != nullptr && *options.stop != 0; };
  // Files are read `jobs` at a time, each in a reader process of the pool,
  // while this thread extracts and stores the files before them in input
  // order: what the archive holds does not depend on which read ends first.
  ReaderPool pool(options.isolation, jobs);
  // Outcomes of files that stored nothing (unchanged, unreadable); they are
  // written with the next stored file, or at the end of the run.
  std::vector<archive::RunFileRow> pending_rows;
  std::deque<Pending> window;
  std::set<std::string> shas_in_window;
  size_t next = 0;
  int done = 0;

  // Checks what can be known without reading; queues the rest for the pool.
  auto prepare = [&](const std::string& path, int seq) -> Result<Pending> {
    Pending item;
    item.outcome.seq = seq;
    item.outcome.path = path;
    // A fifo or device would block the hash (and the reader) forever.
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      item.decided = true;
      item.outcome.status = std::string(CodeName(Status::Code::kIoError));
      item.outcome.message = path + ": not a regular file";
      return item;
    }
    item.size = static_cast<int64_t>(fs::file_size(path, ec));
    if (!ec && item.size > options.max_file_bytes) {
      item.decided = true;
      item.outcome.status = std::string(CodeName(Status::Code::kTooLarge));
      item.outcome.message = path + ": " + std::to_string(item.size >> 20) +
                             " MiB, over the limit of " +
                             std::to_string(options.max_file_bytes >> 20) + " MiB";
      return item;
    }
    auto sha = Sha256File(path);
    if (!sha.ok()) {
      item.decided = true;
      item.outcome.status = std::string(CodeName(sha.status().code()));
      item.outcome.message = sha.status().message();
      return item;
    }
    item.outcome.sha256 = *sha;
    item.sha256 = *sha;
    if (shas_in_window.count(*sha)) {
      item.recheck = true;
      return item;
    }
    auto existing = archive.FindFileBySha(*sha);
    if (!existing.ok()) return existing.status();
    if (existing->has_value() && ((*existing)->ok() || !options.retry_failed)) {
      item.decided = true;
      item.outcome.status = "unchanged";
      item.outcome.message = (*existing)->ok()
                                 ? "already in the archive"
                                 : "failed before (" + (*existing)->status + "), not retried";
      return item;
    }
    // Other workers may be ingesting the same input (PostgreSQL archive):
    // the file is read by whichever claims it first.
    auto claimed = archive.Claim(*sha, false);
    if (!claimed.ok()) return claimed.status();
    item.claimed = *claimed;
    item.claimed_elsewhere = !*claimed;
    return item;
  };
  auto release = [&](Pending& item) -> Status {
    if (!item.claimed) return Status::Ok();
    item.claimed = false;
    return archive.Release(item.sha256);
  };
  // Near the end of the input, fewer files than processes are left: their
  // pages get the idle cores' OCR engines.
  auto submit = [&](Pending& item) {
    const size_t left = files.size() - next + 1;
    const int ocr_jobs =
        std::max(1, jobs / static_cast<int>(std::min<size_t>(static_cast<size_t>(jobs), left)));
    item.ticket = pool.Submit(item.outcome.path, ocr_jobs);
    shas_in_window.insert(item.sha256);
  };
  auto finish = [&](FileOutcome o) {
    counts.Add(o);
    ++done;
    if (progress) progress(o, done, static_cast<int>(files.size()));
    summary.outcomes.push_back(std::move(o));
  };
  auto finish_unstored = [&](FileOutcome o) -> Status {
    pending_rows.push_back(o);
    finish(std::move(o));
    // Bounded: a run over many unchanged files keeps its log current.
    if (pending_rows.size() >= 1000) {
      MA_RETURN_IF_ERROR(archive.RecordRunFiles(summary.run_id, pending_rows));
      pending_rows.clear();
    }
    return Status::Ok();
  };

  // Files are stored in input order, so one slow file (a bomb, a long OCR)
  // holds up the store; meanwhile the other readers go on with up to 16
  // files behind it. With one file ready behind each reader only, a
  // 5-second file left the other reader idle: the hostile corpus took 14.8 s
  // with 2 readers, 10-11 s with this read-ahead. The texts waiting are
  // small next to a reader's own memory.
  const size_t read_ahead = static_cast<size_t>(2 * jobs + 16);
  while (!stopping()) {
    while (next < files.size() && pool.Pending() < read_ahead && window.size() < 4096) {
      const auto started = std::chrono::steady_clock::now();
      auto item = prepare(files[next], static_cast<int>(next) + 1);
      if (!item.ok()) return item.status();
      ++next;
      if (!item->decided && !item->recheck && !item->claimed_elsewhere) submit(*item);
      item->outcome.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::steady_clock::now() - started)
                                      .count();
      window.push_back(std::move(*item));
    }
    if (window.empty()) break;
    Pending item = std::move(window.front());
    window.pop_front();
    const auto started = std::chrono::steady_clock::now();
    auto elapsed = [&] {
      return item.outcome.duration_ms + std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::steady_clock::now() - started)
                                            .count();
    };
    while (item.recheck || item.claimed_elsewhere) {
      if (item.claimed_elsewhere) {
        // Wait for the other worker to store the file or give it up (its
        // claim ends with its connection, killed or not), then look again.
        auto waited = archive.Claim(item.sha256, true);
        if (!waited.ok()) return waited.status();
        MA_RETURN_IF_ERROR(archive.Release(item.sha256));
      }
      // The same content came earlier in this run, or from another
      // worker; it is stored by now, unless its reading failed.
      auto again = prepare(item.outcome.path, item.outcome.seq);
      if (!again.ok()) return again.status();
      again->outcome.duration_ms = item.outcome.duration_ms;
      item = std::move(*again);
      if (!item.decided && !item.recheck && !item.claimed_elsewhere) submit(item);
    }
    if (item.decided) {
      item.outcome.duration_ms = elapsed();
      MA_RETURN_IF_ERROR(finish_unstored(std::move(item.outcome)));
      continue;
    }
    const std::string& path = item.outcome.path;
    auto text = pool.Take(item.ticket, options.stop);
    shas_in_window.erase(item.sha256);
    if (!text.ok() && text.status().code() == Status::Code::kCancelled) break;

    archive::FileIngest file;
    file.sha256 = item.sha256;
    // Absolute, so that `serve` finds the original whatever its directory.
    std::error_code absolute_ec;
    const fs::path absolute = fs::absolute(path, absolute_ec);
    file.path = absolute_ec ? path : absolute.lexically_normal().string();
    file.name = fs::path(path).filename().string();
    file.size_bytes = item.size;
    file.tool_versions = ToolVersions();
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
        Page page{p.number, NormalizeText(p.text), p.method == "ocr", p.boxes};
        // Normalising keeps the lines; boxes that no longer fit are dropped.
        if (text::SplitLines(page.text).size() != page.boxes.size()) page.boxes.clear();
        const text::PageTextKind kind = text::ClassifyPageText(page.text);
        if (kind == text::PageTextKind::kEmpty || kind == text::PageTextKind::kGarbage) {
          file.warnings.push_back(path + ": page " + std::to_string(p.number) +
                                  ": no text found (no usable text layer, nothing read by OCR)");
        }
        file.pages.push_back({p.number, page.text, p.method, p.ocr_confidence, p.engine});
        pages.push_back(std::move(page));
      }
      file.documents = BuildRecords(pages, file.sha256, file.name);
      for (const auto& r : file.documents) file.search.push_back(SearchFieldsOf(r));
      for (const auto& r : file.documents) {
        for (std::string& k : LinkKeys(r)) file.link_keys.emplace_back(r.id, std::move(k));
      }
      file.status = file.warnings.empty() ? archive::kStatusOk : archive::kStatusOkWarnings;
      file.message = file.warnings.empty() ? "" : file.warnings.front();
    }
    file.duration_ms = elapsed();
    FileOutcome outcome = item.outcome;
    outcome.status = file.status;
    outcome.message = file.message;
    outcome.documents = static_cast<int>(file.documents.size());
    outcome.pages = static_cast<int>(file.pages.size());
    outcome.duration_ms = file.duration_ms;
    file.run_id = summary.run_id;
    file.run_files = pending_rows;
    file.run_files.push_back(outcome);
    // Linked against the archived documents that share a key with this
    // file's (an index lookup, not a pass over the archive), inside the
    // store's write transaction: another worker's documents are either
    // committed and seen, or stored after this file and linked to it.
    auto link = [&](archive::FileIngest& f) -> Status {
      std::vector<std::string> keys;
      for (const auto& r : f.documents) {
        for (std::string& k : LookupKeys(r)) keys.push_back(std::move(k));
      }
      auto candidates = archive.DocumentsUnderKeys(keys);
      if (!candidates.ok()) return candidates.status();
      f.links = LinkPreadviezen(f.documents, *candidates);
      f.versions = FindVersions(f.documents, *candidates);
      auto groups = archive.MotionGroups(AdviceGroups(f, *candidates));
      if (!groups.ok()) return groups.status();
      f.advice = ChooseAdvice(f, *candidates, *groups);
      return Status::Ok();
    };
    auto stored = archive.StoreFile(std::move(file), link);
    if (!stored.ok()) return stored.status();
    MA_RETURN_IF_ERROR(release(item));
    if (!*stored) {
      // Stored meanwhile by another process; this run's row says so.
      outcome.status = "unchanged";
      outcome.message = "stored meanwhile by another ingest";
      outcome.documents = 0;
      outcome.pages = 0;
      MA_RETURN_IF_ERROR(finish_unstored(std::move(outcome)));
      continue;
    }
    pending_rows.clear();
    finish(std::move(outcome));
  }
  if (stopping()) {
    // Files read ahead are dropped unstored; the next run takes them.
    pool.Cancel();
    summary.stopped = true;
    summary.not_done = static_cast<int>(files.size()) - done;
  }
  MA_RETURN_IF_ERROR(archive.FinishRun(summary.run_id, counts, pending_rows));
  return summary;
}

}  // namespace motiearchief::pipeline
