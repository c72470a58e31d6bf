//! Making a merged workspace keep every rule. Each repair is the smallest change that restores the
//! rule, made the same way every time, and listed: a lane, stage or entity one side deleted while the
//! other still uses it is restored; an emotion score on a card moved out of the customer lane is
//! removed; cards the merge put on one spot are spread apart; a link that no longer fits is removed.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::{Merged, RecordKind, RecordRef, Repair};
use crate::diff::Names;
use crate::validate::LinkEnds;
use crate::{Id, Journey, LaneKind, Workspace};

/// Repairs `m.workspace` in place, adding to `m.repairs`. `sources` are base, ours and theirs, where
/// deleted records are looked up to be restored.
pub fn repair(m: &mut Merged, sources: [&Workspace; 3]) {
    let ws = &mut m.workspace;
    let list = &mut m.repairs;
    for j in &mut ws.journeys {
        cells(j, &sources, list);
        lane_order(j, list);
        emotions(j, list);
        positions(j, [sources[1], sources[2]], list);
    }
    restore_entities(ws, &sources, list);
    owners(ws, list);
    links(ws, list);
    entity_names(ws, list);
}

fn reference(kind: RecordKind, id: Id, name: &str) -> RecordRef {
    RecordRef {
        kind,
        id,
        name: name.to_owned(),
    }
}

/// A lane's or stage's name, position and (for a lane) kind, as a source version has it.
type Heading = (String, f64, Option<LaneKind>);

/// Cards whose lane or stage is gone: the lane or stage is restored from the version that still has
/// it; a card whose lane or stage cannot be restored goes to the journey's first lane of the same kind
/// (or first lane) and first stage; with no lane or stage left at all the card is removed.
fn cells(j: &mut Journey, sources: &[&Workspace; 3], list: &mut Vec<Repair>) {
    let find = |pick: &dyn Fn(&Journey) -> Option<Heading>| {
        sources
            .iter()
            .find_map(|ws| ws.journey(j.id).and_then(pick))
    };
    let mut removed = Vec::new();
    for i in 0..j.steps.len() {
        let (lane, stage, text) = (j.steps[i].lane, j.steps[i].stage, j.steps[i].text.clone());
        if j.lane(lane).is_none() {
            let found = find(&|src: &Journey| {
                src.lane(lane)
                    .map(|l| (l.name.clone(), l.position, Some(l.kind)))
            });
            if let Some((name, position, Some(kind))) = found {
                j.lanes.push(crate::Lane {
                    id: lane,
                    name: name.clone(),
                    kind,
                    position,
                });
                list.push(Repair {
                    record: reference(RecordKind::Lane, lane, &name),
                    action: format!(
                        "restored: one side deleted it while the other put card '{text}' in it"
                    ),
                });
            } else {
                let kind = sources
                    .iter()
                    .flat_map(|ws| &ws.journeys)
                    .find_map(|src| src.lane(lane))
                    .map(|l| l.kind);
                let mut order = j.lanes.clone();
                order.sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
                let target = order
                    .iter()
                    .find(|l| Some(l.kind) == kind)
                    .or(order.first());
                match target {
                    Some(l) => {
                        j.steps[i].lane = l.id;
                        list.push(Repair {
                            record: reference(RecordKind::Card, j.steps[i].id, &text),
                            action: format!(
                                "moved to lane '{}': its lane is not in this journey",
                                l.name
                            ),
                        });
                    }
                    None => removed.push(i),
                }
            }
        }
        if !j.stages.iter().any(|s| s.id == stage) {
            let found = find(&|src: &Journey| {
                src.stages
                    .iter()
                    .find(|s| s.id == stage)
                    .map(|s| (s.name.clone(), s.position, None))
            });
            if let Some((name, position, _)) = found {
                j.stages.push(crate::Stage {
                    id: stage,
                    name: name.clone(),
                    position,
                });
                list.push(Repair {
                    record: reference(RecordKind::Stage, stage, &name),
                    action: format!(
                        "restored: one side deleted it while the other put card '{text}' in it"
                    ),
                });
            } else {
                let first = j
                    .stages
                    .iter()
                    .min_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)))
                    .cloned();
                match first {
                    Some(s) => {
                        j.steps[i].stage = s.id;
                        list.push(Repair {
                            record: reference(RecordKind::Card, j.steps[i].id, &text),
                            action: format!(
                                "moved to stage '{}': its stage is not in this journey",
                                s.name
                            ),
                        });
                    }
                    None => removed.push(i),
                }
            }
        }
    }
    removed.dedup();
    for i in removed.into_iter().rev() {
        let s = j.steps.remove(i);
        list.push(Repair {
            record: reference(RecordKind::Card, s.id, &s.text),
            action: "removed: its journey has no lane or stage left to hold it".into(),
        });
    }
}

