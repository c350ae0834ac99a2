-- 0007: the keys linking looks documents up by (PostgreSQL); as
-- sqlite/0007_link_key.sql.
CREATE TABLE link_key (
  key TEXT NOT NULL,
  document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  PRIMARY KEY (key, document_id)
);
CREATE INDEX link_key_by_document ON link_key(document_id);
CREATE TABLE link_key_pending (
  document_id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE
);
INSERT INTO link_key_pending(document_id) SELECT id FROM document;
