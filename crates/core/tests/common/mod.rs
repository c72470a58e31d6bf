//! Shared by the property tests: workspaces in canonical order and random edits that make sense for
//! the workspace at hand.

#![allow(dead_code)]

use throughline_core::clip::{self, Pasting, Target};
use throughline_core::edit::{Edit, Slot, StepDetails, Template};
use throughline_core::synthetic::Rng;
use throughline_core::{
    Comment, Entity, EntityKind, EvidenceSource, Id, Insight, Journey, LaneKind, Link, LinkKind,
    Opportunity, OpportunityStatus, Persona, PersonaPicture, PersonaScore, PictureFormat,
    StateChange, Workspace,
};

/// The workspace in a canonical order, so two equal workspaces compare equal whatever order edits left
/// their vectors in.
pub fn canonical(ws: &Workspace) -> Workspace {
    let mut ws = ws.clone();
    ws.journeys.sort_by_key(|j| j.id);
    for j in &mut ws.journeys {
        j.stages.sort_by_key(|s| s.id);
        j.lanes.sort_by_key(|l| l.id);
        j.steps.sort_by_key(|s| s.id);
    }
    ws.links.sort_by_key(|l| l.id);
    ws.entities.sort_by_key(|e| e.id);
    ws.personas.sort_by_key(|p| p.id);
    ws
}

