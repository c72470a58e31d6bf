//! The clipboard for cards. A copy is packed like the journey an exported picture carries (only the
//! chosen cards, the flows among them, their links and the entities they name) and is also written as
//! plain text and as a table, so the cards paste into another cell, stage, journey or workspace with
//! everything about them, and into a spreadsheet or a chat as words.
//!
//! A paste never trusts what it is given: the rich form is unpacked like a picture (fresh ids, texts
//! cleaned, entities matched or created), plain text is held to the limits below, and either becomes
//! one [`Edit`], so it is applied whole or not at all and one undo takes it away.

mod place;
mod plain;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

use crate::edit::{AddedBy, Edit, MAX_ADDED_STEPS};
use crate::package::{
    check_ids, clean_step, map_links, match_entities, package_steps, JourneyPackage, PackageError,
};
use crate::{Id, Journey, LaneKind, Step, Workspace};

pub use plain::{MAX_PASTE_BYTES, MAX_PASTE_LINES};

/// What a copy puts on the clipboard: the same cards in three forms, for three kinds of reader.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Clip {
    /// The cards with every detail, their flows, links and entities, as JSON (a journey package),
    /// for pasting back into Throughline.
    pub rich: String,
    /// One line per card, its text on one line, for a chat or a sticky-note tool; pasted back into a
    /// cell it makes the same cards again.
    pub text: String,
    /// A header row and one row per card, tab-separated, in the columns of the CSV export.
    pub tsv: String,
    /// The same table as HTML, which spreadsheets take over plain text when both are offered.
    pub html: String,
}

/// What the UI hands a paste: the rich form it kept from its own copy (while the clipboard still
/// holds that copy's text), or the clipboard's plain text.
#[derive(Clone, Debug, PartialEq, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Pasting {
    /// [`Clip::rich`] of an earlier copy.
    Rich {
        /// The JSON.
        rich: String,
    },
    /// Text from the clipboard: one card per line, or a table with the header a copy writes.
    Text {
        /// The text.
        text: String,
    },
}

/// The cell a paste goes to: the first card lands here and the others keep their places around it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target {
    /// The journey.
    pub journey: Id,
    /// The lane (row).
    pub lane: Id,
    /// The stage (column).
    pub stage: Id,
}

/// A paste or duplicate as one edit, with the cards it makes in reading order (stage, lane, place in
/// the cell), so the window can select them once it is applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Pasted {
    /// The edit (an [`Edit::AddSteps`], in a batch with the entities it needs when there are any).
    pub edit: Edit,
    /// Ids of the new cards.
    pub steps: Vec<Id>,
}

/// Why a copy or paste was refused. Nothing has changed when this is returned.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ClipError {
    /// The journey, lane, stage or card named is not in the workspace.
    #[error("the {what} this is about no longer exists")]
    Missing {
        /// "journey", "lane", "stage" or "card".
        what: &'static str,
    },
    /// Nothing to copy, or text without a single non-blank line.
    #[error("there is nothing to {0}")]
    Nothing(&'static str),
    /// Over [`MAX_PASTE_BYTES`].
    #[error("the clipboard holds {bytes} bytes of text; a paste takes at most {MAX_PASTE_BYTES} (1 MiB)")]
    TooBig {
        /// Its size.
        bytes: usize,
    },
    /// Over [`MAX_PASTE_LINES`].
    #[error(
        "the clipboard holds {lines} lines of text; a paste makes at most {MAX_PASTE_LINES} cards"
    )]
    TooManyLines {
        /// How many non-blank lines (or table rows) it has.
        lines: usize,
    },
    /// A line longer than a card may be.
    #[error("line {line} is {chars} characters long; a card holds at most {limit}")]
    LineTooLong {
        /// The line, counted from 1.
        line: usize,
        /// Its length.
        chars: usize,
        /// [`crate::text::MAX_TEXT_CHARS`].
        limit: usize,
    },
    /// Over [`MAX_ADDED_STEPS`].
    #[error("{cards} cards is too many to copy or paste at once; the limit is {MAX_ADDED_STEPS}")]
    TooManyCards {
        /// How many.
        cards: usize,
    },
    /// A rich clip that is not one, or is inconsistent.
    #[error("the copied cards cannot be pasted: {0}")]
    Damaged(String),
}

impl From<PackageError> for ClipError {
    fn from(e: PackageError) -> Self {
        match e {
            PackageError::NoJourney => ClipError::Missing { what: "journey" },
            other => ClipError::Damaged(other.to_string()),
        }
    }
}

/// Copies the cards `steps` of journey `journey` in the three forms of a [`Clip`].
pub fn copy(ws: &Workspace, journey: Id, steps: &[Id]) -> Result<Clip, ClipError> {
    let chosen = chosen(ws, journey, steps)?;
    let pkg = package_steps(ws, journey, &chosen)?;
    let j = ws
        .journey(journey)
        .ok_or(ClipError::Missing { what: "journey" })?;
    let cards = place::reading_order(j, &chosen);
    Ok(Clip {
        rich: pkg.to_json(),
        text: plain::text(&cards),
        tsv: plain::tsv(ws, j, &cards),
        html: plain::html(ws, j, &cards),
    })
}

