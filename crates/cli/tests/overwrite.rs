//! Commands that write pictures never replace a file without `--force`, and never a workspace (the one
//! being read, under any name it can be reached by, nor any other) even with it.

mod common;

use common::{path, text, throughline};

use std::process::Command;

const JOURNEY: &str = "Home insurance claim";

#[test]
fn svg_replaces_a_file_only_with_force_and_never_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("hotel.throughline");
    assert!(throughline(&["init", path(&ws)]).status.success());
    let before = std::fs::read(&ws).unwrap();

    let out = dir.path().join("notes.txt");
    std::fs::write(&out, "keep me").unwrap();
    let refused = throughline(&["svg", path(&ws), "-j", JOURNEY, "-o", path(&out)]);
    assert!(!refused.status.success());
    assert!(text(&refused.stderr).contains("already there; use --force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let forced = throughline(&["svg", path(&ws), "-j", JOURNEY, "-o", path(&out), "--force"]);
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("<svg"));

    let hard = dir.path().join("hard.svg");
    std::fs::hard_link(&ws, &hard).unwrap();
    let soft = dir.path().join("soft.svg");
    std::os::unix::fs::symlink(&ws, &soft).unwrap();
    let dotted = dir.path().join(".").join("hotel.throughline");
    let wal = dir.path().join("hotel.throughline-wal");
    let other = dir.path().join("coffee.throughline");
    assert!(throughline(&["init", path(&other)]).status.success());
    let other_before = std::fs::read(&other).unwrap();
    for target in [&ws, &hard, &soft, &dotted, &wal, &other] {
        let r = throughline(&[
            "svg",
            path(&ws),
            "-j",
            JOURNEY,
            "-o",
            path(target),
            "--force",
        ]);
        assert!(!r.status.success(), "{} was replaced", target.display());
        assert!(
            text(&r.stderr).contains("never replaces a workspace"),
            "{}",
            text(&r.stderr)
        );
    }
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    assert_eq!(std::fs::read(&other).unwrap(), other_before);
    assert!(!wal.exists());
    let list = throughline(&["list", path(&ws)]);
    assert!(list.status.success(), "the workspace still opens");
}

#[test]
fn export_checks_every_target_before_rendering_anything() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("team.throughline");
    assert!(throughline(&["init", path(&ws)]).status.success());
    let before = std::fs::read(&ws).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // A picture name that is, in fact, the workspace.
    std::fs::hard_link(&ws, out.join("home-insurance-claim.png")).unwrap();
    let r = throughline(&[
        "export",
        path(&ws),
        "--all",
        "--format",
        "svg,png",
        "--out",
        path(&out),
        "--force",
    ]);
    assert!(!r.status.success());
    assert!(
        text(&r.stderr).contains("home-insurance-claim.png"),
        "{}",
        text(&r.stderr)
    );
    assert!(text(&r.stderr).contains("never replaces a workspace"));
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        1,
        "nothing else was written"
    );
}

#[test]
fn written_pictures_get_the_mode_the_umask_gives() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("coffee.throughline");
    assert!(throughline(&["init", path(&ws)]).status.success());
    for (umask, mode) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let svg = dir.path().join(format!("umask-{umask}.svg"));
        let out = dir.path().join(format!("export-{umask}"));
        let script = format!(
            "umask {umask} && \"$0\" svg \"$1\" -j \"{JOURNEY}\" -o \"$2\" && \"$0\" export \"$1\" -j \"{JOURNEY}\" -f png,pdf -o \"$3\""
        );
        let r = Command::new("sh")
            .args(["-c", &script, env!("CARGO_BIN_EXE_throughline")])
            .args([path(&ws), path(&svg), path(&out)])
            .output()
            .unwrap();
        assert!(r.status.success(), "{}", text(&r.stderr));
        let files = [
            svg,
            out.join("home-insurance-claim.png"),
            out.join("home-insurance-claim.pdf"),
        ];
        for file in files {
            let got = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(got, mode, "{} under umask {umask}", file.display());
        }
    }
}
