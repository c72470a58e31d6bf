//! A short account of an edit in the room's words ("moved 'Calls claims line'", "deleted 2 cards"),
//! so undo and redo can say what they did. Worded once here, for every client.

use super::{AddedBy, Edit, StepDetails};
use crate::{EntityKind, Id, LinkKind, Severity, Step, Workspace};

/// How many characters of a card's text or a name the account quotes before cutting it with "…".
pub const QUOTED_CHARS: usize = 32;

/// What a comment is about, in the words of an account: "the journey \"Claims\"", "stage \"Assess\"",
/// or the card's text.
fn comment_target(before: &Workspace, journey: Id, target: Id) -> String {
    let Some(j) = before.journey(journey) else {
        return "a journey".to_owned();
    };
    match crate::comment::target_of(j, target) {
        crate::comment::CommentTarget::Journey => format!("the journey {}", quoted(&j.name)),
        crate::comment::CommentTarget::Stage { name } => format!("stage {}", quoted(&name)),
        crate::comment::CommentTarget::Card { text } => quoted(&text),
        crate::comment::CommentTarget::Gone => "a card no longer there".to_owned(),
    }
}

/// What `edit` does, described over `before`, the workspace as it was just before the edit was made
/// (so a deleted card can still be named). Records the workspace no longer has are described without
/// their names.
pub fn describe(edit: &Edit, before: &Workspace) -> String {
    match edit {
        Edit::CreateJourney { name, .. } => format!("added the journey {}", quoted(name)),
        Edit::DuplicateJourney { source, .. } => {
            format!("duplicated the journey {}", journey_name(before, *source))
        }
        Edit::CreateFutureState { source, .. } => {
            format!(
                "created a future state of the journey {}",
                journey_name(before, *source)
            )
        }
        Edit::UpdateJourney { journey, name, .. } => match before.journey(*journey) {
            Some(j) if j.name != *name => format!("renamed the journey {}", quoted(&j.name)),
            _ => format!(
                "changed the details of the journey {}",
                journey_name(before, *journey)
            ),
        },
        Edit::MoveJourney { journey, .. } => {
            format!("moved the journey {}", journey_name(before, *journey))
        }
        Edit::DeleteJourney { journey } => {
            format!("deleted the journey {}", journey_name(before, *journey))
        }
        Edit::RestoreJourney { journey, .. } => {
            format!("restored the journey {}", quoted(&journey.name))
        }
        Edit::AddStage { name, .. } => format!("added stage {}", quoted(name)),
        Edit::RenameStage { stage, .. } => format!("renamed stage {}", stage_name(before, *stage)),
        Edit::MoveStage { stage, .. } => format!("moved stage {}", stage_name(before, *stage)),
        Edit::DeleteStage { stage } => format!("deleted stage {}", stage_name(before, *stage)),
        Edit::RestoreStage { stage, .. } => format!("restored stage {}", quoted(&stage.name)),
        Edit::AddLane { name, .. } => format!("added lane {}", quoted(name)),
        Edit::UpdateLane { lane, name, .. } => {
            let renamed = lane_of(before, *lane).is_some_and(|l| l.name != *name);
            let verb = if renamed {
                "renamed"
            } else {
                "changed the kind of"
            };
            format!("{verb} lane {}", lane_name(before, *lane))
        }
        Edit::MoveLane { lane, .. } => format!("moved lane {}", lane_name(before, *lane)),
        Edit::DeleteLane { lane } => format!("deleted lane {}", lane_name(before, *lane)),
        Edit::RestoreLane { lane, .. } => format!("restored lane {}", quoted(&lane.name)),
        Edit::AddStep { text, .. } => format!("added {}", quoted(text)),
        Edit::SetStepText { step, .. } => format!("edited {}", card_name(before, *step)),
        Edit::SetStepDetails { step, details } => details_change(before, *step, details),
        Edit::MoveSteps { steps, .. } => format!("moved {}", cards(before, steps)),
        Edit::DeleteSteps { steps } => format!("deleted {}", cards(before, steps)),
        Edit::RestoreSteps { steps, .. } => {
            let ids: Vec<Id> = steps.iter().map(|s| s.id).collect();
            match steps.as_slice() {
                [one] => format!("restored {}", quoted(&one.text)),
                _ => format!("restored {}", cards(before, &ids)),
            }
        }
        Edit::AddSteps {
            steps, added_by, ..
        } => {
            let verb = match added_by {
                AddedBy::Paste => "pasted",
                AddedBy::Duplicate => "duplicated",
            };
            match steps.as_slice() {
                [one] => format!("{verb} {}", quoted(&one.text)),
                _ => format!("{verb} {}", count(steps.len(), "card")),
            }
        }
        Edit::AddLink { link } if link.kind == LinkKind::Flow => format!(
            "drew an arrow from {} to {}",
            card_name(before, link.from),
            card_name(before, link.to)
        ),
        Edit::AddLink { link } => format!(
            "linked {} to {}",
            name_of(before, link.from),
            name_of(before, link.to)
        ),
        Edit::DeleteLinks { links } => format!("deleted {}", links_phrase(before, links)),
        Edit::RestoreLinks { links } => format!("restored {}", count(links.len(), "link")),
        Edit::CreateEntity { entity } => {
            format!(
                "added the {} {}",
                kind_word(entity.kind),
                quoted(&entity.name)
            )
        }
        Edit::UpdateEntity {
            entity,
            name,
            owner,
            ..
        } => match before.entity(*entity) {
            Some(e) if e.name != *name => format!("renamed {}", quoted(&e.name)),
            Some(e) if e.owner != *owner => format!("set owner of {}", quoted(&e.name)),
            Some(e) => format!("changed {}", quoted(&e.name)),
            None => "changed an entity".to_owned(),
        },
        Edit::DeleteEntity { entity } => match before.entity(*entity) {
            Some(e) => format!("deleted the {} {}", kind_word(e.kind), quoted(&e.name)),
            None => "deleted an entity".to_owned(),
        },
        Edit::RestoreEntity { entity, .. } => {
            format!(
                "restored the {} {}",
                kind_word(entity.kind),
                quoted(&entity.name)
            )
        }
        Edit::SetOwner { steps, owner } => {
            let verb = if owner.is_some() { "set" } else { "cleared" };
            format!("{verb} owner of {}", cards(before, steps))
        }
        Edit::CreatePersona { persona } => format!("added the persona {}", quoted(&persona.name)),
        Edit::UpdatePersona { persona } => match before.persona(persona.id) {
            Some(p) if p.name != persona.name => format!("renamed the persona {}", quoted(&p.name)),
            _ => format!("changed the persona {}", quoted(&persona.name)),
        },
        Edit::DeletePersona { persona } => match before.persona(*persona) {
            Some(p) => format!("deleted the persona {}", quoted(&p.name)),
            None => "deleted a persona".to_owned(),
        },
        Edit::SetPersonaPicture { persona, picture } => {
            let name = before
                .persona(*persona)
                .map_or_else(|| "a persona".to_owned(), |p| quoted(&p.name));
            match picture {
                Some(_) => format!("set the picture of {name}"),
                None => format!("removed the picture of {name}"),
            }
        }
        Edit::RestorePersona { persona, .. } => {
            format!("restored the persona {}", quoted(&persona.name))
        }
        Edit::SetJourneyPersonas { journey, .. }
        | Edit::RestoreJourneyPersonas {
            feelings: crate::persona::JourneyFeelings { journey, .. },
        } => format!(
            "changed the personas of the journey {}",
            journey_name(before, *journey)
        ),
        Edit::PutComment { journey, comment } => {
            let on = comment_target(before, *journey, comment.target);
            let old = before
                .journey(*journey)
                .and_then(|j| j.comments.iter().find(|c| c.id == comment.id));
            match old {
                None => format!("commented on {on}"),
                Some(old) if old.resolved != comment.resolved && old.text == comment.text => {
                    let verb = if comment.resolved {
                        "resolved"
                    } else {
                        "reopened"
                    };
                    format!("{verb} a comment on {on}")
                }
                Some(_) => format!("edited a comment on {on}"),
            }
        }
        Edit::DeleteComment { journey, comment } => {
            let target = before
                .journey(*journey)
                .and_then(|j| j.comments.iter().find(|c| c.id == *comment))
                .map(|c| c.target);
            match target {
                Some(target) => format!(
                    "deleted a comment on {}",
                    comment_target(before, *journey, target)
                ),
                None => "deleted a comment".to_owned(),
            }
        }
        Edit::PutOpportunity {
            journey,
            opportunity,
        } => {
            let old = before
                .journey(*journey)
                .and_then(|j| j.opportunities.iter().find(|o| o.id == opportunity.id));
            let title = quoted(&opportunity.title);
            match old {
                None => format!("added the opportunity {title}"),
                Some(old) if old.status != opportunity.status => format!(
                    "set the opportunity {title} to {}",
                    opportunity.status.label().to_lowercase()
                ),
                Some(old) if (old.value, old.effort) != (opportunity.value, opportunity.effort) => {
                    format!("re-rated the opportunity {title}")
                }
                Some(_) => format!("changed the opportunity {title}"),
            }
        }
        Edit::DeleteOpportunity {
            journey,
            opportunity,
        } => match before
            .journey(*journey)
            .and_then(|j| j.opportunities.iter().find(|o| o.id == *opportunity))
        {
            Some(o) => format!("deleted the opportunity {}", quoted(&o.title)),
            None => "deleted an opportunity".to_owned(),
        },
        // A paste that also creates the entities its cards name is told as the paste.
        Edit::Batch { edits } => match edits.iter().find(|e| matches!(e, Edit::AddSteps { .. })) {
            Some(added) => describe(added, before),
            None => match edits.as_slice() {
                [] => "made no change".to_owned(),
                [one] => describe(one, before),
                [first, rest @ ..] => format!(
                    "{} and {}",
                    describe(first, before),
                    count(rest.len(), "more change")
                ),
            },
        },
    }
}

