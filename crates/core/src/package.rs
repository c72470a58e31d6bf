//! A journey packed to travel on its own: its stages, lanes and cards, the flows between its cards, its
//! cards' links to people, teams, systems and processes, and those entities. Exported pictures carry one,
//! so a picture given back to Throughline reopens as the journey it shows, in this workspace or another.
//!
//! Unpacking never trusts the package: it is checked like anything a user typed, gets fresh ids (so the
//! same picture can be imported twice), and becomes one [`Edit`], so an import is undone in one step.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::edit::Edit;
use crate::text::{clean_name, clean_text, MAX_NAME_CHARS};
use crate::{Entity, EntityKind, Id, Journey, Link, LinkKind, Workspace};

/// The package format this build writes. Bumped when a field changes meaning, so an older Throughline
/// refuses a newer package instead of misreading it.
pub const PACKAGE_VERSION: u32 = 1;

/// What the `format` field of every package says, so a stray JSON document is not taken for a journey.
pub const PACKAGE_FORMAT: &str = "throughline-journey";

/// Largest package accepted, in bytes of JSON: far above the biggest journey a workshop makes, small
/// enough that a hostile picture cannot make an import allocate without bound.
pub const MAX_PACKAGE_BYTES: usize = 64 << 20;

/// One journey with everything it refers to, as it travels inside an exported picture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JourneyPackage {
    /// Always [`PACKAGE_FORMAT`].
    pub format: String,
    /// The format version it was written in ([`PACKAGE_VERSION`] at the time).
    pub version: u32,
    /// The journey with its stages, lanes and cards (ids as in the workspace it came from).
    pub journey: Journey,
    /// Flows between its cards, links from its cards to entities, and the teams the people among
    /// those entities are members of (so hand-offs between teams show the same after an import).
    pub links: Vec<Link>,
    /// The entities those links and the cards' owners name; an entity's owner is kept only when it is
    /// in the package too.
    pub entities: Vec<Entity>,
}

/// Why a package could not be read or imported. Nothing has changed when this is returned.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum PackageError {
    /// The journey to pack is not in the workspace.
    #[error("that journey no longer exists")]
    NoJourney,
    /// Not JSON, or not a journey package.
    #[error("the embedded journey is damaged: {0}")]
    Malformed(String),
    /// Written by a newer Throughline.
    #[error("the embedded journey was written by a newer Throughline (format {0}); update Throughline to open it")]
    Newer(u32),
    /// Well-formed but inconsistent (a card in a missing lane, a link to nothing…).
    #[error("the embedded journey is inconsistent: {0}")]
    Inconsistent(String),
}

impl JourneyPackage {
    /// The package as compact JSON, the same bytes for the same journey.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a package always serialises")
    }

    /// Reads a package from JSON, refusing anything that is not one or is too new to read.
    pub fn from_json(json: &str) -> Result<Self, PackageError> {
        if json.len() > MAX_PACKAGE_BYTES {
            return Err(PackageError::Malformed(format!(
                "{} bytes is over the {MAX_PACKAGE_BYTES} byte limit",
                json.len()
            )));
        }
        // The header first, so a newer package is reported as newer rather than as damaged.
        #[derive(Deserialize)]
        struct Header {
            format: String,
            version: u32,
        }
        let header: Header =
            serde_json::from_str(json).map_err(|e| PackageError::Malformed(e.to_string()))?;
        if header.format != PACKAGE_FORMAT {
            return Err(PackageError::Malformed(format!(
                "it is a \"{}\" document, not a Throughline journey",
                header.format
            )));
        }
        if header.version > PACKAGE_VERSION {
            return Err(PackageError::Newer(header.version));
        }
        serde_json::from_str(json).map_err(|e| PackageError::Malformed(e.to_string()))
    }
}

