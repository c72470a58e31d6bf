//! Exporting from the window as a person does: the dialog opened from a button, a format chosen, and
//! the file written where the test said (the page takes the path instead of asking in a file dialog).

use std::fs;
use std::path::Path;

use fantoccini::{Client, Locator};
use serde_json::json;

use super::ui::{click, wait_find, wait_until};

/// Tells the page to save the next export at `out` instead of asking in a file dialog.
pub async fn save_next_at(client: &Client, out: &Path) {
    client
        .execute(
            "window.__throughlineExportPath = arguments[0];",
            vec![json!(out.to_str().expect("a UTF-8 temp path"))],
        )
        .await
        .expect("set the export path");
}

/// Tells the page to save the next export at `out`, presses `button` and chooses `format` in the
/// dialog that opens.
pub async fn open_dialog(client: &Client, button: &str, format: &str, out: &Path) {
    save_next_at(client, out).await;
    click(client, Locator::Css(button)).await;
    wait_find(client, Locator::Css("[data-testid='export-dialog']")).await;
    click(
        client,
        Locator::Css(&format!("[data-testid='export-format-{format}']")),
    )
    .await;
}

/// Presses Export in the open dialog, waits for the SVG at `out` to be written whole, dismisses the
/// notice that says so, and returns the file's text.
pub async fn save_svg(client: &Client, out: &Path) -> String {
    click(client, Locator::Css("[data-testid='export-save']")).await;
    wait_find(client, Locator::Css("[data-testid='export-done']")).await;
    let text = wait_until(client, "the exported SVG", || async {
        fs::read_to_string(out)
            .ok()
            .filter(|t| t.ends_with("</svg>\n"))
    })
    .await;
    // The notice goes by itself after ten seconds; closing it now, when it is still there, keeps the
    // window tidy for the next export.
    if let Ok(close) = client
        .find(Locator::XPath(
            "//*[@data-testid='export-done']/following-sibling::button[@aria-label='Dismiss']",
        ))
        .await
    {
        let _ = close.click().await;
    }
    text
}
