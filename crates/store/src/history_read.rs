//! Reading the undo history for people rather than for undo: pages of entries newest first, and the
//! edits that take the workspace back (or forward) to any entry. Every query walks the primary key
//! (`seq`, SQLite's rowid) from one end, so the first page costs the same at 100 or 100,000 entries.

use rusqlite::{params, Connection, OptionalExtension};
use throughline_core::edit::Edit;

use crate::{Result, Store, StoreError};

/// One history entry as the History panel lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryRow {
    /// Its place in the history (grows by one per edit).
    pub seq: i64,
    /// When it was made (unix ms); `None` for entries written before the file recorded it.
    pub at: Option<i64>,
    /// The opening of the file it was made in; `None` for entries written before sessions.
    pub session: Option<i64>,
    /// What it did, worded when it was made; `None` for entries written before descriptions.
    pub description: Option<String>,
    /// Whether it is undone (it can be redone).
    pub undone: bool,
}

/// The session a new opening of the file gets: now, or one past the newest in the history if the
/// clock says otherwise (a quick reopen, or a clock set back). Sessions only grow, so the newest
/// entry that has one holds the largest, found by walking the primary key back from the end.
pub(crate) fn next_session(conn: &Connection) -> rusqlite::Result<i64> {
    let newest: Option<i64> = conn
        .query_row(
            "SELECT session FROM history WHERE session IS NOT NULL ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(newest.map_or(crate::now_ms(), |n| crate::now_ms().max(n + 1)))
}

impl Store {
    /// This opening's session, as stamped on the entries it writes.
    pub fn session(&self) -> i64 {
        self.session
    }

    /// Up to `limit` entries older than `before` (all when `None`), newest first.
    pub fn history_page(&self, before: Option<i64>, limit: u32) -> Result<Vec<HistoryRow>> {
        let err = |e| StoreError::io(&self.shown_path(), e);
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT seq, at, session, description, undone FROM history
                 WHERE seq < ?1 ORDER BY seq DESC LIMIT ?2",
            )
            .map_err(err)?;
        let rows = st
            .query_map(params![before.unwrap_or(i64::MAX), limit], |r| {
                Ok(HistoryRow {
                    seq: r.get(0)?,
                    at: r.get(1)?,
                    session: r.get(2)?,
                    description: r.get(3)?,
                    undone: r.get(4)?,
                })
            })
            .map_err(err)?;
        rows.collect::<rusqlite::Result<_>>().map_err(err)
    }

    /// The entry `seq` as it was made, and whether it is undone; `None` when the history does not hold
    /// it (never made, or dropped by the bound).
    pub fn history_edit(&self, seq: i64) -> Result<Option<(Edit, bool)>> {
        let row: Option<(String, bool)> = self
            .conn
            .query_row(
                "SELECT edit, undone FROM history WHERE seq = ?1",
                [seq],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| StoreError::io(&self.shown_path(), e))?;
        row.map(|(json, undone)| Ok((self.decode(seq, &json)?, undone)))
            .transpose()
    }

    /// The edits that undo every entry newer than `seq` that is not undone, newest first: applied in
    /// that order to the current workspace they give the workspace as it was just after `seq`.
    pub fn inverses_after(&self, seq: i64) -> Result<Vec<Edit>> {
        self.edits(
            "SELECT seq, inverse FROM history WHERE undone = 0 AND seq > ?1 ORDER BY seq DESC",
            seq,
        )
    }

    /// The undone entries up to and including `seq`, oldest first: redone in that order on the current
    /// workspace they give the workspace as it would be just after `seq`.
    pub fn redos_through(&self, seq: i64) -> Result<Vec<Edit>> {
        self.edits(
            "SELECT seq, edit FROM history WHERE undone = 1 AND seq <= ?1 ORDER BY seq ASC",
            seq,
        )
    }

    /// What entry `seq` did, as worded when it was made (`None` for older entries, or no such entry).
    pub fn history_description(&self, seq: i64) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT description FROM history WHERE seq = ?1",
                [seq],
                |r| r.get(0),
            )
            .optional()
            .map(Option::flatten)
            .map_err(|e| StoreError::io(&self.shown_path(), e))
    }

    /// The newest entry not undone: what the workspace is "at" now (`None` with no such entry).
    pub fn newest_applied(&self) -> Result<Option<i64>> {
        self.conn
            .query_row(
                "SELECT seq FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| StoreError::io(&self.shown_path(), e))
    }

    fn edits(&self, sql: &str, seq: i64) -> Result<Vec<Edit>> {
        let err = |e| StoreError::io(&self.shown_path(), e);
        let mut st = self.conn.prepare(sql).map_err(err)?;
        let rows: Vec<(i64, String)> = st
            .query_map([seq], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(err)?
            .collect::<rusqlite::Result<_>>()
            .map_err(err)?;
        rows.iter()
            .map(|(seq, json)| self.decode(*seq, json))
            .collect()
    }

    fn decode(&self, seq: i64, json: &str) -> Result<Edit> {
        serde_json::from_str(json).map_err(|e| StoreError::Invalid {
            path: self.shown_path(),
            message: format!("undo history entry {seq}: {e}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::History;
    use throughline_core::edit::{apply, Template};
    use throughline_core::{Id, Workspace};

    fn record(store: &mut Store, ws: &mut Workspace, edit: &Edit, description: &str) {
        let (touched, inverse) = apply(ws, edit).unwrap();
        store
            .save(
                ws,
                &touched,
                History::Record {
                    edit,
                    inverse: &inverse,
                    description,
                },
            )
            .unwrap();
    }

    #[test]
    fn pages_run_newest_first_and_the_inverses_lead_back() {
        let mut store = Store::open_in_memory().unwrap();
        let mut ws = Workspace::default();
        let ids: Vec<Id> = (0..5).map(|_| Id::new()).collect();
        for (i, id) in ids.iter().enumerate() {
            let edit = Edit::CreateJourney {
                journey: *id,
                name: format!("Clinic visit {i}"),
                template: Template::Blank,
            };
            record(&mut store, &mut ws, &edit, &format!("added visit {i}"));
        }
        let first = store.history_page(None, 2).unwrap();
        let seqs: Vec<i64> = first.iter().map(|r| r.seq).collect();
        assert_eq!(seqs, [5, 4]);
        assert_eq!(first[0].description.as_deref(), Some("added visit 4"));
        let next = store.history_page(Some(4), 10).unwrap();
        assert_eq!(next.iter().map(|r| r.seq).collect::<Vec<_>>(), [3, 2, 1]);

        let back = store.inverses_after(2).unwrap();
        assert_eq!(back.len(), 3);
        let mut then = ws.clone();
        for inverse in &back {
            apply(&mut then, inverse).unwrap();
        }
        let names: Vec<&str> = then.journeys.iter().map(|j| j.name.as_str()).collect();
        assert_eq!(names, ["Clinic visit 0", "Clinic visit 1"]);
        assert_eq!(store.newest_applied().unwrap(), Some(5));
        assert!(store.history_edit(99).unwrap().is_none());
    }

    #[test]
    fn each_opening_gets_a_later_session() {
        let mut store = Store::open_in_memory().unwrap();
        let mut ws = Workspace::default();
        let edit = Edit::CreateJourney {
            journey: Id::new(),
            name: "Pharmacy".into(),
            template: Template::Blank,
        };
        record(&mut store, &mut ws, &edit, "added");
        let next = next_session(&store.conn).unwrap();
        assert!(next > store.session());
    }
}
