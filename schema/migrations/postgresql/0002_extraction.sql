-- 0002: extracted parts of motions and the preadvies links (PostgreSQL);
-- as sqlite/0002_extraction.sql.
CREATE TABLE document_gemeente (
  document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  rol TEXT NOT NULL CHECK (rol IN ('indiener', 'mede_indiener', 'ondersteuner')),
  seq INTEGER NOT NULL,
  gemeente TEXT NOT NULL,
  bekend INTEGER NOT NULL,
  PRIMARY KEY (document_id, rol, seq)
);
CREATE INDEX document_gemeente_by_name ON document_gemeente(gemeente);

CREATE TABLE clause (
  document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  deel TEXT NOT NULL CHECK (deel IN ('overweging', 'verzoek')),
  seq INTEGER NOT NULL,
  soort TEXT NOT NULL,
  tekst TEXT NOT NULL,
  page INTEGER NOT NULL,
  rule TEXT NOT NULL,
  PRIMARY KEY (document_id, deel, seq)
);

CREATE TABLE signatory (
  document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  naam TEXT NOT NULL,
  functie TEXT,
  gemeente TEXT,
  PRIMARY KEY (document_id, seq)
);

CREATE TABLE provenance (
  document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  page INTEGER NOT NULL,
  rule TEXT NOT NULL,
  PRIMARY KEY (document_id, seq)
);

CREATE TABLE link (
  from_id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
  motie_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  score DOUBLE PRECISION NOT NULL,
  how TEXT NOT NULL
);
CREATE INDEX link_by_motie ON link(motie_id);

CREATE TABLE motie_versie (
  document_id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
  eerste_versie_id TEXT NOT NULL
);
