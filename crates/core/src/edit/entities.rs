//! Edits to the shared people, teams, systems and processes, and to who owns which card. Entities are
//! shared by every journey, so these edits reach across journeys: deleting a team clears it as owner
//! everywhere, and the inverse puts every one of those references back.

use std::collections::HashSet;

use super::{restore_links, EditError, Touched};
use crate::text::{clean_name, clean_text};
use crate::validate::{check_name, check_owner, check_text, ValidationError};
use crate::{Entity, Id, Link, Workspace};

use super::Edit;

fn entity_ix(ws: &Workspace, id: Id) -> Result<usize, EditError> {
    ws.entities
        .iter()
        .position(|e| e.id == id)
        .ok_or(EditError::Missing { what: "entity" })
}

/// Cleans and checks what a user typed for an entity: its name (unique within its kind, ignoring
/// case), description and owner.
fn checked(ws: &Workspace, entity: &Entity) -> Result<Entity, EditError> {
    let name = clean_name(&entity.name);
    check_name("entity name", &name)?;
    let description = clean_text(&entity.description);
    check_text("entity description", &description)?;
    let lower = name.to_lowercase();
    if ws
        .entities
        .iter()
        .any(|e| e.id != entity.id && e.kind == entity.kind && e.name.to_lowercase() == lower)
    {
        return Err(ValidationError::DuplicateName {
            kind: entity.kind,
            name,
        }
        .into());
    }
    if let Some(owner) = entity.owner {
        if owner == entity.id {
            return Err(ValidationError::ItSelf {
                name,
                relation: "be owned by",
            }
            .into());
        }
        check_owner(ws, "an entity's owner", owner)?;
    }
    Ok(Entity {
        name,
        description,
        ..entity.clone()
    })
}

pub(super) fn create(
    ws: &mut Workspace,
    entity: &Entity,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    if ws.entity(entity.id).is_some() {
        return Err(EditError::Exists { what: "entity" });
    }
    let entity = checked(ws, entity)?;
    t.entities.push(entity.id);
    ws.entities.push(entity.clone());
    Ok(Edit::DeleteEntity { entity: entity.id })
}

pub(super) fn update(
    ws: &mut Workspace,
    id: Id,
    name: &str,
    description: &str,
    owner: Option<Id>,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let ix = entity_ix(ws, id)?;
    let old = ws.entities[ix].clone();
    let new = checked(
        ws,
        &Entity {
            name: name.to_owned(),
            description: description.to_owned(),
            owner,
            ..old.clone()
        },
    )?;
    ws.entities[ix] = new;
    t.entities.push(id);
    Ok(Edit::UpdateEntity {
        entity: id,
        name: old.name,
        description: old.description,
        owner: old.owner,
    })
}

pub(super) fn delete(ws: &mut Workspace, id: Id, t: &mut Touched) -> Result<Edit, EditError> {
    let ix = entity_ix(ws, id)?;
    let entity = ws.entities.remove(ix);
    let (links, kept): (Vec<Link>, Vec<Link>) = std::mem::take(&mut ws.links)
        .into_iter()
        .partition(|l| l.from == id || l.to == id);
    ws.links = kept;
    t.removed_links.extend(links.iter().map(|l| l.id));
    let mut owned_steps = Vec::new();
    for step in ws.journeys.iter_mut().flat_map(|j| j.steps.iter_mut()) {
        if step.owner == Some(id) {
            step.owner = None;
            owned_steps.push(step.id);
        }
    }
    let mut owned_entities = Vec::new();
    for other in ws.entities.iter_mut() {
        if other.owner == Some(id) {
            other.owner = None;
            owned_entities.push(other.id);
        }
    }
    let mut owned_opportunities = Vec::new();
    for j in ws.journeys.iter_mut() {
        for o in j.opportunities.iter_mut().filter(|o| o.owner == Some(id)) {
            o.owner = None;
            owned_opportunities.push(o.id);
            t.journeys.push(j.id);
        }
    }
    t.steps.extend(owned_steps.iter().copied());
    t.entities.extend(owned_entities.iter().copied());
    t.removed_entities.push(id);
    Ok(Edit::RestoreEntity {
        entity,
        links,
        owned_steps,
        owned_entities,
        owned_opportunities,
    })
}

pub(super) fn restore(
    ws: &mut Workspace,
    entity: &Entity,
    links: &[Link],
    (owned_steps, owned_entities, owned_opportunities): (&[Id], &[Id], &[Id]),
    t: &mut Touched,
) -> Result<Edit, EditError> {
    create(ws, entity, t)?;
    if let Err(e) = restore_links(ws, links, t) {
        ws.entities.retain(|e| e.id != entity.id);
        return Err(e);
    }
    let steps: HashSet<Id> = owned_steps.iter().copied().collect();
    for step in ws.journeys.iter_mut().flat_map(|j| j.steps.iter_mut()) {
        if steps.contains(&step.id) {
            step.owner = Some(entity.id);
            t.steps.push(step.id);
        }
    }
    let owned: HashSet<Id> = owned_entities.iter().copied().collect();
    for other in ws.entities.iter_mut() {
        if owned.contains(&other.id) {
            other.owner = Some(entity.id);
            t.entities.push(other.id);
        }
    }
    let opportunities: HashSet<Id> = owned_opportunities.iter().copied().collect();
    for j in ws.journeys.iter_mut() {
        for o in j
            .opportunities
            .iter_mut()
            .filter(|o| opportunities.contains(&o.id))
        {
            o.owner = Some(entity.id);
            t.journeys.push(j.id);
        }
    }
    Ok(Edit::DeleteEntity { entity: entity.id })
}

/// Gives every card in `steps` the same owner (or none): one edit however many cards, so a bulk
/// assignment is undone in one step. The inverse gives each card its old owner back.
pub(super) fn set_owner(
    ws: &mut Workspace,
    steps: &[Id],
    owner: Option<Id>,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    if let Some(owner) = owner {
        check_owner(ws, "a card's owner", owner)?;
    }
    let wanted: HashSet<Id> = steps.iter().copied().collect();
    let mut old: Vec<(Id, Option<Id>)> = Vec::with_capacity(wanted.len());
    let mut journeys = Vec::new();
    for journey in ws.journeys.iter() {
        let before = old.len();
        old.extend(
            journey
                .steps
                .iter()
                .filter(|s| wanted.contains(&s.id))
                .map(|s| (s.id, s.owner)),
        );
        if old.len() > before {
            journeys.push(journey.id);
        }
    }
    if old.len() != wanted.len() {
        return Err(EditError::Missing { what: "card" });
    }
    for step in ws.journeys.iter_mut().flat_map(|j| j.steps.iter_mut()) {
        if wanted.contains(&step.id) {
            step.owner = owner;
        }
    }
    t.steps.extend(old.iter().map(|(id, _)| *id));
    t.journey = journeys.first().copied();
    // Group the old owners so the inverse is as small as the assignment was.
    old.sort_by_key(|(_, o)| *o);
    let mut inverse: Vec<Edit> = Vec::new();
    for chunk in old.chunk_by(|a, b| a.1 == b.1) {
        inverse.push(Edit::SetOwner {
            steps: chunk.iter().map(|(id, _)| *id).collect(),
            owner: chunk[0].1,
        });
    }
    Ok(if inverse.len() == 1 {
        inverse.remove(0)
    } else {
        Edit::Batch { edits: inverse }
    })
}
