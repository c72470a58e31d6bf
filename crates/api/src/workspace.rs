//! An open workspace: the store, the model loaded from it, and the fonts scenes are laid out with.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use throughline_core::edit::{apply, describe, Edit, Touched};
use throughline_core::find::FindIndex;
use throughline_core::graph::WorkspaceGraph;
use throughline_core::impact::OutageIndex;
use throughline_core::sample::sample_workspace;
use throughline_core::{Id, Step, Workspace};

use throughline_render::{
    export_scene, layout_cached, to_svg, ExportOptions, Fonts, Scene, TitleInfo, WrapCache,
};
use throughline_store::{History, Store, StoreError};

use crate::annotate::annotations;
use crate::{ApiError, EditResult, ErrorCode, JourneySummary, WorkspaceInfo};

/// Where the app keeps the workspace it opens when given none: `default.throughline` in the user's
/// data directory (`~/.local/share/throughline` on Linux).
pub fn default_workspace_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("throughline").join("default.throughline"))
}

/// A workspace open for reading and editing. The model in memory always equals what is committed.
pub struct OpenWorkspace {
    store: Store,
    model: Workspace,
    pub(crate) fonts: Fonts,
    pub(crate) wrapped: RefCell<WrapCache>,
    /// The graph the analyses run on, built on first use and then kept in step with every edit.
    graph: RefCell<Option<WorkspaceGraph>>,
    /// The graph packed for outage queries, built on the first one and dropped by the next edit, so
    /// a manager's successive what-ifs share it.
    outages: RefCell<Option<OutageIndex>>,
    /// Every card's folded text for find, built on the first keystroke and dropped by the next edit,
    /// so typing a query scans prepared memory instead of lowercasing the workspace per key.
    finder: RefCell<Option<FindIndex>>,
    /// When the newest edit not yet folded into the main file was made.
    unsaved_since: Option<Instant>,
    /// The scene the window was last sent and its version, which edits answer with a diff against.
    view: crate::scene_update::View,
}

impl OpenWorkspace {
    /// Opens an existing workspace file for editing. The editing lock is taken before anything else
    /// touches the file, so while another window or command edits it this is refused, naming the
    /// holder. A file or folder that may not be written is opened read-only instead
    /// ([`OpenWorkspace::is_read_only`]), and every edit is then refused saying so.
    pub fn open(path: &Path) -> Result<Self, ApiError> {
        let store = match Store::open(path) {
            Err(StoreError::ReadOnly(_)) => Store::open_read_only(path)?,
            opened => opened?,
        };
        Self::load(store)
    }

    /// Opens an existing workspace only to read it (listing, analysing, drawing, exporting): it is
    /// not locked, migrated or checkpointed, its bytes stay as they are, and every edit is refused.
    /// Works beside a window editing the same file.
    pub fn open_read_only(path: &Path) -> Result<Self, ApiError> {
        Self::load(Store::open_read_only(path)?)
    }

    fn load(store: Store) -> Result<Self, ApiError> {
        let model = store.load()?;
        Ok(Self::from_parts(store, model))
    }

