//! What a journey's cards carry besides their own fields: the chips of their owner and linked people,
//! teams, systems and processes, the hand-offs between teams on its arrows, and how many comments
//! are open on each card. Shared by the live
//! blueprint, the exports and the blueprint drawn against an older version.

use std::collections::{HashMap, HashSet};

use throughline_core::analysis;
use throughline_core::graph::WorkspaceGraph;
use throughline_core::{Id, Journey, LinkKind, Workspace};
use throughline_render::{Annotations, ChipInput, ChipRole};

/// The chips of a journey's cards (owner first, then linked entities by role and name) and its
/// hand-offs between teams.
pub(crate) fn annotations(
    ws: &Workspace,
    graph: &WorkspaceGraph,
    journey: &Journey,
) -> Annotations {
    let steps: HashSet<Id> = journey.steps.iter().map(|s| s.id).collect();
    let mut chips: HashMap<Id, Vec<ChipInput>> = HashMap::new();
    let chip = |entity: Id, role: ChipRole| {
        ws.entity(entity).map(|e| ChipInput {
            entity,
            label: e.name.clone(),
            role,
        })
    };
    for step in &journey.steps {
        if let Some(c) = step.owner.and_then(|o| chip(o, ChipRole::Owner)) {
            chips.entry(step.id).or_default().push(c);
        }
    }
    let mut linked: Vec<(Id, ChipInput)> = ws
        .links
        .iter()
        .filter(|l| steps.contains(&l.from))
        .filter_map(|l| {
            let role = match l.kind {
                LinkKind::PerformedBy => ChipRole::PerformedBy,
                LinkKind::Uses => ChipRole::Uses,
                LinkKind::PartOf => ChipRole::PartOf,
                _ => return None,
            };
            chip(l.to, role).map(|c| (l.from, c))
        })
        .collect();
    linked.sort_by(|a, b| {
        (a.1.role as u8, a.1.label.to_lowercase()).cmp(&(b.1.role as u8, b.1.label.to_lowercase()))
    });
    for (step, c) in linked {
        chips.entry(step).or_default().push(c);
    }
    // The blueprint marks where the work changes team; unassigned hand-offs are the checks' business.
    let handoffs = analysis::handoffs(graph, Some(journey.id))
        .into_iter()
        .filter(|h| !h.is_unassigned())
        .map(|h| h.link)
        .collect();
    let personas = journey
        .personas
        .iter()
        .filter_map(|p| ws.persona(*p).map(|persona| (*p, persona.name.clone())))
        .collect();
    // Each card's open comments, as its marker counts them (beyond nine, "9+").
    let comments = throughline_core::comment::open_on_cards(journey)
        .into_iter()
        .map(|(card, n)| {
            let label = if n > 9 {
                "9+".to_owned()
            } else {
                n.to_string()
            };
            (card, label)
        })
        .collect();
    Annotations {
        chips,
        handoffs,
        personas,
        comments,
    }
}
