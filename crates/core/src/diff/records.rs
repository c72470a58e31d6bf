//! The comparison itself: each kind of record matched by id between the two versions.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::values::{changed_fields, fields, show, Fields, Names};
use super::{
    CardDiff, CardPlace, Change, EntityDiff, FieldChange, HeadingDiff, JourneyDiff, LinkDiff,
    WorkspaceDiff,
};
use crate::{Id, Journey, Link, Step, Workspace};

/// Everything that differs between `old` and `new`.
pub fn diff(old: &Workspace, new: &Workspace) -> WorkspaceDiff {
    compare(old, new, None)
}

/// What differs in one journey (by id) and in the flows and links of its cards; entities and links
/// between entities are left out.
pub fn diff_journey(old: &Workspace, new: &Workspace, journey: Id) -> WorkspaceDiff {
    compare(old, new, Some(journey))
}

/// The two versions being compared, with their names for showing values.
struct Sides<'a> {
    old: &'a Workspace,
    new: &'a Workspace,
    old_names: Names,
    new_names: Names,
}

impl Sides<'_> {
    /// The changes between two records' fields, `id` left out.
    fn field_changes(&self, old: &Fields, new: &Fields) -> Vec<FieldChange> {
        changed_fields(old, new)
            .into_iter()
            .filter(|f| *f != "id")
            .map(|f| {
                let old_value = old.get(f).cloned().unwrap_or_default();
                let new_value = new.get(f).cloned().unwrap_or_default();
                FieldChange {
                    field: f.to_owned(),
                    old: show(f, &old_value, &self.old_names),
                    new: show(f, &new_value, &self.new_names),
                    old_value,
                    new_value,
                }
            })
            .collect()
    }
}

fn compare(old: &Workspace, new: &Workspace, only: Option<Id>) -> WorkspaceDiff {
    let sides = Sides {
        old,
        new,
        old_names: Names::of(old),
        new_names: Names::of(new),
    };
    let wanted = |id: Id| only.is_none_or(|o| o == id);
    let old_journeys: HashMap<Id, &Journey> = old.journeys.iter().map(|j| (j.id, j)).collect();
    let new_ids: HashSet<Id> = new.journeys.iter().map(|j| j.id).collect();
    let unrelated = !old.journeys.is_empty()
        && !new.journeys.is_empty()
        && !old.journeys.iter().any(|j| new_ids.contains(&j.id));

    let mut journeys = Vec::new();
    for j in sorted_journeys(new).into_iter().filter(|j| wanted(j.id)) {
        match old_journeys.get(&j.id) {
            None => journeys.push(whole_journey(j, Change::Added)),
            Some(o) => journeys.push(journey(&sides, o, j)),
        }
    }
    for o in sorted_journeys(old) {
        if wanted(o.id) && !new_ids.contains(&o.id) {
            journeys.push(whole_journey(o, Change::Removed));
        }
    }

    let old_home = card_journeys(old);
    let new_home = card_journeys(new);
    let mut entity_links = Vec::new();
    for link in links(&sides, &old.links, &new.links) {
        let home = if link.change == Change::Removed {
            old_home.get(&link.from)
        } else {
            new_home.get(&link.from)
        };
        match home {
            Some(j) => {
                if let Some(diff) = journeys.iter_mut().find(|d| d.id == *j) {
                    if diff.change == Change::Changed {
                        diff.links.push(link);
                    }
                }
            }
            None => entity_links.push(link),
        }
    }
    journeys.retain(|j| {
        j.change != Change::Changed
            || !(j.fields.is_empty()
                && j.stages.is_empty()
                && j.lanes.is_empty()
                && j.cards.is_empty()
                && j.links.is_empty())
    });
    let (entities, links) = if only.is_some() {
        (Vec::new(), Vec::new())
    } else {
        (entities(&sides), entity_links)
    };
    WorkspaceDiff {
        journeys,
        entities,
        links,
        unrelated,
    }
}

fn sorted_journeys(ws: &Workspace) -> Vec<&Journey> {
    let mut list: Vec<&Journey> = ws.journeys.iter().collect();
    list.sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    list
}

/// Card id → the journey it is in.
fn card_journeys(ws: &Workspace) -> HashMap<Id, Id> {
    ws.journeys
        .iter()
        .flat_map(|j| j.steps.iter().map(move |s| (s.id, j.id)))
        .collect()
}

fn whole_journey(j: &Journey, change: Change) -> JourneyDiff {
    JourneyDiff {
        id: j.id,
        change,
        name: j.name.clone(),
        fields: Vec::new(),
        stages: Vec::new(),
        lanes: Vec::new(),
        cards: Vec::new(),
        links: Vec::new(),
        card_count: j.steps.len(),
    }
}

