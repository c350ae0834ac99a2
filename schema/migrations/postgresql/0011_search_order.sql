-- 0011: an index that gives search matches best first. ts_rank_cd reads
-- the whole tsvector of every match before the best 20 are known (43,300
-- matches of a common word at 100,000 documents: 400 ms). A RUM index
-- keeps the positions in the index and returns matches ordered by
-- distance (tsv <=> query), so a search reads only what it shows.
--
-- RUM is an extension (Debian: postgresql-15-rum) that a server may not
-- have, or that this user may not be allowed to create: then the archive
-- works as before, ranking by ts_rank_cd, and the migration says why.
-- Installing it later: CREATE EXTENSION rum; CREATE INDEX
-- document_search_rum ON document_search USING rum (tsv rum_tsvector_ops);
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS rum;
      CREATE INDEX document_search_rum ON document_search USING rum (tsv rum_tsvector_ops);
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE WARNING 'motiearchief: no RUM index (%); search ranks with ts_rank_cd', SQLERRM;
    END;
  ELSE
    RAISE WARNING 'motiearchief: the rum extension is not installed on the server; search ranks with ts_rank_cd';
  END IF;
END
$$;
