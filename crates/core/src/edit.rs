//! Edits as values. Each edit is checked against the model, applied, and answers with the records it
//! touched (for the store to write in one transaction) and its inverse (for undo, or to roll the model
//! back when the write fails). Every id an edit creates is carried in the edit, so redoing it gives
//! the same records and later history stays valid.

mod describe;
mod entities;
mod journey_records;
mod journeys;
mod lanes;
mod links;
mod ordered;
mod personas;
mod stages;
mod steps;

pub use describe::{describe, QUOTED_CHARS};

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

use crate::evidence;
use crate::persona::JourneyFeelings;
use crate::text::{clean_name, clean_text};
use crate::validate::{check_links, check_name, validate_journey, ValidationError};
use crate::{
    Comment, Entity, Id, Insight, Journey, Lane, LaneKind, Link, Metric, Opportunity, Persona,
    PersonaPicture, PersonaScore, Severity, Stage, StateChange, Step, Workspace,
};

/// Where an ordered record (journey, stage, lane, card) goes among its siblings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "slot", rename_all = "snake_case")]
pub enum Slot {
    /// Just before this sibling, or at the end when `None` (or when the sibling is gone).
    Before {
        /// The sibling to go before.
        id: Option<Id>,
    },
    /// At exactly this sort key (used by undo to put things back where they were).
    At {
        /// The sort key.
        position: f64,
    },
}

impl Slot {
    /// At the end.
    pub const END: Slot = Slot::Before { id: None };
}

/// What a new journey starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Template {
    /// The five standard blueprint lanes and five stages.
    Blueprint,
    /// One stage and a customer lane, to build up from.
    Blank,
}

/// Everything about a card except its text and place, edited together in the details panel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct StepDetails {
    /// Channel.
    pub channel: Option<String>,
    /// Moment of truth.
    pub moment_of_truth: bool,
    /// Emotion −2…+2 (customer steps only).
    pub emotion: Option<i8>,
    /// Pain point.
    pub pain_point: Option<String>,
    /// Its severity.
    pub pain_severity: Severity,
    /// Fail point.
    pub fail_point: bool,
    /// Wait point.
    pub wait_point: bool,
    /// Notes.
    pub notes: String,
    /// Metrics.
    pub metrics: Vec<Metric>,
    /// The other personas' emotion scores (customer steps only).
    #[serde(default)]
    pub scores: Vec<PersonaScore>,
    /// The research behind the card.
    #[serde(default)]
    pub evidence: Vec<Insight>,
    /// Whether the card is marked as a guess (kept only while it has no evidence).
    #[serde(default)]
    pub assumption: bool,
    /// On a future state's card, the room's mark over the computed one; `None` goes back to the
    /// computed mark.
    #[serde(default)]
    pub change: Option<StateChange>,
}

impl StepDetails {
    /// The details of `step`.
    pub fn of(step: &Step) -> Self {
        StepDetails {
            channel: step.channel.clone(),
            moment_of_truth: step.moment_of_truth,
            emotion: step.emotion,
            pain_point: step.pain_point.clone(),
            pain_severity: step.pain_severity,
            fail_point: step.fail_point,
            wait_point: step.wait_point,
            notes: step.notes.clone(),
            metrics: step.metrics.clone(),
            scores: step.scores.clone(),
            evidence: step.evidence.clone(),
            assumption: step.assumption,
            change: step.change,
        }
    }

    fn put(self, step: &mut Step) {
        step.channel = self
            .channel
            .map(|c| clean_name(&c))
            .filter(|c| !c.is_empty());
        step.moment_of_truth = self.moment_of_truth;
        step.emotion = self.emotion;
        step.pain_point = self
            .pain_point
            .map(|p| clean_text(&p))
            .filter(|p| !p.trim().is_empty());
        step.pain_severity = self.pain_severity;
        step.fail_point = self.fail_point;
        step.wait_point = self.wait_point;
        step.notes = clean_text(&self.notes);
        step.metrics = self
            .metrics
            .into_iter()
            .map(|m| Metric {
                name: clean_name(&m.name),
                unit: clean_name(&m.unit),
                ..m
            })
            .collect();
        step.scores = self.scores;
        step.evidence = self.evidence.into_iter().map(evidence::clean).collect();
        // Evidence answers the guess: a card that gains some is no longer an assumption.
        step.assumption = self.assumption && step.evidence.is_empty();
        step.change = self.change;
    }
}

