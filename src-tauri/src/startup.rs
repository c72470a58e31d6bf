//! What can stop the window from starting, checked before Tauri tries: no display, a data folder the
//! WebView cannot use, GTK refusing the display. Each ends the process with one line on stderr that
//! says what is wrong and what to do, and exit status 1, instead of a panic and its backtrace. Any
//! other panic before the app is ready is turned into the same one line.

use std::fs;
use std::io;
use std::panic::{self, PanicHookInfo};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// The app's identifier in `tauri.conf.json`: Tauri keeps the WebView's data in a folder of this name
/// under the user's data folder.
pub const IDENTIFIER: &str = "app.throughline.desktop";

/// How to start the app where there is no display, for the failure message.
const HEADLESS_HINT: &str =
    "start it from a desktop session, or under a virtual display: xvfb-run -a throughline-app";

/// Set once Tauri reports the app ready; panics after that are bugs, reported the usual way.
static READY: AtomicBool = AtomicBool::new(false);

/// Checks the display and the data folder, starts GTK, and turns any later panic before the app is
/// ready into one line and exit status 1. Returns only when the window can be tried.
pub fn preflight() {
    guard_panics();
    if let Err(why) = display(&|name| std::env::var_os(name)) {
        fail(&why);
    }
    if let Err(why) = data_folder(dirs::data_local_dir()) {
        fail(&why);
    }
    if let Err(why) = start_gtk() {
        fail(&why);
    }
}

/// Called for every event of the running app: from `Ready` on, panics are no longer start-up
/// failures.
pub fn on_event(event: &tauri::RunEvent) {
    if matches!(event, tauri::RunEvent::Ready) {
        READY.store(true, Ordering::SeqCst);
    }
}

/// Prints `why` as the one line of a failed start and exits with status 1.
pub fn fail(why: &str) -> ! {
    eprintln!("throughline: {}", one_line(why));
    std::process::exit(1);
}

/// Whether the environment names a display (X11 or Wayland), by `var`.
fn display(var: &dyn Fn(&str) -> Option<std::ffi::OsString>) -> Result<(), String> {
    let named = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    if cfg!(target_os = "linux") && !named("DISPLAY") && !named("WAYLAND_DISPLAY") {
        return Err(format!(
            "there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set); {HEADLESS_HINT}"
        ));
    }
    Ok(())
}

/// Creates the folder Tauri keeps the WebView's data in under `data_home` and checks a file can be
/// written there; Tauri would otherwise panic with only the system's error and no path.
fn data_folder(data_home: Option<PathBuf>) -> Result<(), String> {
    let Some(data_home) = data_home else {
        return Err(
            "no data folder is known for this user (HOME and XDG_DATA_HOME are unset); set HOME"
                .into(),
        );
    };
    let folder = data_home.join(IDENTIFIER);
    writable(&folder).map_err(|e| {
        format!(
            "the data folder {} cannot be used: {e}; make it writable, or point XDG_DATA_HOME at a \
             folder that is",
            folder.display()
        )
    })
}

/// Creates `folder` if needed, then creates and removes a probe file in it.
fn writable(folder: &Path) -> io::Result<()> {
    fs::create_dir_all(folder)?;
    let probe = folder.join(format!(".write-test-{}", std::process::id()));
    fs::write(&probe, b"")?;
    fs::remove_file(&probe)
}

/// Starts GTK on the display, which Tauri would otherwise do with a panic when it cannot.
#[cfg(target_os = "linux")]
fn start_gtk() -> Result<(), String> {
    gtk::init().map_err(|_| {
        let display = std::env::var("DISPLAY")
            .or_else(|_| std::env::var("WAYLAND_DISPLAY"))
            .unwrap_or_default();
        format!(
            "GTK could not open the display {display:?}: is it running, and may this user use \
             it? Otherwise {HEADLESS_HINT}"
        )
    })
}

/// Elsewhere Tauri starts its windowing on its own.
#[cfg(not(target_os = "linux"))]
fn start_gtk() -> Result<(), String> {
    Ok(())
}

/// Replaces the panic report, until the app is ready, with one line and exit status 1 (a panic in
/// Tauri's start-up, such as a WebView that cannot start, is not a bug of this app's to trace).
fn guard_panics() {
    let usual = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if READY.load(Ordering::SeqCst) {
            usual(info);
        } else {
            fail(&format!("the window could not start: {}", message(info)));
        }
    }));
}

/// The text a panic was raised with.
fn message(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an unexpected error".into())
}

/// `text` on one line: line breaks become "; ".
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    #[test]
    fn no_display_is_refused_with_how_to_run_headless() {
        let none = |_: &str| None::<OsString>;
        let why = display(&none).unwrap_err();
        assert!(why.contains("no display"), "{why}");
        assert!(why.contains("xvfb-run -a throughline-app"), "{why}");
        let empty = |_: &str| Some(OsString::new());
        assert!(
            display(&empty).is_err(),
            "an empty DISPLAY names no display"
        );
        let x11 = |name: &str| (name == "DISPLAY").then(|| OsString::from(":0"));
        assert!(display(&x11).is_ok());
        let wayland = |name: &str| (name == "WAYLAND_DISPLAY").then(|| OsString::from("wayland-0"));
        assert!(display(&wayland).is_ok());
    }

    #[test]
    fn a_data_folder_that_cannot_be_made_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-folder");
        fs::write(&file, "x").unwrap();
        let why = data_folder(Some(file.clone())).unwrap_err();
        assert!(why.contains(&file.display().to_string()), "{why}");
        assert!(why.contains("XDG_DATA_HOME"), "{why}");
        assert!(data_folder(None).is_err());

        data_folder(Some(dir.path().to_owned())).unwrap();
        let made = dir.path().join(IDENTIFIER);
        assert!(made.is_dir());
        assert_eq!(fs::read_dir(&made).unwrap().count(), 0, "the probe is gone");
    }

    #[test]
    fn the_identifier_is_the_one_in_the_tauri_config() {
        let config: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
        assert_eq!(config["identifier"], IDENTIFIER);
    }

    #[test]
    fn messages_are_put_on_one_line() {
        assert_eq!(one_line("a\n  b\n\nc"), "a; b; c");
    }
}
