//! Running other programs: steps whose output streams to the terminal and whose failure stops the
//! task, and quiet probes that only answer yes or no.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::failure::{Failure, Result};
use crate::paths;

/// A command for cargo itself, the same binary that started xtask, working in the repository root.
pub fn cargo<I, S>(args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.args(args).current_dir(paths::root());
    command
}

/// A command for `program` working in `dir`.
pub fn command_in<I, S>(dir: &Path, program: &str, args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(program);
    command.args(args).current_dir(dir);
    command
}

/// Runs one step with its output streamed and no stdin (CI has none); fails with
/// "<step> failed" when it cannot start or exits unsuccessfully.
pub fn step(name: &str, command: &mut Command) -> Result {
    let status = command.stdin(Stdio::null()).status().map_err(|e| {
        Failure::new(format!(
            "{name} failed: could not start {:?}: {e}",
            command.get_program()
        ))
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure::new(format!("{name} failed ({status})")))
    }
}

/// Runs `command` silently and returns its trimmed standard output when it succeeds.
pub fn output_of(command: &mut Command) -> Option<String> {
    let output = command
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Whether `command` runs silently and succeeds.
pub fn succeeds(command: &mut Command) -> bool {
    output_of(command).is_some()
}

/// Prints a progress line in the same voice as the failures.
pub fn progress(message: &str) {
    eprintln!("xtask: {message}");
}

/// `cargo build --release` of `packages`, in one invocation so that they share their dependencies'
/// builds (Tauri's features are unified over the packages built together).
pub fn build_release(packages: &[&str]) -> Result {
    progress(&format!("building {} (release) …", packages.join(" and ")));
    let mut args = vec!["build", "--release", "--locked"];
    for package in packages {
        args.extend(["-p", package]);
    }
    step(
        &format!("cargo build --release -p {}", packages.join(" -p ")),
        &mut cargo(args),
    )
}