/// Lanes out of blueprint order (one side moved a lane, the other changed a kind) are put back in
/// order: by kind, keeping their order within a kind.
fn lane_order(j: &mut Journey, list: &mut Vec<Repair>) {
    let mut order = j.lanes.clone();
    order.sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    if order.windows(2).all(|w| w[0].kind <= w[1].kind) {
        return;
    }
    order.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(a.position.total_cmp(&b.position))
            .then(a.id.cmp(&b.id))
    });
    for (i, lane) in order.iter_mut().enumerate() {
        lane.position = i as f64;
    }
    j.lanes = order;
    list.push(Repair {
        record: reference(RecordKind::Journey, j.id, &j.name),
        action:
            "lanes put back in blueprint order (evidence, customer, frontstage, backstage, support)"
                .into(),
    });
}

/// An emotion score on a card that one side moved out of the customer lane while the other scored it
/// is removed: only customer actions carry one.
fn emotions(j: &mut Journey, list: &mut Vec<Repair>) {
    let kinds: HashMap<Id, LaneKind> = j.lanes.iter().map(|l| (l.id, l.kind)).collect();
    for s in &mut j.steps {
        let kind = kinds.get(&s.lane).copied();
        if s.emotion.is_some() && kind.is_some_and(|k| k != LaneKind::Customer) {
            s.emotion = None;
            list.push(Repair {
                record: reference(RecordKind::Card, s.id, &s.text),
                action: format!(
                    "emotion score removed: the card is now in a {} lane, and only customer actions carry one",
                    format!("{:?}", kind.unwrap_or(LaneKind::Customer)).to_lowercase()
                ),
            });
        }
    }
}

