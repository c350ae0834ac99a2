-- 0006: which OCR engine and model read a page (empty for the text layer),
-- so a reviewer can find pages read by an older model, next to their
-- confidence:
--   SELECT f.name, p.page_no, p.ocr_confidence FROM page p
--   JOIN source_file f ON f.id = p.source_file_id
--   WHERE p.method = 'ocr' ORDER BY p.ocr_confidence LIMIT 20;
ALTER TABLE page ADD COLUMN engine TEXT NOT NULL DEFAULT '';
CREATE INDEX page_by_confidence ON page(ocr_confidence) WHERE method = 'ocr';
