//! Running the app where it cannot start, and checking that it says so the way a person can act on:
//! one line on stderr, exit status 1, no panic or backtrace.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `binary` with no display and no session bus, with XDG folders under `root` (created here),
/// then `env` on top, and `RUST_BACKTRACE=1` so a panic would show its backtrace.
pub fn run_without_display(binary: &Path, root: &Path, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(binary);
    for dir in ["data", "config", "cache"] {
        std::fs::create_dir_all(root.join(dir)).expect("create the app's XDG folders");
    }
    command
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("XDG_DATA_HOME", root.join("data"))
        .env("XDG_CONFIG_HOME", root.join("config"))
        .env("XDG_CACHE_HOME", root.join("cache"))
        .env("RUST_BACKTRACE", "1")
        .envs(env.iter().copied())
        .stdin(Stdio::null());
    command
        .output()
        .unwrap_or_else(|e| panic!("could not run {}: {e}", binary.display()))
}

/// Asserts the run exited with status 1 and wrote exactly one line to stderr, holding each of
/// `needles`, and no panic.
pub fn assert_one_line_failure(run: &Output, needles: &[&str]) {
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(
        run.status.code(),
        Some(1),
        "expected exit status 1, got {}; stderr:\n{stderr}",
        run.status
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "expected one line on stderr, got:\n{stderr}"
    );
    for needle in needles {
        assert!(
            lines[0].contains(needle),
            "the line does not say {needle:?}: {}",
            lines[0]
        );
    }
    for bad in ["panicked", "backtrace", "RUST_BACKTRACE"] {
        assert!(!stderr.contains(bad), "stderr shows a panic: {stderr}");
    }
}
