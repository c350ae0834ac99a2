// The pieces every page of the site is made of: escaping, links with
// query strings, and the page around a body. Pure functions; thread-safe.
#ifndef MOTIEARCHIEF_WEB_HTML_H_
#define MOTIEARCHIEF_WEB_HTML_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace motiearchief::web {

using Params = std::vector<std::pair<std::string, std::string>>;

// Text for HTML and XML: & < > " ' escaped.
std::string Escape(std::string_view text);

// A URL component: everything but letters, digits and -_.~ percent-encoded.
std::string UrlEncode(std::string_view text);

// "?a=1&b=x%20y" of the parameters with a value, in order; "" when none.
std::string QueryString(const Params& params);

// `params` with `name` set to `value` (replacing it, or appended); an
// empty value removes it.
Params With(Params params, const std::string& name, const std::string& value);

// A link to the search page for these parameters.
std::string SearchUrl(const Params& params);

// A document's page; with `query`, its words are marked there.
std::string DocumentUrl(const std::string& id, const std::string& query = "");

// "pagina 3" or "pagina's 3–5": where a document stands in its file.
std::string PagesText(int from, int to);

// The original file, opened at `page` (PDF viewers read #page=N).
std::string OriginalUrl(const std::string& sha256, int page = 0);

// The whole page: head with title and style, the site's header, `body`.
// `head` is added to <head> (e.g. a feed's <link>).
std::string Shell(const std::string& title, const std::string& body, const std::string& head = "");

}  // namespace motiearchief::web

#endif  // MOTIEARCHIEF_WEB_HTML_H_
