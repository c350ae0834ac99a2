-- 0008: documents that still need their stemmed search row (stored before
-- 0004, or stored without one), so ingest finds them without comparing the
-- whole document table with document_search on every run.
CREATE TABLE search_pending (
  doc_no INTEGER PRIMARY KEY REFERENCES document(doc_no) ON DELETE CASCADE
);
INSERT INTO search_pending(doc_no)
  SELECT doc_no FROM document WHERE doc_no NOT IN (SELECT doc_no FROM document_search);
