//! Workspace files as the File menu handles them: a new workspace (blank or with the sample
//! journeys), the name a new file gets, and a consistent copy of the open one.

use std::path::{Path, PathBuf};

use throughline_core::edit::{apply, Edit, Template};
use throughline_core::sample::sample_workspace;
use throughline_core::{Id, Workspace};

use crate::recent::canonical_path;
use crate::{ApiError, ErrorCode, OpenWorkspace};

/// The extension every workspace file has.
pub const WORKSPACE_EXTENSION: &str = "throughline";

/// What a new workspace starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum NewWorkspace {
    /// One untitled journey with the standard blueprint lanes, ready for the first card.
    Blank,
    /// The sample journeys with their teams and systems, to explore or teach with.
    Sample,
}

/// `path` with `.throughline` appended when it has another extension or none ("Clinic" becomes
/// "Clinic.throughline", "v1.2" becomes "v1.2.throughline").
pub fn with_workspace_extension(path: &Path) -> PathBuf {
    if path.extension().is_some_and(|e| e == WORKSPACE_EXTENSION) {
        return path.to_path_buf();
    }
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(WORKSPACE_EXTENSION);
    PathBuf::from(name)
}

impl OpenWorkspace {
    /// Creates a workspace at `path` (`.throughline` appended when missing) holding what `start`
    /// says, and opens it for a window to edit. Refuses if a file is already there.
    pub fn create_for_editing(path: &Path, start: NewWorkspace) -> Result<Self, ApiError> {
        let path = with_workspace_extension(path);
        if path.exists() {
            return Err(ApiError::new(
                ErrorCode::Invalid,
                format!(
                    "{}: a file is already there; choose another name for the new workspace",
                    path.display()
                ),
            ));
        }
        let model = match start {
            NewWorkspace::Sample => {
                sample_workspace().map_err(|e| ApiError::new(ErrorCode::Invalid, e.to_string()))?
            }
            NewWorkspace::Blank => blank_workspace()?,
        };
        drop(Self::create_from(&path, &model)?);
        Self::open_for_editing(&path)
    }

    /// Writes a consistent copy of this workspace, with every edit made so far, to `dest`, while the
    /// window goes on editing this one. The copy is written to a temporary file beside `dest` and
    /// renamed into place, so `dest` is never half written. Refuses the open file itself, and a
    /// file already at `dest` unless `overwrite` (the native save dialog has asked).
    pub fn save_copy(&self, dest: &Path, overwrite: bool) -> Result<(), ApiError> {
        let shown = dest.display();
        if let Some(own) = self.store().path() {
            if canonical_path(own) == canonical_path(dest) {
                return Err(ApiError::new(
                    ErrorCode::Invalid,
                    format!("{shown}: is the workspace open in this window; choose another file for the copy"),
                ));
            }
        }
        if dest.exists() && !overwrite {
            return Err(ApiError::new(
                ErrorCode::Invalid,
                format!("{shown}: a file is already there; choose another name"),
            ));
        }
        let dir = dest
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let storage = |e: std::io::Error| {
            ApiError::new(ErrorCode::Storage, format!("{shown}: cannot write: {e}"))
        };
        let tmp = tempfile::Builder::new()
            .prefix(".throughline-copy-")
            .tempfile_in(&dir)
            .map_err(storage)?;
        self.store().backup_to(tmp.path())?;
        tmp.as_file().sync_all().map_err(storage)?;
        if overwrite {
            tmp.persist(dest).map_err(|e| storage(e.error))?;
        } else {
            tmp.persist_noclobber(dest).map_err(|e| storage(e.error))?;
        }
        Ok(())
    }
}