/// A change a user makes to a workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Edit {
    /// Create a journey from a template.
    CreateJourney {
        /// Id of the new journey (its stages and lanes get ids derived from it).
        journey: Id,
        /// Its name.
        name: String,
        /// What it starts with.
        template: Template,
    },
    /// Copy a journey with its cards and links under a new id.
    DuplicateJourney {
        /// The journey to copy.
        source: Id,
        /// Id of the copy (ids inside are derived from it).
        journey: Id,
    },
    /// Copy a journey as its future state: the copy remembers the journey and each card the card it
    /// came from, so the two can be compared (see [`crate::future`]).
    CreateFutureState {
        /// The current-state journey.
        source: Id,
        /// Id of the future state (ids inside are derived from it).
        journey: Id,
    },
    /// Name, persona and description of a journey.
    UpdateJourney {
        /// The journey.
        journey: Id,
        /// Name.
        name: String,
        /// Persona or segment.
        persona: String,
        /// Description.
        description: String,
    },
    /// Reorder a journey in the sidebar.
    MoveJourney {
        /// The journey.
        journey: Id,
        /// Where it goes.
        to: Slot,
    },
    /// Delete a journey with everything in it.
    DeleteJourney {
        /// The journey.
        journey: Id,
    },
    /// Put back a deleted journey (the inverse of a delete).
    RestoreJourney {
        /// The journey as it was.
        journey: Box<Journey>,
        /// Links of its cards.
        links: Vec<Link>,
    },
    /// Add a stage (column).
    AddStage {
        /// The journey.
        journey: Id,
        /// Id of the new stage.
        stage: Id,
        /// Its name.
        name: String,
        /// Where it goes.
        to: Slot,
    },
    /// Rename a stage.
    RenameStage {
        /// The stage.
        stage: Id,
        /// New name.
        name: String,
    },
    /// Reorder a stage.
    MoveStage {
        /// The stage.
        stage: Id,
        /// Where it goes.
        to: Slot,
    },
    /// Delete a stage and its cards.
    DeleteStage {
        /// The stage.
        stage: Id,
    },
    /// Put back a deleted stage with its cards and their links.
    RestoreStage {
        /// The journey.
        journey: Id,
        /// The stage as it was.
        stage: Stage,
        /// Its cards.
        steps: Vec<Step>,
        /// Their links.
        links: Vec<Link>,
    },
    /// Add a lane (row).
    AddLane {
        /// The journey.
        journey: Id,
        /// Id of the new lane.
        lane: Id,
        /// Its name.
        name: String,
        /// What it means.
        kind: LaneKind,
        /// Where it goes.
        to: Slot,
    },
    /// Rename a lane or change its kind.
    UpdateLane {
        /// The lane.
        lane: Id,
        /// New name.
        name: String,
        /// New kind.
        kind: LaneKind,
    },
    /// Reorder a lane (within the order of lane kinds).
    MoveLane {
        /// The lane.
        lane: Id,
        /// Where it goes.
        to: Slot,
    },
    /// Delete a lane and its cards.
    DeleteLane {
        /// The lane.
        lane: Id,
    },
    /// Put back a deleted lane with its cards and their links.
    RestoreLane {
        /// The journey.
        journey: Id,
        /// The lane as it was.
        lane: Lane,
        /// Its cards.
        steps: Vec<Step>,
        /// Their links.
        links: Vec<Link>,
    },
    /// Add a card to a cell.
    AddStep {
        /// The journey.
        journey: Id,
        /// Id of the new card.
        step: Id,
        /// Its lane.
        lane: Id,
        /// Its stage.
        stage: Id,
        /// Where it goes in the cell.
        to: Slot,
        /// Its text.
        text: String,
    },
    /// Replace a card's text.
    SetStepText {
        /// The card.
        step: Id,
        /// Its new text.
        text: String,
    },
    /// Replace a card's details (channel, markers, emotion, notes, metrics).
    SetStepDetails {
        /// The card.
        step: Id,
        /// Its new details.
        details: StepDetails,
    },
    /// Move cards: the first to the given cell and slot, the others keeping their offset in lanes and
    /// stages from it (kept inside the grid), at the end of their new cells.
    MoveSteps {
        /// The cards; the first is the one dragged.
        steps: Vec<Id>,
        /// Target lane of the first.
        lane: Id,
        /// Target stage of the first.
        stage: Id,
        /// Where the first goes in its cell.
        to: Slot,
    },
    /// Delete cards and the links that touch them.
    DeleteSteps {
        /// The cards.
        steps: Vec<Id>,
    },
    /// Put back deleted cards with their links.
    RestoreSteps {
        /// The journey.
        journey: Id,
        /// The cards as they were.
        steps: Vec<Step>,
        /// Their links.
        links: Vec<Link>,
    },
    /// Add whole cards at once, with every detail and their links (a paste or a duplicate), so the
    /// cards arrive in one step and one undo takes them all away.
    AddSteps {
        /// The journey.
        journey: Id,
        /// The new cards, each with its cell and sort key already chosen.
        steps: Vec<Step>,
        /// Links that touch the new cards (flows among them, ties to entities).
        links: Vec<Link>,
        /// How the cards came, for the account undo gives.
        added_by: AddedBy,
    },
    /// Add a link (a flow arrow between two cards, or a card's tie to an entity).
    AddLink {
        /// The link.
        link: Link,
    },
    /// Delete links.
    DeleteLinks {
        /// The links.
        links: Vec<Id>,
    },
    /// Put back deleted links.
    RestoreLinks {
        /// The links as they were.
        links: Vec<Link>,
    },
    /// Add a person, team, system or process to the workspace.
    CreateEntity {
        /// The new entity (its id chosen by the caller, so redo recreates the same record).
        entity: Entity,
    },
    /// Rename, describe or re-own an entity; every journey sees the change.
    UpdateEntity {
        /// The entity.
        entity: Id,
        /// New name (unique within its kind).
        name: String,
        /// New description.
        description: String,
        /// New owner (a person or team), or none.
        owner: Option<Id>,
    },
    /// Delete an entity with its links; cards and entities it owned lose their owner.
    DeleteEntity {
        /// The entity.
        entity: Id,
    },
    /// Put back a deleted entity with its links and ownerships.
    RestoreEntity {
        /// The entity as it was.
        entity: Entity,
        /// Its links.
        links: Vec<Link>,
        /// Cards it owned.
        owned_steps: Vec<Id>,
        /// Entities it owned.
        owned_entities: Vec<Id>,
        /// Opportunities it owned.
        #[serde(default)]
        owned_opportunities: Vec<Id>,
    },
    /// Make one person or team (or nobody) the accountable owner of cards in any journeys.
    SetOwner {
        /// The cards.
        steps: Vec<Id>,
        /// The owner, or none to clear it.
        owner: Option<Id>,
    },
    /// Add a persona to the workspace.
    CreatePersona {
        /// The new persona (its id chosen by the caller, so redo recreates the same record).
        persona: Persona,
    },
    /// Replace a persona's name and description; every journey drawn for it sees the change.
    UpdatePersona {
        /// The persona as it should be (found by its id).
        persona: Persona,
    },
    /// Give a persona a picture (a PNG or JPEG of at most 2 MB), or take it away.
    SetPersonaPicture {
        /// The persona.
        persona: Id,
        /// The picture, or none.
        picture: Option<PersonaPicture>,
    },
    /// Delete a persona, taking it off every journey drawn for it with its scores.
    DeletePersona {
        /// The persona.
        persona: Id,
    },
    /// Put back a deleted persona on the journeys it was taken off, with their cards' scores.
    RestorePersona {
        /// The persona as it was.
        persona: Persona,
        /// Each journey it was on: its personas and its cards' scores as they were.
        journeys: Vec<JourneyFeelings>,
    },
    /// Set the personas a journey is drawn for, in order; each keeps its cards' scores, and the
    /// first's become the cards' `emotion`.
    SetJourneyPersonas {
        /// The journey.
        journey: Id,
        /// Its personas (at most [`crate::persona::MAX_JOURNEY_PERSONAS`]).
        personas: Vec<Id>,
    },
    /// Put a journey's personas and its cards' scores back exactly (the inverse of the above).
    RestoreJourneyPersonas {
        /// What to put back.
        feelings: JourneyFeelings,
    },
    /// Write a comment on a journey, one of its stages or one of its cards, or replace the comment
    /// with its id (to edit, resolve or reopen it).
    PutComment {
        /// The journey the comment belongs to.
        journey: Id,
        /// The comment as it should be (its id chosen by the caller, so redo recreates the same one).
        comment: Comment,
    },
    /// Delete a comment.
    DeleteComment {
        /// The journey it belongs to.
        journey: Id,
        /// The comment.
        comment: Id,
    },
    /// Write an opportunity on a journey, or replace the one with its id (to change, re-rate or move
    /// it along).
    PutOpportunity {
        /// The journey the opportunity belongs to.
        journey: Id,
        /// The opportunity as it should be (its id chosen by the caller).
        opportunity: Opportunity,
    },
    /// Delete an opportunity.
    DeleteOpportunity {
        /// The journey it belongs to.
        journey: Id,
        /// The opportunity.
        opportunity: Id,
    },
    /// Several edits as one, undone together.
    Batch {
        /// The edits, in order.
        edits: Vec<Edit>,
    },
}