/// Packs journey `journey_id` of `ws`. Positions are renumbered 0, 1, 2… (same order), ids and lists
/// sorted, so the same journey always gives the same package and exports stay byte-identical.
pub fn package(ws: &Workspace, journey_id: Id) -> Result<JourneyPackage, PackageError> {
    let mut journey = ws
        .journey(journey_id)
        .cloned()
        .ok_or(PackageError::NoJourney)?;
    journey.position = 0.0;
    journey.sort();
    for (i, s) in journey.stages.iter_mut().enumerate() {
        s.position = i as f64;
    }
    for (i, l) in journey.lanes.iter_mut().enumerate() {
        l.position = i as f64;
    }
    let mut in_cell: HashMap<(Id, Id), usize> = HashMap::new();
    for s in &mut journey.steps {
        let n = in_cell.entry((s.lane, s.stage)).or_default();
        s.position = *n as f64;
        *n += 1;
    }
    journey.steps.sort_by_key(|s| s.id);
    let steps: HashSet<Id> = journey.steps.iter().map(|s| s.id).collect();
    let mut links: Vec<Link> = ws
        .links
        .iter()
        .filter(|l| steps.contains(&l.from))
        .filter(|l| match l.kind {
            LinkKind::Flow => steps.contains(&l.to),
            _ => ws.entity(l.to).is_some(),
        })
        .cloned()
        .collect();
    let mut named: HashSet<Id> = links
        .iter()
        .filter(|l| l.kind != LinkKind::Flow)
        .map(|l| l.to)
        .chain(journey.steps.iter().filter_map(|s| s.owner))
        .collect();
    // A person's team decides which team a card's work belongs to, hence where the hand-offs are.
    let memberships: Vec<Link> = ws
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::MemberOf && named.contains(&l.from))
        .filter(|l| ws.entity(l.to).is_some())
        .cloned()
        .collect();
    named.extend(memberships.iter().map(|l| l.to));
    links.extend(memberships);
    links.sort_by_key(|l| l.id);
    let mut entities: Vec<Entity> = ws
        .entities
        .iter()
        .filter(|e| named.contains(&e.id))
        .cloned()
        .collect();
    for e in &mut entities {
        e.owner = e.owner.filter(|o| named.contains(o));
    }
    entities.sort_by_key(|e| e.id);
    for s in &mut journey.steps {
        s.owner = s
            .owner
            .filter(|o| named.contains(o) && ws.entity(*o).is_some());
    }
    Ok(JourneyPackage {
        format: PACKAGE_FORMAT.to_owned(),
        version: PACKAGE_VERSION,
        journey,
        links,
        entities,
    })
}

