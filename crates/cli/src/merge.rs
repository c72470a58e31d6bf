//! `throughline merge BASE OURS THEIRS -o OUT`: two people's changes to one workspace brought
//! together record by record. Exits 0 when clean, 1 when conflicts were listed (each resolved to ours),
//! 2 on an error; nothing is written on an error.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;
use throughline_api::merge::{to_text, Conflict, Repair};
use throughline_api::{merge_versions, read_version, write_workspace_to, Written};

use crate::analyze::Format;

/// Arguments of `merge`.
#[derive(Args)]
pub struct MergeArgs {
    /// The version both sides started from: a workspace file (only read), a text-form folder, or
    /// FILE@version.
    base: String,
    /// Our version, in the same forms; it wins every conflict.
    ours: String,
    /// Their version, in the same forms.
    theirs: String,
    /// Where to write the result: a workspace file, or a text-form folder (a folder, or a path with no
    /// extension).
    #[arg(long, short)]
    out: PathBuf,
    /// Replace what is at OUT (never a workspace open in a window).
    #[arg(long)]
    force: bool,
    /// Report format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// The JSON report.
#[derive(Serialize)]
struct Report<'a> {
    out: String,
    conflicts: &'a [Conflict],
    repairs: &'a [Repair],
}

/// Merges, writes and reports; returns the exit status.
pub fn run(args: &MergeArgs) -> u8 {
    match merge(args) {
        Ok(false) => 0,
        Ok(true) => 1,
        Err(message) => {
            eprintln!("throughline: {message}");
            2
        }
    }
}

fn merge(args: &MergeArgs) -> Result<bool, String> {
    let read = |spec: &str| read_version(spec).map_err(|e| e.message);
    let (base, ours, theirs) = (read(&args.base)?, read(&args.ours)?, read(&args.theirs)?);
    let done = merge_versions(&base, &ours, &theirs).map_err(|e| e.message)?;
    let written = write_workspace_to(&args.out, &done.merged.workspace, &done.name, args.force)
        .map_err(|e| e.message)?;
    let m = &done.merged;
    match args.format {
        Format::Json => {
            let report = Report {
                out: args.out.display().to_string(),
                conflicts: &m.conflicts,
                repairs: &m.repairs,
            };
            let json = serde_json::to_string_pretty(&report)
                .map_err(|e| format!("cannot write the report as JSON: {e}"))?;
            println!("{json}");
        }
        Format::Text => {
            if done.unrelated {
                println!("note: ours and theirs have no journey in common");
            }
            print!("{}", to_text(m));
            let what = match written {
                Written::File => "workspace file",
                Written::TextForm => "text form",
            };
            println!(
                "merged into {} ({what}): {} conflicts, {} repairs",
                args.out.display(),
                m.conflicts.len(),
                m.repairs.len()
            );
        }
    }
    Ok(!m.conflicts.is_empty())
}
