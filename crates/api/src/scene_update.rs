//! Edits that answer with what changed on screen: the diff of the window's journey scene against the
//! one it was last sent, numbered so a window that missed one fetches the whole scene instead, and
//! which other views (journey list, entities, card details, links) have something new. A 10,000-card
//! journey then costs the IPC the few cards an edit changed, not megabytes of scene per key press.

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;
use throughline_core::edit::{Edit, Touched};
use throughline_core::{Id, LinkKind};
use throughline_render::scene_diff::{diff, SceneDiff};
use throughline_render::Scene;
use ts_rs::TS;

use crate::{ApiError, EditResult, OpenWorkspace};

/// The scene the window was last sent, with its number; versions count up over the workspace's life
/// in this process, so a window's number is current only if nothing was sent since.
#[derive(Default)]
pub(crate) struct View {
    /// The number of the newest scene or diff sent; 0 before the first.
    version: u64,
    /// That scene.
    scene: Option<Scene>,
}

/// A whole scene for the window, numbered: the base the next edits' diffs are made against.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ShownScene {
    /// The number to pass back with the next edit (a JSON number: exact far beyond any session's
    /// count of edits).
    #[ts(type = "number")]
    pub version: u64,
    /// The journey laid out.
    pub scene: Scene,
}

/// What besides the shown scene an edit changed, so the window fetches only that.
#[derive(Clone, Debug, Default, PartialEq, Serialize, TS)]
pub struct Changed {
    /// The journey list (names, order, how many stages and cards).
    pub journeys: bool,
    /// The entities or what their summaries count (owners, links to cards).
    pub entities: bool,
    /// Cards whose own record changed or that were removed, for an open details panel.
    pub details: Vec<Id>,
    /// Links of any kind (flows, performed by, uses, part of).
    pub links: bool,
    /// The personas or the journeys each is drawn for.
    pub personas: bool,
    /// The comments of a journey or what they are about (a card's text, a card removed or back).
    pub comments: bool,
    /// The opportunities, their owners' names, or whether the cards they address are still there
    /// (a card's new text alone does not count: only the Opportunities view shows it, and it fetches
    /// after every edit while shown).
    pub opportunities: bool,
}

/// The answer to an edit, undo or redo made from the window.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct SceneUpdate {
    /// What happened, as [`OpenWorkspace::apply`] says it.
    pub result: EditResult,
    /// The number of the scene the window has once it applies `patch`; with no patch, the number of
    /// the last one sent.
    #[ts(type = "number")]
    pub version: u64,
    /// The journey of the scene the patch is for (the one the window was last sent).
    pub journey: Option<Id>,
    /// The changes to that scene since the version the window passed; `None` when the window must
    /// fetch the whole scene (its version is not the latest, the journey is gone, or the edit shows
    /// another journey).
    pub patch: Option<SceneDiff>,
    /// What else changed.
    pub changed: Changed,
}

impl OpenWorkspace {
    /// The journey laid out for the window, numbered, and kept as the base of the next edits' diffs.
    pub fn shown_scene(&mut self, journey: Id) -> Result<ShownScene, ApiError> {
        let scene = self.scene(journey)?;
        let view = self.view_mut();
        view.version += 1;
        view.scene = Some(scene.clone());
        Ok(ShownScene {
            version: view.version,
            scene,
        })
    }

    /// The title of the journey the window was last sent (as its latest edit left it), for the window's
    /// title bar; `None` before the first scene.
    pub fn shown_title(&mut self) -> Option<String> {
        self.view_mut().scene.as_ref().map(|s| s.title.text.clone())
    }

    /// [`OpenWorkspace::apply`], answered with the diff of the window's scene; `have` is the version of
    /// the scene (or diff) the window applied last.
    pub fn apply_for_view(&mut self, edit: &Edit, have: u64) -> Result<SceneUpdate, ApiError> {
        let before = self.journeys();
        let (result, touched) = self.apply_touched(edit)?;
        // A new journey is shown at once, as the window does; other edits leave the window where it is.
        let follows = matches!(
            edit,
            Edit::CreateJourney { .. }
                | Edit::DuplicateJourney { .. }
                | Edit::CreateFutureState { .. }
        );
        Ok(self.update(result, &touched, Some(edit), follows, have, before))
    }

    /// [`OpenWorkspace::undo`], answered like [`OpenWorkspace::apply_for_view`].
    pub fn undo_for_view(&mut self, have: u64) -> Result<SceneUpdate, ApiError> {
        let before = self.journeys();
        let (result, touched, edit) = self.undo_touched()?;
        Ok(self.update(result, &touched, edit.as_ref(), true, have, before))
    }

    /// [`OpenWorkspace::redo`], answered like [`OpenWorkspace::apply_for_view`].
    pub fn redo_for_view(&mut self, have: u64) -> Result<SceneUpdate, ApiError> {
        let before = self.journeys();
        let (result, touched, edit) = self.redo_touched()?;
        Ok(self.update(result, &touched, edit.as_ref(), true, have, before))
    }

