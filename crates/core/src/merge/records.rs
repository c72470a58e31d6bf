//! The record-by-record, field-by-field merge, before any repair.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::tables::{head, journey, Table, Tables};
use super::{Conflict, ConflictKind, Merged, RecordKind, RecordRef, Repair};
use crate::diff::{fields, show, Fields, Names};
use crate::{Id, Journey, Link, LinkKind, Workspace};

/// The key under which a record's journey takes part in the field merge.
const JOURNEY: &str = "journey";

/// Merges every table of the three versions and assembles the workspace. A journey that ours (or
/// theirs) deleted while the other side changed something in it is kept whole, as the other side has
/// it.
pub fn merge_records(base: &Workspace, ours: &Workspace, theirs: &Workspace) -> Merged {
    let mut conflicts = Vec::new();
    let mut ours = ours.clone();
    let mut theirs = theirs.clone();
    keep_edited_journeys(
        base,
        &mut ours,
        &theirs,
        ConflictKind::DeletedByOurs,
        &mut conflicts,
    );
    keep_edited_journeys(
        base,
        &mut theirs,
        &ours,
        ConflictKind::DeletedByTheirs,
        &mut conflicts,
    );
    let mut m = Merger {
        names: [Names::of(&ours), Names::of(&theirs)],
        conflicts,
    };
    let (b, o, t) = (Tables::of(base), Tables::of(&ours), Tables::of(&theirs));
    let heads = m.table(RecordKind::Journey, &b.heads, &o.heads, &t.heads, |h, _| {
        h.name.clone()
    });
    let stages = m.table(
        RecordKind::Stage,
        &b.stages,
        &o.stages,
        &t.stages,
        |s, _| s.name.clone(),
    );
    let lanes = m.table(RecordKind::Lane, &b.lanes, &o.lanes, &t.lanes, |l, _| {
        l.name.clone()
    });
    let steps = m.table(RecordKind::Card, &b.steps, &o.steps, &t.steps, |s, _| {
        s.text.clone()
    });
    let entities = m.table(
        RecordKind::Entity,
        &b.entities,
        &o.entities,
        &t.entities,
        |e, _| e.name.clone(),
    );
    let links = m.table(RecordKind::Link, &b.links, &o.links, &t.links, link_name);
    let personas = m.table(
        RecordKind::Persona,
        &b.personas,
        &o.personas,
        &t.personas,
        |p, _| p.name.clone(),
    );
    let comments = m.table(
        RecordKind::Comment,
        &b.comments,
        &o.comments,
        &t.comments,
        |c, _| c.text.chars().take(40).collect(),
    );
    let opportunities = m.table(
        RecordKind::Opportunity,
        &b.opportunities,
        &o.opportunities,
        &t.opportunities,
        |o, _| o.title.clone(),
    );

    let mut repairs = Vec::new();
    let mut journeys: BTreeMap<Id, Journey> = heads
        .into_values()
        .map(|(_, h)| (h.id, journey(h)))
        .collect();
    let sources = [base, &ours, &theirs];
    let parents = stages
        .values()
        .map(|(p, _)| *p)
        .chain(lanes.values().map(|(p, _)| *p))
        .chain(steps.values().map(|(p, _)| *p));
    for id in parents.collect::<BTreeSet<Id>>() {
        if journeys.contains_key(&id) {
            continue;
        }
        if let Some(found) = sources.iter().find_map(|ws| ws.journey(id)) {
            repairs.push(Repair {
                record: RecordRef {
                    kind: RecordKind::Journey,
                    id,
                    name: found.name.clone(),
                },
                action: "restored: the other side added or moved something into it".into(),
            });
            journeys.insert(id, journey(head(found)));
        }
    }
    for (parent, s) in stages.into_values() {
        if let Some(j) = journeys.get_mut(&parent) {
            j.stages.push(s);
        }
    }
    for (parent, l) in lanes.into_values() {
        if let Some(j) = journeys.get_mut(&parent) {
            j.lanes.push(l);
        }
    }
    for (parent, s) in steps.into_values() {
        if let Some(j) = journeys.get_mut(&parent) {
            j.steps.push(s);
        }
    }
    // A comment whose journey is gone goes with it, as deleting the journey took its comments.
    for (parent, c) in comments.into_values() {
        if let Some(j) = journeys.get_mut(&parent) {
            j.comments.push(c);
        }
    }
    for (parent, o) in opportunities.into_values() {
        if let Some(j) = journeys.get_mut(&parent) {
            j.opportunities.push(o);
        }
    }
    for j in journeys.values_mut() {
        crate::comment::sort(&mut j.comments);
    }
    Merged {
        workspace: Workspace {
            journeys: journeys.into_values().collect(),
            entities: entities.into_values().map(|(_, e)| e).collect(),
            links: links.into_values().map(|(_, l)| l).collect(),
            personas: personas.into_values().map(|(_, p)| p).collect(),
        },
        conflicts: m.conflicts,
        repairs,
    }
}

fn link_name(l: &Link, names: &Names) -> String {
    let relation = match l.kind {
        LinkKind::Flow => "→",
        LinkKind::PerformedBy => "performed by",
        LinkKind::Uses => "uses",
        LinkKind::PartOf => "part of",
        LinkKind::DependsOn => "depends on",
        LinkKind::MemberOf => "member of",
    };
    format!("{} {relation} {}", names.name(l.from), names.name(l.to))
}

