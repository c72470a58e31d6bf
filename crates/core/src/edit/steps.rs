//! Edits to cards: add, retext, detail, move, delete and put back, one or many at once.

use std::collections::HashSet;

use super::{
    check_new_steps, find, journey_ix, position_for, put_steps_back, sorted, take_steps, Edit,
    EditError, Slot, StepDetails, Touched, MAX_ADDED_STEPS,
};
use crate::text::clean_text;
use crate::validate::{check_owner, check_text, ValidationError};
use crate::{Id, Journey, Link, Step, Workspace};

/// Adds a card with only its text to a cell (lane, stage).
pub(super) fn add(
    ws: &mut Workspace,
    journey: Id,
    step: Id,
    (lane, stage): (Id, Id),
    to: &Slot,
    text: &str,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let text = clean_text(text);
    check_text("card text", &text)?;
    let j = journey_ix(ws, journey)?;
    let jr = &mut ws.journeys[j];
    if jr.lane(lane).is_none() {
        return Err(EditError::Missing { what: "lane" });
    }
    if !jr.stages.iter().any(|s| s.id == stage) {
        return Err(EditError::Missing { what: "stage" });
    }
    if jr.steps.iter().any(|s| s.id == step) {
        return Err(EditError::Exists { what: "card" });
    }
    let siblings = sorted(
        jr.steps
            .iter()
            .filter(|s| s.lane == lane && s.stage == stage)
            .map(|s| (s.id, s.position)),
        &HashSet::new(),
    );
    let (position, renumbered) = position_for(&siblings, to);
    renumber_steps(jr, renumbered, t);
    let mut new = Step::new(lane, stage, position, &text);
    new.id = step;
    jr.steps.push(new);
    t.steps.push(step);
    t.journey = Some(journey);
    Ok(Edit::DeleteSteps { steps: vec![step] })
}

/// Replaces a card's text.
pub(super) fn set_text(
    ws: &mut Workspace,
    step: Id,
    text: &str,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let text = clean_text(text);
    check_text("card text", &text)?;
    let (j, s) = find(ws, "card", |j| j.steps.iter().position(|s| s.id == step))?;
    let old = std::mem::replace(&mut ws.journeys[j].steps[s].text, text);
    t.steps.push(step);
    t.journey = Some(ws.journeys[j].id);
    Ok(Edit::SetStepText { step, text: old })
}

/// Replaces a card's details.
pub(super) fn set_details(
    ws: &mut Workspace,
    step: Id,
    details: &StepDetails,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let (j, s) = find(ws, "card", |j| j.steps.iter().position(|s| s.id == step))?;
    let target = &mut ws.journeys[j].steps[s];
    let old = StepDetails::of(target);
    details.clone().put(target);
    t.steps.push(step);
    t.journey = Some(ws.journeys[j].id);
    Ok(Edit::SetStepDetails { step, details: old })
}

/// Deletes cards with the links that touch them.
pub(super) fn delete(ws: &mut Workspace, steps: &[Id], t: &mut Touched) -> Result<Edit, EditError> {
    let first = steps.first().ok_or(EditError::Missing { what: "card" })?;
    let (j, _) = find(ws, "card", |j| j.steps.iter().position(|s| s.id == *first))?;
    let ids: HashSet<Id> = steps.iter().copied().collect();
    let journey = &ws.journeys[j];
    if journey.steps.iter().filter(|s| ids.contains(&s.id)).count() != ids.len() {
        return Err(EditError::Missing { what: "card" });
    }
    let journey_id = journey.id;
    let (removed, links) = take_steps(ws, j, |s| ids.contains(&s.id), t);
    Ok(Edit::RestoreSteps {
        journey: journey_id,
        steps: removed,
        links,
    })
}

/// Puts back deleted cards with their links.
pub(super) fn restore(
    ws: &mut Workspace,
    journey: Id,
    steps: &[Step],
    links: &[Link],
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let j = journey_ix(ws, journey)?;
    check_new_steps(&ws.journeys[j], steps)?;
    put_steps_back(ws, j, steps, links, t)?;
    Ok(Edit::DeleteSteps {
        steps: steps.iter().map(|s| s.id).collect(),
    })
}

