#include "reports/report.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>

#include "text/normalize.h"

namespace motiearchief::reports {

using text::EscapeHtml;

namespace {

// Text for one line of Markdown: line breaks made spaces, inline markup
// characters backslash-escaped, and what would open a block at the start
// of a line ("# ", "- ", "1. ") escaped too.
std::string EscapeMarkdown(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::strchr("\\`*_[]<>|~", c) != nullptr) out += '\\';
    out += c;
  }
  const size_t first = out.find_first_not_of(' ');
  if (first != std::string::npos) {
    const char c = out[first];
    size_t digits = first;
    while (digits < out.size() && std::isdigit(static_cast<unsigned char>(out[digits]))) ++digits;
    if (c == '#' || c == '+' || c == '-' || c == '=') {
      out.insert(first, 1, '\\');
    } else if (digits > first && digits < out.size() &&
               (out[digits] == '.' || out[digits] == ')')) {
      out.insert(digits, 1, '\\');
    }
  }
  return out;
}

// Writes headings, paragraphs, lists and tables as Markdown or as HTML, so
// each report is written once for both formats.
class Writer {
 public:
  Writer(ReportFormat format, const std::string& title) : html_(format == ReportFormat::kHtml) {
    if (html_) {
      out_ = "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>" +
             Esc(title) +
             "</title><style>\n"
             "@page { size: A4; margin: 18mm 16mm; }\n"
             "body { font: 10.5pt/1.45 'DejaVu Sans', sans-serif; color: #111; }\n"
             "h1 { font-size: 17pt; } h2 { font-size: 13pt; margin-top: 1.4em; }\n"
             "h3 { font-size: 11pt; margin-bottom: .2em; }\n"
             "table { border-collapse: collapse; margin: .5em 0; }\n"
             "th, td { border: 1px solid #999; padding: 2px 6px; text-align: left; vertical-align: "
             "top; }\n"
             "section.motie { break-inside: avoid-page; border-top: 1px solid #ccc; }\n"
             ".voorstel { font-weight: 700; }\n"
             "</style></head><body>\n";
    }
    Heading(1, title);
  }

  void Heading(int level, const std::string& text) {
    if (html_) {
      out_ +=
          "<h" + std::to_string(level) + ">" + Esc(text) + "</h" + std::to_string(level) + ">\n";
    } else {
      out_ += std::string(static_cast<size_t>(level), '#') + " " + OneLine(text) + "\n\n";
    }
  }
  void Paragraph(const std::string& text, const char* css = nullptr) {
    if (html_) {
      out_ += std::string("<p") + (css ? std::string(" class=\"") + css + "\"" : "") + ">" +
              Esc(text) + "</p>\n";
    } else {
      out_ += (css ? "**" + OneLine(text) + "**" : OneLine(text)) + "\n\n";
    }
  }
  void Bullets(const std::vector<std::string>& items) {
    if (items.empty()) return;
    out_ += html_ ? "<ul>\n" : "";
    for (const auto& item : items) {
      out_ += html_ ? "<li>" + Esc(item) + "</li>\n" : "- " + OneLine(item) + "\n";
    }
    out_ += html_ ? "</ul>\n" : "\n";
  }
  void Table(const std::vector<std::string>& header,
             const std::vector<std::vector<std::string>>& rows) {
    if (html_) {
      out_ += "<table><thead><tr>";
      for (const auto& h : header) out_ += "<th>" + Esc(h) + "</th>";
      out_ += "</tr></thead><tbody>\n";
      for (const auto& row : rows) {
        out_ += "<tr>";
        for (const auto& cell : row) out_ += "<td>" + Esc(cell) + "</td>";
        out_ += "</tr>\n";
      }
      out_ += "</tbody></table>\n";
      return;
    }
    auto line = [&](const std::vector<std::string>& cells) {
      out_ += "|";
      for (const auto& c : cells) out_ += " " + Cell(c) + " |";
      out_ += "\n";
    };
    line(header);
    out_ += "|";
    for (size_t i = 0; i < header.size(); ++i) out_ += "---|";
    out_ += "\n";
    for (const auto& row : rows) line(row);
    out_ += "\n";
  }
  // Label-value pairs of one item.
  void Fields(const std::vector<std::pair<std::string, std::string>>& fields) {
    if (html_) {
      out_ += "<table class=\"fields\"><tbody>\n";
      for (const auto& [label, value] : fields) {
        out_ += "<tr><th scope=\"row\">" + Esc(label) + "</th><td>" + Esc(value) + "</td></tr>\n";
      }
      out_ += "</tbody></table>\n";
      return;
    }
    for (const auto& [label, value] : fields) {
      out_ += "- **" + OneLine(label) + ":** " + OneLine(value) + "\n";
    }
    out_ += "\n";
  }
  void BeginSection() { out_ += html_ ? "<section class=\"motie\">\n" : ""; }
  void EndSection() { out_ += html_ ? "</section>\n" : ""; }

