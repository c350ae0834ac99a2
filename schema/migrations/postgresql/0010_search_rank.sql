-- 0010: on SQLite, the ranking of search_fts as a setting of the table.
-- PostgreSQL ranks with ts_rank_cd and the column weights given in each
-- query (archive/archive.cc, RankOf): nothing to store. Kept so that both
-- engines count the same versions.
SELECT 1;