/// How cards added at once came, so undo can say "pasted 12 cards" or "duplicated 3 cards".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AddedBy {
    /// Pasted from the clipboard.
    Paste,
    /// Duplicated in place.
    Duplicate,
}

/// Most cards one [`Edit::AddSteps`] adds: far more than a sticky-note wall or a copied journey holds,
/// few enough that one edit stays a quick transaction.
pub const MAX_ADDED_STEPS: usize = 5_000;

/// Why an edit was refused. Nothing has changed when this is returned.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum EditError {
    /// The record the edit is about no longer exists (e.g. deleted in the meantime).
    #[error("the {what} this edit is about no longer exists")]
    Missing {
        /// "card", "journey", "lane", "stage", "link" or "entity".
        what: &'static str,
    },
    /// The edit would create a record whose id is taken.
    #[error("a {what} with this id already exists")]
    Exists {
        /// What kind of record.
        what: &'static str,
    },
    /// The edit would break a rule of the model.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
}

/// The records an applied edit changed, for the store to write.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Touched {
    /// Journeys added or changed (their own fields).
    pub journeys: Vec<Id>,
    /// Journeys removed with everything in them.
    pub removed_journeys: Vec<Id>,
    /// Stages added or changed.
    pub stages: Vec<Id>,
    /// Stages removed.
    pub removed_stages: Vec<Id>,
    /// Lanes added or changed.
    pub lanes: Vec<Id>,
    /// Lanes removed.
    pub removed_lanes: Vec<Id>,
    /// Steps added or changed.
    pub steps: Vec<Id>,
    /// Steps removed.
    pub removed_steps: Vec<Id>,
    /// Links added or changed.
    pub links: Vec<Id>,
    /// Links removed.
    pub removed_links: Vec<Id>,
    /// Entities added or changed.
    pub entities: Vec<Id>,
    /// Entities removed.
    pub removed_entities: Vec<Id>,
    /// Personas added or changed.
    pub personas: Vec<Id>,
    /// Personas removed.
    pub removed_personas: Vec<Id>,
    /// The journey the edit happened in, for the UI to show (the last one, for a batch).
    pub journey: Option<Id>,
}