  std::string Finish() {
    if (html_) out_ += "</body></html>\n";
    return out_;
  }

 private:
  static std::string Esc(const std::string& s) { return EscapeHtml(s); }
  // Markdown: one paragraph per call, so line breaks in the text go; and
  // text as text: a title with "*", "_", "[...](...)", "<b>" or "|" must
  // not turn into emphasis, a link, HTML or a table cell.
  static std::string OneLine(const std::string& s) { return EscapeMarkdown(s); }
  static std::string Cell(const std::string& s) { return EscapeMarkdown(s); }

  bool html_;
  std::string out_;
};

std::string Join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string Percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", v);
  std::string s = buf;
  if (s.size() > 3 && s.compare(s.size() - 3, 3, ".0%") == 0) s.erase(s.size() - 3, 2);
  return s;
}

std::string DescribeBesluit(const archive::HistoryEntry& b) {
  std::string s = b.status + " op " + b.datum;
  if (b.stemmen_voor) s += " (" + Percent(*b.stemmen_voor) + " voor)";
  if (!b.toelichting.empty()) s += ": " + b.toelichting;
  return s;
}

std::string Meeting(const schema::Record& r) {
  std::string s = r.vergadering.value_or("onbekend");
  if (r.agendapunt) s += ", agendapunt " + *r.agendapunt;
  return s;
}

constexpr const char* kNoExecution = "geen uitvoering geregistreerd";

}  // namespace

const archive::HistoryEntry* MotionLife::besluit() const {
  return history.besluiten.empty() ? nullptr : &history.besluiten.back();
}
const archive::HistoryEntry* MotionLife::uitvoering() const {
  return history.uitvoeringen.empty() ? nullptr : &history.uitvoeringen.back();
}
bool MotionLife::adopted() const {
  const auto* b = besluit();
  return b && (b->status == "aangenomen" || b->status == "overgenomen");
}

Result<std::vector<MotionLife>> LoadMotionLives(archive::Archive& archive) {
  auto records = archive.LoadRecords();
  if (!records.ok()) return records.status();
  auto versions = archive.Versions();
  if (!versions.ok()) return versions.status();
  std::map<std::string, std::string> first_of;
  for (const auto& v : *versions) first_of[v.document_id] = v.first_version_id;
  std::vector<MotionLife> lives;
  std::map<std::string, size_t> by_first;
  for (auto& r : *records) {  // export order: older files first
    if (r.soort != schema::kMotie && r.soort != schema::kAmendement) continue;
    const std::string first = first_of.count(r.id) ? first_of[r.id] : r.id;
    auto [it, fresh] = by_first.emplace(first, lives.size());
    if (fresh) {
      lives.push_back({});
    }
    MotionLife& life = lives[it->second];
    life.document_ids.push_back(r.id);
    if (fresh) {
      life.motie = std::move(r);
      continue;
    }
    // The version with the most supporters stands for the motion (the
    // supporter list comes later, in a later nazending); what it lacks is
    // taken from the others.
    schema::Record other = std::move(r);
    if (other.ondersteuners.size() >= life.motie.ondersteuners.size()) std::swap(life.motie, other);
    if (!life.motie.vergadering) life.motie.vergadering = other.vergadering;
    if (!life.motie.agendapunt) life.motie.agendapunt = other.agendapunt;
    if (!life.motie.preadvies) life.motie.preadvies = other.preadvies;
    if (!life.motie.datum_indiening) life.motie.datum_indiening = other.datum_indiening;
  }
  for (MotionLife& life : lives) {
    auto history = archive.History(life.document_ids);
    if (!history.ok()) return history.status();
    life.history = std::move(*history);
  }
  return lives;
}

