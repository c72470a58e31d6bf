//! Throughline workspaces on disk: one SQLite file per workspace, opened only after its header says it
//! is ours, migrated forward by an append-only list, written only in transactions.

mod backup;
mod check;
mod codec;
mod error;
mod history;
mod history_read;
mod load;
mod lock;
mod migrations;
mod verify;
mod versions;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use check::{wal_path, APPLICATION_ID, SCHEMA_VERSION};
pub use error::StoreError;
pub use history::HISTORY_LIMIT;
pub use history_read::HistoryRow;
pub use lock::sidecar_path as lock_sidecar_path;
pub use lock::EditLock;
pub use versions::VersionRow;
pub use write::History;

/// An open workspace file (or in-memory database, for tests).
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    read_only: bool,
    /// This opening of the file, stamped on every history entry it writes: the unix ms it was opened,
    /// raised past any session already in the history so each opening is told apart.
    session: i64,
    /// Held by a reader that told SQLite the file cannot change, for as long as it reads.
    _reading: Option<lock::ReadLock>,
    /// Held for as long as the store may write; declared after `conn` so the connection closes (and
    /// makes its last checkpoint) before the lock is released.
    _lock: Option<lock::EditLock>,
}

/// What this module's fallible functions return.
pub type Result<T> = std::result::Result<T, StoreError>;

