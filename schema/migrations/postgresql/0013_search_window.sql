-- 0013: the orgaan as a column, computed from the record, for the facets
-- and the --orgaan filter (SQLite: the same, in its index for the newest
-- matches of a ranked search, see sqlite/0013). PostgreSQL orders matches
-- by its RUM index or ranks them in the statement that finds them
-- (migration 0011) and needs no such index.
ALTER TABLE document ADD COLUMN orgaan TEXT GENERATED ALWAYS AS (record ->> 'orgaan') STORED;
