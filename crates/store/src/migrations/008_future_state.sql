-- Current and future state: a future-state journey names the journey it was made from, and each of
-- its cards the card it was copied from and, when the room gave one, its kept/changed/removed/new
-- mark. No foreign keys: the current state may be deleted and the future state keeps working.
ALTER TABLE journeys ADD COLUMN future_of BLOB;
ALTER TABLE steps ADD COLUMN origin BLOB;
ALTER TABLE steps ADD COLUMN change TEXT CHECK (change IN ('kept', 'changed', 'removed', 'new'));
