//! A start that cannot succeed ends with one line on stderr saying why and what to do, and exit
//! status 1: no display, a data folder that cannot be used, a display GTK cannot open. No panic, no
//! backtrace (even with `RUST_BACKTRACE=1`), and nothing written. Runs the built app; needs no display.

mod support;

use std::path::{Path, PathBuf};

use support::failure::{assert_one_line_failure, run_without_display};

/// The app binary cargo built for this test.
const APP: &str = env!("CARGO_BIN_EXE_throughline-app");

#[test]
fn without_a_display_the_app_says_how_to_run_it_in_one_line() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let run = run_without_display(Path::new(APP), tmp.path(), &[]);
    assert_one_line_failure(&run, &["no display", "xvfb-run -a throughline-app"]);
    let data = tmp.path().join("data");
    assert_eq!(
        std::fs::read_dir(&data)
            .expect("list the data folder")
            .count(),
        0,
        "a start without a display wrote into {}",
        data.display()
    );
}

#[test]
fn a_data_folder_that_cannot_be_used_is_named_in_one_line() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let blocker = tmp.path().join("a-file");
    std::fs::write(&blocker, "not a folder").expect("write a file where the data folder goes");
    let run = run_without_display(
        Path::new(APP),
        tmp.path(),
        &[
            ("DISPLAY", unused_display().as_str()),
            ("XDG_DATA_HOME", blocker.to_str().expect("UTF-8 temp path")),
        ],
    );
    assert_one_line_failure(
        &run,
        &[
            "cannot be used",
            &blocker
                .join("app.throughline.desktop")
                .display()
                .to_string(),
        ],
    );
}

#[test]
fn a_display_gtk_cannot_open_is_reported_in_one_line() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let display = unused_display();
    let run = run_without_display(Path::new(APP), tmp.path(), &[("DISPLAY", &display)]);
    assert_one_line_failure(&run, &["GTK could not open the display", &display]);
}

/// An X display number no server listens on here (no socket in `/tmp/.X11-unix`).
fn unused_display() -> String {
    let socket = |n: u32| PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
    let n = (4242..5000)
        .find(|n| !socket(*n).exists())
        .expect("a free X display number");
    format!(":{n}")
}
