#include "search/search.h"

#include <re2/re2.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "extractors/extract.h"
#include "extractors/gazetteer.h"
#include "extractors/vocabulary.h"
#include "search/search_text.h"
#include "text/csv.h"
#include "text/normalize.h"

namespace motiearchief::search {

using extractors::CanonicalAdvice;
using extractors::Gazetteer;
using text::IsValidUtf8;

namespace {

const std::vector<std::string> kSoorten = {"motie",     "amendement", "preadvies",
                                           "resolutie", "brief",      "overig"};
const std::vector<std::string> kColumns = {"titel", "overwegingen", "verzoeken"};

Status CheckDate(const char* flag, const std::optional<std::string>& date) {
  static const RE2 iso(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  if (date && !RE2::FullMatch(*date, iso)) {
    return Status::InvalidArgument(std::string(flag) + " wants a date as YYYY-MM-DD, not \"" +
                                   *date + "\"");
  }
  return Status::Ok();
}

// The engine's own excerpt (Archive::Headlines) of `page` as a snippet:
// its words, the marked ones hits; cut where the page goes on before or
// after it.
Snippet FromHeadline(const std::string& headline, const std::string& page) {
  Snippet s;
  std::istringstream in(headline);
  std::string word;
  bool any_hit = false;
  while (in >> word) {
    const bool marked = word.find(archive::kHeadlineStart) != std::string::npos;
    std::string text;
    for (char c : word) {
      if (c != archive::kHeadlineStart && c != archive::kHeadlineStop) text += c;
    }
    if (text.empty()) continue;
    s.words.push_back({text, marked});
    any_hit |= marked;
  }
  if (!any_hit) return {};
  std::istringstream words(page);
  std::string first, last;
  words >> first;
  last = first;
  while (words >> word) last = word;
  s.cut_before = first != s.words.front().text;
  s.cut_after = last != s.words.back().text;
  return s;
}

// The page and snippet of the first place the query matches.
void Locate(const ParsedQuery& query, const std::optional<std::string>& in,
            const archive::SearchHit& hit, SearchResult& result) {
  result.page = hit.record.bron.pagina_van;
  if (in == "overwegingen" || in == "verzoeken") {
    const auto& clauses = *in == "verzoeken" ? hit.record.verzoeken : hit.record.overwegingen;
    for (const auto& c : clauses) {
      Snippet s = MakeSnippet(query, c.tekst);
      if (s.empty()) continue;
      result.snippet = s;
      if (c.page > 0) result.page = c.page;
      return;
    }
  }
  if (in != "titel") {
    for (const auto& p : hit.pages) {
      Snippet s = MakeSnippet(query, p.text);
      if (s.empty()) continue;
      result.snippet = s;
      result.page = p.number;
      return;
    }
  }
  result.snippet = MakeSnippet(query, hit.record.titel.value_or(""));
}

}  // namespace

Result<SearchAnswer> SearchArchive(archive::Archive& archive, const SearchOptions& o) {
  SearchAnswer answer;
  archive::SearchRequest request;
  if (o.in && std::find(kColumns.begin(), kColumns.end(), *o.in) == kColumns.end()) {
    return Status::InvalidArgument("--in is one of titel, overwegingen, verzoeken; not \"" + *o.in +
                                   "\"");
  }
  if (o.soort && std::find(kSoorten.begin(), kSoorten.end(), *o.soort) == kSoorten.end()) {
    return Status::InvalidArgument(
        "--soort is one of motie, amendement, preadvies, resolutie, brief, overig; not \"" +
        *o.soort + "\"");
  }
  for (const auto* text :
       {&o.query, o.gemeente ? &*o.gemeente : nullptr, o.advies ? &*o.advies : nullptr}) {
    if (text && !IsValidUtf8(*text)) {
      return Status::InvalidArgument("the search text is not valid UTF-8");
    }
  }
  MA_RETURN_IF_ERROR(CheckDate("--van", o.van));
  MA_RETURN_IF_ERROR(CheckDate("--tot", o.tot));
  MA_RETURN_IF_ERROR(CheckDate("--vergadering", o.vergadering));
  if (!o.all && (o.limit < 1 || o.limit > 1000)) {
    return Status::InvalidArgument("--limit is between 1 and 1000");
  }
  if (o.rank_window < 0) {
    return Status::InvalidArgument("--rank-window is 0 (rank every match) or more");
  }
  if (o.sort != "rank" && o.sort != "date" && o.sort != "ingest") {
    return Status::InvalidArgument("--sort is rank, date or ingest; not \"" + o.sort + "\"");
  }
  if (o.orgaan && !IsValidUtf8(*o.orgaan)) {
    return Status::InvalidArgument("the orgaan is not valid UTF-8");
  }
  const bool filtered =
      o.soort || o.gemeente || o.van || o.tot || o.vergadering || o.advies || o.orgaan;
  ParsedQuery query;
  bool has_words = false;
  for (char c : o.query) has_words |= !std::isspace(static_cast<unsigned char>(c));
  if (has_words || !filtered) {
    auto parsed = ParseQuery(o.query, o.in.value_or(""));
    if (!parsed.ok()) {
      return Status::InvalidArgument(parsed.status().message() +
                                     "; type words, or filter with --gemeente, --soort, ...");
    }
    query = std::move(*parsed);
    request.match = query.fts;
    request.tsquery = query.tsquery;
  }
  if (o.gemeente) {
    if (auto m = Gazetteer::Default().Lookup(*o.gemeente)) {
      answer.gemeente = m->name;
    } else {
      answer.gemeente = *o.gemeente;
      answer.notes.push_back("\"" + *o.gemeente +
                             "\" is not on the list of municipalities; searched as written");
    }
    request.gemeente = answer.gemeente;
  }
  request.soort = o.soort;
  request.van = o.van;
  request.tot = o.tot;
  request.vergadering = o.vergadering;
  if (o.advies) request.advies = CanonicalAdvice(*o.advies);
  request.orgaan = o.orgaan;
  request.order = o.all                ? archive::SearchRequest::Order::kArchive
                  : o.sort == "date"   ? archive::SearchRequest::Order::kDate
                  : o.sort == "ingest" ? archive::SearchRequest::Order::kStored
                                       : archive::SearchRequest::Order::kRank;
  request.limit = o.all ? -1 : o.limit;
  request.with_pages = !o.all;
  request.group_versions = !o.all;
  request.rank_window = o.rank_window;
  archive::SearchStats stats;
  auto hits = archive.Search(request, &stats);
  if (!hits.ok()) return hits.status();
  if (stats.window_filled) {
    answer.notes.push_back("more than " + std::to_string(o.rank_window) +
                           " matches: ranked among the " + std::to_string(o.rank_window) +
                           " most recently archived; narrow the search, or rank every match "
                           "(search --rank-window 0; on the site, rank_window=0 in the address)");
  }
  if (o.facets) {
    auto facets = archive.FacetsOf(request, o.facet_values);
    if (!facets.ok()) return facets.status();
    answer.facets = std::move(*facets);
  }
  std::vector<size_t> excerpt_of;          // results whose page goes to Headlines
  std::vector<std::string> excerpt_pages;  // that page's text
  for (auto& hit : *hits) {
    SearchResult r;
    if (!o.all) Locate(query, o.in, hit, r);
    // The engine's own excerpt of the same page, where it makes them.
    if (!o.all && !o.in && !r.snippet.empty()) {
      for (const auto& p : hit.pages) {
        if (p.number != r.page) continue;
        excerpt_of.push_back(answer.results.size());
        excerpt_pages.push_back(p.text);
      }
    }
    r.score = hit.score;
    r.rollen = std::move(hit.rollen);
    r.versions = std::move(hit.versions);
    r.version_files = std::move(hit.version_files);
    r.record = std::move(hit.record);
    answer.results.push_back(std::move(r));
  }
  // PostgreSQL: ts_headline, all pages in one statement; SQLite: none.
  auto excerpts = archive.Headlines(request.tsquery, excerpt_pages);
  if (!excerpts.ok()) return excerpts.status();
  for (size_t i = 0; i < excerpts->size() && i < excerpt_of.size(); ++i) {
    Snippet s = FromHeadline((*excerpts)[i], excerpt_pages[i]);
    if (!s.empty()) answer.results[excerpt_of[i]].snippet = std::move(s);
  }
  return answer;
}

nlohmann::ordered_json SearchResultJson(const SearchResult& r) {
  auto opt = [](const std::optional<std::string>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json j;
  j["id"] = r.record.id;
  j["soort"] = r.record.soort;
  j["titel"] = opt(r.record.titel);
  j["orgaan"] = opt(r.record.orgaan);
  j["indieners"] = r.record.indieners;
  j["mede_indieners"] = r.record.mede_indieners;
  j["ondersteuners"] = r.record.ondersteuners.size();
  j["datum_indiening"] = opt(r.record.datum_indiening);
  j["vergadering"] = opt(r.record.vergadering);
  j["advies"] = r.record.preadvies ? nlohmann::ordered_json(r.record.preadvies->advies) : nullptr;
  j["rollen"] = r.rollen;
  j["versies"] = r.versions;
  j["bestand"] = r.record.bron.bestand;
  j["pagina"] = r.page;
  j["snippet"] = r.snippet.ToString();
  j["score"] = r.score;
  return j;
}

std::vector<std::string> CsvCells(const nlohmann::ordered_json& object) {
  std::vector<std::string> cells;
  for (const auto& [key, v] : object.items()) {
    if (v.is_string()) {
      cells.push_back(v.get<std::string>());
    } else if (v.is_array()) {
      std::string joined;
      for (const auto& item : v) {
        joined += (joined.empty() ? "" : "; ") +
                  (item.is_string() ? item.get<std::string>() : item.dump());
      }
      cells.push_back(joined);
    } else {
      cells.push_back(v.is_null() ? "" : v.dump());
    }
  }
  return cells;
}

std::string ResultsCsv(const std::vector<SearchResult>& results) {
  std::vector<std::string> header;
  const nlohmann::ordered_json columns = SearchResultJson(SearchResult{});
  for (const auto& [key, v] : columns.items()) header.push_back(key);
  std::string csv = text::CsvRow(header);
  for (const auto& r : results) csv += text::CsvRow(CsvCells(SearchResultJson(r)));
  return csv;
}

nlohmann::ordered_json FacetsJson(const archive::Facets& f) {
  nlohmann::ordered_json j;
  const std::pair<const char*, const std::vector<archive::FacetCount>*> facets[] = {
      {"soort", &f.soort}, {"orgaan", &f.orgaan}, {"indiener", &f.indiener},
      {"jaar", &f.jaar},   {"advies", &f.advies},
  };
  for (const auto& [name, counts] : facets) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& c : *counts) list.push_back({{"waarde", c.value}, {"aantal", c.count}});
    j[name] = std::move(list);
  }
  return j;
}

}  // namespace motiearchief::search
