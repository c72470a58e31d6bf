//! Stages and lanes have the same shape: records of a journey kept sorted by a fractional position,
//! added at a slot, moved, and deleted with the cards they hold. [`Ordered`] names what differs between
//! them, and the functions here do the rest once for both.

use std::collections::HashSet;

use super::{
    check_new_steps, journey_ix, position_for, put_steps_back, sorted, take_steps, Edit, EditError,
    Slot, Touched,
};
use crate::{Id, Journey, Link, Step, Workspace};

/// A record of a journey ordered by a fractional position that holds cards (a stage or a lane).
pub(super) trait Ordered: Clone + Sized {
    /// "stage" or "lane", for errors.
    const WHAT: &'static str;
    /// Its id.
    fn id(&self) -> Id;
    /// Its sort key.
    fn position(&self) -> f64;
    /// Sets its sort key.
    fn set_position(&mut self, position: f64);
    /// The journey's records of this kind.
    fn list(journey: &Journey) -> &Vec<Self>;
    /// The journey's records of this kind, to change.
    fn list_mut(journey: &mut Journey) -> &mut Vec<Self>;
    /// Where the store is told a record of this kind changed.
    fn changed(t: &mut Touched) -> &mut Vec<Id>;
    /// Where the store is told a record of this kind went away.
    fn removed(t: &mut Touched) -> &mut Vec<Id>;
    /// Whether `step` sits in this record.
    fn holds(&self, step: &Step) -> bool;
    /// The edit that deletes the record `id`.
    fn delete(id: Id) -> Edit;
    /// The edit that moves the record `id` to `to`.
    fn moved(id: Id, to: Slot) -> Edit;
    /// The edit that puts a deleted record back with its cards and their links.
    fn restore(journey: Id, record: Self, steps: Vec<Step>, links: Vec<Link>) -> Edit;
}

fn sort<T: Ordered>(list: &mut [T]) {
    list.sort_by(|a, b| {
        a.position()
            .total_cmp(&b.position())
            .then(a.id().cmp(&b.id()))
    });
}

/// The journey index and record index of the record `id`.
pub(super) fn locate<T: Ordered>(ws: &Workspace, id: Id) -> Result<(usize, usize), EditError> {
    super::find(ws, T::WHAT, |j| {
        T::list(j).iter().position(|r| r.id() == id)
    })
}

fn place<T: Ordered>(
    journey: &mut Journey,
    exclude: Option<Id>,
    to: &Slot,
    t: &mut Touched,
) -> f64 {
    let siblings = sorted(
        T::list(journey).iter().map(|r| (r.id(), r.position())),
        &exclude.into_iter().collect::<HashSet<Id>>(),
    );
    let (position, renumbered) = position_for(&siblings, to);
    let list = T::list_mut(journey);
    for (id, p) in renumbered {
        if let Some(r) = list.iter_mut().find(|r| r.id() == id) {
            r.set_position(p);
            T::changed(t).push(id);
        }
    }
    position
}

/// Adds `record` to the journey at `to`; its own position is replaced by the slot's.
pub(super) fn add<T: Ordered>(
    ws: &mut Workspace,
    journey: Id,
    mut record: T,
    to: &Slot,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let j = journey_ix(ws, journey)?;
    let id = record.id();
    if T::list(&ws.journeys[j]).iter().any(|r| r.id() == id) {
        return Err(EditError::Exists { what: T::WHAT });
    }
    record.set_position(place::<T>(&mut ws.journeys[j], None, to, t));
    let list = T::list_mut(&mut ws.journeys[j]);
    list.push(record);
    sort(list);
    T::changed(t).push(id);
    t.journey = Some(journey);
    Ok(T::delete(id))
}

/// Moves the record `id` to `to`.
pub(super) fn move_to<T: Ordered>(
    ws: &mut Workspace,
    id: Id,
    to: &Slot,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let (j, r) = locate::<T>(ws, id)?;
    let old = T::list(&ws.journeys[j])[r].position();
    let position = place::<T>(&mut ws.journeys[j], Some(id), to, t);
    let list = T::list_mut(&mut ws.journeys[j]);
    if let Some(record) = list.iter_mut().find(|r| r.id() == id) {
        record.set_position(position);
    }
    sort(list);
    T::changed(t).push(id);
    t.journey = Some(ws.journeys[j].id);
    Ok(T::moved(id, Slot::At { position: old }))
}

/// Deletes the record `id` with its cards and their links.
pub(super) fn delete<T: Ordered>(
    ws: &mut Workspace,
    id: Id,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let (j, r) = locate::<T>(ws, id)?;
    let removed = T::list_mut(&mut ws.journeys[j]).remove(r);
    let journey_id = ws.journeys[j].id;
    let (steps, links) = take_steps(ws, j, |st| removed.holds(st), t);
    T::removed(t).push(id);
    t.journey = Some(journey_id);
    Ok(T::restore(journey_id, removed, steps, links))
}

/// Puts a deleted record back with its cards and their links.
pub(super) fn restore<T: Ordered>(
    ws: &mut Workspace,
    journey: Id,
    record: &T,
    steps: &[Step],
    links: &[Link],
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let j = journey_ix(ws, journey)?;
    let id = record.id();
    if T::list(&ws.journeys[j]).iter().any(|r| r.id() == id) {
        return Err(EditError::Exists { what: T::WHAT });
    }
    check_new_steps(&ws.journeys[j], steps)?;
    let list = T::list_mut(&mut ws.journeys[j]);
    list.push(record.clone());
    sort(list);
    if let Err(e) = put_steps_back(ws, j, steps, links, t) {
        T::list_mut(&mut ws.journeys[j]).retain(|r| r.id() != id);
        return Err(e);
    }
    T::changed(t).push(id);
    Ok(T::delete(id))
}
