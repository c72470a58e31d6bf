//! The rustup components `test` runs (rustfmt, clippy), which a minimal Rust install lacks.

use crate::failure::{Failure, Result};
use crate::process::{self, progress};

/// Checks that `cargo fmt` and `cargo clippy` work, adding the components through rustup if not.
pub fn ensure_fmt_and_clippy() -> Result {
    let present = |tool: &str| process::succeeds(&mut process::cargo([tool, "--version"]));
    if present("fmt") && present("clippy") {
        return Ok(());
    }
    progress("adding the rustfmt and clippy components …");
    let added = process::step(
        "rustup component add rustfmt clippy",
        &mut process::command_in(
            &crate::paths::root(),
            "rustup",
            ["component", "add", "rustfmt", "clippy"],
        ),
    );
    if added.is_ok() && present("fmt") && present("clippy") {
        Ok(())
    } else {
        Err(Failure::new(
            "`cargo fmt` and `cargo clippy` are needed; install them with `rustup component add rustfmt clippy`",
        ))
    }
}
