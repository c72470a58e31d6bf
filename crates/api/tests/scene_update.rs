//! Edits, undos and redos made from the window answer with the diff of the shown scene, numbered; the
//! window's copy patched with them equals the scene laid out afresh, a window that missed a version is
//! told to fetch the whole scene, and the other views learn whether they have anything to fetch.

use throughline_api::{Edit, OpenWorkspace, Scene, SceneUpdate, Slot, Template};
use throughline_core::{
    Entity, EntityKind, Id, Journey, LaneKind, Link, LinkKind, Persona, Step, Workspace,
};
use throughline_render::scene_diff::apply;

/// A hospital visit: arrival to discharge, with a triage nurse team owning the triage cards.
fn hospital() -> (Workspace, Id, Vec<Id>) {
    let mut j = Journey::from_template(
        "Hospital visit",
        &["Arrive", "Triage", "Treatment", "Discharge"],
    );
    j.persona = "Walk-in patient".into();
    let lane = |kind: LaneKind| j.lanes.iter().find(|l| l.kind == kind).unwrap().id;
    let (customer, front, back) = (
        lane(LaneKind::Customer),
        lane(LaneKind::Frontstage),
        lane(LaneKind::Backstage),
    );
    let stage: Vec<Id> = j.stages.iter().map(|s| s.id).collect();
    let cards = [
        (customer, 0, "Walks into the emergency department"),
        (front, 0, "Receptionist takes name and symptoms"),
        (customer, 1, "Waits to be called"),
        (front, 1, "Nurse measures blood pressure and temperature"),
        (back, 1, "Triage score entered in the patient record"),
        (front, 1, "Nurse explains the expected wait"),
        (customer, 2, "Sees the doctor"),
        (back, 2, "Lab runs blood tests"),
        (customer, 3, "Collects prescription"),
        (front, 3, "Discharge letter printed"),
    ];
    let mut ws = Workspace::default();
    let nurses = Entity {
        id: Id::new(),
        kind: EntityKind::Team,
        name: "Triage nurses".into(),
        description: String::new(),
        owner: None,
    };
    let mut steps = Vec::new();
    for (i, (lane, s, text)) in cards.into_iter().enumerate() {
        let mut step = Step::new(lane, stage[s], i as f64, text);
        if lane == customer {
            step.emotion = Some(if s == 1 { -1 } else { 1 });
        }
        if s == 1 && lane != customer {
            step.owner = Some(nurses.id);
        }
        steps.push(step.id);
        j.steps.push(step);
    }
    for (from, to) in [(0, 1), (1, 3), (3, 4), (2, 6), (6, 7), (7, 9), (6, 8)] {
        ws.links.push(Link {
            id: Id::new(),
            kind: LinkKind::Flow,
            from: steps[from],
            to: steps[to],
        });
    }
    let id = j.id;
    ws.journeys.push(j);
    ws.entities.push(nurses);
    (ws, id, steps)
}

/// The window: its scene and version, patched as the app would.
struct Window {
    scene: Scene,
    version: u64,
}

impl Window {
    fn open(ws: &mut OpenWorkspace, journey: Id) -> Self {
        let shown = ws.shown_scene(journey).unwrap();
        Window {
            scene: shown.scene,
            version: shown.version,
        }
    }

    /// Applies the update's patch and says whether there was one.
    fn take(&mut self, update: &SceneUpdate) -> bool {
        match &update.patch {
            Some(patch) => {
                self.scene = apply(&self.scene, patch);
                self.version = update.version;
                true
            }
            None => false,
        }
    }
}

#[test]
fn edits_undos_and_redos_patch_the_window_to_the_scene_as_laid_out() {
    let (model, journey, steps) = hospital();
    let mut ws = OpenWorkspace::in_memory(&model).unwrap();
    let mut window = Window::open(&mut ws, journey);
    let edits = [
        Edit::SetStepText {
            step: steps[2],
            text: "Waits to be called, watching the screen for their number".into(),
        },
        Edit::MoveSteps {
            steps: vec![steps[5]],
            lane: model.journeys[0].steps[5].lane,
            stage: model.journeys[0].stages[0].id,
            to: Slot::END,
        },
        Edit::AddLink {
            link: Link {
                id: Id::new(),
                kind: LinkKind::Flow,
                from: steps[4],
                to: steps[7],
            },
        },
        Edit::DeleteSteps {
            steps: vec![steps[8]],
        },
        Edit::RenameStage {
            stage: model.journeys[0].stages[2].id,
            name: "Treatment and tests".into(),
        },
    ];
    for edit in &edits {
        let update = ws.apply_for_view(edit, window.version).unwrap();
        assert!(window.take(&update), "{edit:?} came without a patch");
        assert_eq!(update.journey, Some(journey));
        assert_eq!(window.scene, ws.scene(journey).unwrap(), "after {edit:?}");
    }
    for _ in 0..3 {
        let update = ws.undo_for_view(window.version).unwrap();
        assert!(update.result.described.is_some());
        assert!(window.take(&update));
        assert_eq!(window.scene, ws.scene(journey).unwrap());
    }
    let update = ws.redo_for_view(window.version).unwrap();
    assert!(window.take(&update));
    assert_eq!(window.scene, ws.scene(journey).unwrap());
    assert!(update.result.can_undo && update.result.can_redo);
}

