-- The evidence behind each card and whether the room marked it as an assumption. The insights are
-- JSON, as metrics are: they are read and written with their card, and the model checks them on load.
ALTER TABLE steps ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence));
ALTER TABLE steps ADD COLUMN assumption INTEGER NOT NULL DEFAULT 0 CHECK (assumption IN (0, 1));
