//! Edits to journeys as wholes: create, copy, rename, reorder, delete and put back.

use std::collections::HashSet;

use super::{
    journey_ix, links_touching, named, position_for, restore_links, sorted, Edit, EditError, Slot,
    Template, Touched,
};
use crate::text::{clean_name, clean_text, MAX_NAME_CHARS};
use crate::validate::{validate_journey, ValidationError};
use crate::{Id, Journey, Lane, LaneKind, Link, Stage, Workspace};

/// Creates a journey from a template.
pub(super) fn create(
    ws: &mut Workspace,
    journey: Id,
    name: &str,
    template: Template,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    if ws.journey(journey).is_some() {
        return Err(EditError::Exists { what: "journey" });
    }
    let mut j = new_journey(journey, named("journey name", name)?, template);
    j.position = ws.journeys.iter().map(|j| j.position).fold(-1.0, f64::max) + 1.0;
    touch_journey_all(t, &j);
    ws.journeys.push(j);
    Ok(Edit::DeleteJourney { journey })
}

/// Copies a journey with its cards and links under a new id.
/// What a copy of a journey is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Copy {
    /// Another journey like it, to change freely.
    Duplicate,
    /// Its future state: tied to it and card by card to its cards.
    FutureState,
}

pub(super) fn duplicate(
    ws: &mut Workspace,
    source: Id,
    journey: Id,
    kind: Copy,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    if ws.journey(journey).is_some() {
        return Err(EditError::Exists { what: "journey" });
    }
    let src = ws
        .journey(source)
        .ok_or(EditError::Missing { what: "journey" })?;
    let map = |old: Id| Id::derived(&journey.to_string(), &old.to_string());
    let mut copy = src.clone();
    copy.id = journey;
    let name = |suffix: &str| -> String {
        format!("{} ({suffix})", src.name)
            .chars()
            .take(MAX_NAME_CHARS)
            .collect()
    };
    copy.name = match kind {
        Copy::Duplicate => name("copy"),
        // A room may draw several futures of one journey: each gets a name of its own to be
        // chosen by.
        Copy::FutureState => {
            let taken: HashSet<String> =
                ws.journeys.iter().map(|j| j.name.to_lowercase()).collect();
            (1..)
                .map(|n| match n {
                    1 => name("future state"),
                    n => name(&format!("future state {n}")),
                })
                .find(|candidate| !taken.contains(&candidate.to_lowercase()))
                .unwrap_or_default()
        }
    };
    copy.position = ws.journeys.iter().map(|j| j.position).fold(-1.0, f64::max) + 1.0;
    // The copy starts a new conversation: the comments stay with the journey they were made on. Its
    // plan comes along, on the copied cards.
    copy.comments.clear();
    if kind == Copy::FutureState {
        // The plan answers today's pain: it stays with the current state, which the future one
        // now points back to.
        copy.opportunities.clear();
        copy.future_of = Some(source);
    }
    for o in &mut copy.opportunities {
        o.id = map(o.id);
        for card in &mut o.addresses {
            *card = map(*card);
        }
    }
    for s in &mut copy.stages {
        s.id = map(s.id);
    }
    for l in &mut copy.lanes {
        l.id = map(l.id);
    }
    let step_ids: HashSet<Id> = copy.steps.iter().map(|s| s.id).collect();
    for s in &mut copy.steps {
        if kind == Copy::FutureState {
            s.origin = Some(s.id);
            s.change = None;
        }
        s.id = map(s.id);
        s.lane = map(s.lane);
        s.stage = map(s.stage);
    }
    let links: Vec<Link> = ws
        .links
        .iter()
        .filter(|l| step_ids.contains(&l.from))
        .map(|l| Link {
            id: map(l.id),
            kind: l.kind,
            from: map(l.from),
            to: if step_ids.contains(&l.to) {
                map(l.to)
            } else {
                l.to
            },
        })
        .collect();
    touch_journey_all(t, &copy);
    ws.journeys.push(copy);
    restore_links(ws, &links, t)?;
    Ok(Edit::DeleteJourney { journey })
}