    /// Creates a workspace at `path`, seeded with the sample journeys, and keeps it open for editing;
    /// refuses if a file is there.
    pub fn create_sample(path: &Path) -> Result<Self, ApiError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                ApiError::new(
                    ErrorCode::Storage,
                    format!("{}: cannot create the folder: {e}", dir.display()),
                )
            })?;
        }
        let sample =
            sample_workspace().map_err(|e| ApiError::new(ErrorCode::Invalid, e.to_string()))?;
        let mut store = Store::create(path)?;
        store.insert_workspace(&sample)?;
        Self::load(store)
    }

    /// Creates a workspace at `path` holding `model` (checked against the model's rules first), and
    /// keeps it open for editing; refuses if a file is there.
    pub fn create_from(path: &Path, model: &Workspace) -> Result<Self, ApiError> {
        throughline_core::validate_workspace(model)
            .map_err(|e| ApiError::new(ErrorCode::Invalid, e.to_string()))?;
        let mut store = Store::create(path)?;
        store.insert_workspace(model)?;
        Self::load(store)
    }

    /// Opens the workspace at `path`, creating and seeding it first if nothing is there. This is how
    /// the default workspace comes to exist on first launch; later launches only open it.
    pub fn open_or_create_sample(path: &Path) -> Result<Self, ApiError> {
        if path.exists() {
            Self::open(path)
        } else {
            Self::create_sample(path)
        }
    }

    /// A workspace in memory holding `model`, for tests and benchmarks.
    pub fn in_memory(model: &Workspace) -> Result<Self, ApiError> {
        let mut store = Store::open_in_memory()?;
        store.insert_workspace(model)?;
        Self::load(store)
    }

    /// `model` open in memory and read-only: a workspace as it was, to look at, never to edit.
    pub fn read_only_view(model: &Workspace) -> Result<Self, ApiError> {
        let mut store = Store::open_in_memory()?;
        store.insert_workspace(model)?;
        store.seal();
        Ok(Self::from_parts(store, model.clone()))
    }

    /// Opens a workspace for a window to edit: [`OpenWorkspace::open`], which is refused while
    /// another window or command (of any Throughline process) has the same file open for editing.
    pub fn open_for_editing(path: &Path) -> Result<Self, ApiError> {
        Self::open(path)
    }

    /// [`OpenWorkspace::open_for_editing`], creating and seeding the file first if nothing is there.
    pub fn open_or_create_for_editing(path: &Path) -> Result<Self, ApiError> {
        Self::open_or_create_sample(path)
    }

    /// Whether edits are refused because the workspace was opened read-only (asked for, or because
    /// its file or folder may not be written).
    pub fn is_read_only(&self) -> bool {
        self.store.is_read_only()
    }

    /// Folds the edits of the last while into the main file and empties the write-ahead log, once no
    /// edit has come for `idle`; does nothing (and returns `false`) before that or when there is
    /// nothing to fold. The app calls it from a timer, the CLI after a batch of writes, so the log
    /// stays small and a copy of the main file alone holds every edit.
    pub fn checkpoint_if_idle(&mut self, idle: Duration) -> Result<bool, ApiError> {
        match self.unsaved_since {
            Some(at) if at.elapsed() >= idle => {
                let emptied = self.store.checkpoint_idle()?;
                if emptied {
                    self.unsaved_since = None;
                }
                Ok(emptied)
            }
            _ => Ok(false),
        }
    }

    fn from_parts(store: Store, model: Workspace) -> Self {
        OpenWorkspace {
            unsaved_since: None,
            store,
            model,
            fonts: Fonts::embedded(),
            wrapped: RefCell::new(WrapCache::default()),
            graph: RefCell::new(None),
            outages: RefCell::new(None),
            finder: RefCell::new(None),
            view: Default::default(),
        }
    }

    /// The file and its name.
    pub fn info(&self) -> WorkspaceInfo {
        let path = self.store.path().map(Path::to_path_buf).unwrap_or_default();
        WorkspaceInfo {
            name: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "workspace".into()),
            path: path.display().to_string(),
            read_only: self.is_read_only(),
        }
    }

    /// The model as committed.
    pub fn model(&self) -> &Workspace {
        &self.model
    }

    /// Every journey, in sidebar order.
    pub fn journeys(&self) -> Vec<JourneySummary> {
        self.model
            .journeys
            .iter()
            .map(|j| JourneySummary {
                id: j.id,
                name: j.name.clone(),
                persona: j.persona.clone(),
                description: j.description.clone(),
                stages: j.stages.len() as u32,
                steps: j.steps.len() as u32,
                personas: j.personas.clone(),
                evidence: throughline_core::evidence::coverage(j),
                open_comments: j.comments.iter().filter(|c| !c.resolved).count() as u32,
                future_of: j.future_of,
            })
            .collect()
    }

    /// Finds a journey by id or by name (case-insensitive), as a CLI user would name it.
    pub fn find_journey(&self, name_or_id: &str) -> Result<Id, ApiError> {
        let by_id = name_or_id.parse::<Id>().ok();
        self.model
            .journeys
            .iter()
            .find(|j| Some(j.id) == by_id || j.name.eq_ignore_ascii_case(name_or_id.trim()))
            .map(|j| j.id)
            .ok_or_else(|| {
                let names: Vec<&str> = self
                    .model
                    .journeys
                    .iter()
                    .map(|j| j.name.as_str())
                    .collect();
                ApiError::new(
                    ErrorCode::NotFound,
                    format!(
                        "no journey named \"{name_or_id}\"; the workspace has: {}",
                        names.join(", ")
                    ),
                )
            })
    }

    /// One card with everything about it, for the details panel.
    pub fn step(&self, step: Id) -> Result<Step, ApiError> {
        self.model
            .journeys
            .iter()
            .find_map(|j| j.step(step))
            .cloned()
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "that card no longer exists"))
    }

    /// The journey laid out for drawing.
    pub fn scene(&self, journey: Id) -> Result<Scene, ApiError> {
        let j = self
            .model
            .journey(journey)
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "that journey no longer exists"))?;
        let notes = annotations(&self.model, &self.graph(), j);
        let mut cache = self.wrapped.borrow_mut();
        Ok(layout_cached(
            j,
            &self.model.flows_of(j),
            &notes,
            &self.fonts,
            &mut cache,
        ))
    }

    /// The journey laid out as an export with `options` draws it: chips, hand-offs and the emotion band
    /// only when chosen, and the title block (naming this workspace and `date`) and legend when
    /// chosen. The screen's [`OpenWorkspace::scene`] never carries a title block or legend.
    pub fn export_scene(
        &self,
        journey: Id,
        options: &ExportOptions,
        date: &str,
    ) -> Result<Scene, ApiError> {
        if options.beside_current {
            return self.export_states_scene(journey, options, date);
        }
        let j = self
            .model
            .journey(journey)
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "that journey no longer exists"))?;
        let notes = annotations(&self.model, &self.graph(), j);
        let info = TitleInfo {
            workspace: self.info().name,
            date: date.to_owned(),
        };
        let mut cache = self.wrapped.borrow_mut();
        Ok(export_scene(
            j,
            &self.model.flows_of(j),
            &notes,
            options,
            &info,
            &self.fonts,
            &mut cache,
        ))
    }

    /// The journey as an SVG document.
    pub fn svg(&self, journey: Id) -> Result<String, ApiError> {
        self.scene(journey).map(|s| to_svg(&s))
    }

    /// The journey's scene as JSON, exactly as the app receives it.
    pub fn scene_json(&self, journey: Id) -> Result<String, ApiError> {
        let scene = self.scene(journey)?;
        serde_json::to_string(&scene).map_err(|e| ApiError::new(ErrorCode::Invalid, e.to_string()))
    }

    /// Applies one edit: checked by the model, committed with its undo entry in one transaction, and
    /// only then visible. If the write fails the model is rolled back, so it never shows what is not
    /// stored.
    pub fn apply(&mut self, edit: &Edit) -> Result<EditResult, ApiError> {
        self.apply_touched(edit).map(|(result, _)| result)
    }

    /// [`OpenWorkspace::apply`], with the records the edit touched.
    pub(crate) fn apply_touched(&mut self, edit: &Edit) -> Result<(EditResult, Touched), ApiError> {
        let description = describe(edit, &self.model);
        self.apply_described_touched(edit, &description)
    }

    /// [`OpenWorkspace::apply`] with the history's one-line account of the edit given.
    pub(crate) fn apply_described(
        &mut self,
        edit: &Edit,
        description: &str,
    ) -> Result<EditResult, ApiError> {
        self.apply_described_touched(edit, description)
            .map(|(result, _)| result)
    }

    /// [`OpenWorkspace::apply_described`], with the records the edit touched.
    fn apply_described_touched(
        &mut self,
        edit: &Edit,
        description: &str,
    ) -> Result<(EditResult, Touched), ApiError> {
        self.refuse_if_read_only()?;
        let (touched, inverse) = apply(&mut self.model, edit)?;
        let history = History::Record {
            edit,
            inverse: &inverse,
            description,
        };
        self.commit(touched, &inverse, history)
    }

    /// Undoes the newest edit not yet undone (in any journey), if there is one.
    pub fn undo(&mut self) -> Result<EditResult, ApiError> {
        self.undo_touched().map(|(result, _, _)| result)
    }

    /// [`OpenWorkspace::undo`], with the records it touched and the edit it applied (the inverse of
    /// the one undone); `None` when there was nothing to undo.
    pub(crate) fn undo_touched(&mut self) -> Result<(EditResult, Touched, Option<Edit>), ApiError> {
        self.refuse_if_read_only()?;
        let Some((seq, inverse)) = self.store.undoable()? else {
            return Ok((self.status(None), Touched::default(), None));
        };
        let made = self.store.undoable_edit()?.filter(|(made, _)| *made == seq);
        let worded = self.store.history_description(seq)?;
        let (mut result, touched) = self.replay(&inverse, History::Undo(seq))?;
        // The model is now as it was before the edit was made, which is what its account is worded over.
        result.described = worded.or_else(|| made.map(|(_, edit)| describe(&edit, &self.model)));
        Ok((result, touched, Some(inverse)))
    }

    /// Redoes the oldest undone edit, if there is one.
    pub fn redo(&mut self) -> Result<EditResult, ApiError> {
        self.redo_touched().map(|(result, _, _)| result)
    }

    /// [`OpenWorkspace::redo`], with the records it touched and the edit it applied; `None` when there
    /// was nothing to redo.
    pub(crate) fn redo_touched(&mut self) -> Result<(EditResult, Touched, Option<Edit>), ApiError> {
        self.refuse_if_read_only()?;
        let Some((seq, edit)) = self.store.redoable()? else {
            return Ok((self.status(None), Touched::default(), None));
        };
        let described = match self.store.history_description(seq)? {
            Some(worded) => worded,
            None => describe(&edit, &self.model),
        };
        let (mut result, touched) = self.replay(&edit, History::Redo(seq))?;
        result.described = Some(described);
        Ok((result, touched, Some(edit)))
    }

    pub(crate) fn refuse_if_read_only(&self) -> Result<(), ApiError> {
        if self.is_read_only() {
            let path = self.store.path().unwrap_or(Path::new(":memory:"));
            return Err(StoreError::ReadOnly(path.to_owned()).into());
        }
        Ok(())
    }

    fn replay(&mut self, edit: &Edit, history: History) -> Result<(EditResult, Touched), ApiError> {
        let (touched, inverse) = apply(&mut self.model, edit)?;
        self.commit(touched, &inverse, history)
    }

    fn commit(
        &mut self,
        touched: Touched,
        inverse: &Edit,
        history: History,
    ) -> Result<(EditResult, Touched), ApiError> {
        if let Err(e) = self.store.save(&self.model, &touched, history) {
            // The inverse of an edit that just applied always applies.
            let _ = apply(&mut self.model, inverse);
            return Err(e.into());
        }
        self.unsaved_since.get_or_insert_with(Instant::now);
        if let Some(graph) = self.graph.get_mut() {
            graph.update(&self.model, &touched);
        }
        *self.outages.get_mut() = None;
        *self.finder.get_mut() = None;
        Ok((self.status(touched.journey), touched))
    }

    /// The window's view: the scene it was last sent, for [`crate::scene_update`].
    pub(crate) fn view_mut(&mut self) -> &mut crate::scene_update::View {
        &mut self.view
    }

    /// The store, for the file operations of [`crate::files`].
    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    /// The store, for writes that are not edits (named versions).
    pub(crate) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// The fonts scenes are measured with.
    pub(crate) fn fonts(&self) -> &Fonts {
        &self.fonts
    }

    /// The workspace graph, built the first time an analysis asks for it.
    pub fn graph(&self) -> std::cell::Ref<'_, WorkspaceGraph> {
        if self.graph.borrow().is_none() {
            *self.graph.borrow_mut() = Some(WorkspaceGraph::build(&self.model));
        }
        std::cell::Ref::map(self.graph.borrow(), |g| {
            g.as_ref().expect("the graph was just built")
        })
    }

    /// The graph packed for outage queries, built on first use after an edit.
    pub(crate) fn outage_index(&self) -> std::cell::Ref<'_, OutageIndex> {
        if self.outages.borrow().is_none() {
            let index = OutageIndex::new(&self.graph());
            *self.outages.borrow_mut() = Some(index);
        }
        std::cell::Ref::map(self.outages.borrow(), |o| {
            o.as_ref().expect("the index was just built")
        })
    }

    /// The find index, built on first use after an edit.
    pub(crate) fn find_index(&self) -> std::cell::Ref<'_, FindIndex> {
        if self.finder.borrow().is_none() {
            *self.finder.borrow_mut() = Some(FindIndex::new(&self.model));
        }
        std::cell::Ref::map(self.finder.borrow(), |f| {
            f.as_ref().expect("the index was just built")
        })
    }

    /// Whether there is something to undo and to redo, with the journey an edit happened in.
    pub fn status(&self, journey: Option<Id>) -> EditResult {
        EditResult {
            journey,
            can_undo: matches!(self.store.undoable(), Ok(Some(_))),
            can_redo: matches!(self.store.redoable(), Ok(Some(_))),
            described: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_launch_seeds_and_later_launches_change_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data/throughline/default.throughline");
        let ws = OpenWorkspace::open_or_create_sample(&path).unwrap();
        assert!(ws.journeys().len() >= 2);
        let first = ws.journeys();
        drop(ws);
        let bytes = std::fs::read(&path).unwrap();
        let again = OpenWorkspace::open_or_create_sample(&path).unwrap();
        assert_eq!(again.journeys(), first);
        drop(again);
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn journeys_are_found_by_name_or_id_and_unknown_names_list_the_choices() {
        let ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let first = &ws.journeys()[0];
        assert_eq!(
            ws.find_journey(&first.name.to_uppercase()).unwrap(),
            first.id
        );
        assert_eq!(ws.find_journey(&first.id.to_string()).unwrap(), first.id);
        let err = ws.find_journey("Nope").unwrap_err();
        assert_eq!(err.code, ErrorCode::NotFound);
        assert!(err.message.contains(&first.name));
    }

    #[test]
    fn an_edit_shows_in_the_next_scene_and_a_refused_one_changes_nothing() {
        let mut ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let j = ws.journeys()[0].id;
        let step = ws.model().journeys[0].steps[0].id;
        ws.apply(&Edit::SetStepText {
            step,
            text: "Brand new words".into(),
        })
        .unwrap();
        let scene = ws.scene(j).unwrap();
        let card = scene.cards.iter().find(|c| c.id == step).unwrap();
        assert_eq!(card.lines[0].text, "Brand new words");
        let before = ws.model().clone();
        let err = ws
            .apply(&Edit::SetStepText {
                step,
                text: "x".repeat(6000),
            })
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Invalid);
        assert!(err.message.contains("5000"), "{}", err.message);
        assert_eq!(ws.model(), &before);
    }
}

