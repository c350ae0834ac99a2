-- 0008: documents still without a search row (PostgreSQL); as
-- sqlite/0008_search_pending.sql. PostgreSQL archives index every
-- document as it is stored, so this stays empty unless a row is removed.
CREATE TABLE search_pending (
  doc_no BIGINT PRIMARY KEY REFERENCES document(doc_no) ON DELETE CASCADE
);
INSERT INTO search_pending(doc_no)
  SELECT doc_no FROM document WHERE doc_no NOT IN (SELECT doc_no FROM document_search);
