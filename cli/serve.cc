#include "cli/serve.h"

#include <httplib.h>

#include <charconv>
#include <iostream>
#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "cli/commands.h"
#include "schema/record.h"
#include "search/search.h"
#include "text/normalize.h"

namespace motiearchief::cli {
namespace {

std::string Escape(std::string_view s) { return text::EscapeHtml(s); }

std::string UrlEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
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

constexpr const char* kStyle = R"(
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; color: #1a1a1a; }
header a { font-weight: 700; font-size: 1.3rem; color: #004c8c; text-decoration: none; }
form.search { display: grid; grid-template-columns: repeat(4, 1fr); gap: .5rem; margin: 1rem 0; }
form.search input[name=q] { grid-column: 1 / 4; font-size: 1.1rem; padding: .3rem; }
form.search label { display: flex; flex-direction: column; font-size: .85rem; }
.results { padding-left: 1.5rem; } .result { margin-bottom: 1rem; }
.result a { font-size: 1.1rem; } .soort { color: #666; font-size: .85rem; text-transform: uppercase; }
.meta, .bron { color: #444; font-size: .9rem; } mark { background: #fff3a0; }
.error { color: #a00; font-weight: 600; } dl { display: grid; grid-template-columns: 12rem 1fr; }
dt { font-weight: 600; } pre { white-space: pre-wrap; background: #f6f6f6; padding: .5rem; }
@media print { form.search, header { display: none; } }
)";

std::string Page(const std::string& title, const std::string& body) {
  return "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" +
         Escape(title) + " — Motiearchief</title><style>" + kStyle +
         "</style></head><body><header><a href=\"/\">Motiearchief</a></header><main>" + body +
         "</main></body></html>\n";
}

std::string Param(const httplib::Request& req, const char* name) {
  return req.has_param(name) ? req.get_param_value(name) : std::string();
}

std::optional<std::string> Given(const std::string& v) {
  return v.empty() ? std::nullopt : std::optional<std::string>(v);
}

// Filters from the query string; kInvalidArgument for a limit that is not
// a number (the other checks are SearchArchive's).
Result<search::SearchOptions> OptionsFrom(const httplib::Request& req) {
  search::SearchOptions o;
  o.query = Param(req, "q");
  o.soort = Given(Param(req, "soort"));
  o.gemeente = Given(Param(req, "gemeente"));
  o.van = Given(Param(req, "van"));
  o.tot = Given(Param(req, "tot"));
  o.vergadering = Given(Param(req, "vergadering"));
  o.advies = Given(Param(req, "advies"));
  o.in = Given(Param(req, "in"));
  o.orgaan = Given(Param(req, "orgaan"));
  o.facets = !Param(req, "facets").empty();
  if (const std::string sort = Param(req, "sort"); !sort.empty()) o.sort = sort;
  const std::string limit = Param(req, "limit");
  if (!limit.empty()) {
    auto [end, ec] = std::from_chars(limit.data(), limit.data() + limit.size(), o.limit);
    if (ec != std::errc() || end != limit.data() + limit.size()) {
      return Status::InvalidArgument("limit must be a number, not \"" + limit + "\"");
    }
  }
  return o;
}

Result<std::unique_ptr<archive::Archive>> OpenReadOnly(const std::string& db) {
  archive::ArchiveOptions options;
  options.read_only = true;
  // The server lives long: keep the index pages of earlier searches.
  options.cache_mib = 256;
  return archive::Archive::Open(db, options);
}

// The archive of this server thread, opened on its first request and kept:
// its page cache stays warm between searches, and each request reads the
// newest committed state all the same (a read transaction per statement).
Result<archive::Archive*> ArchiveFor(const std::string& db) {
  thread_local std::unique_ptr<archive::Archive> archive;
  thread_local std::string path;
  if (!archive || path != db) {
    auto opened = OpenReadOnly(db);
    if (!opened.ok()) return opened.status();
    archive = std::move(*opened);
    path = db;
  }
  return archive.get();
}

void SendJson(httplib::Response& res, int status, const nlohmann::ordered_json& j) {
  res.status = status;
  // replace: a byte that is not UTF-8 must not turn an answer into a 500.
  res.set_content(j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
                  "application/json; charset=utf-8");
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

std::string SearchForm(const httplib::Request& req) {
  auto input = [&](const char* name, const char* label, const char* type) {
    return std::string("<label>") + label + "<input type=\"" + type + "\" name=\"" + name +
           "\" value=\"" + Escape(Param(req, name)) + "\"></label>";
  };
  return "<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">"
         "<input type=\"search\" name=\"q\" aria-label=\"Zoekwoorden\" autofocus "
         "placeholder=\"woning, &quot;meer woningen&quot;, woning*, woning OR huis\" value=\"" +
         Escape(Param(req, "q")) + "\"><button type=\"submit\">Zoeken</button>" +
         Select("soort", "Soort",
                {"motie", "amendement", "preadvies", "resolutie", "brief", "overig"},
                Param(req, "soort"), "alle") +
         input("gemeente", "Gemeente", "text") + input("van", "Van", "date") +
         input("tot", "Tot en met", "date") + input("vergadering", "ALV", "date") +
         Select("advies", "Preadvies",
                {"overnemen", "ontraden", "aanhouden", "oordeel ALV", "overnemen met amendering"},
                Param(req, "advies"), "alle") +
         Select("in", "Zoek in", {"titel", "overwegingen", "verzoeken"}, Param(req, "in"),
                "hele tekst") +
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

std::string JoinEscaped(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + Escape(s);
  return out;
}

void HandleSearchPage(const std::string& db, const httplib::Request& req, httplib::Response& res) {
  std::string body = "<h1>Moties zoeken</h1>" + SearchForm(req);
  const bool asked = !Param(req, "q").empty() || !Param(req, "soort").empty() ||
                     !Param(req, "gemeente").empty() || !Param(req, "van").empty() ||
                     !Param(req, "tot").empty() || !Param(req, "vergadering").empty() ||
                     !Param(req, "advies").empty();
  if (asked) {
    auto options = OptionsFrom(req);
    auto archive = ArchiveFor(db);
    if (!archive.ok()) throw std::runtime_error(archive.status().ToString());
    auto answer = options.ok() ? search::SearchArchive(**archive, *options)
                               : Result<search::SearchAnswer>(options.status());
    if (!answer.ok()) {
      if (answer.status().code() != Status::Code::kInvalidArgument) {
        throw std::runtime_error(answer.status().ToString());
      }
      res.status = 400;
      body += "<p class=\"error\" role=\"alert\">" + Escape(answer.status().message()) + "</p>";
    } else {
      for (const auto& note : answer->notes) body += "<p class=\"note\">" + Escape(note) + "</p>";
      body += "<p class=\"count\">" + std::to_string(answer->results.size()) +
              (answer->results.size() == 1 ? " resultaat" : " resultaten") + "</p>";
      body += "<ol class=\"results\">";
      for (const auto& r : answer->results) {
        const schema::Record& d = r.record;
        body += "<li class=\"result\"><a href=\"/documents/" + UrlEncode(d.id) + "\">" +
                Escape(d.titel.value_or("(geen titel)")) + "</a> <span class=\"soort\">" +
                Escape(d.soort) + "</span><div class=\"meta\">" +
                (d.indieners.empty() ? "-" : JoinEscaped(d.indieners));
        if (!d.mede_indieners.empty()) body += " c.s.";
        if (!r.rollen.empty()) {
          body += " · " + Escape(answer->gemeente.value_or("")) + " als " + JoinEscaped(r.rollen);
        }
        if (d.datum_indiening) body += " · ingediend " + Escape(*d.datum_indiening);
        if (d.vergadering) body += " · ALV " + Escape(*d.vergadering);
        if (d.preadvies) body += " · preadvies: " + Escape(d.preadvies->advies);
        body += "</div><div class=\"snippet\">" + SnippetHtml(r.snippet) +
                "</div><div class=\"bron\">" + Escape(d.bron.bestand) + ", pagina " +
                std::to_string(r.page) + "</div></li>";
      }
      body += "</ol>";
    }
  }
  res.set_content(Page("Zoeken", body), "text/html; charset=utf-8");
}

std::string ClausesHtml(const char* heading, const char* css,
                        const std::vector<schema::Clause>& cs) {
  if (cs.empty()) return "";
  std::string html = std::string("<section class=\"") + css + "\"><h2>" + heading + "</h2>";
  std::string last;
  bool open = false;
  for (const auto& c : cs) {
    if (c.soort != last) {
      if (open) html += "</ul>";
      html += "<h3>" + Escape(c.soort) + "</h3><ul>";
      open = true;
      last = c.soort;
    }
    html += "<li>" + Escape(c.tekst) + " <small>(p. " + std::to_string(c.page) + ")</small></li>";
  }
  return html + (open ? "</ul>" : "") + "</section>";
}

void HandleDocumentPage(const std::string& db, const std::string& id, httplib::Response& res) {
  auto archive = ArchiveFor(db);
  if (!archive.ok()) throw std::runtime_error(archive.status().ToString());
  auto record = (*archive)->LoadRecord(id);
  if (!record.ok()) throw std::runtime_error(record.status().ToString());
  if (!record->has_value()) {
    res.status = 404;
    res.set_content(Page("Niet gevonden",
                         "<h1>Niet gevonden</h1><p>Geen document met id " + Escape(id) + ".</p>"),
                    "text/html; charset=utf-8");
    return;
  }
  const schema::Record& d = **record;
  auto row = [](const char* label, const std::string& html) {
    return html.empty() ? std::string()
                        : std::string("<dt>") + label + "</dt><dd>" + html + "</dd>";
  };
  auto link = [](const std::string& to) {
    return "<a href=\"/documents/" + UrlEncode(to) + "\">" + Escape(to) + "</a>";
  };
  std::string body = "<p class=\"soort\">" + Escape(d.soort) + "</p><h1>" +
                     Escape(d.titel.value_or("(geen titel)")) + "</h1><dl class=\"fields\">";
  body += row("Orgaan", Escape(d.orgaan.value_or("")));
  body += row("Indieners", JoinEscaped(d.indieners));
  body += row("Mede-indieners", JoinEscaped(d.mede_indieners));
  body += row("Ingediend", Escape(d.datum_indiening.value_or("")));
  std::string alv = Escape(d.vergadering.value_or(""));
  if (d.agendapunt) alv += " (agendapunt " + Escape(*d.agendapunt) + ")";
  body += row("Vergadering", alv);
  body += row("Bron",
              Escape(d.bron.bestand) + ", pagina " + std::to_string(d.bron.pagina_van) +
                  (d.bron.pagina_tot != d.bron.pagina_van ? "–" + std::to_string(d.bron.pagina_tot)
                                                          : std::string()) +
                  (d.bron.ocr ? " (OCR)" : ""));
  if (d.preadvies) {
    std::string advice = "<strong class=\"advies\">" + Escape(d.preadvies->advies) + "</strong>";
    if (d.preadvies->document && *d.preadvies->document != d.id) {
      advice += " (" + link(*d.preadvies->document) + ")";
    }
    if (!d.preadvies->toelichting.empty()) {
      advice += "<p>" + Escape(d.preadvies->toelichting) + "</p>";
    }
    body += row("Preadvies", advice);
  }
  if (d.motie) body += row("Hoort bij motie", link(*d.motie));
  body += "</dl>";
  body += ClausesHtml("Overwegingen", "overwegingen", d.overwegingen);
  body += ClausesHtml("Verzoeken", "verzoeken", d.verzoeken);
  if (!d.ondertekenaars.empty()) {
    body += "<section class=\"ondertekenaars\"><h2>Ondertekenaars</h2><ul>";
    for (const auto& s : d.ondertekenaars) {
      body += "<li>" + Escape(s.naam);
      if (s.functie) body += ", " + Escape(*s.functie);
      if (s.gemeente) body += " (" + Escape(*s.gemeente) + ")";
      body += "</li>";
    }
    body += "</ul></section>";
  }
  if (!d.ondersteuners.empty()) {
    body += "<section class=\"ondersteuners\"><h2>Ondersteuners (" +
            std::to_string(d.ondersteuners.size()) + ")</h2><p>" + JoinEscaped(d.ondersteuners) +
            "</p></section>";
  }
  body += "<section class=\"tekst\"><h2>Volledige tekst</h2><pre>" + Escape(d.tekst) +
          "</pre></section>";
  res.set_content(Page(d.titel.value_or(d.soort), body), "text/html; charset=utf-8");
}

void HandleApiSearch(const std::string& db, const httplib::Request& req, httplib::Response& res) {
  auto options = OptionsFrom(req);
  if (!options.ok()) return SendJson(res, 400, {{"error", options.status().message()}});
  auto archive = ArchiveFor(db);
  if (!archive.ok()) throw std::runtime_error(archive.status().ToString());
  auto answer = search::SearchArchive(**archive, *options);
  if (!answer.ok()) {
    if (answer.status().code() == Status::Code::kInvalidArgument) {
      return SendJson(res, 400, {{"error", answer.status().message()}});
    }
    throw std::runtime_error(answer.status().ToString());
  }
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const auto& r : answer->results) results.push_back(search::SearchResultJson(r));
  SendJson(res, 200,
           {{"query", options->query},
            {"gemeente", answer->gemeente ? nlohmann::ordered_json(*answer->gemeente) : nullptr},
            {"notes", answer->notes},
            {"results", results},
            {"facets", answer->facets ? search::FacetsJson(*answer->facets)
                                      : nlohmann::ordered_json(nullptr)}});
}

void HandleApiDocument(const std::string& db, const std::string& id, httplib::Response& res) {
  auto archive = ArchiveFor(db);
  if (!archive.ok()) throw std::runtime_error(archive.status().ToString());
  auto record = (*archive)->LoadRecord(id);
  if (!record.ok()) throw std::runtime_error(record.status().ToString());
  if (!record->has_value()) return SendJson(res, 404, {{"error", "no document with id " + id}});
  SendJson(res, 200, schema::ToJson(**record, true));
}

}  // namespace

int RunServe(const ServeArgs& args) {
  {
    // Fail now, not on the first request.
    auto archive = OpenReadOnly(args.db);
    if (!archive.ok()) {
      std::cerr << "motiearchief serve: " << archive.status().ToString() << "\n";
      return kExitFatal;
    }
  }
  httplib::Server server;
  const std::string db = args.db;
  server.Get("/", [db](const httplib::Request& req, httplib::Response& res) {
    HandleSearchPage(db, req, res);
  });
  server.Get(R"(/documents/([^/]+))", [db](const httplib::Request& req, httplib::Response& res) {
    HandleDocumentPage(db, req.matches[1], res);
  });
  server.Get("/api/search", [db](const httplib::Request& req, httplib::Response& res) {
    HandleApiSearch(db, req, res);
  });
  server.Get(R"(/api/documents/([^/]+))",
             [db](const httplib::Request& req, httplib::Response& res) {
               HandleApiDocument(db, req.matches[1], res);
             });
  // What is left is the server's own failure; say so without details.
  server.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown error";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        std::cerr << "motiearchief serve: " << req.path << ": " << what << "\n";
        res.status = 500;
        res.set_content("internal error; see the server's log", "text/plain; charset=utf-8");
      });
  int port = args.port;
  if (port == 0) {
    port = server.bind_to_any_port(args.host);
  } else if (!server.bind_to_port(args.host, port)) {
    port = -1;
  }
  if (port < 0) {
    std::cerr << "motiearchief serve: cannot listen on " << args.host << ":" << args.port << "\n";
    return kExitFatal;
  }
  std::cout << "http://" << args.host << ":" << port << "/" << std::endl;
  std::cerr << "motiearchief serve: " << args.db << " on http://" << args.host << ":" << port
            << "/ (read-only; Ctrl-C stops)\n";
  return server.listen_after_bind() ? kExitOk : kExitFatal;
}

}  // namespace motiearchief::cli
