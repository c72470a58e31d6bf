//! Damaged and foreign files of every kind are refused with a message naming the file and what is
//! wrong, whether opened for editing or read-only, and neither the file nor its log changes.

mod common;

use common::{hotel_file, refused_both_ways};
use throughline_store::{wal_path, Store, StoreError};

#[test]
fn random_bytes_are_not_a_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("noise.throughline");
    let noise: Vec<u8> = (0..9000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    std::fs::write(&path, noise).unwrap();
    let err = refused_both_ways(&path);
    assert!(matches!(err, StoreError::NotSqlite(_)), "{err}");
}

#[test]
fn a_workspace_cut_short_anywhere_is_refused_as_truncated() {
    let dir = tempfile::tempdir().unwrap();
    let whole = std::fs::read(hotel_file(dir.path(), "whole.throughline")).unwrap();
    let page = 4096;
    assert!(whole.len() >= 4 * page, "the file spans several pages");
    for cut in [50, 100, 1000, page, whole.len() / 2, whole.len() - page] {
        let path = dir.path().join(format!("cut-{cut}.throughline"));
        std::fs::write(&path, &whole[..cut]).unwrap();
        let err = refused_both_ways(&path);
        assert!(
            matches!(err, StoreError::Truncated(_)),
            "cut at {cut}: {err}"
        );
        assert!(err.to_string().contains("truncated"), "{err}");
    }
    let empty = dir.path().join("cut-0.throughline");
    std::fs::write(&empty, b"").unwrap();
    assert!(matches!(refused_both_ways(&empty), StoreError::Empty(_)));
}

#[test]
fn another_programs_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recipes.sqlite");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');",
    )
    .unwrap();
    drop(conn);
    let err = refused_both_ways(&path);
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    assert!(err.to_string().contains("another program"), "{err}");
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path(), "future.throughline");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 1000;")
        .unwrap();
    let err = refused_both_ways(&path);
    assert!(
        matches!(err, StoreError::Newer { found: 1000, .. }),
        "{err}"
    );
}

#[test]
fn a_garbage_log_beside_the_file_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path(), "w.throughline");
    let garbage: Vec<u8> = (0..5000u32).map(|i| (i * 7 + 3) as u8).collect();
    std::fs::write(wal_path(&path), &garbage).unwrap();
    let err = refused_both_ways(&path);
    assert!(matches!(err, StoreError::DamagedWal { .. }), "{err}");
    assert!(err.to_string().contains("-wal"), "{err}");
    assert_eq!(
        std::fs::read(wal_path(&path)).unwrap(),
        garbage,
        "the log is kept"
    );
}

/// A real log left by a crash is not garbage: it is replayed, and the edit in it is there.
#[test]
fn a_log_left_by_a_crash_is_replayed() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path(), "w.throughline");
    let copy = dir.path().join("copy.throughline");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA wal_autocheckpoint = 0;
             UPDATE journeys SET name = 'Hotel stay, revised';",
        )
        .unwrap();
        std::fs::copy(&path, &copy).unwrap();
        std::fs::copy(wal_path(&path), wal_path(&copy)).unwrap();
    }
    assert!(std::fs::metadata(wal_path(&copy)).unwrap().len() > 0);
    let ws = Store::open_read_only(&copy).unwrap().load().unwrap();
    assert_eq!(ws.journeys[0].name, "Hotel stay, revised");
}

/// Writes `sql` into a closed workspace with the safety catches SQLite would otherwise apply off, as a
/// hand edit or another tool could.
fn damage(path: &std::path::Path, sql: &str) {
    rusqlite::Connection::open(path)
        .unwrap()
        .execute_batch(&format!(
            "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; {sql};
             PRAGMA wal_checkpoint(TRUNCATE);"
        ))
        .unwrap();
}

#[test]
fn damaged_metrics_are_refused_naming_the_card() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path(), "w.throughline");
    damage(
        &path,
        "UPDATE steps SET metrics = '{\"oops\":' WHERE text = 'Pays the bill'",
    );
    let err = refused_both_ways(&path);
    assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
    assert!(err.to_string().contains("metrics"), "{err}");
}

#[test]
fn metrics_of_the_wrong_shape_are_refused_naming_the_card() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path(), "w.throughline");
    damage(
        &path,
        "UPDATE steps SET metrics = '{\"a\": 1}' WHERE text = 'Pays the bill'",
    );
    let err = refused_both_ways(&path).to_string();
    assert!(err.contains("card ") && err.contains("metrics"), "{err}");
}

#[test]
fn a_damaged_undo_entry_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path(), "w.throughline");
    let mut store = Store::open(&path).unwrap();
    let mut ws = store.load().unwrap();
    let step = ws.journeys[0].steps[0].id;
    common::edit(
        &mut store,
        &mut ws,
        &throughline_core::edit::Edit::SetStepText {
            step,
            text: "Books a suite".into(),
        },
    );
    drop(store);
    damage(&path, "UPDATE history SET inverse = '{\"NoSuchEdit\": {}}'");
    let err = refused_both_ways(&path).to_string();
    assert!(err.contains("undo history entry 1 (inverse)"), "{err}");
}

#[test]
fn a_card_of_a_journey_that_is_not_there_is_refused_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path(), "w.throughline");
    let nowhere = uuid::Uuid::from_u128(0x0bad_0000_0000_7000_8000_0000_0000_0001);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    conn.execute(
        "UPDATE steps SET journey = ?1 WHERE text = 'Orders room service'",
        [nowhere.as_bytes().as_slice()],
    )
    .unwrap();
    drop(conn);
    let err = refused_both_ways(&path).to_string();
    assert!(err.contains("refers to journey"), "{err}");
    assert!(err.contains(&nowhere.to_string()), "{err}");
    assert!(err.contains("steps.journey"), "{err}");
}

#[test]
fn a_cards_owner_that_is_not_there_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path(), "w.throughline");
    damage(
        &path,
        "UPDATE steps SET owner = randomblob(16) WHERE text = 'Pays the bill'",
    );
    let err = refused_both_ways(&path).to_string();
    assert!(
        err.contains("refers to entity") && err.contains("steps.owner"),
        "{err}"
    );
}
