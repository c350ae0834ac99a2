#include "extractors/record_builder.h"

#include <re2/re2.h>

#include <algorithm>

#include "extractors/grammar.h"
#include "text/normalize.h"

namespace motiearchief::extractors {

using text::JoinLines;
using text::Trim;

void RecordBuilder::Note(const std::string& field, const std::string& value, int page,
                         const std::string& rule) {
  record.herkomst.push_back({field, value, page, rule});
}

void RecordBuilder::AddGemeenten(std::vector<std::string>& list, const std::string& field,
                                 const std::vector<GemeenteMatch>& found, int page,
                                 const std::string& rule) {
  for (const GemeenteMatch& m : found) {
    if (std::find(list.begin(), list.end(), m.name) != list.end()) continue;
    list.push_back(m.name);
    Note(field, m.name, page, m.fuzzy ? rule + "+gazetteer.fuzzy" : rule);
    if (!m.known) record.onbekende_gemeenten.push_back(m.name);
  }
}

std::string CleanTitle(std::string title) {
  title = JoinLines(title);
  RE2::Replace(&title, Grammar().Re("title.kind_lead"), "");
  std::string quoted;
  if (RE2::PartialMatch(title, Grammar().Re("title.in_quotes"), &quoted)) title = quoted;
  title.erase(std::remove(title.begin(), title.end(), '"'), title.end());
  std::string_view t = Trim(title);
  while (!t.empty() && (t.back() == '.' || t.back() == ':' || t.back() == ',')) {
    t.remove_suffix(1);
  }
  return std::string(Trim(t));
}

}  // namespace motiearchief::extractors
