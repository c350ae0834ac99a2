-- 0004: the stemmed search index. The application folds and stems the
-- text (Snowball Dutch, pipeline/search_text.h) and stores it here; FTS5
-- indexes it with its own standard tokenizer, so the stock sqlite3 tool
-- can query it with stemmed words:
--   SELECT d.titel FROM search_fts JOIN document d ON d.doc_no = search_fts.rowid
--   WHERE search_fts MATCH 'woning';
-- Columns let a search stay within the requests or the considerations.
CREATE TABLE document_search (
  doc_no INTEGER PRIMARY KEY REFERENCES document(doc_no) ON DELETE CASCADE,
  titel TEXT NOT NULL,
  tekst TEXT NOT NULL,
  overwegingen TEXT NOT NULL,
  verzoeken TEXT NOT NULL
);

CREATE VIRTUAL TABLE search_fts USING fts5(
  titel, tekst, overwegingen, verzoeken,
  content = 'document_search', content_rowid = 'doc_no',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER search_fts_insert AFTER INSERT ON document_search BEGIN
  INSERT INTO search_fts(rowid, titel, tekst, overwegingen, verzoeken)
  VALUES (new.doc_no, new.titel, new.tekst, new.overwegingen, new.verzoeken);
END;
CREATE TRIGGER search_fts_delete AFTER DELETE ON document_search BEGIN
  INSERT INTO search_fts(search_fts, rowid, titel, tekst, overwegingen, verzoeken)
  VALUES ('delete', old.doc_no, old.titel, old.tekst, old.overwegingen, old.verzoeken);
END;
CREATE TRIGGER search_fts_update AFTER UPDATE ON document_search BEGIN
  INSERT INTO search_fts(search_fts, rowid, titel, tekst, overwegingen, verzoeken)
  VALUES ('delete', old.doc_no, old.titel, old.tekst, old.overwegingen, old.verzoeken);
  INSERT INTO search_fts(rowid, titel, tekst, overwegingen, verzoeken)
  VALUES (new.doc_no, new.titel, new.tekst, new.overwegingen, new.verzoeken);
END;