/// A journey's own fields, without its stages, lanes and cards.
#[derive(Serialize)]
struct Head<'a> {
    name: &'a str,
    persona: &'a str,
    description: &'a str,
    position: f64,
}

fn head(j: &Journey) -> Fields {
    fields(&Head {
        name: &j.name,
        persona: &j.persona,
        description: &j.description,
        position: j.position,
    })
}

fn journey(sides: &Sides, old: &Journey, new: &Journey) -> JourneyDiff {
    JourneyDiff {
        id: new.id,
        change: Change::Changed,
        name: new.name.clone(),
        fields: sides.field_changes(&head(old), &head(new)),
        stages: headings(sides, &old.stages, &new.stages, |s| {
            (s.id, &s.name, s.position)
        }),
        lanes: headings(sides, &old.lanes, &new.lanes, |l| {
            (l.id, &l.name, l.position)
        }),
        cards: cards(sides, old, new),
        links: Vec::new(),
        card_count: new.steps.len(),
    }
}

/// Stages or lanes compared: added, removed, renamed, reordered among those both versions have. A
/// heading whose position changed without changing its order is not listed.
fn headings<'a, T: Serialize + PartialEq>(
    sides: &Sides,
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&T) -> (Id, &String, f64),
) -> Vec<HeadingDiff> {
    let in_order = |list: &'a [T]| -> Vec<&'a T> {
        let mut v: Vec<&T> = list.iter().collect();
        v.sort_by(|a, b| {
            let (ia, _, pa) = key(a);
            let (ib, _, pb) = key(b);
            pa.total_cmp(&pb).then(ia.cmp(&ib))
        });
        v
    };
    let (old, new) = (in_order(old), in_order(new));
    let old_by_id: HashMap<Id, &T> = old.iter().map(|h| (key(h).0, *h)).collect();
    let new_ids: HashSet<Id> = new.iter().map(|h| key(h).0).collect();
    let rank = |list: &[&T]| -> HashMap<Id, usize> {
        list.iter()
            .map(|h| key(h).0)
            .filter(|id| old_by_id.contains_key(id) && new_ids.contains(id))
            .enumerate()
            .map(|(i, id)| (id, i))
            .collect()
    };
    let (old_rank, new_rank) = (rank(&old), rank(&new));
    let mut out = Vec::new();
    for h in &new {
        let (id, name, _) = key(h);
        let Some(o) = old_by_id.get(&id) else {
            out.push(HeadingDiff {
                id,
                change: Change::Added,
                name: name.clone(),
                renamed_from: None,
                reordered: false,
                fields: Vec::new(),
            });
            continue;
        };
        if *o == *h {
            continue;
        }
        let reordered = old_rank.get(&id) != new_rank.get(&id);
        let fields: Vec<FieldChange> = sides
            .field_changes(&fields(*o), &fields(*h))
            .into_iter()
            .filter(|f| reordered || f.field != "position")
            .collect();
        if fields.is_empty() {
            continue;
        }
        let old_name = key(o).1;
        out.push(HeadingDiff {
            id,
            change: Change::Changed,
            name: name.clone(),
            renamed_from: (old_name != name).then(|| old_name.clone()),
            reordered,
            fields,
        });
    }
    for o in &old {
        let (id, name, _) = key(o);
        if !new_ids.contains(&id) {
            out.push(HeadingDiff {
                id,
                change: Change::Removed,
                name: name.clone(),
                renamed_from: None,
                reordered: false,
                fields: Vec::new(),
            });
        }
    }
    out
}

fn place(names: &Names, step: &Step) -> CardPlace {
    CardPlace {
        lane: step.lane,
        lane_name: names.name(step.lane),
        stage: step.stage,
        stage_name: names.name(step.stage),
        position: step.position,
    }
}