#[test]
fn a_text_edit_sends_one_card_and_says_only_its_details_changed() {
    let (model, journey, steps) = hospital();
    let mut ws = OpenWorkspace::in_memory(&model).unwrap();
    let mut window = Window::open(&mut ws, journey);
    let update = ws
        .apply_for_view(
            &Edit::SetStepText {
                step: steps[9],
                text: "Discharge letter emailed".into(),
            },
            window.version,
        )
        .unwrap();
    let patch = update.patch.as_ref().unwrap();
    let sent: Vec<Id> = patch.cards.put.iter().map(|p| p.item.id).collect();
    assert_eq!(sent, vec![steps[9]]);
    assert!(patch.arrows.is_empty() && patch.lanes.is_empty() && patch.stages.is_empty());
    assert!(!update.changed.journeys && !update.changed.entities && !update.changed.links);
    assert!(!update.changed.personas);
    assert_eq!(update.changed.details, vec![steps[9]]);
    let whole = serde_json::to_string(&window.scene).unwrap().len();
    let diff = serde_json::to_string(patch).unwrap().len();
    assert!(
        diff * 5 < whole,
        "diff {diff} bytes against {whole} for the scene"
    );
    assert!(window.take(&update));
    assert_eq!(window.scene, ws.scene(journey).unwrap());
}

#[test]
fn what_else_changed_follows_the_records_the_edit_touched() {
    let (model, journey, steps) = hospital();
    let nurses = model.entities[0].id;
    let mut ws = OpenWorkspace::in_memory(&model).unwrap();
    let mut window = Window::open(&mut ws, journey);
    let mut send = |ws: &mut OpenWorkspace, edit: Edit| {
        let update = ws.apply_for_view(&edit, window.version).unwrap();
        assert!(window.take(&update));
        update.changed
    };
    let owner = send(
        &mut ws,
        Edit::SetOwner {
            steps: vec![steps[0]],
            owner: Some(nurses),
        },
    );
    assert!(owner.entities && !owner.journeys && !owner.links);
    assert_eq!(owner.details, vec![steps[0]]);
    let arrow = send(
        &mut ws,
        Edit::AddLink {
            link: Link {
                id: Id::new(),
                kind: LinkKind::Flow,
                from: steps[8],
                to: steps[9],
            },
        },
    );
    assert!(arrow.links && !arrow.entities && !arrow.journeys);
    let uses = send(
        &mut ws,
        Edit::AddLink {
            link: Link {
                id: Id::new(),
                kind: LinkKind::PerformedBy,
                from: steps[3],
                to: nurses,
            },
        },
    );
    assert!(uses.links && uses.entities);
    let added = send(
        &mut ws,
        Edit::AddStep {
            journey,
            step: Id::new(),
            lane: model.journeys[0].steps[0].lane,
            stage: model.journeys[0].stages[3].id,
            to: Slot::END,
            text: "Leaves by taxi".into(),
        },
    );
    assert!(added.journeys, "the list counts the cards");
    let renamed = send(
        &mut ws,
        Edit::UpdateEntity {
            entity: nurses,
            name: "Triage team".into(),
            description: String::new(),
            owner: None,
        },
    );
    assert!(renamed.entities && renamed.details.is_empty() && !renamed.personas);
    let patient = Id::new();
    let created = send(
        &mut ws,
        Edit::CreatePersona {
            persona: Persona {
                id: patient,
                ..Persona::named("Anxious first-time patient")
            },
        },
    );
    assert!(created.personas && !created.entities && !created.journeys);
    let drawn_for = send(
        &mut ws,
        Edit::SetJourneyPersonas {
            journey,
            personas: vec![patient],
        },
    );
    assert!(
        drawn_for.personas,
        "the persona list says which journeys each is drawn for"
    );
    assert!(
        window
            .scene
            .cards
            .iter()
            .flat_map(|c| &c.chips)
            .any(|chip| chip.label.text.starts_with("Triage team")),
        "the renamed team's chips came in the patch"
    );
    assert_eq!(window.scene, ws.scene(journey).unwrap());
}

