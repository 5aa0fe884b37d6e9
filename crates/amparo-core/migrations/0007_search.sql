-- Search across every case: one full-text index (FTS5) over names,
-- A-numbers, statement text in both languages, captions, tattoo records,
-- notes, events and allegations. `unicode61 remove_diacritics 2` folds case
-- and accents, so "mama" finds "mamá".
--
-- `search_rows` says what each indexed text is (its case, the kind and id of
-- its record, which field); its INTEGER PRIMARY KEY is the index's rowid,
-- which, unlike the rowids of tables keyed by text, never changes. Triggers
-- keep both in step with every insert, update and delete, so no write path
-- can forget the index.

CREATE TABLE search_rows (
    id         INTEGER PRIMARY KEY,
    case_id    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    field      TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX search_rows_by_record ON search_rows (record_id, field);
CREATE INDEX search_rows_by_case ON search_rows (case_id);

CREATE VIRTUAL TABLE search_text USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);


-- cases
CREATE TRIGGER cases_search_insert AFTER INSERT ON cases
BEGIN
    INSERT INTO search_rows (case_id, kind, record_id, field)
        VALUES (NEW.id, 'case', NEW.id, 'name');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), concat_ws(char(10), NEW.record_name, NEW.used_name, (SELECT group_concat(value, ', ') FROM json_each(NEW.aliases)), NEW.nationality));
    INSERT INTO search_rows (case_id, kind, record_id, field)
        VALUES (NEW.id, 'case', NEW.id, 'aNumber');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), CASE WHEN NEW.a_number IS NULL THEN '' ELSE NEW.a_number || ' A' || NEW.a_number || ' ' || substr(NEW.a_number, 2) END);
    INSERT INTO search_rows (case_id, kind, record_id, field)
        VALUES (NEW.id, 'case', NEW.id, 'notes');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), NEW.notes);
END;

CREATE TRIGGER cases_search_update AFTER UPDATE ON cases
BEGIN
    UPDATE search_text SET body = concat_ws(char(10), NEW.record_name, NEW.used_name, (SELECT group_concat(value, ', ') FROM json_each(NEW.aliases)), NEW.nationality)
        WHERE rowid = (SELECT id FROM search_rows WHERE record_id = NEW.id AND field = 'name');
    UPDATE search_text SET body = CASE WHEN NEW.a_number IS NULL THEN '' ELSE NEW.a_number || ' A' || NEW.a_number || ' ' || substr(NEW.a_number, 2) END
        WHERE rowid = (SELECT id FROM search_rows WHERE record_id = NEW.id AND field = 'aNumber');
    UPDATE search_text SET body = NEW.notes
        WHERE rowid = (SELECT id FROM search_rows WHERE record_id = NEW.id AND field = 'notes');
END;

CREATE TRIGGER cases_search_delete AFTER DELETE ON cases
BEGIN
    DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_rows WHERE record_id = OLD.id);
    DELETE FROM search_rows WHERE record_id = OLD.id;
END;


-- declarants
CREATE TRIGGER declarants_search_insert AFTER INSERT ON declarants
BEGIN
    INSERT INTO search_rows (case_id, kind, record_id, field)
        VALUES (NEW.case_id, 'declarant', NEW.id, 'text');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), concat_ws(char(10), NEW.full_name, NEW.relationship));
END;

CREATE TRIGGER declarants_search_update AFTER UPDATE ON declarants
BEGIN
    UPDATE search_text SET body = concat_ws(char(10), NEW.full_name, NEW.relationship)
        WHERE rowid = (SELECT id FROM search_rows WHERE record_id = NEW.id AND field = 'text');
END;

CREATE TRIGGER declarants_search_delete AFTER DELETE ON declarants
BEGIN
    DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_rows WHERE record_id = OLD.id);
    DELETE FROM search_rows WHERE record_id = OLD.id;
END;


-- statements
CREATE TRIGGER statements_search_insert AFTER INSERT ON statements
BEGIN
    INSERT INTO search_rows (case_id, kind, record_id, field)
        VALUES (NEW.case_id, 'statement', NEW.id, 'text');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), concat_ws(char(10), NEW.title, NEW.title_original));
END;

CREATE TRIGGER statements_search_update AFTER UPDATE ON statements
BEGIN
    UPDATE search_text SET body = concat_ws(char(10), NEW.title, NEW.title_original)
        WHERE rowid = (SELECT id FROM search_rows WHERE record_id = NEW.id AND field = 'text');
END;

CREATE TRIGGER statements_search_delete AFTER DELETE ON statements
BEGIN
    DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_rows WHERE record_id = OLD.id);
    DELETE FROM search_rows WHERE record_id = OLD.id;
END;


-- paragraphs
CREATE TRIGGER paragraphs_search_insert AFTER INSERT ON paragraphs
BEGIN
    INSERT INTO search_rows (case_id, kind, record_id, field)
        VALUES ((SELECT case_id FROM statements WHERE id = NEW.statement_id), 'paragraph', NEW.id, 'text');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), concat_ws(char(10), NEW.original, NEW.english));
