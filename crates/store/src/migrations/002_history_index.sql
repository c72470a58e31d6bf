-- Undo and redo look for the newest entry not undone and the oldest undone one, and a new edit drops
-- the undone ones: with this index each is a short seek instead of a scan of the whole history.
CREATE INDEX history_undone ON history(undone, seq);
