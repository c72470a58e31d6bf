//! `throughline save-text` and `throughline open-text`: a workspace to and from its Git-friendly text
//! form, for teams that keep their maps in a repository.

use std::path::PathBuf;

use clap::Args;
use throughline_api::{
    create_workspace_file_with_versions, open_text, read_text_versions, OpenWorkspace,
};

/// Arguments of `save-text`.
#[derive(Args)]
pub struct SaveText {
    /// The workspace file (only read).
    workspace: PathBuf,
    /// The folder to write (created if missing; may be a Git repository).
    dir: PathBuf,
    /// Write into a folder that holds other files and no text form.
    #[arg(long)]
    force: bool,
}

/// Arguments of `open-text`.
#[derive(Args)]
pub struct OpenText {
    /// The folder holding the text form.
    dir: PathBuf,
    /// The workspace file to create.
    workspace: PathBuf,
    /// Replace the workspace file if it exists (never while a window has it open).
    #[arg(long)]
    force: bool,
}

/// Saves the workspace's text form and says what changed.
pub fn save(args: &SaveText) -> Result<(), String> {
    let ws = OpenWorkspace::open(&args.workspace).map_err(|e| e.message)?;
    let saved = ws.save_text(&args.dir, args.force).map_err(|e| e.message)?;
    println!(
        "saved {} as text in {}: {} files written, {} unchanged, {} removed",
        args.workspace.display(),
        args.dir.display(),
        saved.written,
        saved.unchanged,
        saved.removed
    );
    Ok(())
}

/// Reads a text form and writes it as a workspace file.
pub fn open(args: &OpenText) -> Result<(), String> {
    let (model, name) = open_text(&args.dir).map_err(|e| e.message)?;
    let versions = read_text_versions(&args.dir).map_err(|e| e.message)?;
    create_workspace_file_with_versions(&args.workspace, &model, &versions, args.force)
        .map_err(|e| e.message)?;
    println!(
        "created {} from the text form of \"{name}\" in {}: {} journeys, {} entities, {} named versions",
        args.workspace.display(),
        args.dir.display(),
        model.journeys.len(),
        model.entities.len(),
        versions.len()
    );
    Ok(())
}
