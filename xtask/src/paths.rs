//! Where things are: the repository root and cargo's target directory.

use std::env;
use std::path::PathBuf;

/// The repository root, fixed at compile time so xtask works from any directory.
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// The UI project, whose `dist` the app embeds.
pub fn ui() -> PathBuf {
    root().join("ui")
}

/// Cargo's target directory: `CARGO_TARGET_DIR` when set (relative to the root, where xtask runs
/// cargo), else `target/` in the repository.
pub fn target_dir() -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}
