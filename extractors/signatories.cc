#include "extractors/signatories.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extractors/grammar.h"
#include "extractors/vocabulary.h"
#include "text/normalize.h"

namespace motiearchief::extractors {

using text::FoldForMatch;
using text::Trim;

namespace {

struct NameAt {
  std::string name;
  size_t column;
};
struct RoleAt {
  std::string functie;
  std::optional<std::string> gemeente;
  size_t column;
};

// A name without its titles ("dhr.", "mr. drs.").
std::string StripHonorifics(std::string s) {
  RE2::Replace(&s, Grammar().Re("sign.honorific"), "");
  return std::string(Trim(s));
}

// The municipality a role or heading names, if any.
std::optional<std::string> GemeenteIn(const Gazetteer& gazetteer, const std::string& text) {
  // "Enschede", "Financiën Enschede", "van Losser": try the last words.
  std::string t = std::string(Trim(text));
  for (size_t n = 0; n < 4; ++n) {
    size_t pos = t.size();
    for (size_t k = 0; k <= n && pos != std::string::npos; ++k) {
      pos = pos == 0 ? std::string::npos : t.rfind(' ', pos - 1);
    }
    std::string tail = pos == std::string::npos ? t : t.substr(pos + 1);
    if (auto m = gazetteer.Lookup(tail)) return m->name;
    if (pos == std::string::npos) break;
  }
  return std::nullopt;
}

// One signatory as a form states it: field name (canonical label) to value.
struct FormEntry {
  std::optional<std::string> gemeente, naam, functie;
  size_t column = 0;
  int page = 0;
  size_t order = 0;  // when it started, for output in reading order
};
std::string CanonicalLabel(const std::string& label) {
  std::string l = FoldForMatch(label);
  if (l.find("gemeente") != std::string::npos) return "gemeente";
  return l;  // naam, functie, rol, handtekening, ... or a role
}

void AddFormEntry(RecordBuilder& doc, SignedFor& signed_for, const FormEntry& e,
                  const std::string& rule) {
  if (!e.naam || Trim(*e.naam).empty()) return;
  schema::Signatory s{StripHonorifics(*e.naam), std::nullopt, std::nullopt};
  if (e.functie && !Trim(*e.functie).empty()) s.functie = CanonicalRole(*e.functie);
  if (e.gemeente) {
    if (auto m = doc.gazetteer.Lookup(*e.gemeente)) {
      s.gemeente = m->name;
      signed_for.push_back({m->name, e.page});
    } else if (auto g = GemeenteIn(doc.gazetteer, *e.gemeente)) {
      s.gemeente = g;
      signed_for.push_back({*g, e.page});
    } else if (!Trim(*e.gemeente).empty()) {
      s.gemeente = std::string(Trim(*e.gemeente));
    }
  }
  AddSignatory(doc, std::move(s), e.page, rule);
}

// Signature forms, read before the free layouts: a table under a header
// row ("Namens gemeente  Naam  Functie"), and filled-in fields
// ("Namens gemeente: Losser" / "Wethouder: J. Jansen"), one column per
// signatory when several stand side by side. Returns, per line from
// `begin`, whether a form used it.
std::vector<bool> ReadSignatureForms(RecordBuilder& doc, SignedFor& signed_for, size_t begin,
                                     size_t end) {
  std::vector<bool> used(end > begin ? end - begin : 0, false);
  for (size_t i = begin; i < end; ++i) {
    std::vector<Segment> header = Segments(doc.lines[i].text);
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
      std::vector<Segment> cells = Segments(doc.lines[j].text);
      if (cells.empty()) {
        if (seen_row) break;
        continue;
      }
      FormEntry e;
      e.page = doc.lines[j].page;
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
      AddFormEntry(doc, signed_for, e, "sign.table");
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
    std::vector<Segment> segs = Segments(doc.lines[i].text);
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
      FormEntry& e = entry_at(column, doc.lines[i].page);
      auto restart = [&] {
        done.push_back(e);
        e = {};
        e.column = column;
        e.page = doc.lines[i].page;
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
  for (const FormEntry& e : done) AddFormEntry(doc, signed_for, e, "sign.label_value");
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

}  // namespace

SignedFor ReadSignatories(RecordBuilder& doc, size_t begin) {
  SignedFor signed_for;
  std::optional<std::string> block_gemeente;
  std::vector<std::pair<size_t, std::vector<NameAt>>> name_lines;
  std::vector<std::pair<size_t, std::vector<RoleAt>>> role_lines;
  size_t end = doc.lines.size();
  for (size_t i = begin; i < doc.lines.size(); ++i) {
    if (Matches("support.heading", doc.lines[i].text) ||
        Matches("vergadering.context", doc.lines[i].text)) {
      end = i;
      break;
    }
  }
  std::vector<std::optional<std::string>> block_of(end > begin ? end - begin : 0);
  const std::vector<bool> in_form = ReadSignatureForms(doc, signed_for, begin, end);
  for (size_t i = begin; i < end; ++i) {
    const std::string& line = doc.lines[i].text;
    std::string value;
    if (in_form[i - begin]) continue;
    if (Matches("header.mede_indiener", line)) continue;
    if (Capture("sign.college_van", line, &value) || Capture("sign.namens", line, &value)) {
      if (auto m = doc.gazetteer.Lookup(value))
        block_gemeente = m->name;
      else if (auto g = GemeenteIn(doc.gazetteer, value))
        block_gemeente = g;
      if (block_gemeente) signed_for.push_back({*block_gemeente, doc.lines[i].page});
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
        s.gemeente = GemeenteIn(doc.gazetteer, rest);
        if (!s.gemeente) s.gemeente = block_gemeente;
        AddSignatory(doc, std::move(s), doc.lines[i].page, "sign.name_role");
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
        roles.push_back({CanonicalRole(functie), GemeenteIn(doc.gazetteer, rest), seg.column});
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
          size_t dist =
              r.column > names[n].column ? r.column - names[n].column : names[n].column - r.column;
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
      AddSignatory(doc, std::move(s), doc.lines[line_index].page,
                   role ? "sign.names+sign.role" : "sign.names");
    }
  }
  return signed_for;
}

void AddSignatory(RecordBuilder& doc, schema::Signatory s, int page, const std::string& rule) {
  if (s.naam.empty()) return;
  for (const auto& existing : doc.record.ondertekenaars) {
    if (existing.naam == s.naam) return;
  }
  doc.Note("ondertekenaars", s.naam, page, rule);
  doc.record.ondertekenaars.push_back(std::move(s));
}

void SubmittersFromSignatures(RecordBuilder& doc, const SignedFor& signed_for) {
  for (const auto& [name, page] : signed_for) {
    const auto& ind = doc.record.indieners;
    const auto& mede = doc.record.mede_indieners;
    if (std::find(ind.begin(), ind.end(), name) != ind.end() ||
        std::find(mede.begin(), mede.end(), name) != mede.end()) {
      continue;
    }
    auto match = doc.gazetteer.Lookup(name);
    if (!match) continue;
    doc.AddGemeenten(ind.empty() ? doc.record.indieners : doc.record.mede_indieners,
                     ind.empty() ? "indieners" : "mede_indieners", {*match}, page,
                     "sign.namens_gemeente");
  }
}

}  // namespace motiearchief::extractors
