-- 0009: the versions of a motion by their first version (PostgreSQL); as
-- sqlite/0009_version_index.sql.
CREATE INDEX motie_versie_by_first ON motie_versie(eerste_versie_id);
