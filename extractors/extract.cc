#include "extractors/extract.h"

#include <re2/re2.h>

#include <algorithm>

#include "extractors/dates.h"
#include "extractors/grammar.h"
#include "extractors/lines.h"
#include "extractors/motion_header.h"
#include "extractors/profiles.h"
#include "extractors/signature_block.h"
#include "extractors/vocabulary.h"
#include "text/normalize.h"

namespace motiearchief::extractors {

using text::ContentWords;
using text::FoldForMatch;
using text::JoinLines;
using text::Page;
using text::SplitLines;
using text::Trim;
using text::WordOverlap;

namespace {

using schema::Clause;
using schema::Provenance;
using schema::Record;

std::vector<Line> LinesOf(const std::vector<Page>& pages) {
  std::vector<Line> lines;
  for (const Page& page : pages) {
    for (std::string_view l : SplitLines(page.text)) {
      if (Matches("page.furniture", l)) continue;
      // An opener inside a sentence starts a line of its own: "De Kamer,
      // gehoord de beraadslaging, constaterende dat ...".
      std::string rest(l), before, from_opener;
      for (int k = 0; k < 4 && RE2::FullMatch(rest, Grammar().Re("clause.inline_opener"), &before,
                                              &from_opener);
           ++k) {
        lines.push_back({before, page.number});
        rest = from_opener;
      }
      lines.push_back({rest, page.number});
    }
  }
  return lines;
}

bool Blank(const Line& l) { return Trim(l.text).empty(); }

// A clause as the record wants it: trimmed, its final punctuation kept as
// in the source (";", ",", "." or none).
std::string Cleaned(std::string_view s) { return std::string(Trim(s)); }

// A title as the record wants it: no quotes, no leading "Motie", no
// trailing punctuation.
std::string CleanTitle(std::string title) {
  title = JoinLines(title);
  static const RE2 lead(R"((?i)^\s*(?:motie|amendement)\s*[:\-]?\s*)");
  RE2::Replace(&title, lead, "");
  std::string quoted;
  if (RE2::PartialMatch(title, Grammar().Re("title.in_quotes"), &quoted)) title = quoted;
  title.erase(std::remove(title.begin(), title.end(), '"'), title.end());
  std::string_view t = Trim(title);
  while (!t.empty() && (t.back() == '.' || t.back() == ':' || t.back() == ',')) {
    t.remove_suffix(1);
  }
  return std::string(Trim(t));
}

class Extractor {
 public:
  Extractor(const std::string& soort, const std::vector<Page>& pages, const Gazetteer& gazetteer)
      : lines_(LinesOf(pages)), gazetteer_(gazetteer) {
    record_.soort = soort;
    std::string text;
    for (const Page& p : pages) {
      if (!text.empty()) text += "\n\n";
      text += p.text;
    }
    record_.tekst = std::string(Trim(text));
    profile_ = ChooseProfile(lines_, gazetteer_);
  }

  Record Run() {
    Note("profiel", profile_.profile->name, 0, profile_.evidence);
    if (record_.soort != schema::kBrief && record_.soort != schema::kOverig && profile_.orgaan) {
      record_.orgaan = profile_.orgaan;
      Note("orgaan", *record_.orgaan, 0, "profile." + std::string(profile_.profile->name));
    }
    if (record_.soort == schema::kMotie || record_.soort == schema::kAmendement) {
      ExtractMotion();
    } else if (record_.soort == schema::kPreadvies) {
      ExtractPreadvies();
    } else if (record_.soort == schema::kResolutie) {
      ExtractResolutieTitle();
    }
    return std::move(record_);
  }

 private:
  void Note(const std::string& field, const std::string& value, int page, const std::string& rule) {
    record_.herkomst.push_back({field, value, page, rule});
  }

  // Adds municipalities to `list`, remembering unknown ones.
  void AddGemeenten(std::vector<std::string>& list, const std::string& field,
                    const std::vector<GemeenteMatch>& found, int page, const std::string& rule) {
    for (const GemeenteMatch& m : found) {
      if (std::find(list.begin(), list.end(), m.name) != list.end()) continue;
      list.push_back(m.name);
      Note(field, m.name, page, m.fuzzy ? rule + "+gazetteer.fuzzy" : rule);
      if (!m.known) record_.onbekende_gemeenten.push_back(m.name);
    }
  }

  std::vector<GemeenteMatch> ParseSubmitters(const std::string& text, bool keep_unknown) {
    std::string t = text;
    RE2::GlobalReplace(&t, Grammar().Re("indiener.cs"), "");
    return gazetteer_.ParseList(t, keep_unknown);
  }

  // --- Header: title, submitters, dates ---------------------------------

  size_t FirstClauseLine() const {
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (ConsiderationOpener(lines_[i].text) || RequestOpener(lines_[i].text)) return i;
      if (record_.soort == schema::kAmendement &&
          Matches("request.amendment_lead_in", lines_[i].text)) {
        return i;
      }
    }
    return lines_.size();
  }

  struct Opener {
    std::string soort;
    std::string rule;
    std::string rest;
    bool addressed = false;  // the addressee stood on the opener's line
  };

  static std::optional<Opener> ConsiderationOpener(const std::string& line) {
    static const std::pair<const char*, const char*> kRules[] = {
        {"clause.constaterende", "constaterende"}, {"clause.overwegende", "overwegende"},
        {"clause.van_mening", "van mening"},       {"clause.van_oordeel", "van oordeel"},
        {"clause.gelet_op", "gelet op"},           {"clause.gehoord", "gehoord"},
        {"clause.kennisnemende", "kennisnemende"}, {"clause.vaststellende", "vaststellende"},
    };
    std::string rest;
    for (const auto& [rule, soort] : kRules) {
      if (RE2::PartialMatch(line, Grammar().Re(rule), &rest)) {
        return Opener{soort, rule, rest};
      }
    }
    std::string word;
    if (RE2::PartialMatch(line, Grammar().Re("clause.other_opener"), &word, &rest)) {
      return Opener{FoldForMatch(word), "clause.other_opener", rest};
    }
    return std::nullopt;
  }

