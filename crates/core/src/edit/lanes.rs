//! Edits to the rows of a journey.

use super::ordered::{self, Ordered};
use super::{named, Edit, EditError, Slot, Touched};
use crate::{Id, Journey, Lane, LaneKind, Link, Step, Workspace};

impl Ordered for Lane {
    const WHAT: &'static str = "lane";
    fn id(&self) -> Id {
        self.id
    }
    fn position(&self) -> f64 {
        self.position
    }
    fn set_position(&mut self, position: f64) {
        self.position = position;
    }
    fn list(journey: &Journey) -> &Vec<Self> {
        &journey.lanes
    }
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self> {
        &mut journey.lanes
    }
    fn changed(t: &mut Touched) -> &mut Vec<Id> {
        &mut t.lanes
    }
    fn removed(t: &mut Touched) -> &mut Vec<Id> {
        &mut t.removed_lanes
    }
    fn holds(&self, step: &Step) -> bool {
        step.lane == self.id
    }
    fn delete(lane: Id) -> Edit {
        Edit::DeleteLane { lane }
    }
    fn moved(lane: Id, to: Slot) -> Edit {
        Edit::MoveLane { lane, to }
    }
    fn restore(journey: Id, lane: Self, steps: Vec<Step>, links: Vec<Link>) -> Edit {
        Edit::RestoreLane {
            journey,
            lane,
            steps,
            links,
        }
    }
}

/// Adds a named lane of `kind` at `to`.
pub(super) fn add(
    ws: &mut Workspace,
    journey: Id,
    lane: Id,
    name: &str,
    kind: LaneKind,
    to: &Slot,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let name = named("lane name", name)?;
    let record = Lane {
        id: lane,
        name,
        kind,
        position: 0.0,
    };
    ordered::add(ws, journey, record, to, t)
}

/// Renames a lane or changes its kind.
pub(super) fn update(
    ws: &mut Workspace,
    lane: Id,
    name: &str,
    kind: LaneKind,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let name = named("lane name", name)?;
    let (j, l) = ordered::locate::<Lane>(ws, lane)?;
    let target = &mut ws.journeys[j].lanes[l];
    let old = Edit::UpdateLane {
        lane,
        name: std::mem::replace(&mut target.name, name),
        kind: std::mem::replace(&mut target.kind, kind),
    };
    t.lanes.push(lane);
    t.journey = Some(ws.journeys[j].id);
    Ok(old)
}
