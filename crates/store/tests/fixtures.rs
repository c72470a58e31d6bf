//! Workspaces written by earlier schema versions still open. Each fixture was written by the
//! `throughline` command of its time (`generate --journeys 2 --stages 3 --cards 6 --entities 12
//! --links-per-card 1 --seed 7`, then a journey exported to SVG and imported back, which left one
//! undo entry). The committed files are never opened in place: each test works on a copy.

use std::path::{Path, PathBuf};

use throughline_store::{Store, SCHEMA_VERSION};

fn copy_of(fixture: &str, dir: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(fixture);
    let to = dir.join(fixture);
    std::fs::copy(&from, &to).unwrap();
    to
}

fn user_version(path: &Path) -> u32 {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

/// What the version 1 fixture holds.
fn check_v1(store: &Store) {
    let ws = store.load().unwrap();
    let journeys: Vec<(&str, usize, usize)> = ws
        .journeys
        .iter()
        .map(|j| (j.name.as_str(), j.stages.len(), j.steps.len()))
        .collect();
    assert_eq!(
        journeys,
        [
            ("Journey 1", 3, 6),
            ("Journey 2", 3, 6),
            ("Journey 2 (imported)", 3, 6)
        ]
    );
    assert_eq!((ws.entities.len(), ws.links.len()), (12, 33));
    assert!(
        store.undoable().unwrap().is_some(),
        "the import can be undone"
    );
}

#[test]
fn a_version_1_workspace_is_read_without_being_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of("v1.throughline", dir.path());
    assert_eq!(user_version(&path), 1);
    let before = std::fs::read(&path).unwrap();
    check_v1(&Store::open_read_only(&path).unwrap());
    assert_eq!(std::fs::read(&path).unwrap(), before, "read in memory only");
}

#[test]
fn a_version_1_workspace_is_upgraded_when_opened_for_editing() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of("v1.throughline", dir.path());
    let store = Store::open(&path).unwrap();
    check_v1(&store);
    drop(store);
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    check_v1(&Store::open(&path).unwrap());
}
