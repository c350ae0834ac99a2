#include "extractors/signature_block.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "extractors/grammar.h"
#include "text/normalize.h"

namespace motiearchief::extractors {

using text::FoldForMatch;
using text::Trim;

namespace {

// A cell longer than this is running text, not a name or a fractie.
constexpr size_t kMaxCell = 60;

enum class Kind { kPerson, kFractie, kPersonAndFractie, kLabel, kPlace, kFootnote, kOther };

struct Cell {
  Kind kind = Kind::kOther;
  std::string person;
  std::string fractie;
  std::string functie;  // for kLabel
};

// Cells of a line: runs separated by 2+ spaces (columns), each split at
// " & " ("Kirsten de Wrede & Herman Pieter Ubbens").
std::vector<std::string> CellsOf(std::string_view line) {
  std::vector<std::string> cells;
  for (const Segment& segment : Segments(line)) {
    std::string_view run = segment.text;
    size_t from = 0;
    for (size_t amp; (amp = run.find(" & ", from)) != std::string_view::npos; from = amp + 3) {
      cells.emplace_back(Trim(run.substr(from, amp - from)));
    }
    cells.emplace_back(Trim(run.substr(from)));
  }
  return cells;
}

std::string WithoutHonorifics(std::string s) {
  RE2::Replace(&s, Grammar().Re("sign.honorific"), "");
  return std::string(Trim(s));
}

std::string WithoutTrailingComma(std::string s) {
  while (!s.empty() && (s.back() == ',' || s.back() == ' ')) s.pop_back();
  return s;
}

bool IsPerson(const std::string& text) { return Matches("sign.person", text); }

// A party: a known name, a local party by its words ("Gouda Positief",
// "Haagse Stadspartij", "Groep de Mos/ODPDH"), or an acronym ("S&S", "AWP").
bool IsParty(const std::string& text) {
  if (Matches("sign.party_known", text) || Matches("sign.party_word", text)) return true;
  return Matches("sign.party_acronym", text);
}

Cell Classify(const std::string& raw, bool members_only, const Gazetteer& gazetteer) {
  Cell cell;
  std::string text(Trim(raw));
  if (Matches("sign.footnote", text)) {
    cell.kind = Kind::kFootnote;
    return cell;
  }
  if (text.empty() || text.size() > kMaxCell) return cell;
  std::string body;
  if (Capture("sign.member_label", text, &body)) {
    std::string f = FoldForMatch(body);
    cell.kind = Kind::kLabel;
    cell.functie = f.find("staten") != std::string::npos ? "Statenlid"
                   : f == "kamer"                        ? "Kamerlid"
                   : f == "algemeen bestuur"             ? "lid algemeen bestuur"
                                                         : "raadslid";
    return cell;
  }
  const std::string person = WithoutTrailingComma(WithoutHonorifics(text));
  if (!members_only) {
    std::string first, second, fractie;
    if (RE2::FullMatch(text, Grammar().Re("sign.person_party"), &first, &second)) {
      const std::string a = WithoutHonorifics(first), b(Trim(second));
      if (Capture("sign.fractie", a, &fractie) || IsParty(a)) {
        if (fractie.empty()) fractie = a;
        if (IsPerson(b)) return {Kind::kPersonAndFractie, b, fractie, ""};
      } else if (IsPerson(a) && !b.empty()) {
        return {Kind::kPersonAndFractie, a, b, ""};
      }
    }
    RE2 const& fractie_rule = Grammar().Re("sign.fractie");
    std::string named, suffixed;
    if (RE2::FullMatch(text, fractie_rule, &named, &suffixed)) {
      cell.kind = Kind::kFractie;
      cell.fractie = std::string(Trim(named.empty() ? suffixed : named));
      return cell;
    }
    if (IsParty(person)) {
      cell.kind = Kind::kFractie;
      cell.fractie = person;
      return cell;
    }
  }
  if (auto m = gazetteer.Lookup(person); m && m->known && !m->fuzzy) {
    cell.kind = Kind::kPlace;
    return cell;
  }
  if (IsPerson(person)) {
    cell.kind = Kind::kPerson;
    cell.person = person;
  }
  return cell;
}

std::string TitleCaseName(std::string_view upper) {
  // "VAN ERP" -> "Van Erp", "VAN DER STAAIJ" -> "Van der Staaij".
  static const char* kParticles[] = {"van", "de", "der", "den", "ter", "ten", "te", "het", "op"};
  std::string out;
  bool first_word = true;
  std::vector<std::string> words;
  for (size_t i = 0; i < upper.size();) {
    size_t j = upper.find(' ', i);
    if (j == std::string_view::npos) j = upper.size();
    if (j > i) words.emplace_back(upper.substr(i, j - i));
    i = j + 1;
  }
  for (std::string w : words) {
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool particle = std::find_if(std::begin(kParticles), std::end(kParticles),
                                 [&](const char* p) { return w == p; }) != std::end(kParticles);
    if (first_word || !particle) {
      bool start = true;
      for (char& c : w) {
        if (start) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        start = (c == '-');
      }
    }
    out += (out.empty() ? "" : " ") + w;
    first_word = false;
  }
  return out;
}

}  // namespace

size_t FindSignatureStart(const std::vector<Line>& lines, size_t from, size_t end,
                          bool members_only, const Gazetteer& gazetteer) {
  size_t start = end;
  bool names = false;
  for (size_t i = end; i-- > from;) {
    const std::string& text = lines[i].text;
    if (Trim(text).empty()) continue;
    if (Matches("clause.end_orde_van_de_dag", text)) break;
    std::vector<std::string> cells = CellsOf(text);
    bool other = false, footnote = false, named = false;
    for (const std::string& c : cells) {
      Cell cell = Classify(c, members_only, gazetteer);
      other = other || cell.kind == Kind::kOther;
      footnote = footnote || cell.kind == Kind::kFootnote;
      named = named || cell.kind == Kind::kPerson || cell.kind == Kind::kFractie ||
              cell.kind == Kind::kPersonAndFractie || cell.kind == Kind::kLabel;
    }
    if (other) break;
    if (footnote) {
      if (start == end) continue;  // footnotes under the block
      break;
    }
    names = names || named;
    start = i;
  }
  return names ? start : end;
}

SignatureBlock ReadSignatureBlock(const std::vector<Line>& lines, size_t begin, size_t end,
                                  bool members_only, const Gazetteer& gazetteer) {
  SignatureBlock block;
  block.begin = begin;
  std::string functie;
  auto add_fractie = [&](const std::string& f, int page) {
    if (f.empty() ||
        std::find(block.fracties.begin(), block.fracties.end(), f) != block.fracties.end()) {
      return;
    }
    block.fracties.push_back(f);
    block.pages.push_back({f, page});
  };
  auto add_member = [&](const std::string& name, int page) {
    for (const auto& m : block.members) {
      if (m.naam == name) return;
    }
    block.members.push_back({name, std::nullopt, std::nullopt});
    block.pages.push_back({name, page});
  };
  for (size_t i = begin; i < end; ++i) {
    for (const std::string& c : CellsOf(lines[i].text)) {
      Cell cell = Classify(c, members_only, gazetteer);
      switch (cell.kind) {
        case Kind::kPerson:
          add_member(cell.person, lines[i].page);
          break;
        case Kind::kFractie:
          add_fractie(cell.fractie, lines[i].page);
          break;
        case Kind::kPersonAndFractie:
          add_member(cell.person, lines[i].page);
          add_fractie(cell.fractie, lines[i].page);
          break;
        case Kind::kLabel:
          functie = cell.functie;
          break;
        default:
          break;
      }
    }
  }
  if (!functie.empty()) {
    for (auto& m : block.members) m.functie = functie;
  }
  return block;
}

std::vector<std::string> MembersNamedIn(const std::string& text) {
  std::string t = text;
  RE2::GlobalReplace(&t, Grammar().Re("indiener.cs"), "");
  RE2::GlobalReplace(&t, Grammar().Re("indiener.separator"), "|");
  std::vector<std::string> out;
  size_t from = 0;
  while (from <= t.size()) {
    size_t bar = t.find('|', from);
    std::string name(Trim(std::string_view(t).substr(from, bar - from)));
    while (!name.empty() && (name.back() == '.' || name.back() == ',')) name.pop_back();
    if (!name.empty()) {
      bool upper =
          std::none_of(name.begin(), name.end(), [](unsigned char c) { return std::islower(c); });
      out.push_back(upper ? TitleCaseName(name) : name);
    }
    if (bar == std::string::npos) break;
    from = bar + 1;
  }
  return out;
}

}  // namespace motiearchief::extractors
