// The site's pages (see site.h for the URLs), each made from an open
// archive and the request. Internal to web/: Site routes to them and turns
// an error status into the right answer (kInvalidArgument: 400, kNotFound:
// 404, anything else: 500).
#ifndef MOTIEARCHIEF_WEB_PAGES_H_
#define MOTIEARCHIEF_WEB_PAGES_H_

#include <string>

#include "archive/archive.h"
#include "base/status.h"
#include "schema/record.h"
#include "search/search.h"
#include "web/html.h"
#include "web/site.h"

namespace motiearchief::web {

// The search filters a request carries, as a search command takes them;
// kInvalidArgument for a limit that is not a number.
Result<search::SearchOptions> OptionsFrom(const Request& request);

// The request's search parameters with a value, in a fixed order: the
// URL of the same query.
Params SearchParams(const Request& request);

Result<Response> SearchPage(archive::Archive& archive, const Request& request);
Result<Response> SearchCsv(archive::Archive& archive, const Request& request);
Result<Response> ApiSearch(archive::Archive& archive, const Request& request);
Result<Response> DocumentPage(archive::Archive& archive, const std::string& id,
                              const Request& request);
Result<Response> ApiDocument(archive::Archive& archive, const std::string& id);
Result<Response> Original(archive::Archive& archive, const std::string& sha256);
Result<Response> AtomFeed(archive::Archive& archive, const Request& request);

}  // namespace motiearchief::web

#endif  // MOTIEARCHIEF_WEB_PAGES_H_
