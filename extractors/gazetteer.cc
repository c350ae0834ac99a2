#include "extractors/gazetteer.h"

#include <re2/re2.h>

#include <algorithm>
#include <sstream>

#include "extractors/grammar.h"
#include "text/csv.h"
#include "text/normalize.h"

namespace motiearchief::extractors {

using text::FoldForMatch;
using text::SplitLines;
using text::Trim;

// Defined in the generated gazetteer_data.cc.
extern const char* const kGemeentenCsv;
extern const char* const kOpgehevenCsv;

namespace {

std::vector<std::string> SplitBar(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, '|')) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

// Levenshtein distance, bounded: returns limit+1 once it is exceeded.
int BoundedDistance(std::string_view a, std::string_view b, int limit) {
  if (static_cast<int>(a.size()) - static_cast<int>(b.size()) > limit ||
      static_cast<int>(b.size()) - static_cast<int>(a.size()) > limit) {
    return limit + 1;
  }
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::string_view StripGemeentePrefix(std::string_view name) {
  re2::StringPiece input(name.data(), name.size());
  RE2::Consume(&input, Grammar().Re("gemeente.prefix"));
  return Trim(std::string_view(input.data(), input.size()));
}

Gazetteer::Gazetteer(std::string_view gemeenten_csv, std::string_view opgeheven_csv) {
  // The data is built in (data/*.csv, checked by the tests): a row that
  // does not parse is a build defect, and leaves the list without it.
  auto rows = [](std::string_view csv, const char* name) {
    auto parsed = text::ParseCsv(csv, name);
    text::CsvRows out = parsed.ok() ? std::move(*parsed) : text::CsvRows{};
    if (!out.empty()) out.erase(out.begin());  // the header
    return out;
  };
  for (const std::vector<std::string>& f : rows(gemeenten_csv, "data/gemeenten.csv")) {
    if (f.size() < 4) continue;
    const std::string& official = f[1];
    official_.push_back(official);
    Add(official, official, false);
    for (const std::string& v : SplitBar(f[3])) Add(v, official, false);
  }
  for (const std::vector<std::string>& f : rows(opgeheven_csv, "data/opgeheven.csv")) {
    if (f.empty() || f[0].empty()) continue;
    // A dissolved municipality keeps its own name: a motion of 2012 by
    // Boarnsterhim was by Boarnsterhim. Current names win on a clash.
    if (!by_key_.count(FoldForMatch(f[0]))) Add(f[0], f[0], true);
  }
}

void Gazetteer::Add(const std::string& variant, const std::string& official, bool dissolved) {
  std::string key = FoldForMatch(variant);
  if (!key.empty()) by_key_.emplace(key, std::make_pair(official, dissolved));
}

const Gazetteer& Gazetteer::Default() {
  static const Gazetteer* const g = new Gazetteer(kGemeentenCsv, kOpgehevenCsv);
  return *g;
}

std::optional<GemeenteMatch> Gazetteer::Lookup(std::string_view written) const {
  std::string key = FoldForMatch(StripGemeentePrefix(written));
  if (key.empty()) return std::nullopt;
  if (auto it = by_key_.find(key); it != by_key_.end()) {
    return GemeenteMatch{it->second.first, true, false, it->second.second};
  }
  if (key.size() < 7) return std::nullopt;
  // One typo in a long name. Unique best match only.
  const std::pair<std::string, bool>* best = nullptr;
  int best_distance = 2;
  bool tie = false;
  for (const auto& [k, v] : by_key_) {
    int d = BoundedDistance(key, k, 1);
    if (d < best_distance) {
      best_distance = d;
      best = &v;
      tie = false;
    } else if (d == best_distance && best && best->first != v.first) {
      tie = true;
    }
  }
  if (best && !tie) return GemeenteMatch{best->first, true, true, best->second};
  return std::nullopt;
}

std::vector<GemeenteMatch> Gazetteer::ParseList(std::string_view text, bool keep_unknown) const {
  // Cut into parts at separators, remembering each separator, so that
  // parts can be joined again where together they name one municipality.
  const RE2& separator = Grammar().Re("gemeente.separator");
  std::vector<std::string> parts, separators;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  size_t pos = 0;
  while (pos <= text.size() &&
         separator.Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    size_t at = static_cast<size_t>(match.data() - text.data());
    if (match.empty()) break;
    parts.emplace_back(text.substr(pos, at - pos));
    separators.emplace_back(match.data(), match.size());
    pos = at + match.size();
  }
  parts.emplace_back(text.substr(pos));

  std::vector<GemeenteMatch> out;
  for (size_t i = 0; i < parts.size();) {
    size_t taken = 0;
    for (size_t j = std::min(parts.size(), i + 4); j > i; --j) {
      std::string joined = parts[i];
      for (size_t k = i + 1; k < j; ++k) joined += separators[k - 1] + parts[k];
      if (auto m = Lookup(joined)) {
        if (std::none_of(out.begin(), out.end(),
                         [&](const GemeenteMatch& o) { return o.name == m->name; })) {
          out.push_back(*m);
        }
        taken = j - i;
        break;
      }
    }
    if (taken == 0) {
      std::string_view written = StripGemeentePrefix(parts[i]);
      written = Trim(written);
      while (!written.empty() && (written.back() == '.' || written.back() == ':')) {
        written.remove_suffix(1);
      }
      if (keep_unknown && !FoldForMatch(written).empty()) {
        out.push_back(GemeenteMatch{std::string(written), false, false, false});
      }
      taken = 1;
    }
    i += taken;
  }
  return out;
}

}  // namespace motiearchief::extractors
