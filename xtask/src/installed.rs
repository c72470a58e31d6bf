//! The built packages checked and the `.deb` installed for the test of the installed app: both
//! packages hold the app, its desktop entry, its file type, its icons and the font licence; the
//! `.deb` is installed with apt-get (as root, or through password-less sudo) and removed afterwards.
//! A copy installed before, by an earlier run or by hand, is removed first, so every run installs
//! the package it just built.

use std::path::Path;
use std::process::Command;

use crate::bundle::{self, Packages, DEB_BUDGET_BYTES};
use crate::failure::{Failure, Result};
use crate::process::{self, progress};
use crate::system_packages;

/// Where the packages install the app.
pub const BINARY: &str = "/usr/bin/throughline-app";

/// What each package must install.
const FILES: &[&str] = &[
    BINARY,
    "/usr/share/applications/Throughline.desktop",
    "/usr/share/mime/packages/throughline.xml",
    "/usr/share/doc/throughline/fonts/OFL.txt",
    "/usr/share/icons/hicolor/32x32/apps/throughline-app.png",
    "/usr/share/icons/hicolor/128x128/apps/throughline-app.png",
    "/usr/share/icons/hicolor/256x256/apps/throughline-app.png",
    "/usr/share/icons/hicolor/512x512/apps/throughline-app.png",
];

/// Checks both packages: each lists every one of [`FILES`] (read with `dpkg-deb -c` and `rpm -qpl`,
/// so each is a package its tool can read), and the `.deb` keeps within its size budget.
pub fn check(packages: &Packages) -> Result {
    progress("checking the packages' contents …");
    let deb_list = listing(
        Command::new("dpkg-deb").arg("-c").arg(&packages.deb),
        &packages.deb,
    )?;
    missing_files(&packages.deb, &deb_list)?;
    let rpm_list = listing(
        Command::new("rpm").arg("-qpl").arg(&packages.rpm),
        &packages.rpm,
    )?;
    missing_files(&packages.rpm, &rpm_list)?;
    let size = std::fs::metadata(&packages.deb)
        .map_err(|e| Failure::new(format!("{}: {e}", packages.deb.display())))?
        .len();
    if size > DEB_BUDGET_BYTES {
        return Err(Failure::new(format!(
            "{} is {}, over its budget of {} MB",
            packages.deb.display(),
            bundle::size_of(&packages.deb),
            DEB_BUDGET_BYTES / 1024 / 1024
        )));
    }
    Ok(())
}

/// The installed `.deb`, removed by [`Installed::remove`].
pub struct Installed {
    /// The Debian package's name.
    package: String,
    /// Whether apt-get goes through sudo.
    elevate: bool,
}

/// Installs `deb` with apt-get (its dependencies with it), after removing any copy installed before.
pub fn install(deb: &Path) -> Result<Installed> {
    let elevate = system_packages::root_access().ok_or_else(|| {
        Failure::new(format!(
            "installing {} for the test of the installed app needs root: run `cargo xtask test` as \
             root, or give this user password-less sudo",
            deb.display()
        ))
    })?;
    let package = process::output_of(Command::new("dpkg-deb").arg("-f").arg(deb).arg("Package"))
        .filter(|name| !name.is_empty())
        .ok_or_else(|| Failure::new(format!("{}: dpkg-deb cannot read its name", deb.display())))?;
    let installed = Installed { package, elevate };
    if is_installed(&installed.package) {
        progress(&format!(
            "removing the {} package installed before …",
            installed.package
        ));
        installed.remove()?;
    }
    progress(&format!("installing {} …", deb.display()));
    let deb =
        std::fs::canonicalize(deb).map_err(|e| Failure::new(format!("{}: {e}", deb.display())))?;
    let deb = deb
        .to_str()
        .ok_or_else(|| Failure::new(format!("{}: apt-get needs a UTF-8 path", deb.display())))?;
    process::step(
        "apt-get install (the built .deb)",
        &mut system_packages::apt(elevate, &["install", "-y", deb]),
    )?;
    if !Path::new(BINARY).is_file() {
        return Err(Failure::new(format!(
            "the package installed, but {BINARY} is not there"
        )));
    }
    Ok(installed)
}

impl Installed {
    /// Removes the package.
    pub fn remove(&self) -> Result {
        process::step(
            "apt-get remove",
            &mut system_packages::apt(self.elevate, &["remove", "-y", &self.package]),
        )
    }
}

/// Whether dpkg reports `package` as installed.
fn is_installed(package: &str) -> bool {
    process::output_of(Command::new("dpkg-query").args(["-W", "-f=${Status}", package]))
        .is_some_and(|status| status == "install ok installed")
}

/// The output of a command listing a package's files; fails naming the package when it cannot.
fn listing(command: &mut Command, package: &Path) -> Result<String> {
    process::output_of(command).ok_or_else(|| {
        Failure::new(format!(
            "{} cannot be read by {:?}: it is not a valid package",
            package.display(),
            command.get_program()
        ))
    })
}

/// Fails naming the files of [`FILES`] that `list` (one path a line, maybe with `./` before it
/// and other columns before that) does not hold.
fn missing_files(package: &Path, list: &str) -> Result {
    let missing: Vec<&str> = FILES
        .iter()
        .copied()
        .filter(|file| !lists(list, file))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Failure::new(format!(
            "{} lacks {}",
            package.display(),
            missing.join(", ")
        )))
    }
}

/// Whether a listing has `file` as the last column of a line, written absolute (`rpm`) or relative
/// to the root (`dpkg-deb`, with or without `./`).
fn lists(list: &str, file: &str) -> bool {
    let bare = |path: &str| {
        path.trim_start_matches('.')
            .trim_start_matches('/')
            .to_owned()
    };
    list.lines().any(|line| {
        line.split_whitespace()
            .last()
            .is_some_and(|last| bare(last) == bare(file))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dpkg_and_rpm_listings() {
        let deb = "-rw-r--r-- 0/0 5035 2026-12-03 22:21 usr/share/doc/throughline/fonts/OFL.txt\n\
                   -rwxr-xr-x 0/0 27800720 2026-12-03 22:21 ./usr/bin/throughline-app";
        assert!(lists(deb, "/usr/share/doc/throughline/fonts/OFL.txt"));
        assert!(lists(deb, BINARY));
        assert!(!lists(deb, "/usr/share/doc/throughline"));
        let rpm = "/usr/bin/throughline-app\n/usr/share/applications/Throughline.desktop";
        assert!(lists(rpm, BINARY));
        assert!(!lists(rpm, "/usr/share/mime/packages/throughline.xml"));
        let err = missing_files(Path::new("x.rpm"), rpm)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("throughline.xml") && !err.contains(BINARY),
            "{err}"
        );
    }
}
