//! What every test of the `throughline` command needs: running it as a user would, and reading what
//! it printed.

use std::path::Path;
use std::process::{Command, Output};

/// Runs the built `throughline` with `args` and waits for it.
pub fn throughline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_throughline"))
        .args(args)
        .output()
        .expect("the command runs")
}

/// Printed bytes as text, for messages and assertions.
#[allow(dead_code)] // Not every test binary reads output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A temporary path as the argument the command takes.
pub fn path(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}
