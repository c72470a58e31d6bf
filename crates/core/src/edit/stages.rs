//! Edits to the columns of a journey.

use super::ordered::{self, Ordered};
use super::{named, Edit, EditError, Slot, Touched};
use crate::{Id, Journey, Link, Stage, Step, Workspace};

impl Ordered for Stage {
    const WHAT: &'static str = "stage";
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
        &journey.stages
    }
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self> {
        &mut journey.stages
    }
    fn changed(t: &mut Touched) -> &mut Vec<Id> {
        &mut t.stages
    }
    fn removed(t: &mut Touched) -> &mut Vec<Id> {
        &mut t.removed_stages
    }
    fn holds(&self, step: &Step) -> bool {
        step.stage == self.id
    }
    fn delete(stage: Id) -> Edit {
        Edit::DeleteStage { stage }
    }
    fn moved(stage: Id, to: Slot) -> Edit {
        Edit::MoveStage { stage, to }
    }
    fn restore(journey: Id, stage: Self, steps: Vec<Step>, links: Vec<Link>) -> Edit {
        Edit::RestoreStage {
            journey,
            stage,
            steps,
            links,
        }
    }
}

/// Adds a named stage at `to`.
pub(super) fn add(
    ws: &mut Workspace,
    journey: Id,
    stage: Id,
    name: &str,
    to: &Slot,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let name = named("stage name", name)?;
    let record = Stage {
        id: stage,
        name,
        position: 0.0,
    };
    ordered::add(ws, journey, record, to, t)
}

/// Renames a stage.
pub(super) fn rename(
    ws: &mut Workspace,
    stage: Id,
    name: &str,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let name = named("stage name", name)?;
    let (j, s) = ordered::locate::<Stage>(ws, stage)?;
    let old = std::mem::replace(&mut ws.journeys[j].stages[s].name, name);
    t.stages.push(stage);
    t.journey = Some(ws.journeys[j].id);
    Ok(Edit::RenameStage { stage, name: old })
}
