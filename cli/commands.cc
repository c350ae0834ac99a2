#include "cli/commands.h"

#include <signal.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "pipeline/ingest.h"
#include "reports/history_import.h"
#include "reports/report.h"
#include "schema/migrations.h"
#include "schema/record.h"
#include "search/search.h"
#include "search/search_text.h"
#include "text/csv.h"

namespace motiearchief::cli {
namespace {

// Set by the SIGTERM/SIGINT handler of ingest.
volatile std::sig_atomic_t g_stop_requested = 0;

Result<std::unique_ptr<archive::Archive>> OpenArchive(const std::string& db, bool read_only) {
  archive::ArchiveOptions options;
  options.read_only = read_only;
  return archive::Archive::Open(db, options);
}

// For check: a connection that may run the FTS check, changing nothing.
Result<std::unique_ptr<archive::Archive>> OpenArchiveToInspect(const std::string& db) {
  if (!archive::IsPostgresUrl(db) && !std::filesystem::exists(db)) {
    return Status::NotFound(db + ": no such archive");
  }
  archive::ArchiveOptions options;
  options.inspect = true;
  return archive::Archive::Open(db, options);
}

int Fatal(const Status& status) {
  std::cerr << "motiearchief: " << status.ToString() << "\n";
  return kExitFatal;
}

nlohmann::ordered_json RunFileJson(const archive::RunFileRow& o) {
  return {{"path", o.path},
          {"sha256", o.sha256 ? nlohmann::ordered_json(*o.sha256) : nullptr},
          {"status", o.status},
          {"message", o.message},
          {"documents", o.documents},
          {"pages", o.pages},
          {"duration_ms", o.duration_ms}};
}

void AddCounts(nlohmann::ordered_json& j, const archive::RunCounts& c) {
  j["files"] = c.files;
  j["stored"] = c.stored;
  j["unchanged"] = c.unchanged;
  j["with_warnings"] = c.with_warnings;
  j["failed"] = c.failed;
  j["documents_added"] = c.documents_added;
}

// "12 files: 10 stored (19 new documents), 0 unchanged, 0 with warnings, 2 failed"
std::string CountsLine(const archive::RunCounts& c) {
  return std::to_string(c.files) + " files: " + std::to_string(c.stored) + " stored (" +
         std::to_string(c.documents_added) + " new documents), " + std::to_string(c.unchanged) +
         " unchanged, " + std::to_string(c.with_warnings) + " with warnings, " +
         std::to_string(c.failed) + " failed";
}

int ExitCodeFor(const archive::RunCounts& c) {
  if (c.failed > 0) return kExitFileErrors;
  if (c.with_warnings > 0) return kExitWarnings;
  return kExitOk;
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
  options.isolation.cpu_seconds = 2 * args.timeout_seconds;
  options.isolation.read.ocr.enabled = args.ocr;
  options.jobs = args.jobs;
  options.isolation.read.ocr.jobs = args.jobs;
  options.isolation.read.ocr.dpi = args.ocr_dpi;
  options.max_file_bytes = args.max_file_mib << 20;
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
  options.run_arguments = args.command_line;
  options.stop = &g_stop_requested;
  // SIGTERM (the scheduler) and Ctrl-C: finish the file being stored, then
  // stop. A second Ctrl-C still stops at once (the default action).
  struct sigaction on_stop {};
  on_stop.sa_handler = [](int) { g_stop_requested = 1; };
  on_stop.sa_flags = SA_RESETHAND;
  sigemptyset(&on_stop.sa_mask);
  sigaction(SIGTERM, &on_stop, nullptr);
  sigaction(SIGINT, &on_stop, nullptr);
  auto summary = pipeline::Ingest(**db, *files, options, progress);
  signal(SIGTERM, SIG_DFL);
  signal(SIGINT, SIG_DFL);
  if (!summary.ok()) return Fatal(summary.status());
  const archive::RunCounts& c = summary->counts;
  std::cout << CountsLine(c) << "\n";
  if (summary->stopped) {
    std::cout << "Stopped on request: " << summary->not_done
              << " files not done; the next ingest takes them.\n";
  }
  if (c.failed > 0 || c.with_warnings > 0) {
    std::cout << "See: motiearchief log (run " << summary->run_id << ")\n";
  }
  if (!args.summary_json.empty()) {
    nlohmann::ordered_json j;
    j["run"] = summary->run_id;
    AddCounts(j, c);
    nlohmann::ordered_json failed = nlohmann::ordered_json::array();
    nlohmann::ordered_json outcomes = nlohmann::ordered_json::array();
    for (const auto& o : summary->outcomes) {
      nlohmann::ordered_json row = RunFileJson(o);
      if (o.problem() && o.status != archive::kStatusOkWarnings) failed.push_back(row);
      outcomes.push_back(std::move(row));
    }
    j["failed_files"] = failed;
    j["outcomes"] = outcomes;
    std::ofstream out(args.summary_json);
    out << j.dump(2) << "\n";
    if (!out) {
      std::cerr << "motiearchief ingest: cannot write " << args.summary_json << "\n";
      return kExitFatal;
    }
  }
  if (summary->stopped) return kExitStopped;
  return ExitCodeFor(c);
}

namespace {

search::SearchOptions OptionsFrom(const std::string& query, const FilterArgs& f) {
  auto given = [](const std::string& v) {
    return v.empty() ? std::nullopt : std::optional<std::string>(v);
  };
  search::SearchOptions options;
  options.query = query;
  options.soort = given(f.soort);
  options.gemeente = given(f.gemeente);
  options.van = given(f.van);
  options.tot = given(f.tot);
  options.vergadering = given(f.vergadering);
  options.advies = given(f.advies);
  options.orgaan = given(f.orgaan);
  return options;
}

// Searches for `command`, telling the user what is wrong with their input
// (exit code 2) or that the archive failed (1) through `*exit_code`; the
// search's notes go to stderr.
std::optional<search::SearchAnswer> SearchFor(archive::Archive& db,
                                              const search::SearchOptions& options,
                                              const char* command, int* exit_code) {
  auto answer = search::SearchArchive(db, options);
  if (!answer.ok()) {
    if (answer.status().code() == Status::Code::kInvalidArgument) {
      std::cerr << "motiearchief " << command << ": " << answer.status().message() << "\n";
      *exit_code = kExitUsage;
    } else {
      *exit_code = Fatal(answer.status());
    }
    return std::nullopt;
  }
  for (const auto& note : answer->notes) {
    std::cerr << "motiearchief " << command << ": " << note << "\n";
  }
  return std::move(*answer);
}

}  // namespace

int RunExport(const ExportArgs& args) {
  auto db = OpenArchive(args.db, true);
  if (!db.ok()) return Fatal(db.status());
  // Words or filters choose documents as search does; without them, all.
  std::vector<schema::Record> chosen;
  const std::vector<schema::Record>* records = &chosen;
  Result<std::vector<schema::Record>> all = std::vector<schema::Record>{};
  bool has_words = false;
  for (char c : args.query) has_words |= !std::isspace(static_cast<unsigned char>(c));
  if (has_words || args.filters.any()) {
    search::SearchOptions options = OptionsFrom(args.query, args.filters);
    options.all = true;
    int failed = kExitOk;
    auto answer = SearchFor(**db, options, "export", &failed);
    if (!answer) return failed;
    for (auto& r : answer->results) chosen.push_back(std::move(r.record));
  } else {
    all = (*db)->LoadRecords();
    if (!all.ok()) return Fatal(all.status());
    records = &*all;
  }
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
    out << text::CsvRow(keys);
    for (const auto& r : *records) {
      auto j = schema::ToJson(r);
      std::vector<std::string> cells;
      for (const auto& key : keys) {
        const auto& v = j[key];
        cells.push_back(v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump());
      }
      out << text::CsvRow(cells);
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
  std::cout << "Orgaan:         " << r.orgaan.value_or("-") << "\n";
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

int RunLog(const LogArgs& args) {
  auto db = OpenArchive(args.db, true);
  if (!db.ok()) return Fatal(db.status());
  auto run = (*db)->FindRun(args.run);
  if (!run.ok()) return Fatal(run.status());
  if (!run->has_value()) {
    std::cerr << "motiearchief log: "
              << (args.run ? "no run " + std::to_string(args.run) : std::string("no runs yet"))
              << "\n";
    return kExitNotFound;
  }
  const archive::RunRow& r = **run;
  auto rows = (*db)->RunFiles(r.id);
  if (!rows.ok()) return Fatal(rows.status());
  // A killed run has no totals; count what it committed.
  archive::RunCounts c = r.counts;
  if (!r.finished) {
    c = {};
    for (const auto& o : *rows) c.Add(o);
  }
  if (args.json) {
    nlohmann::ordered_json j;
    j["run"] = r.id;
    j["started"] = r.started;
    j["finished"] = r.finished ? nlohmann::ordered_json(*r.finished) : nullptr;
    j["arguments"] = r.arguments;
    AddCounts(j, c);
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& o : *rows) {
      if (args.all || o.problem()) files.push_back(RunFileJson(o));
    }
    j[args.all ? "outcomes" : "problems"] = files;
    std::cout << j.dump(2) << "\n";
    return ExitCodeFor(c);
  }
  std::cout << "Run " << r.id << ", started " << r.started << ", "
            << (r.finished ? "finished " + *r.finished
                           : std::string("NOT FINISHED (still running, or killed; "
                                         "the next ingest completes it)"))
            << "\n";
  if (!r.arguments.empty()) std::cout << "  " << r.arguments << "\n";
  std::cout << "  " << CountsLine(c) << "\n";
  int shown = 0;
  for (const auto& o : *rows) {
    if (!args.all && !o.problem()) continue;
    if (shown++ == 0) std::cout << "\n";
    std::cout << o.status << "\t" << o.path;
    if (!o.message.empty()) std::cout << "\t" << o.message;
    std::cout << "\n";
  }
  if (shown == 0 && !args.all) std::cout << "\nNo problems.\n";
  return ExitCodeFor(c);
}

int RunSearch(const SearchArgs& args) {
  if (args.explain) {
    auto parsed = search::ParseQuery(args.query, args.in);
    if (!parsed.ok()) {
      std::cerr << "motiearchief search: " << parsed.status().message() << "\n";
      return kExitUsage;
    }
    std::cout << parsed->fts << "\n";
    return kExitOk;
  }
  auto db = OpenArchive(args.db, true);
  if (!db.ok()) return Fatal(db.status());
  search::SearchOptions options = OptionsFrom(args.query, args.filters);
  options.in = args.in.empty() ? std::nullopt : std::optional<std::string>(args.in);
  options.sort = args.sort;
  options.limit = args.limit;
  options.facets = args.facets;
  options.rank_window = args.rank_window;
  int failed = kExitOk;
  auto answer = SearchFor(**db, options, "search", &failed);
  if (!answer) return failed;
  const std::string format = args.json ? "json" : args.format;
  const auto replace = nlohmann::ordered_json::error_handler_t::replace;
  if (format == "json") {
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const auto& r : answer->results) results.push_back(search::SearchResultJson(r));
    if (answer->facets) {
      results = {{"results", std::move(results)}, {"facets", search::FacetsJson(*answer->facets)}};
    }
    std::cout << results.dump(2, ' ', false, replace) << "\n";
  } else if (format == "jsonl") {
    for (const auto& r : answer->results) {
      std::cout << search::SearchResultJson(r).dump(-1, ' ', false, replace) << "\n";
    }
  } else if (format == "csv") {
    std::cout << search::ResultsCsv(answer->results);
  } else {
    int n = 0;
    for (const auto& r : answer->results) {
      const schema::Record& d = r.record;
      std::cout << ++n << ". " << d.soort << " " << d.id << "  " << schema::DisplayTitle(d)
                << "\n   ";
      std::string who;
      for (const auto& g : d.indieners) who += (who.empty() ? "" : ", ") + g;
      std::cout << (who.empty() ? "-" : who);
      if (!d.mede_indieners.empty()) std::cout << " c.s.";
      if (!r.rollen.empty()) {
        std::cout << " [" << *answer->gemeente << " als ";
        for (size_t i = 0; i < r.rollen.size(); ++i) std::cout << (i ? ", " : "") << r.rollen[i];
        std::cout << "]";
      }
      std::cout << " | " << d.datum_indiening.value_or(d.vergadering.value_or("zonder datum"));
      if (d.vergadering) std::cout << " | ALV " << *d.vergadering;
      if (d.preadvies) std::cout << " | preadvies: " << d.preadvies->advies;
      if (r.versions.size() > 1) {
        std::cout << "\n   " << r.versions.size() << " versies, de nieuwste eerst:";
        for (size_t i = r.versions.size(); i-- > 0;) {
          std::cout << (i + 1 < r.versions.size() ? ", " : " ") << r.versions[i];
          if (i < r.version_files.size()) std::cout << " (" << r.version_files[i] << ")";
        }
      }
      std::cout << "\n   " << d.bron.bestand << ", p. " << r.page;
      if (!r.snippet.empty()) std::cout << ": " << r.snippet.ToString();
      std::cout << "\n";
    }
    if (n == 0) std::cout << "Geen resultaten.\n";
    if (answer->facets) {
      // The shape of the whole result set, not only the results shown.
      const archive::Facets& f = *answer->facets;
      const std::pair<const char*, const std::vector<archive::FacetCount>*> facets[] = {
          {"soort", &f.soort}, {"orgaan", &f.orgaan}, {"indiener", &f.indiener},
          {"jaar", &f.jaar},   {"advies", &f.advies},
      };
      std::cout << "\nAantallen over alle treffers:\n";
      for (const auto& [name, counts] : facets) {
        std::cout << "  " << name << ":";
        if (counts->empty()) std::cout << " -";
        for (size_t i = 0; i < counts->size(); ++i) {
          std::cout << (i ? ", " : " ") << (*counts)[i].value << " (" << (*counts)[i].count << ")";
        }
        std::cout << "\n";
      }
    }
  }
  return answer->results.empty() ? kExitNotFound : kExitOk;
}

namespace {

std::string Today() {
  std::time_t t = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&t));
  return buf;
}

// Writes `text` to `path` (or stdout when empty); kExitFatal on failure.
int WriteOut(const std::string& path, const std::string& text, const char* command) {
  if (path.empty()) {
    std::cout << text;
    return std::cout ? kExitOk : kExitFatal;
  }
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::cerr << "motiearchief " << command << ": cannot write " << path << "\n";
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace

int RunHistory(const HistoryArgs& args) {
  const char* command = args.besluit ? "besluit" : "uitvoering";
  auto db = OpenArchive(args.db, false);
  if (!db.ok()) return Fatal(db.status());
  auto record = (*db)->LoadRecord(args.id);
  if (!record.ok()) return Fatal(record.status());
  if (!record->has_value()) {
    std::cerr << "motiearchief " << command << ": no document with id " << args.id << "\n";
    return kExitNotFound;
  }
  const schema::Record& r = **record;
  if (r.soort != schema::kMotie && r.soort != schema::kAmendement) {
    std::cerr << "motiearchief " << command << ": " << args.id << " is a " << r.soort
              << ", not a motie or amendement\n";
    return kExitUsage;
  }
  archive::HistoryEntry e;
  e.document_id = r.id;
  e.status = args.status;
  e.toelichting = args.toelichting;
  e.bron = "command line";
  if (!args.datum.empty()) {
    auto datum = reports::ParseDate(args.datum);
    if (!datum) {
      std::cerr << "motiearchief " << command << ": --datum \"" << args.datum
                << "\" is not a date\n";
      return kExitUsage;
    }
    e.datum = *datum;
  } else if (args.besluit && r.vergadering) {
    e.datum = *r.vergadering;
  } else {
    e.datum = Today();
  }
  if (args.besluit && args.voor >= 0) e.stemmen_voor = args.voor;
  auto added = args.besluit ? (*db)->AddHistory({e}, {}) : (*db)->AddHistory({}, {e});
  if (!added.ok()) {
    std::cerr << "motiearchief " << command << ": " << added.status().message() << "\n";
    return added.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFatal;
  }
  const bool fresh = added->besluiten + added->uitvoeringen > 0;
  std::cout << command << " " << e.status << " op " << e.datum
            << (fresh ? " vastgelegd voor " : " stond al vastgelegd voor ")
            << r.titel.value_or(r.id) << "\n";
  return kExitOk;
}

int RunImport(const ImportArgs& args) {
  auto db = OpenArchive(args.db, false);
  if (!db.ok()) return Fatal(db.status());
  auto lives = reports::LoadMotionLives(**db);
  if (!lives.ok()) return Fatal(lives.status());
  auto imported = reports::ImportHistoryCsv(**db, args.csv, *lives);
  if (!imported.ok()) {
    std::cerr << "motiearchief import: " << imported.status().message() << "\n";
    return imported.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFatal;
  }
  for (const auto& p : imported->problems) std::cerr << "motiearchief import: " << p << "\n";
  std::cout << imported->rows << " rows: " << imported->besluiten << " besluiten and "
            << imported->uitvoeringen << " uitvoeringen recorded, ";
  if (imported->already > 0) std::cout << imported->already << " already in the archive, ";
  std::cout << imported->problems.size() << " rows not recorded\n";
  return imported->problems.empty() ? kExitOk : kExitFileErrors;
}

int RunReport(const ReportArgs& args) {
  auto db = OpenArchive(args.db, true);
  if (!db.ok()) return Fatal(db.status());
  if (!args.vergadering.empty() && !reports::ParseDate(args.vergadering)) {
    std::cerr << "motiearchief report: \"" << args.vergadering << "\" is not a date\n";
    return kExitUsage;
  }
  const std::optional<std::string> datum =
      args.vergadering.empty() ? std::nullopt : reports::ParseDate(args.vergadering);
  auto lives = reports::LoadMotionLives(**db);
  if (!lives.ok()) return Fatal(lives.status());
  const auto format =
      args.format == "html" ? reports::ReportFormat::kHtml : reports::ReportFormat::kMarkdown;
  std::string text;
  if (args.kind == "vergadering") {
    if (!datum) {
      std::cerr << "motiearchief report vergadering: give the date of the ALV\n";
      return kExitUsage;
    }
    archive::RecordFilter preadviezen;
    preadviezen.soort = schema::kPreadvies;
    auto records = (*db)->LoadRecords(preadviezen);
    if (!records.ok()) return Fatal(records.status());
    text = reports::VergaderingReport(*lives, *records, *datum, format);
  } else {
    reports::VerantwoordingOptions options;
    options.vergadering = datum;
    options.open = args.open;
    options.format = format;
    text = reports::VerantwoordingReport(*lives, options);
  }
  return WriteOut(args.output, text, "report");
}

int RunCheck(const CheckArgs& args) {
  auto db = OpenArchiveToInspect(args.db);
  if (!db.ok()) return Fatal(db.status());
  auto problems = (*db)->Check();
  if (!problems.ok()) return Fatal(problems.status());
  auto counts = (*db)->Count();
  if (!counts.ok()) return Fatal(counts.status());
  for (const auto& p : *problems) std::cout << "PROBLEM\t" << p << "\n";
  const int latest = (*db)->latest_schema_version();
  if ((*db)->schema_version() < latest) {
    std::cout << "NOTE\tschema version " << (*db)->schema_version() << " of " << latest
              << "; the next ingest migrates it\n";
  }
  std::cout << (*db)->location() << ": " << counts->files << " files (" << counts->failed_files
            << " failed), " << counts->pages << " pages, " << counts->documents
            << " documents, schema version " << (*db)->schema_version() << ": "
            << (problems->empty() ? "ok" : std::to_string(problems->size()) + " problems") << "\n";
  return problems->empty() ? kExitOk : kExitCheckFailed;
}

int RunBackup(const BackupArgs& args) {
  auto db = OpenArchive(args.db, true);
  if (!db.ok()) return Fatal(db.status());
  Status status = (*db)->BackupTo(args.dest);
  if (!status.ok()) {
    std::cerr << "motiearchief backup: " << status.ToString() << "\n";
    return status.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFatal;
  }
  // A backup nobody has opened is a hope, not a backup.
  auto copy = OpenArchiveToInspect(args.dest);
  if (!copy.ok()) return Fatal(copy.status());
  auto problems = (*copy)->Check();
  if (!problems.ok()) return Fatal(problems.status());
  if (!problems->empty()) {
    for (const auto& p : *problems)
      std::cerr << "motiearchief backup: " << args.dest << ": " << p << "\n";
    return kExitCheckFailed;
  }
  auto counts = (*copy)->Count();
  if (!counts.ok()) return Fatal(counts.status());
  std::cout << args.dest << ": " << counts->documents << " documents from " << counts->files
            << " files, checked\n";
  return kExitOk;
}

int RunCopy(const CopyArgs& args) {
  auto from = OpenArchive(args.from, false);  // migrated first, as copy wants the latest schema
  if (!from.ok()) return Fatal(from.status());
  auto to = OpenArchive(args.to, false);
  if (!to.ok()) return Fatal(to.status());
  Status copied = (*from)->CopyTo(**to, [](const std::string& table, int64_t rows) {
    std::cerr << "copy: " << table << ": " << rows << " rows\n";
  });
  if (!copied.ok()) {
    std::cerr << "motiearchief copy: " << copied.ToString() << "\n";
    return copied.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFatal;
  }
  // The destination indexes the documents for search its own way.
  Status indexed = pipeline::IndexPendingDocuments(**to);
  if (!indexed.ok()) return Fatal(indexed);
  auto problems = (*to)->Check();
  if (!problems.ok()) return Fatal(problems.status());
  for (const auto& p : *problems) std::cerr << "motiearchief copy: " << p << "\n";
  auto counts = (*to)->Count();
  if (!counts.ok()) return Fatal(counts.status());
  std::cout << (*to)->location() << ": " << counts->documents << " documents from " << counts->files
            << " files, copied from " << (*from)->location() << ", checked\n";
  return problems->empty() ? kExitOk : kExitCheckFailed;
}

}  // namespace motiearchief::cli
