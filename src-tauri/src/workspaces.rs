//! Switching the window's workspace in place: New, Open, Open Recent, Save a Copy As and Reveal,
//! each one line over `crates/api`. The workspace open before is closed (its lock released and its
//! log folded in) only once the next one has opened; if that fails, the window stays on the old one.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use tauri::{AppHandle, Runtime, State};
use throughline_api::{
    canonical_path, recent_list_path, with_workspace_extension, ApiError, ErrorCode, Id,
    NewWorkspace, OpenWorkspace, RecentWorkspace, RecentWorkspaces, WorkspaceInfo,
};

use crate::{menu, AppState};

/// The recent workspaces and the file they are kept in (none when the user has no config folder).
pub struct Recent {
    file: Option<PathBuf>,
    list: Mutex<RecentWorkspaces>,
}

impl Recent {
    /// Reads the list from the user's config folder; a damaged file is logged and started anew.
    pub fn load() -> Recent {
        let file = recent_list_path();
        let list = match &file {
            Some(path) => {
                let (list, warning) = RecentWorkspaces::load(path);
                if let Some(why) = warning {
                    eprintln!("throughline: {why}");
                }
                list
            }
            None => RecentWorkspaces::default(),
        };
        Recent {
            file,
            list: Mutex::new(list),
        }
    }

    fn lock(&self) -> MutexGuard<'_, RecentWorkspaces> {
        self.list.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The list as Open Recent shows it.
    pub fn shown(&self) -> Vec<RecentWorkspace> {
        self.lock().shown()
    }

    /// Changes the list with `change`; when it changed, writes it and rebuilds Open Recent.
    fn update<R: Runtime>(
        &self,
        app: Option<&AppHandle<R>>,
        change: impl FnOnce(&mut RecentWorkspaces) -> bool,
    ) {
        let mut list = self.lock();
        if !change(&mut list) {
            return;
        }
        if let Some(file) = &self.file {
            if let Err(e) = list.save(file) {
                eprintln!("throughline: the recent workspaces were not saved: {e}");
            }
        }
        let shown = list.shown();
        drop(list);
        if let Some(app) = app {
            menu::rebuild_recent(app, &shown);
        }
    }

    /// Lists `path` first, as the workspace just opened.
    pub fn opened<R: Runtime>(&self, app: Option<&AppHandle<R>>, path: &Path) {
        self.update(app, |list| {
            let before = list.clone();
            list.opened(path);
            *list != before
        });
    }

    /// The journey shown last in the workspace at `path`, to open it first.
    pub fn last_journey(&self, path: &Path) -> Option<Id> {
        self.lock().last_journey(path)
    }

    /// Remembers the journey shown in the workspace at `path`, to open it there next time.
    pub fn journey_shown(&self, path: &Path, journey: Id) {
        self.update::<tauri::Wry>(None, |list| list.set_last_journey(path, journey));
    }
}

/// Puts `opened` in the window in place of the workspace open before, which is closed only now.
fn switch_to<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    recent: &Recent,
    opened: OpenWorkspace,
) -> WorkspaceInfo {
    let info = opened.info();
    let before = {
        let mut guard = state.0.lock().unwrap_or_else(PoisonError::into_inner);
        std::mem::replace(&mut *guard, Ok(opened))
    };
    drop(before);
    recent.opened(Some(app), Path::new(&info.path));
    info
}

/// Creates a workspace at `path` (`.throughline` appended when missing) with what `start` says,
/// and switches the window to it.
#[tauri::command]
pub fn new_workspace<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    recent: State<'_, Recent>,
    path: PathBuf,
    start: NewWorkspace,
) -> Result<WorkspaceInfo, ApiError> {
    let opened = OpenWorkspace::create_for_editing(&path, start)?;
    Ok(switch_to(&app, &state, &recent, opened))
}

