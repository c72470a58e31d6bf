//! The UI's npm dependencies and its build, which must exist before the app compiles: Tauri embeds
//! `ui/dist` at compile time.

use std::fs;
use std::path::Path;
use std::time::SystemTime;

use crate::failure::{Failure, Result};
use crate::paths;
use crate::process::{self, progress};

/// Installs the UI's dependencies when they are missing or stale, then builds `ui/dist`.
pub fn ensure_built() -> Result {
    let ui = paths::ui();
    if !ui.join("package.json").is_file() {
        return Err(Failure::new(format!(
            "{} is missing; the UI cannot be built",
            ui.join("package.json").display()
        )));
    }
    if dependencies_stale(&ui) {
        progress("installing UI dependencies (npm ci) …");
        process::step("npm ci", &mut npm(&ui, &["ci", "--no-audit", "--no-fund"]))?;
    }
    progress("building the UI (npm run build) …");
    process::step("npm run build", &mut npm(&ui, &["run", "build"]))
}

/// Runs one of the UI's npm scripts as a named step.
pub fn script(name: &str) -> Result {
    process::step(
        &format!("npm run {name} (in ui/)"),
        &mut npm(&paths::ui(), &["run", name]),
    )
}

/// An npm command in the UI directory.
fn npm(ui: &Path, args: &[&str]) -> std::process::Command {
    process::command_in(ui, "npm", args)
}

/// True when `node_modules` is absent, or `package-lock.json` changed after the last install (npm
/// writes `node_modules/.package-lock.json` on every install).
fn dependencies_stale(ui: &Path) -> bool {
    let installed = modified(&ui.join("node_modules").join(".package-lock.json"));
    let wanted = modified(&ui.join("package-lock.json"));
    match (installed, wanted) {
        (Some(installed), Some(wanted)) => wanted > installed,
        (None, _) => true,
        (Some(_), None) => false,
    }
}

/// When `path` was last modified, if it exists.
fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}
