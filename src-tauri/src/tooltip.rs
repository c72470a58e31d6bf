//! The native tooltip, dropped when the page changes view. WebKitGTK shows an element's `title` as a
//! GTK tooltip and hides it only when the pointer next moves; a button that switches views (Impact in
//! the Entities tab) left its tooltip floating over the blueprint. The page calls this after such a
//! switch: GTK then asks the web view again, finds no tooltip, and hides it. WebKit turns tooltips back
//! on by itself the next time the pointer rests on an element with a title.

use tauri::{Runtime, Webview};

/// Hides the tooltip the web view shows, if any.
#[tauri::command]
pub fn drop_tooltip<R: Runtime>(webview: Webview<R>) -> Result<(), String> {
    hide(&webview).map_err(|e| format!("the tooltip could not be hidden: {e}"))
}

#[cfg(target_os = "linux")]
fn hide<R: Runtime>(webview: &Webview<R>) -> tauri::Result<()> {
    use gtk::prelude::WidgetExt;
    webview.with_webview(|platform| {
        let view = platform.inner();
        view.set_has_tooltip(false);
        view.trigger_tooltip_query();
    })
}

#[cfg(not(target_os = "linux"))]
fn hide<R: Runtime>(_webview: &Webview<R>) -> tauri::Result<()> {
    // The app ships for Linux; other web views drop their tooltips with the element.
    Ok(())
}