impl Store {
    /// Creates a new, empty workspace file at `path`, locked for editing; refuses to touch a file
    /// that already exists.
    pub fn create(path: &Path) -> Result<Store> {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => StoreError::AlreadyExists(path.to_owned()),
                _ => StoreError::Unreadable {
                    path: path.to_owned(),
                    message: format!("cannot be created: {e}"),
                },
            })?;
        let lock = lock::EditLock::acquire(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::io(path, e))?;
        Self::prepare(conn, Some(path.to_owned()), Some(lock))
    }

    /// Opens an existing workspace file for editing. In order, before SQLite may write anything: the
    /// header must say the file is a workspace this build knows, the file and folder must be
    /// writable ([`StoreError::ReadOnly`] otherwise), the editing lock must be free
    /// ([`StoreError::InUse`] naming the holder otherwise), and a write-ahead log beside it must be
    /// SQLite's. Only then is the file checked by SQLite, migrated and checkpointed.
    pub fn open(path: &Path) -> Result<Store> {
        check::check_header(path)?;
        if check::marked_read_only(path) {
            return Err(StoreError::ReadOnly(path.to_owned()));
        }
        let lock = lock::EditLock::acquire(path)?;
        check::check_wal(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::io(path, e))?;
        // SQLite quietly opens read-only a file the system will not let it write, and cannot start
        // its log in a folder the system will not let it write.
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true) {
            return Err(StoreError::ReadOnly(path.to_owned()));
        }
        if let Err(e) = first_read(&conn) {
            return Err(match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::CannotOpen) => StoreError::ReadOnly(path.to_owned()),
                _ => StoreError::io(path, e),
            });
        }
        check::check_integrity(&conn, path)?;
        Self::prepare(conn, Some(path.to_owned()), Some(lock))
    }

    /// Opens an existing workspace only to read it: nothing is migrated, checkpointed or written, so
    /// the file's bytes stay as they are, and it works on a read-only file or folder and beside a
    /// window editing the same file. A workspace of an older schema is copied into memory and
    /// upgraded there; the file keeps its schema until it is opened for editing.
    ///
    /// When no editor has the file and no write-ahead log is beside it, the reader holds a shared
    /// lock (editors wait for it) and tells SQLite the file cannot change, so SQLite creates no
    /// `-wal` or `-shm` files beside it either. Beside an editor it reads through the editor's log.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        check::check_header(path)?;
        check::check_wal(path)?;
        let err = |e| StoreError::io(path, e);
        let quiet = check::wal_is_empty(path);
        let mut reading = quiet.then(|| lock::ReadLock::try_acquire(path)).flatten();
        let mut conn = read_only_connection(path, reading.is_some()).map_err(err)?;
        if let Err(e) = first_read(&conn) {
            // The folder may not be written, so SQLite cannot share its index of the log with other
            // readers; with no log beside the file there is nothing to index and nobody can add one.
            let unshareable =
                e.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) && quiet;
            if !unshareable || reading.is_some() {
                return Err(err(e));
            }
            conn = read_only_connection(path, true).map_err(err)?;
            first_read(&conn).map_err(err)?;
        }
        check::check_integrity(&conn, path)?;
        let version: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        let conn = if version < SCHEMA_VERSION {
            let mut copy = Connection::open_in_memory().map_err(err)?;
            rusqlite::backup::Backup::new(&conn, &mut copy)
                .and_then(|b| b.run_to_completion(i32::MAX, std::time::Duration::ZERO, None))
                .map_err(err)?;
            migrations::migrate(&mut copy).map_err(|e| StoreError::Migration {
                path: path.to_owned(),
                message: e.to_string(),
            })?;
            // The copy no longer depends on the file.
            reading = None;
            copy
        } else {
            conn
        };
        Ok(Store {
            conn,
            path: Some(path.to_owned()),
            read_only: true,
            session: 0,
            _reading: reading,
            _lock: None,
        })
    }

    /// A fresh workspace in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        let conn =
            Connection::open_in_memory().map_err(|e| StoreError::io(Path::new(":memory:"), e))?;
        Self::prepare(conn, None, None)
    }

    fn prepare(
        mut conn: Connection,
        path: Option<PathBuf>,
        lock: Option<lock::EditLock>,
    ) -> Result<Store> {
        let shown = path.clone().unwrap_or_else(|| PathBuf::from(":memory:"));
        // WAL with synchronous=NORMAL loses no committed edit if the app is killed, and keeps commits
        // cheap. Checkpoints run when the store is opened, when it is idle
        // ([`Store::checkpoint_idle`]) and when it is closed, never in the middle of an edit.
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
        let session = history_read::next_session(&conn).map_err(|e| StoreError::io(&shown, e))?;
        let store = Store {
            conn,
            path,
            read_only: false,
            session,
            _reading: None,
            _lock: lock,
        };
        store.checkpoint();
        Ok(store)
    }

    /// Refuses every write from now on, as for a file opened read-only: for a workspace held in
    /// memory only to be looked at (an earlier version of another).
    pub fn seal(&mut self) {
        self.read_only = true;
    }

    /// The file this store writes to (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether this store was opened only to read: every write is refused.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Folds the write-ahead log into the main file. Failure is harmless (the log is replayed on the
    /// next open), so it is not reported.
    pub fn checkpoint(&self) {
        if !self.read_only {
            let _ = self.conn.execute_batch("PRAGMA wal_checkpoint(PASSIVE);");
        }
    }

    /// Folds the whole write-ahead log into the main file and empties the log, for when the editor
    /// has been idle a moment (edits never checkpoint, to stay fast). A passive pass first copies
    /// what it can without waiting; the log is truncated only when that pass copied everything, which
    /// waits at most for a reader's current read. Returns whether the log is now empty.
    pub fn checkpoint_idle(&self) -> Result<bool> {
        if self.read_only {
            return Ok(false);
        }
        let err = |e| StoreError::io(&self.shown_path(), e);
        let pass = |mode: &str| {
            self.conn
                .query_row(&format!("PRAGMA wal_checkpoint({mode})"), [], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                })
        };
        let (busy, log, copied) = pass("PASSIVE").map_err(err)?;
        if busy != 0 || log != copied {
            return Ok(false);
        }
        let (busy, log, _) = pass("TRUNCATE").map_err(err)?;
        Ok(busy == 0 && log <= 0)
    }

    fn shown_path(&self) -> PathBuf {
        self.path
            .clone()
            .unwrap_or_else(|| PathBuf::from(":memory:"))
    }
}

/// Milliseconds since the Unix epoch, as history entries and versions record when they were made.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// Reads the schema, which makes SQLite open the file (and its log) for real.
fn first_read(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("PRAGMA schema_version", [], |_| Ok(()))
}

/// A connection that can only read `path`; when `immutable`, SQLite is told the file cannot change
/// while it is open, so it neither locks it nor creates `-wal` or `-shm` files beside it.
fn read_only_connection(path: &Path, immutable: bool) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if immutable {
        let uri = format!("file:{}?immutable=1", uri_path(path));
        Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
    } else {
        Connection::open_with_flags(path, flags)
    }
}

/// `path` escaped for an SQLite `file:` URI.
fn uri_path(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut out = String::new();
    for b in absolute.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Drop for Store {
    fn drop(&mut self) {
        self.checkpoint();
    }
}
