//! The commands the UI invokes, each one line over `crates/api`. Those that reach the workspace are
//! `async`, so they run on the async runtime's threads instead of the main thread, which then keeps
//! drawing the window while a long edit or analysis runs.

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime, State, WebviewWindow};
use throughline_api::{
    file_stem, ApiError, CheckGroup, Clip, CommentView, CriticalityRow, Edit, EditResult,
    EntitySummary, EntityUsage, ErrorCode, ExportFormat, ExportOptions, FindScope, Found,
    FutureStateView, Id, Impact, JourneySummary, Link, NetworkScene, OpenWorkspace,
    OpportunityView, Ownership, Pasted, Pasting, PersonaSummary, SceneUpdate, ShownScene, Step,
    WindowStart,
};

use crate::export::{self, Exports};
use crate::workspaces::Recent;
use crate::{AppState, LAUNCHED};

/// Runs `f` on the open workspace, or returns why none is open.
pub(crate) fn with<T>(
    state: &AppState,
    f: impl FnOnce(&mut OpenWorkspace) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let mut guard = state
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    match guard.as_mut() {
        Ok(ws) => f(ws),
        Err(e) => Err(e.clone()),
    }
}

/// What the window draws first, in one round trip: the workspace (or the error that kept it from
/// opening), its journeys, the undo state and the scene of the journey shown last in it, else of the
/// first; that journey goes in the window title and is remembered as shown.
#[tauri::command]
pub async fn window_start<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    recent: State<'_, Recent>,
) -> Result<WindowStart, ApiError> {
    let last = state.path().and_then(|path| recent.last_journey(&path));
    with(&state, |ws| {
        let start = ws.window_start(last);
        if let Some(shown) = &start.scene {
            recent.journey_shown(std::path::Path::new(&start.info.path), shown.scene.journey);
            show_title(&window, ws);
        }
        Ok(start)
    })
}

/// The journeys for the sidebar.
#[tauri::command]
pub async fn list_journeys(state: State<'_, AppState>) -> Result<Vec<JourneySummary>, ApiError> {
    with(&state, |ws| Ok(ws.journeys()))
}

/// A journey's scene, numbered as the one the window now has, so the next edit can answer with what
/// changed in it; also puts the journey and workspace in the window title, and remembers the journey
/// as the one to open first in this workspace next time.
#[tauri::command]
pub async fn journey_scene<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    recent: State<'_, Recent>,
    journey: Id,
) -> Result<ShownScene, ApiError> {
    with(&state, |ws| {
        let shown = ws.shown_scene(journey)?;
        recent.journey_shown(std::path::Path::new(&ws.info().path), journey);
        show_title(&window, ws);
        Ok(shown)
    })
}

/// Puts the journey the window was last sent and the workspace in the window's title.
fn show_title<R: Runtime>(window: &WebviewWindow<R>, ws: &mut OpenWorkspace) {
    if let Some(title) = ws.shown_title() {
        let _ = window.set_title(&format!("{title} — {} — Throughline", ws.info().name));
    }
}

/// One card with all its details, for the details panel.
#[tauri::command]
pub async fn step_details(state: State<'_, AppState>, step: Id) -> Result<Step, ApiError> {
    with(&state, |ws| ws.step(step))
}

/// The cards holding `query` in the journey on screen or, for `scope` all, in every journey with that
/// one first: the find bar's answer to each keystroke.
#[tauri::command]
pub async fn find_cards(
    state: State<'_, AppState>,
    query: String,
    journey: Id,
    scope: FindScope,
) -> Result<Found, ApiError> {
    with(&state, |ws| ws.find(&query, journey, scope))
}

/// Every person, team, system and process, for the entities panel and the pickers.
#[tauri::command]
pub async fn list_entities(state: State<'_, AppState>) -> Result<Vec<EntitySummary>, ApiError> {
    with(&state, |ws| Ok(ws.entities()))
}

/// Every persona with the journeys drawn for it, for the personas view and the pickers.
#[tauri::command]
pub fn list_personas(state: State<'_, AppState>) -> Result<Vec<PersonaSummary>, ApiError> {
    with(&state, |ws| Ok(ws.personas()))
}

/// A journey's comments, open ones first, for the comments panel.
#[tauri::command]
pub fn list_comments(
    state: State<'_, AppState>,
    journey: Id,
) -> Result<Vec<CommentView>, ApiError> {
    with(&state, |ws| ws.comments(journey))
}

