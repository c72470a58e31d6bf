//! `merge BASE OURS THEIRS -o OUT`: three versions merged record by record (see
//! [`throughline_core::merge`]) and the result written as a workspace file or a text-form folder,
//! never over anything without `force`, never over a workspace open in a window, and never half
//! written.

use std::path::Path;

use throughline_core::diff::diff;
use throughline_core::merge::{merge, merge_name, Merged};
use throughline_core::Workspace;

use crate::{create_workspace_file, save_text, ApiError, ErrorCode, WorkspaceVersion};

/// A merge of three versions, ready to be written.
#[derive(Clone, Debug)]
pub struct VersionsMerged {
    /// The merged workspace with its conflicts and repairs.
    pub merged: Merged,
    /// The merged workspace's name (the text form keeps it).
    pub name: String,
    /// Whether ours and theirs have journeys but none in common, so they are likely not two versions
    /// of one workspace.
    pub unrelated: bool,
}

/// Merges the changes from `base` to `ours` and to `theirs`.
pub fn merge_versions(
    base: &WorkspaceVersion,
    ours: &WorkspaceVersion,
    theirs: &WorkspaceVersion,
) -> Result<VersionsMerged, ApiError> {
    let mut merged = merge(&base.workspace, &ours.workspace, &theirs.workspace).map_err(|e| {
        ApiError::new(
            ErrorCode::Invalid,
            format!("the versions cannot be merged into a valid workspace: {e}"),
        )
    })?;
    let (name, conflict) = merge_name(&base.name, &ours.name, &theirs.name);
    merged.conflicts.extend(conflict);
    Ok(VersionsMerged {
        unrelated: diff(&ours.workspace, &theirs.workspace).unrelated,
        merged,
        name,
    })
}

/// How [`write_workspace_to`] wrote its output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// A workspace file.
    File,
    /// A text-form folder.
    TextForm,
}

/// Writes `model` named `name` to `out`: a text-form folder when `out` is a folder or a path without
/// an extension, a workspace file otherwise. Anything already at `out` is replaced only with `force`,
/// and a workspace open in a window never; a new file or folder is written beside `out` and renamed
/// into place, so a failed write leaves nothing behind.
pub fn write_workspace_to(
    out: &Path,
    model: &Workspace,
    name: &str,
    force: bool,
) -> Result<Written, ApiError> {
    let folder = out.is_dir() || (!out.exists() && out.extension().is_none());
    if !folder && out.exists() {
        create_workspace_file(out, model, force)?;
        return Ok(Written::File);
    }
    if out.exists() {
        let busy = std::fs::read_dir(out)
            .map_err(|e| storage(out, "be listed", e))?
            .filter_map(Result::ok)
            .any(|e| !e.file_name().to_string_lossy().starts_with('.'));
        if busy && !force {
            return Err(ApiError::new(
                ErrorCode::Invalid,
                format!(
                    "{}: the folder already holds files; use --force to write the merged text form into it",
                    out.display()
                ),
            ));
        }
        save_text(model, name, out, force)?;
        return Ok(Written::TextForm);
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let scratch = tempfile::Builder::new()
        .prefix(".throughline-")
        .tempdir_in(parent)
        .map_err(|e| storage(parent, "hold a temporary folder", e))?;
    let fresh = scratch.path().join("new");
    let written = if folder {
        save_text(model, name, &fresh, false)?;
        Written::TextForm
    } else {
        create_workspace_file(&fresh, model, false)?;
        Written::File
    };
    if out.exists() {
        return Err(ApiError::new(
            ErrorCode::Invalid,
            format!(
                "{}: appeared while the merge was written; nothing was replaced",
                out.display()
            ),
        ));
    }
    std::fs::rename(&fresh, out).map_err(|e| storage(out, "be created", e))?;
    Ok(written)
}

fn storage(path: &Path, doing: &str, e: std::io::Error) -> ApiError {
    ApiError::new(
        ErrorCode::Storage,
        format!("{}: cannot {doing}: {e}", path.display()),
    )
}