END;

CREATE TRIGGER paragraphs_search_update AFTER UPDATE ON paragraphs
BEGIN
    UPDATE search_text SET body = concat_ws(char(10), NEW.original, NEW.english)
        WHERE rowid = (SELECT id FROM search_rows WHERE record_id = NEW.id AND field = 'text');
END;

CREATE TRIGGER paragraphs_search_delete AFTER DELETE ON paragraphs
BEGIN
    DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_rows WHERE record_id = OLD.id);
    DELETE FROM search_rows WHERE record_id = OLD.id;
END;


-- photos
CREATE TRIGGER photos_search_insert AFTER INSERT ON photos
BEGIN
    INSERT INTO search_rows (case_id, kind, record_id, field)
        VALUES (NEW.case_id, 'photo', NEW.id, 'text');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), concat_ws(char(10), NEW.caption, (SELECT group_concat(concat_ws(' ', value ->> '$.name', value ->> '$.relation'), ', ') FROM json_each(NEW.people)), NEW.place, NEW.photographer, NEW.attested_by, (SELECT group_concat(value, ', ') FROM json_each(NEW.file_names))));
END;

CREATE TRIGGER photos_search_update AFTER UPDATE ON photos
BEGIN
    UPDATE search_text SET body = concat_ws(char(10), NEW.caption, (SELECT group_concat(concat_ws(' ', value ->> '$.name', value ->> '$.relation'), ', ') FROM json_each(NEW.people)), NEW.place, NEW.photographer, NEW.attested_by, (SELECT group_concat(value, ', ') FROM json_each(NEW.file_names)))
        WHERE rowid = (SELECT id FROM search_rows WHERE record_id = NEW.id AND field = 'text');
END;

CREATE TRIGGER photos_search_delete AFTER DELETE ON photos
BEGIN
    DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_rows WHERE record_id = OLD.id);
    DELETE FROM search_rows WHERE record_id = OLD.id;
END;


-- tattoos
CREATE TRIGGER tattoos_search_insert AFTER INSERT ON tattoos
BEGIN
    INSERT INTO search_rows (case_id, kind, record_id, field)
        VALUES (NEW.case_id, 'tattoo', NEW.id, 'text');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), concat_ws(char(10), NEW.body_location, NEW.shows_text, NEW.shows_images, NEW.meaning_original, NEW.meaning_english, NEW.why, NEW.context, NEW.similar_others, NEW.earlier_explanations, NEW.made_where, NEW.made_by));
END;

CREATE TRIGGER tattoos_search_update AFTER UPDATE ON tattoos
BEGIN
    UPDATE search_text SET body = concat_ws(char(10), NEW.body_location, NEW.shows_text, NEW.shows_images, NEW.meaning_original, NEW.meaning_english, NEW.why, NEW.context, NEW.similar_others, NEW.earlier_explanations, NEW.made_where, NEW.made_by)
        WHERE rowid = (SELECT id FROM search_rows WHERE record_id = NEW.id AND field = 'text');
END;

CREATE TRIGGER tattoos_search_delete AFTER DELETE ON tattoos
BEGIN
    DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_rows WHERE record_id = OLD.id);
    DELETE FROM search_rows WHERE record_id = OLD.id;
END;


-- events
CREATE TRIGGER events_search_insert AFTER INSERT ON events
BEGIN
    INSERT INTO search_rows (case_id, kind, record_id, field)
        VALUES (NEW.case_id, 'event', NEW.id, 'text');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), concat_ws(char(10), NEW.description, NEW.place));
END;

CREATE TRIGGER events_search_update AFTER UPDATE ON events
BEGIN
    UPDATE search_text SET body = concat_ws(char(10), NEW.description, NEW.place)
        WHERE rowid = (SELECT id FROM search_rows WHERE record_id = NEW.id AND field = 'text');
END;

CREATE TRIGGER events_search_delete AFTER DELETE ON events
BEGIN
    DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_rows WHERE record_id = OLD.id);
    DELETE FROM search_rows WHERE record_id = OLD.id;
END;


-- allegations
CREATE TRIGGER allegations_search_insert AFTER INSERT ON allegations
BEGIN
    INSERT INTO search_rows (case_id, kind, record_id, field)
        VALUES (NEW.case_id, 'allegation', NEW.id, 'text');
    INSERT INTO search_text (rowid, body) VALUES (last_insert_rowid(), concat_ws(char(10), NEW.criterion, NEW.claim, NEW.made_by, NEW.document, NEW.response));
END;

CREATE TRIGGER allegations_search_update AFTER UPDATE ON allegations
BEGIN
    UPDATE search_text SET body = concat_ws(char(10), NEW.criterion, NEW.claim, NEW.made_by, NEW.document, NEW.response)
        WHERE rowid = (SELECT id FROM search_rows WHERE record_id = NEW.id AND field = 'text');
END;

CREATE TRIGGER allegations_search_delete AFTER DELETE ON allegations
BEGIN
    DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_rows WHERE record_id = OLD.id);
    DELETE FROM search_rows WHERE record_id = OLD.id;
