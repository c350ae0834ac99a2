-- 0010: the ranking of search_fts as a setting of the table, so that a
-- search can ORDER BY rank: FTS5 then sorts the matches itself, without a
-- temporary B-tree of every match (measured at 100,000 documents: a word
-- in nearly every motion 400 -> 130 ms). The title weighs five times the
-- text, overwegingen and verzoeken, as before.
INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0, 1.0, 1.0)');
