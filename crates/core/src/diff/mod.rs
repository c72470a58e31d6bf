//! What changed between two versions of a workspace, record by record (by id): journeys, their stages,
//! lanes and cards, entities and links, each added, removed or changed, with every changed field's old
//! and new value. Built for a reviewer (`throughline diff`) and for the blueprint's compare view, so a
//! removed card keeps where it was and a moved card says where it came from.

mod records;
mod report;
mod values;

pub use records::{diff, diff_journey};
pub use report::to_text;
pub use values::{changed_fields, fields, label, show, Fields, Names};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{EntityKind, Id, LinkKind};

/// How a record differs between the old and the new version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "DiffChange")]
pub enum Change {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, with some field (or, for a journey, something inside it) different.
    Changed,
}

/// One field of a record that differs: its name, both values as a reviewer reads them, and both raw
/// values for a client that needs the typed value (a position, an emotion score).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    /// The field's name in the model (`text`, `owner`, `pain_point`…).
    pub field: String,
    /// The old value, as shown to a person (an owner by name, "(none)" when absent).
    pub old: String,
    /// The new value, as shown to a person.
    pub new: String,
    /// The old value as stored.
    #[ts(type = "unknown")]
    pub old_value: serde_json::Value,
    /// The new value as stored.
    #[ts(type = "unknown")]
    pub new_value: serde_json::Value,
}

/// Where a card sits: its cell and its place in the cell, with the names a reviewer reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct CardPlace {
    /// The lane (row).
    pub lane: Id,
    /// The lane's name.
    pub lane_name: String,
    /// The stage (column).
    pub stage: Id,
    /// The stage's name.
    pub stage_name: String,
    /// The sort key within the cell.
    pub position: f64,
}

/// A card that differs. For a removed card everything describes it as it was, so it can be drawn as a
/// ghost where it stood.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct CardDiff {
    /// The card.
    pub id: Id,
    /// Added, removed or changed.
    pub change: Change,
    /// Its text (the old text when removed).
    pub text: String,
    /// Where it is (where it was, when removed).
    pub place: CardPlace,
    /// Where it was, when it moved to another lane or stage.
    pub moved_from: Option<CardPlace>,
    /// The fields that changed (empty when added or removed).
    pub fields: Vec<FieldChange>,
}

/// A stage or lane that differs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct HeadingDiff {
    /// The stage or lane.
    pub id: Id,
    /// Added, removed or changed.
    pub change: Change,
    /// Its name (the old name when removed).
    pub name: String,
    /// The old name, when it was renamed.
    pub renamed_from: Option<String>,
    /// Whether it now sits in another order among the stages (or lanes) both versions have.
    pub reordered: bool,
    /// The fields that changed.
    pub fields: Vec<FieldChange>,
}

/// A link that differs. Flows and links from cards to entities are listed with their journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct LinkDiff {
    /// The link.
    pub id: Id,
    /// Added, removed or changed.
    pub change: Change,
    /// What it means.
    pub kind: LinkKind,
    /// Where it starts.
    pub from: Id,
    /// Where it starts, by name (a card's text or an entity's name).
    pub from_name: String,
    /// Where it points.
    pub to: Id,
    /// Where it points, by name.
    pub to_name: String,
    /// The fields that changed, when the same link id now joins other records.
    pub fields: Vec<FieldChange>,
}

/// A journey that differs, with what differs inside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct JourneyDiff {
    /// The journey.
    pub id: Id,
    /// Added, removed, or changed (itself or anything in it).
    pub change: Change,
    /// Its name (the old name when removed).
    pub name: String,
    /// Its own fields that changed (name, persona, description, position).
    pub fields: Vec<FieldChange>,
    /// Stages added, removed, renamed or reordered.
    pub stages: Vec<HeadingDiff>,
    /// Lanes added, removed, renamed or reordered.
    pub lanes: Vec<HeadingDiff>,
    /// Cards added, removed, moved or edited, in blueprint order (stage, then lane, then position).
    pub cards: Vec<CardDiff>,
    /// Flows and card → entity links added, removed or changed.
    pub links: Vec<LinkDiff>,
    /// Cards in the journey when it was added or removed as a whole (its cards are not listed).
    pub card_count: usize,
}

/// An entity that differs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct EntityDiff {
    /// The entity.
    pub id: Id,
    /// Added, removed or changed.
    pub change: Change,
    /// Person, team, system or process.
    pub kind: EntityKind,
    /// Its name (the old name when removed).
    pub name: String,
    /// The fields that changed.
    pub fields: Vec<FieldChange>,
}

/// Everything that differs between two versions of a workspace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkspaceDiff {
    /// Journeys that differ, in the new version's order, removed ones last.
    pub journeys: Vec<JourneyDiff>,
    /// Entities that differ (empty when the diff is limited to one journey).
    pub entities: Vec<EntityDiff>,
    /// Links between entities that differ (empty when limited to one journey).
    pub links: Vec<LinkDiff>,
    /// Whether both versions have journeys but none in common, so they are likely unrelated
    /// workspaces rather than two versions of one.
    pub unrelated: bool,
}

impl WorkspaceDiff {
    /// Whether the two versions are the same.
    pub fn is_empty(&self) -> bool {
        self.journeys.is_empty() && self.entities.is_empty() && self.links.is_empty()
    }
}

#[cfg(test)]
pub(crate) mod hotel_stay;
#[cfg(test)]
mod tests;