/// A workspace holding one untitled journey made from the blueprint template.
fn blank_workspace() -> Result<Workspace, ApiError> {
    let mut model = Workspace::default();
    apply(
        &mut model,
        &Edit::CreateJourney {
            journey: Id::new(),
            name: "Untitled journey".into(),
            template: Template::Blueprint,
        },
    )?;
    Ok(model)
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_core::edit::Slot;
    use throughline_core::LaneKind;

    #[test]
    fn new_files_get_the_workspace_extension_once() {
        assert_eq!(
            with_workspace_extension(Path::new("/w/Clinic")),
            Path::new("/w/Clinic.throughline")
        );
        assert_eq!(
            with_workspace_extension(Path::new("/w/v1.2")),
            Path::new("/w/v1.2.throughline")
        );
        assert_eq!(
            with_workspace_extension(Path::new("/w/a.throughline")),
            Path::new("/w/a.throughline")
        );
    }

    #[test]
    fn a_blank_workspace_has_one_blueprint_journey_and_a_sample_one_the_sample() {
        let dir = tempfile::tempdir().unwrap();
        let blank =
            OpenWorkspace::create_for_editing(&dir.path().join("clinic"), NewWorkspace::Blank)
                .unwrap();
        assert_eq!(blank.info().name, "clinic");
        assert!(blank.info().path.ends_with("clinic.throughline"));
        let journeys = blank.journeys();
        assert_eq!(journeys.len(), 1);
        assert_eq!(journeys[0].name, "Untitled journey");
        assert_eq!(journeys[0].steps, 0);
        let lanes = &blank.model().journeys[0].lanes;
        assert!(lanes.iter().any(|l| l.kind == LaneKind::Customer));
        assert!(
            !blank.status(None).can_undo,
            "a new workspace has no history"
        );

        let sample = OpenWorkspace::create_for_editing(
            &dir.path().join("teach.throughline"),
            NewWorkspace::Sample,
        )
        .unwrap();
        let seeded = sample_workspace().unwrap();
        let names = |w: &Workspace| {
            w.journeys
                .iter()
                .map(|j| j.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(sample.model()), names(&seeded));
        assert_eq!(sample.model().entities.len(), seeded.entities.len());
        assert_eq!(sample.model().links.len(), seeded.links.len());
        let err =
            OpenWorkspace::create_for_editing(&dir.path().join("clinic"), NewWorkspace::Sample)
                .err()
                .expect("refused");
        assert!(err.message.contains("already there"), "{}", err.message);
        assert_eq!(blank.journeys().len(), 1, "the existing file is untouched");
    }

    /// A hotel's check-in journey edited in a window (its edits still in the write-ahead log) is
    /// copied whole; the copy opens with every edit, and the window goes on with the original.
    #[test]
    fn a_copy_of_a_live_workspace_holds_every_edit_and_the_window_keeps_the_original() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hotel.throughline");
        let mut ws = OpenWorkspace::create_for_editing(&path, NewWorkspace::Blank).unwrap();
        let journey = ws.journeys()[0].id;
        ws.apply(&Edit::UpdateJourney {
            journey,
            name: "Hotel check-in".into(),
            persona: "Late-night guest".into(),
            description: String::new(),
        })
        .unwrap();
        let lane = ws.model().journeys[0].lanes[1].id;
        let stage = ws.model().journeys[0].stages[0].id;
        let step = Id::new();
        ws.apply(&Edit::AddStep {
            journey,
            step,
            lane,
            stage,
            to: Slot::Before { id: None },
            text: "Guest asks for the room key".into(),
        })
        .unwrap();
        assert!(
            std::fs::metadata(dir.path().join("hotel.throughline-wal"))
                .unwrap()
                .len()
                > 0,
            "the edits are not yet folded into the file"
        );

        let copy_path = dir.path().join("hotel-copy.throughline");
        ws.save_copy(&copy_path, false).unwrap();
        let copy = OpenWorkspace::open_for_editing(&copy_path).unwrap();
        assert_eq!(copy.model(), ws.model());
        assert_eq!(copy.journeys()[0].name, "Hotel check-in");
        assert_eq!(copy.step(step).unwrap().text, "Guest asks for the room key");
        assert_eq!(ws.info().path, path.display().to_string());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".throughline-copy-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");

        let err = ws.save_copy(&path, true).unwrap_err();
        assert!(
            err.message.contains("open in this window"),
            "{}",
            err.message
        );
        let err = ws.save_copy(&copy_path, false).unwrap_err();
        assert!(err.message.contains("already there"), "{}", err.message);
        drop(copy);
        ws.apply(&Edit::SetStepText {
            step,
            text: "Guest collects the key".into(),
        })
        .unwrap();
        ws.save_copy(&copy_path, true).unwrap();
        let replaced = OpenWorkspace::open(&copy_path).unwrap();
        assert_eq!(replaced.step(step).unwrap().text, "Guest collects the key");
    }
}
