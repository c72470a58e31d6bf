//! `throughline merge` as a person runs it on three text-form folders of a clinic's journeys: clean
//! merges, a conflict resolved to ours and listed, and an output never replaced without --force or
//! while a window has it open.

mod common;

use common::{path, text, throughline};

use std::path::{Path, PathBuf};

use serde_json::Value;

/// A generated workspace saved as the text form `base` in `dir`.
fn base_text(dir: &Path) -> PathBuf {
    let ws = dir.join("clinic.throughline");
    let made = throughline(&[
        "generate",
        path(&ws),
        "--journeys",
        "2",
        "--cards",
        "24",
        "--stages",
        "4",
        "--entities",
        "10",
    ]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let folder = dir.join("base");
    assert!(throughline(&["save-text", path(&ws), path(&folder)])
        .status
        .success());
    folder
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.join("journeys")).unwrap();
    for sub in ["", "journeys"] {
        for e in std::fs::read_dir(from.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                std::fs::copy(&p, to.join(sub).join(p.file_name().unwrap())).unwrap();
            }
        }
    }
}

/// Copies `base` to `name` and edits card `card` of its first journey file with `edit`.
fn side(base: &Path, name: &str, card: usize, edit: impl Fn(&mut Value)) -> PathBuf {
    let folder = base.with_file_name(name);
    copy(base, &folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder.join("journeys"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut json: Value = serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
    edit(&mut json["cards"][card]);
    std::fs::write(
        &files[0],
        serde_json::to_string_pretty(&json).unwrap() + "\n",
    )
    .unwrap();
    folder
}

fn set(field: &'static str, value: &'static str) -> impl Fn(&mut Value) {
    move |card: &mut Value| card[field] = Value::from(value)
}

#[test]
fn edits_to_different_cards_merge_clean_into_a_file_and_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let base = base_text(dir.path());
    let ours = side(
        &base,
        "ours",
        0,
        set("text", "Receptionist checks insurance card"),
    );
    let theirs = side(&base, "theirs", 1, set("notes", "Interpreter on request"));
    let out = dir.path().join("merged.throughline");
    let run = throughline(&[
        "merge",
        path(&base),
        path(&ours),
        path(&theirs),
        "-o",
        path(&out),
    ]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}{}",
        text(&run.stdout),
        text(&run.stderr)
    );
    assert!(
        text(&run.stdout).contains("0 conflicts, 0 repairs"),
        "{}",
        text(&run.stdout)
    );
    // The merge is ours plus their one change.
    let d = throughline(&["diff", path(&ours), path(&out)]);
    assert_eq!(d.status.code(), Some(1));
    let report = text(&d.stdout);
    assert!(report.contains("notes of '"), "{report}");
    assert!(
        report.contains(": (empty) → Interpreter on request"),
        "{report}"
    );
    assert_eq!(report.lines().count(), 2, "{report}");

    let folder = dir.path().join("merged-text");
    let run = throughline(&[
        "merge",
        path(&base),
        path(&ours),
        path(&theirs),
        "-o",
        path(&folder),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(text(&run.stdout).contains("(text form)"));
    let same = throughline(&["diff", path(&out), path(&folder)]);
    assert_eq!(same.status.code(), Some(0), "{}", text(&same.stdout));
}

#[test]
fn one_field_changed_on_both_sides_keeps_ours_and_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let base = base_text(dir.path());
    let ours = side(&base, "ours", 2, set("notes", "Ask about allergies"));
    let theirs = side(&base, "theirs", 2, set("notes", "Check the wristband"));
    let out = dir.path().join("merged.throughline");
    let run = throughline(&[
        "merge",
        path(&base),
        path(&ours),
        path(&theirs),
        "-o",
        path(&out),
    ]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run.stderr));
    let report = text(&run.stdout);
    assert!(
        report.contains("changed on both sides: ours Ask about allergies, theirs Check the wristband; kept ours"),
        "{report}"
    );
    assert_eq!(
        throughline(&["diff", path(&ours), path(&out)])
            .status
            .code(),
        Some(0)
    );

    let json = throughline(&[
        "merge",
        path(&base),
        path(&ours),
        path(&theirs),
        "-o",
        path(&dir.path().join("again.throughline")),
        "--format",
        "json",
    ]);
    assert_eq!(json.status.code(), Some(1));
    let parsed: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(parsed["conflicts"][0]["field"], "notes");
    assert_eq!(parsed["conflicts"][0]["theirs"], "Check the wristband");
}

#[test]
fn the_output_is_replaced_only_with_force_and_never_while_a_window_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let base = base_text(dir.path());
    let ours = side(&base, "ours", 0, set("text", "Nurse calls the patient"));
    let out = dir.path().join("merged.throughline");
    std::fs::write(&out, b"precious").unwrap();
    let run = throughline(&[
        "merge",
        path(&base),
        path(&ours),
        path(&base),
        "-o",
        path(&out),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains("use --force"),
        "{}",
        text(&run.stderr)
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"precious");

    let busy = dir.path().join("busy.throughline");
    assert!(throughline(&[
        "merge",
        path(&base),
        path(&ours),
        path(&base),
        "-o",
        path(&busy)
    ])
    .status
    .success());
    let window = std::fs::File::open(&busy).unwrap();
    window.lock().unwrap();
    let before = std::fs::read(&busy).unwrap();
    let run = throughline(&[
        "merge",
        path(&base),
        path(&base),
        path(&base),
        "-o",
        path(&busy),
        "--force",
    ]);
    assert_eq!(run.status.code(), Some(2), "{}", text(&run.stdout));
    assert_eq!(std::fs::read(&busy).unwrap(), before);
    drop(window);
    let run = throughline(&[
        "merge",
        path(&base),
        path(&base),
        path(&base),
        "-o",
        path(&busy),
        "--force",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));

    let run = throughline(&[
        "merge",
        path(&base),
        path(&ours),
        path(&base),
        "-o",
        path(&ours),
    ]);
    assert_eq!(
        run.status.code(),
        Some(2),
        "a folder with files needs --force"
    );
    assert!(
        text(&run.stderr).contains("already holds files; use --force"),
        "{}",
        text(&run.stderr)
    );

    let missing = dir.path().join("nothing");
    let run = throughline(&[
        "merge",
        path(&missing),
        path(&ours),
        path(&base),
        "-o",
        path(&out),
        "--force",
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(std::fs::read(&out).unwrap(), b"precious");
}
