-- What lets a case file's changes be taken without losing anyone's work.
--
-- For each person a case went to or came from (by their signing key), the
-- version of each thing in the case (a statement with its paragraphs, a
-- photo's description, an event ...) that they are known to have: what was
-- last sent to them or opened from them. Something changed only on their
-- side is then taken; changed only here, kept; changed on both sides, kept
-- here with theirs beside it until someone chooses.

CREATE TABLE exchanged_versions (
    peer    TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    unit    TEXT NOT NULL,
    sha256  TEXT NOT NULL,
    PRIMARY KEY (peer, case_id, unit)
) STRICT, WITHOUT ROWID;

-- A version from a case file of something also changed here: both are
-- kept until one is chosen. `rows` holds the file's rows of the thing.
CREATE TABLE arrived_changes (
    id         TEXT PRIMARY KEY NOT NULL,
    case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    unit       TEXT NOT NULL,
    sender     TEXT NOT NULL,
    sequence   INTEGER NOT NULL,
    arrived_at TEXT NOT NULL,
    rows       TEXT NOT NULL CHECK (json_valid(rows)),
    UNIQUE (case_id, unit)
) STRICT;
