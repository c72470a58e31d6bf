//! How the command opens workspaces: reading commands change no byte, writing commands wait their turn
//! behind a window, and every bad file is named with what is wrong.

mod common;

use common::{path, throughline};

use std::path::Path;

use throughline_api::OpenWorkspace;

fn files(p: &Path) -> (Option<Vec<u8>>, Option<Vec<u8>>) {
    (
        std::fs::read(p).ok(),
        std::fs::read(format!("{}-wal", p.display())).ok(),
    )
}

fn generated(dir: &Path) -> std::path::PathBuf {
    let ws = dir.join("big.throughline");
    let out = throughline(&[
        "generate",
        path(&ws),
        "--journeys",
        "2",
        "--stages",
        "4",
        "--cards",
        "40",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    ws
}

/// `list`, `analyze`, `svg`, `scene` and `export` on a rollback-journal workspace neither switch it to
/// WAL nor write anything to it.
#[test]
fn reading_commands_leave_a_rollback_journal_workspace_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let ws = generated(dir.path());
    rusqlite::Connection::open(&ws)
        .unwrap()
        .execute_batch("PRAGMA journal_mode = DELETE;")
        .unwrap();
    let before = files(&ws);
    assert_eq!(before.0.as_ref().unwrap()[18], 1, "rollback-journal mode");
    let out_dir = dir.path().join("pictures");
    let svg = dir.path().join("j.svg");
    let runs: [&[&str]; 5] = [
        &["list", path(&ws)],
        &["analyze", path(&ws)],
        &[
            "svg",
            path(&ws),
            "--journey",
            "Journey 1",
            "--out",
            path(&svg),
        ],
        &["scene", path(&ws), "--journey", "Journey 2"],
        &[
            "export",
            path(&ws),
            "--all",
            "--format",
            "svg",
            "--out",
            path(&out_dir),
        ],
    ];
    for args in runs {
        let out = throughline(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(files(&ws), before, "{args:?} changed the workspace");
    }
    assert!(!Path::new(&format!("{}-shm", ws.display())).exists());
}

/// While a window edits the file, reading commands work and `import` is refused naming the window's
/// process, before it has touched the file.
#[test]
fn import_is_refused_while_a_window_edits_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let ws = generated(dir.path());
    let pictures = dir.path().join("pictures");
    let out = throughline(&[
        "export",
        path(&ws),
        "--journey",
        "Journey 1",
        "--format",
        "svg",
        "--out",
        path(&pictures),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = std::fs::read_dir(&pictures)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let window = OpenWorkspace::open_for_editing(&ws).unwrap();
    let before = files(&ws);
    let out = throughline(&["import", path(&ws), path(&svg)]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(path(&ws)), "{err}");
    assert!(err.contains("already open for editing"), "{err}");
    assert!(
        err.contains(&format!("process {}", std::process::id())),
        "{err}"
    );
    assert_eq!(files(&ws), before);
    assert!(throughline(&["list", path(&ws)]).status.success());
    drop(window);
    let out = throughline(&["import", path(&ws), path(&svg)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::metadata(format!("{}-wal", ws.display()))
            .map(|m| m.len())
            .unwrap_or(0),
        0,
        "the import was folded into the file"
    );
}

#[test]
fn damaged_files_are_named_with_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(generated(dir.path())).unwrap();
    let noise = dir.path().join("noise.throughline");
    std::fs::write(
        &noise,
        (0..3000u32)
            .map(|i| (i * 31 % 251) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let cut = dir.path().join("cut.throughline");
    std::fs::write(&cut, &good[..good.len() / 2 + 10]).unwrap();
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    for (file, says) in [
        (&noise, "not an SQLite database"),
        (&cut, "truncated"),
        (&other, "another program"),
    ] {
        let before = files(file);
        for command in ["list", "analyze"] {
            let out = throughline(&[command, path(file)]);
            assert!(!out.status.success());
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains(path(file)) && err.contains(says), "{err}");
        }
        let out = throughline(&["import", path(file), path(&noise)]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(path(file)) && err.contains(says), "{err}");
        assert_eq!(files(file), before, "{} unchanged", file.display());
    }
}
