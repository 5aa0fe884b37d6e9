-- The evidence packet of each case: which exhibits, in what order, with
-- its cover, service and redaction settings, kept as one JSON document so
-- that a half-built packet is never lost.

CREATE TABLE packets (
    case_id     TEXT PRIMARY KEY NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    body        TEXT NOT NULL CHECK (json_valid(body)),
    updated_at  TEXT NOT NULL
) STRICT;
