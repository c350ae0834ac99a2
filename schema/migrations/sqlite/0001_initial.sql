-- 0001: files, pages, documents, and the full-text index over documents.

-- Every input file ever seen, one row per distinct content (sha256), with
-- the outcome of reading it. A changed file under the same name is a new
-- row that points to the version before it.
CREATE TABLE source_file (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  page_count INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  warnings TEXT NOT NULL DEFAULT '[]',
  tool_versions TEXT NOT NULL DEFAULT '',
  duration_ms INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 1,
  previous_version_id INTEGER REFERENCES source_file(id),
  first_seen TEXT NOT NULL,
  last_attempt TEXT NOT NULL
);
CREATE INDEX source_file_by_name ON source_file(name);
CREATE INDEX source_file_by_status ON source_file(status);

CREATE TABLE page (
  source_file_id INTEGER NOT NULL REFERENCES source_file(id) ON DELETE CASCADE,
  page_no INTEGER NOT NULL,
  text TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('text', 'ocr')),
  ocr_confidence REAL,
  PRIMARY KEY (source_file_id, page_no)
) WITHOUT ROWID;

-- One row per document found in a file. `record` is the extracted export
-- record as JSON (with provenance); the columns beside it repeat what
-- queries filter on.
CREATE TABLE document (
  doc_no INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source_file_id INTEGER NOT NULL REFERENCES source_file(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  soort TEXT NOT NULL,
  titel TEXT,
  datum_indiening TEXT,
  vergadering TEXT,
  page_from INTEGER NOT NULL,
  page_to INTEGER NOT NULL,
  ocr INTEGER NOT NULL DEFAULT 0,
  record TEXT NOT NULL,
  tekst TEXT NOT NULL,
  UNIQUE (source_file_id, seq)
);
CREATE INDEX document_by_soort ON document(soort);
CREATE INDEX document_by_vergadering ON document(vergadering);

-- Full text over title and text, kept in sync by the database itself.
-- remove_diacritics 2: "sudwest fryslan" finds "Súdwest-Fryslân".
CREATE VIRTUAL TABLE document_fts USING fts5(
  titel, tekst,
  content = 'document', content_rowid = 'doc_no',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
  INSERT INTO document_fts(rowid, titel, tekst)
  VALUES (new.doc_no, new.titel, new.tekst);
END;
CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN
  INSERT INTO document_fts(document_fts, rowid, titel, tekst)
  VALUES ('delete', old.doc_no, old.titel, old.tekst);
END;
CREATE TRIGGER document_fts_update AFTER UPDATE OF titel, tekst ON document BEGIN
  INSERT INTO document_fts(document_fts, rowid, titel, tekst)
  VALUES ('delete', old.doc_no, old.titel, old.tekst);
  INSERT INTO document_fts(rowid, titel, tekst)
  VALUES (new.doc_no, new.titel, new.tekst);
END;
