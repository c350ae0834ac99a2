// The ingest stage: input paths in, archived documents out.
//
// For every PDF under the given paths (folders are walked, in sorted
// order): hash it; skip it when the archive already holds that content;
// read it in a reader process of a pool (isolated_reader.h), several files
// at once; normalise its pages; cut
// it into documents (splitter.h); extract their fields (extract.h); link
// preadviezen and motion versions (linker.h); store it all in one
// transaction. A file that fails is stored with its status and message and
// the run goes on.
#ifndef MOTIEARCHIEF_PIPELINE_INGEST_H_
#define MOTIEARCHIEF_PIPELINE_INGEST_H_

#include <csignal>
#include <functional>
#include <string>
#include <vector>

#include "archive/archive.h"
#include "base/status.h"
#include "pipeline/isolated_reader.h"

namespace motiearchief::pipeline {

struct IngestOptions {
  // Files read at once, each by a reader process of its own (with OCR
  // engines for its pages: one each, more for the last files when fewer
  // files than jobs are left). Default 0: one per core.
  int jobs = 0;
  IsolationOptions isolation;
  // Read again files whose earlier attempt failed. Default true: the
  // nightly batch retries yesterday's failures by itself.
  bool retry_failed = true;
  // Files larger than this are not read (status too_large). Default 2 GiB.
  int64_t max_file_bytes = int64_t{2} << 30;
  // Recorded with the run (ingest_run.arguments), e.g. the command line.
  std::string run_arguments;
  // When it turns nonzero (a SIGTERM or SIGINT handler sets it), the run
  // finishes the file it is storing, drops the files being read, records
  // its totals and returns with `stopped` set; within a second or two,
  // whatever is being read. Null: never stops early.
  const volatile std::sig_atomic_t* stop = nullptr;
};

// What happened to one input file; also its row in the run's log.
using FileOutcome = archive::RunFileRow;

struct IngestSummary {
  int64_t run_id = 0;
  archive::RunCounts counts;
  std::vector<FileOutcome> outcomes;
  bool stopped = false;  // ended early by options.stop
  int not_done = 0;      // files not handled because of the stop
};

// Expands files and folders into the sorted list of files to ingest
// (*.pdf, any case, in folders; files named explicitly whatever their name).
Result<std::vector<std::string>> CollectInputs(const std::vector<std::string>& paths);

// Documents still without their search row (archived before the search
// index existed, or copied from another archive) get it now, in batches,
// each batch one transaction.
Status IndexPendingDocuments(archive::Archive& archive);

// Ingests `files` into `archive` as one ingest run: each file's outcome is
// committed with the file itself, the totals when the run ends (a killed
// run shows as unfinished). `progress` (may be empty) is called after each
// file. Returns an error only when the archive itself fails (disk full,
// lock timeout); bad input files are outcomes, not errors. Several
// processes may ingest into one archive at once (PostgreSQL): each file
// is claimed by one of them (Archive::Claim), read once and stored once.
Result<IngestSummary> Ingest(
    archive::Archive& archive, const std::vector<std::string>& files, const IngestOptions& options,
    const std::function<void(const FileOutcome&, int, int)>& progress = {});

// Tool versions recorded with each file: "motiearchief X; poppler-cpp Y".
std::string ToolVersions();

}  // namespace motiearchief::pipeline

#endif  // MOTIEARCHIEF_PIPELINE_INGEST_H_
