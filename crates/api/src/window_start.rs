//! What a window needs to draw its first blueprint, in one answer. Each round trip over the IPC costs
//! the page a turn of its event loop; asking for the workspace, its journeys, the undo state and the
//! first scene one after another took four of them before anything could be drawn.

use serde::Serialize;
use throughline_core::Id;
use ts_rs::TS;

use crate::{EditResult, JourneySummary, OpenWorkspace, ShownScene, WorkspaceInfo};

/// The workspace as a window opening on it first shows it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct WindowStart {
    /// The file and its name.
    pub info: WorkspaceInfo,
    /// The journeys for the sidebar, in its order.
    pub journeys: Vec<JourneySummary>,
    /// Whether there is anything to undo or redo.
    pub status: EditResult,
    /// The journey shown first, laid out and numbered as the base of the next edits' diffs: the one
    /// shown last in this workspace while it still exists, else the first. `None` when there is no
    /// journey, or when it cannot be laid out: the window then asks for it alone and says why.
    pub scene: Option<ShownScene>,
}

impl OpenWorkspace {
    /// Everything a window draws first; `last` is the journey it showed last time, if known.
    pub fn window_start(&mut self, last: Option<Id>) -> WindowStart {
        let journeys = self.journeys();
        let first = last
            .filter(|id| journeys.iter().any(|j| j.id == *id))
            .or_else(|| journeys.first().map(|j| j.id));
        WindowStart {
            info: self.info(),
            status: self.status(None),
            scene: first.and_then(|journey| self.shown_scene(journey).ok()),
            journeys,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Edit, Template};

    /// The sample workspace with a second journey, a dental check-up, added after it.
    fn with_check_up(dir: &std::path::Path) -> (OpenWorkspace, Id) {
        let mut ws = OpenWorkspace::create_sample(&dir.join("practice.throughline")).unwrap();
        let check_up = Id::new();
        ws.apply(&Edit::CreateJourney {
            journey: check_up,
            name: "Dental check-up".into(),
            template: Template::Blueprint,
        })
        .unwrap();
        (ws, check_up)
    }

    #[test]
    fn opens_on_the_journey_shown_last_and_numbers_it_for_the_next_edit() {
        let dir = tempfile::tempdir().unwrap();
        let (mut ws, check_up) = with_check_up(dir.path());
        let start = ws.window_start(Some(check_up));
        assert_eq!(start.info, ws.info());
        assert_eq!(start.journeys, ws.journeys());
        assert_eq!(start.status, ws.status(None));
        assert!(start.status.can_undo, "creating the journey can be undone");
        let shown = start.scene.expect("a scene");
        assert_eq!(shown.scene.journey, check_up);
        assert_eq!(shown.scene.title.text, "Dental check-up");

        let renamed = ws
            .apply_for_view(
                &Edit::UpdateJourney {
                    journey: check_up,
                    name: "Six-monthly check-up".into(),
                    persona: "Returning patient".into(),
                    description: String::new(),
                },
                shown.version,
            )
            .unwrap();
        assert!(
            renamed.patch.is_some(),
            "the next edit answers with a diff of the scene sent at the start"
        );
    }

    #[test]
    fn opens_on_the_first_journey_when_the_last_one_is_gone_or_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let (mut ws, check_up) = with_check_up(dir.path());
        ws.apply(&Edit::DeleteJourney { journey: check_up })
            .unwrap();
        let first = ws.journeys()[0].id;
        for last in [Some(check_up), None] {
            let start = ws.window_start(last);
            assert_eq!(start.scene.map(|s| s.scene.journey), Some(first));
        }
    }

    #[test]
    fn a_workspace_without_journeys_opens_with_no_scene() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = OpenWorkspace::create_sample(&dir.path().join("empty.throughline")).unwrap();
        for journey in ws.journeys() {
            ws.apply(&Edit::DeleteJourney {
                journey: journey.id,
            })
            .unwrap();
        }
        let start = ws.window_start(None);
        assert!(start.journeys.is_empty());
        assert_eq!(start.scene, None);
    }
}
