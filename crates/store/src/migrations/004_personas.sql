-- Shared personas, the ordered personas of each journey, and each customer card's scores for the
-- journey's personas after the first (whose score stays in steps.emotion, so the single emotion of
-- files written before becomes the first persona's). Both lists are JSON, as metrics are: they are
-- read and written with their journey or card, and the model checks their references on load.
CREATE TABLE personas (
    id          BLOB PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    goals       TEXT NOT NULL DEFAULT '',
    needs       TEXT NOT NULL DEFAULT '',
    pains       TEXT NOT NULL DEFAULT '',
    quote       TEXT NOT NULL DEFAULT '',
    -- The picture as {"format": "png"|"jpeg", "data": base64}, checked by the model before it is written.
    picture     TEXT CHECK (picture IS NULL OR json_valid(picture))
) STRICT;

ALTER TABLE journeys ADD COLUMN personas TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(personas));
ALTER TABLE steps ADD COLUMN scores TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scores));
