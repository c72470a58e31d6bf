//! Named versions: a name, when it was saved, the history entry it marks and the whole workspace as it
//! was then (a snapshot the api encodes). The snapshot makes a version independent of the history, so
//! the history's bound never takes it away and Save a Copy carries it with the rest of the file.

use rusqlite::{params, OptionalExtension};

use crate::{Result, Store, StoreError};

/// A named version as stored, without its snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionRow {
    /// Its id in this file.
    pub id: i64,
    /// Its name, unique in the file.
    pub name: String,
    /// When it was saved (unix ms).
    pub at: i64,
    /// The history entry it was saved after, if there was one.
    pub seq: Option<i64>,
}

impl Store {
    /// Stores a version with its snapshot in one transaction and returns its id. A name already taken
    /// is refused by the table's rule; callers check first to say so in words.
    pub fn insert_version(
        &mut self,
        name: &str,
        at: i64,
        seq: Option<i64>,
        snapshot: &[u8],
    ) -> Result<i64> {
        self.refuse_if_read_only()?;
        let path = self.shown_path();
        let err = |e| StoreError::io(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute(
            "INSERT INTO versions (name, at, seq, snapshot) VALUES (?1, ?2, ?3, ?4)",
            params![name, at, seq, snapshot],
        )
        .map_err(err)?;
        let id = tx.last_insert_rowid();
        tx.commit().map_err(err)?;
        Ok(id)
    }

    /// Every version, oldest first.
    pub fn versions(&self) -> Result<Vec<VersionRow>> {
        let err = |e| StoreError::io(&self.shown_path(), e);
        let mut st = self
            .conn
            .prepare("SELECT id, name, at, seq FROM versions ORDER BY at, id")
            .map_err(err)?;
        let rows = st
            .query_map([], |r| {
                Ok(VersionRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    at: r.get(2)?,
                    seq: r.get(3)?,
                })
            })
            .map_err(err)?;
        rows.collect::<rusqlite::Result<_>>().map_err(err)
    }

    /// The snapshot stored with version `id`, if there is such a version.
    pub fn version_snapshot(&self, id: i64) -> Result<Option<Vec<u8>>> {
        self.conn
            .query_row("SELECT snapshot FROM versions WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| StoreError::io(&self.shown_path(), e))
    }

    /// Renames version `id`; returns whether there was one.
    pub fn rename_version(&mut self, id: i64, name: &str) -> Result<bool> {
        self.refuse_if_read_only()?;
        let changed = self
            .conn
            .execute(
                "UPDATE versions SET name = ?2 WHERE id = ?1",
                params![id, name],
            )
            .map_err(|e| StoreError::io(&self.shown_path(), e))?;
        Ok(changed > 0)
    }

    /// Deletes version `id`; returns whether there was one.
    pub fn delete_version(&mut self, id: i64) -> Result<bool> {
        self.refuse_if_read_only()?;
        let changed = self
            .conn
            .execute("DELETE FROM versions WHERE id = ?1", [id])
            .map_err(|e| StoreError::io(&self.shown_path(), e))?;
        Ok(changed > 0)
    }
}
