//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.

use crate::failure::Result;
use crate::process::{self, progress};
use crate::{bundle, installed, setup, toolchain, ui};

/// The X screen the tests get: large enough for the app's 1440×900 window.
pub const XVFB_SCREEN: &str = "-screen 0 1600x1000x24";

/// The variable that gives `src-tauri/tests/installed.rs` the installed binary.
const INSTALLED_APP_VAR: &str = "THROUGHLINE_INSTALLED_APP";

/// `cargo test ARGS` under a virtual display, in the repository root: the end-to-end tests open real
/// windows.
pub fn cargo_test_under_xvfb(args: &[&str]) -> std::process::Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut command = process::command_in(
        &crate::paths::root(),
        "xvfb-run",
        ["-a", "-s", XVFB_SCREEN, &cargo, "test"],
    );
    command.args(args);
    command
}

/// Sets up, then runs formatting, lints, the UI's checks and tests, builds and checks the `.deb`
/// and `.rpm` and installs the `.deb`, then runs every cargo test under a virtual display (the
/// end-to-end tests open real windows; `installed.rs` drives the installed app), and removes the
/// package again whether or not the tests passed.
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
    let packages = bundle::build()?;
    progress(&packages.summary());
    installed::check(&packages)?;
    let package = installed::install(&packages.deb)?;
    progress("running cargo test under Xvfb …");
    let tested = process::step(
        "cargo test",
        cargo_test_under_xvfb(&["--workspace", "--locked"])
            .env(INSTALLED_APP_VAR, installed::BINARY),
    );
    progress("removing the installed package …");
    let removed = package.remove();
    tested?;
    removed?;
    progress("all checks and tests passed");
    Ok(())
}
