// motiearchief: turns VNG motion PDFs into a searchable SQLite archive.
// A thin command line over the libraries; see commands.h for exit codes.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdlib>

#include "cli/commands.h"
#include "web/server.h"

namespace {

std::string DefaultDb() {
  const char* env = std::getenv("MOTIEARCHIEF_DB");
  return env && *env ? env : "motiearchief.db";
}

// The filters of search and export, alike in both.
void AddFilterOptions(CLI::App* cmd, motiearchief::cli::FilterArgs& f) {
  cmd->add_option("--soort", f.soort, "motie, amendement, preadvies, resolutie, brief or overig");
  cmd->add_option("--gemeente", f.gemeente,
                  "Municipality as indiener, mede-indiener or ondersteuner; any spelling "
                  "(Den Bosch = 's-Hertogenbosch)");
  cmd->add_option("--orgaan", f.orgaan,
                  "Part of the body's name, any case: \"ALV VNG\", \"gemeenteraad\", "
                  "\"Tweede Kamer\", \"Provinciale Staten\"");
  cmd->add_option("--van", f.van, "From this date (YYYY-MM-DD), submission or ALV");
  cmd->add_option("--tot", f.tot, "Up to this date (YYYY-MM-DD), inclusive");
  cmd->add_option("--vergadering", f.vergadering, "The ALV on this date (YYYY-MM-DD)");
  cmd->add_option("--advies", f.advies,
                  "The board's preadvies: overnemen, ontraden, aanhouden, ...");
}

constexpr const char* kFooter = R"(
Exit codes (ingest; log repeats those of the run it shows):
  0  all well
  1  fatal: the archive could not be opened or written (disk full, lock
     timeout, damaged archive); every file committed before is complete
  2  usage error
  3  done, some files stored with warnings (e.g. a page without text)
  4  done, some files could not be read (their status is in the archive;
     the next ingest retries them)
  5  show, log: no such document or run; search: no results
  6  check, backup: the archive (or the copy) has problems
  7  ingest: stopped by SIGTERM or Ctrl-C; the file being stored was
     finished, the archive is consistent; run again to do the rest

File statuses: ok, ok_warnings, not_pdf, encrypted, damaged, timeout,
crashed, too_large, empty, io_error. See `motiearchief log`.

The archive defaults to ./motiearchief.db, or $MOTIEARCHIEF_DB. A
postgresql:// URL there selects PostgreSQL: any number of ingest workers
on any number of machines may then feed the same archive at once.)";

}  // namespace