impl Touched {
    fn extend(&mut self, other: Touched) {
        self.journeys.extend(other.journeys);
        self.removed_journeys.extend(other.removed_journeys);
        self.stages.extend(other.stages);
        self.removed_stages.extend(other.removed_stages);
        self.lanes.extend(other.lanes);
        self.removed_lanes.extend(other.removed_lanes);
        self.steps.extend(other.steps);
        self.removed_steps.extend(other.removed_steps);
        self.links.extend(other.links);
        self.removed_links.extend(other.removed_links);
        self.entities.extend(other.entities);
        self.removed_entities.extend(other.removed_entities);
        self.personas.extend(other.personas);
        self.removed_personas.extend(other.removed_personas);
        self.journey = other.journey.or(self.journey);
    }
}

/// Applies `edit` to `ws`, returning what it touched and the edit that undoes it. On error `ws` holds
/// the same records as before (possibly in another order within its vectors).
pub fn apply(ws: &mut Workspace, edit: &Edit) -> Result<(Touched, Edit), EditError> {
    let mut affected = Vec::new();
    let (touched, inverse) = apply_raw(ws, edit, &mut affected)?;
    // Whatever the edit was, every journey it touched must still keep the model's rules; if one does
    // not, the edit is put back and refused.
    affected.sort();
    affected.dedup();
    for id in affected {
        if let Some(j) = ws.journey(id) {
            if let Err(e) = validate_journey(j) {
                let _ = apply_raw(ws, &inverse, &mut Vec::new());
                return Err(e.into());
            }
        }
    }
    Ok((touched, inverse))
}

