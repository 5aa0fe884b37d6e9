-- The day the family last checked the case with the immigration court's
-- automated line, so "What's next" can nudge them a week later. Empty:
-- never checked (cases saved before).

ALTER TABLE cases ADD COLUMN checked_with_court_on TEXT NOT NULL DEFAULT '';
