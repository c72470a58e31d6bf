//! Edits to links: flow arrows between cards and ties between cards and entities.

use std::collections::HashSet;

use super::{restore_links, Edit, EditError, Touched};
use crate::{Id, Link, Workspace};

/// Adds a link.
pub(super) fn add(ws: &mut Workspace, link: &Link, t: &mut Touched) -> Result<Edit, EditError> {
    restore_links(ws, std::slice::from_ref(link), t)?;
    t.journey = ws
        .journeys
        .iter()
        .find(|j| j.steps.iter().any(|s| s.id == link.from))
        .map(|j| j.id);
    Ok(Edit::DeleteLinks {
        links: vec![link.id],
    })
}

/// Deletes links.
pub(super) fn delete(ws: &mut Workspace, links: &[Id], t: &mut Touched) -> Result<Edit, EditError> {
    let ids: HashSet<Id> = links.iter().copied().collect();
    if ws.links.iter().filter(|l| ids.contains(&l.id)).count() != ids.len() {
        return Err(EditError::Missing { what: "link" });
    }
    let (removed, kept): (Vec<Link>, Vec<Link>) = std::mem::take(&mut ws.links)
        .into_iter()
        .partition(|l| ids.contains(&l.id));
    ws.links = kept;
    t.removed_links.extend(removed.iter().map(|l| l.id));
    t.journey = removed.first().and_then(|l| {
        ws.journeys
            .iter()
            .find(|j| j.steps.iter().any(|s| s.id == l.from))
            .map(|j| j.id)
    });
    Ok(Edit::RestoreLinks { links: removed })
}

/// Puts back deleted links.
pub(super) fn restore(
    ws: &mut Workspace,
    links: &[Link],
    t: &mut Touched,
) -> Result<Edit, EditError> {
    restore_links(ws, links, t)?;
    Ok(Edit::DeleteLinks {
        links: links.iter().map(|l| l.id).collect(),
    })
}
