-- 0012: which document gives each document the advice it carries. For a
-- motion or amendment the preadvies ingest chose (the newest one linked to
-- it or to any version of it: pipeline/linker.h, ChooseAdvice); for a
-- preadvies, itself. Ingest writes the rows with the file's links; the
-- archive only reads them, and knows no rule of its own. Archives from
-- before are filled here once, by the same rule.
CREATE TABLE document_advies (
  document_id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
  preadvies_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE
);
CREATE INDEX document_advies_by_preadvies ON document_advies(preadvies_id);
INSERT INTO document_advies(document_id, preadvies_id)
SELECT id, preadvies_id FROM (
  SELECT d.id,
    CASE WHEN d.soort IN ('motie', 'amendement') THEN (
      SELECT p.id FROM link l CROSS JOIN document p ON p.id = l.from_id
      WHERE p.soort = 'preadvies' AND (l.motie_id = d.id OR l.motie_id IN (
        SELECT document_id FROM motie_versie WHERE eerste_versie_id = (
          SELECT eerste_versie_id FROM motie_versie WHERE document_id = d.id)))
      ORDER BY p.source_file_id DESC, p.seq DESC LIMIT 1)
    WHEN json_extract(d.record, '$.preadvies.advies') IS NOT NULL THEN d.id END AS preadvies_id
  FROM document d)
WHERE preadvies_id IS NOT NULL;
