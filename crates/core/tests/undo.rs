//! Any sequence of edits, undone one by one, returns the workspace to where it started; redone, to where
//! it ended.

use proptest::prelude::*;
use throughline_core::edit::{apply, Edit, Slot, StepDetails, Template};
use throughline_core::sample::sample_workspace;
use throughline_core::synthetic::Rng;
use throughline_core::{Id, LaneKind, Link, LinkKind, Workspace};

/// The workspace in a canonical order, so two equal workspaces compare equal whatever order edits left
/// their vectors in.
fn canonical(ws: &Workspace) -> Workspace {
    let mut ws = ws.clone();
    ws.journeys.sort_by_key(|j| j.id);
    for j in &mut ws.journeys {
        j.stages.sort_by_key(|s| s.id);
        j.lanes.sort_by_key(|l| l.id);
        j.steps.sort_by_key(|s| s.id);
    }
    ws.links.sort_by_key(|l| l.id);
    ws
}

/// A random edit that makes sense for the current workspace (it may still be refused, which is fine:
/// refused edits must change nothing).
fn random_edit(ws: &Workspace, rng: &mut Rng) -> Edit {
    let j = &ws.journeys[rng.below(ws.journeys.len())];
    let pick_step = |rng: &mut Rng| j.steps.get(rng.below(j.steps.len().max(1))).map(|s| s.id);
    let lane = j.lanes[rng.below(j.lanes.len())].id;
    let stage = j.stages[rng.below(j.stages.len())].id;
    let step = pick_step(rng);
    match (rng.below(14), step) {
        (0, _) => Edit::CreateJourney {
            journey: Id::new(),
            name: "New".into(),
            template: Template::Blueprint,
        },
        (1, _) => Edit::DuplicateJourney {
            source: j.id,
            journey: Id::new(),
        },
        (2, _) if ws.journeys.len() > 1 => Edit::DeleteJourney { journey: j.id },
        (3, _) => Edit::AddStage {
            journey: j.id,
            stage: Id::new(),
            name: "S".into(),
            to: Slot::Before { id: Some(stage) },
        },
        (4, _) if j.stages.len() > 1 => Edit::DeleteStage { stage },
        (5, _) => Edit::MoveStage {
            stage,
            to: Slot::END,
        },
        (6, _) => Edit::AddLane {
            journey: j.id,
            lane: Id::new(),
            name: "L".into(),
            kind: LaneKind::Backstage,
            to: Slot::END,
        },
        (7, _) if j.lanes.len() > 1 => Edit::DeleteLane { lane },
        (8, _) => Edit::AddStep {
            journey: j.id,
            step: Id::new(),
            lane,
            stage,
            to: Slot::Before { id: step },
            text: "card".into(),
        },
        (9, Some(s)) => Edit::SetStepText {
            step: s,
            text: format!("text {}", rng.below(100)),
        },
        (10, Some(s)) => {
            let mut details = StepDetails::of(j.step(s).unwrap());
            details.moment_of_truth = !details.moment_of_truth;
            details.notes = "noted".into();
            Edit::SetStepDetails { step: s, details }
        }
        (11, Some(s)) => {
            let mut steps = vec![s];
            steps.extend(pick_step(rng).filter(|o| *o != s));
            Edit::MoveSteps {
                steps,
                lane,
                stage,
                to: Slot::Before { id: pick_step(rng) },
            }
        }
        (12, Some(s)) => match pick_step(rng) {
            Some(t) if t != s => Edit::AddLink {
                link: Link {
                    id: Id::new(),
                    kind: LinkKind::Flow,
                    from: s,
                    to: t,
                },
            },
            _ => Edit::DeleteSteps { steps: vec![s] },
        },
        (13, Some(s)) => Edit::DeleteSteps { steps: vec![s] },
        _ => Edit::UpdateJourney {
            journey: j.id,
            name: "Renamed".into(),
            persona: "P".into(),
            description: "D".into(),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn undo_returns_to_the_start_and_redo_to_the_end(seed in any::<u64>(), n in 1usize..30) {
        let start = sample_workspace().unwrap();
        let mut ws = start.clone();
        let mut rng = Rng::new(seed);
        let mut history: Vec<Edit> = Vec::new();
        for _ in 0..n {
            let edit = random_edit(&ws, &mut rng);
            let before = ws.clone();
            match apply(&mut ws, &edit) {
                Ok((_, inverse)) => history.push(inverse),
                Err(e) => prop_assert!(canonical(&ws) == canonical(&before), "refused {:?} ({}) changed the workspace", edit, e),
            }
            throughline_core::validate_workspace(&ws).unwrap();
        }
        let end = canonical(&ws);
        let mut redo = Vec::new();
        for inverse in history.iter().rev() {
            let (_, re) = apply(&mut ws, inverse).unwrap();
            redo.push(re);
        }
        prop_assert!(canonical(&ws) == canonical(&start), "undoing everything returns to the start");
        for re in redo.iter().rev() {
            apply(&mut ws, re).unwrap();
        }
        prop_assert!(canonical(&ws) == end, "redoing everything returns to the end");
    }
}