/// The edit that imports `pkg` into `ws` as a new journey with id `journey`: every stage, lane, card and
/// link gets a fresh id derived from `journey`; entities are matched to the workspace's by kind and name
/// (ignoring case) and created when missing; the journey is renamed "… (imported)" if its name is taken.
/// Owners and team memberships of entities come along only for entities the import creates: the
/// workspace's own entities keep their organisation as it is.
///
/// The edit is one batch of existing edits (create entities, link new people to their teams, then
/// restore the journey with its links), so applying it is all-or-nothing, it undoes in one step and the
/// store writes it like any other.
pub fn unpack(ws: &Workspace, pkg: &JourneyPackage, journey: Id) -> Result<Edit, PackageError> {
    if pkg.version > PACKAGE_VERSION {
        return Err(PackageError::Newer(pkg.version));
    }
    let bad = |m: String| Err(PackageError::Inconsistent(m));
    let j = &pkg.journey;
    let mut seen = HashSet::new();
    for id in std::iter::once(j.id)
        .chain(j.stages.iter().map(|s| s.id))
        .chain(j.lanes.iter().map(|l| l.id))
        .chain(j.steps.iter().map(|s| s.id))
        .chain(pkg.links.iter().map(|l| l.id))
        .chain(pkg.entities.iter().map(|e| e.id))
    {
        if !seen.insert(id) {
            return bad(format!("the id {id} is used twice"));
        }
    }
    let map = |old: Id| Id::derived(&journey.to_string(), &old.to_string());

    // Entities: the workspace's own when one of that kind has that name, otherwise new.
    let mut by_name: HashMap<(EntityKind, String), Id> = ws
        .entities
        .iter()
        .map(|e| ((e.kind, e.name.to_lowercase()), e.id))
        .collect();
    let mut entity_ids: HashMap<Id, Id> = HashMap::new();
    let mut created: Vec<Entity> = Vec::new();
    for e in &pkg.entities {
        let name = clean_name(&e.name);
        let key = (e.kind, name.to_lowercase());
        let id = *by_name.entry(key).or_insert_with(|| {
            let id = map(e.id);
            created.push(Entity {
                id,
                kind: e.kind,
                name: name.clone(),
                description: clean_text(&e.description),
                owner: e.owner,
            });
            id
        });
        entity_ids.insert(e.id, id);
    }
    let kinds: HashMap<Id, EntityKind> = pkg.entities.iter().map(|e| (e.id, e.kind)).collect();
    let existing: HashSet<Id> = ws.entities.iter().map(|e| e.id).collect();
    let mut edits = Vec::new();
    let mut owners = Vec::new();
    for e in &created {
        // An owner outside the package is dropped; one created by this import is set once it exists.
        let owner = e.owner.and_then(|o| entity_ids.get(&o).copied());
        let entity = Entity {
            owner: owner.filter(|o| existing.contains(o)),
            ..e.clone()
        };
        if let Some(o) = owner.filter(|o| !existing.contains(o)) {
            owners.push(Edit::UpdateEntity {
                entity: e.id,
                name: e.name.clone(),
                description: e.description.clone(),
                owner: Some(o),
            });
        }
        edits.push(Edit::CreateEntity { entity });
    }
    edits.extend(owners);

    // The journey under fresh ids, its texts cleaned as if typed.
    let mut new = j.clone();
    new.id = journey;
    new.name = unique_name(ws, &clean_name(&j.name));
    new.persona = clean_name(&j.persona);
    new.description = clean_text(&j.description);
    new.position = ws.journeys.iter().map(|j| j.position).fold(-1.0, f64::max) + 1.0;
    for s in &mut new.stages {
        s.id = map(s.id);
        s.name = clean_name(&s.name);
    }
    for l in &mut new.lanes {
        l.id = map(l.id);
        l.name = clean_name(&l.name);
    }
    for s in &mut new.steps {
        s.id = map(s.id);
        s.lane = map(s.lane);
        s.stage = map(s.stage);
        s.text = clean_text(&s.text);
        s.notes = clean_text(&s.notes);
        s.channel = s
            .channel
            .as_deref()
            .map(clean_name)
            .filter(|c| !c.is_empty());
        s.pain_point = s
            .pain_point
            .as_deref()
            .map(clean_text)
            .filter(|p| !p.trim().is_empty());
        for m in &mut s.metrics {
            m.name = clean_name(&m.name);
            m.unit = clean_name(&m.unit);
        }
        if let Some(owner) = s.owner {
            match kinds.get(&owner) {
                Some(k) if k.can_own() => s.owner = entity_ids.get(&owner).copied(),
                Some(k) => {
                    return bad(format!(
                        "card \"{}\" is owned by a {k:?}; only a person or a team can own",
                        s.text
                    ))
                }
                None => {
                    return bad(format!(
                        "card \"{}\" is owned by {owner}, which is not in the package",
                        s.text
                    ))
                }
            }
        }
    }
    new.sort();

    let steps: HashSet<Id> = j.steps.iter().map(|s| s.id).collect();
    let created_ids: HashSet<Id> = created.iter().map(|e| e.id).collect();
    let mut links = Vec::with_capacity(pkg.links.len());
    let mut memberships = Vec::new();
    let mut ends = HashSet::new();
    for l in &pkg.links {
        if l.kind == LinkKind::MemberOf {
            let (Some(from), Some(to)) = (entity_ids.get(&l.from), entity_ids.get(&l.to)) else {
                return bad(format!("link {} joins entities not in the package", l.id));
            };
            if created_ids.contains(from) && ends.insert((l.kind, *from, *to)) {
                memberships.push(Link {
                    id: map(l.id),
                    kind: l.kind,
                    from: *from,
                    to: *to,
                });
            }
            continue;
        }
        if !steps.contains(&l.from) {
            return bad(format!("link {} starts outside the journey", l.id));
        }
        let to = if l.kind == LinkKind::Flow {
            steps.contains(&l.to).then(|| map(l.to))
        } else {
            entity_ids.get(&l.to).copied()
        };
        let Some(to) = to else {
            return bad(format!(
                "link {} points to {}, which is not in the package",
                l.id, l.to
            ));
        };
        // Two package entities may have become one workspace entity: keep one of their links.
        if ends.insert((l.kind, l.from, to)) {
            links.push(Link {
                id: map(l.id),
                kind: l.kind,
                from: map(l.from),
                to,
            });
        }
    }
    if !memberships.is_empty() {
        edits.push(Edit::RestoreLinks { links: memberships });
    }
    edits.push(Edit::RestoreJourney {
        journey: Box::new(new),
        links,
    });
    Ok(Edit::Batch { edits })
}