/// Switches the window to the workspace at `path` (already open: nothing changes). A file that is
/// gone is taken off Open Recent, and the error says so.
#[tauri::command]
pub fn open_workspace<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    recent: State<'_, Recent>,
    path: PathBuf,
) -> Result<WorkspaceInfo, ApiError> {
    if state
        .path()
        .is_some_and(|open| canonical_path(&open) == canonical_path(&path))
    {
        let guard = state.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Ok(ws) = guard.as_ref() {
            return Ok(ws.info());
        }
    }
    if !path.exists() {
        let mut forgotten = false;
        recent.update(Some(&app), |list| {
            forgotten = list.forget(&path);
            forgotten
        });
        let mut message = format!("{}: the workspace is no longer there", path.display());
        if forgotten {
            message.push_str("; it is taken off Open Recent");
        }
        return Err(ApiError::new(ErrorCode::NotFound, message));
    }
    let opened = OpenWorkspace::open_for_editing(&path)?;
    Ok(switch_to(&app, &state, &recent, opened))
}

/// Import › Text folder…: creates a workspace at `path` (`.throughline` appended when missing)
/// from the canonical text form in `dir` (with the named versions in its `versions/`), and switches
/// the window to it.
#[tauri::command]
pub fn open_text_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    recent: State<'_, Recent>,
    dir: PathBuf,
    path: PathBuf,
) -> Result<WorkspaceInfo, ApiError> {
    let path = with_workspace_extension(&path);
    let (model, _name) = throughline_api::open_text(&dir)?;
    let versions = throughline_api::read_text_versions(&dir)?;
    throughline_api::create_workspace_file_with_versions(&path, &model, &versions, false)?;
    let opened = OpenWorkspace::open_for_editing(&path)?;
    Ok(switch_to(&app, &state, &recent, opened))
}

/// Export › Text folder…: writes the open workspace's canonical text form into `dir`.
#[tauri::command]
pub fn save_text_folder(state: State<'_, AppState>, dir: PathBuf) -> Result<(), ApiError> {
    crate::commands::with(&state, |ws| ws.save_text(&dir, false).map(|_| ()))
}

/// Writes a copy of the open workspace to `path` (`.throughline` appended when missing); the window
/// stays on the original. `overwrite` once the person agreed to replace the file there (the save
/// dialog asks, about the name it was given).
#[tauri::command]
pub fn save_workspace_copy(
    state: State<'_, AppState>,
    path: PathBuf,
    overwrite: bool,
) -> Result<(), ApiError> {
    let dest = with_workspace_extension(&path);
    let overwrite = overwrite && dest == path;
    crate::commands::with(&state, |ws| ws.save_copy(&dest, overwrite))
}

/// Shows the open workspace's file in the system's file manager, selected where the file manager
/// can (over D-Bus on Linux); without a session bus, opens its folder with `xdg-open`.
#[tauri::command]
pub fn reveal_workspace(state: State<'_, AppState>) -> Result<(), ApiError> {
    let path = state
        .path()
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "no workspace is open"))?;
    reveal(&path)
}

/// Shows `path` in the system's file manager, selected where the file manager can (over D-Bus on
/// Linux); without a session bus, opens its folder with `xdg-open`. For the workspace file and for
/// an exported picture alike.
pub(crate) fn reveal(path: &Path) -> Result<(), ApiError> {
    let revealed = tauri_plugin_opener::reveal_item_in_dir(path);
    #[cfg(target_os = "linux")]
    let revealed =
        revealed.or_else(|reveal| open_folder(path).map_err(|open| format!("{reveal}; {open}")));
    revealed.map_err(|e| {
        ApiError::new(
            ErrorCode::Storage,
            format!("{}: no file manager could show it: {e}", path.display()),
        )
    })
}

/// Opens the folder holding `path` in whatever `xdg-open` chooses for folders.
#[cfg(target_os = "linux")]
fn open_folder(path: &Path) -> Result<(), String> {
    let folder = path.parent().unwrap_or(Path::new("/"));
    std::process::Command::new("xdg-open")
        .arg(folder)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|mut child| {
            // Reaped off the command's thread, so a slow file manager holds nothing up.
            std::thread::spawn(move || child.wait());
        })
        .map_err(|e| format!("xdg-open: {e}"))
}

/// The recent workspaces, newest first, the open one included.
#[tauri::command]
pub fn recent_workspaces(recent: State<'_, Recent>) -> Vec<RecentWorkspace> {
    recent.shown()
}
