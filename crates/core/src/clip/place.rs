//! Where pasted and duplicated cards go, and the order cards are read in (stage, lane, place in the
//! cell), which is the order a copy writes them and a paste selects them.

use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};

use super::{ClipError, Target};
use crate::package::JourneyPackage;
use crate::{Id, Journey, Lane, Step};

/// A new card's cell and sort key.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Spot {
    /// The lane (row).
    pub(super) lane: Id,
    /// The stage (column).
    pub(super) stage: Id,
    /// The sort key in the cell.
    pub(super) position: f64,
}

/// The display order of a journey's stages and lanes, by position then id (as the model sorts them),
/// whatever order its vectors are in.
pub(super) struct Order {
    stages: HashMap<Id, usize>,
    lanes: HashMap<Id, usize>,
}

impl Order {
    /// The order of `j`'s stages and lanes.
    pub(super) fn of(j: &Journey) -> Self {
        let rank = |mut v: Vec<(f64, Id)>| -> HashMap<Id, usize> {
            v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            v.into_iter()
                .enumerate()
                .map(|(i, (_, id))| (id, i))
                .collect()
        };
        Order {
            stages: rank(j.stages.iter().map(|s| (s.position, s.id)).collect()),
            lanes: rank(j.lanes.iter().map(|l| (l.position, l.id)).collect()),
        }
    }

    /// Stage and lane index of a cell, if the journey has both.
    pub(super) fn cell(&self, lane: Id, stage: Id) -> Option<(usize, usize)> {
        Some((*self.stages.get(&stage)?, *self.lanes.get(&lane)?))
    }

    /// Sorts cards in reading order: by stage, then lane, then place in the cell.
    pub(super) fn sort<S: Borrow<Step>>(&self, steps: &mut [S]) {
        let key = |s: &Step| {
            self.cell(s.lane, s.stage)
                .unwrap_or((usize::MAX, usize::MAX))
        };
        steps.sort_by(|a, b| {
            let (a, b) = (a.borrow(), b.borrow());
            key(a)
                .cmp(&key(b))
                .then(a.position.total_cmp(&b.position))
                .then(a.id.cmp(&b.id))
        });
    }
}

/// The cards `chosen` of `j` in reading order.
pub(super) fn reading_order<'a>(j: &'a Journey, chosen: &HashSet<Id>) -> Vec<&'a Step> {
    let mut cards: Vec<&Step> = j.steps.iter().filter(|s| chosen.contains(&s.id)).collect();
    Order::of(j).sort(&mut cards);
    cards
}

/// The next free sort key at the end of each cell of a journey.
pub(super) struct Ends(HashMap<(Id, Id), f64>);

impl Ends {
    /// The ends of `j`'s cells as they are now.
    pub(super) fn of(j: &Journey) -> Self {
        let mut ends: HashMap<(Id, Id), f64> = HashMap::new();
        for s in &j.steps {
            let end = ends.entry((s.lane, s.stage)).or_insert(s.position + 1.0);
            *end = end.max(s.position + 1.0);
        }
        Ends(ends)
    }

    /// A sort key after every card of the cell and every key handed out before.
    pub(super) fn next(&mut self, lane: Id, stage: Id) -> f64 {
        let end = self.0.entry((lane, stage)).or_insert(0.0);
        let position = *end;
        *end += 1.0;
        position
    }
}