/// Applies without checking the journey-wide rules (a batch may pass through states that break them).
fn apply_raw(
    ws: &mut Workspace,
    edit: &Edit,
    affected: &mut Vec<Id>,
) -> Result<(Touched, Edit), EditError> {
    if let Edit::Batch { edits } = edit {
        let mut touched = Touched::default();
        let mut inverses: Vec<Edit> = Vec::with_capacity(edits.len());
        for e in edits {
            match apply_raw(ws, e, affected) {
                Ok((t, inv)) => {
                    touched.extend(t);
                    inverses.push(inv);
                }
                Err(err) => {
                    for inv in inverses.iter().rev() {
                        let _ = apply_raw(ws, inv, &mut Vec::new());
                    }
                    return Err(err);
                }
            }
        }
        inverses.reverse();
        return Ok((touched, Edit::Batch { edits: inverses }));
    }
    let (touched, inverse) = apply_one(ws, edit)?;
    affected.extend(touched.journey);
    Ok((touched, inverse))
}

fn journey_ix(ws: &Workspace, id: Id) -> Result<usize, EditError> {
    ws.journeys
        .iter()
        .position(|j| j.id == id)
        .ok_or(EditError::Missing { what: "journey" })
}

fn find<T>(
    ws: &Workspace,
    what: &'static str,
    f: impl Fn(&Journey) -> Option<T>,
) -> Result<(usize, T), EditError> {
    ws.journeys
        .iter()
        .enumerate()
        .find_map(|(j, journey)| f(journey).map(|t| (j, t)))
        .ok_or(EditError::Missing { what })
}

/// Sort key for `to` among `siblings` (id, key) sorted by key, plus any siblings that had to be
/// renumbered because the gap ran out.
fn position_for(siblings: &[(Id, f64)], to: &Slot) -> (f64, Vec<(Id, f64)>) {
    let before = match to {
        Slot::At { position } => return (*position, Vec::new()),
        Slot::Before { id } => id.and_then(|id| siblings.iter().position(|(s, _)| *s == id)),
    };
    let Some(i) = before else {
        return (siblings.last().map_or(0.0, |(_, p)| p + 1.0), Vec::new());
    };
    let next = siblings[i].1;
    let prev = if i == 0 {
        next - 1.0
    } else {
        siblings[i - 1].1
    };
    let mid = (prev + next) / 2.0;
    if mid > prev && mid < next {
        return (mid, Vec::new());
    }
    // Halving has run out of precision: space the siblings out again, leaving a gap at i.
    let renumbered = siblings
        .iter()
        .enumerate()
        .map(|(k, (id, _))| (*id, if k < i { k as f64 } else { k as f64 + 1.0 }))
        .collect();
    (i as f64, renumbered)
}

fn sorted(items: impl Iterator<Item = (Id, f64)>, exclude: &HashSet<Id>) -> Vec<(Id, f64)> {
    let mut v: Vec<(Id, f64)> = items.filter(|(id, _)| !exclude.contains(id)).collect();
    v.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    v
}

fn links_touching(ws: &mut Workspace, ids: &HashSet<Id>) -> Vec<Link> {
    let (gone, kept): (Vec<Link>, Vec<Link>) = std::mem::take(&mut ws.links)
        .into_iter()
        .partition(|l| ids.contains(&l.from) || ids.contains(&l.to));
    ws.links = kept;
    gone
}

