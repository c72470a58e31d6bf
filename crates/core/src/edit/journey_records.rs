//! Edits of the records a journey keeps beside its cards — comments and opportunities: one edit writes
//! a record or replaces the one with its id (to change, resolve or re-rate it), another deletes one.
//! Each touches its journey, which stores them.

use super::{journey_ix, Edit, EditError, Touched};
use crate::validate::check_owner;
use crate::{comment, opportunity, Comment, Id, Journey, Opportunity, Workspace};

/// A record a journey keeps in a list of its own, written and deleted by a pair of edits.
pub(super) trait JourneyRecord: Clone + Sized {
    /// What the record is called in an error ("comment").
    const WHAT: &'static str;
    /// Its identity.
    fn id(&self) -> Id;
    /// The journey's list of these records.
    fn list(journey: &mut Journey) -> &mut Vec<Self>;
    /// The record as it is stored (texts cleaned).
    fn clean(self) -> Self;
    /// Puts the list in its stored order.
    fn order(_list: &mut [Self]) {}
    /// The edit that writes `record`.
    fn put(journey: Id, record: Self) -> Edit;
    /// The edit that deletes the record `id`.
    fn delete(journey: Id, id: Id) -> Edit;
    /// What the workspace must hold for the record (an owner that can own), beyond its journey's rules.
    fn check(&self, _ws: &Workspace) -> Result<(), EditError> {
        Ok(())
    }
}

impl JourneyRecord for Comment {
    const WHAT: &'static str = "comment";
    fn id(&self) -> Id {
        self.id
    }
    fn list(journey: &mut Journey) -> &mut Vec<Self> {
        &mut journey.comments
    }
    fn clean(self) -> Self {
        comment::clean(self)
    }
    fn order(list: &mut [Self]) {
        comment::sort(list);
    }
    fn put(journey: Id, comment: Self) -> Edit {
        Edit::PutComment { journey, comment }
    }
    fn delete(journey: Id, comment: Id) -> Edit {
        Edit::DeleteComment { journey, comment }
    }
}

impl JourneyRecord for Opportunity {
    const WHAT: &'static str = "opportunity";
    fn id(&self) -> Id {
        self.id
    }
    fn list(journey: &mut Journey) -> &mut Vec<Self> {
        &mut journey.opportunities
    }
    fn clean(self) -> Self {
        opportunity::clean(self)
    }
    fn check(&self, ws: &Workspace) -> Result<(), EditError> {
        if let Some(owner) = self.owner {
            check_owner(ws, "an opportunity's owner", owner)?;
        }
        Ok(())
    }
    fn put(journey: Id, opportunity: Self) -> Edit {
        Edit::PutOpportunity {
            journey,
            opportunity,
        }
    }
    fn delete(journey: Id, opportunity: Id) -> Edit {
        Edit::DeleteOpportunity {
            journey,
            opportunity,
        }
    }
}

/// Adds `record` to the journey, or replaces the one with its id; undone by deleting it or by
/// putting the old one back.
pub(super) fn put<T: JourneyRecord>(
    ws: &mut Workspace,
    journey: Id,
    record: &T,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let record = record.clone().clean();
    record.check(ws)?;
    let id = record.id();
    let ix = journey_ix(ws, journey)?;
    let list = T::list(&mut ws.journeys[ix]);
    let inverse = match list.iter_mut().find(|r| r.id() == id) {
        Some(old) => T::put(journey, std::mem::replace(old, record)),
        None => {
            list.push(record);
            T::delete(journey, id)
        }
    };
    T::order(list);
    t.journeys.push(journey);
    t.journey = Some(journey);
    Ok(inverse)
}

/// Deletes a record; undone by putting it back.
pub(super) fn delete<T: JourneyRecord>(
    ws: &mut Workspace,
    journey: Id,
    id: Id,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let ix = journey_ix(ws, journey)?;
    let list = T::list(&mut ws.journeys[ix]);
    let at = list
        .iter()
        .position(|r| r.id() == id)
        .ok_or(EditError::Missing { what: T::WHAT })?;
    let old = list.remove(at);
    t.journeys.push(journey);
    t.journey = Some(journey);
    Ok(T::put(journey, old))
}
