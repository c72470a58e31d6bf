//! Checks that a file is a Throughline workspace this build can open, by reading its 100-byte SQLite
//! header directly, before SQLite is allowed to write anything to it.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rusqlite::Connection;

use crate::{migrations, StoreError};

/// `PRAGMA application_id` of every Throughline workspace: "THRL" in ASCII.
pub const APPLICATION_ID: u32 = u32::from_be_bytes(*b"THRL");

/// The schema version this build writes and the newest it reads.
pub const SCHEMA_VERSION: u32 = migrations::latest();

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

fn be32(h: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([h[at], h[at + 1], h[at + 2], h[at + 3]])
}

/// Refuses anything that is not a complete workspace of a schema this build knows.
pub fn check_header(path: &Path) -> Result<(), StoreError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::Missing(path.to_owned()),
        _ => StoreError::Unreadable {
            path: path.to_owned(),
            message: e.to_string(),
        },
    })?;
    if !meta.is_file() {
        return Err(StoreError::NotAFile(path.to_owned()));
    }
    let unreadable = |e: std::io::Error| StoreError::Unreadable {
        path: path.to_owned(),
        message: e.to_string(),
    };
    let mut header = Vec::with_capacity(100);
    File::open(path)
        .map_err(unreadable)?
        .take(100)
        .read_to_end(&mut header)
        .map_err(unreadable)?;
    if header.is_empty() {
        return Err(StoreError::Empty(path.to_owned()));
    }
    if header.len() < 100 || &header[..16] != MAGIC {
        return Err(StoreError::NotSqlite(path.to_owned()));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let page_count = u64::from(be32(&header, 28));
    // The page count is trustworthy only when the "version valid for" counter matches the change
    // counter; every SQLite since 3.7.0 keeps them in step.
    let count_valid = be32(&header, 92) == be32(&header, 24);
    if !page_size.is_power_of_two() || page_size < 512 || meta.len() % page_size != 0 {
        return Err(StoreError::Truncated(path.to_owned()));
    }
    if count_valid && page_count * page_size > meta.len() {
        return Err(StoreError::Truncated(path.to_owned()));
    }
    let application_id = be32(&header, 68);
    if application_id != APPLICATION_ID {
        return Err(StoreError::Foreign {
            path: path.to_owned(),
            application_id,
        });
    }
    let found = be32(&header, 60);
    if found > SCHEMA_VERSION {
        return Err(StoreError::Newer {
            path: path.to_owned(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Asks SQLite to check the file's structure before it is used, so damage is reported when the file
/// is opened rather than as a failed edit later.
pub fn check_integrity(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let result: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| StoreError::Corrupt {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
    if result != "ok" {
        return Err(StoreError::Corrupt {
            path: path.to_owned(),
            message: result,
        });
    }
    Ok(())
}
