//! Errors as every client sees them: a code the UI can act on and a message a person can read.

use serde::Serialize;
use throughline_core::edit::EditError;
use throughline_store::StoreError;
use ts_rs::TS;

/// What kind of failure it was, for the clients that react differently to each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A file, journey or record that does not exist.
    NotFound,
    /// A file that is not a Throughline workspace, or is damaged.
    NotAWorkspace,
    /// A workspace written by a newer Throughline.
    NewerVersion,
    /// An edit or input the model refuses.
    Invalid,
    /// The disk or database failed (full, read-only, locked…).
    Storage,
    /// The workspace is open for editing in another window.
    InUse,
    /// The workspace was opened read-only (its file or folder may not be written).
    ReadOnly,
    /// The person stopped a long operation (an export) before it finished.
    Cancelled,
}

/// A failure, serialised to the UI as `{ code, message }`.
#[derive(Clone, Debug, PartialEq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    /// The kind of failure.
    pub code: ErrorCode,
    /// What went wrong, naming the file or record.
    pub message: String,
}

impl ApiError {
    /// An error of `code` with `message`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::Missing(_) => ErrorCode::NotFound,
            StoreError::Newer { .. } => ErrorCode::NewerVersion,
            StoreError::InUse { .. } | StoreError::BeingRead { .. } => ErrorCode::InUse,
            StoreError::ReadOnly(_) => ErrorCode::ReadOnly,
            StoreError::NotAFile(_)
            | StoreError::Empty(_)
            | StoreError::NotSqlite(_)
            | StoreError::Truncated(_)
            | StoreError::Foreign { .. }
            | StoreError::DamagedWal { .. }
            | StoreError::Corrupt { .. }
            | StoreError::Invalid { .. } => ErrorCode::NotAWorkspace,
            StoreError::AlreadyExists(_)
            | StoreError::Unreadable { .. }
            | StoreError::Migration { .. }
            | StoreError::Sqlite { .. } => ErrorCode::Storage,
        };
        ApiError::new(code, e.to_string())
    }
}

impl From<EditError> for ApiError {
    fn from(e: EditError) -> Self {
        let code = match e {
            EditError::Missing { .. } => ErrorCode::NotFound,
            EditError::Invalid(_) | EditError::Exists { .. } => ErrorCode::Invalid,
        };
        ApiError::new(code, e.to_string())
    }
}