/// Puts back, into the side that deleted it, a journey the other side changed, with the links from
/// its cards, and lists the conflict.
fn keep_edited_journeys(
    base: &Workspace,
    deleter: &mut Workspace,
    editor: &Workspace,
    kind: ConflictKind,
    conflicts: &mut Vec<Conflict>,
) {
    for was in &base.journeys {
        if deleter.journey(was.id).is_some() {
            continue;
        }
        let Some(edited) = editor.journey(was.id).filter(|e| *e != was) else {
            continue;
        };
        let cards: HashSet<Id> = edited.steps.iter().map(|s| s.id).collect();
        let there: HashSet<Id> = deleter.links.iter().map(|l| l.id).collect();
        let links: Vec<Link> = editor
            .links
            .iter()
            .filter(|l| cards.contains(&l.from) && !there.contains(&l.id))
            .cloned()
            .collect();
        deleter.journeys.push(edited.clone());
        deleter.links.extend(links);
        conflicts.push(deletion(RecordKind::Journey, was.id, &edited.name, kind));
    }
}

fn deletion(kind: RecordKind, id: Id, name: &str, how: ConflictKind) -> Conflict {
    let (ours, theirs) = match how {
        ConflictKind::DeletedByOurs => ("deleted", "edited"),
        _ => ("edited", "deleted"),
    };
    Conflict {
        record: RecordRef {
            kind,
            id,
            name: name.to_owned(),
        },
        field: None,
        kind: how,
        ours: ours.into(),
        theirs: theirs.into(),
    }
}

/// The merge of all tables, collecting conflicts.
struct Merger {
    /// The names in ours and in theirs, to show conflicting values.
    names: [Names; 2],
    conflicts: Vec<Conflict>,
}

impl Merger {
    /// Merges one table: a record changed on one side takes that side's version, one changed on both
    /// is merged field by field, one deleted on a side that did not otherwise change it is deleted.
    fn table<T: Clone + PartialEq + Serialize + DeserializeOwned>(
        &mut self,
        kind: RecordKind,
        base: &Table<T>,
        ours: &Table<T>,
        theirs: &Table<T>,
        name: impl Fn(&T, &Names) -> String,
    ) -> Table<T> {
        let ids: BTreeSet<Id> = base
            .keys()
            .chain(ours.keys())
            .chain(theirs.keys())
            .copied()
            .collect();
        let mut out = Table::new();
        for id in ids {
            let kept = match (base.get(&id), ours.get(&id), theirs.get(&id)) {
                (_, Some(o), Some(t)) if o == t => Some(o.clone()),
                (Some(b), Some(o), Some(t)) if o == b => Some(t.clone()),
                (Some(b), Some(o), Some(t)) if t == b => Some(o.clone()),
                (b, Some(o), Some(t)) => Some(self.fields(kind, id, b, o, t, &name)),
                (None, Some(o), None) => Some(o.clone()),
                (None, None, Some(t)) => Some(t.clone()),
                (Some(b), Some(o), None) if o != b => {
                    let n = name(&o.1, &self.names[0]);
                    let c = deletion(kind, id, &n, ConflictKind::DeletedByTheirs);
                    self.conflicts.push(c);
                    Some(o.clone())
                }
                (Some(b), None, Some(t)) if t != b => {
                    let n = name(&t.1, &self.names[1]);
                    let c = deletion(kind, id, &n, ConflictKind::DeletedByOurs);
                    self.conflicts.push(c);
                    Some(t.clone())
                }
                _ => None,
            };
            if let Some(record) = kept {
                out.insert(id, record);
            }
        }
        out
    }

    /// One record changed on both sides: each field takes the side that changed it; a field both
    /// changed differently keeps ours and is listed.
    fn fields<T: Clone + Serialize + DeserializeOwned>(
        &mut self,
        kind: RecordKind,
        id: Id,
        base: Option<&(Id, T)>,
        ours: &(Id, T),
        theirs: &(Id, T),
        name: &impl Fn(&T, &Names) -> String,
    ) -> (Id, T) {
        let b = base.map(with_journey).unwrap_or_default();
        let (o, t) = (with_journey(ours), with_journey(theirs));
        let mut merged = Fields::new();
        let keys: BTreeSet<&String> = o.keys().chain(t.keys()).collect();
        for key in keys {
            let (vb, vo, vt) = (b.get(key), o.get(key), t.get(key));
            let value = if vo == vt || vt == vb {
                vo
            } else if vo == vb {
                vt
            } else {
                let shown = |v: Option<&Value>, names| show(key, v.unwrap_or(&Value::Null), names);
                self.conflicts.push(Conflict {
                    record: RecordRef {
                        kind,
                        id,
                        name: name(&ours.1, &self.names[0]),
                    },
                    field: Some(key.clone()),
                    kind: ConflictKind::BothChanged,
                    ours: shown(vo, &self.names[0]),
                    theirs: shown(vt, &self.names[1]),
                });
                vo
            };
            if let Some(v) = value {
                merged.insert(key.clone(), v.clone());
            }
        }
        let parent = merged
            .remove(JOURNEY)
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or(ours.0);
        // Every field holds a value one side had for it, so the record reads back.
        match serde_json::from_value(Value::Object(merged)) {
            Ok(record) => (parent, record),
            Err(_) => ours.clone(),
        }
    }
}

/// A record's fields with its journey among them.
fn with_journey<T: Serialize>(record: &(Id, T)) -> Fields {
    let mut f = fields(&record.1);
    f.insert(JOURNEY.into(), Value::String(record.0.to_string()));
    f
}