    /// The answer to an edit that is applied: the patch when the window has the latest scene and stays
    /// on its journey (`follows`: the window moves to the journey the edit happened in).
    fn update(
        &mut self,
        result: EditResult,
        touched: &Touched,
        edit: Option<&Edit>,
        follows: bool,
        have: u64,
        journeys_before: Vec<crate::JourneySummary>,
    ) -> SceneUpdate {
        let journeys = self.journeys() != journeys_before;
        let changed = Changed {
            journeys,
            entities: reaches_entities(touched, edit, self),
            details: details(touched),
            links: !touched.links.is_empty() || !touched.removed_links.is_empty(),
            personas: journeys || reaches_personas(touched, edit),
            comments: !touched.journeys.is_empty()
                || !touched.removed_journeys.is_empty()
                || !touched.steps.is_empty()
                || !touched.removed_steps.is_empty()
                || !touched.stages.is_empty()
                || !touched.removed_stages.is_empty(),
            opportunities: !touched.journeys.is_empty()
                || !touched.removed_journeys.is_empty()
                || !touched.removed_steps.is_empty()
                || !touched.entities.is_empty()
                || !touched.removed_entities.is_empty(),
        };
        let shown = self.view_mut().scene.as_ref().map(|s| s.journey);
        let stays = !follows || result.journey.is_none() || result.journey == shown;
        let patch = match shown {
            Some(journey) if stays && have == self.view_mut().version => {
                self.patch_view(journey, touched)
            }
            _ => None,
        };
        SceneUpdate {
            result,
            version: self.view_mut().version,
            journey: shown,
            patch,
            changed,
        }
    }

    /// The diff from the window's scene to `journey` as it is now, which becomes the window's scene
    /// under the next version; `None` when the journey is gone.
    fn patch_view(&mut self, journey: Id, touched: &Touched) -> Option<SceneDiff> {
        let patch = if *touched == Touched::default() {
            // Nothing touched (nothing to undo or redo) draws nothing new: no layout needed.
            SceneDiff::unchanged(journey)
        } else {
            let new = self.scene(journey).ok()?;
            let view = self.view_mut();
            let patch = diff(view.scene.as_ref()?, &new);
            view.scene = Some(new);
            patch
        };
        self.view_mut().version += 1;
        Some(patch)
    }
}

/// The cards whose own record the edit changed or removed, each once.
fn details(touched: &Touched) -> Vec<Id> {
    let ids: BTreeSet<Id> = touched
        .steps
        .iter()
        .chain(&touched.removed_steps)
        .copied()
        .collect();
    ids.into_iter().collect()
}

/// Whether the edit may change what the entity views show: an entity itself, a link to one, a card's
/// owner, or how many cards point at one (removing or restoring cards, stages, lanes or journeys).
fn reaches_entities(touched: &Touched, edit: Option<&Edit>, ws: &OpenWorkspace) -> bool {
    let entity_link = || {
        let ids: HashSet<Id> = touched.links.iter().copied().collect();
        ws.model()
            .links
            .iter()
            .any(|l| l.kind != LinkKind::Flow && ids.contains(&l.id))
    };
    !touched.entities.is_empty()
        || !touched.removed_entities.is_empty()
        || !touched.removed_links.is_empty()
        || edit.is_some_and(counts_entities)
        || (!touched.links.is_empty() && entity_link())
}

/// Whether the personas or the journeys drawn for each changed (a journey's own list of personas).
fn reaches_personas(touched: &Touched, edit: Option<&Edit>) -> bool {
    fn sets_journey_personas(edit: &Edit) -> bool {
        match edit {
            Edit::SetJourneyPersonas { .. } | Edit::RestoreJourneyPersonas { .. } => true,
            Edit::Batch { edits } => edits.iter().any(sets_journey_personas),
            _ => false,
        }
    }
    !touched.personas.is_empty()
        || !touched.removed_personas.is_empty()
        || edit.is_some_and(sets_journey_personas)
}

/// Whether the edit sets owners or removes or brings back cards that entities count.
fn counts_entities(edit: &Edit) -> bool {
    match edit {
        Edit::SetOwner { .. }
        | Edit::DeleteSteps { .. }
        | Edit::RestoreSteps { .. }
        | Edit::AddSteps { .. }
        | Edit::DeleteStage { .. }
        | Edit::RestoreStage { .. }
        | Edit::DeleteLane { .. }
        | Edit::RestoreLane { .. }
        | Edit::DeleteJourney { .. }
        | Edit::RestoreJourney { .. }
        | Edit::DuplicateJourney { .. }
        | Edit::CreateFutureState { .. } => true,
        Edit::Batch { edits } => edits.iter().any(counts_entities),
        _ => false,
    }
}
