-- 0007: the keys under which a document is found when new documents are
-- linked to it (a preadvies to its motion, a motion to its earlier
-- version): its submitters and the content words of its title, as the
-- linker (pipeline/linker.h) computes them. Linking a new file looks up
-- the documents sharing a key instead of reading the whole archive, so its
-- cost does not grow with the archive.
--
-- Every indexed document has a row with the empty key. Documents stored
-- before this migration wait in link_key_pending until ingest indexes them.
CREATE TABLE link_key (
  key TEXT NOT NULL,
  document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  PRIMARY KEY (key, document_id)
) WITHOUT ROWID;
CREATE INDEX link_key_by_document ON link_key(document_id);
CREATE TABLE link_key_pending (
  document_id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO link_key_pending(document_id) SELECT id FROM document;