fn restore_links(
    ws: &mut Workspace,
    links: &[Link],
    touched: &mut Touched,
) -> Result<(), EditError> {
    let existing: HashSet<Id> = ws.links.iter().map(|l| l.id).collect();
    if links.iter().any(|l| existing.contains(&l.id)) {
        return Err(EditError::Exists { what: "link" });
    }
    check_links(ws, links)?;
    for link in links {
        ws.links.push(link.clone());
        touched.links.push(link.id);
    }
    Ok(())
}

/// Takes the cards of journey `j` that `pick` chooses, with every link touching them, and records
/// their removal; shared by deleting cards, a stage or a lane.
fn take_steps(
    ws: &mut Workspace,
    j: usize,
    pick: impl Fn(&Step) -> bool,
    t: &mut Touched,
) -> (Vec<Step>, Vec<Link>) {
    let journey = &mut ws.journeys[j];
    let (taken, kept): (Vec<Step>, Vec<Step>) = std::mem::take(&mut journey.steps)
        .into_iter()
        .partition(|s| pick(s));
    journey.steps = kept;
    t.journey = Some(journey.id);
    let ids: HashSet<Id> = taken.iter().map(|s| s.id).collect();
    let links = links_touching(ws, &ids);
    t.removed_links.extend(links.iter().map(|l| l.id));
    t.removed_steps.extend(taken.iter().map(|s| s.id));
    (taken, links)
}

/// Puts cards and their links back into journey `j` (the inverse of [`take_steps`]); if a link no
/// longer fits, the cards are taken out again and nothing has changed.
fn put_steps_back(
    ws: &mut Workspace,
    j: usize,
    steps: &[Step],
    links: &[Link],
    t: &mut Touched,
) -> Result<(), EditError> {
    ws.journeys[j].steps.extend(steps.iter().cloned());
    if let Err(e) = restore_links(ws, links, t) {
        let ids: HashSet<Id> = steps.iter().map(|s| s.id).collect();
        ws.journeys[j].steps.retain(|s| !ids.contains(&s.id));
        return Err(e);
    }
    t.steps.extend(steps.iter().map(|s| s.id));
    t.journey = Some(ws.journeys[j].id);
    Ok(())
}

fn check_new_steps(journey: &Journey, steps: &[Step]) -> Result<(), EditError> {
    let ids: HashSet<Id> = journey.steps.iter().map(|s| s.id).collect();
    if steps.iter().any(|s| ids.contains(&s.id)) {
        return Err(EditError::Exists { what: "card" });
    }
    Ok(())
}

fn named(what: &'static str, name: &str) -> Result<String, EditError> {
    let name = clean_name(name);
    check_name(what, &name)?;
    Ok(name)
}