#[test]
fn a_window_behind_or_moving_to_another_journey_is_told_to_fetch_the_whole_scene() {
    let (model, journey, steps) = hospital();
    let mut ws = OpenWorkspace::in_memory(&model).unwrap();
    let window = Window::open(&mut ws, journey);
    let text = |n: usize| Edit::SetStepText {
        step: steps[0],
        text: format!("Walks in, visit {n}"),
    };
    let first = ws.apply_for_view(&text(1), window.version).unwrap();
    assert!(first.patch.is_some());
    // The window did not take that patch: its next edit is answered without one.
    let stale = ws.apply_for_view(&text(2), window.version).unwrap();
    assert!(stale.patch.is_none());
    assert_eq!(stale.version, first.version, "nothing new was sent");
    let mut window = Window::open(&mut ws, journey);
    assert!(window.version > first.version);
    assert_eq!(window.scene, ws.scene(journey).unwrap());
    let created = ws
        .apply_for_view(
            &Edit::CreateJourney {
                journey: Id::new(),
                name: "Outpatient follow-up".into(),
                template: Template::Blueprint,
            },
            window.version,
        )
        .unwrap();
    assert!(
        created.patch.is_none(),
        "the window moves to the new journey"
    );
    assert!(created.changed.journeys);
    // Undoing it leaves no journey to follow: the window stays, and its scene did not change.
    let undone = ws.undo_for_view(window.version).unwrap();
    assert_eq!(undone.result.journey, None);
    assert!(undone.changed.journeys);
    assert!(undone.patch.as_ref().is_some_and(|p| p.is_empty()));
    assert!(window.take(&undone));
    // Redoing it shows the journey again, so the window follows it.
    let redone = ws.redo_for_view(window.version).unwrap();
    assert!(redone.patch.is_none() && redone.result.journey.is_some());
    let undone = ws.undo_for_view(window.version).unwrap();
    assert!(window.take(&undone));
    assert!(window.take(&ws.apply_for_view(&text(3), window.version).unwrap()));
    assert_eq!(window.scene, ws.scene(journey).unwrap());
    // The shown journey deleted: nothing to patch.
    let gone = ws
        .apply_for_view(&Edit::DeleteJourney { journey }, window.version)
        .unwrap();
    assert!(gone.patch.is_none() && gone.changed.journeys);
}

#[test]
fn an_edit_with_nothing_to_undo_or_redo_sends_an_empty_patch() {
    let (model, journey, _) = hospital();
    let mut ws = OpenWorkspace::in_memory(&model).unwrap();
    let mut window = Window::open(&mut ws, journey);
    let update = ws.undo_for_view(window.version).unwrap();
    assert_eq!(update.result.journey, None);
    assert!(update.patch.as_ref().is_some_and(|p| p.is_empty()));
    assert_eq!(update.changed, Default::default());
    assert!(window.take(&update));
    assert_eq!(window.scene, ws.scene(journey).unwrap());
}

#[test]
fn an_edit_in_another_journey_leaves_the_shown_scene_as_it_is() {
    let (mut model, journey, _) = hospital();
    let (mut other, other_links) = throughline_core::synthetic::journey("Pharmacy", 3, 12, 5);
    other.position = 1.0;
    let card = other.steps[0].id;
    model.journeys.push(other);
    model.links.extend(other_links);
    let mut ws = OpenWorkspace::in_memory(&model).unwrap();
    let mut window = Window::open(&mut ws, journey);
    let update = ws
        .apply_for_view(
            &Edit::SetStepText {
                step: card,
                text: "Hands over the prescription".into(),
            },
            window.version,
        )
        .unwrap();
    assert!(update.patch.as_ref().is_some_and(|p| p.is_empty()));
    assert_eq!(update.changed.details, vec![card]);
    assert!(window.take(&update));
    assert_eq!(window.scene, ws.scene(journey).unwrap());
}

#[test]
fn the_title_for_the_title_bar_follows_a_rename_answered_by_a_patch() {
    let (model, journey, _) = hospital();
    let mut ws = OpenWorkspace::in_memory(&model).unwrap();
    assert_eq!(ws.shown_title(), None);
    let mut window = Window::open(&mut ws, journey);
    assert_eq!(ws.shown_title().as_deref(), Some("Hospital visit"));
    let update = ws
        .apply_for_view(
            &Edit::UpdateJourney {
                journey,
                name: "Emergency department visit".into(),
                persona: "Walk-in patient".into(),
                description: String::new(),
            },
            window.version,
        )
        .unwrap();
    assert!(window.take(&update));
    assert!(update.changed.journeys);
    assert_eq!(
        ws.shown_title().as_deref(),
        Some(window.scene.title.text.as_str())
    );
    assert!(window
        .scene
        .title
        .text
        .contains("Emergency department visit"));
}
