//! `cargo xtask bench`: the Rust benchmarks, then the whole-app start-up measurement.

use std::path::Path;

use crate::failure::Result;
use crate::process::{self, progress};
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
