//! An empty Tauri 2 window with the app's Tauri version and window size, which prints how long it took
//! from launch to its first paint: the baseline the app's start-up and memory are reported against, so
//! the figures say how much the app adds to what any Tauri window on this machine costs.

use std::sync::OnceLock;
use std::time::Instant;

/// When the process started, as near as `main` can tell.
static LAUNCHED: OnceLock<Instant> = OnceLock::new();

/// The page reports its first paint; the line has the shape `cargo xtask bench-startup` reads.
#[tauri::command]
fn painted() {
    if let Some(start) = LAUNCHED.get() {
        eprintln!(
            "throughline-empty-window: first paint {} ms after launch",
            start.elapsed().as_millis()
        );
    }
}

fn main() {
    LAUNCHED.get_or_init(Instant::now);
    if let Err(error) = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![painted])
        .run(tauri::generate_context!())
    {
        eprintln!("throughline-empty-window: {error}");
        std::process::exit(1);
    }
}
