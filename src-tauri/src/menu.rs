//! The window's menu bar. It holds what a desktop user looks for there (File › Export…, Quit); for
//! Export the UI does the work, so the choice only tells the UI what was chosen.

use tauri::menu::{Menu, MenuBuilder, MenuEvent, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

/// The id of File › Export….
const EXPORT: &str = "export";

/// The id of File › Quit (a plain item: the predefined quit item does nothing on Linux).
const QUIT: &str = "quit";

/// The event the UI hears when File › Export… is chosen.
pub const EXPORT_EVENT: &str = "menu-export";

/// Builds the menu bar.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let file = SubmenuBuilder::new(app, "File")
        .text(EXPORT, "Export…")
        .separator()
        .text(QUIT, "Quit")
        .build()?;
    MenuBuilder::new(app).item(&file).build()
}

/// Passes a menu choice on to the UI.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    if event.id() == EXPORT {
        if let Err(e) = app.emit(EXPORT_EVENT, ()) {
            eprintln!("throughline: the menu choice could not reach the window: {e}");
        }
    } else if event.id() == QUIT {
        // Every edit is already committed, so there is nothing to save first.
        app.exit(0);
    }
}
