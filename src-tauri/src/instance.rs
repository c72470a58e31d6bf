//! One window per user: a second launch (a file opened from the file manager, or
//! `throughline-app FILE` in a terminal) hands its file to the window already running, which switches
//! to it and comes to the front, and then exits. On Linux this goes over the D-Bus session bus; where
//! there is none (a bare X server, a container) every launch simply opens its own window.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use clap::Parser;
use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::menu::events;
use crate::Args;

/// The plugin that passes a second launch's file to the running window, or a plugin that does
/// nothing when no session bus answers (said once in the log).
pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    if let Err(why) = session_bus() {
        eprintln!(
            "throughline: no D-Bus session bus ({why}); a second launch will open a window of its own"
        );
        return tauri::plugin::Builder::new("single-instance-off").build();
    }
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id())
        .callback(second_launch)
        .build()
}

/// Hands this launch's command line to the window already running for this user, if one is, and
/// says whether it did (the launch then has nothing left to do). Asked before the launch opens its
/// workspace, so a file double-clicked again while its window holds it is handed over at once, not
/// refused as open elsewhere, and before it needs a display. Speaks the plugin's own D-Bus call.
#[cfg(target_os = "linux")]
pub fn handed_over() -> bool {
    use zbus::blocking::{fdo::DBusProxy, Connection};
    use zbus::names::BusName;

    let name = format!("{}.SingleInstance", instance_id());
    let path = format!("/{}", name.replace('.', "/").replace('-', "_"));
    let Ok(bus) = Connection::session() else {
        return false;
    };
    let running = BusName::try_from(name.as_str())
        .ok()
        .and_then(|bus_name| DBusProxy::new(&bus).ok()?.name_has_owner(bus_name).ok())
        .unwrap_or(false);
    if !running {
        return false;
    }
    let argv: Vec<String> = std::env::args_os()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let cwd = std::env::current_dir()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    bus.call_method(
        Some(name.as_str()),
        path.as_str(),
        Some("org.SingleInstance.DBus"),
        "ExecuteCallback",
        &(argv, cwd),
    )
    .is_ok()
}

/// Elsewhere the plugin hands a second launch over during start-up.
#[cfg(not(target_os = "linux"))]
pub fn handed_over() -> bool {
    false
}

/// Whether a session bus answers, asked before the plugin tries to register on it (which, without
/// one, only says so in a log this app does not print).
#[cfg(target_os = "linux")]
fn session_bus() -> Result<(), String> {
    zbus::blocking::Connection::session()
        .map(drop)
        .map_err(|e| e.to_string())
}

/// Elsewhere the plugin needs no bus.
#[cfg(not(target_os = "linux"))]
fn session_bus() -> Result<(), String> {
    Ok(())
}

/// The bus name of this user's Throughline: one window per config folder, which holds the recent
/// list, so a test run with folders of its own never hands its files to the user's window.
fn instance_id() -> String {
    let mut hasher = DefaultHasher::new();
    dirs::config_dir().hash(&mut hasher);
    format!("app.throughline.desktop.c{:016x}", hasher.finish())
}

/// A second launch: focus the window, and open the file it named (relative to where it started).
fn second_launch<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>, cwd: String) {
    if let Some(window) = app.webview_windows().into_values().next() {
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
    let file = Args::try_parse_from(&argv)
        .ok()
        .and_then(|args| args.chosen().cloned());
    if let Some(file) = file {
        let path = Path::new(&cwd).join(file);
        if let Err(e) = app.emit(events::OPEN_PATH, path.display().to_string()) {
            eprintln!("throughline: the file of a second launch could not reach the window: {e}");
        }
    }
}
