//! A workspace as flat tables of records keyed by id, each with the journey it belongs to, so every
//! kind of record merges the same way and a card can move between journeys like any other field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Comment, Entity, Id, Journey, Link, Opportunity, Persona, Workspace};
use crate::{Lane, Stage, Step};

/// Records by id, each with the id of the journey it belongs to (nil for entities and links).
pub type Table<T> = BTreeMap<Id, (Id, T)>;

/// The owner of records that belong to no journey.
pub fn no_journey() -> Id {
    Id::from_uuid(uuid::Uuid::nil())
}

/// A journey's own fields, merged apart from its stages, lanes and cards.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Head {
    pub id: Id,
    pub name: String,
    pub persona: String,
    pub description: String,
    pub position: f64,
    #[serde(default)]
    pub personas: Vec<Id>,
    #[serde(default)]
    pub future_of: Option<Id>,
}

/// Every record of a workspace in its table.
#[derive(Default)]
pub struct Tables {
    pub heads: Table<Head>,
    pub stages: Table<Stage>,
    pub lanes: Table<Lane>,
    pub steps: Table<Step>,
    pub entities: Table<Entity>,
    pub links: Table<Link>,
    pub personas: Table<Persona>,
    pub comments: Table<Comment>,
    pub opportunities: Table<Opportunity>,
}

impl Tables {
    /// The tables of `ws`.
    pub fn of(ws: &Workspace) -> Tables {
        let mut t = Tables::default();
        for j in &ws.journeys {
            t.heads.insert(j.id, (no_journey(), head(j)));
            t.stages
                .extend(j.stages.iter().map(|s| (s.id, (j.id, s.clone()))));
            t.lanes
                .extend(j.lanes.iter().map(|l| (l.id, (j.id, l.clone()))));
            t.steps
                .extend(j.steps.iter().map(|s| (s.id, (j.id, s.clone()))));
            t.comments
                .extend(j.comments.iter().map(|c| (c.id, (j.id, c.clone()))));
            t.opportunities
                .extend(j.opportunities.iter().map(|o| (o.id, (j.id, o.clone()))));
        }
        t.entities.extend(
            ws.entities
                .iter()
                .map(|e| (e.id, (no_journey(), e.clone()))),
        );
        t.links
            .extend(ws.links.iter().map(|l| (l.id, (no_journey(), l.clone()))));
        t.personas.extend(
            ws.personas
                .iter()
                .map(|p| (p.id, (no_journey(), p.clone()))),
        );
        t
    }
}

/// A journey's own fields.
pub fn head(j: &Journey) -> Head {
    Head {
        id: j.id,
        name: j.name.clone(),
        persona: j.persona.clone(),
        description: j.description.clone(),
        position: j.position,
        personas: j.personas.clone(),
        future_of: j.future_of,
    }
}

/// An empty journey with these fields.
pub fn journey(h: Head) -> Journey {
    Journey {
        id: h.id,
        name: h.name,
        persona: h.persona,
        description: h.description,
        position: h.position,
        stages: Vec::new(),
        lanes: Vec::new(),
        steps: Vec::new(),
        personas: h.personas,
        comments: Vec::new(),
        opportunities: Vec::new(),
        future_of: h.future_of,
    }
}
