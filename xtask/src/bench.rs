//! `cargo xtask bench`: the Rust benchmarks, then the whole-app start-up measurement; and
//! `cargo xtask bench-ui`: key press to repaint in the real window.

use std::path::Path;

use crate::failure::Result;
use crate::process::{self, progress};
use crate::test::cargo_test_under_xvfb;
use crate::{setup, startup};

/// Sets up, runs `cargo bench` over the workspace, then measures start-up and prints a summary.
pub fn run() -> Result {
    setup::run()?;
    progress("running the Rust benchmarks …");
    process::step(
        "cargo bench",
        &mut process::cargo(["bench", "--workspace", "--locked"]),
    )?;
    let summary = startup::measure()?;
    println!("\nbenchmarks done (criterion reports are in target/criterion/)\n{summary}");
    Ok(())
}

/// Sets up and measures only the app's start-up: of `binary` when given (the installed app, say),
/// else of a fresh release build.
pub fn startup_only(binary: Option<&Path>) -> Result {
    setup::run()?;
    let summary = match binary {
        Some(binary) => startup::measure_binary(binary)?,
        None => startup::measure()?,
    };
    println!("\n{summary}");
    Ok(())
}

/// Sets up, builds the release app and CLI, and runs the key-press-to-repaint harness of
/// `src-tauri/tests/workshop.rs` on them under a virtual display: the sample, 1,000 and 10,000
/// cards, 100 edits each, printed as p50, p95 and max to the page's frame and to the screen; then
/// the frame rate of panning and zooming 10,000 cards.
pub fn window() -> Result {
    setup::run()?;
    process::build_release(&["throughline-app", "throughline-cli"])?;
    progress("timing key presses in the real window (release build, under Xvfb) …");
    process::step(
        "the key-to-repaint harness",
        &mut cargo_test_under_xvfb(&[
            "--release",
            "--locked",
            "-p",
            "throughline-app",
            "--test",
            "workshop",
            "--",
            "key_to_repaint",
            "frame_rate",
            "--include-ignored",
            "--nocapture",
            "--test-threads",
            "1",
        ]),
    )
}
