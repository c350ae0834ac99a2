// Searching the archive as a researcher does: a query as typed, filters by
// name as written, results with the page and a snippet. Used by the
// `search` command and by `serve` (its /api/search), so both answer alike.
#ifndef MOTIEARCHIEF_SEARCH_SEARCH_H_
#define MOTIEARCHIEF_SEARCH_SEARCH_H_

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "archive/archive.h"
#include "base/status.h"
#include "search/search_text.h"

namespace motiearchief::search {

struct SearchOptions {
  std::string query;  // as typed; see ParseQuery (search_text.h)
  std::optional<std::string> soort;
  std::optional<std::string> gemeente;  // any spelling: "Den Bosch", "s Hertogenbosch"
  std::optional<std::string> van, tot;  // YYYY-MM-DD
  std::optional<std::string> vergadering;
  std::optional<std::string> advies;  // "overnemen", "Ontraden", ...
  std::optional<std::string> in;      // titel, overwegingen or verzoeken
  std::optional<std::string> orgaan;  // part of the orgaan: "gemeenteraad", "Tweede Kamer"
  // rank (best first), date (newest first) or ingest (newest in the
  // archive first, as a feed of new documents wants).
  std::string sort = "rank";
  int limit = 20;  // 1..1000
  // Every match, in archive order, without pages or snippets (export):
  // `sort` and `limit` do not apply.
  bool all = false;
  // Also count the matches by soort, orgaan, gemeente, year and advice,
  // at most `facet_values` values per facet (most frequent first).
  bool facets = false;
  int facet_values = 20;
  // Rank only the newest this many matches (archive::SearchRequest::
  // rank_window; SQLite). A query with fewer matches is ranked exactly;
  // one with more gets a note saying so. 0: rank every match.
  int rank_window = kDefaultRankWindow;
  // Scoring the window is most of a warm search's time: at 100,000
  // documents, 1,000 mixed queries through `serve` took p95 21.6-24.1 ms
  // with 5,000 and 14.9-16.4 ms with 2,000 (bench/search_bench.py).
  static constexpr int kDefaultRankWindow = 2000;
};

struct SearchResult {
  schema::Record record;
  double score = 0;
  std::vector<std::string> rollen;  // of the gemeente filter's municipality
  int page = 0;                     // where the match is (first page if unknown)
  Snippet snippet;                  // around the first match
  // Every version of this motion (one per mailing it came in), oldest
  // first, this result's own among them; search shows a motion once.
  std::vector<std::string> versions;
  std::vector<std::string> version_files;  // the file (mailing) each came in, same order
};

struct SearchAnswer {
  std::vector<SearchResult> results;
  std::optional<std::string> gemeente;    // the official name searched for
  std::vector<std::string> notes;         // e.g. a gemeente not on the list
  std::optional<archive::Facets> facets;  // when asked
};

// kInvalidArgument for input a user must fix (no words and no filter, a
// date that is not YYYY-MM-DD, an unknown --in or --soort), with a message
// that says what to type instead; other errors are the archive's.
Result<SearchAnswer> SearchArchive(archive::Archive& archive, const SearchOptions& options);

// One result as the JSON API and `search --json` give it.
nlohmann::ordered_json SearchResultJson(const SearchResult& result);

// A JSON object as spreadsheet cells, one per key: text as it is, lists
// joined with "; ", null empty, other values as JSON.
std::vector<std::string> CsvCells(const nlohmann::ordered_json& object);

// Results as CSV: a header row of SearchResultJson's keys, a row per result.
std::string ResultsCsv(const std::vector<SearchResult>& results);

// Facets as JSON: {"soort": [{"waarde": "motie", "aantal": 12}, ...], ...}.
nlohmann::ordered_json FacetsJson(const archive::Facets& facets);

}  // namespace motiearchief::search

#endif  // MOTIEARCHIEF_SEARCH_SEARCH_H_
