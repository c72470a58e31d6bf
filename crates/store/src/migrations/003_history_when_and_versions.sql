-- Each undo-log entry says when it was made (unix ms), in which opening of the file (a session: the
-- unix ms the file was opened for editing, made unique per file) and what it did, worded when it was
-- made. Entries written before this migration have none of the three; readers word them afresh.
ALTER TABLE history ADD COLUMN at INTEGER;
ALTER TABLE history ADD COLUMN session INTEGER;
ALTER TABLE history ADD COLUMN description TEXT;

-- Named versions: a point in the history a person named, with the whole workspace as it was then, so
-- the version outlives the history's bound and travels with Save a Copy. `seq` is the history entry
-- it was saved after (NULL when the history was empty); that entry may later be compacted away.
CREATE TABLE versions (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    at       INTEGER NOT NULL,
    seq      INTEGER,
    snapshot BLOB NOT NULL
) STRICT;
