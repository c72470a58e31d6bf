//! `throughline history` and `throughline version`: a workspace's edits, newest first, and its named
//! versions, for scripts and for people at a terminal.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use throughline_api::{format_time, HistoryPage, OpenWorkspace, MAX_HISTORY_PAGE};

/// Arguments of `history`.
#[derive(Args)]
pub struct HistoryArgs {
    /// The workspace file (only read).
    workspace: PathBuf,
    /// How many edits to list, newest first.
    #[arg(long, default_value_t = 50)]
    limit: u32,
}

/// `version` subcommands.
#[derive(Subcommand)]
pub enum VersionCommand {
    /// Save the workspace as it is now as a named version (e.g. "after workshop 2").
    Save {
        /// The workspace file.
        workspace: PathBuf,
        /// The version's name: one line, at most 200 characters, not used by another version.
        name: String,
    },
    /// List the named versions, oldest first: name and when each was saved.
    List {
        /// The workspace file (only read).
        workspace: PathBuf,
    },
}

/// Prints up to `limit` edits, newest first, one line each: when, what, and whether it is undone.
pub fn history(args: &HistoryArgs) -> Result<(), String> {
    let ws = OpenWorkspace::open_read_only(&args.workspace).map_err(|e| e.message)?;
    let mut left = args.limit;
    let mut before_seq = None;
    while left > 0 {
        let page = ws
            .history(&HistoryPage {
                before_seq,
                limit: left.min(MAX_HISTORY_PAGE),
            })
            .map_err(|e| e.message)?;
        for e in &page.entries {
            let when =
                e.at.map_or_else(|| "(time not recorded)".to_owned(), format_time);
            let undone = if e.undone { " (undone)" } else { "" };
            println!("{when}  {}{undone}", e.description);
        }
        left = left.saturating_sub(page.entries.len() as u32);
        match page.next_before_seq {
            Some(seq) => before_seq = Some(seq),
            None => break,
        }
    }
    Ok(())
}

/// Runs a `version` subcommand.
pub fn version(command: &VersionCommand) -> Result<(), String> {
    match command {
        VersionCommand::Save { workspace, name } => {
            let mut ws = OpenWorkspace::open(workspace).map_err(|e| e.message)?;
            let v = ws.save_version(name).map_err(|e| e.message)?;
            println!(
                "saved version \"{}\" of {} at {}",
                v.name,
                workspace.display(),
                format_time(v.at)
            );
        }
        VersionCommand::List { workspace } => {
            let ws = OpenWorkspace::open_read_only(workspace).map_err(|e| e.message)?;
            let versions = ws.versions().map_err(|e| e.message)?;
            if versions.is_empty() {
                eprintln!("{} has no named versions", workspace.display());
            }
            for v in versions {
                println!("{}  {}", format_time(v.at), v.name);
            }
        }
    }
    Ok(())
}
