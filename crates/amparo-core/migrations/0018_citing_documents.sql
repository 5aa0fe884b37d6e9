-- Events, allegations and statement paragraphs cite documents: an event
-- rests on "the I-213, page 2", an allegation is answered by "the
-- festival's program, page 1", a paragraph says "(Exhibit K, p. 3)".
-- `page` is the document's page as printed (from 1); 0 is the whole
-- document, and always 0 for the other kinds. SQLite cannot widen a CHECK
-- in place, so the link tables are built anew and their rows copied; a
-- document gets an exhibit letter like a photo.
--
-- An allegation also names the filed document that makes it and the page
-- (the I-213 that scores the tattoos), beside the document's name as typed.

DROP TRIGGER photos_unlink;
DROP TRIGGER tattoos_unlink;
DROP TRIGGER statements_unlink;

CREATE TABLE event_sources_new (
    event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('statement', 'photo', 'tattoo', 'document')),
    item_id    TEXT NOT NULL,
    paragraph  INTEGER NOT NULL DEFAULT 0 CHECK (paragraph >= 0),
    page       INTEGER NOT NULL DEFAULT 0 CHECK (page >= 0),
    PRIMARY KEY (event_id, kind, item_id, paragraph, page)
) STRICT;

INSERT INTO event_sources_new (event_id, position, kind, item_id, paragraph)
    SELECT event_id, position, kind, item_id, paragraph FROM event_sources;
DROP TABLE event_sources;
ALTER TABLE event_sources_new RENAME TO event_sources;
CREATE INDEX event_sources_by_item ON event_sources (item_id);

CREATE TABLE allegation_answers_new (
    allegation_id  TEXT NOT NULL REFERENCES allegations (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('statement', 'photo', 'tattoo', 'document')),
    item_id        TEXT NOT NULL,
    paragraph      INTEGER NOT NULL DEFAULT 0 CHECK (paragraph >= 0),
    page           INTEGER NOT NULL DEFAULT 0 CHECK (page >= 0),
    PRIMARY KEY (allegation_id, kind, item_id, paragraph, page)
) STRICT;

INSERT INTO allegation_answers_new (allegation_id, position, kind, item_id, paragraph)
    SELECT allegation_id, position, kind, item_id, paragraph FROM allegation_answers;
DROP TABLE allegation_answers;
ALTER TABLE allegation_answers_new RENAME TO allegation_answers;
CREATE INDEX allegation_answers_by_item ON allegation_answers (item_id);

CREATE TABLE paragraph_exhibits_new (
    paragraph_id TEXT NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('photo', 'tattoo', 'document')),
    item_id      TEXT NOT NULL,
    page         INTEGER NOT NULL DEFAULT 0 CHECK (page >= 0),
    PRIMARY KEY (paragraph_id, kind, item_id, page)
) STRICT;

INSERT INTO paragraph_exhibits_new (paragraph_id, position, kind, item_id)
    SELECT paragraph_id, position, kind, item_id FROM paragraph_exhibits;
DROP TABLE paragraph_exhibits;
ALTER TABLE paragraph_exhibits_new RENAME TO paragraph_exhibits;

CREATE TABLE exhibit_letters_new (
    case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL CHECK (kind IN ('photo', 'tattoo', 'document')),
    item_id  TEXT NOT NULL,
    letter   TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, item_id),
    UNIQUE (case_id, letter)
) STRICT;

INSERT INTO exhibit_letters_new (case_id, kind, item_id, letter)
    SELECT case_id, kind, item_id, letter FROM exhibit_letters;
DROP TABLE exhibit_letters;
ALTER TABLE exhibit_letters_new RENAME TO exhibit_letters;

ALTER TABLE allegations ADD COLUMN source_document_id TEXT;
ALTER TABLE allegations ADD COLUMN source_page INTEGER NOT NULL DEFAULT 0 CHECK (source_page >= 0);

CREATE TRIGGER photos_unlink AFTER DELETE ON photos
BEGIN
    DELETE FROM event_sources WHERE kind = 'photo' AND item_id = OLD.id;
    DELETE FROM allegation_answers WHERE kind = 'photo' AND item_id = OLD.id;
END;

CREATE TRIGGER tattoos_unlink AFTER DELETE ON tattoos
BEGIN
    DELETE FROM event_sources WHERE kind = 'tattoo' AND item_id = OLD.id;
    DELETE FROM allegation_answers WHERE kind = 'tattoo' AND item_id = OLD.id;
END;

CREATE TRIGGER statements_unlink AFTER DELETE ON statements
BEGIN
    DELETE FROM event_sources WHERE kind = 'statement' AND item_id = OLD.id;
    DELETE FROM allegation_answers WHERE kind = 'statement' AND item_id = OLD.id;
END;

CREATE TRIGGER documents_unlink AFTER DELETE ON documents
BEGIN
    DELETE FROM event_sources WHERE kind = 'document' AND item_id = OLD.id;
    DELETE FROM allegation_answers WHERE kind = 'document' AND item_id = OLD.id;
    UPDATE allegations SET source_document_id = NULL, source_page = 0
        WHERE source_document_id = OLD.id;
END;
