//! `throughline save-text` and `open-text` as a user runs them: a workspace to a folder and back, files
//! replaced only with --force, and never a workspace a window has open.

mod common;

use common::{path, text, throughline};

use std::path::Path;

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    for sub in ["", "journeys"] {
        for e in std::fs::read_dir(dir.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_workspace_goes_to_text_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("hotel.throughline");
    let generated = throughline(&[
        "generate",
        path(&ws),
        "--journeys",
        "3",
        "--cards",
        "40",
        "--stages",
        "5",
        "--entities",
        "30",
    ]);
    assert!(generated.status.success(), "{}", text(&generated.stderr));
    let before = std::fs::read(&ws).unwrap();
    let folder = dir.path().join("hotel-text");
    let saved = throughline(&["save-text", path(&ws), path(&folder)]);
    assert!(saved.status.success(), "{}", text(&saved.stderr));
    assert!(
        text(&saved.stdout).contains("5 files written"),
        "{}",
        text(&saved.stdout)
    );
    assert_eq!(
        std::fs::read(&ws).unwrap(),
        before,
        "the source is only read"
    );
    let head = std::fs::read_to_string(folder.join("workspace.json")).unwrap();
    assert!(head.contains("\"name\": \"hotel\""), "{head}");

    let copy = dir.path().join("copy.throughline");
    let opened = throughline(&["open-text", path(&folder), path(&copy)]);
    assert!(opened.status.success(), "{}", text(&opened.stderr));
    assert!(
        text(&opened.stdout).contains("3 journeys, 30 entities"),
        "{}",
        text(&opened.stdout)
    );
    let list = |p: &Path| text(&throughline(&["list", path(p)]).stdout);
    assert_eq!(list(&copy), list(&ws));

    let again = dir.path().join("again");
    assert!(throughline(&["save-text", path(&copy), path(&again)])
        .status
        .success());
    let strip = |v: Vec<(String, Vec<u8>)>, root: &Path| -> Vec<(String, Vec<u8>)> {
        v.into_iter()
            .map(|(p, b)| (p.replace(path(root), ""), b))
            .collect()
    };
    let a = strip(files(&folder), &folder);
    let b = strip(files(&again), &again);
    // The name comes from the file: only workspace.json differs.
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        if !x.0.ends_with("workspace.json") {
            assert_eq!(x, y);
        }
    }
}

#[test]
fn open_text_replaces_a_file_only_with_force_and_never_one_open_in_a_window() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("team.throughline");
    assert!(throughline(&["init", path(&ws)]).status.success());
    let folder = dir.path().join("text");
    assert!(throughline(&["save-text", path(&ws), path(&folder)])
        .status
        .success());
    let target = dir.path().join("other.throughline");
    let generated = throughline(&["generate", path(&target), "--cards", "10"]);
    assert!(generated.status.success());
    let before = std::fs::read(&target).unwrap();
    let refused = throughline(&["open-text", path(&folder), path(&target)]);
    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains("--force"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(std::fs::read(&target).unwrap(), before);

    // A window holds the editing lock: even --force leaves the file alone.
    let window = std::fs::File::open(&target).unwrap();
    window.lock().unwrap();
    let refused = throughline(&["open-text", path(&folder), path(&target), "--force"]);
    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains("already open for editing"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(std::fs::read(&target).unwrap(), before);
    drop(window);

    let forced = throughline(&["open-text", path(&folder), path(&target), "--force"]);
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    let list = text(&throughline(&["list", path(&target)]).stdout);
    assert!(list.contains("Home insurance claim"), "{list}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}

#[test]
fn a_damaged_text_form_is_refused_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("team.throughline");
    assert!(throughline(&["init", path(&ws)]).status.success());
    let folder = dir.path().join("text");
    assert!(throughline(&["save-text", path(&ws), path(&folder)])
        .status
        .success());
    let journey = std::fs::read_dir(folder.join("journeys"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let broken = std::fs::read_to_string(&journey).unwrap().replacen(
        "\"fail_point\": false",
        "\"fail_point\": 0",
        1,
    );
    std::fs::write(&journey, broken).unwrap();
    let copy = dir.path().join("copy.throughline");
    let out = throughline(&["open-text", path(&folder), path(&copy)]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains(journey.file_name().unwrap().to_str().unwrap()),
        "{err}"
    );
    assert!(err.contains(", line "), "{err}");
    assert!(err.contains("fail_point"), "{err}");
    assert!(!copy.exists());
    let stray = throughline(&["save-text", path(&ws), path(dir.path())]);
    assert!(
        !stray.status.success(),
        "a folder of other files needs --force"
    );
}