/// Sets the name, persona and description of a journey.
pub(super) fn update(
    ws: &mut Workspace,
    journey: Id,
    name: &str,
    persona: &str,
    description: &str,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let name = named("journey name", name)?;
    let persona = clean_name(persona);
    let description = clean_text(description);
    let j = journey_ix(ws, journey)?;
    let j = &mut ws.journeys[j];
    let old = Edit::UpdateJourney {
        journey,
        name: std::mem::replace(&mut j.name, name),
        persona: std::mem::replace(&mut j.persona, persona),
        description: std::mem::replace(&mut j.description, description),
    };
    t.journeys.push(journey);
    t.journey = Some(journey);
    Ok(old)
}

/// Reorders a journey in the sidebar.
pub(super) fn move_to(
    ws: &mut Workspace,
    journey: Id,
    to: &Slot,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let j = journey_ix(ws, journey)?;
    let siblings = sorted(
        ws.journeys.iter().map(|j| (j.id, j.position)),
        &HashSet::from([journey]),
    );
    let (position, renumbered) = position_for(&siblings, to);
    let old = ws.journeys[j].position;
    ws.journeys[j].position = position;
    for (id, p) in renumbered {
        if let Some(other) = ws.journeys.iter_mut().find(|o| o.id == id) {
            other.position = p;
            t.journeys.push(id);
        }
    }
    ws.journeys
        .sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    t.journeys.push(journey);
    Ok(Edit::MoveJourney {
        journey,
        to: Slot::At { position: old },
    })
}

/// Deletes a journey with everything in it.
pub(super) fn delete(ws: &mut Workspace, journey: Id, t: &mut Touched) -> Result<Edit, EditError> {
    let j = journey_ix(ws, journey)?;
    let removed = ws.journeys.remove(j);
    let ids: HashSet<Id> = removed.steps.iter().map(|s| s.id).collect();
    let links = links_touching(ws, &ids);
    t.removed_links.extend(links.iter().map(|l| l.id));
    t.removed_journeys.push(journey);
    Ok(Edit::RestoreJourney {
        journey: Box::new(removed),
        links,
    })
}

/// Puts back a deleted journey with its links.
pub(super) fn restore(
    ws: &mut Workspace,
    journey: &Journey,
    links: &[Link],
    t: &mut Touched,
) -> Result<Edit, EditError> {
    if ws.journey(journey.id).is_some() {
        return Err(EditError::Exists { what: "journey" });
    }
    validate_journey(journey)?;
    if let Some(p) = journey.personas.iter().find(|p| ws.persona(**p).is_none()) {
        return Err(ValidationError::Dangling {
            what: "a journey's persona",
            id: *p,
        }
        .into());
    }
    touch_journey_all(t, journey);
    ws.journeys.push(journey.clone());
    ws.journeys
        .sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    if let Err(e) = restore_links(ws, links, t) {
        ws.journeys.retain(|j| j.id != journey.id);
        return Err(e);
    }
    Ok(Edit::DeleteJourney {
        journey: journey.id,
    })
}

fn new_journey(id: Id, name: String, template: Template) -> Journey {
    let derived = |key: &str| Id::derived(&id.to_string(), key);
    let (stages, kinds): (&[&str], &[LaneKind]) = match template {
        Template::Blueprint => (
            &["Discover", "Choose", "Buy", "Use", "Get help"],
            &LaneKind::ALL,
        ),
        Template::Blank => (&["Stage 1"], &[LaneKind::Customer]),
    };
    Journey {
        id,
        name,
        persona: String::new(),
        description: String::new(),
        position: 0.0,
        stages: stages
            .iter()
            .enumerate()
            .map(|(i, n)| Stage {
                id: derived(&format!("stage{i}")),
                name: (*n).to_owned(),
                position: i as f64,
            })
            .collect(),
        lanes: kinds
            .iter()
            .enumerate()
            .map(|(i, k)| Lane {
                id: derived(&format!("lane{i}")),
                name: k.standard_name().to_owned(),
                kind: *k,
                position: i as f64,
            })
            .collect(),
        steps: Vec::new(),
        personas: Vec::new(),
        comments: Vec::new(),
        opportunities: Vec::new(),
        future_of: None,
    }
}

fn touch_journey_all(t: &mut Touched, j: &Journey) {
    t.journeys.push(j.id);
    t.stages.extend(j.stages.iter().map(|s| s.id));
    t.lanes.extend(j.lanes.iter().map(|l| l.id));
    t.steps.extend(j.steps.iter().map(|s| s.id));
    t.journey = Some(j.id);
}