END;


-- Whatever of a case is still indexed goes with it.
CREATE TRIGGER cases_search_erase AFTER DELETE ON cases
BEGIN
    DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_rows WHERE case_id = OLD.id);
    DELETE FROM search_rows WHERE case_id = OLD.id;
END;

-- What was written before this migration.
INSERT INTO search_rows (case_id, kind, record_id, field)
    SELECT t.id, 'case', t.id, 'name' FROM cases t;
INSERT INTO search_text (rowid, body)
    SELECT r.id, concat_ws(char(10), t.record_name, t.used_name, (SELECT group_concat(value, ', ') FROM json_each(t.aliases)), t.nationality) FROM search_rows r JOIN cases t ON t.id = r.record_id
    WHERE r.kind = 'case' AND r.field = 'name';
INSERT INTO search_rows (case_id, kind, record_id, field)
    SELECT t.id, 'case', t.id, 'aNumber' FROM cases t;
INSERT INTO search_text (rowid, body)
    SELECT r.id, CASE WHEN t.a_number IS NULL THEN '' ELSE t.a_number || ' A' || t.a_number || ' ' || substr(t.a_number, 2) END FROM search_rows r JOIN cases t ON t.id = r.record_id
    WHERE r.kind = 'case' AND r.field = 'aNumber';
INSERT INTO search_rows (case_id, kind, record_id, field)
    SELECT t.id, 'case', t.id, 'notes' FROM cases t;
INSERT INTO search_text (rowid, body)
    SELECT r.id, t.notes FROM search_rows r JOIN cases t ON t.id = r.record_id
    WHERE r.kind = 'case' AND r.field = 'notes';
INSERT INTO search_rows (case_id, kind, record_id, field)
    SELECT t.case_id, 'declarant', t.id, 'text' FROM declarants t;
INSERT INTO search_text (rowid, body)
    SELECT r.id, concat_ws(char(10), t.full_name, t.relationship) FROM search_rows r JOIN declarants t ON t.id = r.record_id
    WHERE r.kind = 'declarant' AND r.field = 'text';
INSERT INTO search_rows (case_id, kind, record_id, field)
    SELECT t.case_id, 'statement', t.id, 'text' FROM statements t;
INSERT INTO search_text (rowid, body)
    SELECT r.id, concat_ws(char(10), t.title, t.title_original) FROM search_rows r JOIN statements t ON t.id = r.record_id
    WHERE r.kind = 'statement' AND r.field = 'text';
INSERT INTO search_rows (case_id, kind, record_id, field)
    SELECT (SELECT case_id FROM statements WHERE id = t.statement_id), 'paragraph', t.id, 'text' FROM paragraphs t;
INSERT INTO search_text (rowid, body)
    SELECT r.id, concat_ws(char(10), t.original, t.english) FROM search_rows r JOIN paragraphs t ON t.id = r.record_id
    WHERE r.kind = 'paragraph' AND r.field = 'text';
INSERT INTO search_rows (case_id, kind, record_id, field)
    SELECT t.case_id, 'photo', t.id, 'text' FROM photos t;
INSERT INTO search_text (rowid, body)
    SELECT r.id, concat_ws(char(10), t.caption, (SELECT group_concat(concat_ws(' ', value ->> '$.name', value ->> '$.relation'), ', ') FROM json_each(t.people)), t.place, t.photographer, t.attested_by, (SELECT group_concat(value, ', ') FROM json_each(t.file_names))) FROM search_rows r JOIN photos t ON t.id = r.record_id
    WHERE r.kind = 'photo' AND r.field = 'text';
INSERT INTO search_rows (case_id, kind, record_id, field)
    SELECT t.case_id, 'tattoo', t.id, 'text' FROM tattoos t;
INSERT INTO search_text (rowid, body)
    SELECT r.id, concat_ws(char(10), t.body_location, t.shows_text, t.shows_images, t.meaning_original, t.meaning_english, t.why, t.context, t.similar_others, t.earlier_explanations, t.made_where, t.made_by) FROM search_rows r JOIN tattoos t ON t.id = r.record_id
    WHERE r.kind = 'tattoo' AND r.field = 'text';
INSERT INTO search_rows (case_id, kind, record_id, field)
    SELECT t.case_id, 'event', t.id, 'text' FROM events t;
INSERT INTO search_text (rowid, body)
    SELECT r.id, concat_ws(char(10), t.description, t.place) FROM search_rows r JOIN events t ON t.id = r.record_id
    WHERE r.kind = 'event' AND r.field = 'text';
INSERT INTO search_rows (case_id, kind, record_id, field)
    SELECT t.case_id, 'allegation', t.id, 'text' FROM allegations t;
INSERT INTO search_text (rowid, body)
    SELECT r.id, concat_ws(char(10), t.criterion, t.claim, t.made_by, t.document, t.response) FROM search_rows r JOIN allegations t ON t.id = r.record_id
    WHERE r.kind = 'allegation' AND r.field = 'text';
