#include "web/site.h"

#include <re2/re2.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "base/sha256.h"
#include "web/pages.h"

namespace motiearchief::web {

std::string Request::Param(const std::string& name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return "";
}

namespace {

std::string XmlText(std::string_view s) { return Escape(s); }

}  // namespace

Result<Response> Original(archive::Archive& archive, const std::string& sha256) {
  static const RE2 kSha("[0-9a-f]{64}");
  if (!RE2::FullMatch(sha256, kSha)) return Status::NotFound("Geen bestand " + sha256 + ".");
  auto file = archive.FindFileBySha(sha256);
  if (!file.ok()) return file.status();
  if (!file->has_value()) return Status::NotFound("Geen bestand " + sha256 + " in het archief.");
  const std::string& path = (*file)->path;
  Response res;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (in) bytes << in.rdbuf();
  // The archive keeps the extracted text, not the file: serve it only as
  // long as it is where it was read from, with the same content.
  if (!in || Sha256Hex(bytes.str()) != sha256) {
    res.status = 410;
    res.body = Shell("Origineel niet meer beschikbaar",
                     "<h1>Origineel niet meer beschikbaar</h1><p>" + Escape((*file)->name) +
                         " is niet meer ongewijzigd te vinden op " + Escape(path) +
                         ", waar het is ingelezen. De tekst staat nog in het archief.</p>");
    return res;
  }
  res.content_type = "application/pdf";
  res.body = std::move(bytes).str();
  res.headers.emplace_back("Content-Disposition", "inline; filename=\"" + (*file)->name + "\"");
  // Addressed by its content: it never changes.
  res.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  return res;
}

Result<Response> AtomFeed(archive::Archive& archive, const Request& req) {
  constexpr int kEntries = 50;
  const Params params = SearchParams(req);
  std::vector<schema::Record> records;
  if (params.empty()) {
    // Everything new.
    archive::SearchRequest all;
    all.order = archive::SearchRequest::Order::kStored;
    all.limit = kEntries;
    all.with_pages = false;
    auto hits = archive.Search(all);
    if (!hits.ok()) return hits.status();
    for (auto& h : *hits) records.push_back(std::move(h.record));
  } else {
    auto options = OptionsFrom(req);
    if (!options.ok()) return options.status();
    options->sort = "ingest";
    options->limit = kEntries;
    auto answer = search::SearchArchive(archive, *options);
    if (!answer.ok()) return answer.status();
    for (auto& r : answer->results) records.push_back(std::move(r.record));
  }
  const std::string& base = req.base_url;
  std::string query_text;
  for (const auto& [name, value] : params) {
    query_text += (query_text.empty() ? "" : ", ") + (name == "q" ? value : name + " " + value);
  }
  std::string entries, newest;
  std::map<std::string, std::string> stored_at;  // sha256 -> when the file was stored
  for (const auto& r : records) {
    auto& when = stored_at[r.bron.sha256];
    if (when.empty()) {
      auto file = archive.FindFileBySha(r.bron.sha256);
      if (!file.ok()) return file.status();
      when = file->has_value() ? (*file)->last_attempt : "1970-01-01T00:00:00Z";
    }
    newest = std::max(newest, when);
    std::string summary = r.soort;
    if (!r.indieners.empty()) summary += " van " + r.indieners.front();
    if (r.orgaan) summary += " aan " + *r.orgaan;
    if (r.datum_indiening) summary += ", ingediend " + *r.datum_indiening;
    if (!r.verzoeken.empty())
      summary += ". " + r.verzoeken.front().soort + " " + r.verzoeken.front().tekst;
    entries += "<entry><title>" + XmlText(schema::DisplayTitle(r)) +
               "</title><id>urn:motiearchief:" + XmlText(r.id) + "</id><link href=\"" +
               XmlText(base + DocumentUrl(r.id)) +
               "\"/><link rel=\"enclosure\" type=\"application/pdf\" href=\"" +
               XmlText(base + OriginalUrl(r.bron.sha256)) + "\"/><updated>" + XmlText(when) +
               "</updated><category term=\"" + XmlText(r.soort) + "\"/><summary>" +
               XmlText(summary) + "</summary></entry>\n";
  }
  if (newest.empty()) newest = "1970-01-01T00:00:00Z";
  Response res;
  res.content_type = "application/atom+xml; charset=utf-8";
  res.body =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Motiearchief" +
      (query_text.empty() ? std::string(": nieuwe documenten") : ": " + XmlText(query_text)) +
      "</title><id>urn:motiearchief:feed" + XmlText(QueryString(params)) +
      "</id><link rel=\"self\" href=\"" + XmlText(base + "/feed.atom" + QueryString(params)) +
      "\"/><link rel=\"alternate\" type=\"text/html\" href=\"" + XmlText(base + SearchUrl(params)) +
      "\"/><updated>" + XmlText(newest) + "</updated><author><name>Motiearchief</name></author>\n" +
      entries + "</feed>\n";
  return res;
}

// Read-only connections to the archive, shared by the request threads. A
// request takes the connection given back last, so requests one after the
// other reuse one connection and its warm page cache; only requests at the
// same time open more. (A connection per thread split the cache over the
// server's 8 threads: after 1,000 searches each thread's cache was still
// cold for the next one, and a search took 60 ms that takes 15 ms warm.)
// Each statement still reads the newest committed state.
class Site::ArchivePool {
 public:
  explicit ArchivePool(std::string location) : location_(std::move(location)) {}

