//! Throughline as Git's merge driver for the text form: `git-setup` registers it in a repository, and
//! Git then calls `throughline merge-file` for every text-form file both branches changed, which merges
//! that file record by record instead of line by line.

use std::path::{Path, PathBuf};
use std::process::Command;

use throughline_core::merge::{Conflict, Repair};
use throughline_core::text_form::{merge_file, TextFile, MAX_FILE_BYTES};

use crate::text_form::read_capped;
use crate::{write_atomically, ApiError, ErrorCode};

/// The name the driver is registered under in `.gitattributes` and the Git config.
pub const GIT_DRIVER: &str = "throughline";

/// The `.gitattributes` lines that send the text form's files, wherever the folder sits in the
/// repository, to the driver.
pub const GIT_ATTRIBUTES: [&str; 3] = [
    "workspace.json merge=throughline",
    "entities.json merge=throughline",
    "**/journeys/*.json merge=throughline",
];

/// What [`git_setup`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GitSetup {
    /// The repository's top folder.
    pub repository: PathBuf,
    /// The `.gitattributes` lines added (none when they were all there).
    pub added: Vec<String>,
    /// The command Git now runs to merge a text-form file.
    pub driver: String,
}

fn git(repo: &Path, args: &[&str]) -> Result<String, ApiError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .output()
        .map_err(|e| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("cannot run git ({e}); install Git and make sure it is on the PATH"),
            )
        })?;
    if !out.status.success() {
        return Err(ApiError::new(
            ErrorCode::Invalid,
            format!(
                "{}: git {} failed: {}",
                repo.display(),
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// `path` quoted for the shell Git runs the driver command with.
fn shell_quote(path: &Path) -> String {
    format!("'{}'", path.to_string_lossy().replace('\'', "'\\''"))
}

/// Registers `exe` (this `throughline`) as the merge driver of the Git repository holding `repo`:
/// adds the [`GIT_ATTRIBUTES`] lines missing from its top folder's `.gitattributes` and sets
/// `merge.throughline.name` and `merge.throughline.driver` in its local config. Running it again
/// changes nothing but the driver's path.
pub fn git_setup(repo: &Path, exe: &Path) -> Result<GitSetup, ApiError> {
    let top = git(repo, &["rev-parse", "--show-toplevel"]).map_err(|e| {
        ApiError::new(
            ErrorCode::NotFound,
            format!(
                "{}: not inside a Git repository ({})",
                repo.display(),
                e.message
            ),
        )
    })?;
    let top = PathBuf::from(top);
    let attributes = top.join(".gitattributes");
    let mut text = if attributes.exists() {
        String::from_utf8(read_capped(&attributes, 1 << 20)?).map_err(|_| {
            ApiError::new(
                ErrorCode::Invalid,
                format!("{}: is not UTF-8 text", attributes.display()),
            )
        })?
    } else {
        String::new()
    };
    let added: Vec<String> = GIT_ATTRIBUTES
        .iter()
        .filter(|line| !text.lines().any(|l| l.trim() == **line))
        .map(|l| (*l).to_owned())
        .collect();
    if !added.is_empty() {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        for line in &added {
            text.push_str(line);
            text.push('\n');
        }
        write_atomically(&attributes, text.as_bytes(), true)?;
    }
    let driver = format!("{} merge-file %O %A %B %P", shell_quote(exe));
    git(
        &top,
        &[
            "config",
            "merge.throughline.name",
            "Throughline: merge blueprints record by record",
        ],
    )?;
    git(&top, &["config", "merge.throughline.driver", &driver])?;
    Ok(GitSetup {
        repository: top,
        added,
        driver,
    })
}

/// What [`merge_file_in_place`] did with one file.
#[derive(Clone, Debug, PartialEq)]
pub struct FileMerged {
    /// Where the two sides disagreed (resolved to ours).
    pub conflicts: Vec<Conflict>,
    /// What was changed to keep the rules.
    pub repairs: Vec<Repair>,
    /// Why the file was merged as plain text instead (not a text-form file, or a version that cannot
    /// be read), and how many conflicts that text merge marked.
    pub as_text: Option<(String, usize)>,
}

impl FileMerged {
    /// Whether Git should be told the file still needs a person.
    pub fn needs_attention(&self) -> bool {
        !self.conflicts.is_empty() || self.as_text.as_ref().is_some_and(|(_, n)| *n > 0)
    }
}

/// The driver's work: merges the versions `base` and `theirs` of the repository file `path` into
/// `ours`, which Git then takes as the result. A text-form file is merged record by record and written
/// whole (temporary file and rename); any other file, or one whose versions cannot all be read, is
/// left to `git merge-file`, which marks conflicts the usual way.
pub fn merge_file_in_place(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: &str,
) -> Result<FileMerged, ApiError> {
    let semantic = match TextFile::of(path) {
        None => Err(format!("{path} is not a file of a Throughline text form")),
        Some(kind) => {
            let read = |p: &Path| read_capped(p, MAX_FILE_BYTES);
            let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
            merge_file(kind, path, &b, &o, &t).map_err(|e| e.to_string())
        }
    };
    match semantic {
        Ok(merged) => {
            write_atomically(ours, merged.text.as_bytes(), true)?;
            Ok(FileMerged {
                conflicts: merged.conflicts,
                repairs: merged.repairs,
                as_text: None,
            })
        }
        Err(reason) => {
            let status = Command::new("git")
                .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
                .arg(ours)
                .arg(base)
                .arg(theirs)
                .status()
                .map_err(|e| {
                    ApiError::new(
                        ErrorCode::NotFound,
                        format!("cannot run git merge-file: {e}"),
                    )
                })?;
            let marked = match status.code() {
                Some(n) if n >= 0 => n as usize,
                _ => {
                    return Err(ApiError::new(
                        ErrorCode::Storage,
                        format!("{path}: git merge-file failed ({status})"),
                    ))
                }
            };
            Ok(FileMerged {
                conflicts: Vec::new(),
                repairs: Vec::new(),
                as_text: Some((reason, marked)),
            })
        }
    }
}
