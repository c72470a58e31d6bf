//! Copies of a live workspace. The app keeps its write-ahead log unfolded between edits, so copying
//! the file's bytes would miss the newest edits (or catch half of one); SQLite's online backup reads
//! the database as one consistent snapshot, log included, while the window goes on editing.

use std::path::Path;
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};

use crate::{Result, Store, StoreError};

/// Pages copied per step of the backup; between steps the workspace's own connection may write.
const PAGES_PER_STEP: std::os::raw::c_int = 256;

/// How long the backup waits between steps, so an edit made meanwhile is not held up.
const PAUSE: Duration = Duration::from_millis(1);

impl Store {
    /// Writes a consistent copy of this workspace, every committed edit included, to `dest`, which
    /// must not exist yet (the caller writes to a fresh temporary file and renames it into place).
    /// The copy is a plain rollback-journal database with no log beside it, so it can be moved,
    /// mailed or committed as the one file it is.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut copy =
            Connection::open_with_flags(dest, flags).map_err(|e| StoreError::io(dest, e))?;
        Backup::new(&self.conn, &mut copy)
            .and_then(|backup| backup.run_to_completion(PAGES_PER_STEP, PAUSE, None))
            .map_err(|e| StoreError::io(dest, e))?;
        copy.execute_batch("PRAGMA journal_mode = DELETE;")
            .map_err(|e| StoreError::io(dest, e))?;
        copy.close().map_err(|(_, e)| StoreError::io(dest, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_core::sample::sample_workspace;

    #[test]
    fn a_copy_of_a_live_workspace_holds_its_uncheckpointed_edits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("live.throughline");
        let mut store = Store::create(&path).unwrap();
        store
            .insert_workspace(&sample_workspace().unwrap())
            .unwrap();
        let before = store.load().unwrap();
        // A new edit lands in the log only: checkpoints are off on the edit connection.
        store
            .conn
            .execute(
                "UPDATE journeys SET name = 'Renamed while open'
                 WHERE position = (SELECT MIN(position) FROM journeys)",
                [],
            )
            .unwrap();
        let wal = dir.path().join("live.throughline-wal");
        assert!(
            std::fs::metadata(&wal).unwrap().len() > 0,
            "the edit is in the log"
        );

        let dest = dir.path().join("copy.throughline");
        store.backup_to(&dest).unwrap();
        assert!(!dir.path().join("copy.throughline-wal").exists());
        let copy = Store::open(&dest).unwrap();
        let loaded = copy.load().unwrap();
        assert_eq!(loaded.journeys[0].name, "Renamed while open");
        assert!(
            loaded == store.load().unwrap(),
            "the copy differs from the original"
        );
        let mut restored = loaded.clone();
        restored.journeys[0].name = before.journeys[0].name.clone();
        assert!(restored == before, "more than the edit changed");
        let ok: String = copy
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
    }

    #[test]
    fn a_copy_to_a_folder_that_does_not_exist_names_the_file() {
        let store = Store::open_in_memory().unwrap();
        let dest = Path::new("/nonexistent-folder-for-throughline/copy.throughline");
        let err = store.backup_to(dest).unwrap_err();
        assert!(err.to_string().contains("copy.throughline"), "{err}");
    }
}
