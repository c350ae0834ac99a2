// The search page (results, facets, timeline), its CSV and its JSON API.
#include <algorithm>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>

#include "web/pages.h"

namespace motiearchief::web {
namespace {

// The search parameters, in the order their URL gives them.
constexpr const char* kSearchParams[] = {"q",   "soort", "gemeente",    "orgaan",
                                         "van", "tot",   "vergadering", "advies",
                                         "in",  "sort",  "limit"};

// Filters a person sets and may take off again, with how they read.
constexpr std::pair<const char*, const char*> kFilterLabels[] = {
    {"soort", "soort"},    {"gemeente", "indiener"}, {"orgaan", "orgaan"},    {"van", "vanaf"},
    {"tot", "tot en met"}, {"vergadering", "ALV"},   {"advies", "preadvies"}, {"in", "alleen in"},
};

std::optional<std::string> Given(const std::string& v) {
  return v.empty() ? std::nullopt : std::optional<std::string>(v);
}

std::string JoinEscaped(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + Escape(s);
  return out;
}

std::string Select(const char* name, const char* label, const std::vector<std::string>& values,
                   const std::string& chosen, const char* any) {
  std::string html = std::string("<label>") + label + "<select name=\"" + name + "\">" +
                     "<option value=\"\">" + any + "</option>";
  for (const auto& v : values) {
    html += "<option value=\"" + Escape(v) + "\"" + (v == chosen ? " selected" : "") + ">" +
            Escape(v) + "</option>";
  }
  return html + "</select></label>";
}

std::string SearchForm(const Request& req) {
  auto input = [&](const char* name, const char* label, const char* type) {
    return std::string("<label>") + label + "<input type=\"" + type + "\" name=\"" + name +
           "\" value=\"" + Escape(req.Param(name)) + "\"></label>";
  };
  return "<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">"
         "<input type=\"search\" name=\"q\" aria-label=\"Zoekwoorden\" autofocus "
         "placeholder=\"woning, &quot;meer woningen&quot;, woning*, woning OR huis\" value=\"" +
         Escape(req.Param("q")) + "\"><button type=\"submit\">Zoeken</button>" +
         Select("soort", "Soort",
                {"motie", "amendement", "preadvies", "resolutie", "brief", "overig"},
                req.Param("soort"), "alle") +
         input("gemeente", "Gemeente of fractie", "text") + input("orgaan", "Orgaan", "text") +
         input("van", "Van", "date") + input("tot", "Tot en met", "date") +
         input("vergadering", "ALV", "date") +
         Select("advies", "Preadvies",
                {"overnemen", "ontraden", "aanhouden", "oordeel ALV", "overnemen met amendering"},
                req.Param("advies"), "alle") +
         Select("in", "Zoek in", {"titel", "overwegingen", "verzoeken"}, req.Param("in"),
                "hele tekst") +
         Select("sort", "Volgorde", {"rank", "date", "ingest"}, req.Param("sort"), "rank") +
         "</form>";
}

std::string SnippetHtml(const search::Snippet& s) {
  std::string html = s.cut_before ? "… " : "";
  for (size_t i = 0; i < s.words.size(); ++i) {
    if (i > 0) html += ' ';
    html +=
        s.words[i].hit ? "<mark>" + Escape(s.words[i].text) + "</mark>" : Escape(s.words[i].text);
  }
  return html + (s.cut_after ? " …" : "");
}

// One facet as a list of links, each adding its value to the query.
std::string FacetHtml(const Params& current, const char* name, const char* heading,
                      const std::vector<archive::FacetCount>& counts, size_t shown) {
  if (counts.empty()) return "";
  std::string html = std::string("<section class=\"facet\" data-facet=\"") + name + "\"><h2>" +
                     heading + "</h2><ul>";
  for (size_t i = 0; i < counts.size() && i < shown; ++i) {
    const auto& c = counts[i];
    Params to = current;
    if (std::string(name) == "jaar") {
      to = With(With(to, "van", c.value + "-01-01"), "tot", c.value + "-12-31");
    } else {
      to = With(to, name, c.value);
    }
    html += "<li><a href=\"" + Escape(SearchUrl(to)) + "\" data-value=\"" + Escape(c.value) +
            "\">" + Escape(c.value) + "</a><span class=\"n\">" + std::to_string(c.count) +
            "</span></li>";
  }
  return html + "</ul></section>";
}

// Hits per year as bars, oldest left, years without hits as gaps; each
// bar filters on its year.
std::string TimelineHtml(const Params& current, const std::vector<archive::FacetCount>& years) {
  std::map<int, int64_t> per_year;
  for (const auto& y : years) {
    int year = 0;
    auto [end, ec] = std::from_chars(y.value.data(), y.value.data() + y.value.size(), year);
    if (ec == std::errc() && year > 0) per_year[year] = y.count;
  }
  if (per_year.empty()) return "";
  int64_t most = 0;
  for (const auto& [year, n] : per_year) most = std::max(most, n);
  const int first = per_year.begin()->first, last = per_year.rbegin()->first;
  const bool fill = last - first < 80;  // a stray year 1900 would flatten the rest
  std::string html = "<div class=\"timeline\" role=\"img\" aria-label=\"Resultaten per jaar\">";
  const size_t bars = fill ? static_cast<size_t>(last - first + 1) : per_year.size();
  auto bar = [&](int year, int64_t n) {
    const std::string y = std::to_string(year);
    const Params to = With(With(current, "van", y + "-01-01"), "tot", y + "-12-31");
    // Every year named while they fit, else every fifth.
    const bool named = bars <= 15 || year % 5 == 0 || year == first || year == last;
    html += "<a href=\"" + Escape(SearchUrl(to)) + "\" data-jaar=\"" + y + "\" title=\"" + y +
            ": " + std::to_string(n) + "\"><span class=\"bar\" style=\"height:" +
            std::to_string(n == 0 ? 0 : std::max<int64_t>(3, n * 100 / most)) +
            "%\"></span><small>" + (named ? y : std::string()) + "</small></a>";
  };
  if (fill) {
    for (int year = first; year <= last; ++year) {
      auto it = per_year.find(year);
      bar(year, it == per_year.end() ? 0 : it->second);
    }
  } else {
    for (const auto& [year, n] : per_year) bar(year, n);
  }
  return html + "</div>";
}

std::string ResultHtml(const search::SearchResult& r, const search::SearchAnswer& answer,
                       const std::string& query) {
  const schema::Record& d = r.record;
  bool from_text = false;
  const std::string title = schema::DisplayTitle(d, &from_text);
  std::string html =
      "<li class=\"result\" data-id=\"" + Escape(d.id) + "\"><a class=\"titel" +
      (from_text ? " kop-uit-tekst" : "") + "\" href=\"" + Escape(DocumentUrl(d.id, query)) +
      "\">" + Escape(title) + "</a> <span class=\"soort\">" + Escape(d.soort) +
      "</span><div class=\"meta\">" + (d.indieners.empty() ? "-" : JoinEscaped(d.indieners));
  if (!d.mede_indieners.empty()) html += " c.s.";
  if (d.orgaan) html += " · " + Escape(*d.orgaan);
  if (!r.rollen.empty()) {
    html += " · " + Escape(answer.gemeente.value_or("")) + " als " + JoinEscaped(r.rollen);
  }
  if (d.datum_indiening) html += " · ingediend " + Escape(*d.datum_indiening);
  if (d.vergadering) html += " · ALV " + Escape(*d.vergadering);
  if (d.preadvies) html += " · preadvies: " + Escape(d.preadvies->advies);
  html += "</div><div class=\"snippet\">" + SnippetHtml(r.snippet) + "</div>";
  html += "<div class=\"bron\">" + Escape(d.bron.bestand) + ", " +
          PagesText(d.bron.pagina_van, d.bron.pagina_tot) +
          " · gevonden op <a class=\"pdf\" href=\"" + Escape(OriginalUrl(d.bron.sha256, r.page)) +
          "\">pagina " + std::to_string(r.page) + " (PDF)</a> · <a class=\"tekstpagina\" href=\"" +
          Escape(DocumentUrl(d.id, query) + "#pagina-" + std::to_string(r.page)) +
          "\">in de tekst</a></div>";
  if (r.versions.size() > 1) {
    // Newest first, each named by the mailing it came in.
    html += "<div class=\"versies\">" + std::to_string(r.versions.size()) +
            " versies van deze motie, de nieuwste eerst: ";
    for (size_t i = r.versions.size(); i-- > 0;) {
      const std::string name =
          i < r.version_files.size() ? r.version_files[i] : "versie " + std::to_string(i + 1);
      html += std::string(i + 1 < r.versions.size() ? ", " : "") + "<a href=\"" +
              Escape(DocumentUrl(r.versions[i], query)) + "\">" + Escape(name) + "</a>";
    }
    html += "</div>";
  }
  return html + "</li>";
}

}  // namespace

Result<search::SearchOptions> OptionsFrom(const Request& req) {
  search::SearchOptions o;
  o.query = req.Param("q");
  o.soort = Given(req.Param("soort"));
  o.gemeente = Given(req.Param("gemeente"));
  o.van = Given(req.Param("van"));
  o.tot = Given(req.Param("tot"));
  o.vergadering = Given(req.Param("vergadering"));
  o.advies = Given(req.Param("advies"));
  o.in = Given(req.Param("in"));
  o.orgaan = Given(req.Param("orgaan"));
  o.facets = !req.Param("facets").empty();
  if (const std::string sort = req.Param("sort"); !sort.empty()) o.sort = sort;
  for (const auto& [name, value] : {std::pair<const char*, int*>{"limit", &o.limit},
                                    std::pair<const char*, int*>{"rank_window", &o.rank_window}}) {
    const std::string text = req.Param(name);
    if (text.empty()) continue;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
    if (ec != std::errc() || end != text.data() + text.size()) {
      return Status::InvalidArgument(std::string(name) + " must be a number, not \"" + text + "\"");
    }
  }
  return o;
}

Params SearchParams(const Request& req) {
  Params params;
  for (const char* name : kSearchParams) {
    if (std::string v = req.Param(name); !v.empty()) params.emplace_back(name, std::move(v));
  }
  return params;
}

Result<Response> SearchPage(archive::Archive& archive, const Request& req) {
  Response res;
  const Params current = SearchParams(req);
  std::string body = "<h1>Moties zoeken</h1>" + SearchForm(req);
  bool asked = false;
  for (const auto& [name, value] : current) asked |= name != "sort" && name != "limit";
  std::string head;
  if (asked) {
    auto options = OptionsFrom(req);
    Result<search::SearchAnswer> answer = options.status();
    if (options.ok()) {
      options->facets = true;
      options->facet_values = 200;  // every year for the timeline
      answer = search::SearchArchive(archive, *options);
    }
    if (!answer.ok()) {
      if (answer.status().code() != Status::Code::kInvalidArgument) return answer.status();
      res.status = 400;
      body += "<p class=\"error\" role=\"alert\">" + Escape(answer.status().message()) + "</p>";
    } else {
      const std::string feed = "/feed.atom" + QueryString(current);
      head =
          "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Nieuwe documenten\" "
          "href=\"" +
          Escape(feed) + "\">";
      std::string active;
      for (const auto& [name, label] : kFilterLabels) {
        const std::string v = req.Param(name);
        if (v.empty()) continue;
        active += "<a href=\"" + Escape(SearchUrl(With(current, name, ""))) + "\" data-filter=\"" +
                  name + "\" title=\"filter weghalen\">" + label + ": " + Escape(v) + " ×</a>";
      }
      std::string facets;
      if (answer->facets) {
        const archive::Facets& f = *answer->facets;
        facets = FacetHtml(current, "soort", "Soort", f.soort, 10) +
                 FacetHtml(current, "orgaan", "Orgaan", f.orgaan, 10) +
                 FacetHtml(current, "gemeente", "Gemeente of fractie", f.indiener, 15) +
                 FacetHtml(current, "jaar", "Jaar", f.jaar, 15) +
                 FacetHtml(current, "advies", "Preadvies", f.advies, 10);
      }
      std::string main;
      if (!active.empty()) main += "<p class=\"active\">" + active + "</p>";
      for (const auto& note : answer->notes) main += "<p class=\"note\">" + Escape(note) + "</p>";
      if (answer->facets) main += TimelineHtml(current, answer->facets->jaar);
      main += "<p class=\"count\">" + std::to_string(answer->results.size()) +
              (answer->results.size() == 1 ? " resultaat" : " resultaten") + "</p>";
      main += "<ol class=\"results\">";
      for (const auto& r : answer->results) main += ResultHtml(r, *answer, req.Param("q"));
      main += "</ol><p class=\"links\">Deze zoekvraag als <a class=\"csv\" href=\"" +
              Escape("/zoeken.csv" + QueryString(current)) + "\">CSV</a>, <a href=\"" +
              Escape("/api/search" + QueryString(current)) +
              "\">JSON</a> of <a class=\"feed\" href=\"" + Escape(feed) +
              "\">Atom-feed</a> (nieuwe documenten). Link om te citeren: <a href=\"" +
              Escape(SearchUrl(current)) + "\">" + Escape(SearchUrl(current)) + "</a></p>";
      body += "<div class=\"layout\"><aside class=\"facets\">" + facets + "</aside><section>" +
              main + "</section></div>";
    }
  }
  res.body = Shell("Zoeken", body, head);
  return res;
}

namespace {

// The request's search, answered; its errors are the request's.
Result<search::SearchAnswer> Answer(archive::Archive& archive, const Request& req,
                                    std::string* query) {
  auto options = OptionsFrom(req);
  if (!options.ok()) return options.status();
  if (query != nullptr) *query = options->query;
  return search::SearchArchive(archive, *options);
}

}  // namespace

Result<Response> SearchCsv(archive::Archive& archive, const Request& req) {
  auto answer = Answer(archive, req, nullptr);
  if (!answer.ok()) return answer.status();
  Response res;
  res.content_type = "text/csv; charset=utf-8";
  res.headers.emplace_back("Content-Disposition", "inline; filename=\"zoekresultaten.csv\"");
  res.body = search::ResultsCsv(answer->results);
  return res;
}

Result<Response> ApiSearch(archive::Archive& archive, const Request& req) {
  std::string query;
  auto answer = Answer(archive, req, &query);
  if (!answer.ok()) return answer.status();
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const auto& r : answer->results) results.push_back(search::SearchResultJson(r));
  nlohmann::ordered_json j = {
      {"query", query},
      {"gemeente", answer->gemeente ? nlohmann::ordered_json(*answer->gemeente) : nullptr},
      {"notes", answer->notes},
      {"results", results},
      {"facets",
       answer->facets ? search::FacetsJson(*answer->facets) : nlohmann::ordered_json(nullptr)}};
  Response res;
  res.content_type = "application/json; charset=utf-8";
  // replace: a byte that is not UTF-8 must not turn an answer into a 500.
  res.body = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return res;
}

}  // namespace motiearchief::web