int main(int argc, char** argv) {
  using namespace motiearchief::cli;
  // A file-size limit (ulimit -f) must be a write error SQLite can roll
  // back and report, as a full disk is, not a signal that kills us.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{
      "motiearchief: VNG motions (moties, amendementen, preadviezen) "
      "from PDF into a "
      "searchable archive (SQLite, or PostgreSQL for many machines)."};
  app.footer(kFooter);
  app.require_subcommand(1);
  std::string db = DefaultDb();
  app.add_option("--db", db,
                 "Archive: a SQLite file, or postgresql://user@host/dbname (any libpq URL)")
      ->capture_default_str();

  IngestArgs ingest;
  CLI::App* ingest_cmd = app.add_subcommand(
      "ingest",
      "Read PDFs (files or folders, walked for *.pdf) into the archive. Pages with a usable "
      "text layer are read as text; others (scans) are rendered at 300 dpi and read by "
      "Tesseract (nld), turned back when turned. Files already archived (same SHA-256) are "
      "skipped; files that failed before are retried.\n"
      "Example: motiearchief ingest samples/");
  ingest_cmd->add_option("paths", ingest.paths, "PDF files or folders")->required();
  ingest_cmd
      ->add_flag("--retry-failed,!--no-retry-failed", ingest.retry_failed,
                 "Read again files whose earlier attempt failed (the default), or "
                 "not")
      ->capture_default_str();
  ingest_cmd
      ->add_option("--timeout", ingest.timeout_seconds, "Wall-clock limit per file in seconds")
      ->capture_default_str();
  ingest_cmd
      ->add_option("--memory-mib", ingest.memory_mib,
                   "Memory limit of the PDF reader per file, MiB")
      ->capture_default_str();
  ingest_cmd
      ->add_option("--jobs,-j", ingest.jobs,
                   "Files read at once, each by a reader process of its own; near the end "
                   "of the input, idle ones lend their cores to the last files' OCR "
                   "(0: one per core)")
      ->capture_default_str();
  ingest_cmd
      ->add_option("--ocr-dpi", ingest.ocr_dpi,
                   "Highest resolution pages are rendered at for OCR; a scan is read at "
                   "its own resolution when lower (not below 150)")
      ->check(CLI::Range(72, 600))
      ->capture_default_str();
  ingest_cmd->add_flag("!--no-ocr", ingest.ocr,
                       "Do not OCR pages without a usable text layer (they get a warning)");
  ingest_cmd->add_flag("--in-process", ingest.in_process,
                       "Read PDFs in this process instead of an isolated child (debugging)");
  ingest_cmd->add_option("--summary-json", ingest.summary_json,
                         "Write counts and per-file outcomes as JSON to FILE");
  ingest_cmd->add_flag("-q,--quiet", ingest.quiet, "No per-file lines on stderr");

  ExportArgs exp;
  CLI::App* export_cmd =
      app.add_subcommand("export",
                         "Write every document as a record of the export contract (one "
                         "JSON object per line, or CSV with list fields as JSON), in archive "
                         "order; words and filters choose documents as search does.\n"
                         "Examples:\n"
                         "  motiearchief export --format jsonl > moties.jsonl\n"
                         "  motiearchief export --soort motie --gemeente Utrecht --advies "
                         "overnemen --van 2020-01-01 --format csv > utrecht.csv");
  export_cmd->add_option("--format", exp.format, "jsonl or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();
  export_cmd->add_option("-o,--output", exp.output, "Write to FILE instead of stdout");
  export_cmd->add_option("query", exp.query,
                         "Only documents matching these words (search's syntax); none: all");
  AddFilterOptions(export_cmd, exp.filters);

  ShowArgs show;
  CLI::App* show_cmd =
      app.add_subcommand("show",
                         "Show one document: title, submitters, dates, clauses, signatories, "
                         "supporters, advice.\nExample: motiearchief show 3f2a9c0d1e4b5a67");
  show_cmd->add_option("id", show.id, "Document id (from export or search)")->required();
  show_cmd->add_flag("--json", show.json, "The record as JSON, with provenance per field");

  SearchArgs search;
  CLI::App* search_cmd = app.add_subcommand(
      "search",
      "Find documents by words and filters, best first (bm25), with the page and a snippet.\n"
      "Words are matched in Dutch stemmed form (woning finds woningen) without accents\n"
      "(sudwest fryslan finds Súdwest-Fryslân). Query syntax:\n"
      "  woning bouwen      both words (in any order)\n"
      "  \"meer woningen\"    this phrase\n"
      "  woning*            words that start with woning\n"
      "  woning OR huis     either word;  woning NOT huur: without huur\n"
      "  (a OR b) c         grouping\n"
      "Anything else is just text: quotes, brackets and operators that do not fit are\n"
      "ignored, so no query is a syntax error. Exit 0 with results, 5 without.\n"
      "Examples:\n"
      "  motiearchief search woning --soort motie\n"
      "  motiearchief search --gemeente \"Den Bosch\"\n"
      "  motiearchief search kabinet --in verzoeken --advies overnemen --van 2023-01-01\n"
      "  motiearchief search bestaanszekerheid --sort date --format csv > hits.csv");
  search_cmd->add_option("query", search.query, "Words to search for (may be empty with a filter)");
  AddFilterOptions(search_cmd, search.filters);
  search_cmd->add_option("--in", search.in, "Match only in: titel, overwegingen or verzoeken");
  search_cmd
      ->add_option("--sort", search.sort,
                   "rank (best first), date (newest first) or ingest (newest in the archive "
                   "first)")
      ->check(CLI::IsMember({"rank", "date", "ingest"}))
      ->capture_default_str();
  search_cmd->add_option("--limit", search.limit, "At most this many results (1-1000)")
      ->capture_default_str();
  search_cmd
      ->add_option("--format", search.format,
                   "text (to read), json (an array), jsonl (one result per line) or csv "
                   "(for a spreadsheet; lists joined with \"; \")")
      ->check(CLI::IsMember({"text", "json", "jsonl", "csv"}))
      ->capture_default_str();
  search_cmd
      ->add_option("--rank-window", search.rank_window,
                   "Rank only the newest this many matches (by when they were archived): a "
                   "word in most documents then costs no more than a rare one. A search with "
                   "more matches says so. 0: rank every match")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  search_cmd->add_flag("--json", search.json, "The same as --format json");
  search_cmd->add_flag("--facets", search.facets,
                       "Also count all matches by soort, orgaan, indiener (municipality or "
                       "fractie), year and advice "
                       "(text: after the results; json: {\"results\": [...], \"facets\": {...}})");
  search_cmd->add_flag("--explain", search.explain,
                       "Print the FTS5 expression for the stemmed index (table search_fts) and "
                       "stop; paste it into sqlite3: SELECT ... WHERE search_fts MATCH '...'");

  motiearchief::web::ServeArgs serve;
  CLI::App* serve_cmd = app.add_subcommand(
      "serve",
      "A local web site to search and read the archive. Every page has a URL to cite:\n"
      "  /?q=woning&gemeente=Utrecht   results with counts per soort, orgaan, gemeente,\n"
      "                                year and advice (click one to filter) and a timeline\n"
      "  /documents/ID                 a document: fields, preadvies, decisions, versions\n"
      "                                with what changed, related motions, text per page\n"
      "  /bestanden/SHA256.pdf#page=3  the original PDF at a page (while it is still\n"
      "                                where it was ingested from)\n"
      "  /feed.atom?q=woning           new documents for a query, for a feed reader\n"
      "  /zoeken.csv?q=..., /api/search?q=..., /api/documents/ID   CSV and JSON\n"
      "The archive is opened read-only; the site is only on this machine unless --host\n"
      "says otherwise.\n"
      "Example: motiearchief serve --port 8080, then open http://127.0.0.1:8080/");
  serve_cmd->add_option("--host", serve.host, "Address to listen on")->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "Port (0: any free port, printed on stdout)")
      ->capture_default_str();

  HistoryArgs besluit;
  CLI::App* besluit_cmd = app.add_subcommand(
      "besluit",
      "Record the ALV's decision on a motion or amendment. History is kept: a correction "
      "is a new entry, the newest counts.\n"
      "Example: motiearchief besluit 6b39d0f426784264 aangenomen --voor 92.5");
  besluit_cmd->add_option("id", besluit.id, "Document id of the motion")->required();
  besluit_cmd->add_option("besluit", besluit.status, "The decision")
      ->required()
      ->check(
          CLI::IsMember({"aangenomen", "verworpen", "ingetrokken", "aangehouden", "overgenomen"}));
  besluit_cmd->add_option("--datum", besluit.datum, "Date of the decision (default: the ALV's)");
  besluit_cmd->add_option("--voor", besluit.voor, "Share of votes in favour, percent")
      ->check(CLI::Range(0.0, 100.0));
  besluit_cmd->add_option("--toelichting", besluit.toelichting, "Why, or what was agreed");

  HistoryArgs uitvoering;
  uitvoering.besluit = false;
  CLI::App* uitvoering_cmd = app.add_subcommand(
      "uitvoering",
      "Record a step in carrying out an adopted motion; the newest step is its state.\n"
      "Example: motiearchief uitvoering 6b39d0f426784264 uitgevoerd --datum 2024-06-01 "
      "--toelichting \"Ingebracht bij de formatie\"");
  uitvoering_cmd->add_option("id", uitvoering.id, "Document id of the motion")->required();
  uitvoering_cmd->add_option("status", uitvoering.status, "The state of execution")
      ->required()
      ->check(CLI::IsMember({"in uitvoering", "uitgevoerd", "aangehouden"}));
  uitvoering_cmd->add_option("--datum", uitvoering.datum, "Date of this step (default: today)");
  uitvoering_cmd->add_option("--toelichting", uitvoering.toelichting, "What was done, or why not");

  ImportArgs import;
  CLI::App* import_cmd = app.add_subcommand(
      "import",
      "Record decisions and execution from a CSV (e.g. the besluitenlijst of an ALV). "
      "Header row with columns: id, or titel and indiener; besluit, datum, voor, uitvoering, "
      "uitvoering_datum, toelichting (',' or ';' separated). Rows that match no motion or "
      "several are listed on stderr, not guessed (exit 4).\n"
      "Example: motiearchief import besluiten-alv-2023-12-01.csv");
  import_cmd->add_option("csv", import.csv, "The CSV file")->required()->check(CLI::ExistingFile);

  ReportArgs report;
  CLI::App* report_cmd = app.add_subcommand(
      "report",
      "verantwoording: per adopted motion its decision, verzoeken, execution history and the "
      "proposal (als uitgevoerd beschouwen / aanhouden), after a summary table.\n"
      "vergadering DATE: every motion, amendment and preadvies for one ALV, by agendapunt.\n"
      "Markdown to edit, or HTML that prints on A4.\n"
      "Examples:\n"
      "  motiearchief report verantwoording --open --format html -o verantwoording.html\n"
      "  motiearchief report vergadering 2023-12-01");
  report_cmd->add_option("kind", report.kind, "verantwoording or vergadering")
      ->required()
      ->check(CLI::IsMember({"verantwoording", "vergadering"}));
  report_cmd->add_option("date", report.vergadering, "vergadering: the date of the ALV");
  report_cmd->add_option("--vergadering", report.vergadering,
                         "verantwoording: only motions of this ALV");
  report_cmd->add_flag("--open", report.open, "verantwoording: only motions not yet carried out");
  report_cmd->add_option("--format", report.format, "md or html")
      ->check(CLI::IsMember({"md", "html"}))
      ->capture_default_str();
  report_cmd->add_option("-o,--output", report.output, "Write to FILE instead of stdout");

  LogArgs log;
  CLI::App* log_cmd = app.add_subcommand("log",
                                         "What happened in the last ingest run (or run "
                                         "--run N): its totals and every file "
                                         "that failed or has warnings, with the reason. "
                                         "A run that was killed shows as not "
                                         "finished. Exits with the run's own code (0, 3 "
                                         "or 4).\nExample: motiearchief log");
  log_cmd->add_option("--run", log.run, "Show this run instead of the last");
  log_cmd->add_flag("--all", log.all, "List every file of the run, not only problems");
  log_cmd->add_flag("--json", log.json, "As JSON");

  CheckArgs check;
  CLI::App* check_cmd = app.add_subcommand("check",
                                           "Verify the archive: SQLite integrity_check "
                                           "and foreign keys (PostgreSQL keeps those "
                                           "itself), the full-text index "
                                           "against the documents, every document with "
                                           "its source file, every file with all "
                                           "its pages. Changes nothing. Exit 0 when "
                                           "sound, 6 with the problems listed.\n"
                                           "Example: motiearchief check");

  BackupArgs backup;
  CLI::App* backup_cmd =
      app.add_subcommand("backup",
                         "Copy the archive to DEST while it stays in use (SQLite's online "
                         "backup), then "
                         "check the copy. DEST appears only when complete.\n"
                         "Example: motiearchief backup /srv/backup/motiearchief-$(date +%F).db");
  backup_cmd->add_option("dest", backup.dest, "The copy to write")->required();

  CopyArgs copy;
  CLI::App* copy_cmd = app.add_subcommand(
      "copy",
      "Copy a whole archive into a new, empty one on either engine: SQLite to PostgreSQL "
      "when one machine is no longer enough, and back. Files, pages, documents, links, "
      "versions, decisions and the ingest log keep their ids; the destination builds its "
      "own search index. All or nothing: a failed copy leaves DEST empty.\n"
      "Example: motiearchief copy --from motiearchief.db --to postgresql://archief@dbhost/moties");
  copy_cmd->add_option("--from", copy.from, "The archive to copy (path or postgresql:// URL)")
      ->required();
  copy_cmd->add_option("--to", copy.to, "An empty or new archive (path or postgresql:// URL)")
      ->required();

  // --db where users put it: before the subcommand (git's habit) or after
  // it (sqlite-utils', ocrmypdf's); both set the same archive.
  for (CLI::App* sub : app.get_subcommands({})) {
    if (sub == copy_cmd) continue;  // --from and --to
    sub->add_option("--db", db,
                    "Archive: a SQLite file, or a PostgreSQL database as "
                    "postgresql://user@host/dbname; may also come before the subcommand, or "
                    "from $MOTIEARCHIEF_DB")
        ->capture_default_str();
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (ingest_cmd->parsed()) {
    ingest.db = db;
    for (int i = 0; i < argc; ++i) ingest.command_line += (i ? " " : "") + std::string(argv[i]);
    return RunIngest(ingest);
  }
  if (export_cmd->parsed()) {
    exp.db = db;
    return RunExport(exp);
  }
  if (show_cmd->parsed()) {
    show.db = db;
    return RunShow(show);
  }
  if (search_cmd->parsed()) {
    search.db = db;
    return RunSearch(search);
  }
  if (serve_cmd->parsed()) {
    serve.db = db;
    return motiearchief::web::RunServe(serve);
  }
  if (besluit_cmd->parsed()) {
    besluit.db = db;
    return RunHistory(besluit);
  }
  if (uitvoering_cmd->parsed()) {
    uitvoering.db = db;
    return RunHistory(uitvoering);
  }
  if (import_cmd->parsed()) {
    import.db = db;
    return RunImport(import);
  }
  if (report_cmd->parsed()) {
    report.db = db;
    return RunReport(report);
  }
  if (log_cmd->parsed()) {
    log.db = db;
    return RunLog(log);
  }
  if (check_cmd->parsed()) {
    check.db = db;
    return RunCheck(check);
  }
  if (backup_cmd->parsed()) {
    backup.db = db;
    return RunBackup(backup);
  }
  if (copy_cmd->parsed()) {
    return RunCopy(copy);
  }
  return kExitUsage;
}
