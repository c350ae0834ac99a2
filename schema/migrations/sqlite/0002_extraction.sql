-- 0002: extracted parts of motions, queryable, and the preadvies links.

-- Municipalities per document and role, by normalised (official) name.
CREATE TABLE document_gemeente (
  document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  rol TEXT NOT NULL CHECK (rol IN ('indiener', 'mede_indiener', 'ondersteuner')),
  seq INTEGER NOT NULL,
  gemeente TEXT NOT NULL,
  bekend INTEGER NOT NULL,  -- 1: on the gazetteer; 0: kept as written
  PRIMARY KEY (document_id, rol, seq)
) WITHOUT ROWID;
CREATE INDEX document_gemeente_by_name ON document_gemeente(gemeente);

-- Overwegingen and verzoeken, one row per clause, with their page.
CREATE TABLE clause (
  document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  deel TEXT NOT NULL CHECK (deel IN ('overweging', 'verzoek')),
  seq INTEGER NOT NULL,
  soort TEXT NOT NULL,
  tekst TEXT NOT NULL,
  page INTEGER NOT NULL,
  rule TEXT NOT NULL,
  PRIMARY KEY (document_id, deel, seq)
) WITHOUT ROWID;

CREATE TABLE signatory (
  document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  naam TEXT NOT NULL,
  functie TEXT,
  gemeente TEXT,
  PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;

-- Where each extracted value came from: page and grammar rule.
CREATE TABLE provenance (
  document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  page INTEGER NOT NULL,
  rule TEXT NOT NULL,
  PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;

-- A preadvies (or amendment) and the motion it belongs to. Recomputed when
-- new documents arrive; `how` says on what the link was made.
CREATE TABLE link (
  from_id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
  motie_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  score REAL NOT NULL,
  how TEXT NOT NULL
);
CREATE INDEX link_by_motie ON link(motie_id);

-- Versions of one motion (the same motion arriving in two nazendingen):
-- every document of a group carries the id of the group's first version.
CREATE TABLE motie_versie (
  document_id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
  eerste_versie_id TEXT NOT NULL
);
