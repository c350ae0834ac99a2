#include "extractors/clauses.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extractors/grammar.h"
#include "text/normalize.h"

namespace motiearchief::extractors {

using schema::Clause;
using text::FoldForMatch;
using text::JoinLines;
using text::Trim;

namespace {

// A clause as the record wants it: trimmed, its final punctuation kept as
// in the source (";", ",", "." or none).
std::string Cleaned(std::string_view s) { return std::string(Trim(s)); }

struct Opener {
  std::string soort;
  std::string rule;
  std::string rest;
  bool addressed = false;  // the addressee stood on the opener's line
};

std::optional<Opener> ConsiderationOpener(const std::string& line) {
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

std::optional<Opener> RequestOpener(const std::string& line) {
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

std::string BulletKind(const std::string& marker) {
  std::string_view m = Trim(marker);
  if (m.empty()) return "none";
  if (std::isdigit(static_cast<unsigned char>(m[0]))) return "number";
  if (m.size() >= 2 && std::isalpha(static_cast<unsigned char>(m[0])) && m != "o") return "letter";
  if (m[0] == '(') return "paren";
  // Hyphen, en dash, em dash, figure dash, horizontal bar: one kind.
  if (m == "-" || m == "–" || m == "—" || m == "‒" || m == "―") return "dash";
  // Quotes and marks for bullets, and underscores ("___de Haagse ..."):
  // how OCR reads a bullet it cannot place.
  if (Matches("bullet.ocr_form", m)) return "ocr";
  return std::string(m);
}

// Whether `next` goes on with the sentence `current` ends with: the last
// line stops mid-sentence and `next` goes on in lower case, not opening a
// "dat" clause or an item of a list.
bool ContinuesSentence(const std::vector<std::string>& current, std::string_view next) {
  if (current.empty()) return false;
  const std::string_view last = Trim(current.back());
  if (last.empty() || std::string_view(".;:!?").find(last.back()) != std::string_view::npos) {
    return false;
  }
  const std::string_view text = Trim(next);
  return Matches("line.lowercase_start", text) && !Matches("clause.dat_start", text) &&
         !Matches("line.bullet", text);
}

// A blank line inside a sentence: OCR of widely spaced lines puts one
// between a line that ends mid-sentence ("... en voor de") and its
// lower-case continuation ("kwaliteit van het oppervlaktewater.").
bool SentenceGoesOn(const RecordBuilder& doc, const std::vector<std::string>& current,
                    size_t blank) {
  size_t next = blank + 1;
  while (next < doc.lines.size() && next <= blank + 2 && Blank(doc.lines[next])) ++next;
  if (next >= doc.lines.size() || Blank(doc.lines[next])) return false;
  return ContinuesSentence(current, doc.lines[next].text);
}

}  // namespace

size_t FirstClauseLine(const RecordBuilder& doc) {
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    if (ConsiderationOpener(doc.lines[i].text) || RequestOpener(doc.lines[i].text)) return i;
    if (doc.record.soort == schema::kAmendement &&
        Matches("request.amendment_lead_in", doc.lines[i].text)) {
      return i;
    }
  }
  return doc.lines.size();
}

size_t ReadClauses(RecordBuilder& doc, size_t begin, size_t end) {
  enum class Part { kNone, kOverweging, kVerzoek } part = Part::kNone;
  std::string soort, rule, block_bullet, sub_bullet;
  size_t widest_line = 0;    // of the clause text so far (paragraph ends)
  float item_left = 0;       // where the last bullet stands; 0: unknown
  float item_text_left = 0;  // where its item's next line stands; 0: unknown
  std::vector<std::string> current;
  int current_page = 0;
  // "Verzoeken" alone on its line, the addressee opening the next:
  // "Het college van GS de mogelijkheden ... te onderzoeken".
  bool addressee_may_follow = false;
  auto flush = [&] {
    std::string text = Cleaned(JoinLines(current));
    // A clause repeating its opener's "dat" ("overwegende: - dat ...").
    RE2::Replace(&text, Grammar().Re("clause.repeated_dat"), "");
    if (!text.empty() && part != Part::kNone) {
      Clause c{soort, text, current_page, rule};
      (part == Part::kVerzoek ? doc.record.verzoeken : doc.record.overwegingen).push_back(c);
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
    std::string line = doc.lines[i].text;
    const int page = doc.lines[i].page;
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
    if (addressee_may_follow && !Blank(doc.lines[i])) {
      addressee_may_follow = false;
      std::string remainder;
      if (RE2::FullMatch(std::string(Trim(line)), Grammar().Re("request.addressee"), &remainder)) {
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
    if (!request && doc.record.soort == schema::kAmendement &&
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
    if (Blank(doc.lines[i])) {
      // Without bullets, paragraphs are the clauses.
      // An amendment's besluit block: every paragraph is an entry.
      // Not where the sentence goes on past the blank line (OCR of widely
      // spaced lines).
      const bool besluit = part == Part::kVerzoek && soort == "besluit";
      if ((block_bullet.empty() || besluit) && SentenceGoesOn(doc, current, i)) continue;
      if (block_bullet.empty() || besluit) flush();
      continue;
    }
    std::string marker, rest;
    // Underscores are a bullet only before words: a line of them is a
    // place to sign, not an item.
    auto words_follow = [&] {
      const unsigned char first = rest.empty() ? 0 : static_cast<unsigned char>(rest[0]);
      return marker.empty() || marker[0] != '_' || std::isalpha(first) || first >= 0x80;
    };
    if (RE2::FullMatch(line, Grammar().Re("line.bullet"), &marker, &rest) && words_follow()) {
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
      item_left = doc.lines[i].box.known() ? doc.lines[i].box.left : 0;
      item_text_left = 0;
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
    // In a block of bullets whose items hang (their lines stand right of
    // the bullet), a paragraph after a blank line that stands at the bullet
    // or left of it ends the item: a clause of its own after the list (the
    // page's geometry shows it).
    const Line& here = doc.lines[i];
    if (!block_bullet.empty() && !current.empty() && i > 0 && Blank(doc.lines[i - 1]) &&
        item_left > 0 && item_text_left > item_left + 4.0f && here.box.known() &&
        here.box.left <= item_left + 2.0f && !ContinuesSentence(current, line)) {
      sub_bullet.clear();
      item_left = item_text_left = 0;
      start(line, page);
      continue;
    }
    if (here.box.known() && item_text_left == 0) item_text_left = here.box.left;
    // In a block of bullets, a paragraph that opens with a quote glued to a
    // lower-case word ("de gemeenteraad ...) is an item whose bullet OCR
    // read as that quote.
    std::string glued;
    if (!block_bullet.empty() && i > 0 && Blank(doc.lines[i - 1]) &&
        RE2::FullMatch(line, Grammar().Re("line.glued_bullet"), &glued)) {
      sub_bullet.clear();
      start(glued, page);
      continue;
    }
    std::string dat;
    if (block_bullet.empty() && RE2::FullMatch(line, Grammar().Re("clause.dat_paragraph"), &dat)) {
      start(line, page);
      continue;
    }
    // A paragraph the page shows without a blank line (geometry: space
    // above it, or the line above ends a sentence short of the margin) is a
    // blank line for the rules above.
    if (doc.lines[i].paragraph_start && !current.empty()) {
      const bool besluit = part == Part::kVerzoek && soort == "besluit";
      if ((besluit || block_bullet.empty()) && !ContinuesSentence(current, line)) {
        start("", page);
      }
    }
    // A row of a budget table ends in its amount; the next row starts anew.
    if (part == Part::kVerzoek && soort == "besluit" && !current.empty() &&
        Matches("request.amount_row_end", current.back()) && !ContinuesSentence(current, line)) {
      start("", page);
    }
    // In a besluit block a paragraph may end without a blank line: its
    // last line ends a sentence well short of the block's width (the same
    // rule in characters, for pages without geometry).
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

}  // namespace motiearchief::extractors
