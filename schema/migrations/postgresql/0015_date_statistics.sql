-- 0015: statistics on a document's date as the date filters read it
-- (coalesce(datum_indiening, vergadering), --van and --tot). Without them the
-- planner assumed 500 of 100,000 documents in any range, read the range's
-- documents (18,210 for two years) and checked each one's words: 587 ms for
-- "wijk" from 2018 to 2019, where reading the matches best first through
-- the RUM index and checking their dates takes 69 ms. PostgreSQL 14 and
-- later; the server gathers them again whenever it analyses the table.
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 140000 THEN
    CREATE STATISTICS document_datum ON (coalesce(datum_indiening, vergadering)) FROM document;
    ANALYZE document;
  END IF;
END
$$;