/// `name`, or "name (imported)", "name (imported 2)"… when a journey of the workspace already has it
/// (ignoring case), kept within the name limit.
fn unique_name(ws: &Workspace, name: &str) -> String {
    let taken: HashSet<String> = ws.journeys.iter().map(|j| j.name.to_lowercase()).collect();
    let base = if name.is_empty() {
        "Imported journey"
    } else {
        name
    };
    let fit = |suffix: String| {
        let keep = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
        format!("{}{suffix}", base.chars().take(keep).collect::<String>())
    };
    let mut candidate = fit(String::new());
    let mut n = 1;
    while taken.contains(&candidate.to_lowercase()) {
        candidate = fit(if n == 1 {
            " (imported)".to_owned()
        } else {
            format!(" (imported {n})")
        });
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::sample::sample_workspace;
    use crate::validate_workspace;

    /// The journey as a person sees it: names, cells, card contents, flows and entity links by name.
    fn view(ws: &Workspace, id: Id) -> serde_json::Value {
        let j = ws.journey(id).unwrap();
        let stage = |s: Id| j.stages.iter().find(|x| x.id == s).unwrap().name.clone();
        let lane = |l: Id| j.lane(l).unwrap().name.clone();
        let entity = |e: Id| {
            let e = ws.entity(e).unwrap();
            format!("{:?} {}", e.kind, e.name)
        };
        let card = |s: Id| j.step(s).unwrap().text.clone();
        let mut steps = j.steps.clone();
        steps.sort_by(|a, b| {
            (lane(a.lane), stage(a.stage), a.position)
                .partial_cmp(&(lane(b.lane), stage(b.stage), b.position))
                .unwrap()
        });
        let mut links: Vec<String> = ws
            .links
            .iter()
            .filter(|l| j.step(l.from).is_some())
            .map(|l| match l.kind {
                LinkKind::Flow => format!("{} -> {}", card(l.from), card(l.to)),
                k => format!("{} {k:?} {}", card(l.from), entity(l.to)),
            })
            .collect();
        links.sort();
        serde_json::json!({
            "persona": j.persona,
            "description": j.description,
            "stages": j.stages.iter().map(|s| &s.name).collect::<Vec<_>>(),
            "lanes": j.lanes.iter().map(|l| (&l.name, l.kind)).collect::<Vec<_>>(),
            "steps": steps.iter().map(|s| serde_json::json!({
                "cell": (lane(s.lane), stage(s.stage)),
                "text": s.text, "channel": s.channel, "mot": s.moment_of_truth,
                "emotion": s.emotion, "pain": s.pain_point, "severity": s.pain_severity,
                "fail": s.fail_point, "wait": s.wait_point, "notes": s.notes,
                "metrics": s.metrics, "owner": s.owner.map(entity),
            })).collect::<Vec<_>>(),
            "links": links,
        })
    }

    fn richest(ws: &Workspace) -> Id {
        ws.journeys
            .iter()
            .max_by_key(|j| j.steps.iter().filter(|s| s.owner.is_some()).count())
            .unwrap()
            .id
    }

    #[test]
    fn a_package_reopens_as_the_same_journey_in_the_same_workspace() {
        let mut ws = sample_workspace().unwrap();
        let id = richest(&ws);
        let pkg = JourneyPackage::from_json(&package(&ws, id).unwrap().to_json()).unwrap();
        assert!(!pkg.entities.is_empty() && !pkg.links.is_empty());
        let entities = ws.entities.len();
        let new = Id::new();
        let edit = unpack(&ws, &pkg, new).unwrap();
        apply(&mut ws, &edit).unwrap();
        validate_workspace(&ws).unwrap();
        assert_eq!(ws.entities.len(), entities, "entities are matched by name");
        assert_eq!(view(&ws, new), view(&ws, id));
        let name = ws.journey(id).unwrap().name.clone();
        assert_eq!(ws.journey(new).unwrap().name, format!("{name} (imported)"));
        // A second import of the same picture gets its own ids and name.
        let again = Id::new();
        let edit = unpack(&ws, &pkg, again).unwrap();
        apply(&mut ws, &edit).unwrap();
        assert_eq!(
            ws.journey(again).unwrap().name,
            format!("{name} (imported 2)")
        );
        validate_workspace(&ws).unwrap();
    }

    #[test]
    fn a_package_brings_its_entities_into_an_empty_workspace_and_undoes_in_one_step() {
        let src = sample_workspace().unwrap();
        let id = richest(&src);
        let pkg = package(&src, id).unwrap();
        let mut ws = Workspace::default();
        let new = Id::new();
        let edit = unpack(&ws, &pkg, new).unwrap();
        let (_, inverse) = apply(&mut ws, &edit).unwrap();
        validate_workspace(&ws).unwrap();
        assert_eq!(ws.entities.len(), pkg.entities.len());
        assert_eq!(view(&ws, new), view(&src, id));
        assert_eq!(ws.journey(new).unwrap().name, src.journey(id).unwrap().name);
        let handoffs = |ws: &Workspace, j: Id| {
            crate::analysis::handoffs(&crate::graph::WorkspaceGraph::build(ws), Some(j)).len()
        };
        assert!(handoffs(&src, id) > 0);
        assert_eq!(
            handoffs(&ws, new),
            handoffs(&src, id),
            "people keep their teams"
        );
        apply(&mut ws, &inverse).unwrap();
        assert_eq!(ws, Workspace::default());
    }

    #[test]
    fn the_same_journey_packs_to_the_same_bytes() {
        let ws = sample_workspace().unwrap();
        let id = ws.journeys[0].id;
        let mut shuffled = ws.clone();
        shuffled.links.reverse();
        shuffled.entities.reverse();
        shuffled.journeys[0].steps.reverse();
        assert_eq!(
            package(&ws, id).unwrap().to_json(),
            package(&shuffled, id).unwrap().to_json()
        );
        assert_eq!(package(&ws, Id::new()), Err(PackageError::NoJourney));
    }

    #[test]
    fn damaged_or_foreign_packages_are_refused_with_a_reason() {
        let ws = sample_workspace().unwrap();
        let pkg = package(&ws, ws.journeys[0].id).unwrap();
        for (json, says) in [
            ("not json".to_owned(), "damaged"),
            (
                "{\"format\":\"other\",\"version\":1}".to_owned(),
                "not a Throughline",
            ),
            (
                pkg.to_json().replace("\"version\":1", "\"version\":99"),
                "newer Throughline",
            ),
            (pkg.to_json().replace("\"stages\"", "\"stagez\""), "damaged"),
        ] {
            let err = JourneyPackage::from_json(&json).unwrap_err();
            assert!(err.to_string().contains(says), "{err}");
        }
        let mut dangling = pkg.clone();
        dangling.journey.steps[0].lane = Id::new();
        let mut ws2 = ws.clone();
        let edit = unpack(&ws, &dangling, Id::new()).unwrap();
        assert!(apply(&mut ws2, &edit).is_err());
        assert_eq!(ws2, ws);
        let mut twice = pkg.clone();
        twice.journey.steps[1].id = twice.journey.steps[0].id;
        assert!(unpack(&ws, &twice, Id::new())
            .unwrap_err()
            .to_string()
            .contains("used twice"));
        let mut stray = pkg.clone();
        stray.links.push(Link {
            id: Id::new(),
            kind: LinkKind::Uses,
            from: stray.journey.steps[0].id,
            to: Id::new(),
        });
        assert!(unpack(&ws, &stray, Id::new())
            .unwrap_err()
            .to_string()
            .contains("not in the package"));
    }

    #[test]
    fn long_taken_names_stay_within_the_limit() {
        let mut ws = Workspace::default();
        let long = "x".repeat(MAX_NAME_CHARS);
        ws.journeys.push(Journey::from_template(&long, &["a"]));
        let name = unique_name(&ws, &long);
        assert!(name.ends_with(" (imported)"));
        assert_eq!(name.chars().count(), MAX_NAME_CHARS);
    }
}