  Result<std::unique_ptr<archive::Archive>> Take() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        std::unique_ptr<archive::Archive> archive = std::move(idle_.back());
        idle_.pop_back();
        return archive;
      }
    }
    archive::ArchiveOptions options;
    options.read_only = true;
    // The server lives long: keep the index pages of earlier searches.
    options.cache_mib = 256;
    return archive::Archive::Open(location_, options);
  }

  void GiveBack(std::unique_ptr<archive::Archive> archive) {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(archive));
  }

 private:
  const std::string location_;
  std::mutex mu_;
  std::vector<std::unique_ptr<archive::Archive>> idle_;  // the last given back at the end
};

Site::Site(std::string location, std::function<void(const std::string&)> log)
    : log_(std::move(log)), archives_(std::make_shared<ArchivePool>(std::move(location))) {
  if (!log_) log_ = [](const std::string& m) { std::cerr << "motiearchief serve: " << m << "\n"; };
}

Response Site::Handle(const Request& req) const {
  static const RE2 kDocument("/documents/([^/]+)");
  static const RE2 kApiDocument("/api/documents/([^/]+)");
  static const RE2 kOriginal("/bestanden/([^/]+)\\.pdf");
  const bool api = req.path.rfind("/api/", 0) == 0;
  Result<Response> answer = Status::NotFound("Geen pagina " + req.path + ".");
  try {
    auto archive = archives_->Take();
    // Given back however the request ends.
    struct GiveBack {
      ArchivePool& pool;
      Result<std::unique_ptr<archive::Archive>>& archive;
      ~GiveBack() {
        if (archive.ok()) pool.GiveBack(std::move(*archive));
      }
    } give_back{*archives_, archive};
    std::string id;
    if (!archive.ok()) {
      answer = archive.status();
    } else if (req.path == "/") {
      answer = SearchPage(**archive, req);
    } else if (RE2::FullMatch(req.path, kDocument, &id)) {
      answer = DocumentPage(**archive, id, req);
    } else if (RE2::FullMatch(req.path, kOriginal, &id)) {
      answer = Original(**archive, id);
    } else if (req.path == "/feed.atom") {
      answer = AtomFeed(**archive, req);
    } else if (req.path == "/zoeken.csv") {
      answer = SearchCsv(**archive, req);
    } else if (req.path == "/api/search") {
      answer = ApiSearch(**archive, req);
    } else if (RE2::FullMatch(req.path, kApiDocument, &id)) {
      answer = ApiDocument(**archive, id);
    }
  } catch (const std::exception& e) {
    answer = Status::Internal(e.what());
  }
  if (answer.ok()) return std::move(*answer);
  const Status& status = answer.status();
  Response res;
  std::string message = status.message();
  switch (status.code()) {
    case Status::Code::kInvalidArgument:
      res.status = 400;
      break;
    case Status::Code::kNotFound:
      res.status = 404;
      break;
    default:
      // The archive's own failure: details for the operator, not the visitor.
      res.status = 500;
      log_(req.path + ": " + status.ToString());
      message = "Interne fout; zie het log van de server.";
  }
  if (api) {
    res.content_type = "application/json; charset=utf-8";
    res.body = nlohmann::ordered_json{{"error", message}}.dump(
        2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  } else if (req.path == "/") {
    // Never reached for input to fix: the search page shows it in place.
    res.body = Shell("Fout", "<p class=\"error\" role=\"alert\">" + Escape(message) + "</p>");
  } else {
    const char* heading = res.status == 404   ? "Niet gevonden"
                          : res.status == 400 ? "Ongeldige vraag"
                                              : "Fout";
    res.body = Shell(heading, std::string("<h1>") + heading + "</h1><p class=\"error\">" +
                                  Escape(message) + "</p>");
  }
  return res;
}

}  // namespace motiearchief::web
