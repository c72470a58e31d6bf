//! The text field's own editing, run for the UI when a menu accelerator took a key the field wanted:
//! on GTK an accelerator (Ctrl+Z, Ctrl+C, Delete…) reaches the menu before the page, so the page, which
//! knows that a text field has the focus, asks for the field's undo, copy or paste here. WebKit runs it
//! as its own editing command, with the clipboard access a key press would have.

use serde::Deserialize;
use tauri::{Runtime, Webview};

/// The editing commands a text field can be asked for.
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum TextEdit {
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    SelectAll,
    /// The Delete key: the character after the caret, or the selected text.
    DeleteForward,
}

impl TextEdit {
    /// WebKit's name for the command.
    pub fn webkit_name(self) -> &'static str {
        match self {
            TextEdit::Undo => "Undo",
            TextEdit::Redo => "Redo",
            TextEdit::Cut => "Cut",
            TextEdit::Copy => "Copy",
            TextEdit::Paste => "Paste",
            TextEdit::SelectAll => "SelectAll",
            TextEdit::DeleteForward => "DeleteForward",
        }
    }
}

/// Runs `edit` in the page of the webview that asked, where the focus is.
#[tauri::command]
pub fn edit_text<R: Runtime>(webview: Webview<R>, edit: TextEdit) -> Result<(), String> {
    run(&webview, edit).map_err(|e| format!("the text field could not {edit:?}: {e}"))
}

#[cfg(target_os = "linux")]
fn run<R: Runtime>(webview: &Webview<R>, edit: TextEdit) -> tauri::Result<()> {
    use webkit2gtk::WebViewExt;
    webview.with_webview(move |platform| {
        platform.inner().execute_editing_command(edit.webkit_name());
    })
}

#[cfg(not(target_os = "linux"))]
fn run<R: Runtime>(_webview: &Webview<R>, _edit: TextEdit) -> tauri::Result<()> {
    // The app ships for Linux; elsewhere the page keeps its keys and nothing is forwarded here.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ui_names_arrive_as_webkit_commands() {
        let parsed: Vec<TextEdit> =
            serde_json::from_str(r#"["undo","select-all","delete-forward","paste"]"#).unwrap();
        let names: Vec<&str> = parsed.into_iter().map(TextEdit::webkit_name).collect();
        assert_eq!(names, ["Undo", "SelectAll", "DeleteForward", "Paste"]);
        assert!(serde_json::from_str::<TextEdit>(r#""bold""#).is_err());
    }
}