  static std::optional<Opener> RequestOpener(const std::string& line) {
    static const std::pair<const char*, const char*> kRules[] = {
        {"request.verzoekt", "verzoekt"},        {"request.roept_op", "roept op"},
        {"request.oproep", "roept op"},          {"request.draagt_op", "draagt op"},
        {"request.spreekt_uit", "spreekt uit"},  {"request.besluit", "besluit"},
        {"request.nodigt_uit", "nodigt uit"},    {"request.dringt_aan", "dringt aan"},
        {"request.stelt_voor", "stelt voor"},    {"request.doet_beroep", "roept op"},
        {"request.geeft_opdracht", "draagt op"}, {"request.vraagt", "vraagt"},
    };
    // A long line that merely starts with such a word is prose only when
    // it is not a clause: these verbs open clauses at the line start.
    std::string rest;
    for (const auto& [rule, soort] : kRules) {
      if (RE2::PartialMatch(line, Grammar().Re(rule), &rest)) {
        std::string remainder;
        bool addressed = false;
        if (RE2::PartialMatch(rest, Grammar().Re("request.addressee"), &remainder)) {
          rest = remainder;
          addressed = true;
        }
        return Opener{soort, rule, rest, addressed};
      }
    }
    return std::nullopt;
  }

  // "Indiener:", "Titel motie:", "Datum indiening:" as label-only lines,
  // their values on the following lines in the same order (a two-column
  // table read column by column).
  void ReadLabelBlock(size_t end) {
    for (size_t i = 0; i < end; ++i) {
      std::vector<std::string> labels;
      size_t j = i;
      while (j < end && (Blank(lines_[j]) || IsEmptyLabel(lines_[j].text))) {
        if (!Blank(lines_[j])) labels.push_back(LabelKind(lines_[j].text));
        ++j;
      }
      if (labels.size() < 2) continue;
      size_t k = j;
      for (const std::string& label : labels) {
        while (k < end && Blank(lines_[k])) ++k;
        if (k >= end) break;
        ApplyLabel(label, lines_[k].text, lines_[k].page, "header.label_block");
        ++k;
      }
      return;
    }
  }

  static std::string LabelKind(const std::string& line) {
    if (Matches("header.titel", line)) return "titel";
    if (Matches("header.mede_indiener", line)) return "mede_indiener";
    if (Matches("header.indiener", line)) return "indiener";
    if (Matches("header.datum", line)) return "datum";
    if (Matches("header.van", line)) return "indiener";
    if (Matches("header.onderwerp", line)) return "onderwerp";
    return "other";
  }

  static bool IsEmptyLabel(const std::string& line) {
    static const RE2 label_only(R"(^[^:]{2,60}:\s*$)");
    return RE2::FullMatch(line, label_only) && LabelKind(line) != "other";
  }

  void ApplyLabel(const std::string& label, const std::string& value, int page,
                  const std::string& rule) {
    if (Trim(value).empty()) return;
    if (label == "titel" && !record_.titel) {
      record_.titel = CleanTitle(value);
      Note("titel", *record_.titel, page, rule);
    } else if (label == "indiener") {
      AddSubmitters(value, page, rule);
    } else if (label == "mede_indiener") {
      AddGemeenten(record_.mede_indieners, "mede_indieners", ParseSubmitters(value, true), page,
                   rule);
    } else if (label == "datum" && !datum_text_) {
      datum_text_ = value;
      datum_page_ = page;
      datum_rule_ = rule;
    }
  }

  void AddSubmitters(const std::string& value, int page, const std::string& rule) {
    std::string main = value, mede;
    if (RE2::FullMatch(value, Grammar().Re("indiener.met_mede"), &main, &mede)) {
      AddGemeenten(record_.mede_indieners, "mede_indieners", ParseSubmitters(mede, true), page,
                   rule + "+indiener.met_mede");
    }
    AddGemeenten(record_.indieners, "indieners", ParseSubmitters(main, true), page, rule);
  }