/// Every opportunity of every journey, for the opportunities view.
#[tauri::command]
pub fn list_opportunities(state: State<'_, AppState>) -> Result<Vec<OpportunityView>, ApiError> {
    with(&state, |ws| Ok(ws.opportunities()))
}

/// The future state to show for a journey (itself, or its first future state), or none, for the
/// Future state view.
#[tauri::command]
pub fn future_state_of(state: State<'_, AppState>, journey: Id) -> Result<Option<Id>, ApiError> {
    with(&state, |ws| Ok(ws.future_state_of(journey)))
}

/// A future state beside its current state, drawn as one scene, with what it changes. Laid out off
/// the window's thread: two large journeys take a moment.
#[tauri::command]
pub async fn future_state(
    state: State<'_, AppState>,
    journey: Id,
) -> Result<FutureStateView, ApiError> {
    with(&state, |ws| ws.future_state(journey))
}

/// The name the operating system knows the person by, to sign their first comment with.
#[tauri::command]
pub fn default_author() -> String {
    throughline_api::os_user_name()
}

/// A persona's picture as a `data:` URL, or none.
#[tauri::command]
pub fn persona_picture(
    state: State<'_, AppState>,
    persona: Id,
) -> Result<Option<String>, ApiError> {
    with(&state, |ws| ws.persona_picture(persona))
}

/// Where an entity is used, asked before deleting it.
#[tauri::command]
pub async fn entity_usage(state: State<'_, AppState>, entity: Id) -> Result<EntityUsage, ApiError> {
    with(&state, |ws| ws.entity_usage(entity))
}

/// The links from a card or an entity to entities, for the chips of the details panels.
#[tauri::command]
pub async fn links_from(state: State<'_, AppState>, id: Id) -> Result<Vec<Link>, ApiError> {
    with(&state, |ws| Ok(ws.links_from(id)))
}

/// The ownership table across all journeys.
#[tauri::command]
pub async fn ownership(state: State<'_, AppState>) -> Result<Ownership, ApiError> {
    with(&state, |ws| Ok(ws.ownership()))
}

/// The checks, for the whole workspace or one journey.
#[tauri::command]
pub async fn checks(
    state: State<'_, AppState>,
    journey: Option<Id>,
) -> Result<Vec<CheckGroup>, ApiError> {
    with(&state, |ws| Ok(ws.checks(journey)))
}

/// What fails if every one of `entities` does (one entity, or several for a what-if outage).
#[tauri::command]
pub async fn impact_of(state: State<'_, AppState>, entities: Vec<Id>) -> Result<Impact, ApiError> {
    with(&state, |ws| ws.impact_of(&entities))
}

/// Every entity ranked by what its failure alone puts at risk.
#[tauri::command]
pub async fn criticality(state: State<'_, AppState>) -> Result<Vec<CriticalityRow>, ApiError> {
    with(&state, |ws| Ok(ws.criticality()))
}

/// An entity with its neighbours, laid out.
#[tauri::command]
pub async fn network(state: State<'_, AppState>, entity: Id) -> Result<NetworkScene, ApiError> {
    with(&state, |ws| ws.network(entity))
}

/// Applies one edit and answers with what changed in the scene the window has (numbered `have`), or
/// says to fetch it whole.
#[tauri::command]
pub async fn apply_edit<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    edit: Edit,
    have: u64,
) -> Result<SceneUpdate, ApiError> {
    with(&state, |ws| {
        answered(&window, ws, |ws| ws.apply_for_view(&edit, have))
    })
}

/// An edit, undo or redo's answer; a rename it made shows in the title bar at once, since the window
/// takes the patched scene instead of fetching it.
fn answered<R: Runtime>(
    window: &WebviewWindow<R>,
    ws: &mut OpenWorkspace,
    edit: impl FnOnce(&mut OpenWorkspace) -> Result<SceneUpdate, ApiError>,
) -> Result<SceneUpdate, ApiError> {
    let update = edit(ws)?;
    if update.changed.journeys {
        show_title(window, ws);
    }
    Ok(update)
}

/// The cards `steps` of `journey` in the clipboard's forms (rich, lines, table); nothing changes.
#[tauri::command]
pub async fn copy_cards(
    state: State<'_, AppState>,
    journey: Id,
    steps: Vec<Id>,
) -> Result<Clip, ApiError> {
    with(&state, |ws| ws.copy_cards(journey, &steps))
}