/// `text`'s first line in quotes, cut to [`QUOTED_CHARS`].
fn quoted(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    let line = line.unwrap_or("");
    if line.chars().count() <= QUOTED_CHARS {
        return format!("'{line}'");
    }
    let cut: String = line.chars().take(QUOTED_CHARS - 1).collect();
    format!("'{}…'", cut.trim_end())
}

/// "1 card", "3 cards".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn step_of(ws: &Workspace, id: Id) -> Option<&Step> {
    ws.journeys.iter().find_map(|j| j.step(id))
}

fn lane_of(ws: &Workspace, id: Id) -> Option<&crate::Lane> {
    ws.journeys.iter().find_map(|j| j.lane(id))
}

fn card_name(ws: &Workspace, id: Id) -> String {
    step_of(ws, id).map_or_else(|| "a card".to_owned(), |s| quoted(&s.text))
}

/// One card by its text, several by their number.
fn cards(ws: &Workspace, ids: &[Id]) -> String {
    match ids {
        [one] => card_name(ws, *one),
        _ => count(ids.len(), "card"),
    }
}

fn journey_name(ws: &Workspace, id: Id) -> String {
    ws.journey(id)
        .map_or_else(|| "'?'".to_owned(), |j| quoted(&j.name))
}

fn stage_name(ws: &Workspace, id: Id) -> String {
    ws.journeys
        .iter()
        .find_map(|j| j.stages.iter().find(|s| s.id == id))
        .map_or_else(|| "'?'".to_owned(), |s| quoted(&s.name))
}

