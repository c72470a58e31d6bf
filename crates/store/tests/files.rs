//! Opening real files: a workspace survives a round trip, and every kind of bad file is refused with a
//! message naming it while its bytes stay exactly as they were.

use std::path::{Path, PathBuf};

use throughline_core::sample::sample_workspace;
use throughline_store::{Store, StoreError};

fn workspace_file(dir: &Path) -> PathBuf {
    let path = dir.join("w.throughline");
    let mut store = Store::create(&path).unwrap();
    store
        .insert_workspace(&sample_workspace().unwrap())
        .unwrap();
    drop(store);
    path
}

/// Opens `path`, expects a refusal whose message names the file, and checks the bytes did not change.
fn refused(path: &Path) -> StoreError {
    let before = std::fs::read(path).ok();
    let err = Store::open(path).err().expect("the file is refused");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err} names the file"
    );
    assert_eq!(
        std::fs::read(path).ok(),
        before,
        "{} is unchanged",
        path.display()
    );
    err
}

#[test]
fn a_seeded_workspace_loads_back_as_it_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let loaded = Store::open(&path).unwrap().load().unwrap();
    let mut want = sample_workspace().unwrap();
    want.entities
        .sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    want.links.sort_by_key(|l| l.id);
    for j in &mut want.journeys {
        j.sort();
    }
    assert_eq!(loaded, want);
}

#[test]
fn reopening_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let first = Store::open(&path).unwrap().load().unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let second = Store::open(&path).unwrap().load().unwrap();
    assert_eq!(first, second);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn random_bytes_are_not_a_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("random.throughline");
    let bytes: Vec<u8> = (0..5000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, bytes).unwrap();
    assert!(matches!(refused(&path), StoreError::NotSqlite(_)));
}

#[test]
fn an_empty_file_is_not_a_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.throughline");
    std::fs::write(&path, b"").unwrap();
    assert!(matches!(refused(&path), StoreError::Empty(_)));
}

#[test]
fn a_truncated_workspace_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() >= 3 * 4096, "the sample spans several pages");
    std::fs::write(&path, &bytes[..bytes.len() / 2 + 100]).unwrap();
    assert!(matches!(refused(&path), StoreError::Truncated(_)));
    std::fs::write(&path, &bytes[..4096]).unwrap();
    assert!(matches!(refused(&path), StoreError::Truncated(_)));
}

#[test]
fn another_programs_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello');")
        .unwrap();
    drop(conn);
    let err = refused(&path);
    assert!(
        matches!(
            err,
            StoreError::Foreign {
                application_id: 0,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn a_workspace_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    drop(conn);
    let err = refused(&path);
    assert!(matches!(err, StoreError::Newer { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("newer version"));
}

#[test]
fn missing_paths_and_directories_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.throughline");
    assert!(matches!(refused(&missing), StoreError::Missing(_)));
    assert!(!missing.exists(), "opening does not create the file");
    assert!(matches!(refused(dir.path()), StoreError::NotAFile(_)));
}

#[test]
fn create_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_file(dir.path());
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(
        Store::create(&path),
        Err(StoreError::AlreadyExists(_))
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
