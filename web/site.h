// The researcher's web site over an archive: the search page with facets
// and a timeline, a page per document, the original PDFs, Atom feeds and
// the JSON API. Independent of any HTTP library: `serve` (web/server.h)
// hands each request to Site::Handle, and tests call it directly.
//
// Every URL is stable and can be cited: a query is its URL (its filters are
// query parameters), a document is /documents/ID (ids do not change when
// an archive is re-ingested), an original is /bestanden/SHA256.pdf.
//
//   GET /                       search form, results, facets, timeline
//   GET /documents/ID[?q=...]   one document; the query's words marked
//   GET /bestanden/SHA256.pdf   the original file, if it is still where it
//                               was ingested from and unchanged (410 if not)
//   GET /feed.atom?q=...        the newest documents matching the query
//   GET /zoeken.csv?q=...       the results as CSV
//   GET /api/search?q=...       results as JSON; 400 {"error"} for input to fix
//   GET /api/documents/ID       the record as JSON with provenance; 404 if unknown
//
// Contract: Handle never throws. Input to fix is a 4xx with a message;
// the archive's own failure is a 500 whose details go to `log`, not to the
// visitor. Everything from the archive is HTML- or XML-escaped.
// Thread-safe: a request takes a read-only connection from the site's pool
// and gives it back; copies of a Site share the pool.
#ifndef MOTIEARCHIEF_WEB_SITE_H_
#define MOTIEARCHIEF_WEB_SITE_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace motiearchief::web {

struct Request {
  std::string path;  // without the query string: "/documents/3f2a..."
  std::vector<std::pair<std::string, std::string>> params;  // decoded, in order
  // "http://host:port" as the client addressed the server, for the absolute
  // links of a feed; empty: links stay relative.
  std::string base_url;
  // The first value of `name`, or "".
  std::string Param(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

class Site {
 public:
  // `location`: the archive, as Archive::Open takes it; opened read-only
  // when a request finds no idle connection. `log` receives the archive's
  // failures (default: standard error).
  explicit Site(std::string location, std::function<void(const std::string&)> log = {});
  Response Handle(const Request& request) const;

 private:
  class ArchivePool;
  std::function<void(const std::string&)> log_;
  std::shared_ptr<ArchivePool> archives_;
};

}  // namespace motiearchief::web

#endif  // MOTIEARCHIEF_WEB_SITE_H_
