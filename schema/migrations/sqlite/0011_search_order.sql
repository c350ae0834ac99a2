-- 0011: on PostgreSQL, an index that gives search matches best first
-- (RUM). FTS5 sorts by its own rank already (0010): nothing to do here.
-- Kept so that both engines count the same versions.
SELECT 1;
