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
    if header.len() < 100 {
        let start = header.len().min(MAGIC.len());
        return Err(if header[..start] == MAGIC[..start] {
            StoreError::Truncated(path.to_owned())
        } else {
            StoreError::NotSqlite(path.to_owned())
        });
    }
    if &header[..16] != MAGIC {
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

/// Refuses a write-ahead log beside `path` whose header SQLite did not write (random bytes, or a log
/// of a database with another page size). SQLite itself would silently discard such a log and then
/// delete it; refusing keeps it for whoever can tell what it is. An empty or absent log is fine, and
/// so are damaged frames after a valid header: those are an unfinished write SQLite rolls back.
pub fn check_wal(path: &Path) -> Result<(), StoreError> {
    let wal = wal_path(path);
    let mut header = Vec::with_capacity(32);
    match File::open(&wal) {
        Ok(f) => f.take(32).read_to_end(&mut header).map(|_| ()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => Err(e),
    }
    .map_err(|e| StoreError::Unreadable {
        path: wal.clone(),
        message: e.to_string(),
    })?;
    if header.is_empty() || wal_header_is_valid(&header, database_page_size(path)) {
        Ok(())
    } else {
        Err(StoreError::DamagedWal {
            path: path.to_owned(),
            wal,
        })
    }
}

/// Whether there is no write-ahead log beside `path`, or only an empty one: the main file then holds
/// everything committed.
pub fn wal_is_empty(path: &Path) -> bool {
    std::fs::metadata(wal_path(path)).map_or(true, |m| m.len() == 0)
}

/// The write-ahead log SQLite keeps beside a workspace.
pub fn wal_path(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}

fn database_page_size(path: &Path) -> Option<u32> {
    let mut header = [0u8; 18];
    File::open(path).ok()?.read_exact(&mut header).ok()?;
    Some(match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u32::from(n),
    })
}

/// Checks a WAL header as SQLite's file format describes it: magic, format version, page size, and
/// the checksum of its first 24 bytes (in the byte order the magic's low bit chooses).
fn wal_header_is_valid(header: &[u8], page_size: Option<u32>) -> bool {
    if header.len() < 32 {
        return false;
    }
    let magic = be32(header, 0);
    if magic & !1 != 0x377f_0682 || be32(header, 4) != 3_007_000 {
        return false;
    }
    if page_size.is_some_and(|p| p != be32(header, 8)) {
        return false;
    }
    let big_endian = magic & 1 == 1;
    let word = |at: usize| {
        let b = [header[at], header[at + 1], header[at + 2], header[at + 3]];
        if big_endian {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        }
    };
    let (mut s0, mut s1) = (0u32, 0u32);
    for at in (0..24).step_by(8) {
        s0 = s0.wrapping_add(word(at)).wrapping_add(s1);
        s1 = s1.wrapping_add(word(at + 4)).wrapping_add(s0);
    }
    (s0, s1) == (be32(header, 24), be32(header, 28))
}

/// Whether the file or its folder forbids writing, by their permission bits. The bits are honoured
/// even for a user the system would let write anyway (root), so a workspace someone marked read-only
/// is never changed; a refusal by the system itself (another owner, a read-only disk) is caught when
/// the file is opened.
pub fn marked_read_only(path: &Path) -> bool {
    let read_only = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.permissions().readonly());
    let folder = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    read_only(path) || read_only(folder)
}

/// Asks SQLite to check the file's structure before it is used, so damage is reported when the file
/// is opened rather than as a failed edit later. A record that breaks a `CHECK` rule is not damage
/// to the file: loading reports it naming the record, which SQLite's report does not.
pub fn check_integrity(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let corrupt = |message: String| StoreError::Corrupt {
        path: path.to_owned(),
        message,
    };
    let problems: Vec<String> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut st| {
            st.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(|e| corrupt(e.to_string()))?;
    let damage: Vec<String> = problems
        .into_iter()
        .filter(|p| p != "ok" && !p.starts_with("CHECK constraint failed"))
        .collect();
    if damage.is_empty() {
        Ok(())
    } else {
        Err(corrupt(damage.join("; ")))
    }
}
