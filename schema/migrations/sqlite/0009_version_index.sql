-- 0009: the versions of a motion by their first version. Every loaded
-- motion asks for the newest preadvies of any of its versions; without
-- this index each such question read the whole motie_versie table
-- (measured: 20 search results at 100,000 documents, 330 -> 160 ms).
CREATE INDEX motie_versie_by_first ON motie_versie(eerste_versie_id);
