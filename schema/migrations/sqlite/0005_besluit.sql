-- 0005: the life of a motion after the ALV. Decisions (besluit) and their
-- execution (uitvoering), each a dated entry with a toelichting, kept as
-- history: rows are only ever added; a correction is a new entry, and the
-- current state is the newest entry (by datum, then by id).
CREATE TABLE besluit (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES document(id),
  datum TEXT NOT NULL,
  besluit TEXT NOT NULL CHECK (besluit IN
    ('aangenomen', 'verworpen', 'ingetrokken', 'aangehouden', 'overgenomen')),
  stemmen_voor REAL CHECK (stemmen_voor IS NULL OR stemmen_voor BETWEEN 0 AND 100),
  toelichting TEXT NOT NULL DEFAULT '',
  bron TEXT NOT NULL DEFAULT '',  -- "command line", or the CSV file and line
  recorded_at TEXT NOT NULL
);
CREATE INDEX besluit_by_document ON besluit(document_id);

CREATE TABLE uitvoering (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES document(id),
  datum TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('in uitvoering', 'uitgevoerd', 'aangehouden')),
  toelichting TEXT NOT NULL DEFAULT '',
  bron TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL
);
CREATE INDEX uitvoering_by_document ON uitvoering(document_id);

CREATE TRIGGER besluit_append_only_update BEFORE UPDATE ON besluit BEGIN
  SELECT RAISE(ABORT, 'besluit is history: record a correction as a new entry');
END;
CREATE TRIGGER besluit_append_only_delete BEFORE DELETE ON besluit BEGIN
  SELECT RAISE(ABORT, 'besluit is history: record a correction as a new entry');
END;
CREATE TRIGGER uitvoering_append_only_update BEFORE UPDATE ON uitvoering BEGIN
  SELECT RAISE(ABORT, 'uitvoering is history: record a correction as a new entry');
END;
CREATE TRIGGER uitvoering_append_only_delete BEFORE DELETE ON uitvoering BEGIN
  SELECT RAISE(ABORT, 'uitvoering is history: record a correction as a new entry');
END;
