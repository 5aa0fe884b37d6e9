-- The case's chronology, the allegations made against the person with the
-- evidence that answers each, and due dates entered by hand. Links from an
-- event or an allegation to a statement (optionally one paragraph of it), a
-- photo or a tattoo record go when that record goes.

CREATE TABLE events (
    id           TEXT PRIMARY KEY NOT NULL,
    case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    date         TEXT NOT NULL,
    place        TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL CHECK (kind IN ('entry', 'appointment', 'interview', 'detention',
                     'transfer', 'hearing', 'removal', 'contact', 'other')),
    description  TEXT NOT NULL CHECK (length(trim(description)) > 0),
    -- What the case already knew this date from ("hearing:<id>",
    -- "detained"); empty for an event typed by hand.
    origin       TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE INDEX events_by_case ON events (case_id);
CREATE UNIQUE INDEX events_by_origin ON events (case_id, origin) WHERE origin <> '';

CREATE TABLE event_sources (
    event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('statement', 'photo', 'tattoo')),
    item_id    TEXT NOT NULL,
    paragraph  INTEGER NOT NULL DEFAULT 0 CHECK (paragraph >= 0),
    PRIMARY KEY (event_id, kind, item_id, paragraph)
) STRICT;

CREATE INDEX event_sources_by_item ON event_sources (item_id);

CREATE TABLE allegations (
    id             TEXT PRIMARY KEY NOT NULL,
    case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    made_by        TEXT NOT NULL DEFAULT '',
    document       TEXT NOT NULL DEFAULT '',
    document_date  TEXT,
    criterion      TEXT NOT NULL CHECK (length(trim(criterion)) > 0),
    points         INTEGER CHECK (points IS NULL OR points BETWEEN 0 AND 1000),
    claim          TEXT NOT NULL DEFAULT '',
    response       TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
    position       INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE INDEX allegations_by_case ON allegations (case_id, position);

CREATE TABLE allegation_answers (
    allegation_id  TEXT NOT NULL REFERENCES allegations (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('statement', 'photo', 'tattoo')),
    item_id        TEXT NOT NULL,
    paragraph      INTEGER NOT NULL DEFAULT 0 CHECK (paragraph >= 0),
    PRIMARY KEY (allegation_id, kind, item_id, paragraph)
) STRICT;

CREATE INDEX allegation_answers_by_item ON allegation_answers (item_id);

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

-- Due dates a court set that the app cannot compute (a detained case's
-- filing deadline, a brief, a biometrics appointment).
CREATE TABLE due_dates (
    id          TEXT PRIMARY KEY NOT NULL,
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX due_dates_by_case ON due_dates (case_id, date);

-- The IANA time zone the court counts days in ("America/Chicago"); empty
-- means this computer's own.
ALTER TABLE cases ADD COLUMN court_time_zone TEXT NOT NULL DEFAULT '';