/// Where each card of a rich clip goes in `journey` when pasted at `target` (see
/// [`super::paste`] for the rule), keyed by the card's id in the package.
pub(super) fn cells(
    pkg: &JourneyPackage,
    journey: &Journey,
    target: &Target,
) -> Result<HashMap<Id, Spot>, ClipError> {
    let src = &pkg.journey;
    let from = Order::of(src);
    let mut placed: Vec<(&Step, usize, usize)> = Vec::with_capacity(src.steps.len());
    for s in &src.steps {
        let (stage, lane) = from.cell(s.lane, s.stage).ok_or_else(|| {
            ClipError::Damaged(format!("card {} sits outside the copied grid", s.id))
        })?;
        placed.push((s, stage, lane));
    }
    let (Some(s0), Some(l0)) = (
        placed.iter().map(|p| p.1).min(),
        placed.iter().map(|p| p.2).min(),
    ) else {
        return Err(ClipError::Nothing("paste"));
    };
    let one_lane = placed.iter().all(|p| p.2 == l0);
    let keep_lanes = one_lane || src.id == journey.id;
    let mut stages: Vec<&crate::Stage> = journey.stages.iter().collect();
    stages.sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    let mut lanes: Vec<&Lane> = journey.lanes.iter().collect();
    lanes.sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    let ts = stages
        .iter()
        .position(|s| s.id == target.stage)
        .unwrap_or(0);
    let tl = lanes.iter().position(|l| l.id == target.lane).unwrap_or(0);
    let shifted = |at: usize, by: usize, from: usize, n: usize| (at + by - from).min(n - 1);
    let same_kind = |lane: Id| -> Id {
        let Some(l) = src.lane(lane) else {
            return target.lane;
        };
        let name = l.name.to_lowercase();
        lanes
            .iter()
            .find(|t| t.kind == l.kind && t.name.to_lowercase() == name)
            .or_else(|| lanes.iter().find(|t| t.kind == l.kind))
            .map_or(target.lane, |t| t.id)
    };
    placed.sort_by(|a, b| {
        (a.1, a.2)
            .cmp(&(b.1, b.2))
            .then(a.0.position.total_cmp(&b.0.position))
            .then(a.0.id.cmp(&b.0.id))
    });
    let mut ends = Ends::of(journey);
    let mut spots = HashMap::with_capacity(placed.len());
    for (s, stage, lane) in placed {
        let stage = stages[shifted(ts, stage, s0, stages.len())].id;
        let lane = if keep_lanes {
            lanes[shifted(tl, lane, l0, lanes.len())].id
        } else {
            same_kind(s.lane)
        };
        let position = ends.next(lane, stage);
        spots.insert(
            s.id,
            Spot {
                lane,
                stage,
                position,
            },
        );
    }
    Ok(spots)
}

/// Where each copy of a duplicate goes: the cell of its original, after the last original of that
/// cell and before the card that followed it, in the originals' order. When the gap there is too
/// narrow for distinct sort keys, the copies go to the end of the cell instead.
pub(super) fn after_originals(j: &Journey, chosen: &HashSet<Id>) -> HashMap<Id, Spot> {
    let mut by_cell: HashMap<(Id, Id), Vec<&Step>> = HashMap::new();
    for s in j.steps.iter().filter(|s| chosen.contains(&s.id)) {
        by_cell.entry((s.lane, s.stage)).or_default().push(s);
    }
    let mut ends = Ends::of(j);
    let mut spots = HashMap::with_capacity(chosen.len());
    for ((lane, stage), mut originals) in by_cell {
        originals.sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
        let last = originals.last().map_or(0.0, |s| s.position);
        let next = j
            .steps
            .iter()
            .filter(|s| s.lane == lane && s.stage == stage && !chosen.contains(&s.id))
            .map(|s| s.position)
            .filter(|p| *p > last)
            .min_by(f64::total_cmp);
        let k = originals.len() as f64;
        let keys: Vec<f64> = (1..=originals.len())
            .map(|i| match next {
                Some(next) => last + (next - last) * i as f64 / (k + 1.0),
                None => last + i as f64,
            })
            .collect();
        let distinct = keys.iter().zip(keys.iter().skip(1)).all(|(a, b)| a < b)
            && keys.first().is_some_and(|p| *p > last)
            && keys.last().is_some_and(|p| next.is_none_or(|n| *p < n));
        for (s, key) in originals.into_iter().zip(keys) {
            let position = if distinct {
                key
            } else {
                ends.next(lane, stage)
            };
            spots.insert(
                s.id,
                Spot {
                    lane,
                    stage,
                    position,
                },
            );
        }
    }
    spots
}