  void ReadHeader(size_t end) {
    ReadLabelBlock(end);
    for (size_t i = 0; i < end; ++i) {
      const std::string& line = lines_[i].text;
      const int page = lines_[i].page;
      std::string value;
      if (IsEmptyLabel(line)) continue;
      if (Capture("header.titel", line, &value) && !record_.titel) {
        // A title may run on over the next line.
        if (i + 1 < end && !Blank(lines_[i + 1]) && !IsEmptyLabel(lines_[i + 1].text) &&
            !Matches("header.datum", lines_[i + 1].text)) {
          std::string_view next = Trim(lines_[i + 1].text);
          if (!next.empty() && std::islower(static_cast<unsigned char>(next[0]))) {
            value += " " + std::string(next);
          }
        }
        ApplyLabel("titel", value, page, "header.titel");
      } else if (Capture("header.indiener", line, &value)) {
        ApplyLabel("indiener", value, page, "header.indiener");
      } else if (Capture("header.mede_indiener", line, &value)) {
        ApplyLabel("mede_indiener", value, page, "header.mede_indiener");
        ReadBulletedGemeenten(i + 1, record_.mede_indieners, "mede_indieners",
                              "header.mede_indiener");
      } else if (Capture("header.van", line, &value)) {
        if (record_.indieners.empty()) ApplyLabel("indiener", value, page, "header.van");
      } else if (Capture("header.datum", line, &value)) {
        ApplyLabel("datum", value, page, "header.datum");
      } else if (Capture("title.label", line, &value) && !record_.titel) {
        ApplyLabel("titel", value, page, "title.label");
      } else if (Capture("title.quoted", line, &value) && !record_.titel) {
        ApplyLabel("titel", value, page, "title.quoted");
        // "Motie Heemstede "...": the submitter stands before the title.
        static const RE2 before_quote(
            R"((?i)^\s*(?:motie|amendement)\s+(?:van\s+(?:de\s+)?)?([^"]+?)\s*")");
        std::string who;
        if (RE2::PartialMatch(line, before_quote, &who) && record_.indieners.empty()) {
          AddGemeenten(record_.indieners, "indieners", ParseSubmitters(who, false), page,
                       "title.quoted");
        }
      } else if ((Capture("indiener.amendement_van", line, &value) ||
                  Capture("indiener.motie_van", line, &value)) &&
                 record_.indieners.empty()) {
        AddSubmitters(value, page, "indiener.amendement_van");
      } else if (Capture("header.onderwerp", line, &value)) {
        onderwerp_ = value;
        onderwerp_page_ = page;
      }
      if (Capture("indiener.dient_in", line, &value) && record_.indieners.empty()) {
        AddSubmitters(value, page, "indiener.dient_in");
      }
    }
    // The subject line names the motion when nothing else did, unless it
    // is the generic "Motie ALV 1 december 2023".
    if (!record_.titel && onderwerp_ && !Matches("title.generic_subject", *onderwerp_)) {
      ApplyLabel("titel", *onderwerp_, onderwerp_page_, "header.onderwerp");
    }
  }

  // Bulleted or one-per-line municipalities after a label line.
  void ReadBulletedGemeenten(size_t from, std::vector<std::string>& list, const std::string& field,
                             const std::string& rule) {
    for (size_t i = from; i < lines_.size(); ++i) {
      if (Blank(lines_[i])) {
        if (i + 1 < lines_.size() && Blank(lines_[i + 1])) break;
        continue;
      }
      std::string item = lines_[i].text;
      std::string marker, rest;
      if (RE2::FullMatch(item, Grammar().Re("line.bullet"), &marker, &rest)) item = rest;
      auto m = gazetteer_.Lookup(item);
      bool prefixed = StripGemeentePrefix(item).size() < Trim(item).size();
      if (!m && !prefixed) break;
      AddGemeenten(list, field,
                   m ? std::vector<GemeenteMatch>{*m}
                     : std::vector<GemeenteMatch>{{std::string(StripGemeentePrefix(item)), false}},
                   lines_[i].page, rule);
    }
  }

  // --- Meeting and dates --------------------------------------------------

  void ReadMeeting() {
    const RE2& context = Grammar().Re("vergadering.context");
    for (size_t i = 0; i < lines_.size() && !record_.vergadering; ++i) {
      const std::string& line = lines_[i].text;
      re2::StringPiece m;
      if (!RE2::PartialMatch(line, "(?i)(" + context.pattern() + ")", &m)) continue;
      size_t after = static_cast<size_t>(m.data() - line.data());
      std::optional<std::string> reference = datum_iso_;
      if (auto d = FindDate(std::string_view(line).substr(after), reference)) {
        record_.vergadering = d->iso;
        Note("vergadering", d->iso, lines_[i].page, "vergadering.context+" + d->rule);
        break;
      }
      // "Algemene Ledenvergadering VNG" / "Utrecht, 1 december 2023".
      size_t j = i + 1;
      while (j < lines_.size() && Blank(lines_[j])) ++j;
      if (j < lines_.size() && Trim(lines_[j].text).size() < 40) {
        if (auto d = FindDate(lines_[j].text, reference)) {
          record_.vergadering = d->iso;
          Note("vergadering", d->iso, lines_[j].page, "vergadering.context+next_line");
        }
      }
    }
  }

  void ResolveDates() {
    // First the dates that carry their year, so that "20 november" and
    // "1 december a.s." can take theirs from them.
    if (datum_text_) {
      if (auto d = FindDate(*datum_text_, std::nullopt)) datum_iso_ = d->iso;
    }
    ReadMeeting();
    if (datum_text_ && !datum_iso_) {
      std::optional<std::string> reference = record_.vergadering;
      if (auto d = FindDate(*datum_text_, reference)) datum_iso_ = d->iso;
    }
    if (datum_iso_) {
      record_.datum_indiening = datum_iso_;
      Note("datum_indiening", *datum_iso_, datum_page_, datum_rule_);
    } else if (datum_text_) {
      // "20 november": the bundle may know the year (ApplyBundleContext).
      record_.datum_zonder_jaar = datum_text_;
    }
  }

  // --- Clauses -------------------------------------------------------------

  // Reads overwegingen and verzoeken from `begin`; returns the line after
  // the last clause line (where signatures may start).
  size_t ReadClauses(size_t begin, size_t end) {
    enum class Part { kNone, kOverweging, kVerzoek } part = Part::kNone;
    std::string soort, rule, block_bullet, sub_bullet;
    size_t widest_line = 0;  // of the clause text so far (paragraph ends)
    std::vector<std::string> current;
    int current_page = 0;
    // "Verzoeken" alone on its line, the addressee opening the next:
    // "Het college van GS de mogelijkheden ... te onderzoeken".
    bool addressee_may_follow = false;
    auto flush = [&] {
      std::string text = Cleaned(JoinLines(current));
      // A clause repeating its opener's "dat" ("overwegende: - dat ...").
      static const RE2 repeated_dat(R"((?i)^dat\s+)");
      RE2::Replace(&text, repeated_dat, "");
      if (!text.empty() && part != Part::kNone) {
        Clause c{soort, text, current_page, rule};
        (part == Part::kVerzoek ? record_.verzoeken : record_.overwegingen).push_back(c);
      }
      current.clear();
    };
    auto start = [&](const std::string& text, int page) {
      flush();
      current_page = page;
      if (!Trim(text).empty()) current.push_back(text);
    };
    size_t i = begin;
    for (; i < end; ++i) {
      std::string line = lines_[i].text;
      const int page = lines_[i].page;
      std::string before_closing;
      if (Capture("clause.end_orde_van_de_dag", line, &before_closing)) {
        // A last clause run into the closing formula keeps its words.
        if (part != Part::kNone && !Trim(before_closing).empty()) {
          std::string marker, rest;
          if (RE2::FullMatch(before_closing, Grammar().Re("line.bullet"), &marker, &rest)) {
            start(rest, page);
          } else {
            current.push_back(before_closing);
          }
        }
        flush();
        return i + 1;
      }
      if (addressee_may_follow && !Blank(lines_[i])) {
        addressee_may_follow = false;
        std::string remainder;
        if (RE2::FullMatch(std::string(Trim(line)), Grammar().Re("request.addressee"),
                           &remainder)) {
          if (Trim(remainder).empty()) continue;
          line = remainder;
        }
      }
      if (part != Part::kNone &&
          (Matches("section.signatures", line) || Matches("header.mede_indiener", line) ||
           Matches("support.heading", line) || Matches("section.toelichting", line) ||
           Matches("header.indiener", line))) {
        flush();
        return i;
      }
      std::optional<Opener> request = RequestOpener(line);
      std::string lead_in;
      if (!request && record_.soort == schema::kAmendement &&
          Capture("request.amendment_lead_in", line, &lead_in)) {
        request = Opener{"besluit", "request.amendment_lead_in", lead_in, true};
      }
      if (auto o = request) {
        flush();
        part = Part::kVerzoek;
        soort = o->soort;
        rule = o->rule;
        block_bullet.clear();
        sub_bullet.clear();
        addressee_may_follow = Trim(o->rest).empty() && !o->addressed;
        start(o->rest, page);
        continue;
      }
      if (auto o = ConsiderationOpener(line)) {
        flush();
        if (o->rule == "clause.gehoord") {
          // A preamble formula: nothing up to the next opener is a clause.
          part = Part::kNone;
          continue;
        }
        part = Part::kOverweging;
        soort = o->soort;
        rule = o->rule;
        block_bullet.clear();
        sub_bullet.clear();
        start(o->rest, page);
        continue;
      }
      if (part == Part::kNone) continue;
      if (Blank(lines_[i])) {
        // Without bullets, paragraphs are the clauses.
        // An amendment's besluit block: every paragraph is an entry.
        if (block_bullet.empty() || (part == Part::kVerzoek && soort == "besluit")) flush();
        continue;
      }
      std::string marker, rest;
      if (RE2::FullMatch(line, Grammar().Re("line.bullet"), &marker, &rest)) {
        std::string kind = BulletKind(marker);
        // A bullet OCR misread as a quote is one of the block's bullets;
        // one read twice ("-\" ") is one bullet.
        if (kind == "ocr" && !block_bullet.empty()) kind = block_bullet;
        std::string again, after;
        if (RE2::FullMatch(rest, Grammar().Re("line.bullet"), &again, &after) &&
            BulletKind(again) == "ocr") {
          rest = after;
        }
        // A block whose first bullet was misread takes its kind from the next.
        if (block_bullet == "ocr" && kind != "number" && kind != "letter" && kind != "paren" &&
            kind != "o") {
          block_bullet = kind;
        }
        if (block_bullet.empty()) block_bullet = kind;
        if (kind == block_bullet) {
          sub_bullet.clear();
          start(rest, page);
        } else if (kind == sub_bullet ||
                   (!current.empty() && !current.back().empty() && current.back().back() == ':')) {
          // A lead-in ending in a colon is its own clause, and so is each
          // item of the sub-list under it.
          sub_bullet = kind;
          start(rest, page);
        } else {
          // Any other sub-list belongs to the clause above it.
          current.push_back(rest);
        }
        continue;
      }
      std::string dat;
      if (block_bullet.empty() &&
          RE2::FullMatch(line, Grammar().Re("clause.dat_paragraph"), &dat)) {
        start(line, page);
        continue;
      }
      // In a besluit block a paragraph may end without a blank line: its
      // last line ends a sentence well short of the block's width.
      if (part == Part::kVerzoek && soort == "besluit" && !current.empty()) {
        std::string_view last = Trim(current.back());
        const bool sentence_end =
            !last.empty() && (last.back() == '.' || last.back() == ':' || last.back() == '!');
        if (sentence_end && last.size() * 4 < widest_line * 3) start("", page);
      }
      widest_line = std::max(widest_line, Trim(line).size());
      if (current.empty()) current_page = page;
      current.push_back(line);
    }
    flush();
    return i;
  }

  static std::string BulletKind(const std::string& marker) {
    std::string_view m = Trim(marker);
    if (m.empty()) return "none";
    if (std::isdigit(static_cast<unsigned char>(m[0]))) return "number";
    if (m.size() >= 2 && std::isalpha(static_cast<unsigned char>(m[0])) && m != "o")
      return "letter";
    if (m[0] == '(') return "paren";
    if (m == "-" || m == "–") return "dash";
    static const RE2 ocr_forms(R"(["“”«»©®°¢·])");
    if (RE2::FullMatch(m, ocr_forms)) return "ocr";
    return std::string(m);
  }

  // --- Signatories ----------------------------------------------------------

  struct NameAt {
    std::string name;
    size_t column;
  };
  struct RoleAt {
    std::string functie;
    std::optional<std::string> gemeente;
    size_t column;
  };

  std::string StripHonorifics(std::string s) {
    RE2::Replace(&s, Grammar().Re("sign.honorific"), "");
    return std::string(Trim(s));
  }

  std::optional<std::string> GemeenteIn(const std::string& text) {
    // "Enschede", "Financiën Enschede", "van Losser": try the last words.
    std::string t = std::string(Trim(text));
    for (size_t n = 0; n < 4; ++n) {
      size_t pos = t.size();
      for (size_t k = 0; k <= n && pos != std::string::npos; ++k) {
        pos = pos == 0 ? std::string::npos : t.rfind(' ', pos - 1);
      }
      std::string tail = pos == std::string::npos ? t : t.substr(pos + 1);
      if (auto m = gazetteer_.Lookup(tail)) return m->name;
      if (pos == std::string::npos) break;
    }
    return std::nullopt;
  }

  void ReadSignatories(size_t begin) {
    std::optional<std::string> block_gemeente;
    std::vector<std::pair<size_t, std::vector<NameAt>>> name_lines;
    std::vector<std::pair<size_t, std::vector<RoleAt>>> role_lines;
    size_t end = lines_.size();
    for (size_t i = begin; i < lines_.size(); ++i) {
      if (Matches("support.heading", lines_[i].text) ||
          Matches("vergadering.context", lines_[i].text)) {
        end = i;
        break;
      }
    }
    std::vector<std::optional<std::string>> block_of(end > begin ? end - begin : 0);
    const std::vector<bool> in_form = ReadSignatureForms(begin, end);
    for (size_t i = begin; i < end; ++i) {
      const std::string& line = lines_[i].text;
      std::string value;
      if (in_form[i - begin]) continue;
      if (Matches("header.mede_indiener", line)) continue;
      if (Capture("sign.college_van", line, &value) || Capture("sign.namens", line, &value)) {
        if (auto m = gazetteer_.Lookup(value))
          block_gemeente = m->name;
        else if (auto g = GemeenteIn(value))
          block_gemeente = g;
        if (block_gemeente) signing_for_.push_back({*block_gemeente, lines_[i].page});
        block_of[i - begin] = block_gemeente;
        continue;
      }
      block_of[i - begin] = block_gemeente;
      std::vector<NameAt> names;
      std::vector<RoleAt> roles;
      bool other = false;
      for (const Segment& seg : Segments(line)) {
        std::string text = StripHonorifics(seg.text);
        std::string name, functie, rest;
        if (RE2::FullMatch(text, Grammar().Re("sign.name_role"), &name, &functie, &rest)) {
          schema::Signatory s{StripHonorifics(name), CanonicalRole(functie), std::nullopt};
          s.gemeente = GemeenteIn(rest);
          if (!s.gemeente) s.gemeente = block_gemeente;
          AddSignatory(std::move(s), lines_[i].page, "sign.name_role");
          continue;
        }
        if (RE2::FullMatch(text, Grammar().Re("sign.role"), &functie, &rest)) {
          // "Burgemeester Wethouder": two columns that the layout joined.
          std::string next_functie, next_rest;
          while (RE2::FullMatch(rest, Grammar().Re("sign.role"), &next_functie, &next_rest)) {
            roles.push_back({CanonicalRole(functie), std::nullopt, seg.column});
            functie = next_functie;
            rest = next_rest;
          }
          roles.push_back({CanonicalRole(functie), GemeenteIn(rest), seg.column});
          continue;
        }
        std::vector<std::string> found = NamesIn(text);
        if (!found.empty()) {
          for (std::string& n : found) names.push_back({std::move(n), seg.column});
          continue;
        }
        other = true;
      }
      if (other) continue;
      if (!names.empty() && roles.empty()) name_lines.push_back({i, std::move(names)});
      if (!roles.empty() && names.empty()) role_lines.push_back({i, std::move(roles)});
    }
    // Pair each line of names with the nearest line of roles (below first,
    // then above) that is not yet taken.
    std::vector<bool> role_used(role_lines.size(), false);
    for (auto& [line_index, names] : name_lines) {
      int best = -1;
      size_t best_distance = 4;
      for (size_t r = 0; r < role_lines.size(); ++r) {
        if (role_used[r]) continue;
        size_t li = role_lines[r].first;
        size_t distance = li > line_index ? li - line_index : (line_index - li) + 1;
        // Lines of another signature block are not ours.
        if (block_of[li - begin] != block_of[line_index - begin]) continue;
        if (distance < best_distance) {
          best_distance = distance;
          best = static_cast<int>(r);
        }
      }
      const std::vector<RoleAt>* roles = nullptr;
      if (best >= 0) {
        role_used[static_cast<size_t>(best)] = true;
        roles = &role_lines[static_cast<size_t>(best)].second;
      }
      for (size_t n = 0; n < names.size(); ++n) {
        schema::Signatory s{names[n].name, std::nullopt, std::nullopt};
        const RoleAt* role = nullptr;
        if (roles && roles->size() == names.size()) {
          role = &(*roles)[n];
        } else if (roles) {
          // Nearest column.
          size_t d = SIZE_MAX;
          for (const RoleAt& r : *roles) {
            size_t dist = r.column > names[n].column ? r.column - names[n].column
                                                     : names[n].column - r.column;
            if (dist < d) {
              d = dist;
              role = &r;
            }
          }
        }
        if (role) {
          s.functie = role->functie;
          s.gemeente = role->gemeente;
        }
        if (!s.gemeente) s.gemeente = block_of[line_index - begin];
        AddSignatory(std::move(s), lines_[line_index].page,
                     role ? "sign.names+sign.role" : "sign.names");
      }
    }
  }

  // One signatory as a form states it: field name (canonical label) to value.
  struct FormEntry {
    std::optional<std::string> gemeente, naam, functie;
    size_t column = 0;
    int page = 0;
    size_t order = 0;  // when it started, for output in reading order
  };

  static std::string CanonicalLabel(const std::string& label) {
    std::string l = FoldForMatch(label);
    if (l.find("gemeente") != std::string::npos) return "gemeente";
    return l;  // naam, functie, rol, handtekening, ... or a role
  }

  void AddFormEntry(const FormEntry& e, const std::string& rule) {
    if (!e.naam || Trim(*e.naam).empty()) return;
    schema::Signatory s{StripHonorifics(*e.naam), std::nullopt, std::nullopt};
    if (e.functie && !Trim(*e.functie).empty()) s.functie = CanonicalRole(*e.functie);
    if (e.gemeente) {
      if (auto m = gazetteer_.Lookup(*e.gemeente)) {
        s.gemeente = m->name;
        signing_for_.push_back({m->name, e.page});
      } else if (auto g = GemeenteIn(*e.gemeente)) {
        s.gemeente = g;
        signing_for_.push_back({*g, e.page});
      } else if (!Trim(*e.gemeente).empty()) {
        s.gemeente = std::string(Trim(*e.gemeente));
      }
    }
    AddSignatory(std::move(s), e.page, rule);
  }

  // Signature forms, read before the free layouts: a table under a header
  // row ("Namens gemeente  Naam  Functie"), and filled-in fields
  // ("Namens gemeente: Losser" / "Wethouder: J. Jansen"), one column per
  // signatory when several stand side by side. Returns, per line from
  // `begin`, whether a form used it.
  std::vector<bool> ReadSignatureForms(size_t begin, size_t end) {
    std::vector<bool> used(end > begin ? end - begin : 0, false);
    for (size_t i = begin; i < end; ++i) {
      std::vector<Segment> header = Segments(lines_[i].text);
      if (header.size() < 2) continue;
      std::vector<std::string> labels;
      for (const Segment& seg : header) {
        std::string label;
        if (!Capture("sign.table_label", seg.text, &label)) break;
        labels.push_back(CanonicalLabel(label));
      }
      if (labels.size() != header.size() ||
          std::find(labels.begin(), labels.end(), "naam") == labels.end()) {
        continue;
      }
      used[i - begin] = true;
      bool seen_row = false;
      for (size_t j = i + 1; j < end; ++j) {
        std::vector<Segment> cells = Segments(lines_[j].text);
        if (cells.empty()) {
          if (seen_row) break;
          continue;
        }
        FormEntry e;
        e.page = lines_[j].page;
        for (const Segment& cell : cells) {
          // The cell belongs to the label whose column is nearest.
          size_t best = 0, distance = SIZE_MAX;
          for (size_t k = 0; k < header.size(); ++k) {
            size_t d = header[k].column > cell.column ? header[k].column - cell.column
                                                      : cell.column - header[k].column;
            if (d < distance) distance = d, best = k;
          }
          std::optional<std::string>* field = labels[best] == "naam"       ? &e.naam
                                              : labels[best] == "gemeente" ? &e.gemeente
                                              : labels[best] == "functie" || labels[best] == "rol"
                                                  ? &e.functie
                                                  : nullptr;
          if (field) *field = (*field ? **field + " " : std::string()) + cell.text;
        }
        if (!e.naam) break;
        used[j - begin] = true;
        seen_row = true;
        AddFormEntry(e, "sign.table");
      }
    }

    // Filled-in fields; an entry is complete when its column starts another.
    std::vector<FormEntry> open, done;
    size_t started = 0;
    auto entry_at = [&](size_t column, int page) -> FormEntry& {
      for (FormEntry& e : open) {
        size_t d = e.column > column ? e.column - column : column - e.column;
        if (d <= 12) return e;
      }
      open.push_back({});
      open.back().column = column;
      open.back().page = page;
      open.back().order = started++;
      return open.back();
    };
    for (size_t i = begin; i < end; ++i) {
      if (used[i - begin]) continue;
      std::vector<Segment> segs = Segments(lines_[i].text);
      bool any = false;
      for (size_t k = 0; k < segs.size(); ++k) {
        std::string label, value;
        if (!RE2::FullMatch(segs[k].text, Grammar().Re("sign.label_value"), &label, &value)) {
          continue;
        }
        const size_t column = segs[k].column;
        if (Trim(value).empty() && k + 1 < segs.size() &&
            !RE2::FullMatch(segs[k + 1].text, Grammar().Re("sign.label_value"))) {
          value = segs[++k].text;
        }
        any = true;
        const std::string field = CanonicalLabel(label);
        FormEntry& e = entry_at(column, lines_[i].page);
        auto restart = [&] {
          done.push_back(e);
          e = {};
          e.column = column;
          e.page = lines_[i].page;
          e.order = started++;
        };
        if (field == "gemeente") {
          if (e.gemeente || e.naam) restart();
          e.gemeente = value;
        } else if (field == "naam") {
          if (e.naam) restart();
          e.naam = value;
        } else if (field == "functie") {
          e.functie = value;
        } else {  // a role as the label: "Wethouder: J. Jansen"
          if (e.naam) restart();
          e.functie = field;
          if (!Trim(value).empty()) e.naam = value;
        }
      }
      if (any) used[i - begin] = true;
    }
    done.insert(done.end(), open.begin(), open.end());
    std::sort(done.begin(), done.end(),
              [](const FormEntry& a, const FormEntry& b) { return a.order < b.order; });
    for (const FormEntry& e : done) AddFormEntry(e, "sign.label_value");
    return used;
  }

  std::vector<std::string> NamesIn(const std::string& text) {
    std::vector<std::string> out;
    std::string full;
    if (RE2::FullMatch(text, Grammar().Re("sign.name_full"), &full)) {
      out.push_back(full);
      return out;
    }
    re2::StringPiece input(text);
    std::string name;
    const RE2& initials = Grammar().Re("sign.name_initials");
    while (RE2::FindAndConsume(&input, initials, &name)) {
      out.push_back(std::string(Trim(name)));
    }
    // Everything must be names: "J. R. V. A. Dijsselbloem R. Thijs" yes,
    // "Gemeenten hebben daarmee ..." no.
    std::string rest(input.data(), input.size());
    if (!Trim(rest).empty() || out.empty()) return {};
    size_t total = 0;
    for (const std::string& n : out) total += n.size();
    if (total + out.size() * 3 < FoldForMatch(text).size()) return {};
    return out;
  }

  void AddSignatory(schema::Signatory s, int page, const std::string& rule) {
    if (s.naam.empty()) return;
    for (const auto& existing : record_.ondertekenaars) {
      if (existing.naam == s.naam) return;
    }
    Note("ondertekenaars", s.naam, page, rule);
    record_.ondertekenaars.push_back(std::move(s));
  }

  // --- Supporters -----------------------------------------------------------

  void ReadSupporters(size_t begin) {
    for (size_t i = begin; i < lines_.size(); ++i) {
      const std::string& line = lines_[i].text;
      std::string value;
      bool heading = Capture("support.heading", line, &value);
      if (!heading && !Capture("support.inline", line, &value)) continue;
      const std::string rule = heading ? "support.heading" : "support.inline";
      if (!Trim(value).empty()) {
        std::string cleaned = value;
        RE2::GlobalReplace(&cleaned, Grammar().Re("support.placeholder"), ",");
        static const RE2 maar(R"((?i)\bmaar\b)");
        RE2::GlobalReplace(&cleaned, maar, ",");
        AddGemeenten(record_.ondersteuners, "ondersteuners", gazetteer_.ParseList(cleaned, true),
                     lines_[i].page, rule);
        if (!Trim(FoldForMatch(cleaned)).empty()) continue;
      }
      // The list follows, one or more per line, over columns and pages.
      for (size_t j = i + 1; j < lines_.size(); ++j) {
        const std::string& item_line = lines_[j].text;
        if (Blank(lines_[j])) continue;
        if (Matches("preadvies.status", item_line) || Matches("preadvies.strekking", item_line) ||
            Matches("preadvies.advies", item_line)) {
          break;
        }
        for (const Segment& seg : Segments(item_line)) {
          std::string item = seg.text;
          std::string marker, rest;
          if (RE2::FullMatch(item, Grammar().Re("line.bullet"), &marker, &rest)) item = rest;
          if (Matches("support.placeholder", item)) continue;
          bool prefixed = StripGemeentePrefix(item).size() < Trim(item).size();
          auto found = gazetteer_.ParseList(item, prefixed);
          AddGemeenten(record_.ondersteuners, "ondersteuners", found, lines_[j].page,
                       rule + "+list");
        }
      }
      return;
    }
  }

  // --- Whole documents ------------------------------------------------------

  void ExtractMotion() {
    if (profile_.profile->signatures != SignatureForm::kMunicipalities) {
      ExtractMembersMotion();
      return;
    }
    const size_t first_clause = FirstClauseLine();
    ReadHeader(first_clause);
    // No label named it: a heading does ("Motie Eerlijke financiering
    // jeugdzorg", "Motie inzake ...").
    if (!record_.titel) {
      if (auto title = FindOwnTitle(lines_, first_clause)) {
        record_.titel = title->value;
        Note("titel", title->value, title->page, title->rule);
      }
    }
    size_t after = ReadClauses(first_clause, lines_.size());
    // Labels after the clauses: "Mede indiener:", "Indieners:".
    for (size_t i = after; i < lines_.size(); ++i) {
      std::string value;
      if (Capture("header.mede_indiener", lines_[i].text, &value)) {
        ApplyLabel("mede_indiener", value, lines_[i].page, "header.mede_indiener");
        ReadBulletedGemeenten(i + 1, record_.mede_indieners, "mede_indieners",
                              "header.mede_indiener");
      } else if (Capture("header.indiener", lines_[i].text, &value)) {
        ApplyLabel("indiener", value, lines_[i].page, "header.indiener");
      }
    }
    ResolveDates();
    if (record_.overwegingen.empty() && record_.verzoeken.empty()) {
      // No clauses (an amendment's changed text): signatures follow the
      // last "Namens ..." line.
      for (size_t i = lines_.size(); i-- > 0;) {
        if (Matches("section.signatures", lines_[i].text)) {
          after = i;
          break;
        }
      }
    }
    ReadSignatories(after);
    SubmittersFromSignatures();
    ReadSupporters(first_clause);
    FinishSubmitters();
  }

  // A motion of parliament, a council, Staten or a water board: its header
  // by the profile's rules, clauses up to the signature block, members and
  // fracties from that block.
  void ExtractMembersMotion() {
    const LayoutProfile& profile = *profile_.profile;
    const bool members_only = profile.signatures == SignatureForm::kMembers;
    const size_t first_clause = FirstClauseLine();
    if (profile.has_own_title) {
      if (auto title = FindOwnTitle(lines_, first_clause)) {
        record_.titel = title->value;
        Note("titel", title->value, title->page, title->rule);
      }
    }
    if (auto date = FindAnchoredDate(lines_, first_clause, profile.date_rules)) {
      record_.datum_indiening = date->value;
      Note("datum_indiening", date->value, date->page, date->rule);
    }
    const size_t end = lines_.size();
    const size_t signatures =
        FindSignatureStart(lines_, first_clause, end, members_only, gazetteer_);
    const size_t after = ReadClauses(first_clause, signatures);
    SignatureBlock block =
        ReadSignatureBlock(lines_, std::max(after, signatures), end, members_only, gazetteer_);
    auto page_of = [&](const std::string& value) {
      for (const auto& [v, page] : block.pages) {
        if (v == value) return page;
      }
      return 0;
    };
    for (const schema::Signatory& m : block.members) {
      AddSignatory(m, page_of(m.naam), members_only ? "sign.block.member" : "sign.block.person");
    }
    // Who submits: the fracties as signed, else the members; the first is
    // the indiener, the others mede-indieners.
    std::vector<std::string> submitters = block.fracties;
    std::string rule = "sign.block.fractie";
    if (submitters.empty()) {
      for (const auto& m : block.members) submitters.push_back(m.naam);
      rule = "sign.block.member";
    }
    if (submitters.empty()) {
      // No signature block: the members the heading or transcript names.
      for (const Line& l : lines_) {
        std::string named;
        if (Capture("profile.motie_van_het_lid", l.text, &named) ||
            Capture("profile.voorgesteld_door", l.text, &named)) {
          submitters = MembersNamedIn(named);
          rule = "profile.members_named";
          break;
        }
      }
    }
    for (size_t k = 0; k < submitters.size(); ++k) {
      auto& list = k == 0 ? record_.indieners : record_.mede_indieners;
      list.push_back(submitters[k]);
      Note(k == 0 ? "indieners" : "mede_indieners", submitters[k], page_of(submitters[k]), rule);
    }
  }

  // Who signs "namens gemeente X" submits the motion: the first is the
  // indiener when the header names none, the others are mede-indieners.
  void SubmittersFromSignatures() {
    for (const auto& [name, page] : signing_for_) {
      const auto& ind = record_.indieners;
      const auto& mede = record_.mede_indieners;
      if (std::find(ind.begin(), ind.end(), name) != ind.end() ||
          std::find(mede.begin(), mede.end(), name) != mede.end()) {
        continue;
      }
      auto match = gazetteer_.Lookup(name);
      if (!match) continue;
      AddGemeenten(ind.empty() ? record_.indieners : record_.mede_indieners,
                   ind.empty() ? "indieners" : "mede_indieners", {*match}, page,
                   "sign.namens_gemeente");
    }
  }

  // A co-submitter is not also a submitter ("Van: Gemeente A en B" with
  // "Mede indiener: B").
  void FinishSubmitters() {
    auto& ind = record_.indieners;
    for (const std::string& m : record_.mede_indieners) {
      ind.erase(std::remove(ind.begin(), ind.end(), m), ind.end());
    }
  }

  void ExtractPreadvies() {
    schema::Advice advice;
    enum class Section { kNone, kStrekking, kToelichting } section = Section::kNone;
    std::vector<std::string> strekking, toelichting;
    for (size_t i = 0; i < lines_.size(); ++i) {
      const std::string& line = lines_[i].text;
      const int page = lines_[i].page;
      std::string value;
      if (!record_.titel && Capture("title.preadvies", line, &value)) {
        // The title runs on until a blank line or the next label.
        for (size_t j = i + 1; j < lines_.size() && !Blank(lines_[j]); ++j) {
          if (Matches("header.indiener", lines_[j].text)) break;
          value += " " + lines_[j].text;
        }
        std::string quoted;
        std::string joined = JoinLines(value);
        // "amendement op Voorstel X: "Titel"": the quoted part is the title.
        if (RE2::PartialMatch(joined, Grammar().Re("title.in_quotes"), &quoted)) joined = quoted;
        record_.titel = CleanTitle(joined);
        Note("titel", *record_.titel, page, "title.preadvies");
        continue;
      }
      if (Capture("header.indiener", line, &value)) {
        AddSubmitters(value, page, "header.indiener");
        continue;
      }
      if (Capture("preadvies.status", line, &value)) {
        advice.status = FoldForMatch(value);
        continue;
      }
      if (Capture("preadvies.advies", line, &value)) {
        advice.advies = CanonicalAdvice(value);
        Note("preadvies.advies", advice.advies, page, "preadvies.advies");
        section = Section::kNone;
        continue;
      }
      if (Matches("support.heading", line)) continue;  // ReadSupporters
      if (Capture("preadvies.strekking", line, &value)) {
        section = Section::kStrekking;
        if (!Trim(value).empty()) strekking.push_back(value);
        continue;
      }
      if (Capture("preadvies.toelichting", line, &value)) {
        section = Section::kToelichting;
        if (!Trim(value).empty()) toelichting.push_back(value);
        continue;
      }
      if (section == Section::kStrekking) strekking.push_back(line);
      if (section == Section::kToelichting) toelichting.push_back(line);
    }
    advice.strekking = JoinParagraphs(strekking);
    advice.toelichting = JoinParagraphs(toelichting);
    if (!advice.advies.empty() || !advice.toelichting.empty()) record_.preadvies = advice;
    ReadSupporters(0);
    FinishSubmitters();
  }

  // Paragraphs (blank-line separated) joined, kept apart by a blank line.
  static std::string JoinParagraphs(const std::vector<std::string>& lines) {
    std::string out;
    std::vector<std::string> paragraph;
    auto flush = [&] {
      std::string p = JoinLines(paragraph);
      if (!p.empty()) out += (out.empty() ? "" : "\n\n") + p;
      paragraph.clear();
    };
    for (const std::string& l : lines) {
      if (Trim(l).empty())
        flush();
      else
        paragraph.push_back(l);
    }
    flush();
    return out;
  }

  void ExtractResolutieTitle() {
    for (const Line& l : lines_) {
      std::string value;
      if (Capture("title.in_quotes", l.text, &value)) {
        record_.titel = CleanTitle(value);
        Note("titel", *record_.titel, l.page, "title.in_quotes");
        return;
      }
      if (!Blank(l)) break;
    }
  }

  std::vector<Line> lines_;
  const Gazetteer& gazetteer_;
  ProfileChoice profile_;
  Record record_;
  // Municipalities a signatory signs for ("Namens gemeente X"), in order,
  // with the page: they submit the motion, as indiener or mede-indiener.
  std::vector<std::pair<std::string, int>> signing_for_;
  std::optional<std::string> datum_text_;
  int datum_page_ = 0;
  std::string datum_rule_;
  std::optional<std::string> datum_iso_;
  std::optional<std::string> onderwerp_;
  int onderwerp_page_ = 0;
};

}  // namespace

