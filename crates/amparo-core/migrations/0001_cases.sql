-- Cases: the person, custody and attorney in one row; hearings and detention
-- transfers in their own tables. Remembered dates are stored in their text
-- form (`2017`, `2017-03`, `~2017-03-05`), hearing dates as `YYYY-MM-DD`.

CREATE TABLE cases (
    id                TEXT PRIMARY KEY NOT NULL,
    record_name       TEXT NOT NULL CHECK (length(trim(record_name)) > 0),
    used_name         TEXT NOT NULL DEFAULT '',
    pronouns          TEXT NOT NULL DEFAULT '',
    aliases           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
    birth_date        TEXT,
    country_of_birth  TEXT NOT NULL DEFAULT '',
    nationality       TEXT NOT NULL DEFAULT '',
    languages         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages)),
    needs_interpreter INTEGER NOT NULL DEFAULT 0 CHECK (needs_interpreter IN (0, 1)),
    a_number          TEXT CHECK (a_number IS NULL
                                  OR (length(a_number) = 9 AND a_number NOT GLOB '*[^0-9]*')),
    custody_status    TEXT NOT NULL DEFAULT 'unknown'
                      CHECK (custody_status IN ('unknown', 'free', 'detained', 'removed')),
    facility          TEXT NOT NULL DEFAULT '',
    detained_since    TEXT,
    removed_to        TEXT NOT NULL DEFAULT '',
    removed_on        TEXT,
    attorney_name     TEXT NOT NULL DEFAULT '',
    attorney_eoir_id  TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    is_example        INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),
    -- Names and aliases folded for accent- and case-insensitive search.
    search_key        TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
) STRICT;

CREATE INDEX cases_by_a_number ON cases (a_number);

CREATE TABLE detention_transfers (
    case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    facility  TEXT NOT NULL,
    date      TEXT,
    PRIMARY KEY (case_id, position)
) STRICT;

CREATE TABLE hearings (
    id       TEXT PRIMARY KEY NOT NULL,
    case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    date     TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    time     TEXT NOT NULL DEFAULT '',
    court    TEXT NOT NULL DEFAULT '',
    judge    TEXT NOT NULL DEFAULT '',
    kind     TEXT NOT NULL CHECK (kind IN ('master', 'individual', 'bond', 'other')),
    mode     TEXT NOT NULL CHECK (mode IN ('unknown', 'inPerson', 'video'))
) STRICT;

CREATE INDEX hearings_by_case ON hearings (case_id, date);

-- Preferences of this installation (language, first-start notice).
CREATE TABLE settings (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
) STRICT;
