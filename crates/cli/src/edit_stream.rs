//! `throughline edit-stream` (hidden): edits a workspace as fast as it can and prints each edit's
//! number once `apply` has returned, that is once the edit is reported saved. The crash test kills it
//! at a random moment and checks that every edit it printed is in the file.

use std::io::Write;
use std::path::PathBuf;

use throughline_api::{Edit, OpenWorkspace};

/// What to edit and how much.
#[derive(clap::Args)]
pub struct Args {
    /// The workspace file.
    workspace: PathBuf,
    /// The number of the first edit; edit n writes "edit n" on card n modulo the card count.
    #[arg(long, default_value_t = 0)]
    start: u64,
    /// How many edits to make before stopping.
    #[arg(long, default_value_t = u64::MAX)]
    count: u64,
}

/// Runs the stream until `count` edits are saved or the process is killed.
pub fn run(args: &Args) -> Result<(), String> {
    let mut ws = OpenWorkspace::open_for_editing(&args.workspace).map_err(|e| e.message)?;
    let cards: Vec<_> = ws
        .model()
        .journeys
        .iter()
        .flat_map(|j| j.steps.iter().map(|s| s.id))
        .collect();
    if cards.is_empty() {
        return Err(format!(
            "{}: has no cards to edit",
            args.workspace.display()
        ));
    }
    let mut out = std::io::stdout().lock();
    for n in args.start..args.start.saturating_add(args.count) {
        let step = cards[(n % cards.len() as u64) as usize];
        ws.apply(&Edit::SetStepText {
            step,
            text: format!("edit {n}"),
        })
        .map_err(|e| e.message)?;
        writeln!(out, "{n}")
            .and_then(|()| out.flush())
            .map_err(|e| format!("cannot write to standard output: {e}"))?;
    }
    Ok(())
}