Record ExtractRecord(const std::string& soort, const std::vector<Page>& pages,
                     const Gazetteer& gazetteer) {
  return Extractor(soort, pages, gazetteer).Run();
}

LetterFacts ExtractLetterFacts(const std::vector<Page>& pages) {
  LetterFacts facts;
  std::vector<Line> lines = LinesOf(pages);
  // The letter's date: after a "Datum" label, on its line or the next.
  for (size_t i = 0; i < lines.size() && !facts.datum; ++i) {
    std::string value;
    if (!Capture("header.datum", lines[i].text, &value)) continue;
    if (auto d = FindDate(value, std::nullopt)) {
      facts.datum = d->iso;
    } else if (i + 1 < lines.size()) {
      size_t j = i + 1;
      while (j < lines.size() && Blank(lines[j])) ++j;
      if (j < lines.size()) {
        if (auto d2 = FindDate(lines[j].text, std::nullopt)) facts.datum = d2->iso;
      }
    }
  }
  const RE2& context = Grammar().Re("vergadering.context");
  std::string agendapunt;
  bool in_item = false;
  for (const Line& l : lines) {
    facts.folded_text += FoldForMatch(l.text) + " ";
    re2::StringPiece m;
    if (!facts.vergadering && RE2::PartialMatch(l.text, "(?i)(" + context.pattern() + ")", &m)) {
      size_t after = static_cast<size_t>(m.data() - l.text.data());
      if (auto d = FindDate(std::string_view(l.text).substr(after), facts.datum)) {
        facts.vergadering = d->iso;
      }
    }
    std::string number, title;
    if (RE2::FullMatch(l.text, Grammar().Re("header.agendapunt"), &number, &title)) {
      agendapunt = number;
      in_item = false;
      continue;
    }
    if (agendapunt.empty()) continue;
    if (Matches("line.bullet", l.text)) {
      facts.agenda_items.push_back({agendapunt, l.text});
      in_item = true;
    } else if (Blank(l)) {
      in_item = false;
    } else if (in_item) {
      // An item wraps onto the next line.
      facts.agenda_items.back().second += " " + std::string(Trim(l.text));
    }
  }
  return facts;
}