fn lane_name(ws: &Workspace, id: Id) -> String {
    lane_of(ws, id).map_or_else(|| "'?'".to_owned(), |l| quoted(&l.name))
}

/// A card or an entity, by its text or name.
fn name_of(ws: &Workspace, id: Id) -> String {
    match ws.entity(id) {
        Some(e) => quoted(&e.name),
        None => card_name(ws, id),
    }
}

fn kind_word(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Team => "team",
        EntityKind::System => "system",
        EntityKind::Process => "process",
    }
}

fn links_phrase(ws: &Workspace, ids: &[Id]) -> String {
    let flows = ids
        .iter()
        .filter(|id| {
            ws.links
                .iter()
                .any(|l| l.id == **id && l.kind == LinkKind::Flow)
        })
        .count();
    match (ids.len(), flows) {
        (1, 1) => "an arrow".to_owned(),
        (1, _) => "a link".to_owned(),
        (n, f) if f == n => count(n, "arrow"),
        (n, _) => count(n, "link"),
    }
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
    }
}

/// The one detail a details edit changes, named ("marked 'X' a moment of truth"), or all of them
/// when it changes several at once.
fn details_change(ws: &Workspace, step: Id, details: &StepDetails) -> String {
    let Some(old) = step_of(ws, step) else {
        return "changed the details of a card".to_owned();
    };
    let card = quoted(&old.text);
    let was = StepDetails::of(old);
    let mut changes: Vec<String> = Vec::new();
    if was.moment_of_truth != details.moment_of_truth {
        changes.push(if details.moment_of_truth {
            format!("marked {card} a moment of truth")
        } else {
            format!("unmarked {card} as a moment of truth")
        });
    }
    if was.emotion != details.emotion {
        changes.push(match details.emotion {
            Some(e) => format!("set the emotion of {card} to {e:+}"),
            None => format!("cleared the emotion of {card}"),
        });
    }
    if was.pain_point.is_some() != details.pain_point.is_some() {
        changes.push(match details.pain_point {
            Some(_) => format!("noted a pain point on {card}"),
            None => format!("cleared the pain point of {card}"),
        });
    } else if was.pain_point != details.pain_point {
        changes.push(format!("edited the pain point of {card}"));
    }
    if was.pain_severity != details.pain_severity {
        changes.push(format!(
            "set the pain of {card} to {}",
            severity_word(details.pain_severity)
        ));
    }
    for (old, new, what) in [
        (was.fail_point, details.fail_point, "fail point"),
        (was.wait_point, details.wait_point, "wait point"),
    ] {
        if old != new {
            let verb = if new { "marked" } else { "unmarked" };
            changes.push(format!("{verb} {card} as a {what}"));
        }
    }
    if was.channel != details.channel {
        changes.push(format!("set the channel of {card}"));
    }
    if was.notes != details.notes {
        changes.push(format!("edited the notes of {card}"));
    }
    if was.metrics != details.metrics {
        changes.push(format!("changed the metrics of {card}"));
    }
    if was.evidence != details.evidence {
        changes.push(format!("changed the evidence behind {card}"));
    }
    if was.assumption != details.assumption {
        let verb = if details.assumption {
            "marked"
        } else {
            "unmarked"
        };
        changes.push(format!("{verb} {card} as an assumption"));
    }
    match changes.len() {
        1 => changes.remove(0),
        0 => format!("changed nothing on {card}"),
        _ => format!("changed the details of {card}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Slot};
    use crate::sample::sample_workspace;
    use crate::{Entity, LaneKind, Link};

    fn customer_step(ws: &Workspace) -> Step {
        let j = &ws.journeys[0];
        let lane = j
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Customer)
            .unwrap();
        j.steps.iter().find(|s| s.lane == lane.id).unwrap().clone()
    }

    #[test]
    fn long_text_is_cut_to_its_first_line_and_a_few_words() {
        assert_eq!(quoted("Calls claims line"), "'Calls claims line'");
        assert_eq!(quoted("\n  Two\nlines"), "'Two'");
        let long = "Fills in the online claim form with photos of the damage";
        let q = quoted(long);
        assert!(q.ends_with("…'"), "{q}");
        assert!(q.chars().count() <= QUOTED_CHARS + 2, "{q}");
        assert!(long.starts_with(q.trim_matches('\'').trim_end_matches('…')));
    }

    #[test]
    fn card_edits_name_the_card_or_count_the_cards() {
        let ws = sample_workspace().unwrap();
        let j = &ws.journeys[0];
        let (a, b) = (&j.steps[0], &j.steps[1]);
        let moved = Edit::MoveSteps {
            steps: vec![a.id],
            lane: a.lane,
            stage: a.stage,
            to: Slot::END,
        };
        assert_eq!(describe(&moved, &ws), format!("moved {}", quoted(&a.text)));
        let deleted = Edit::DeleteSteps {
            steps: vec![a.id, b.id],
        };
        assert_eq!(describe(&deleted, &ws), "deleted 2 cards");
        let added = Edit::AddStep {
            journey: j.id,
            step: Id::new(),
            lane: a.lane,
            stage: a.stage,
            to: Slot::END,
            text: "Calls claims line".into(),
        };
        assert_eq!(describe(&added, &ws), "added 'Calls claims line'");
        let owned = Edit::SetOwner {
            steps: vec![a.id],
            owner: Some(ws.entities[0].id),
        };
        assert_eq!(
            describe(&owned, &ws),
            format!("set owner of {}", quoted(&a.text))
        );
        let arrow = Edit::AddLink {
            link: Link {
                id: Id::new(),
                kind: LinkKind::Flow,
                from: a.id,
                to: b.id,
            },
        };
        assert!(describe(&arrow, &ws).starts_with("drew an arrow from '"));
    }

    #[test]
    fn headings_and_journeys_are_named_as_they_were_before_the_edit() {
        let ws = sample_workspace().unwrap();
        let j = &ws.journeys[0];
        let stage = &j.stages[0];
        let renamed = Edit::RenameStage {
            stage: stage.id,
            name: "Something else".into(),
        };
        assert_eq!(
            describe(&renamed, &ws),
            format!("renamed stage {}", quoted(&stage.name))
        );
        let lane = &j.lanes[0];
        let kind_only = Edit::UpdateLane {
            lane: lane.id,
            name: lane.name.clone(),
            kind: LaneKind::Support,
        };
        assert_eq!(
            describe(&kind_only, &ws),
            format!("changed the kind of lane {}", quoted(&lane.name))
        );
        let gone = Edit::DeleteJourney { journey: j.id };
        assert_eq!(
            describe(&gone, &ws),
            format!("deleted the journey {}", quoted(&j.name))
        );
    }

    #[test]
    fn a_details_edit_names_the_one_marker_it_changes() {
        let ws = sample_workspace().unwrap();
        let step = customer_step(&ws);
        let card = quoted(&step.text);
        let with = |change: &dyn Fn(&mut StepDetails)| {
            let mut details = StepDetails::of(&step);
            change(&mut details);
            describe(
                &Edit::SetStepDetails {
                    step: step.id,
                    details,
                },
                &ws,
            )
        };
        let truth = !step.moment_of_truth;
        let marked = with(&|d| d.moment_of_truth = truth);
        let expected = if truth {
            format!("marked {card} a moment of truth")
        } else {
            format!("unmarked {card} as a moment of truth")
        };
        assert_eq!(marked, expected);
        let emotion = if step.emotion == Some(2) { 1 } else { 2 };
        assert_eq!(
            with(&|d| d.emotion = Some(emotion)),
            format!("set the emotion of {card} to +{emotion}")
        );
        assert_eq!(
            with(&|d| {
                d.pain_point = Some("Long wait".into());
                d.pain_severity = Severity::High;
                d.moment_of_truth = truth;
            }),
            format!("changed the details of {card}")
        );
    }

    #[test]
    fn undoing_a_delete_is_described_over_the_workspace_it_restores() {
        let mut ws = sample_workspace().unwrap();
        let before = ws.clone();
        let entity = Entity {
            id: Id::new(),
            kind: EntityKind::System,
            name: "Claims portal".into(),
            description: String::new(),
            owner: None,
        };
        let create = Edit::CreateEntity { entity };
        assert_eq!(
            describe(&create, &before),
            "added the system 'Claims portal'"
        );
        let step = before.journeys[0].steps[0].clone();
        let delete = Edit::DeleteSteps {
            steps: vec![step.id],
        };
        apply(&mut ws, &delete).unwrap();
        assert_eq!(describe(&delete, &ws), "deleted a card", "the card is gone");
        assert_eq!(
            describe(&delete, &before),
            format!("deleted {}", quoted(&step.text))
        );
    }
}
