//! Versions of a workspace to compare or merge, named the way a person types them: a workspace file,
//! a text-form folder, or `FILE@version` for a named version kept inside a workspace file.

use throughline_core::diff::{diff, diff_journey, WorkspaceDiff};
use throughline_core::{Id, Workspace};

use crate::resolve::split_version_spec;
use crate::{open_text, resolve_at, ApiError, ErrorCode, OpenWorkspace};

/// One version of a workspace, read and checked, with the name it goes by.
#[derive(Clone, Debug)]
pub struct WorkspaceVersion {
    /// The workspace as that version holds it.
    pub workspace: Workspace,
    /// The workspace's name (a file's stem, or the name a text form's `workspace.json` gives).
    pub name: String,
    /// What the person typed, for messages.
    pub spec: String,
}

/// Reads the version `spec` names: a text-form folder, a workspace file (opened read-only, so a
/// workspace open in a window can be compared), or `FILE@version`.
pub fn read_version(spec: &str) -> Result<WorkspaceVersion, ApiError> {
    let (path, version) = split_version_spec(spec);
    let (workspace, name) = match version {
        Some(v) => {
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            (resolve_at(spec)?, format!("{name}@{v}"))
        }
        None if path.is_dir() => open_text(&path)?,
        None if path.exists() => {
            let ws = OpenWorkspace::open_read_only(&path)?;
            let name = ws.info().name;
            (ws.model().clone(), name)
        }
        None => {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!(
                    "{}: no such workspace file or text-form folder",
                    path.display()
                ),
            ))
        }
    };
    Ok(WorkspaceVersion {
        workspace,
        name,
        spec: spec.to_owned(),
    })
}

impl OpenWorkspace {
    /// The open workspace as a version to compare with another (the compare view's "new" side).
    pub fn as_version(&self) -> WorkspaceVersion {
        let info = self.info();
        WorkspaceVersion {
            workspace: self.model().clone(),
            spec: info.path.clone(),
            name: info.name,
        }
    }
}

/// What differs from `old` to `new`, in every journey or only the one `journey` names (by name or id,
/// looked up in the new version first, then the old one).
pub fn compare(
    old: &WorkspaceVersion,
    new: &WorkspaceVersion,
    journey: Option<&str>,
) -> Result<WorkspaceDiff, ApiError> {
    let Some(wanted) = journey else {
        return Ok(diff(&old.workspace, &new.workspace));
    };
    let id = find_journey_in(&new.workspace, wanted)
        .or_else(|| find_journey_in(&old.workspace, wanted))
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!(
                    "no journey named \"{wanted}\" in {} or {}",
                    new.spec, old.spec
                ),
            )
        })?;
    Ok(diff_journey(&old.workspace, &new.workspace, id))
}

fn find_journey_in(ws: &Workspace, name_or_id: &str) -> Option<Id> {
    let by_id = name_or_id.parse::<Id>().ok();
    ws.journeys
        .iter()
        .find(|j| Some(j.id) == by_id || j.name.eq_ignore_ascii_case(name_or_id.trim()))
        .map(|j| j.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open_workspace_compares_with_its_file_and_its_text_form() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("claims.throughline");
        let ws = OpenWorkspace::create_sample(&file).unwrap();
        let folder = dir.path().join("claims-text");
        ws.save_text(&folder, false).unwrap();
        let open = ws.as_version();
        assert_eq!(open.name, "claims");
        for spec in [&file, &folder] {
            let other = read_version(spec.to_str().unwrap()).unwrap();
            assert!(compare(&other, &open, None).unwrap().is_empty());
        }
        let first = &open.workspace.journeys[0];
        let one = compare(&open, &open, Some(&first.name.to_uppercase())).unwrap();
        assert!(one.is_empty());
    }

    #[test]
    fn a_named_version_is_read_from_its_file_and_a_missing_one_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("hotel.throughline");
        let mut ws = OpenWorkspace::create_sample(&file).unwrap();
        ws.save_version("after workshop 2").unwrap();
        let journey = ws.model().journeys[0].id;
        ws.apply(&throughline_core::edit::Edit::DeleteJourney { journey })
            .unwrap();
        drop(ws);
        let then = read_version(&format!("{}@after workshop 2", file.display())).unwrap();
        assert!(then.workspace.journey(journey).is_some());
        assert_eq!(then.name, "hotel@after workshop 2");
        let now = read_version(file.to_str().unwrap()).unwrap();
        assert_eq!(compare(&then, &now, None).unwrap().journeys.len(), 1);

        let e = read_version(&format!("{}@after workshop 9", file.display())).unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound);
        assert!(e.message.contains("after workshop 9"), "{}", e.message);
        let e = read_version(dir.path().join("nothing").to_str().unwrap()).unwrap_err();
        assert!(
            e.message
                .contains("no such workspace file or text-form folder"),
            "{}",
            e.message
        );
    }
}
