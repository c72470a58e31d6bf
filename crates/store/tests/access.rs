//! Who may write a workspace: one editor at a time (the lock is taken before the file is touched),
//! any number of readers beside it, and nobody when the file or its folder is marked read-only.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{bytes, hotel_file, hotel_stay};
use throughline_core::edit::Edit;
use throughline_store::{lock_sidecar_path, wal_path, Store, StoreError};

/// A second opener is refused, naming this process as the holder, before it has migrated or
/// checkpointed anything: the file and its log are byte for byte as the first opener left them (a
/// checkpoint would have moved the first opener's edit from the log into the file).
#[test]
fn a_second_editor_is_refused_before_it_touches_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path(), "w.throughline");
    let mut first = Store::open(&path).unwrap();
    let mut ws = first.load().unwrap();
    let step = ws.journeys[0].steps[0].id;
    common::edit(
        &mut first,
        &mut ws,
        &Edit::SetStepText {
            step,
            text: "Books by phone".into(),
        },
    );
    let before = bytes(&path);
    assert!(
        before.1.is_some_and(|(len, _)| len > 0),
        "the edit is in the log"
    );
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::InUse { .. }), "{err}");
    let message = err.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(
        message.contains(&format!("process {}", std::process::id())),
        "{message}"
    );
    assert_eq!(bytes(&path), before, "the refused opener changed nothing");
    let read = Store::open_read_only(&path).unwrap().load().unwrap();
    assert_eq!(
        read.journeys[0].steps[0].text, "Books by phone",
        "readers see the edit"
    );
    assert_eq!(bytes(&path), before, "nor did the reader");
    drop(first);
    assert!(
        !lock_sidecar_path(&path).exists(),
        "the holder's label is gone"
    );
    Store::open(&path).unwrap();
}

/// A workspace in the rollback-journal mode (as another tool may leave it) is read without being
/// switched to WAL or changed in any way.
#[test]
fn reading_changes_no_byte_of_a_rollback_journal_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path(), "w.throughline");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA journal_mode = DELETE;")
        .unwrap();
    let before = bytes(&path);
    assert_eq!(
        std::fs::read(&path).unwrap()[18],
        1,
        "rollback-journal mode"
    );
    let ws = Store::open_read_only(&path).unwrap().load().unwrap();
    assert_eq!(ws.journeys[0].name, "Hotel stay");
    assert_eq!(bytes(&path), before);
    assert!(!Path::new(&format!("{}-shm", path.display())).exists());
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    assert_eq!(
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777,
        mode,
        "{} could not be marked",
        path.display()
    );
}

/// A workspace in a folder marked read-only (honoured even for root, who could write anyway) opens
/// only read-only: opening for editing says so, reading works, and no file appears in the folder.
#[test]
fn a_workspace_in_a_read_only_folder_is_only_read() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let path = hotel_file(&folder, "w.throughline");
    chmod(&folder, 0o555);
    let listing = || {
        let mut names: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let (before, files) = (bytes(&path), listing());
    let err = Store::open(&path).err().expect("not for editing");
    assert!(matches!(err, StoreError::ReadOnly(_)), "{err}");
    assert_eq!(
        err.to_string(),
        format!("this workspace is read-only: {}", path.display())
    );
    let mut store = Store::open_read_only(&path).unwrap();
    assert!(store.is_read_only());
    let mut ws = store.load().unwrap();
    assert_eq!(
        ws.journeys[0].steps.len(),
        hotel_stay().journeys[0].steps.len()
    );
    let step = ws.journeys[0].steps[0].id;
    let edit = Edit::SetStepText {
        step,
        text: "nope".into(),
    };
    let (touched, _) = throughline_core::edit::apply(&mut ws, &edit).unwrap();
    let refused = store
        .save(&ws, &touched, throughline_store::History::Undo(1))
        .unwrap_err();
    assert!(matches!(refused, StoreError::ReadOnly(_)), "{refused}");
    drop(store);
    assert_eq!(
        (bytes(&path), listing()),
        (before, files),
        "nothing changed"
    );
    chmod(&folder, 0o755);
}

#[test]
fn a_read_only_file_is_only_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path(), "w.throughline");
    chmod(&path, 0o444);
    let before = bytes(&path);
    assert!(matches!(Store::open(&path), Err(StoreError::ReadOnly(_))));
    assert_eq!(
        Store::open_read_only(&path)
            .unwrap()
            .load()
            .unwrap()
            .journeys
            .len(),
        1
    );
    assert_eq!(bytes(&path), before);
    assert!(!wal_path(&path).exists(), "no log was started beside it");
}

/// A reader of a closed WAL workspace leaves no `-wal` or `-shm` beside it, and an editor arriving
/// while it reads is told who is reading.
#[test]
fn a_reader_leaves_no_files_and_an_editor_waits_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path(), "w.throughline");
    let before = bytes(&path);
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(reader.load().unwrap().journeys[0].name, "Hotel stay");
    let shm = Path::new(&format!("{}-shm", path.display())).to_owned();
    assert!(!wal_path(&path).exists() && !shm.exists());
    let err = Store::open(&path).err().expect("waits for the reader");
    assert!(matches!(err, StoreError::BeingRead { .. }), "{err}");
    assert!(
        err.to_string()
            .contains(&format!("process {}", std::process::id())),
        "{err}"
    );
    drop(reader);
    assert_eq!(bytes(&path), before);
    drop(Store::open(&path).unwrap());
}
