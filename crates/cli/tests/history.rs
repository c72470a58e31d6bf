//! `throughline history` and `throughline version` as a user runs them, on real files: edits listed
//! newest first, versions saved and listed, carried through the text form, and hostile names, a name
//! already taken and a read-only file refused without touching the file.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::{path, text, throughline};

/// A generated workspace with `edits` card edits made through the command.
fn edited_workspace(dir: &Path, edits: u32) -> PathBuf {
    let ws = dir.join("hotel.throughline");
    let made = throughline(&[
        "generate",
        path(&ws),
        "--journeys",
        "2",
        "--cards",
        "12",
        "--stages",
        "4",
    ]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let count = edits.to_string();
    let edited = throughline(&["edit-stream", path(&ws), "--count", &count]);
    assert!(edited.status.success(), "{}", text(&edited.stderr));
    ws
}

fn lines(out: &[u8]) -> Vec<String> {
    text(out).lines().map(str::to_owned).collect()
}

#[test]
fn history_lists_the_newest_edits_with_their_time() {
    let dir = tempfile::tempdir().unwrap();
    let ws = edited_workspace(dir.path(), 3);
    let listed = throughline(&["history", path(&ws), "--limit", "2"]);
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    let shown = lines(&listed.stdout);
    assert_eq!(shown.len(), 2, "{shown:?}");
    for line in &shown {
        let (when, what) = line.split_once(" UTC  ").unwrap();
        assert_eq!(when.len(), "2026-12-03 16:45".len(), "{line}");
        assert!(what.starts_with("edited '"), "{line}");
    }
    let all = lines(&throughline(&["history", path(&ws)]).stdout);
    assert_eq!(all.len(), 3);
    assert_eq!(all[..2], shown[..]);

    let missing = throughline(&["history", path(&dir.path().join("nowhere.throughline"))]);
    assert!(!missing.status.success());
    assert!(text(&missing.stderr).contains("nowhere.throughline"));
}

#[test]
fn versions_are_saved_listed_and_carried_through_the_text_form() {
    let dir = tempfile::tempdir().unwrap();
    let ws = edited_workspace(dir.path(), 2);
    let saved = throughline(&["version", "save", path(&ws), "after workshop 2"]);
    assert!(saved.status.success(), "{}", text(&saved.stderr));
    assert!(text(&saved.stdout).contains("saved version \"after workshop 2\""));
    let listed = lines(&throughline(&["version", "list", path(&ws)]).stdout);
    assert_eq!(listed.len(), 1);
    assert!(
        listed[0].ends_with(" UTC  after workshop 2"),
        "{:?}",
        listed
    );

    let folder = dir.path().join("text");
    let out = throughline(&["save-text", path(&ws), path(&folder)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(folder
        .join("versions/after-workshop-2/version.json")
        .is_file());
    let back = dir.path().join("back.throughline");
    let opened = throughline(&["open-text", path(&folder), path(&back)]);
    assert!(opened.status.success(), "{}", text(&opened.stderr));
    assert!(
        text(&opened.stdout).contains("1 named versions"),
        "{}",
        text(&opened.stdout)
    );
    let listed_back = lines(&throughline(&["version", "list", path(&back)]).stdout);
    assert_eq!(listed_back, listed, "same name and time");
}

#[test]
fn hostile_names_a_taken_name_and_a_read_only_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ws = edited_workspace(dir.path(), 1);
    assert!(throughline(&["version", "save", path(&ws), "Workshop"])
        .status
        .success());
    let before = std::fs::read(&ws).unwrap();
    let long = "x".repeat(201);
    let cases = [
        (long.as_str(), "the limit is 200"),
        ("after\u{FFFE}workshop", "U+FFFE"),
        ("tab\there", "U+0009"),
        ("", "needs a name"),
        ("workshop", "already exists"),
    ];
    for (name, says) in cases {
        let out = throughline(&["version", "save", path(&ws), name]);
        assert!(!out.status.success(), "{name:?} was accepted");
        let err = text(&out.stderr);
        assert!(err.contains(says), "{name:?}: {err}");
    }
    assert_eq!(
        lines(&throughline(&["version", "list", path(&ws)]).stdout).len(),
        1
    );
    assert_eq!(
        std::fs::read(&ws).unwrap(),
        before,
        "refusals changed nothing"
    );

    std::fs::set_permissions(&ws, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = throughline(&["version", "save", path(&ws), "Locked"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("read-only"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    let listed = throughline(&["version", "list", path(&ws)]);
    assert!(listed.status.success(), "a read-only file still lists");
    assert_eq!(lines(&listed.stdout).len(), 1);
}