/// Cards compared, in blueprint order: by stage, lane and position in the version they are in.
fn cards(sides: &Sides, old: &Journey, new: &Journey) -> Vec<CardDiff> {
    let old_steps: HashMap<Id, &Step> = old.steps.iter().map(|s| (s.id, s)).collect();
    let new_ids: HashSet<Id> = new.steps.iter().map(|s| s.id).collect();
    let mut out: Vec<(SortKey, CardDiff)> = Vec::new();
    let new_order = Order::of(new);
    let old_order = Order::of(old);
    for s in &new.steps {
        let at = place(&sides.new_names, s);
        let diff = match old_steps.get(&s.id) {
            None => CardDiff {
                id: s.id,
                change: Change::Added,
                text: s.text.clone(),
                place: at,
                moved_from: None,
                fields: Vec::new(),
            },
            Some(o) if **o == *s => continue,
            Some(o) => CardDiff {
                id: s.id,
                change: Change::Changed,
                text: s.text.clone(),
                place: at,
                moved_from: (o.lane != s.lane || o.stage != s.stage)
                    .then(|| place(&sides.old_names, o)),
                fields: sides.field_changes(&fields(*o), &fields(s)),
            },
        };
        out.push((new_order.key(s), diff));
    }
    for o in &old.steps {
        if !new_ids.contains(&o.id) {
            out.push((
                old_order.key(o),
                CardDiff {
                    id: o.id,
                    change: Change::Removed,
                    text: o.text.clone(),
                    place: place(&sides.old_names, o),
                    moved_from: None,
                    fields: Vec::new(),
                },
            ));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.into_iter().map(|(_, d)| d).collect()
}

type SortKey = (usize, usize, OrderedPosition, Id);

/// A position that sorts (positions are finite in a valid workspace).
struct OrderedPosition(f64);

impl PartialEq for OrderedPosition {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for OrderedPosition {}

impl PartialOrd for OrderedPosition {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrderedPosition {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// The column and row index of each stage and lane of a journey.
struct Order(HashMap<Id, usize>);

impl Order {
    fn of(j: &Journey) -> Order {
        let mut stages: Vec<_> = j.stages.iter().map(|s| (s.position, s.id)).collect();
        let mut lanes: Vec<_> = j.lanes.iter().map(|l| (l.position, l.id)).collect();
        stages.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        lanes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        Order(
            stages
                .iter()
                .enumerate()
                .chain(lanes.iter().enumerate())
                .map(|(i, (_, id))| (*id, i))
                .collect(),
        )
    }

    fn key(&self, s: &Step) -> SortKey {
        let at = |id| self.0.get(&id).copied().unwrap_or(usize::MAX);
        (at(s.stage), at(s.lane), OrderedPosition(s.position), s.id)
    }
}

fn entities(sides: &Sides) -> Vec<EntityDiff> {
    let old: HashMap<Id, _> = sides.old.entities.iter().map(|e| (e.id, e)).collect();
    let new_ids: HashSet<Id> = sides.new.entities.iter().map(|e| e.id).collect();
    let mut out = Vec::new();
    let mut new_list: Vec<_> = sides.new.entities.iter().collect();
    new_list.sort_by_key(|e| (e.kind, e.name.to_lowercase(), e.id));
    for e in new_list {
        match old.get(&e.id) {
            None => out.push(EntityDiff {
                id: e.id,
                change: Change::Added,
                kind: e.kind,
                name: e.name.clone(),
                fields: Vec::new(),
            }),
            Some(o) if **o == *e => {}
            Some(o) => out.push(EntityDiff {
                id: e.id,
                change: Change::Changed,
                kind: e.kind,
                name: e.name.clone(),
                fields: sides.field_changes(&fields(*o), &fields(e)),
            }),
        }
    }
    let mut removed: Vec<_> = sides
        .old
        .entities
        .iter()
        .filter(|e| !new_ids.contains(&e.id))
        .collect();
    removed.sort_by_key(|e| (e.kind, e.name.to_lowercase(), e.id));
    out.extend(removed.into_iter().map(|e| EntityDiff {
        id: e.id,
        change: Change::Removed,
        kind: e.kind,
        name: e.name.clone(),
        fields: Vec::new(),
    }));
    out
}

fn links(sides: &Sides, old: &[Link], new: &[Link]) -> Vec<LinkDiff> {
    let old_by_id: HashMap<Id, &Link> = old.iter().map(|l| (l.id, l)).collect();
    let new_ids: HashSet<Id> = new.iter().map(|l| l.id).collect();
    let entry = |l: &Link, change: Change, names: &Names, fields: Vec<FieldChange>| LinkDiff {
        id: l.id,
        change,
        kind: l.kind,
        from: l.from,
        from_name: names.name(l.from),
        to: l.to,
        to_name: names.name(l.to),
        fields,
    };
    let mut out = Vec::new();
    for l in new {
        match old_by_id.get(&l.id) {
            None => out.push(entry(l, Change::Added, &sides.new_names, Vec::new())),
            Some(o) if **o == *l => {}
            Some(o) => out.push(entry(
                l,
                Change::Changed,
                &sides.new_names,
                sides.field_changes(&fields(*o), &fields(l)),
            )),
        }
    }
    for l in old {
        if !new_ids.contains(&l.id) {
            out.push(entry(l, Change::Removed, &sides.old_names, Vec::new()));
        }
    }
    out.sort_by_key(|l| (l.change == Change::Removed, l.id));
    out
}
