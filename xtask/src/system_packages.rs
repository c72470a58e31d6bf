//! The Debian packages the Tauri build, the end-to-end test and the start-up benchmark need, checked
//! with dpkg and installed with apt-get when missing (as root, or through password-less sudo).

use std::fs;
use std::process::Command;

use crate::failure::{Failure, Result};
use crate::process::{self, progress};

/// WebKitGTK and GTK headers for Tauri, the C toolchain, Xvfb plus WebKitWebDriver for tests, and the
/// system faces of the text fallback chain (`throughline_render::font::FALLBACK_FAMILIES`): Noto Sans
/// Hebrew and Arabic (fonts-noto-core, 12 MB), Droid Sans Fallback for CJK (2 MB) and DejaVu Sans
/// (1 MB), so the screen, the exports and the script tests see the same faces on every machine.
/// (fonts-noto-cjk, about 100 MB, is left to whoever wants it; Droid Sans Fallback stands in.) Git, for
/// the test that merges two branches of a text form with Throughline as Git's merge driver. For the
/// test of the installed package: rpm, to read the built `.rpm`; dbus-daemon, for a private session
/// bus on which a second launch hands its file to the running window; shared-mime-info, which
/// registers the package's `*.throughline` file type.
pub const PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
    "libsoup-3.0-dev",
    "libjavascriptcoregtk-4.1-dev",
    "libxdo-dev",
    "libssl-dev",
    "build-essential",
    "pkg-config",
    "file",
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "fonts-noto-core",
    "fonts-droid-fallback",
    "fonts-dejavu-core",
    "git",
    "rpm",
    "dbus-daemon",
    "shared-mime-info",
];

/// Installs whichever of [`PACKAGES`] are missing; does nothing when all are present.
pub fn ensure() -> Result {
    if !process::succeeds(Command::new("apt-get").arg("--version")) {
        return Err(Failure::new(format!(
            "apt-get was not found: this is not a Debian or Ubuntu system. Install the equivalents of \
             these Debian packages with your package manager, then run again:\n  {}",
            PACKAGES.join(" ")
        )));
    }
    let missing: Vec<&str> = PACKAGES
        .iter()
        .copied()
        .filter(|p| !is_installed(p))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let elevate = privilege(&missing)?;
    progress(&format!(
        "installing system packages: {} …",
        missing.join(" ")
    ));
    process::step("apt-get update", &mut apt(elevate, &["update"]))?;
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend(&missing);
    process::step("apt-get install", &mut apt(elevate, &install))
}

/// Whether dpkg reports `package` as installed.
fn is_installed(package: &str) -> bool {
    process::output_of(Command::new("dpkg-query").args(["-W", "-f=${Status}", package]))
        .is_some_and(|status| status == "install ok installed")
}

/// How apt-get gets root: it already is root (`false`), or password-less sudo works (`true`);
/// otherwise the failure prints the exact command to run as root.
fn privilege(missing: &[&str]) -> Result<bool> {
    if let Some(elevate) = root_access() {
        return Ok(elevate);
    }
    Err(Failure::new(format!(
        "system packages are missing and installing them needs root. Run this as root, then run \
         xtask again:\n  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y \
         --no-install-recommends {}",
        missing.join(" ")
    )))
}

/// Whether commands can run as root: `Some(false)` when this already is root, `Some(true)` when
/// password-less sudo works, `None` when neither.
pub fn root_access() -> Option<bool> {
    if effective_uid() == Some(0) {
        return Some(false);
    }
    process::succeeds(Command::new("sudo").args(["-n", "true"])).then_some(true)
}

/// An apt-get command that never prompts, run through `sudo -n` when `elevate` is set.
pub fn apt(elevate: bool, args: &[&str]) -> Command {
    let mut command = if elevate {
        let mut sudo = Command::new("sudo");
        sudo.args(["-n", "env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]);
        sudo
    } else {
        let mut apt = Command::new("apt-get");
        apt.env("DEBIAN_FRONTEND", "noninteractive");
        apt
    };
    command.args(args);
    command
}

/// The effective user id, read from `/proc/self/status` so xtask needs no libc bindings.
fn effective_uid() -> Option<u32> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("Uid:"))?;
    line.split_whitespace().nth(2)?.parse().ok()
}
