-- Tattoo records: where a tattoo is, what it shows, when, where and by whom
-- it was made, what it means in the person's own words (their language and
-- English), why they got it, its cultural context, others who have similar
-- ones, earlier explanations given to officials; linked to close-up and
-- context photos of the same case.

CREATE TABLE tattoos (
    id                   TEXT PRIMARY KEY NOT NULL,
    case_id              TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    body_location        TEXT NOT NULL CHECK (length(trim(body_location)) > 0),
    shows_text           TEXT NOT NULL DEFAULT '',
    shows_images         TEXT NOT NULL DEFAULT '',
    made_when            TEXT,
    made_where           TEXT NOT NULL DEFAULT '',
    made_by              TEXT NOT NULL DEFAULT '',
    meaning_language     TEXT NOT NULL DEFAULT '',
    meaning_original     TEXT NOT NULL DEFAULT '',
    meaning_english      TEXT NOT NULL DEFAULT '',
    why                  TEXT NOT NULL DEFAULT '',
    context              TEXT NOT NULL DEFAULT '',
    similar_others       TEXT NOT NULL DEFAULT '',
    earlier_explanations TEXT NOT NULL DEFAULT '',
    position             INTEGER NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
) STRICT;

CREATE INDEX tattoos_by_case ON tattoos (case_id, position);

CREATE TABLE tattoo_photos (
    tattoo_id  TEXT NOT NULL REFERENCES tattoos (id) ON DELETE CASCADE,
    photo_id   TEXT NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('closeUp', 'context')),
    position   INTEGER NOT NULL,
    PRIMARY KEY (tattoo_id, photo_id)
) STRICT;

CREATE INDEX tattoo_photos_by_photo ON tattoo_photos (photo_id);
