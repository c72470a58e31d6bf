//! `throughline git-setup` and `throughline merge-file`: Throughline as the merge driver of a Git
//! repository holding text forms, so `git merge` merges blueprints record by record.

use std::path::PathBuf;

use clap::Args;
use throughline_api::merge::describe;
use throughline_api::{git_setup, merge_file_in_place};

/// Arguments of `git-setup`.
#[derive(Args)]
pub struct GitSetupArgs {
    /// A folder inside the repository (the current folder when omitted).
    #[arg(default_value = ".")]
    repo: PathBuf,
}

/// Arguments of `merge-file` (Git passes them: %O %A %B %P).
#[derive(Args)]
pub struct MergeFileArgs {
    /// The common ancestor's version of the file (%O).
    base: PathBuf,
    /// Our version (%A); the merged file is written here.
    ours: PathBuf,
    /// Their version (%B).
    theirs: PathBuf,
    /// The file's path in the repository (%P), which says which text-form file it is.
    path: String,
}

/// Registers this `throughline` as the repository's merge driver for the text form.
pub fn setup(args: &GitSetupArgs) -> Result<(), String> {
    let exe = std::env::current_exe()
        .map_err(|e| format!("cannot tell where this throughline is installed: {e}"))?;
    let done = git_setup(&args.repo, &exe).map_err(|e| e.message)?;
    let attributes = done.repository.join(".gitattributes");
    if done.added.is_empty() {
        println!(
            "{}: already sends the text form to throughline",
            attributes.display()
        );
    } else {
        for line in &done.added {
            println!("{}: added \"{line}\"", attributes.display());
        }
    }
    println!(
        "{}: merge.throughline.driver = {}",
        done.repository.display(),
        done.driver
    );
    Ok(())
}

/// Merges one file for Git; returns the exit status Git reads: 0 merged, 1 needs a person, 2 error.
pub fn merge_file(args: &MergeFileArgs) -> u8 {
    match merge_file_in_place(&args.base, &args.ours, &args.theirs, &args.path) {
        Ok(done) => {
            if let Some((reason, marked)) = &done.as_text {
                eprintln!("throughline: {reason}; merged as text ({marked} conflicts marked)");
            }
            let report = describe(&done.conflicts, &done.repairs);
            for line in report.lines() {
                eprintln!("throughline: {}: {line}", args.path);
            }
            u8::from(done.needs_attention())
        }
        Err(e) => {
            eprintln!("throughline: {}: {}", args.path, e.message);
            2
        }
    }
}
