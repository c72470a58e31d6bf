//! The History panel's commands: the edits and named versions of the open workspace, restoring one as
//! an undoable edit, and the journey as an older version had it or compared with it.

use tauri::State;
use throughline_api::{
    ApiError, Comparison, EditResult, HistoryList, HistoryPage, Id, Older, ThenScene, Version,
};

use crate::commands::with;
use crate::AppState;

/// A page of the edit history, newest first.
#[tauri::command]
pub async fn history(
    state: State<'_, AppState>,
    page: HistoryPage,
) -> Result<HistoryList, ApiError> {
    with(&state, |ws| ws.history(&page))
}

/// The named versions, oldest first.
#[tauri::command]
pub async fn versions(state: State<'_, AppState>) -> Result<Vec<Version>, ApiError> {
    with(&state, |ws| ws.versions())
}

/// Names the workspace as it is now.
#[tauri::command]
pub async fn save_version(state: State<'_, AppState>, name: String) -> Result<Version, ApiError> {
    with(&state, |ws| ws.save_version(&name))
}

/// Brings the workspace back to how it was just after history entry `seq`, as one undoable edit.
#[tauri::command]
pub async fn restore_history(state: State<'_, AppState>, seq: i64) -> Result<EditResult, ApiError> {
    with(&state, |ws| ws.restore(seq))
}

/// Brings the workspace back to a named version, as one undoable edit.
#[tauri::command]
pub async fn restore_version(
    state: State<'_, AppState>,
    name: String,
) -> Result<EditResult, ApiError> {
    with(&state, |ws| ws.restore_version(&name))
}

/// A journey as it is now, compared with an older version.
#[tauri::command]
pub async fn compare_with(
    state: State<'_, AppState>,
    older: Older,
    journey: Id,
) -> Result<Comparison, ApiError> {
    with(&state, |ws| ws.compare_with(&older, journey))
}

/// A journey as an older version had it.
#[tauri::command]
pub async fn scene_then(
    state: State<'_, AppState>,
    older: Older,
    journey: Id,
) -> Result<ThenScene, ApiError> {
    with(&state, |ws| ws.scene_then(&older, journey))
}
