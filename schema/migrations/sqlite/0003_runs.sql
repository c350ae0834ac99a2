-- 0003: the nightly batch's own record: one row per ingest run, and what
-- happened to every input file in it, so `motiearchief log` can answer
-- "what went wrong last night" after the process is long gone.

-- finished is NULL while a run is going on, and stays NULL when the run
-- was killed; the files it committed before that are complete.
CREATE TABLE ingest_run (
  id INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  finished TEXT,
  arguments TEXT NOT NULL DEFAULT '',
  tool_versions TEXT NOT NULL DEFAULT '',
  files INTEGER NOT NULL DEFAULT 0,
  stored INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  with_warnings INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  documents_added INTEGER NOT NULL DEFAULT 0
);

-- One row per input file of a run, written in the same transaction as the
-- file itself. sha256 is NULL for a file that could not even be read.
CREATE TABLE run_file (
  run_id INTEGER NOT NULL REFERENCES ingest_run(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT,
  status TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  duration_ms INTEGER NOT NULL DEFAULT 0,
  documents INTEGER NOT NULL DEFAULT 0,
  pages INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;
CREATE INDEX run_file_by_status ON run_file(status);