#[cfg(test)]
mod failure_tests {
    use super::*;

    #[test]
    fn a_second_window_on_the_same_file_is_refused_while_reads_still_work() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.throughline");
        let first = OpenWorkspace::open_or_create_for_editing(&path).unwrap();
        let err = OpenWorkspace::open_for_editing(&path)
            .err()
            .expect("refused");
        assert_eq!(err.code, ErrorCode::InUse);
        assert!(err.message.contains("already open"), "{}", err.message);
        assert!(
            OpenWorkspace::open_read_only(&path).is_ok(),
            "the CLI can still read it"
        );
        drop(first);
        assert!(
            OpenWorkspace::open_for_editing(&path).is_ok(),
            "free again once the window closes"
        );
    }

    /// A write the database refuses (here a trigger standing in for a full disk) is reported, and the
    /// model and the next scene show what is stored, not what failed to store.
    #[test]
    fn a_failed_write_leaves_the_model_as_stored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.throughline");
        drop(OpenWorkspace::create_sample(&path).unwrap());
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch(
                "CREATE TRIGGER refuse BEFORE UPDATE ON steps
                 BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
            )
            .unwrap();
        let mut ws = OpenWorkspace::open(&path).unwrap();
        let before = ws.model().clone();
        let j = before.journeys[0].id;
        let scene = ws.scene(j).unwrap();
        let step = before.journeys[0].steps[0].id;
        let err = ws
            .apply(&Edit::SetStepText {
                step,
                text: "lost?".into(),
            })
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Storage);
        assert!(err.message.contains("disk is full"), "{}", err.message);
        assert_eq!(ws.model(), &before);
        assert_eq!(ws.scene(j).unwrap(), scene);
        assert!(!ws.status(None).can_undo);
    }
}

