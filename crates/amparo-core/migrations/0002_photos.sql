-- Photos filed in a case. The original is kept in the blob store under its
-- SHA-256; the row holds what was read from the file and what the family
-- says the photo shows. One row per (case, original): the same photo
-- imported again keeps its other file names instead of a second row.

CREATE TABLE photos (
    id               TEXT PRIMARY KEY NOT NULL,
    case_id          TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    sha256           TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    file_names       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(file_names)),
    format           TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp', 'tiff', 'heif')),
    width            INTEGER NOT NULL CHECK (width > 0),
    height           INTEGER NOT NULL CHECK (height > 0),
    byte_size        INTEGER NOT NULL CHECK (byte_size > 0),
    -- EXIF DateTimeOriginal is a local time: kept as written, with
    -- OffsetTimeOriginal when the camera recorded one.
    exif_taken_local TEXT,
    exif_taken_offset TEXT,
    exif_camera      TEXT NOT NULL DEFAULT '',
    exif_orientation INTEGER NOT NULL DEFAULT 1 CHECK (exif_orientation BETWEEN 1 AND 8),
    -- GPS in the original: sensitive, never printed unless chosen.
    gps_latitude     REAL,
    gps_longitude    REAL,
    caption          TEXT NOT NULL DEFAULT '',
    people           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(people)),
    taken            TEXT,
    taken_basis      TEXT NOT NULL DEFAULT 'unknown'
                     CHECK (taken_basis IN ('unknown', 'exif', 'event', 'recalled', 'other')),
    place            TEXT NOT NULL DEFAULT '',
    photographer     TEXT NOT NULL DEFAULT '',
    source_kind      TEXT NOT NULL DEFAULT 'unknown'
                     CHECK (source_kind IN ('unknown', 'ownPhone', 'whatsapp', 'socialMedia', 'scan', 'other')),
    source_url       TEXT NOT NULL DEFAULT '',
    source_posted    TEXT,
    attested_by      TEXT NOT NULL DEFAULT '',
    print_gps        INTEGER NOT NULL DEFAULT 0 CHECK (print_gps IN (0, 1)),
    imported_at      TEXT NOT NULL,
    position         INTEGER NOT NULL,
    UNIQUE (case_id, sha256)
) STRICT;

CREATE INDEX photos_by_case ON photos (case_id, position);
CREATE INDEX photos_by_hash ON photos (sha256);