/// Cards the merge put on one spot (same lane, stage and position, from the two sides) are spread
/// between that position and the next one in the cell, in id order. Cards that already shared a spot
/// in ours or in theirs are left as they were.
fn positions(j: &mut Journey, sides: [&Workspace; 2], list: &mut Vec<Repair>) {
    let spot = |lane: Id, stage: Id, position: f64| (lane, stage, position.to_bits());
    let side_spots: Vec<HashMap<Id, (Id, Id, u64)>> = sides
        .iter()
        .map(|ws| {
            ws.journey(j.id)
                .map(|sj| {
                    sj.steps
                        .iter()
                        .map(|s| (s.id, spot(s.lane, s.stage, s.position)))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let mut cells: BTreeMap<(Id, Id), Vec<usize>> = BTreeMap::new();
    for (i, s) in j.steps.iter().enumerate() {
        cells.entry((s.lane, s.stage)).or_default().push(i);
    }
    for cell in cells.values_mut() {
        cell.sort_by(|&a, &b| {
            let (a, b) = (&j.steps[a], &j.steps[b]);
            a.position.total_cmp(&b.position).then(a.id.cmp(&b.id))
        });
        let mut start = 0;
        while start < cell.len() {
            let p = j.steps[cell[start]].position;
            let end = start
                + cell[start..]
                    .iter()
                    .take_while(|&&i| j.steps[i].position.to_bits() == p.to_bits())
                    .count();
            let run = &cell[start..end];
            let here = spot(j.steps[run[0]].lane, j.steps[run[0]].stage, p);
            let inherited = side_spots.iter().any(|spots| {
                run.iter()
                    .all(|&i| spots.get(&j.steps[i].id) == Some(&here))
            });
            if run.len() > 1 && !inherited {
                let next = cell.get(end).map_or(p + 1.0, |&i| j.steps[i].position);
                let first = j.steps[run[0]].text.clone();
                for (k, &i) in run.iter().enumerate().skip(1) {
                    let position = p + (next - p) * k as f64 / run.len() as f64;
                    let s = &mut j.steps[i];
                    s.position = position;
                    list.push(Repair {
                        record: reference(RecordKind::Card, s.id, &s.text),
                        action: format!(
                            "moved to position {position} in its cell: the merge put it on the same spot as '{first}'"
                        ),
                    });
                }
            }
            start = end;
        }
    }
}

/// Entities deleted on one side while the other still names them (as an owner or a link end) are
/// restored from the version that has them, until nothing refers to a missing one that can be found.
fn restore_entities(ws: &mut Workspace, sources: &[&Workspace; 3], list: &mut Vec<Repair>) {
    loop {
        let present: HashSet<Id> = ws
            .entities
            .iter()
            .map(|e| e.id)
            .chain(
                ws.journeys
                    .iter()
                    .flat_map(|j| j.steps.iter().map(|s| s.id)),
            )
            .collect();
        let wanted: BTreeSet<Id> = ws
            .entities
            .iter()
            .filter_map(|e| e.owner)
            .chain(
                ws.journeys
                    .iter()
                    .flat_map(|j| j.steps.iter().filter_map(|s| s.owner)),
            )
            .chain(
                ws.journeys
                    .iter()
                    .flat_map(|j| j.opportunities.iter().filter_map(|o| o.owner)),
            )
            .chain(ws.links.iter().flat_map(|l| [l.from, l.to]))
            .filter(|id| !present.contains(id))
            .collect();
        let found: Vec<_> = wanted
            .into_iter()
            .filter_map(|id| sources.iter().find_map(|src| src.entity(id)).cloned())
            .collect();
        if found.is_empty() {
            return;
        }
        for e in found {
            list.push(Repair {
                record: reference(RecordKind::Entity, e.id, &e.name),
                action: "restored: one side deleted it while the other still refers to it".into(),
            });
            ws.entities.push(e);
        }
    }
}

/// Owners that are gone, or that one side turned into a system or process, are cleared.
fn owners(ws: &mut Workspace, list: &mut Vec<Repair>) {
    let can_own: HashMap<Id, bool> = ws
        .entities
        .iter()
        .map(|e| (e.id, e.kind.can_own()))
        .collect();
    let fits = |owner: Option<Id>| owner.is_none_or(|o| can_own.get(&o) == Some(&true));
    for e in &mut ws.entities {
        if !fits(e.owner) {
            e.owner = None;
            list.push(Repair {
                record: reference(RecordKind::Entity, e.id, &e.name),
                action: "owner cleared: it is no longer a person or team of the workspace".into(),
            });
        }
    }
    for s in ws.journeys.iter_mut().flat_map(|j| &mut j.steps) {
        if !fits(s.owner) {
            s.owner = None;
            list.push(Repair {
                record: reference(RecordKind::Card, s.id, &s.text),
                action: "owner cleared: it is no longer a person or team of the workspace".into(),
            });
        }
    }
    for o in ws.journeys.iter_mut().flat_map(|j| &mut j.opportunities) {
        if !fits(o.owner) {
            o.owner = None;
            list.push(Repair {
                record: reference(RecordKind::Opportunity, o.id, &o.title),
                action: "owner cleared: it is no longer a person or team of the workspace".into(),
            });
        }
    }
}

/// Links whose ends are gone or no longer fit the link's kind are removed, and so is the second of
/// two links that join the same records the same way (both sides drew it).
fn links(ws: &mut Workspace, list: &mut Vec<Repair>) {
    let mut all = std::mem::take(&mut ws.links);
    all.sort_by_key(|l| l.id);
    let ends = LinkEnds::of(ws);
    let names = OnceCell::new();
    let mut seen = HashSet::new();
    let mut kept = Vec::with_capacity(all.len());
    for l in all {
        let problem = match ends.check(ws, &l) {
            Err(e) => Some(format!("removed: {e}")),
            Ok(()) if !seen.insert((l.kind, l.from, l.to)) => {
                Some("removed: the same link is there twice (both sides drew it)".into())
            }
            Ok(()) => None,
        };
        match problem {
            Some(action) => {
                let names = names.get_or_init(|| Names::of(ws));
                let name = format!("{} → {}", names.name(l.from), names.name(l.to));
                list.push(Repair {
                    record: reference(RecordKind::Link, l.id, &name),
                    action,
                });
            }
            None => kept.push(l),
        }
    }
    ws.links = kept;
}

/// Two entities of one kind with one name (both sides added it) are told apart by a number.
fn entity_names(ws: &mut Workspace, list: &mut Vec<Repair>) {
    let mut order: Vec<usize> = (0..ws.entities.len()).collect();
    order.sort_by_key(|&i| ws.entities[i].id);
    let mut taken: HashSet<_> = HashSet::new();
    let mut clashes = Vec::new();
    for i in order {
        let e = &ws.entities[i];
        if !taken.insert((e.kind, e.name.to_lowercase())) {
            clashes.push(i);
        }
    }
    for i in clashes {
        let e = &ws.entities[i];
        let name = (2..)
            .map(|n| format!("{} ({n})", e.name))
            .find(|n| !taken.contains(&(e.kind, n.to_lowercase())))
            .unwrap_or_default();
        taken.insert((e.kind, name.to_lowercase()));
        list.push(Repair {
            record: reference(RecordKind::Entity, e.id, &e.name),
            action: format!(
                "renamed to '{name}': another {} has its name",
                format!("{:?}", e.kind).to_lowercase()
            ),
        });
        ws.entities[i].name = name;
    }
}
