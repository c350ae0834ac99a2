#include "web/html.h"

#include "text/normalize.h"

namespace motiearchief::web {

std::string Escape(std::string_view text) { return text::EscapeHtml(text); }

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string QueryString(const Params& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (value.empty()) continue;
    out += (out.empty() ? "?" : "&") + UrlEncode(name) + "=" + UrlEncode(value);
  }
  return out;
}

Params With(Params params, const std::string& name, const std::string& value) {
  bool set = false;
  for (auto it = params.begin(); it != params.end();) {
    if (it->first != name) {
      ++it;
    } else if (!set && !value.empty()) {
      it->second = value;
      set = true;
      ++it;
    } else {
      it = params.erase(it);
    }
  }
  if (!set && !value.empty()) params.emplace_back(name, value);
  return params;
}

std::string SearchUrl(const Params& params) { return "/" + QueryString(params); }

std::string DocumentUrl(const std::string& id, const std::string& query) {
  return "/documents/" + UrlEncode(id) + QueryString({{"q", query}});
}

std::string PagesText(int from, int to) {
  return to > from ? "pagina's " + std::to_string(from) + "–" + std::to_string(to)
                   : "pagina " + std::to_string(from);
}

std::string OriginalUrl(const std::string& sha256, int page) {
  return "/bestanden/" + UrlEncode(sha256) + ".pdf" +
         (page > 0 ? "#page=" + std::to_string(page) : std::string());
}

namespace {

constexpr const char* kStyle = R"(
body { font: 16px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 1rem auto; padding: 0 1rem; color: #1a1a1a; }
header a { font-weight: 700; font-size: 1.3rem; color: #004c8c; text-decoration: none; }
a { color: #004c8c; }
form.search { display: grid; grid-template-columns: repeat(4, 1fr); gap: .5rem; margin: 1rem 0; }
form.search input[name=q] { grid-column: 1 / 4; font-size: 1.1rem; padding: .3rem; }
form.search label { display: flex; flex-direction: column; font-size: .85rem; }
.layout { display: grid; grid-template-columns: 15rem 1fr; gap: 1.5rem; }
.facets h2 { font-size: .95rem; margin: .8rem 0 .2rem; } .facets ul { list-style: none; padding: 0; margin: 0; font-size: .9rem; }
.facets li { display: flex; justify-content: space-between; gap: .5rem; } .facets .n { color: #666; }
.active a { display: inline-block; background: #e6f0fa; border-radius: 1rem; padding: 0 .6rem; margin: 0 .3rem .3rem 0; text-decoration: none; font-size: .9rem; }
.timeline { display: flex; align-items: flex-end; gap: 2px; height: 7rem; margin: .5rem 0 1rem; }
.timeline a { flex: 1; max-width: 3rem; display: flex; flex-direction: column; justify-content: flex-end; height: 100%; text-decoration: none; min-width: 4px; }
.timeline a small { height: 1.2rem; font-size: .7rem; color: #666; text-align: center; border-top: 1px solid #ccc; }
.timeline .bar { background: #4a86c5; display: block; } .timeline a:hover .bar { background: #004c8c; }
.results { padding-left: 1.5rem; } .result { margin-bottom: 1rem; }
.result a.titel { font-size: 1.1rem; } .soort { color: #666; font-size: .85rem; text-transform: uppercase; }
.meta, .bron, .versies { color: #444; font-size: .9rem; } mark { background: #fff3a0; }
.error { color: #a00; font-weight: 600; } dl { display: grid; grid-template-columns: 12rem 1fr; }
dt { font-weight: 600; } pre { white-space: pre-wrap; background: #f6f6f6; padding: .5rem; }
.kop-uit-tekst { font-style: italic; } ins { background: #e3f6e3; text-decoration: none; } del { background: #fbe3e3; }
.versie { border-left: 3px solid #ccc; padding-left: .8rem; margin-bottom: 1rem; }
.links { font-size: .9rem; color: #444; }
@media print { form.search, header, .facets, .timeline { display: none; } }
)";

}  // namespace

std::string Shell(const std::string& title, const std::string& body, const std::string& head) {
  return "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" +
         Escape(title) + " — Motiearchief</title><style>" + kStyle + "</style>" + head +
         "</head><body><header><a href=\"/\">Motiearchief</a></header><main>" + body +
         "</main></body></html>\n";
}

}  // namespace motiearchief::web