/// The edit pasting `what` at `target`; the new records' ids are derived from `seed`.
///
/// The rich form lands in the shape it was copied in: the leftmost copied stage goes to the target
/// stage and the others keep their distance to the right (held at the last stage). Lanes keep their
/// distance from the target lane too when the cards came from this journey or from one lane; cards
/// from several lanes of another journey go to the lane of the same kind and name there, else of the
/// same kind, else the target lane, since another journey's rows mean what their kinds say. Emotion
/// scores are dropped from cards that land outside a customer lane. Cards go after those already in
/// their cells, in the order they were in.
pub fn paste(
    ws: &Workspace,
    target: &Target,
    what: &Pasting,
    seed: Id,
) -> Result<Pasted, ClipError> {
    let journey = target_journey(ws, target)?;
    match what {
        Pasting::Rich { rich } => {
            let pkg = JourneyPackage::from_json(rich)?;
            let cells = place::cells(&pkg, journey, target)?;
            build(ws, &pkg, journey, cells, seed, AddedBy::Paste)
        }
        Pasting::Text { text } => plain::paste(ws, journey, target, text, seed),
    }
}

/// The edit duplicating the cards `steps` of journey `journey`: each copy goes in its original's
/// cell, right after the originals of that cell, with every detail and link the copy of a paste has;
/// ids derive from `seed`.
pub fn duplicate(ws: &Workspace, journey: Id, steps: &[Id], seed: Id) -> Result<Pasted, ClipError> {
    let chosen = chosen(ws, journey, steps)?;
    let pkg = package_steps(ws, journey, &chosen)?;
    let j = ws
        .journey(journey)
        .ok_or(ClipError::Missing { what: "journey" })?;
    let cells = place::after_originals(j, &chosen);
    build(ws, &pkg, j, cells, seed, AddedBy::Duplicate)
}

/// The cards to copy, all of them in `journey` and within the limit.
fn chosen(ws: &Workspace, journey: Id, steps: &[Id]) -> Result<HashSet<Id>, ClipError> {
    let j = ws
        .journey(journey)
        .ok_or(ClipError::Missing { what: "journey" })?;
    if steps.is_empty() {
        return Err(ClipError::Nothing("copy"));
    }
    if steps.len() > MAX_ADDED_STEPS {
        return Err(ClipError::TooManyCards { cards: steps.len() });
    }
    let chosen: HashSet<Id> = steps.iter().copied().collect();
    let found = j.steps.iter().filter(|s| chosen.contains(&s.id)).count();
    if found != chosen.len() {
        return Err(ClipError::Missing { what: "card" });
    }
    Ok(chosen)
}

fn target_journey<'a>(ws: &'a Workspace, target: &Target) -> Result<&'a Journey, ClipError> {
    let j = ws
        .journey(target.journey)
        .ok_or(ClipError::Missing { what: "journey" })?;
    if j.lane(target.lane).is_none() {
        return Err(ClipError::Missing { what: "lane" });
    }
    if !j.stages.iter().any(|s| s.id == target.stage) {
        return Err(ClipError::Missing { what: "stage" });
    }
    Ok(j)
}

/// The edit adding the package's cards at the places `cells` gives each (by its id in the package):
/// fresh ids, texts cleaned, entities matched to the workspace's (by id, else kind and name) or
/// created, and the links among them recreated.
fn build(
    ws: &Workspace,
    pkg: &JourneyPackage,
    journey: &Journey,
    cells: HashMap<Id, place::Spot>,
    seed: Id,
    added_by: AddedBy,
) -> Result<Pasted, ClipError> {
    let cards = pkg.journey.steps.len();
    if cards == 0 {
        return Err(ClipError::Nothing("paste"));
    }
    if cards > MAX_ADDED_STEPS {
        return Err(ClipError::TooManyCards { cards });
    }
    check_ids(pkg)?;
    let map = |old: Id| Id::derived(&seed.to_string(), &old.to_string());
    let mut matched = match_entities(ws, pkg, &map, true);
    let kinds: HashMap<Id, LaneKind> = journey.lanes.iter().map(|l| (l.id, l.kind)).collect();
    let mut steps: Vec<Step> = Vec::with_capacity(cards);
    for src in &pkg.journey.steps {
        let spot = cells
            .get(&src.id)
            .ok_or_else(|| ClipError::Damaged(format!("card {} has no place", src.id)))?;
        let mut step = src.clone();
        clean_step(&mut step, &matched)?;
        step.id = map(src.id);
        step.lane = spot.lane;
        step.stage = spot.stage;
        step.position = spot.position;
        if kinds.get(&spot.lane) != Some(&LaneKind::Customer) {
            step.emotion = None;
        }
        // A copy comes from no card of a current state: in a future state it is new, and anywhere
        // else it carries no future-state mark.
        step.origin = None;
        step.change = None;
        steps.push(step);
    }
    let (among_entities, links) = map_links(ws, pkg, &matched, &map)?;
    place::Order::of(journey).sort(&mut steps);
    let ids = steps.iter().map(|s| s.id).collect();
    let add = Edit::AddSteps {
        journey: journey.id,
        steps,
        links,
        added_by,
    };
    let mut edits = std::mem::take(&mut matched.edits);
    if !among_entities.is_empty() {
        edits.push(Edit::RestoreLinks {
            links: among_entities,
        });
    }
    let edit = if edits.is_empty() {
        add
    } else {
        edits.push(add);
        Edit::Batch { edits }
    };
    Ok(Pasted { edit, steps: ids })
}
