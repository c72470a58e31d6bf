//! Comment edits: writing, changing or resolving one (the same edit, which replaces the comment by its
//! id), and deleting one. A comment belongs to its journey, so every comment edit touches the journey.

use super::{journey_ix, Edit, EditError, Touched};
use crate::{comment, Comment, Id, Workspace};

/// Adds `comment` to the journey, or replaces the one with its id; undone by deleting it or by
/// putting the old one back.
pub(super) fn put(
    ws: &mut Workspace,
    journey: Id,
    comment: &Comment,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let comment = comment::clean(comment.clone());
    let id = comment.id;
    let ix = journey_ix(ws, journey)?;
    let j = &mut ws.journeys[ix];
    let inverse = match j.comments.iter_mut().find(|c| c.id == id) {
        Some(old) => Edit::PutComment {
            journey,
            comment: std::mem::replace(old, comment),
        },
        None => {
            j.comments.push(comment);
            Edit::DeleteComment {
                journey,
                comment: id,
            }
        }
    };
    comment::sort(&mut j.comments);
    t.journeys.push(journey);
    t.journey = Some(journey);
    Ok(inverse)
}

/// Deletes a comment; undone by putting it back.
pub(super) fn delete(
    ws: &mut Workspace,
    journey: Id,
    id: Id,
    t: &mut Touched,
) -> Result<Edit, EditError> {
    let ix = journey_ix(ws, journey)?;
    let j = &mut ws.journeys[ix];
    let at = j
        .comments
        .iter()
        .position(|c| c.id == id)
        .ok_or(EditError::Missing { what: "comment" })?;
    let old = j.comments.remove(at);
    t.journeys.push(journey);
    t.journey = Some(journey);
    Ok(Edit::PutComment {
        journey,
        comment: old,
    })
}
