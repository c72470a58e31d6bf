-- Marks the file as a Throughline workspace ("THRL"), so other programs' databases are told apart.
PRAGMA application_id = 1414025804;

CREATE TABLE journeys (
    id          BLOB PRIMARY KEY,
    name        TEXT NOT NULL,
    persona     TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    position    REAL NOT NULL
) STRICT;

CREATE TABLE stages (
    id       BLOB PRIMARY KEY,
    journey  BLOB NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    position REAL NOT NULL
) STRICT;
CREATE INDEX stages_journey ON stages(journey);

CREATE TABLE lanes (
    id       BLOB PRIMARY KEY,
    journey  BLOB NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('evidence', 'customer', 'frontstage', 'backstage', 'support')),
    position REAL NOT NULL
) STRICT;
CREATE INDEX lanes_journey ON lanes(journey);

CREATE TABLE entities (
    id          BLOB PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'team', 'system', 'process')),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    owner       BLOB REFERENCES entities(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
) STRICT;

CREATE TABLE steps (
    id              BLOB PRIMARY KEY,
    journey         BLOB NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    lane            BLOB NOT NULL REFERENCES lanes(id) ON DELETE CASCADE,
    stage           BLOB NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
    position        REAL NOT NULL,
    text            TEXT NOT NULL,
    channel         TEXT,
    moment_of_truth INTEGER NOT NULL DEFAULT 0 CHECK (moment_of_truth IN (0, 1)),
    emotion         INTEGER CHECK (emotion BETWEEN -2 AND 2),
    pain_point      TEXT,
    pain_severity   TEXT NOT NULL DEFAULT 'medium' CHECK (pain_severity IN ('low', 'medium', 'high')),
    fail_point      INTEGER NOT NULL DEFAULT 0 CHECK (fail_point IN (0, 1)),
    wait_point      INTEGER NOT NULL DEFAULT 0 CHECK (wait_point IN (0, 1)),
    notes           TEXT NOT NULL DEFAULT '',
    metrics         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(metrics)),
    owner           BLOB REFERENCES entities(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX steps_journey ON steps(journey);
CREATE INDEX steps_owner ON steps(owner);

-- Links join steps and entities in any combination the model allows, so their ends carry no foreign
-- key; the model checks them before every write.
CREATE TABLE links (
    id      BLOB PRIMARY KEY,
    kind    TEXT NOT NULL CHECK (kind IN ('flow', 'performed_by', 'uses', 'part_of', 'depends_on', 'member_of')),
    from_id BLOB NOT NULL,
    to_id   BLOB NOT NULL
) STRICT;
CREATE INDEX links_from ON links(from_id);
CREATE INDEX links_to ON links(to_id);

-- The undo log: every edit with its inverse, in order. Undone entries stay until a new edit replaces
-- them, so redo survives a restart too.
CREATE TABLE history (
    seq     INTEGER PRIMARY KEY,
    edit    TEXT NOT NULL CHECK (json_valid(edit)),
    inverse TEXT NOT NULL CHECK (json_valid(inverse)),
    undone  INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;
