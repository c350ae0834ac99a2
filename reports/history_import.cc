#include "reports/history_import.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "extractors/dates.h"
#include "extractors/gazetteer.h"
#include "text/csv.h"
#include "text/normalize.h"

namespace motiearchief::reports {

using extractors::FindDate;
using extractors::Gazetteer;
using text::ContentWords;
using text::FoldForMatch;
using text::Trim;
using text::WordOverlap;

namespace {

// Titles in a besluitenlijst are shortened or rephrased; most content
// words must still be shared.
constexpr double kTitleOverlap = 0.6;

const std::set<std::string> kBesluiten = {"aangenomen", "verworpen", "ingetrokken", "aangehouden",
                                          "overgenomen"};
const std::set<std::string> kUitvoeringen = {"in uitvoering", "uitgevoerd", "aangehouden"};

Result<text::CsvRows> ReadCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return text::ParseCsv(buffer.str(), path);
}

std::string Lower(const std::string& s) { return FoldForMatch(s); }

std::optional<double> ParsePercent(std::string s) {
  std::string digits;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)))
      digits += c;
    else if (c == ',' || c == '.')
      digits += '.';
  }
  if (digits.empty()) return std::nullopt;
  try {
    return std::stod(digits);
  } catch (...) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<std::string> ParseDate(const std::string& text) {
  auto found = FindDate(text, std::nullopt);
  if (!found) return std::nullopt;
  return found->iso;
}

Result<HistoryImport> ImportHistoryCsv(archive::Archive& archive, const std::string& path,
                                       const std::vector<MotionLife>& lives) {
  auto table = ReadCsv(path);
  if (!table.ok()) return table.status();
  const text::CsvRows& rows = *table;
  if (rows.empty()) return Status::InvalidArgument(path + ": empty, no header row");
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < rows[0].size(); ++i) {
    column[Lower(rows[0][i])] = i;
  }
  if (!column.count("id") && !(column.count("titel") && column.count("indiener"))) {
    return Status::InvalidArgument(path +
                                   ": the header needs a column id, or columns titel and "
                                   "indiener, to know which motion a row is about");
  }
  if (!column.count("besluit") && !column.count("uitvoering")) {
    return Status::InvalidArgument(path + ": the header needs a column besluit or uitvoering");
  }
  std::map<std::string, const MotionLife*> by_id;
  for (const auto& life : lives) {
    for (const auto& id : life.document_ids) by_id[id] = &life;
  }

  HistoryImport result;
  std::vector<archive::HistoryEntry> besluiten, uitvoeringen;
  for (size_t line = 1; line < rows.size(); ++line) {
    const auto& row = rows[line];
    auto get = [&](const char* name) -> std::string {
      auto it = column.find(Lower(name));
      return it != column.end() && it->second < row.size() ? std::string(Trim(row[it->second]))
                                                           : "";
    };
    // Line numbers count from 1 with the header; a quoted field with line
    // breaks makes them approximate, the row number exact.
    const std::string where = path + ":" + std::to_string(line + 1);
    if (std::all_of(row.begin(), row.end(), [](const std::string& f) { return Trim(f).empty(); })) {
      continue;
    }
    ++result.rows;
    const MotionLife* life = nullptr;
    if (!get("id").empty()) {
      auto it = by_id.find(get("id"));
      if (it == by_id.end()) {
        result.problems.push_back(where + ": no motion with id " + get("id"));
        continue;
      }
      life = it->second;
    } else {
      const auto words = ContentWords(get("titel"));
      const auto indiener = Gazetteer::Default().Lookup(get("indiener"));
      std::vector<const MotionLife*> candidates;
      for (const auto& l : lives) {
        const auto& m = l.motie;
        bool submitter =
            indiener &&
            (std::count(m.indieners.begin(), m.indieners.end(), indiener->name) ||
             std::count(m.mede_indieners.begin(), m.mede_indieners.end(), indiener->name));
        if (submitter && WordOverlap(words, ContentWords(m.titel.value_or(""))) >= kTitleOverlap) {
          candidates.push_back(&l);
        }
      }
      if (candidates.size() != 1) {
        std::string message = where + ": \"" + get("titel") + "\" (" + get("indiener") + ") ";
        if (candidates.empty()) {
          message += "matches no motion";
        } else {
          message += "matches " + std::to_string(candidates.size()) + " motions:";
          for (const auto* c : candidates) message += " " + c->motie.id;
          message += "; give the id";
        }
        result.problems.push_back(message);
        continue;
      }
      life = candidates.front();
    }
    const std::string target = life->motie.id;
    const std::string besluit = Lower(get("besluit"));
    const std::string uitvoering = Lower(get("uitvoering"));
    const auto datum = ParseDate(get("datum"));
    std::optional<std::string> uitvoering_datum = ParseDate(get("uitvoering_datum"));
    if (!uitvoering_datum) uitvoering_datum = datum;
    // The whole row or nothing of it.
    std::string problem;
    if (!besluit.empty() && !kBesluiten.count(besluit)) {
      problem = "besluit \"" + get("besluit") +
                "\" is not one of aangenomen, verworpen, ingetrokken, aangehouden, overgenomen";
    } else if (!uitvoering.empty() && !kUitvoeringen.count(uitvoering)) {
      problem = "uitvoering \"" + get("uitvoering") +
                "\" is not one of in uitvoering, uitgevoerd, aangehouden";
    } else if (!besluit.empty() && !datum) {
      problem = "besluit without a valid datum";
    } else if (!uitvoering.empty() && !uitvoering_datum) {
      problem = "uitvoering without a valid datum";
    } else if (besluit.empty() && uitvoering.empty()) {
      problem = "neither besluit nor uitvoering";
    }
    if (!problem.empty()) {
      result.problems.push_back(where + ": " + problem);
      continue;
    }
    if (!besluit.empty()) {
      besluiten.push_back(
          {0, target, *datum, besluit, ParsePercent(get("voor")), get("toelichting"), where});
    }
    if (!uitvoering.empty()) {
      uitvoeringen.push_back(
          {0, target, *uitvoering_datum, uitvoering, std::nullopt, get("toelichting"), where});
    }
  }
  auto added = archive.AddHistory(besluiten, uitvoeringen);
  if (!added.ok()) return added.status();
  result.besluiten = added->besluiten;
  result.uitvoeringen = added->uitvoeringen;
  result.already = static_cast<int>(besluiten.size() + uitvoeringen.size()) - added->besluiten -
                   added->uitvoeringen;
  return result;
}

}  // namespace motiearchief::reports
