-- Documents filed in a case: a passport, a Notice to Appear, the I-213, a
-- festival's program, a country report. A document is either one PDF kept
-- byte for byte (`pdf_sha256`), its pages the PDF's own; or pages put
-- together from photos or scans of paper, each page's original kept byte
-- for byte (`document_pages.sha256`). While `filed_at` is empty the pages
-- of a photographed document may be reordered, turned and removed; once
-- filed they never change (the text and its translation still may).

CREATE TABLE documents (
    id          TEXT PRIMARY KEY NOT NULL,
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('identity', 'government', 'court',
                    'countryConditions', 'publication', 'letter', 'medical',
                    'schoolOrWork', 'other')),
    -- A RememberedDate ("2019-03", "~2015"); empty when unknown.
    dated       TEXT NOT NULL DEFAULT '',
    issued_by   TEXT NOT NULL DEFAULT '',
    -- The document's own language (a code such as "es"); "en" for English.
    language    TEXT NOT NULL DEFAULT 'en',
    pdf_sha256  TEXT CHECK (pdf_sha256 IS NULL OR (length(pdf_sha256) = 64 AND pdf_sha256 NOT GLOB '*[^0-9a-f]*')),
    file_name   TEXT NOT NULL DEFAULT '',
    byte_size   INTEGER NOT NULL DEFAULT 0 CHECK (byte_size >= 0),
    filed_at    TEXT,
    added_at    TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    position    INTEGER NOT NULL
) STRICT;

CREATE INDEX documents_by_case ON documents (case_id, position);
CREATE INDEX documents_by_pdf ON documents (pdf_sha256) WHERE pdf_sha256 IS NOT NULL;

CREATE TABLE document_pages (
    id           TEXT PRIMARY KEY NOT NULL,
    document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    -- The page's number in the document, from 1.
    position     INTEGER NOT NULL CHECK (position > 0),
    -- A PDF document's page: its index in the PDF, from 0.
    pdf_page     INTEGER CHECK (pdf_page IS NULL OR pdf_page >= 0),
    -- A photographed page: its original, and how it was taken.
    sha256       TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
    file_name    TEXT NOT NULL DEFAULT '',
    format       TEXT CHECK (format IS NULL OR format IN ('jpeg', 'png', 'webp', 'tiff', 'heif')),
    byte_size    INTEGER NOT NULL DEFAULT 0 CHECK (byte_size >= 0),
    -- Quarter turns clockwise, on top of the photo's own orientation.
    rotation     INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
    width_pt     REAL NOT NULL CHECK (width_pt > 0),
    height_pt    REAL NOT NULL CHECK (height_pt > 0),
    text         TEXT NOT NULL DEFAULT '',
    -- Where the text came from: the PDF's own, OCR, or typed (a correction).
    text_source  TEXT NOT NULL DEFAULT 'none' CHECK (text_source IN ('none', 'pdf', 'ocr', 'typed')),
    translation  TEXT NOT NULL DEFAULT '',
    CHECK ((pdf_page IS NULL) <> (sha256 IS NULL)),
    UNIQUE (document_id, position)
) STRICT;

CREATE INDEX document_pages_by_hash ON document_pages (sha256) WHERE sha256 IS NOT NULL;


-- Search: a document by its title and issuer, each page by its text and
-- translation (so "found on page 3 of the I-213").
CREATE TRIGGER documents_search_insert AFTER INSERT ON documents
BEGIN
    INSERT INTO search_rows (case_id, kind, record_id, field)
        VALUES (NEW.case_id, 'document', NEW.id, 'text');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), concat_ws(char(10), NEW.title, NEW.issued_by, NEW.file_name));
END;

CREATE TRIGGER documents_search_update AFTER UPDATE ON documents
BEGIN
    UPDATE search_text SET body = concat_ws(char(10), NEW.title, NEW.issued_by, NEW.file_name)
        WHERE rowid = (SELECT id FROM search_rows WHERE record_id = NEW.id AND field = 'text');
END;

CREATE TRIGGER documents_search_delete AFTER DELETE ON documents
BEGIN
    DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_rows WHERE record_id = OLD.id);
    DELETE FROM search_rows WHERE record_id = OLD.id;
END;

CREATE TRIGGER document_pages_search_insert AFTER INSERT ON document_pages
BEGIN
    INSERT INTO search_rows (case_id, kind, record_id, field)
        VALUES ((SELECT case_id FROM documents WHERE id = NEW.document_id), 'documentPage', NEW.id, 'text');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), concat_ws(char(10), NEW.text, NEW.translation));
END;

CREATE TRIGGER document_pages_search_update AFTER UPDATE OF text, translation ON document_pages
BEGIN
    UPDATE search_text SET body = concat_ws(char(10), NEW.text, NEW.translation)
        WHERE rowid = (SELECT id FROM search_rows WHERE record_id = NEW.id AND field = 'text');
END;

CREATE TRIGGER document_pages_search_delete AFTER DELETE ON document_pages
BEGIN
    DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_rows WHERE record_id = OLD.id);
    DELETE FROM search_rows WHERE record_id = OLD.id;
END;
