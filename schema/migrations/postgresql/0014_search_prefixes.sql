-- 0014: on SQLite, prefix indexes in search_fts for searches that end in *.
-- PostgreSQL's GIN index answers a prefix (to_tsquery 'onder:*') itself:
-- nothing to do here. Kept so that both engines count the same versions.
SELECT 1;