/// A random edit that makes sense for the current workspace (it may still be refused, which is fine:
/// refused edits must change nothing).
pub fn random_edit(ws: &Workspace, rng: &mut Rng) -> Edit {
    let j = &ws.journeys[rng.below(ws.journeys.len())];
    let pick_step = |rng: &mut Rng| j.steps.get(rng.below(j.steps.len().max(1))).map(|s| s.id);
    let lane = j.lanes[rng.below(j.lanes.len())].id;
    let stage = j.stages[rng.below(j.stages.len())].id;
    let step = pick_step(rng);
    if rng.below(3) == 0 {
        if let Some(edit) = random_entity_edit(ws, step, rng) {
            return edit;
        }
    }
    if rng.below(4) == 0 {
        if let Some(edit) = random_persona_edit(ws, j, step, rng) {
            return edit;
        }
    }
    if rng.below(6) == 0 {
        return random_comment_edit(j, step, rng);
    }
    if rng.below(6) == 0 {
        return random_opportunity_edit(ws, j, step, rng);
    }
    match (rng.below(16), step) {
        (0, _) => Edit::CreateJourney {
            journey: Id::new(),
            name: "New".into(),
            template: Template::Blueprint,
        },
        (1, _) if rng.below(2) == 0 => Edit::DuplicateJourney {
            source: j.id,
            journey: Id::new(),
        },
        (1, _) => Edit::CreateFutureState {
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
            match rng.below(4) {
                // An insight, which also clears an assumption mark.
                0 => details.evidence.push(Insight {
                    text: format!("finding {}", rng.below(100)),
                    source: EvidenceSource::ALL[rng.below(6)],
                    date: (rng.below(2) == 0).then(|| "2026-03-02".into()),
                    reference: "interviews.pdf".into(),
                }),
                1 => details.assumption = !details.assumption,
                // A kept/changed/removed/new mark, which only a future state's card takes.
                2 if j.future_of.is_some() => {
                    details.change =
                        [None, Some(StateChange::Removed), Some(StateChange::New)][rng.below(3)]
                }
                _ => {
                    details.evidence.pop();
                }
            }
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
        (14, Some(s)) => {
            let mut steps = vec![s];
            steps.extend(pick_step(rng).filter(|o| *o != s));
            clip::duplicate(ws, j.id, &steps, Id::new())
                .expect("cards of the journey duplicate")
                .edit
        }
        (15, Some(s)) => {
            // A card, maybe with another, copied and pasted into any cell of any journey.
            let mut steps = vec![s];
            steps.extend(pick_step(rng).filter(|o| *o != s));
            let rich = clip::copy(ws, j.id, &steps).expect("cards copy").rich;
            let k = &ws.journeys[rng.below(ws.journeys.len())];
            let target = Target {
                journey: k.id,
                lane: k.lanes[rng.below(k.lanes.len())].id,
                stage: k.stages[rng.below(k.stages.len())].id,
            };
            clip::paste(ws, &target, &Pasting::Rich { rich }, Id::new())
                .expect("a fresh copy pastes")
                .edit
        }
        _ => Edit::UpdateJourney {
            journey: j.id,
            name: "Renamed".into(),
            persona: "P".into(),
            description: "D".into(),
        },
    }
}

/// A random comment written on the journey, a stage or a card (perhaps one deleted since), or one
/// edited, resolved or deleted.
fn random_comment_edit(j: &Journey, step: Option<Id>, rng: &mut Rng) -> Edit {
    let old = (!j.comments.is_empty()).then(|| j.comments[rng.below(j.comments.len())].clone());
    match (rng.below(3), old) {
        (0, Some(c)) => Edit::PutComment {
            journey: j.id,
            comment: Comment {
                resolved: !c.resolved,
                text: format!("{} (again)", c.text),
                ..c
            },
        },
        (1, Some(c)) => Edit::DeleteComment {
            journey: j.id,
            comment: c.id,
        },
        _ => {
            let targets = [Some(j.id), Some(j.stages[0].id), step, Some(Id::new())];
            Edit::PutComment {
                journey: j.id,
                comment: Comment {
                    id: Id::new(),
                    target: targets[rng.below(4)].unwrap_or(j.id),
                    author: "Ana".into(),
                    at: rng.below(1_000_000) as i64,
                    text: format!("remark {}", rng.below(100)),
                    resolved: false,
                },
            }
        }
    }
}

/// A random opportunity on the journey (owned by a person or team, or a system, which is refused),
/// or one re-rated, moved along or deleted.
fn random_opportunity_edit(ws: &Workspace, j: &Journey, step: Option<Id>, rng: &mut Rng) -> Edit {
    let old = (!j.opportunities.is_empty())
        .then(|| j.opportunities[rng.below(j.opportunities.len())].clone());
    match (rng.below(3), old) {
        (0, Some(o)) => Edit::PutOpportunity {
            journey: j.id,
            opportunity: Opportunity {
                value: 1 + rng.below(5) as u8,
                effort: 1 + rng.below(5) as u8,
                status: OpportunityStatus::ALL[rng.below(5)],
                ..o
            },
        },
        (1, Some(o)) => Edit::DeleteOpportunity {
            journey: j.id,
            opportunity: o.id,
        },
        _ => Edit::PutOpportunity {
            journey: j.id,
            opportunity: Opportunity {
                id: Id::new(),
                title: format!("Idea {}", rng.below(100)),
                description: String::new(),
                owner: (!ws.entities.is_empty())
                    .then(|| ws.entities[rng.below(ws.entities.len())].id),
                status: OpportunityStatus::Idea,
                value: 3,
                effort: 1 + rng.below(6) as u8,
                addresses: step.into_iter().collect(),
            },
        },
    }
}

/// A random edit of the shared personas, of a journey's personas (reordered, added, taken off) or of a
/// card's per-persona scores (which may be refused, e.g. off the customer lane).
fn random_persona_edit(
    ws: &Workspace,
    j: &Journey,
    step: Option<Id>,
    rng: &mut Rng,
) -> Option<Edit> {
    let pick = |rng: &mut Rng| {
        (!ws.personas.is_empty()).then(|| ws.personas[rng.below(ws.personas.len())].clone())
    };
    Some(match rng.below(6) {
        0 => Edit::CreatePersona {
            persona: Persona {
                description: "who".into(),
                ..Persona::named(format!("Persona {}", rng.below(40)))
            },
        },
        1 => {
            let p = pick(rng)?;
            Edit::UpdatePersona {
                persona: Persona {
                    quote: format!("said {}", rng.below(10)),
                    ..p
                },
            }
        }
        2 => Edit::DeletePersona {
            persona: pick(rng)?.id,
        },
        3 if rng.below(2) == 0 => Edit::SetPersonaPicture {
            persona: pick(rng)?.id,
            picture: (rng.below(2) == 0).then(|| PersonaPicture {
                format: PictureFormat::Png,
                data: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
                    .into(),
            }),
        },
        3 => {
            let mut personas = j.personas.clone();
            match rng.below(3) {
                0 => personas.push(pick(rng)?.id),
                1 if !personas.is_empty() => {
                    personas.remove(rng.below(personas.len()));
                }
                _ => personas.reverse(),
            }
            Edit::SetJourneyPersonas {
                journey: j.id,
                personas,
            }
        }
        _ => {
            let s = j.step(step?)?;
            let mut details = StepDetails::of(s);
            details.emotion = Some(rng.below(5) as i8 - 2);
            details.scores = Vec::new();
            for p in j.personas.iter().skip(1) {
                let score = rng.below(7) as i8 - 3;
                if score != -3 {
                    details.scores.push(PersonaScore { persona: *p, score });
                }
            }
            Edit::SetStepDetails {
                step: s.id,
                details,
            }
        }
    })
}

/// A random edit of the shared entities or of a card's owner and links (which may be refused).
fn random_entity_edit(ws: &Workspace, step: Option<Id>, rng: &mut Rng) -> Option<Edit> {
    let kinds = [
        EntityKind::Person,
        EntityKind::Team,
        EntityKind::System,
        EntityKind::Process,
    ];
    let pick = |rng: &mut Rng| {
        (!ws.entities.is_empty()).then(|| ws.entities[rng.below(ws.entities.len())].clone())
    };
    let link = |kind, from, to| Edit::AddLink {
        link: Link {
            id: Id::new(),
            kind,
            from,
            to,
        },
    };
    Some(match rng.below(7) {
        0 => Edit::CreateEntity {
            entity: Entity {
                id: Id::new(),
                kind: kinds[rng.below(4)],
                name: format!("Entity {}", rng.below(50)),
                description: String::new(),
                owner: pick(rng).map(|e| e.id),
            },
        },
        1 => {
            let e = pick(rng)?;
            Edit::UpdateEntity {
                entity: e.id,
                name: format!("{} {}", e.name, rng.below(10)),
                description: "changed".into(),
                owner: pick(rng).map(|o| o.id),
            }
        }
        2 => Edit::DeleteEntity {
            entity: pick(rng)?.id,
        },
        3 => {
            let mut steps = vec![step?];
            let j = &ws.journeys[rng.below(ws.journeys.len())];
            steps.extend(j.steps.first().map(|s| s.id).filter(|s| !steps.contains(s)));
            Edit::SetOwner {
                steps,
                owner: pick(rng).map(|o| o.id),
            }
        }
        4 => {
            let e = pick(rng)?;
            let kind = match e.kind {
                EntityKind::Person | EntityKind::Team => LinkKind::PerformedBy,
                EntityKind::System => LinkKind::Uses,
                EntityKind::Process => LinkKind::PartOf,
            };
            link(kind, step?, e.id)
        }
        5 => link(LinkKind::DependsOn, pick(rng)?.id, pick(rng)?.id),
        _ => link(LinkKind::MemberOf, pick(rng)?.id, pick(rng)?.id),
    })
}
