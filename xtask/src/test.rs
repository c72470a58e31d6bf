//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.

use crate::failure::Result;
use crate::process::{self, progress};
use crate::{setup, toolchain, ui};

/// The X screen the tests get: large enough for the app's 1440×900 window.
pub const XVFB_SCREEN: &str = "-screen 0 1600x1000x24";

/// Sets up, then runs formatting, lints, the UI's checks and tests, and every cargo test under a
/// virtual display (the end-to-end test opens a real window).
pub fn run() -> Result {
    setup::run()?;
    toolchain::ensure_fmt_and_clippy()?;
    progress("checking formatting …");
    process::step(
        "cargo fmt --all --check",
        &mut process::cargo(["fmt", "--all", "--check"]),
    )?;
    progress("running clippy …");
    process::step(
        "cargo clippy",
        &mut process::cargo([
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    progress("checking the UI …");
    ui::script("check")?;
    ui::script("lint")?;
    ui::script("test")?;
    progress("running cargo test under Xvfb …");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    process::step(
        "cargo test",
        &mut process::command_in(
            &crate::paths::root(),
            "xvfb-run",
            [
                "-a",
                "-s",
                XVFB_SCREEN,
                &cargo,
                "test",
                "--workspace",
                "--locked",
            ],
        ),
    )?;
    progress("all checks and tests passed");
    Ok(())
}
