-- Guided interviews saved to finish later: the answers so far and the
-- question reached. One that adds to a case goes with it; one for a new
-- case has none until it is finished (then its row is removed).

CREATE TABLE interviews (
    id          TEXT PRIMARY KEY NOT NULL,
    case_id     TEXT REFERENCES cases (id) ON DELETE CASCADE,
    step        TEXT NOT NULL DEFAULT '',
    answers     TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
