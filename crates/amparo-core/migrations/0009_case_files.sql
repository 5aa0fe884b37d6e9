-- Case files between Amparos: this device's own keys (kept only here, in the
-- encrypted database), the people whose Amparo code was added, and the
-- sequence numbers that let a case file's receiver refuse an older one.

CREATE TABLE device_identity (
    only_row          INTEGER PRIMARY KEY NOT NULL CHECK (only_row = 1),
    name              TEXT NOT NULL,
    signing_secret    TEXT NOT NULL,
    encryption_secret TEXT NOT NULL,
    created_at        TEXT NOT NULL
) STRICT;

CREATE TABLE contacts (
    id             TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL,
    signing_key    TEXT NOT NULL UNIQUE,
    encryption_key TEXT NOT NULL,
    added_at       TEXT NOT NULL
) STRICT;

-- The last sequence number this device gave a case file of the case.
CREATE TABLE case_files_sent (
    case_id  TEXT PRIMARY KEY NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    sequence INTEGER NOT NULL CHECK (sequence > 0)
) STRICT;

-- The newest case file opened from each sender for each case.
CREATE TABLE case_files_opened (
    signing_key TEXT NOT NULL,
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    sequence    INTEGER NOT NULL,
    opened_at   TEXT NOT NULL,
    PRIMARY KEY (signing_key, case_id)
) STRICT;
