-- The comments on each journey, its stages and its cards, as JSON on the journey's row, as its
-- personas are: they are read and written with their journey, and the model checks them on load.
ALTER TABLE journeys ADD COLUMN comments TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(comments));
