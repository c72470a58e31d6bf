//! Throughline workspaces on disk: one SQLite file per workspace, opened only after its header says it
//! is ours, migrated forward by an append-only list, written only in transactions.

mod backup;
mod check;
mod codec;
mod error;
mod load;
mod migrations;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use check::{APPLICATION_ID, SCHEMA_VERSION};
pub use error::StoreError;
pub use write::History;

/// An open workspace file (or in-memory database, for tests).
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

/// What this module's fallible functions return.
pub type Result<T> = std::result::Result<T, StoreError>;

impl Store {
    /// Creates a new, empty workspace file at `path`; refuses to touch a file that already exists.
    pub fn create(path: &Path) -> Result<Store> {
        if path.exists() {
            return Err(StoreError::AlreadyExists(path.to_owned()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::io(path, e))?;
        Self::prepare(conn, Some(path.to_owned()))
    }

    /// Opens an existing workspace file. The file is checked before SQLite writes anything, so a file
    /// that is not a Throughline workspace (or is newer than this build) is refused and left untouched.
    pub fn open(path: &Path) -> Result<Store> {
        check::check_header(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::io(path, e))?;
        check::check_integrity(&conn, path)?;
        Self::prepare(conn, Some(path.to_owned()))
    }

    /// A fresh workspace in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        let conn =
            Connection::open_in_memory().map_err(|e| StoreError::io(Path::new(":memory:"), e))?;
        Self::prepare(conn, None)
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        let shown = path.clone().unwrap_or_else(|| PathBuf::from(":memory:"));
        // WAL with synchronous=NORMAL loses no committed edit if the app is killed, and keeps commits
        // cheap. Checkpoints run when the store is opened and closed, not after edits.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA wal_autocheckpoint = 0;",
        )
        .map_err(|e| StoreError::io(&shown, e))?;
        migrations::migrate(&mut conn).map_err(|e| StoreError::Migration {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        let store = Store { conn, path };
        store.checkpoint();
        Ok(store)
    }

    /// The file this store writes to (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Folds the write-ahead log into the main file. Failure is harmless (the log is replayed on the
    /// next open), so it is not reported.
    pub fn checkpoint(&self) {
        let _ = self.conn.execute_batch("PRAGMA wal_checkpoint(PASSIVE);");
    }

    fn shown_path(&self) -> PathBuf {
        self.path
            .clone()
            .unwrap_or_else(|| PathBuf::from(":memory:"))
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        self.checkpoint();
    }
}