void ApplyBundleContext(std::vector<Record>& records,
                        const std::vector<std::optional<LetterFacts>>& letters) {
  for (size_t i = 0; i < records.size(); ++i) {
    Record& r = records[i];
    if (r.soort != schema::kMotie && r.soort != schema::kAmendement &&
        r.soort != schema::kPreadvies) {
      continue;
    }
    // The covering letter: the one that names this document's title,
    // else the nearest before it.
    const LetterFacts* cover = nullptr;
    std::string how;
    const std::set<std::string> title_words =
        r.titel ? ContentWords(*r.titel) : std::set<std::string>();
    std::optional<std::string> agendapunt;
    for (size_t k = 0; k < letters.size() && !title_words.empty() && !cover; ++k) {
      if (!letters[k]) continue;
      for (const auto& [punt, item] : letters[k]->agenda_items) {
        if (WordOverlap(title_words, ContentWords(item)) >= 0.75) {
          cover = &*letters[k];
          agendapunt = punt;
          how = "bundle.letter_names_title";
          break;
        }
      }
    }
    for (size_t k = i; k-- > 0 && !cover;) {
      if (letters[k]) {
        cover = &*letters[k];
        how = "bundle.preceding_letter";
      }
    }
    if (!cover) continue;
    if (!r.vergadering && cover->vergadering) {
      r.vergadering = cover->vergadering;
      r.herkomst.push_back({"vergadering", *r.vergadering, 0, how});
    }
    if (!r.datum_indiening && r.datum_zonder_jaar && r.vergadering) {
      if (auto d = FindDate(*r.datum_zonder_jaar, r.vergadering)) {
        r.datum_indiening = d->iso;
        r.herkomst.push_back({"datum_indiening", d->iso, 0, "header.datum+year_of_vergadering"});
      }
    }
    if (!r.datum_indiening && cover->datum && r.soort != schema::kPreadvies) {
      r.datum_indiening = cover->datum;
      r.herkomst.push_back({"datum_indiening", *r.datum_indiening, 0, how});
    }
    if (!r.agendapunt && agendapunt) {
      r.agendapunt = agendapunt;
      r.herkomst.push_back({"agendapunt", *agendapunt, 0, how + "+header.agendapunt"});
    }
  }
}

}  // namespace motiearchief::extractors