fn apply_one(ws: &mut Workspace, edit: &Edit) -> Result<(Touched, Edit), EditError> {
    let mut t = Touched::default();
    let inverse = match edit {
        Edit::Batch { .. } => return apply_raw(ws, edit, &mut Vec::new()),
        Edit::CreateJourney {
            journey,
            name,
            template,
        } => journeys::create(ws, *journey, name, *template, &mut t)?,
        Edit::DuplicateJourney { source, journey } => {
            journeys::duplicate(ws, *source, *journey, journeys::Copy::Duplicate, &mut t)?
        }
        Edit::CreateFutureState { source, journey } => {
            journeys::duplicate(ws, *source, *journey, journeys::Copy::FutureState, &mut t)?
        }
        Edit::UpdateJourney {
            journey,
            name,
            persona,
            description,
        } => journeys::update(ws, *journey, name, persona, description, &mut t)?,
        Edit::MoveJourney { journey, to } => journeys::move_to(ws, *journey, to, &mut t)?,
        Edit::DeleteJourney { journey } => journeys::delete(ws, *journey, &mut t)?,
        Edit::RestoreJourney { journey, links } => journeys::restore(ws, journey, links, &mut t)?,
        Edit::AddStage {
            journey,
            stage,
            name,
            to,
        } => stages::add(ws, *journey, *stage, name, to, &mut t)?,
        Edit::RenameStage { stage, name } => stages::rename(ws, *stage, name, &mut t)?,
        Edit::MoveStage { stage, to } => ordered::move_to::<Stage>(ws, *stage, to, &mut t)?,
        Edit::DeleteStage { stage } => ordered::delete::<Stage>(ws, *stage, &mut t)?,
        Edit::RestoreStage {
            journey,
            stage,
            steps,
            links,
        } => ordered::restore(ws, *journey, stage, steps, links, &mut t)?,
        Edit::AddLane {
            journey,
            lane,
            name,
            kind,
            to,
        } => lanes::add(ws, *journey, *lane, name, *kind, to, &mut t)?,
        Edit::UpdateLane { lane, name, kind } => lanes::update(ws, *lane, name, *kind, &mut t)?,
        Edit::MoveLane { lane, to } => ordered::move_to::<Lane>(ws, *lane, to, &mut t)?,
        Edit::DeleteLane { lane } => ordered::delete::<Lane>(ws, *lane, &mut t)?,
        Edit::RestoreLane {
            journey,
            lane,
            steps,
            links,
        } => ordered::restore(ws, *journey, lane, steps, links, &mut t)?,
        Edit::AddStep {
            journey,
            step,
            lane,
            stage,
            to,
            text,
        } => steps::add(ws, *journey, *step, (*lane, *stage), to, text, &mut t)?,
        Edit::SetStepText { step, text } => steps::set_text(ws, *step, text, &mut t)?,
        Edit::SetStepDetails { step, details } => steps::set_details(ws, *step, details, &mut t)?,
        Edit::MoveSteps {
            steps,
            lane,
            stage,
            to,
        } => steps::move_steps(ws, steps, *lane, *stage, to, &mut t)?,
        Edit::DeleteSteps { steps } => steps::delete(ws, steps, &mut t)?,
        Edit::RestoreSteps {
            journey,
            steps,
            links,
        } => steps::restore(ws, *journey, steps, links, &mut t)?,
        Edit::AddSteps {
            journey,
            steps,
            links,
            ..
        } => steps::add_steps(ws, *journey, steps, links, &mut t)?,
        Edit::AddLink { link } => links::add(ws, link, &mut t)?,
        Edit::DeleteLinks { links } => links::delete(ws, links, &mut t)?,
        Edit::RestoreLinks { links } => links::restore(ws, links, &mut t)?,
        Edit::CreateEntity { entity } => entities::create(ws, entity, &mut t)?,
        Edit::UpdateEntity {
            entity,
            name,
            description,
            owner,
        } => entities::update(ws, *entity, name, description, *owner, &mut t)?,
        Edit::DeleteEntity { entity } => entities::delete(ws, *entity, &mut t)?,
        Edit::RestoreEntity {
            entity,
            links,
            owned_steps,
            owned_entities,
            owned_opportunities,
        } => entities::restore(
            ws,
            entity,
            links,
            (owned_steps, owned_entities, owned_opportunities),
            &mut t,
        )?,
        Edit::SetOwner { steps, owner } => entities::set_owner(ws, steps, *owner, &mut t)?,
        Edit::CreatePersona { persona } => personas::create(ws, persona, &mut t)?,
        Edit::UpdatePersona { persona } => personas::update(ws, persona, &mut t)?,
        Edit::DeletePersona { persona } => personas::delete(ws, *persona, &mut t)?,
        Edit::SetPersonaPicture { persona, picture } => {
            personas::set_picture(ws, *persona, picture.as_ref(), &mut t)?
        }
        Edit::RestorePersona { persona, journeys } => {
            personas::restore(ws, persona, journeys, &mut t)?
        }
        Edit::SetJourneyPersonas { journey, personas } => {
            personas::set_journey(ws, *journey, personas, &mut t)?
        }
        Edit::RestoreJourneyPersonas { feelings } => {
            personas::restore_journey(ws, feelings, &mut t)?
        }
        Edit::PutComment { journey, comment } => {
            journey_records::put(ws, *journey, comment, &mut t)?
        }
        Edit::DeleteComment { journey, comment } => {
            journey_records::delete::<Comment>(ws, *journey, *comment, &mut t)?
        }
        Edit::PutOpportunity {
            journey,
            opportunity,
        } => journey_records::put(ws, *journey, opportunity, &mut t)?,
        Edit::DeleteOpportunity {
            journey,
            opportunity,
        } => journey_records::delete::<Opportunity>(ws, *journey, *opportunity, &mut t)?,
    };
    Ok((t, inverse))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_workspace;
    use crate::LinkKind;

    #[test]
    fn slots_place_between_neighbours_and_renumber_when_the_gap_runs_out() {
        let (a, b) = (Id::new(), Id::new());
        let siblings = vec![(a, 0.0), (b, 1.0)];
        assert_eq!(
            position_for(&siblings, &Slot::Before { id: Some(b) }).0,
            0.5
        );
        assert_eq!(
            position_for(&siblings, &Slot::Before { id: Some(a) }).0,
            -0.5
        );
        assert_eq!(position_for(&siblings, &Slot::END).0, 2.0);
        assert_eq!(position_for(&[], &Slot::END).0, 0.0);
        let tight = vec![(a, 1.0), (b, 1.0 + f64::EPSILON)];
        let (p, renumbered) = position_for(&tight, &Slot::Before { id: Some(b) });
        assert_eq!((p, renumbered), (1.0, vec![(a, 0.0), (b, 2.0)]));
    }

    #[test]
    fn emotion_outside_the_customer_lane_is_refused_and_nothing_changes() {
        let mut ws = sample_workspace().unwrap();
        let j = &ws.journeys[0];
        let scored = j.steps.iter().find(|s| s.emotion.is_some()).unwrap().id;
        let backstage = j
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Backstage)
            .unwrap()
            .id;
        let stage = j.stages[0].id;
        let before = ws.clone();
        let err = apply(
            &mut ws,
            &Edit::MoveSteps {
                steps: vec![scored],
                lane: backstage,
                stage,
                to: Slot::END,
            },
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("only customer actions carry an emotion"),
            "{err}"
        );
        assert_eq!(ws, before);
    }

    #[test]
    fn lanes_keep_blueprint_order() {
        let mut ws = sample_workspace().unwrap();
        let j = &ws.journeys[0];
        let support = j
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Support)
            .unwrap()
            .id;
        let first = j.lanes[0].id;
        let before = ws.clone();
        assert!(apply(
            &mut ws,
            &Edit::MoveLane {
                lane: support,
                to: Slot::Before { id: Some(first) }
            }
        )
        .is_err());
        assert_eq!(ws, before);
    }

    #[test]
    fn links_to_missing_or_wrong_ends_are_refused() {
        let mut ws = sample_workspace().unwrap();
        let a = ws.journeys[0].steps[0].id;
        let other = ws.journeys[1].steps[0].id;
        let before = ws.clone();
        for to in [Id::new(), other, a] {
            let link = Link {
                id: Id::new(),
                kind: LinkKind::Flow,
                from: a,
                to,
            };
            assert!(apply(&mut ws, &Edit::AddLink { link }).is_err());
        }
        assert_eq!(ws, before);
    }

    #[test]
    fn bad_edits_change_nothing() {
        let start = sample_workspace().unwrap();
        let step = start.journeys[0].steps[0].id;
        let mut ws = start.clone();
        let long = "x".repeat(crate::text::MAX_TEXT_CHARS + 1);
        assert!(matches!(
            apply(&mut ws, &Edit::SetStepText { step, text: long }),
            Err(EditError::Invalid(ValidationError::TooLong { .. }))
        ));
        assert_eq!(
            apply(
                &mut ws,
                &Edit::SetStepText {
                    step: Id::new(),
                    text: "a".into()
                }
            ),
            Err(EditError::Missing { what: "card" })
        );
        let j = start.journeys[0].id;
        let rename = Edit::UpdateJourney {
            journey: j,
            name: " \n".into(),
            persona: String::new(),
            description: String::new(),
        };
        assert!(apply(&mut ws, &rename).is_err());
        let batch = Edit::Batch {
            edits: vec![
                Edit::SetStepText {
                    step,
                    text: "ok".into(),
                },
                Edit::DeleteSteps {
                    steps: vec![Id::new()],
                },
            ],
        };
        assert!(apply(&mut ws, &batch).is_err(), "a batch fails as a whole");
        assert_eq!(ws, start);
    }
}
