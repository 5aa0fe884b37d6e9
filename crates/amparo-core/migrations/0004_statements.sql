-- Declarants, their statements (paragraphs in the declarant's language with
-- an English translation, exhibit references), the letters exhibits are
-- given, and signed versions, which never change once written.

CREATE TABLE declarants (
    id             TEXT PRIMARY KEY NOT NULL,
    case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    full_name      TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
    is_the_person  INTEGER NOT NULL DEFAULT 0 CHECK (is_the_person IN (0, 1)),
    relationship   TEXT NOT NULL DEFAULT '',
    known_since    TEXT,
    age            INTEGER CHECK (age IS NULL OR age BETWEEN 0 AND 130),
    birth_date     TEXT,
    city           TEXT NOT NULL DEFAULT '',
    country        TEXT NOT NULL DEFAULT '',
    contact        TEXT NOT NULL DEFAULT '',
    languages      TEXT NOT NULL DEFAULT '[]',
    reads_english  TEXT NOT NULL DEFAULT 'unknown' CHECK (reads_english IN ('unknown', 'yes', 'no')),
    position       INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE INDEX declarants_by_case ON declarants (case_id, position);

CREATE TABLE statements (
    id                  TEXT PRIMARY KEY NOT NULL,
    case_id             TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    declarant_id        TEXT NOT NULL REFERENCES declarants (id) ON DELETE RESTRICT,
    title               TEXT NOT NULL,
    title_original      TEXT NOT NULL DEFAULT '',
    language            TEXT NOT NULL,
    mode                TEXT NOT NULL CHECK (mode IN ('signOriginal', 'signEnglish')),
    helper_name         TEXT NOT NULL DEFAULT '',
    helper_address      TEXT NOT NULL DEFAULT '',
    helper_phone        TEXT NOT NULL DEFAULT '',
    helper_is_relative  INTEGER NOT NULL DEFAULT 0,
    read_back           TEXT NOT NULL DEFAULT 'inPerson' CHECK (read_back IN ('inPerson', 'phone', 'video')),
    place               TEXT NOT NULL DEFAULT '',
    place_country       TEXT NOT NULL DEFAULT '',
    place_us_facility   INTEGER NOT NULL DEFAULT 0,
    prefill_place       INTEGER NOT NULL DEFAULT 0,
    caption_kind        TEXT NOT NULL DEFAULT 'immigrationCourt' CHECK (caption_kind IN ('none', 'immigrationCourt', 'federalCourt')),
    caption_court       TEXT NOT NULL DEFAULT '',
    caption_petitioners TEXT NOT NULL DEFAULT '',
    caption_respondents TEXT NOT NULL DEFAULT '',
    caption_case_number TEXT NOT NULL DEFAULT '',
    name_on_every_page  INTEGER NOT NULL DEFAULT 0,
    position            INTEGER NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;

CREATE INDEX statements_by_case ON statements (case_id, position);
CREATE INDEX statements_by_declarant ON statements (declarant_id);

CREATE TABLE paragraphs (
    id           TEXT PRIMARY KEY NOT NULL,
    statement_id TEXT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    original     TEXT NOT NULL DEFAULT '',
    english      TEXT NOT NULL DEFAULT '',
    UNIQUE (statement_id, position)
) STRICT;

-- No foreign key to photos or tattoos: a reference to a record that was
-- removed stays visible, and the check before printing names it.
CREATE TABLE paragraph_exhibits (
    paragraph_id TEXT NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('photo', 'tattoo')),
    item_id      TEXT NOT NULL,
    PRIMARY KEY (paragraph_id, kind, item_id)
) STRICT;

CREATE TABLE exhibit_letters (
    case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL CHECK (kind IN ('photo', 'tattoo')),
    item_id  TEXT NOT NULL,
    letter   TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, item_id),
    UNIQUE (case_id, letter)
) STRICT;

CREATE TABLE signed_versions (
    id                TEXT PRIMARY KEY NOT NULL,
    statement_id      TEXT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    number            INTEGER NOT NULL,
    signed_on         TEXT NOT NULL,
    place             TEXT NOT NULL,
    place_country     TEXT NOT NULL,
    place_us_facility INTEGER NOT NULL,
    draft_json        TEXT NOT NULL,
    pdf_sha256        TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
    created_at        TEXT NOT NULL,
    UNIQUE (statement_id, number)
) STRICT;

CREATE TABLE signed_scans (
    version_id TEXT NOT NULL REFERENCES signed_versions (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
    PRIMARY KEY (version_id, position)
) STRICT;

-- A signed version is what the declarant signed: it never changes. It goes
-- only with its statement, which goes only when the whole case is erased.
CREATE TRIGGER signed_versions_never_change BEFORE UPDATE ON signed_versions
BEGIN
    SELECT RAISE(ABORT, 'a signed version never changes');
END;

CREATE TRIGGER signed_scans_never_change BEFORE UPDATE ON signed_scans
BEGIN
    SELECT RAISE(ABORT, 'a signed version never changes');
END;
