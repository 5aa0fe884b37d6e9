-- Two more facts read from a photo's file.
--
-- The EXIF DateTime tag is when software last wrote the file (an editor, a
-- phone's gallery app), not when the photo was taken: it is kept apart, as
-- a local time like exif_taken_local, and shown only as "file modified".
-- Photos imported before this kept DateTime as exif_taken_local when they
-- had no DateTimeOriginal; nothing here can tell those apart.
--
-- A damaged file (cut short in transfer, say) that a decoder could still
-- partly show is kept as the original it is, marked damaged.

ALTER TABLE photos ADD COLUMN exif_modified_local TEXT;
ALTER TABLE photos ADD COLUMN damaged INTEGER NOT NULL DEFAULT 0 CHECK (damaged IN (0, 1));
