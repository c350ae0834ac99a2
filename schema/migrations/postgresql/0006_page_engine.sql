-- 0006: which OCR engine and model read a page (PostgreSQL); as
-- sqlite/0006_page_engine.sql.
ALTER TABLE page ADD COLUMN engine TEXT NOT NULL DEFAULT '';
CREATE INDEX page_by_confidence ON page(ocr_confidence) WHERE method = 'ocr';
