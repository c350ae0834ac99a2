-- 0004: the search index (PostgreSQL), with PostgreSQL's own machinery:
-- the text search configuration `motiearchief` is `dutch` with `unaccent`
-- before the Snowball stemmer, so "sudwest fryslan" finds "Súdwest-
-- Fryslân" and "woning" finds "woningen". document_search holds each
-- document's own words (not stemmed by the application, as SQLite's does)
-- and a tsvector the database keeps itself, one weight per column:
-- titel A, tekst B, overwegingen C, verzoeken D. psql can search it:
--   SELECT d.titel FROM document_search s JOIN document d USING (doc_no)
--   WHERE s.tsv @@ to_tsquery('motiearchief', 'woningen');
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION motiearchief (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION motiearchief
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;

CREATE TABLE document_search (
  doc_no BIGINT PRIMARY KEY REFERENCES document(doc_no) ON DELETE CASCADE,
  titel TEXT NOT NULL,
  tekst TEXT NOT NULL,
  overwegingen TEXT NOT NULL,
  verzoeken TEXT NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('motiearchief', titel), 'A') ||
    setweight(to_tsvector('motiearchief', tekst), 'B') ||
    setweight(to_tsvector('motiearchief', overwegingen), 'C') ||
    setweight(to_tsvector('motiearchief', verzoeken), 'D')) STORED
);
CREATE INDEX document_search_tsv ON document_search USING gin (tsv);
