//! How long the undo history grows. The rule: a new edit's transaction keeps the newest
//! [`HISTORY_LIMIT`] entries and removes older ones, at most [`COMPACT_BATCH`] per edit, so a file
//! that arrives with a longer history (from a version without the bound) shrinks over its next edits
//! without any one edit stalling. Undoing more than [`HISTORY_LIMIT`] steps back is therefore not
//! possible; undone entries are always the newest, so redo is never cut short.
//!
//! Named versions outlive the bound without holding entries back: each keeps a snapshot of the
//! workspace in the `versions` table.

use rusqlite::Transaction;

/// How many history entries a workspace keeps: a long workshop series' worth. An entry of a typical
/// edit takes a few hundred bytes (its edit, inverse and description as JSON and text), so the full
/// history of an ordinary file stays in the tens of megabytes.
pub const HISTORY_LIMIT: i64 = 100_000;

/// The most entries one edit removes.
const COMPACT_BATCH: i64 = 500;

/// Removes up to `?2` entries older than the newest `?1`, oldest first. Sequence numbers grow by one
/// per entry (SQLite's rowid is the largest plus one, and only the newest, undone entries are ever
/// dropped besides these), so "older than the newest `?1`" is a range of `seq`, found by the primary
/// key without counting rows.
const COMPACT: &str = "DELETE FROM history WHERE seq IN (
    SELECT seq FROM history
    WHERE seq <= (SELECT max(seq) FROM history) - ?1
    ORDER BY seq LIMIT ?2)";

/// Applies the bound after an entry was added.
pub fn compact(tx: &Transaction) -> rusqlite::Result<()> {
    tx.prepare_cached(COMPACT)?
        .execute([HISTORY_LIMIT, COMPACT_BATCH])?;
    Ok(())
}
