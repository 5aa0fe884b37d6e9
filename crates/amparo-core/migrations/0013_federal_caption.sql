-- A federal caption that is whole (LEGAL-FORMATS.md section 4): the
-- district's division, a next friend who petitions for the person, the
-- filing the declaration supports, and whether the person proceeds under
-- initials. Statements written before keep an empty division, no next
-- friend, nothing supported and full names, as they printed.

ALTER TABLE statements ADD COLUMN caption_division TEXT NOT NULL DEFAULT '';
ALTER TABLE statements ADD COLUMN caption_next_friend TEXT NOT NULL DEFAULT '';
ALTER TABLE statements ADD COLUMN caption_supports TEXT NOT NULL DEFAULT '';
ALTER TABLE statements ADD COLUMN caption_initials INTEGER NOT NULL DEFAULT 0 CHECK (caption_initials IN (0, 1));