/// Pastes a rich clip or plain text into a cell as one edit; answers with the new cards.
#[tauri::command]
pub async fn paste_cards(
    state: State<'_, AppState>,
    journey: Id,
    lane: Id,
    stage: Id,
    pasting: Pasting,
) -> Result<Pasted, ApiError> {
    with(&state, |ws| ws.paste_cards(journey, lane, stage, &pasting))
}

/// Duplicates cards right after themselves as one edit; answers with the copies.
#[tauri::command]
pub async fn duplicate_cards(
    state: State<'_, AppState>,
    journey: Id,
    steps: Vec<Id>,
) -> Result<Pasted, ApiError> {
    with(&state, |ws| ws.duplicate_cards(journey, &steps))
}

/// Undoes the newest edit (persisted, so this works across restarts), answering like `apply_edit`.
#[tauri::command]
pub async fn undo<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    have: u64,
) -> Result<SceneUpdate, ApiError> {
    with(&state, |ws| {
        answered(&window, ws, |ws| ws.undo_for_view(have))
    })
}

/// Redoes the last undone edit, answering like `apply_edit`.
#[tauri::command]
pub async fn redo<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    have: u64,
) -> Result<SceneUpdate, ApiError> {
    with(&state, |ws| {
        answered(&window, ws, |ws| ws.redo_for_view(have))
    })
}

/// The file name an export of a journey called `name` proposes in the save dialog.
#[tauri::command]
pub fn export_file_name(name: String, format: ExportFormat) -> String {
    format!("{}.{}", file_stem(&name), format.extension())
}

/// Starts exporting a journey to `path` and returns at once: the picture is rendered off the workspace
/// on a thread of its own, reporting `export-progress`, then `export-finished` or `export-failed`.
/// `overwrite` once the person has agreed to replace a file that is there (the save dialog asks).
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub fn export_journey<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    exports: State<'_, Exports>,
    journey: Id,
    format: ExportFormat,
    options: ExportOptions,
    path: PathBuf,
    overwrite: bool,
) -> Result<(), ApiError> {
    let job = with(&state, |ws| ws.export_job(journey, format, &options))?;
    export::start(app, &exports, job, path, overwrite)
}

/// Why an export with `options` would be refused, in the user's words, or `None`: the export dialog
/// asks as its choices change, so the rule is not restated in the UI.
#[tauri::command]
pub fn export_problem(options: ExportOptions) -> Option<String> {
    options.problem()
}

/// Asks the export under way to stop; it then ends with `export-failed`, code `cancelled`.
#[tauri::command]
pub fn cancel_export(exports: State<'_, Exports>) {
    exports.cancel();
}

/// Opens the file the last export wrote with the system's program for it (the finished-export
/// notice's "Open"); no other path can be asked for.
#[tauri::command]
pub fn open_export(exports: State<'_, Exports>) -> Result<(), ApiError> {
    let path = exports.written()?;
    tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|e| {
        ApiError::new(
            ErrorCode::Storage,
            format!("{}: no program could open it: {e}", path.display()),
        )
    })
}

/// Shows the file the last export wrote in the file manager (the notice's "Show in folder").
#[tauri::command]
pub fn reveal_export(exports: State<'_, Exports>) -> Result<(), ApiError> {
    crate::workspaces::reveal(&exports.written()?)
}

/// Imports the journey an exported SVG or PNG carries (a picture dropped on the window) as a new
/// journey, in one undoable edit. Runs on a blocking worker, not the window's thread, so a big picture
/// never freezes the window.
#[tauri::command]
pub async fn import_picture_file<R: Runtime>(
    app: AppHandle<R>,
    path: PathBuf,
) -> Result<EditResult, ApiError> {
    tauri::async_runtime::spawn_blocking(move || {
        with(&app.state::<AppState>(), |ws| ws.import_picture_file(&path))
    })
    .await
    .map_err(|e| ApiError::new(ErrorCode::Storage, format!("the import stopped: {e}")))?
}

/// The UI reports that it painted its first blueprint; the time since launch is printed for the
/// start-up benchmark.
#[tauri::command]
pub fn ui_painted() {
    if let Some(start) = LAUNCHED.get() {
        eprintln!(
            "throughline: first blueprint painted {} ms after launch",
            start.elapsed().as_millis()
        );
    }
}

/// The app's version, for Help › About.
#[tauri::command]
pub fn app_version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
