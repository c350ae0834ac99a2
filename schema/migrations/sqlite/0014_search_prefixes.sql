-- 0014: prefix indexes in search_fts, for searches that end in * (onder*,
-- kabin*, VNG-i*). Without them FTS5 merges the doclists of every word
-- that starts so: at 100,000 documents onder* took 33-60 ms and the "i*"
-- of VNG-i* 155-230 ms, with them 7-15 and 18-28 ms. Prefixes of 1 to 6
-- characters are indexed (a longer prefix starts few words); the index
-- grows by about 2 KB per document. The table is made again with the
-- option and filled from document_search, its content table; the triggers
-- of 0004 name it and keep it in sync as before.
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5(
  titel, tekst, overwegingen, verzoeken,
  content = 'document_search', content_rowid = 'doc_no',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5 6'
);
INSERT INTO search_fts(search_fts) VALUES ('rebuild');
-- The ranking of 0010, a setting of the table made again.
INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0, 1.0, 1.0)');