/// Adds whole cards with their links, cleaning their texts as if typed; every link must touch one of
/// them, so the inverse (deleting the cards) takes everything the edit brought.
pub(super) fn add_steps(
    ws: &mut Workspace,
    journey: Id,
    steps: &[Step],
    links: &[Link],
    t: &mut Touched,
) -> Result<Edit, EditError> {
    if steps.is_empty() {
        return Err(EditError::Missing { what: "card" });
    }
    if steps.len() > MAX_ADDED_STEPS {
        return Err(ValidationError::TooMany {
            what: "cards in one edit",
            limit: MAX_ADDED_STEPS,
        }
        .into());
    }
    let j = journey_ix(ws, journey)?;
    let mut ids: HashSet<Id> = HashSet::with_capacity(steps.len());
    for s in steps {
        if !ids.insert(s.id) {
            return Err(EditError::Exists { what: "card" });
        }
    }
    if ws
        .journeys
        .iter()
        .flat_map(|j| &j.steps)
        .any(|s| ids.contains(&s.id))
    {
        return Err(EditError::Exists { what: "card" });
    }
    if let Some(l) = links
        .iter()
        .find(|l| !ids.contains(&l.from) && !ids.contains(&l.to))
    {
        return Err(ValidationError::LinkEnds {
            kind: l.kind,
            from: l.from.to_string(),
            to: format!("{} (a link added with cards must touch one of them)", l.to),
        }
        .into());
    }
    let mut cleaned = Vec::with_capacity(steps.len());
    for s in steps {
        let mut step = s.clone();
        step.text = clean_text(&s.text);
        check_text("card text", &step.text)?;
        StepDetails::of(s).put(&mut step);
        // Scores for personas the journey is not drawn for (a paste from another journey) are dropped.
        let others = ws.journeys[j].personas.get(1..).unwrap_or_default();
        step.scores.retain(|p| others.contains(&p.persona));
        if let Some(owner) = step.owner {
            check_owner(ws, "a card's owner", owner)?;
        }
        cleaned.push(step);
    }
    put_steps_back(ws, j, &cleaned, links, t)?;
    Ok(Edit::DeleteSteps {
        steps: steps.iter().map(|s| s.id).collect(),
    })
}

fn renumber_steps(journey: &mut Journey, renumbered: Vec<(Id, f64)>, t: &mut Touched) {
    for (id, p) in renumbered {
        if let Some(s) = journey.steps.iter_mut().find(|s| s.id == id) {
            s.position = p;
            t.steps.push(id);
        }
    }
}

/// Moves cards to a cell, the others keeping their offset from the first.
pub(super) fn move_steps(
    ws: &mut Workspace,
    steps: &[Id],
    lane: Id,
    stage: Id,
    to: &Slot,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let first = *steps.first().ok_or(EditError::Missing { what: "card" })?;
    let (j, _) = find(ws, "card", |j| j.steps.iter().position(|s| s.id == first))?;
    let journey = &mut ws.journeys[j];
    let lane_ix = |id: Id| journey.lanes.iter().position(|l| l.id == id);
    let stage_ix = |id: Id| journey.stages.iter().position(|s| s.id == id);
    let target_lane = lane_ix(lane).ok_or(EditError::Missing { what: "lane" })?;
    let target_stage = stage_ix(stage).ok_or(EditError::Missing { what: "stage" })?;
    let mut plan = Vec::with_capacity(steps.len());
    let mut origin = None;
    for id in steps {
        let step = journey
            .step(*id)
            .ok_or(EditError::Missing { what: "card" })?;
        let (l, s) = (
            lane_ix(step.lane).ok_or(EditError::Missing { what: "lane" })?,
            stage_ix(step.stage).ok_or(EditError::Missing { what: "stage" })?,
        );
        let (l0, s0) = *origin.get_or_insert((l, s));
        let clamp = |v: isize, n: usize| v.clamp(0, n as isize - 1) as usize;
        let nl = clamp(
            target_lane as isize + l as isize - l0 as isize,
            journey.lanes.len(),
        );
        let ns = clamp(
            target_stage as isize + s as isize - s0 as isize,
            journey.stages.len(),
        );
        plan.push((
            *id,
            step.lane,
            step.stage,
            step.position,
            journey.lanes[nl].id,
            journey.stages[ns].id,
        ));
    }
    let moving: HashSet<Id> = steps.iter().copied().collect();
    let mut inverse = Vec::with_capacity(plan.len());
    for (k, (id, old_lane, old_stage, old_pos, new_lane, new_stage)) in plan.into_iter().enumerate()
    {
        let siblings = sorted(
            journey
                .steps
                .iter()
                .filter(|s| s.lane == new_lane && s.stage == new_stage)
                .map(|s| (s.id, s.position)),
            &moving,
        );
        let slot = if k == 0 { to.clone() } else { Slot::END };
        let (position, renumbered) = position_for(&siblings, &slot);
        let mut undo_renumber: Vec<(Id, f64)> = Vec::new();
        for (rid, _) in &renumbered {
            if let Some(s) = journey.step(*rid) {
                undo_renumber.push((*rid, s.position));
            }
        }
        renumber_steps(journey, renumbered, t);
        if let Some(s) = journey.steps.iter_mut().find(|s| s.id == id) {
            s.lane = new_lane;
            s.stage = new_stage;
            s.position = position;
        }
        t.steps.push(id);
        inverse.push(Edit::MoveSteps {
            steps: vec![id],
            lane: old_lane,
            stage: old_stage,
            to: Slot::At { position: old_pos },
        });
        for (rid, p) in undo_renumber {
            let s = journey.step(rid).map(|s| (s.lane, s.stage));
            if let Some((l, st)) = s {
                inverse.push(Edit::MoveSteps {
                    steps: vec![rid],
                    lane: l,
                    stage: st,
                    to: Slot::At { position: p },
                });
            }
        }
    }
    t.journey = Some(journey.id);
    inverse.reverse();
    Ok(if inverse.len() == 1 {
        inverse.remove(0)
    } else {
        Edit::Batch { edits: inverse }
    })
}
