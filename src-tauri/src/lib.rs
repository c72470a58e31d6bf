//! The Throughline window: parses the command line, opens the workspace through `crates/api`, and
//! exposes it to the UI as one-line commands. No domain logic lives here.

mod commands;
mod compositing;
mod csv;
mod export;
mod history;
mod idle;
mod instance;
mod menu;
mod menu_actions;
mod startup;
mod text_editing;
mod tooltip;
mod workspaces;

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use clap::Parser;
use throughline_api::{
    default_workspace_path, retry_while_in_use, ApiError, ErrorCode, OpenWorkspace, OPEN_PATIENCE,
};

/// When the process started, to report how long the first paint took.
static LAUNCHED: OnceLock<Instant> = OnceLock::new();

/// The command line of the app.
#[derive(Parser, Debug)]
#[command(
    name = "throughline-app",
    version,
    about = "Throughline: customer experience blueprints"
)]
pub struct Args {
    /// Workspace file to open instead of the default one (also THROUGHLINE_WORKSPACE).
    #[arg(long, env = "THROUGHLINE_WORKSPACE")]
    pub workspace: Option<PathBuf>,
    /// Workspace file to open, as a file manager passes it; the same as --workspace.
    #[arg(value_name = "FILE", conflicts_with = "workspace")]
    pub file: Option<PathBuf>,
}

impl Args {
    /// The workspace file the command line names, if any.
    pub fn chosen(&self) -> Option<&PathBuf> {
        self.file.as_ref().or(self.workspace.as_ref())
    }
}

/// The open workspace, or why it could not be opened (the UI shows that message instead of a map).
pub struct AppState(pub Mutex<Result<OpenWorkspace, ApiError>>);

impl AppState {
    /// Opens the workspace the command line names, or the default one (created and seeded on first
    /// launch). A workspace another window is still letting go of (quit a moment ago) is asked for
    /// again for a moment before it is refused as open elsewhere.
    pub fn open(args: &Args) -> AppState {
        let opened = match args.chosen() {
            Some(path) => {
                retry_while_in_use(OPEN_PATIENCE, || OpenWorkspace::open_for_editing(path))
            }
            None => match default_workspace_path() {
                Some(path) => retry_while_in_use(OPEN_PATIENCE, || {
                    OpenWorkspace::open_or_create_for_editing(&path)
                }),
                None => Err(ApiError::new(
                    ErrorCode::Storage,
                    "no data directory is known for this user; start with --workspace PATH",
                )),
            },
        };
        match &opened {
            Err(e) => eprintln!("throughline: {}", e.message),
            Ok(ws) if ws.is_read_only() => {
                eprintln!(
                    "throughline: this workspace is read-only: {}",
                    ws.info().path
                )
            }
            Ok(_) => {}
        }
        AppState(Mutex::new(opened))
    }

    /// The open workspace's file, if one is open.
    pub fn path(&self) -> Option<PathBuf> {
        let guard = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard.as_ref().ok().map(|ws| PathBuf::from(ws.info().path))
    }
}

/// Builds the app on any runtime, so the same wiring runs in a window and under Tauri's mock runtime.
pub fn build_app<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: AppState,
    recent: workspaces::Recent,
) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            idle::start(app.handle());
            Ok(())
        })
        .manage(state)
        .manage(recent)
        .manage(export::Exports::default())
        .invoke_handler(tauri::generate_handler![
            commands::window_start,
            commands::list_journeys,
            commands::journey_scene,
            commands::step_details,
            commands::find_cards,
            commands::apply_edit,
            commands::copy_cards,
            commands::paste_cards,
            commands::duplicate_cards,
            commands::undo,
            commands::redo,
            history::history,
            history::versions,
            history::save_version,
            history::restore_history,
            history::restore_version,
            history::compare_with,
            history::scene_then,
            commands::list_entities,
            commands::list_personas,
            commands::list_comments,
            commands::list_opportunities,
            commands::future_state_of,
            commands::future_state,
            commands::default_author,
            commands::persona_picture,
            commands::entity_usage,
            commands::links_from,
            commands::ownership,
            commands::checks,
            commands::impact_of,
            commands::criticality,
            commands::network,
            commands::export_file_name,
            commands::export_journey,
            commands::export_problem,
            commands::cancel_export,
            commands::open_export,
            commands::reveal_export,
            commands::import_picture_file,
            commands::ui_painted,
            commands::app_version,
            menu::fire_menu_item,
            menu_actions::set_menu_enabled,
            menu_actions::menu_item_enabled,
            text_editing::edit_text,
            tooltip::drop_tooltip,
            csv::csv_preview,
            csv::import_csv,
            csv::export_csv,
            workspaces::new_workspace,
            workspaces::open_workspace,
            workspaces::save_workspace_copy,
            workspaces::reveal_workspace,
            workspaces::recent_workspaces,
            workspaces::open_text_folder,
            workspaces::save_text_folder,
        ])
}

/// Runs the desktop app until its window closes.
pub fn run() {
    LAUNCHED.get_or_init(Instant::now);
    compositing::choose();
    let args = Args::parse();
    if instance::handed_over() {
        return;
    }
    startup::preflight();
    throughline_api::use_system_fonts();
    let state = AppState::open(&args);
    let recent = workspaces::Recent::load();
    if let Some(path) = state.path() {
        recent.opened::<tauri::Wry>(None, &path);
    }
    let builder = tauri::Builder::default()
        .plugin(instance::plugin())
        .menu(menu::build)
        .on_menu_event(menu::on_event);
    match build_app(builder, state, recent).build(tauri::generate_context!()) {
        Ok(app) => app.run(|_, event| startup::on_event(&event)),
        Err(e) => startup::fail(&format!("the window could not start: {e}")),
    }
}
