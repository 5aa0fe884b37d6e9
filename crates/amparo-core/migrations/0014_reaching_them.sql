-- What a family needs to reach a detained person and their lawyer: the
-- facility's phone, the detainee ID it gives, the deportation officer, the
-- bond, and the attorney's phone. Cases saved before keep them empty.

ALTER TABLE cases ADD COLUMN facility_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN detainee_id TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN officer TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN bond TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN attorney_phone TEXT NOT NULL DEFAULT '';
