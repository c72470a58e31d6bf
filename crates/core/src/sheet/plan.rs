//! The one edit an import makes from the rows the preview accepted: new owners created as teams, then
//! either a whole new journey restored in one piece, or the missing stages added to an existing
//! journey and the cards put in at the end of their cells. Being one batch of existing edits, it is
//! applied all-or-nothing, undone in one step and stored like any other edit.

use std::collections::HashMap;

use super::preview::{Analysis, Card, CsvTarget, OwnerRef, StageRef};
use crate::edit::{Edit, Slot};
use crate::{Entity, EntityKind, Id, Journey, Lane, Stage, Step, Workspace};

/// The edit importing `analysis` into `target`. Every id it creates is derived from `seed`, so the
/// same seed gives the same records (redo recreates them exactly).
pub(crate) fn build(ws: &Workspace, analysis: &Analysis, target: &CsvTarget, seed: Id) -> Edit {
    let seed = seed.to_string();
    let id = |key: String| Id::derived(&seed, &key);
    let preview = &analysis.preview;
    let mut edits: Vec<Edit> = preview
        .new_owners
        .iter()
        .enumerate()
        .map(|(n, name)| Edit::CreateEntity {
            entity: Entity {
                id: id(format!("owner{n}")),
                kind: EntityKind::Team,
                name: name.clone(),
                description: String::new(),
                owner: None,
            },
        })
        .collect();
    let owner = |o: OwnerRef| match o {
        OwnerRef::Existing(e) => e,
        OwnerRef::New(n) => id(format!("owner{n}")),
    };
    let new_stage = |n: usize| id(format!("stage{n}"));
    let stage_of = |s: StageRef| match s {
        StageRef::Existing(s) => s,
        StageRef::New(n) => new_stage(n),
    };
    let card = |c: &Card, lane: Id, position: f64| Step {
        id: id(format!("row{}", c.row)),
        lane,
        stage: stage_of(c.stage),
        position,
        text: c.text.clone(),
        channel: c.channel.clone(),
        moment_of_truth: c.moment_of_truth,
        emotion: c.emotion,
        pain_point: c.pain_point.clone(),
        pain_severity: c.severity,
        fail_point: c.fail_point,
        wait_point: c.wait_point,
        notes: c.notes.clone(),
        metrics: Vec::new(),
        owner: c.owner.map(&owner),
        scores: Vec::new(),
        evidence: Vec::new(),
        assumption: false,
        change: None,
        origin: None,
    };
    match target {
        CsvTarget::NewJourney { .. } => {
            let journey = id("journey".to_owned());
            let lanes: Vec<Lane> = analysis
                .lanes
                .iter()
                .enumerate()
                .map(|(i, l)| Lane {
                    id: id(format!("lane{i}")),
                    name: l.name.clone(),
                    kind: l.kind,
                    position: i as f64,
                })
                .collect();
            let mut in_cell: HashMap<(usize, StageRef), f64> = HashMap::new();
            let steps = analysis
                .cards
                .iter()
                .map(|c| {
                    let n = in_cell.entry((c.lane, c.stage)).or_default();
                    *n += 1.0;
                    card(c, lanes[c.lane].id, *n - 1.0)
                })
                .collect();
            edits.push(Edit::RestoreJourney {
                journey: Box::new(Journey {
                    id: journey,
                    name: preview.journey.clone(),
                    persona: String::new(),
                    description: String::new(),
                    position: ws.journeys.iter().map(|j| j.position).fold(-1.0, f64::max) + 1.0,
                    stages: preview
                        .new_stages
                        .iter()
                        .enumerate()
                        .map(|(n, name)| Stage {
                            id: new_stage(n),
                            name: name.clone(),
                            position: n as f64,
                        })
                        .collect(),
                    lanes,
                    steps,
                    personas: Vec::new(),
                    comments: Vec::new(),
                    opportunities: Vec::new(),
                    future_of: None,
                }),
                links: Vec::new(),
            });
        }
        CsvTarget::Journey { journey } => {
            edits.extend(
                preview
                    .new_stages
                    .iter()
                    .enumerate()
                    .map(|(n, name)| Edit::AddStage {
                        journey: *journey,
                        stage: new_stage(n),
                        name: name.clone(),
                        to: Slot::END,
                    }),
            );
            // Each card goes after the cards already in its cell, in file order.
            let mut last: HashMap<(Id, Id), f64> = HashMap::new();
            if let Some(j) = ws.journey(*journey) {
                for s in &j.steps {
                    let p = last.entry((s.lane, s.stage)).or_insert(f64::MIN);
                    *p = p.max(s.position);
                }
            }
            let steps = analysis
                .cards
                .iter()
                .filter_map(|c| {
                    let lane = analysis.lanes[c.lane].id?;
                    let p = last.entry((lane, stage_of(c.stage))).or_insert(-1.0);
                    *p = p.floor() + 1.0;
                    Some(card(c, lane, *p))
                })
                .collect();
            edits.push(Edit::RestoreSteps {
                journey: *journey,
                steps,
                links: Vec::new(),
            });
        }
    }
    Edit::Batch { edits }
}
