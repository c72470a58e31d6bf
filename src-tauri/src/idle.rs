//! Folds the window's edits into the workspace file once editing pauses, so the write-ahead log stays
//! small and the main file alone holds the work. A background thread looks twice a second; it only
//! ever `try_lock`s the workspace, so an edit never waits for it.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};

use crate::AppState;

/// How long after the last edit the log is folded in.
pub const IDLE: Duration = Duration::from_secs(2);

const TICK: Duration = Duration::from_millis(500);

/// Starts the thread; it runs until the app exits.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("idle-checkpoint".into())
        .spawn(move || {
            let mut reported = false;
            loop {
                std::thread::sleep(TICK);
                let state = app.state::<AppState>();
                let Ok(mut guard) = state.0.try_lock() else {
                    continue;
                };
                if let Ok(ws) = guard.as_mut() {
                    match ws.checkpoint_if_idle(IDLE) {
                        Err(e) if !reported => {
                            // Harmless (the log is folded in when the window closes), said once.
                            eprintln!("throughline: {}", e.message);
                            reported = true;
                        }
                        _ => {}
                    }
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("throughline: edits will be folded into the file only on closing: {e}");
    }
}
