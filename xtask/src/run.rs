//! `cargo xtask run`: set up, then build and launch the app.

use crate::failure::Result;
use crate::process::{self, progress};
use crate::setup;

/// Sets up, then runs `cargo run -p throughline-app`, passing `app_args` to the app.
pub fn run(release: bool, app_args: &[String]) -> Result {
    setup::run()?;
    let mut args = vec!["run", "--locked", "-p", "throughline-app"];
    if release {
        args.push("--release");
    }
    args.push("--");
    args.extend(app_args.iter().map(String::as_str));
    progress("building and launching the app …");
    process::step("cargo run", &mut process::cargo(args))
}
