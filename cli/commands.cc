#include "cli/commands.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "pipeline/ingest.h"
#include "schema/record.h"

namespace motiearchief::cli {
namespace {

Result<std::unique_ptr<archive::Archive>> OpenArchive(const std::string& db, bool read_only) {
  archive::ArchiveOptions options;
  options.read_only = read_only;
  return archive::Archive::Open(db, options);
}

int Fatal(const Status& status) {
  std::cerr << "motiearchief: " << status.ToString() << "\n";
  return kExitFatal;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

int RunIngest(const IngestArgs& args) {
  auto files = pipeline::CollectInputs(args.paths);
  if (!files.ok()) {
    std::cerr << "motiearchief ingest: " << files.status().message() << "\n";
    return kExitUsage;
  }
  auto db = OpenArchive(args.db, false);
  if (!db.ok()) return Fatal(db.status());
  pipeline::IngestOptions options;
  options.retry_failed = args.retry_failed;
  options.isolation.isolate = !args.in_process;
  options.isolation.timeout_seconds = args.timeout_seconds;
  options.isolation.memory_mib = args.memory_mib;
  const bool tty = isatty(STDERR_FILENO);
  auto progress = [&](const pipeline::FileOutcome& o, int i, int n) {
    if (args.quiet) return;
    // Failures and warnings always; each file's line only on a terminal.
    bool problem = o.status != "ok" && o.status != "unchanged";
    if (!tty && !problem) return;
    std::cerr << "[" << i << "/" << n << "] " << o.path << ": " << o.status;
    if (o.documents > 0) std::cerr << ", " << o.documents << " documents";
    if (problem && !o.message.empty()) std::cerr << " (" << o.message << ")";
    std::cerr << "\n";
  };
  auto summary = pipeline::Ingest(**db, *files, options, progress);
  if (!summary.ok()) return Fatal(summary.status());
  std::cout << summary->files << " files: " << summary->stored << " stored ("
            << summary->documents_added << " new documents), " << summary->unchanged
            << " unchanged, " << summary->with_warnings << " with warnings, "
            << summary->failed << " failed\n";
  if (!args.summary_json.empty()) {
    nlohmann::ordered_json j;
    j["files"] = summary->files;
    j["stored"] = summary->stored;
    j["unchanged"] = summary->unchanged;
    j["with_warnings"] = summary->with_warnings;
    j["failed"] = summary->failed;
    j["documents_added"] = summary->documents_added;
    nlohmann::ordered_json outcomes = nlohmann::ordered_json::array();
    for (const auto& o : summary->outcomes) {
      outcomes.push_back({{"path", o.path}, {"status", o.status}, {"message", o.message},
                          {"documents", o.documents}, {"pages", o.pages},
                          {"duration_ms", o.duration_ms}});
    }
    j["outcomes"] = outcomes;
    std::ofstream out(args.summary_json);
    out << j.dump(2) << "\n";
    if (!out) {
      std::cerr << "motiearchief ingest: cannot write " << args.summary_json << "\n";
      return kExitFatal;
    }
  }
  if (summary->failed > 0) return kExitFileErrors;
  if (summary->with_warnings > 0) return kExitWarnings;
  return kExitOk;
}

int RunExport(const ExportArgs& args) {
  auto db = OpenArchive(args.db, true);
  if (!db.ok()) return Fatal(db.status());
  archive::RecordFilter filter;
  if (!args.soort.empty()) filter.soort = args.soort;
  auto records = (*db)->LoadRecords(filter);
  if (!records.ok()) return Fatal(records.status());
  std::ofstream file;
  if (!args.output.empty()) {
    file.open(args.output);
    if (!file) {
      std::cerr << "motiearchief export: cannot write " << args.output << "\n";
      return kExitFatal;
    }
  }
  std::ostream& out = args.output.empty() ? std::cout : file;
  if (args.format == "csv") {
    const auto& keys = schema::ContractKeys();
    for (size_t i = 0; i < keys.size(); ++i) out << (i ? "," : "") << keys[i];
    out << "\n";
    for (const auto& r : *records) {
      auto j = schema::ToJson(r);
      for (size_t i = 0; i < keys.size(); ++i) {
        const auto& v = j[keys[i]];
        std::string cell = v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump();
        out << (i ? "," : "") << CsvField(cell);
      }
      out << "\n";
    }
  } else {
    for (const auto& r : *records) out << schema::ToJson(r).dump() << "\n";
  }
  out.flush();
  if (!out) {
    std::cerr << "motiearchief export: write failed\n";
    return kExitFatal;
  }
  return kExitOk;
}

int RunShow(const ShowArgs& args) {
  auto db = OpenArchive(args.db, true);
  if (!db.ok()) return Fatal(db.status());
  auto record = (*db)->LoadRecord(args.id);
  if (!record.ok()) return Fatal(record.status());
  if (!record->has_value()) {
    std::cerr << "motiearchief show: no document with id " << args.id << "\n";
    return kExitNotFound;
  }
  const schema::Record& r = **record;
  if (args.json) {
    std::cout << schema::ToJson(r, true).dump(2) << "\n";
    return kExitOk;
  }
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
    return s.empty() ? std::string("-") : s;
  };
  std::cout << r.soort << " " << r.id << "\n";
  std::cout << "Titel:          " << r.titel.value_or("-") << "\n";
  std::cout << "Indieners:      " << list(r.indieners) << "\n";
  if (!r.mede_indieners.empty()) std::cout << "Mede-indieners: " << list(r.mede_indieners) << "\n";
  std::cout << "Ingediend:      " << r.datum_indiening.value_or("-") << "\n";
  std::cout << "Vergadering:    " << r.vergadering.value_or("-");
  if (r.agendapunt) std::cout << " (agendapunt " << *r.agendapunt << ")";
  std::cout << "\n";
  std::cout << "Bron:           " << r.bron.bestand << ", pagina " << r.bron.pagina_van;
  if (r.bron.pagina_tot != r.bron.pagina_van) std::cout << "-" << r.bron.pagina_tot;
  std::cout << (r.bron.ocr ? " (OCR)" : "") << "\n";
  auto clauses = [](const char* heading, const std::vector<schema::Clause>& cs) {
    if (cs.empty()) return;
    std::cout << "\n" << heading << "\n";
    std::string last;
    for (const auto& c : cs) {
      if (c.soort != last) std::cout << "  " << c.soort << ":\n";
      last = c.soort;
      std::cout << "  - " << c.tekst << "\n";
    }
  };
  clauses("Overwegingen", r.overwegingen);
  clauses("Verzoeken", r.verzoeken);
  if (!r.ondertekenaars.empty()) {
    std::cout << "\nOndertekenaars\n";
    for (const auto& s : r.ondertekenaars) {
      std::cout << "  - " << s.naam;
      if (s.functie) std::cout << ", " << *s.functie;
      if (s.gemeente) std::cout << " (" << *s.gemeente << ")";
      std::cout << "\n";
    }
  }
  if (!r.ondersteuners.empty()) {
    std::cout << "\nOndersteuners (" << r.ondersteuners.size() << "): " << list(r.ondersteuners)
              << "\n";
  }
  if (r.preadvies) {
    std::cout << "\nPreadvies:      " << r.preadvies->advies;
    if (r.preadvies->document && *r.preadvies->document != r.id) {
      std::cout << " (document " << *r.preadvies->document << ")";
    }
    std::cout << "\n";
    if (!r.preadvies->toelichting.empty()) std::cout << "  " << r.preadvies->toelichting << "\n";
  }
  if (r.motie) std::cout << "\nHoort bij motie: " << *r.motie << "\n";
  if (!r.onbekende_gemeenten.empty()) {
    std::cout << "\nLet op, niet in de gemeentelijst: " << list(r.onbekende_gemeenten) << "\n";
  }
  return kExitOk;
}

}  // namespace motiearchief::cli
