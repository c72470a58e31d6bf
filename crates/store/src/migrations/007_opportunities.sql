-- The opportunities of each journey, as JSON on the journey's row, as its comments are: read and
-- written with their journey, and checked by the model on load (an owner must be a person or team).
ALTER TABLE journeys ADD COLUMN opportunities TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(opportunities));
