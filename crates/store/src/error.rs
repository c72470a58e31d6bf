//! Errors of the store, each naming the file and saying what is wrong with it in words a user can act on.

use std::path::{Path, PathBuf};

use thiserror::Error;

/// Why a workspace file could not be opened, read or written.
#[derive(Debug, Error)]
pub enum StoreError {
    /// Nothing at that path.
    #[error("{0}: no such file")]
    Missing(PathBuf),
    /// The path is a directory or other non-file.
    #[error("{0}: is not a file")]
    NotAFile(PathBuf),
    /// Creating a workspace where a file already is.
    #[error("{0}: a file already exists there")]
    AlreadyExists(PathBuf),
    /// The file could not be read at all.
    #[error("{path}: cannot be read: {message}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What the system said.
        message: String,
    },
    /// A zero-byte file.
    #[error("{0}: the file is empty, not a Throughline workspace")]
    Empty(PathBuf),
    /// Not an SQLite database at all.
    #[error("{0}: not a Throughline workspace (the file is not an SQLite database)")]
    NotSqlite(PathBuf),
    /// Shorter than its own header says.
    #[error("{0}: the workspace file is truncated (it is shorter than its header says); restore it from a backup")]
    Truncated(PathBuf),
    /// An SQLite database of another program.
    #[error("{path}: not a Throughline workspace (an SQLite database of another program, application id {application_id:#x})")]
    Foreign {
        /// The file.
        path: PathBuf,
        /// The application id found in its header.
        application_id: u32,
    },
    /// Written by a newer Throughline.
    #[error("{path}: written by a newer version of Throughline (schema {found}; this version reads up to {supported}); update Throughline to open it")]
    Newer {
        /// The file.
        path: PathBuf,
        /// Schema version in the file.
        found: u32,
        /// Newest schema this build knows.
        supported: u32,
    },
    /// SQLite found damage inside the file.
    #[error("{path}: the workspace file is damaged: {message}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What SQLite reported.
        message: String,
    },
    /// Migrating to the current schema failed.
    #[error("{path}: could not upgrade the workspace: {message}")]
    Migration {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A stored record breaks the model's rules or cannot be decoded.
    #[error("{path}: the workspace holds an invalid record: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Another process has the workspace open for editing.
    #[error("{path}: the workspace is already open for editing by {}; switch to that window, or close it there first", .holder.as_deref().unwrap_or("another Throughline window or process"))]
    InUse {
        /// The file.
        path: PathBuf,
        /// Who holds it (process, program, user, host), when that could be found out.
        holder: Option<String>,
    },
    /// A command is reading the workspace; editing waits until it has finished.
    #[error("{path}: {reader} is reading the workspace; try again when it has finished")]
    BeingRead {
        /// The file.
        path: PathBuf,
        /// Who reads it.
        reader: String,
    },
    /// The file or its folder may not be written: the workspace can only be read.
    #[error("this workspace is read-only: {0}")]
    ReadOnly(PathBuf),
    /// The write-ahead log beside the file is not one SQLite wrote.
    #[error("{path}: the write-ahead log beside it ({}) is damaged or belongs to another file; move it away to open the workspace (edits only it holds are lost)", .wal.display())]
    DamagedWal {
        /// The file.
        path: PathBuf,
        /// The log.
        wal: PathBuf,
    },
    /// Any other SQLite failure (disk full, read-only file, locked by another program…).
    #[error("{path}: {message}")]
    Sqlite {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        message: String,
    },
}

impl StoreError {
    pub(crate) fn io(path: &Path, e: rusqlite::Error) -> Self {
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) {
            return StoreError::ReadOnly(path.to_owned());
        }
        StoreError::Sqlite {
            path: path.to_owned(),
            message: e.to_string(),
        }
    }
}
