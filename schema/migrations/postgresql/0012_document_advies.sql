-- 0012: which document gives each document the advice it carries
-- (PostgreSQL); as sqlite/0012_document_advies.sql.
CREATE TABLE document_advies (
  document_id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
  preadvies_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE
);
CREATE INDEX document_advies_by_preadvies ON document_advies(preadvies_id);
INSERT INTO document_advies(document_id, preadvies_id)
SELECT id, preadvies_id FROM (
  SELECT d.id,
    CASE WHEN d.soort IN ('motie', 'amendement') THEN (
      SELECT p.id FROM link l JOIN document p ON p.id = l.from_id
      WHERE p.soort = 'preadvies' AND (l.motie_id = d.id OR l.motie_id IN (
        SELECT document_id FROM motie_versie WHERE eerste_versie_id = (
          SELECT eerste_versie_id FROM motie_versie WHERE document_id = d.id)))
      ORDER BY p.source_file_id DESC, p.seq DESC LIMIT 1)
    WHEN d.record #>> '{preadvies,advies}' IS NOT NULL THEN d.id END AS preadvies_id
  FROM document d) AS chosen
WHERE preadvies_id IS NOT NULL;
