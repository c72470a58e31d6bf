//! The CSV commands: each one line over `crates/api`, run on a blocking thread so reading and checking
//! a large file never holds up the window's main thread.

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};
use throughline_api::{
    ApiError, CsvField, CsvPreview, CsvTable, CsvTarget, EditResult, ErrorCode, OpenWorkspace,
};

use crate::commands::with;
use crate::AppState;

/// Runs `f` on the open workspace on a blocking thread.
async fn off_main<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    f: impl FnOnce(&mut OpenWorkspace) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tauri::async_runtime::spawn_blocking(move || with(&app.state::<AppState>(), f))
        .await
        .map_err(|e| ApiError::new(ErrorCode::Storage, format!("the CSV task failed: {e}")))?
}

/// What importing the CSV file at `path` into `target` would do, with `mapping` (or the suggested one).
#[tauri::command]
pub async fn csv_preview<R: Runtime>(
    app: AppHandle<R>,
    path: PathBuf,
    target: CsvTarget,
    mapping: Option<Vec<Option<CsvField>>>,
) -> Result<CsvPreview, ApiError> {
    off_main(app, move |ws| {
        ws.csv_preview_file(&path, &target, mapping.as_deref())
    })
    .await
}

/// Imports the accepted rows of the CSV file at `path` in one undoable edit.
#[tauri::command]
pub async fn import_csv<R: Runtime>(
    app: AppHandle<R>,
    path: PathBuf,
    target: CsvTarget,
    mapping: Option<Vec<Option<CsvField>>>,
) -> Result<EditResult, ApiError> {
    off_main(app, move |ws| {
        ws.import_csv_file(&path, &target, mapping.as_deref())
    })
    .await
}

/// Writes `table` as CSV to `path`; `overwrite` once the person agreed to replace a file there.
#[tauri::command]
pub async fn export_csv<R: Runtime>(
    app: AppHandle<R>,
    table: CsvTable,
    path: PathBuf,
    overwrite: bool,
) -> Result<u64, ApiError> {
    off_main(app, move |ws| ws.export_csv(&table, &path, overwrite)).await
}
