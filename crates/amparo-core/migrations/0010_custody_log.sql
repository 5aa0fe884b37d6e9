-- The custody log: what each device did to a case's evidence (filed a
-- photo, changed or signed a statement, sent or opened the case), one hash
-- chain per device per case, each entry signed by its device. It travels
-- with the case; an entry never changes.

CREATE TABLE custody_log (
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    device_key  TEXT NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq > 0),
    device_name TEXT NOT NULL,
    at          TEXT NOT NULL,
    action      TEXT NOT NULL,
    item        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    prev        TEXT NOT NULL,
    hash        TEXT NOT NULL,
    signature   TEXT NOT NULL,
    PRIMARY KEY (case_id, device_key, seq)
) STRICT;

CREATE TRIGGER custody_log_never_changes BEFORE UPDATE ON custody_log
BEGIN
    SELECT RAISE(ABORT, 'a custody entry never changes');
END;
