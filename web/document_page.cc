// A document's page: every field with links that search for its names,
// its preadvies and motion, decisions and execution, the versions of the
// motion with what changed, related motions, and its text page by page
// with the query's words marked and each page one click from the PDF.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "search/search_text.h"
#include "text/normalize.h"
#include "web/pages.h"

namespace motiearchief::web {
namespace {

std::string Link(const std::string& url, const std::string& text, const char* css = nullptr) {
  return "<a href=\"" + Escape(url) + "\"" +
         (css ? std::string(" class=\"") + css + "\"" : std::string()) + ">" + Escape(text) +
         "</a>";
}

// A municipality or fractie, linked to the motions it took part in.
std::string NameLinks(const std::vector<std::string>& names) {
  std::string html;
  for (const auto& n : names) {
    html += (html.empty() ? "" : ", ") + Link(SearchUrl({{"gemeente", n}}), n, "zoek");
  }
  return html;
}

std::string ClausesHtml(const char* heading, const char* css, const std::vector<schema::Clause>& cs,
                        const std::string& sha256) {
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
    html += "<li>" + Escape(c.tekst) + " <small>(" +
            Link(OriginalUrl(sha256, c.page), "p. " + std::to_string(c.page)) + ")</small></li>";
  }
  return html + (open ? "</ul>" : "") + "</section>";
}

std::string HistoryHtml(const archive::MotionHistory& history) {
  if (history.besluiten.empty() && history.uitvoeringen.empty()) return "";
  std::string html = "<section class=\"historie\"><h2>Besluiten en uitvoering</h2><ul>";
  auto entry = [&](const char* kind, const archive::HistoryEntry& e) {
    html += "<li><span class=\"datum\">" + Escape(e.datum) + "</span> " + kind + ": <strong>" +
            Escape(e.status) + "</strong>";
    if (e.stemmen_voor) {
      html += " (" + std::to_string(static_cast<int>(*e.stemmen_voor + 0.5)) + "% voor)";
    }
    if (!e.toelichting.empty()) html += " — " + Escape(e.toelichting);
    html += " <small>(" + Escape(e.bron) + ")</small></li>";
  };
  for (const auto& e : history.besluiten) entry("besluit", e);
  for (const auto& e : history.uitvoeringen) entry("uitvoering", e);
  return html + "</ul></section>";
}

// What changed from one version of a motion to the next: clauses and
// supporters added and dropped (compared as folded text).
std::string ChangesHtml(const schema::Record& before, const schema::Record& after) {
  auto clauses = [](const schema::Record& r) {
    std::vector<std::pair<std::string, std::string>> out;  // folded, as written
    for (const auto* list : {&r.overwegingen, &r.verzoeken}) {
      for (const auto& c : *list) out.emplace_back(text::FoldForMatch(c.tekst), c.tekst);
    }
    return out;
  };
  const auto old_clauses = clauses(before), new_clauses = clauses(after);
  std::set<std::string> old_keys, new_keys;
  for (const auto& c : old_clauses) old_keys.insert(c.first);
  for (const auto& c : new_clauses) new_keys.insert(c.first);
  std::string html;
  for (const auto& c : new_clauses) {
    if (!old_keys.count(c.first)) html += "<li><ins>" + Escape(c.second) + "</ins></li>";
  }
  for (const auto& c : old_clauses) {
    if (!new_keys.count(c.first)) html += "<li><del>" + Escape(c.second) + "</del></li>";
  }
  const std::set<std::string> old_support(before.ondersteuners.begin(), before.ondersteuners.end());
  const std::set<std::string> new_support(after.ondersteuners.begin(), after.ondersteuners.end());
  std::vector<std::string> joined, left;
  for (const auto& s : new_support) {
    if (!old_support.count(s)) joined.push_back(s);
  }
  for (const auto& s : old_support) {
    if (!new_support.count(s)) left.push_back(s);
  }
  if (!joined.empty()) {
    html += "<li class=\"steun-erbij\">Ondersteuners erbij (" + std::to_string(joined.size()) +
            "): " + NameLinks(joined) + "</li>";
  }
  if (!left.empty()) {
    html += "<li class=\"steun-eraf\">Ondersteuners eraf (" + std::to_string(left.size()) +
            "): " + NameLinks(left) + "</li>";
  }
  if (html.empty()) return "<p class=\"wijzigingen\">Geen wijzigingen in de tekst of de steun.</p>";
  return "<ul class=\"wijzigingen\">" + html + "</ul>";
}

// The versions newest first, each with its mailing and what it changed.
std::string VersionsHtml(const std::vector<schema::Record>& versions, const std::string& shown) {
  if (versions.size() < 2) return "";
  std::string html = "<section class=\"versies\"><h2>Versies (" + std::to_string(versions.size()) +
                     ")</h2><p>Deze motie kwam in meer dan één nazending; de nieuwste eerst.</p>";
  for (size_t i = versions.size(); i-- > 0;) {
    const schema::Record& v = versions[i];
    html += "<div class=\"versie\" data-id=\"" + Escape(v.id) + "\"><h3>Versie " +
            std::to_string(i + 1) + (v.id == shown ? " (deze pagina)" : "") + "</h3><p>" +
            Link(DocumentUrl(v.id), schema::DisplayTitle(v)) +
            " — nazending <span class=\"nazending\">" + Escape(v.bron.bestand) + "</span>, " +
            PagesText(v.bron.pagina_van, v.bron.pagina_tot);
    if (v.vergadering) html += ", ALV " + Escape(*v.vergadering);
    if (v.datum_indiening) html += ", ingediend " + Escape(*v.datum_indiening);
    if (v.preadvies) html += ", preadvies " + Escape(v.preadvies->advies);
    html += "</p>";
    if (i > 0) html += ChangesHtml(versions[i - 1], v);
    html += "</div>";
  }
  return html + "</section>";
}

// Motions on the same subject: the title's content words, any of them,
// from other indieners or other years than this motion's versions.
Result<std::string> RelatedHtml(archive::Archive& archive, const schema::Record& d,
                                const std::vector<std::string>& versions) {
  if (d.soort != schema::kMotie && d.soort != schema::kAmendement &&
      d.soort != schema::kResolutie) {
    return std::string();
  }
  static const char* kGeneric[] = {"moti", "gemeent", "amendem", "preadv", "vng", "resolut"};
  std::vector<std::string> words;
  for (const std::string& w : text::ContentWords(d.titel.value_or(""))) {
    bool generic = false;
    for (const char* g : kGeneric) generic |= w.rfind(g, 0) == 0;
    if (!generic && w.size() >= 5) words.push_back(w);
  }
  std::sort(words.begin(), words.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  if (words.size() > 4) words.resize(4);
  if (words.empty()) return std::string();
  search::SearchOptions o;
  o.soort = d.soort;
  for (const auto& w : words) o.query += (o.query.empty() ? "" : " OR ") + w + "*";
  o.limit = 12;
  auto answer = search::SearchArchive(archive, o);
  if (!answer.ok()) {
    // The title's words are the archive's own; a query they cannot make
    // is no reason to fail the page.
    if (answer.status().code() == Status::Code::kInvalidArgument) return std::string();
    return answer.status();
  }
  const std::string year = d.datum_indiening.value_or(d.vergadering.value_or("")).substr(0, 4);
  std::string items;
  int shown = 0;
  for (const auto& r : answer->results) {
    const schema::Record& o_rec = r.record;
    if (std::find(versions.begin(), versions.end(), o_rec.id) != versions.end()) continue;
    if (o_rec.soort == schema::kPreadvies || o_rec.motie == d.id) continue;
    const std::string other_year =
        o_rec.datum_indiening.value_or(o_rec.vergadering.value_or("")).substr(0, 4);
    if (o_rec.indieners == d.indieners && other_year == year) continue;
    items += "<li>" + Link(DocumentUrl(o_rec.id), schema::DisplayTitle(o_rec)) +
             " <span class=\"meta\">" +
             Escape(o_rec.indieners.empty() ? std::string("-") : o_rec.indieners.front()) +
             (other_year.empty() ? "" : ", " + Escape(other_year)) + "</span></li>";
    if (++shown == 5) break;
  }
  if (items.empty()) return std::string();
  return "<section class=\"verwant\"><h2>Verwante moties</h2><p class=\"links\">Zelfde "
         "onderwerpwoorden: " +
         Link(SearchUrl({{"q", o.query}, {"soort", d.soort}}), o.query) + "</p><ul>" + items +
         "</ul></section>";
}

// The page's text with the query's words marked.
std::string MarkedText(const std::string& page_text, const search::ParsedQuery* query) {
  if (query == nullptr) return Escape(page_text);
  std::string html;
  size_t at = 0;
  for (const auto& [begin, end] : search::HitSpans(*query, page_text)) {
    html += Escape(std::string_view(page_text).substr(at, begin - at)) + "<mark>" +
            Escape(std::string_view(page_text).substr(begin, end - begin)) + "</mark>";
    at = end;
  }
  return html + Escape(std::string_view(page_text).substr(at));
}

}  // namespace

Result<Response> DocumentPage(archive::Archive& archive, const std::string& id,
                              const Request& req) {
  auto loaded = archive.LoadRecord(id);
  if (!loaded.ok()) return loaded.status();
  if (!loaded->has_value()) return Status::NotFound("Geen document met id " + id + ".");
  const schema::Record& d = **loaded;
  auto version_ids = archive.VersionsOf(id);
  if (!version_ids.ok()) return version_ids.status();
  std::vector<schema::Record> versions;
  if (version_ids->size() > 1) {
    for (const auto& v : *version_ids) {
      auto r = archive.LoadRecord(v);
      if (!r.ok()) return r.status();
      if (r->has_value()) versions.push_back(std::move(**r));
    }
  }
  auto history = archive.History(*version_ids);
  if (!history.ok()) return history.status();
  auto pages = archive.PagesOf(id);
  if (!pages.ok()) return pages.status();
  auto related = RelatedHtml(archive, d, *version_ids);
  if (!related.ok()) return related.status();

  const std::string q = req.Param("q");
  std::optional<search::ParsedQuery> query;
  if (!q.empty()) {
    if (auto parsed = search::ParseQuery(q); parsed.ok()) query = std::move(*parsed);
  }
  auto row = [](const char* label, const std::string& html, const char* css = "") {
    return html.empty()
               ? std::string()
               : std::string("<dt>") + label + "</dt><dd class=\"" + css + "\">" + html + "</dd>";
  };
  auto title_of = [&](const std::string& other) -> Result<std::string> {
    auto r = archive.LoadRecord(other);
    if (!r.ok()) return r.status();
    return r->has_value() ? schema::DisplayTitle(**r) : other;
  };
  bool from_text = false;
  const std::string title = schema::DisplayTitle(d, &from_text);
  std::string body = "<p class=\"soort\">" + Escape(d.soort) + "</p><h1" +
                     (from_text ? " class=\"kop-uit-tekst\" title=\"kop uit de tekst\"" : "") +
                     ">" + Escape(title) + "</h1>";
  if (q.empty()) {
    body += "<p class=\"links\">";
  } else {
    body += "<p class=\"links\">" + Link(SearchUrl({{"q", q}}), "terug naar de resultaten") + " · ";
  }
  body += "Link om te citeren: " + Link(DocumentUrl(d.id), DocumentUrl(d.id), "citeer") + " · " +
          Link("/api/documents/" + UrlEncode(d.id), "JSON") + "</p><dl class=\"fields\">";
  if (d.orgaan)
    body += row("Orgaan", Link(SearchUrl({{"orgaan", *d.orgaan}}), *d.orgaan), "orgaan");
  body += row("Indieners", NameLinks(d.indieners), "indieners");
  body += row("Mede-indieners", NameLinks(d.mede_indieners), "mede-indieners");
  body += row("Ingediend", Escape(d.datum_indiening.value_or("")));
  std::string alv;
  if (d.vergadering) alv = Link(SearchUrl({{"vergadering", *d.vergadering}}), *d.vergadering);
  if (d.agendapunt) alv += " (agendapunt " + Escape(*d.agendapunt) + ")";
  body += row("Vergadering", alv);
  body += row("Bron", Escape(d.bron.bestand) + ", " +
                          Link(OriginalUrl(d.bron.sha256, d.bron.pagina_van),
                               PagesText(d.bron.pagina_van, d.bron.pagina_tot) + " (PDF)", "pdf") +
                          (d.bron.ocr ? " (OCR)" : ""));
  if (d.preadvies) {
    std::string advice = "<strong class=\"advies\">" + Escape(d.preadvies->advies) + "</strong>";
    if (d.preadvies->document && *d.preadvies->document != d.id) {
      auto t = title_of(*d.preadvies->document);
      if (!t.ok()) return t.status();
      advice += " — " + Link(DocumentUrl(*d.preadvies->document), *t, "preadvies");
    }
    if (!d.preadvies->toelichting.empty()) {
      advice += "<p>" + Escape(d.preadvies->toelichting) + "</p>";
    }
    body += row("Preadvies", advice);
  }
  if (d.motie) {
    auto t = title_of(*d.motie);
    if (!t.ok()) return t.status();
    body += row("Hoort bij", Link(DocumentUrl(*d.motie), *t, "motie"));
  }
  body += "</dl>";
  body += HistoryHtml(*history);
  body += VersionsHtml(versions, d.id);
  body += ClausesHtml("Overwegingen", "overwegingen", d.overwegingen, d.bron.sha256);
  body += ClausesHtml("Verzoeken", "verzoeken", d.verzoeken, d.bron.sha256);
  if (!d.ondertekenaars.empty()) {
    body += "<section class=\"ondertekenaars\"><h2>Ondertekenaars</h2><ul>";
    for (const auto& s : d.ondertekenaars) {
      body += "<li>" + Link(SearchUrl({{"q", "\"" + s.naam + "\""}}), s.naam, "zoek");
      if (s.functie) body += ", " + Escape(*s.functie);
      if (s.gemeente) body += " (" + NameLinks({*s.gemeente}) + ")";
      body += "</li>";
    }
    body += "</ul></section>";
  }
  if (!d.ondersteuners.empty()) {
    body += "<section class=\"ondersteuners\"><h2>Ondersteuners (" +
            std::to_string(d.ondersteuners.size()) + ")</h2><p>" + NameLinks(d.ondersteuners) +
            "</p></section>";
  }
  body += *related;
  body += "<section class=\"tekst\"><h2>Volledige tekst</h2>";
  if (pages->empty()) {
    body += "<pre>" + MarkedText(d.tekst, query ? &*query : nullptr) + "</pre>";
  }
  for (const auto& p : *pages) {
    body += "<h3 id=\"pagina-" + std::to_string(p.number) + "\">Pagina " +
            std::to_string(p.number) + " · " +
            Link(OriginalUrl(d.bron.sha256, p.number), "PDF", "pdf") +
            (p.method == "text" ? "" : " · " + Escape(p.method)) + "</h3><pre>" +
            MarkedText(p.text, query ? &*query : nullptr) + "</pre>";
  }
  body += "</section>";
  Response res;
  res.body = Shell(title, body);
  return res;
}

Result<Response> ApiDocument(archive::Archive& archive, const std::string& id) {
  auto record = archive.LoadRecord(id);
  if (!record.ok()) return record.status();
  if (!record->has_value()) return Status::NotFound("no document with id " + id);
  Response res;
  res.content_type = "application/json; charset=utf-8";
  res.body = schema::ToJson(**record, true)
                 .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return res;
}

}  // namespace motiearchief::web