#[cfg(test)]
mod undo_tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_the_history_and_report_what_is_left() {
        let mut ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let start = ws.model().clone();
        let j = ws.model().journeys[0].id;
        let step = ws.model().journeys[0].steps[0].id;
        let original = ws.model().journeys[0].steps[0].text.clone();
        assert!(!ws.status(None).can_undo);
        let r = ws
            .apply(&Edit::SetStepText {
                step,
                text: "one".into(),
            })
            .unwrap();
        assert_eq!((r.journey, r.can_undo, r.can_redo), (Some(j), true, false));
        assert_eq!(r.described, None, "a new edit is not described");
        ws.apply(&Edit::SetStepText {
            step,
            text: "two".into(),
        })
        .unwrap();
        let r = ws.undo().unwrap();
        assert_eq!(r.described.as_deref(), Some("edited 'one'"));
        assert_eq!(ws.model().journeys[0].steps[0].text, "one");
        let r = ws.undo().unwrap();
        assert_eq!((r.can_undo, r.can_redo), (false, true));
        assert_eq!(ws.model(), &start);
        let r = ws.undo().unwrap();
        assert_eq!(r.journey, None, "nothing left to undo");
        let r = ws.redo().unwrap();
        let described = r.described.unwrap();
        assert!(described.starts_with("edited '"), "{described}");
        assert!(
            original.starts_with(described["edited '".len()..].trim_end_matches(['…', '\''])),
            "named by the text it had before the edit: {described}"
        );
        assert_eq!(ws.model().journeys[0].steps[0].text, "one");
        ws.apply(&Edit::SetStepText {
            step,
            text: "three".into(),
        })
        .unwrap();
        assert!(!ws.status(None).can_redo, "a new edit ends the redo chain");
    }
}
