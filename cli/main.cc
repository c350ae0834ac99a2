// motiearchief: turns VNG motion PDFs into a searchable SQLite archive.
// A thin command line over the libraries; see commands.h for exit codes.
#include <CLI/CLI.hpp>

#include <cstdlib>

#include "cli/commands.h"

namespace {

std::string DefaultDb() {
  const char* env = std::getenv("MOTIEARCHIEF_DB");
  return env && *env ? env : "motiearchief.db";
}

constexpr const char* kFooter = R"(
Exit codes:
  0  all well
  1  fatal: the archive could not be opened or written (nothing half-stored)
  2  usage error
  3  done, some files stored with warnings (e.g. a page without text)
  4  done, some files could not be read (their status is in the archive)
  5  show: no such document

The archive defaults to ./motiearchief.db, or $MOTIEARCHIEF_DB.)";

}  // namespace

int main(int argc, char** argv) {
  using namespace motiearchief::cli;
  CLI::App app{
      "motiearchief: VNG motions (moties, amendementen, preadviezen) from PDF into a "
      "searchable SQLite archive."};
  app.footer(kFooter);
  app.require_subcommand(1);
  std::string db = DefaultDb();
  app.add_option("--db", db, "Archive file (SQLite)")->capture_default_str();

  IngestArgs ingest;
  CLI::App* ingest_cmd = app.add_subcommand(
      "ingest",
      "Read PDFs (files or folders, walked for *.pdf) into the archive. Files already "
      "archived (same SHA-256) are skipped; files that failed before are retried.\n"
      "Example: motiearchief ingest samples/");
  ingest_cmd->add_option("paths", ingest.paths, "PDF files or folders")->required();
  ingest_cmd->add_flag("!--no-retry-failed", ingest.retry_failed,
                       "Do not read again files whose earlier attempt failed");
  ingest_cmd->add_option("--timeout", ingest.timeout_seconds,
                         "Wall-clock limit per file in seconds")->capture_default_str();
  ingest_cmd->add_option("--memory-mib", ingest.memory_mib,
                         "Memory limit of the PDF reader per file, MiB")->capture_default_str();
  ingest_cmd->add_flag("--in-process", ingest.in_process,
                       "Read PDFs in this process instead of an isolated child (debugging)");
  ingest_cmd->add_option("--summary-json", ingest.summary_json,
                         "Write counts and per-file outcomes as JSON to FILE");
  ingest_cmd->add_flag("-q,--quiet", ingest.quiet, "No per-file lines on stderr");

  ExportArgs exp;
  CLI::App* export_cmd = app.add_subcommand(
      "export",
      "Write every document as a record of the export contract (one JSON object per line, "
      "or CSV with list fields as JSON).\nExample: motiearchief export --format jsonl > "
      "moties.jsonl");
  export_cmd->add_option("--format", exp.format, "jsonl or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();
  export_cmd->add_option("-o,--output", exp.output, "Write to FILE instead of stdout");
  export_cmd->add_option("--soort", exp.soort,
                         "Only documents of this kind: motie, amendement, preadvies, "
                         "resolutie, brief, overig");

  ShowArgs show;
  CLI::App* show_cmd = app.add_subcommand(
      "show", "Show one document: title, submitters, dates, clauses, signatories, "
              "supporters, advice.\nExample: motiearchief show 3f2a9c0d1e4b5a67");
  show_cmd->add_option("id", show.id, "Document id (from export or search)")->required();
  show_cmd->add_flag("--json", show.json, "The record as JSON, with provenance per field");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (ingest_cmd->parsed()) {
    ingest.db = db;
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
  return kExitUsage;
}
