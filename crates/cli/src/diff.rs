//! `throughline diff OLD NEW`: what changed between two versions of a workspace, for reviewers and CI.
//! Exits 0 when they are the same, 1 when they differ and 2 when either cannot be read.

use clap::Args;
use throughline_api::{compare, diff::to_text, read_version};

use crate::analyze::Format;

/// Arguments of `diff`.
#[derive(Args)]
pub struct DiffArgs {
    /// The old version: a workspace file (only read), a text-form folder, or FILE@version.
    old: String,
    /// The new version, in the same forms.
    new: String,
    /// Compare only this journey (name or id).
    #[arg(long, short)]
    journey: Option<String>,
    /// Report format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Prints the diff and returns the exit status: 0 same, 1 different, 2 error (reported on stderr).
pub fn run(args: &DiffArgs) -> u8 {
    match report(args) {
        Ok(false) => 0,
        Ok(true) => 1,
        Err(message) => {
            eprintln!("throughline: {message}");
            2
        }
    }
}

fn report(args: &DiffArgs) -> Result<bool, String> {
    let old = read_version(&args.old).map_err(|e| e.message)?;
    let new = read_version(&args.new).map_err(|e| e.message)?;
    let diff = compare(&old, &new, args.journey.as_deref()).map_err(|e| e.message)?;
    match args.format {
        Format::Json => {
            let json = serde_json::to_string_pretty(&diff)
                .map_err(|e| format!("cannot write the diff as JSON: {e}"))?;
            println!("{json}");
        }
        Format::Text if diff.is_empty() => {
            if diff.unrelated {
                println!("note: the two versions have no journey in common");
            }
            println!("no differences");
        }
        Format::Text => print!("{}", to_text(&diff)),
    }
    Ok(!diff.is_empty())
}