std::string VerantwoordingReport(const std::vector<MotionLife>& lives,
                                 const VerantwoordingOptions& options) {
  std::vector<const MotionLife*> chosen;
  for (const MotionLife& life : lives) {
    if (!life.adopted()) continue;
    if (options.vergadering && life.motie.vergadering != options.vergadering) continue;
    const auto* u = life.uitvoering();
    if (options.open && u && u->status == "uitgevoerd") continue;
    chosen.push_back(&life);
  }
  std::stable_sort(chosen.begin(), chosen.end(), [](const MotionLife* a, const MotionLife* b) {
    const std::string va = a->motie.vergadering.value_or(""),
                      vb = b->motie.vergadering.value_or("");
    if (va != vb) return va < vb;
    return text::NaturalLess(a->motie.agendapunt.value_or(""), b->motie.agendapunt.value_or(""));
  });

  std::string scope = options.vergadering ? "ALV van " + *options.vergadering : "alle ALV's";
  if (options.open) scope += ", nog niet uitgevoerd";
  Writer w(options.format, "Verantwoording uitvoering moties (" + scope + ")");
  std::map<std::string, int> counts;
  for (const auto* life : chosen) {
    const auto* u = life->uitvoering();
    ++counts[u ? u->status : kNoExecution];
  }
  w.Heading(2, "Samenvatting");
  std::vector<std::vector<std::string>> rows;
  for (const char* status : {"uitgevoerd", "in uitvoering", "aangehouden", kNoExecution}) {
    rows.push_back({status, std::to_string(counts[status])});
  }
  rows.push_back({"totaal aangenomen moties", std::to_string(chosen.size())});
  w.Table({"stand van uitvoering", "aantal"}, rows);

  for (const auto* life : chosen) {
    const schema::Record& m = life->motie;
    w.BeginSection();
    w.Heading(2, schema::DisplayTitle(m) + (m.soort == schema::kAmendement ? " (amendement)" : ""));
    std::string indieners = Join(m.indieners);
    if (!m.mede_indieners.empty()) indieners += "; mede-indieners: " + Join(m.mede_indieners);
    w.Fields({{"Indieners", indieners.empty() ? "-" : indieners},
              {"Ondersteunende gemeenten", std::to_string(m.ondersteuners.size())},
              {"Vergadering", Meeting(m)},
              {"Preadvies bestuur", m.preadvies ? m.preadvies->advies : "-"},
              {"Besluit ALV", DescribeBesluit(*life->besluit())},
              {"Document", m.id}});
    if (!m.verzoeken.empty()) {
      w.Heading(3, "Verzoeken");
      std::vector<std::string> points;
      for (const auto& v : m.verzoeken) points.push_back(v.tekst);
      w.Bullets(points);
    }
    w.Heading(3, "Uitvoering");
    std::vector<std::string> steps;
    for (const auto& u : life->history.uitvoeringen) {
      steps.push_back(u.datum + " " + u.status +
                      (u.toelichting.empty() ? "" : ": " + u.toelichting));
    }
    if (steps.empty()) steps.push_back(kNoExecution);
    w.Bullets(steps);
    const auto* u = life->uitvoering();
    if (u && u->status == "uitgevoerd") {
      w.Paragraph("Voorstel: als uitgevoerd beschouwen.", "voorstel");
    } else {
      std::string reason = u ? (u->toelichting.empty() ? "" : " (" + u->toelichting + ")")
                             : std::string("; ") + kNoExecution;
      w.Paragraph("Voorstel: aanhouden" + reason + ".", "voorstel");
    }
    w.EndSection();
  }
  if (chosen.empty()) w.Paragraph("Geen aangenomen moties in deze selectie.");
  return w.Finish();
}

std::string VergaderingReport(const std::vector<MotionLife>& lives,
                              const std::vector<schema::Record>& preadviezen,
                              const std::string& datum, ReportFormat format) {
  // agendapunt -> rows, in natural order (9 before 10); "~" (none) last.
  auto natural = [](const std::string& a, const std::string& b) {
    if ((a == "~") != (b == "~")) return b == "~";
    return text::NaturalLess(a, b);
  };
  std::map<std::string, std::vector<std::vector<std::string>>, decltype(natural)> by_punt(natural);
  auto punt = [](const std::optional<std::string>& a) { return a.value_or("~"); };
  int motions = 0, amendments = 0, advices = 0;
  for (const MotionLife& life : lives) {
    const schema::Record& m = life.motie;
    if (m.vergadering != datum) continue;
    (m.soort == schema::kAmendement ? amendments : motions)++;
    const auto* b = life.besluit();
    by_punt[punt(m.agendapunt)].push_back({m.soort, schema::DisplayTitle(m), Join(m.indieners),
                                           std::to_string(m.ondersteuners.size()),
                                           m.preadvies ? m.preadvies->advies : "-",
                                           b ? DescribeBesluit(*b) : "-"});
  }
  for (const schema::Record& p : preadviezen) {
    if (p.vergadering != datum) continue;
    ++advices;
    by_punt[punt(p.agendapunt)].push_back({"preadvies", schema::DisplayTitle(p), Join(p.indieners),
                                           std::to_string(p.ondersteuners.size()),
                                           p.preadvies ? p.preadvies->advies : "-", ""});
  }
  Writer w(format, "Overzicht ALV " + datum);
  w.Paragraph(std::to_string(motions) + " moties, " + std::to_string(amendments) +
              " amendementen en " + std::to_string(advices) +
              " preadviezen ontvangen in de nazendingen.");
  for (const auto& [key, rows] : by_punt) {
    w.Heading(2, key == "~" ? "Zonder agendapunt" : "Agendapunt " + key);
    w.Table({"soort", "titel", "indieners", "ondersteuners", "preadvies", "besluit"}, rows);
  }
  if (by_punt.empty()) w.Paragraph("Geen documenten voor deze vergadering in het archief.");
  return w.Finish();
}

}  // namespace motiearchief::reports
