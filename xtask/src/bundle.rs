//! `cargo xtask bundle`: the installable packages, a `.deb` and an `.rpm`, built by Tauri's bundler
//! through the Tauri CLI from the UI's npm dependencies (`@tauri-apps/cli`, the same 2.x line as the
//! `tauri` crate). What goes in them is set in `src-tauri/tauri.conf.json` under `bundle`.
//!
//! The AppImage is left out on purpose: Tauri's AppImage bundler downloads linuxdeploy and its
//! plugins while it builds, which a machine without network access to GitHub (CI here) cannot.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::failure::{Failure, Result};
use crate::process::{self, progress};
use crate::{paths, setup};

/// The package formats built, as the Tauri CLI names them (no `appimage`: see the module docs).
const FORMATS: &[&str] = &["deb", "rpm"];

/// The largest `.deb` accepted: an app that downloads in seconds.
pub const DEB_BUDGET_BYTES: u64 = 20 * 1024 * 1024;

/// The packages one build produced.
pub struct Packages {
    /// The Debian package.
    pub deb: PathBuf,
    /// The RPM package.
    pub rpm: PathBuf,
    /// How long the build took, UI excluded.
    pub took: Duration,
}

/// Sets up, builds the packages and prints where they are, their sizes and the build time.
pub fn run() -> Result {
    setup::run()?;
    let packages = build()?;
    println!("\n{}", packages.summary());
    Ok(())
}

/// Builds the release app and its `.deb` and `.rpm` with the Tauri CLI (the UI must be built: see
/// [`setup::run`]). Packages of earlier builds are removed first, so exactly one of each is found.
pub fn build() -> Result<Packages> {
    let bundle_dir = paths::target_dir().join("release").join("bundle");
    for format in FORMATS {
        let dir = bundle_dir.join(format);
        if dir.exists() {
            fs::remove_dir_all(&dir)
                .map_err(|e| Failure::new(format!("could not clear {}: {e}", dir.display())))?;
        }
    }
    progress("building the release app and its .deb and .rpm (tauri build) …");
    let started = Instant::now();
    let ui = paths::ui();
    let mut tauri = process::command_in(
        &paths::root().join("src-tauri"),
        "npm",
        [
            "exec",
            "--prefix",
            ui.to_str().unwrap_or("ui"),
            "--",
            "tauri",
            "build",
            "--ci",
            "--bundles",
            &FORMATS.join(","),
            "--",
            "--locked",
        ],
    );
    process::step("tauri build", &mut tauri)?;
    Ok(Packages {
        deb: only_file(&bundle_dir.join("deb"), "deb")?,
        rpm: only_file(&bundle_dir.join("rpm"), "rpm")?,
        took: started.elapsed(),
    })
}

impl Packages {
    /// Where the packages are, their sizes and how long the build took.
    pub fn summary(&self) -> String {
        format!(
            "packages built in {} s:\n  {} ({})\n  {} ({})",
            self.took.as_secs(),
            self.deb.display(),
            size_of(&self.deb),
            self.rpm.display(),
            size_of(&self.rpm)
        )
    }
}

/// A file's size in MB with one decimal, or why it is unknown.
pub fn size_of(path: &Path) -> String {
    match fs::metadata(path) {
        Ok(m) => format!("{:.1} MB", m.len() as f64 / 1_000_000.0),
        Err(e) => format!("size unknown: {e}"),
    }
}

/// The one file ending in `.<extension>` in `dir`.
fn only_file(dir: &Path, extension: &str) -> Result<PathBuf> {
    let found: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| {
            Failure::new(format!(
                "tauri build made no .{extension} package ({}: {e})",
                dir.display()
            ))
        })?
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(Failure::new(format!(
            "expected one .{extension} package in {}, found {}",
            dir.display(),
            found.len()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_one_package_of_a_format() {
        let dir = std::env::temp_dir().join(format!("xtask-bundle-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        assert!(only_file(&dir, "deb").is_err(), "none is an error");
        fs::write(dir.join("Throughline_0.1.0_amd64.deb"), b"x").unwrap();
        fs::write(dir.join("notes.txt"), b"x").unwrap();
        assert_eq!(
            only_file(&dir, "deb").unwrap(),
            dir.join("Throughline_0.1.0_amd64.deb")
        );
        fs::write(dir.join("Throughline_0.0.9_amd64.deb"), b"x").unwrap();
        assert!(only_file(&dir, "deb").is_err(), "two are an error");
        fs::remove_dir_all(&dir).unwrap();
    }
}
