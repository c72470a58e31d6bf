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
use crate::{
    Comment, Entity, EntityKind, Id, Journey, Link, LinkKind, Opportunity, Persona, Step, Workspace,
};

/// The package format this build writes. Bumped when a field changes meaning, so an older Throughline
/// refuses a newer package instead of misreading it. Dependencies among entities added no field and
/// changed no meaning, so packages carrying them are still version 1 (a build that predates them refuses
/// such a package as inconsistent rather than misreading it).
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
    /// Flows between its cards, links from its cards to entities, and every dependency and team
    /// membership among the entities packed (so hand-offs between teams and "what depends on what"
    /// show the same after an import).
    pub links: Vec<Link>,
    /// The entities the cards' links and owners name, the teams of the people among them, and the
    /// owners of all of those (one step, not transitively); an entity's owner is kept only when it is
    /// in the package.
    pub entities: Vec<Entity>,
    /// The personas the journey is drawn for, in its order; left out when it has none, so packages
    /// without personas are written as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<Persona>,
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
    pack(ws, journey_id, None)
}

/// [`package`] of only the cards `steps` of the journey (with all its stages and lanes, so the cards'
/// places can be read back): the flows among those cards, their links and the entities they name.
/// This is the clipboard's rich form, so a copy carries exactly what an exported picture would.
pub fn package_steps(
    ws: &Workspace,
    journey_id: Id,
    steps: &HashSet<Id>,
) -> Result<JourneyPackage, PackageError> {
    pack(ws, journey_id, Some(steps))
}

fn pack(
    ws: &Workspace,
    journey_id: Id,
    only: Option<&HashSet<Id>>,
) -> Result<JourneyPackage, PackageError> {
    let mut journey = ws
        .journey(journey_id)
        .cloned()
        .ok_or(PackageError::NoJourney)?;
    if let Some(only) = only {
        journey.steps.retain(|s| only.contains(&s.id));
    }
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
        .filter(|e| ws.entity(*e).is_some())
        .collect();
    // A person's team decides which team a card's work belongs to, hence where the hand-offs are.
    let teams: Vec<Id> = ws
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::MemberOf && named.contains(&l.from))
        .filter(|l| ws.entity(l.to).is_some())
        .map(|l| l.to)
        .collect();
    named.extend(teams);
    // Owners of those entities, one step only: an owner's own owner or team comes along only when the
    // journey names it anyway, so a package never pulls in the whole organisation chart.
    let owners: Vec<Id> = ws
        .entities
        .iter()
        .filter(|e| named.contains(&e.id))
        .filter_map(|e| e.owner)
        .filter(|o| ws.entity(*o).is_some())
        .collect();
    named.extend(owners);
    // Every dependency and membership among the entities packed, so "what depends on what" travels.
    links.extend(
        ws.links
            .iter()
            .filter(|l| matches!(l.kind, LinkKind::DependsOn | LinkKind::MemberOf))
            .filter(|l| named.contains(&l.from) && named.contains(&l.to))
            .cloned(),
    );
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
    let personas = journey
        .personas
        .iter()
        .filter_map(|p| ws.persona(*p).cloned())
        .collect();
    Ok(JourneyPackage {
        format: PACKAGE_FORMAT.to_owned(),
        version: PACKAGE_VERSION,
        journey,
        links,
        entities,
        personas,
    })
}

/// The edit that imports `pkg` into `ws` as a new journey with id `journey`: every stage, lane, card and
/// link gets a fresh id derived from `journey`; entities are matched to the workspace's by kind and name
/// (ignoring case) and created when missing; the journey is renamed "… (imported)" if its name is taken.
/// Dependencies and team memberships among the package's entities are recreated between the matched
/// entities, unless the workspace has that link already; a dependency that would join an entity to
/// itself after matching is dropped (circles are allowed, as in the model). Owners come along only
/// for entities the import creates: an existing entity keeps its one accountable owner.
///
/// The edit is one batch of existing edits (create entities, link new people to their teams, then
/// restore the journey with its links), so applying it is all-or-nothing, it undoes in one step and the
/// store writes it like any other.
pub fn unpack(ws: &Workspace, pkg: &JourneyPackage, journey: Id) -> Result<Edit, PackageError> {
    if pkg.version > PACKAGE_VERSION {
        return Err(PackageError::Newer(pkg.version));
    }
    check_ids(pkg)?;
    let map = |old: Id| Id::derived(&journey.to_string(), &old.to_string());
    let mut matched = match_entities(ws, pkg, &map, false);
    let mut edits = std::mem::take(&mut matched.edits);

    // The journey under fresh ids, its texts cleaned as if typed.
    let j = &pkg.journey;
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
    let personas = match_personas(ws, pkg, &map, &mut edits);
    new.personas = j
        .personas
        .iter()
        .filter_map(|p| personas.get(p).copied())
        .collect();
    for s in &mut new.steps {
        s.id = map(s.id);
        s.lane = map(s.lane);
        s.stage = map(s.stage);
        clean_step(s, &matched)?;
        for score in &mut s.scores {
            score.persona = *personas.get(&score.persona).ok_or_else(|| {
                PackageError::Inconsistent(format!(
                    "card \"{}\" scores persona {}, which the package does not carry",
                    s.text, score.persona
                ))
            })?;
        }
    }
    // Comments come along under fresh ids, still on the journey, stage or card they were about.
    for c in &mut new.comments {
        let target = if c.target == j.id {
            journey
        } else {
            map(c.target)
        };
        *c = crate::comment::clean(Comment {
            id: map(c.id),
            target,
            ..c.clone()
        });
    }
    // Opportunities too, owned by the matched person or team, on the same cards.
    for o in &mut new.opportunities {
        let owner = o.owner.and_then(|e| {
            matched
                .kinds
                .get(&e)
                .filter(|k| k.can_own())
                .and(matched.ids.get(&e).copied())
        });
        *o = crate::opportunity::clean(Opportunity {
            id: map(o.id),
            owner,
            addresses: o.addresses.iter().map(|c| map(*c)).collect(),
            ..o.clone()
        });
    }
    new.sort();

    let (among_entities, links) = map_links(ws, pkg, &matched, &map)?;
    if !among_entities.is_empty() {
        edits.push(Edit::RestoreLinks {
            links: among_entities,
        });
    }
    edits.push(Edit::RestoreJourney {
        journey: Box::new(new),
        links,
    });
    Ok(Edit::Batch { edits })
}

/// Matches the package's personas to the workspace's by name (ignoring case), adding to `edits` the
/// creation of those it lacks under ids derived with `map`; answers package id → workspace id.
fn match_personas(
    ws: &Workspace,
    pkg: &JourneyPackage,
    map: &impl Fn(Id) -> Id,
    edits: &mut Vec<Edit>,
) -> HashMap<Id, Id> {
    let mut ids = HashMap::new();
    for p in &pkg.personas {
        let name = clean_name(&p.name).to_lowercase();
        let found = ws
            .personas
            .iter()
            .find(|w| w.name.to_lowercase() == name)
            .map(|w| w.id);
        let id = found.unwrap_or_else(|| {
            let id = map(p.id);
            edits.push(Edit::CreatePersona {
                persona: Persona { id, ..p.clone() },
            });
            id
        });
        ids.insert(p.id, id);
    }
    ids
}

/// Refuses a package that uses one id for two records, which would make its links ambiguous.
pub(crate) fn check_ids(pkg: &JourneyPackage) -> Result<(), PackageError> {
    let j = &pkg.journey;
    let mut seen = HashSet::new();
    for id in std::iter::once(j.id)
        .chain(j.stages.iter().map(|s| s.id))
        .chain(j.lanes.iter().map(|l| l.id))
        .chain(j.steps.iter().map(|s| s.id))
        .chain(pkg.links.iter().map(|l| l.id))
        .chain(pkg.entities.iter().map(|e| e.id))
        .chain(pkg.personas.iter().map(|p| p.id))
        .chain(j.comments.iter().map(|c| c.id))
        .chain(j.opportunities.iter().map(|o| o.id))
    {
        if !seen.insert(id) {
            return Err(PackageError::Inconsistent(format!(
                "the id {id} is used twice"
            )));
        }
    }
    Ok(())
}

/// A package's entities as the workspace will know them.
pub(crate) struct Matched {
    /// The edits creating the entities the workspace lacks, then setting the owners among them.
    pub(crate) edits: Vec<Edit>,
    /// Package entity id → workspace entity id.
    pub(crate) ids: HashMap<Id, Id>,
    /// Package entity id → its kind.
    pub(crate) kinds: HashMap<Id, EntityKind>,
}

/// Matches the package's entities to the workspace's, by id first when `by_id` (a copy pasted in the
/// workspace it came from), then by kind and name (ignoring case); the rest are created under
/// `map`ped ids. Owners come along only for entities created here: an existing entity keeps its one
/// accountable owner.
pub(crate) fn match_entities(
    ws: &Workspace,
    pkg: &JourneyPackage,
    map: &dyn Fn(Id) -> Id,
    by_id: bool,
) -> Matched {
    let mut by_name: HashMap<(EntityKind, String), Id> = ws
        .entities
        .iter()
        .map(|e| ((e.kind, e.name.to_lowercase()), e.id))
        .collect();
    let mut entity_ids: HashMap<Id, Id> = HashMap::new();
    let mut created: Vec<Entity> = Vec::new();
    for e in &pkg.entities {
        if by_id && ws.entity(e.id).is_some_and(|w| w.kind == e.kind) {
            entity_ids.insert(e.id, e.id);
            continue;
        }
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
    Matched {
        edits,
        ids: entity_ids,
        kinds,
    }
}

/// Cleans a packed card's texts as if typed and points its owner at the matched entity.
pub(crate) fn clean_step(s: &mut Step, matched: &Matched) -> Result<(), PackageError> {
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
    s.evidence = std::mem::take(&mut s.evidence)
        .into_iter()
        .map(crate::evidence::clean)
        .collect();
    if let Some(owner) = s.owner {
        match matched.kinds.get(&owner) {
            Some(k) if k.can_own() => s.owner = matched.ids.get(&owner).copied(),
            Some(k) => {
                return Err(PackageError::Inconsistent(format!(
                    "card \"{}\" is owned by a {k:?}; only a person or a team can own",
                    s.text
                )))
            }
            None => {
                return Err(PackageError::Inconsistent(format!(
                    "card \"{}\" is owned by {owner}, which is not in the package",
                    s.text
                )))
            }
        }
    }
    Ok(())
}

/// The package's links under the workspace's ids: first those among entities the workspace lacks
/// (a dependency that would join an entity to itself after matching is dropped), then those from the
/// package's cards (flows among them, ties to entities), card ends `map`ped.
pub(crate) fn map_links(
    ws: &Workspace,
    pkg: &JourneyPackage,
    matched: &Matched,
    map: &dyn Fn(Id) -> Id,
) -> Result<(Vec<Link>, Vec<Link>), PackageError> {
    let bad = |m: String| Err(PackageError::Inconsistent(m));
    let steps: HashSet<Id> = pkg.journey.steps.iter().map(|s| s.id).collect();
    let in_workspace: HashSet<(LinkKind, Id, Id)> =
        ws.links.iter().map(|l| (l.kind, l.from, l.to)).collect();
    let mut links = Vec::with_capacity(pkg.links.len());
    let mut among_entities = Vec::new();
    let mut ends = HashSet::new();
    for l in &pkg.links {
        if matches!(l.kind, LinkKind::MemberOf | LinkKind::DependsOn) {
            let (Some(&from), Some(&to)) = (matched.ids.get(&l.from), matched.ids.get(&l.to))
            else {
                return bad(format!("link {} joins entities not in the package", l.id));
            };
            // Two package entities matched to one workspace entity would depend on themselves.
            let self_loop = l.kind == LinkKind::DependsOn && from == to;
            if !self_loop
                && !in_workspace.contains(&(l.kind, from, to))
                && ends.insert((l.kind, from, to))
            {
                among_entities.push(Link {
                    id: map(l.id),
                    kind: l.kind,
                    from,
                    to,
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
            matched.ids.get(&l.to).copied()
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
    Ok((among_entities, links))
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
    fn comments_evidence_and_opportunities_travel_under_fresh_ids_on_the_same_cards() {
        let mut ws = sample_workspace().unwrap();
        let id = richest(&ws);
        let j = ws.journey(id).unwrap();
        let (card, text) = (j.steps[0].id, j.steps[0].text.clone());
        let guess = j.steps[1].id;
        let mut backed = crate::edit::StepDetails::of(&j.steps[0]);
        backed.evidence.push(crate::Insight {
            text: "Callers wait 9 minutes\u{FFFF}".into(),
            source: crate::EvidenceSource::Analytics,
            date: Some("2026-02-01".into()),
            reference: "ivr.csv".into(),
        });
        let mut guessed = crate::edit::StepDetails::of(&j.steps[1]);
        guessed.evidence.clear();
        guessed.assumption = true;
        for (step, details) in [(card, backed), (guess, guessed)] {
            apply(&mut ws, &Edit::SetStepDetails { step, details }).unwrap();
        }
        let team = ws
            .entities
            .iter()
            .find(|e| e.kind == crate::EntityKind::Team)
            .unwrap()
            .id;
        let plan = crate::Opportunity {
            id: Id::new(),
            title: "Call back within the hour".into(),
            description: String::new(),
            owner: Some(team),
            status: crate::OpportunityStatus::Planned,
            value: 4,
            effort: 2,
            addresses: vec![card],
        };
        apply(
            &mut ws,
            &Edit::PutOpportunity {
                journey: id,
                opportunity: plan.clone(),
            },
        )
        .unwrap();
        let comment = |target, text: &str| crate::Comment {
            id: Id::new(),
            target,
            author: "Ana".into(),
            at: 1_767_225_600_000,
            text: text.into(),
            resolved: false,
        };
        let on_card = comment(card, "Who calls back?");
        let on_journey = comment(id, "Check with legal\u{FFFE}");
        for c in [&on_card, &on_journey] {
            apply(
                &mut ws,
                &Edit::PutComment {
                    journey: id,
                    comment: c.clone(),
                },
            )
            .unwrap();
        }
        let pkg = JourneyPackage::from_json(&package(&ws, id).unwrap().to_json()).unwrap();
        let new = Id::new();
        let edit = unpack(&ws, &pkg, new).unwrap();
        apply(&mut ws, &edit).unwrap();
        validate_workspace(&ws).unwrap();
        let imported = ws.journey(new).unwrap();
        let by_text = |t: &str| imported.comments.iter().find(|c| c.text == t).unwrap();
        let card_comment = by_text("Who calls back?");
        assert_ne!(card_comment.id, on_card.id);
        assert_eq!(imported.step(card_comment.target).unwrap().text, text);
        assert_eq!(by_text("Check with legal").target, new);
        let twin = |old: Id| {
            let text = &ws.journey(id).unwrap().step(old).unwrap().text;
            imported.steps.iter().find(|s| &s.text == text).unwrap()
        };
        assert_eq!(twin(card).evidence[0].text, "Callers wait 9 minutes");
        let moved = &imported.opportunities[0];
        assert_ne!(moved.id, plan.id);
        assert_eq!(moved.owner, Some(team), "the same team, matched by name");
        assert_eq!(moved.addresses, [twin(card).id]);
        assert!(twin(guess).assumption);
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
    fn personas_travel_with_their_scores_and_match_by_name_on_import() {
        let mut src = sample_workspace().unwrap();
        let id = richest(&src);
        let persona = |name: &str| crate::Persona {
            pains: "Waiting".into(),
            ..crate::Persona::named(name)
        };
        let (commuter, parent) = (persona("Commuter"), persona("Parent"));
        for p in [&commuter, &parent] {
            apply(&mut src, &Edit::CreatePersona { persona: p.clone() }).unwrap();
        }
        apply(
            &mut src,
            &Edit::SetJourneyPersonas {
                journey: id,
                personas: vec![commuter.id, parent.id],
            },
        )
        .unwrap();
        let scored = src
            .journey(id)
            .unwrap()
            .steps
            .iter()
            .find(|s| s.emotion.is_some())
            .unwrap()
            .id;
        let mut details =
            crate::edit::StepDetails::of(src.journey(id).unwrap().step(scored).unwrap());
        details.scores = vec![crate::PersonaScore {
            persona: parent.id,
            score: 2,
        }];
        apply(
            &mut src,
            &Edit::SetStepDetails {
                step: scored,
                details,
            },
        )
        .unwrap();
        let pkg = JourneyPackage::from_json(&package(&src, id).unwrap().to_json()).unwrap();
        assert_eq!(pkg.personas.len(), 2);

        let mut ws = Workspace::default();
        apply(
            &mut ws,
            &Edit::CreatePersona {
                persona: persona("parent"),
            },
        )
        .unwrap();
        let new = Id::new();
        let edit = unpack(&ws, &pkg, new).unwrap();
        apply(&mut ws, &edit).unwrap();
        validate_workspace(&ws).unwrap();
        assert_eq!(
            ws.personas.len(),
            2,
            "\"Parent\" matched the existing \"parent\""
        );
        let j = ws.journey(new).unwrap();
        let names: Vec<&str> = j
            .personas
            .iter()
            .map(|p| ws.persona(*p).unwrap().name.as_str())
            .collect();
        assert_eq!(names, ["Commuter", "parent"]);
        let scores: Vec<i8> = j
            .steps
            .iter()
            .flat_map(|s| s.scores.iter().map(|p| p.score))
            .collect();
        assert_eq!(scores, [2]);
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

    /// Every dependency and membership among entities, by kind and name.
    fn organisation(ws: &Workspace) -> Vec<String> {
        let name = |id: Id| {
            let e = ws.entity(id).unwrap();
            format!("{:?} {}", e.kind, e.name)
        };
        let mut out: Vec<String> = ws
            .links
            .iter()
            .filter(|l| matches!(l.kind, LinkKind::DependsOn | LinkKind::MemberOf))
            .map(|l| format!("{} {:?} {}", name(l.from), l.kind, name(l.to)))
            .collect();
        out.sort();
        out
    }

    /// A clinic: a visit journey whose cards use two systems, one depending on the other and both on a
    /// third the journey never names; a nurse in a team, owned by a manager outside the journey.
    fn clinic() -> (Workspace, Id) {
        let id = |k: &str| Id::derived("clinic", k);
        let entity = |k: &str, kind, name: &str, owner: Option<&str>| Entity {
            id: id(k),
            kind,
            name: name.into(),
            description: String::new(),
            owner: owner.map(id),
        };
        let mut visit = Journey::from_template("Clinic visit", &["Arrive", "See doctor"]);
        visit.id = id("visit");
        let (front, back) = (visit.lanes[2].id, visit.lanes[3].id);
        let (s0, s1) = (visit.stages[0].id, visit.stages[1].id);
        let mut checkin = crate::Step::new(front, s0, 0.0, "Checks the patient in");
        checkin.id = id("checkin");
        checkin.owner = Some(id("nurse"));
        let mut notes = crate::Step::new(back, s1, 0.0, "Updates the patient record");
        notes.id = id("notes");
        visit.steps = vec![checkin, notes];
        let link = |k: &str, kind, from: &str, to: &str| Link {
            id: id(k),
            kind,
            from: id(from),
            to: id(to),
        };
        let ws = Workspace {
            journeys: vec![visit],
            entities: vec![
                entity("manager", EntityKind::Person, "Ward manager", None),
                entity("nurse", EntityKind::Person, "Nurse Lee", Some("manager")),
                entity("ward", EntityKind::Team, "Ward B", Some("manager")),
                entity("ehr", EntityKind::System, "Patient records", Some("ward")),
                entity("kiosk", EntityKind::System, "Check-in kiosk", None),
                entity("net", EntityKind::System, "Hospital network", None),
            ],
            links: vec![
                link("flow", LinkKind::Flow, "checkin", "notes"),
                link("uses1", LinkKind::Uses, "checkin", "kiosk"),
                link("uses2", LinkKind::Uses, "notes", "ehr"),
                link("dep1", LinkKind::DependsOn, "kiosk", "ehr"),
                link("dep2", LinkKind::DependsOn, "ehr", "kiosk"),
                link("dep3", LinkKind::DependsOn, "kiosk", "net"),
                link("member", LinkKind::MemberOf, "nurse", "ward"),
            ],
            personas: Vec::new(),
        };
        validate_workspace(&ws).unwrap();
        (ws, id("visit"))
    }

    #[test]
    fn a_package_carries_dependencies_memberships_and_owners_among_its_entities() {
        let (src, visit) = clinic();
        let pkg = JourneyPackage::from_json(&package(&src, visit).unwrap().to_json()).unwrap();
        let names: HashSet<&str> = pkg.entities.iter().map(|e| e.name.as_str()).collect();
        // Named by the cards: kiosk, records, nurse; her team; the owners of those (one step).
        assert_eq!(
            names,
            HashSet::from([
                "Check-in kiosk",
                "Patient records",
                "Nurse Lee",
                "Ward B",
                "Ward manager"
            ])
        );
        let mut ws = Workspace::default();
        let new = Id::new();
        let edit = unpack(&ws, &pkg, new).unwrap();
        apply(&mut ws, &edit).unwrap();
        validate_workspace(&ws).unwrap();
        let in_package = |l: &String| !l.contains("Hospital network");
        let expected: Vec<String> = organisation(&src).into_iter().filter(in_package).collect();
        assert_eq!(
            organisation(&ws),
            expected,
            "what depends on what, circle included"
        );
        let owner = |ws: &Workspace, name: &str| {
            let e = ws.entities.iter().find(|e| e.name == name).unwrap();
            e.owner.map(|o| ws.entity(o).unwrap().name.clone())
        };
        for name in ["Nurse Lee", "Ward B", "Patient records"] {
            assert_eq!(owner(&ws, name), owner(&src, name), "{name}'s owner");
        }
        assert_eq!(view(&ws, new), view(&src, visit));
    }

    #[test]
    fn an_import_reuses_entities_and_adds_only_the_links_missing() {
        let (src, visit) = clinic();
        let pkg = package(&src, visit).unwrap();
        // Another clinic that knows the records system and the kiosk, with one of the two dependencies.
        let mut ws = Workspace::default();
        for (kind, name) in [
            (EntityKind::System, "patient RECORDS"),
            (EntityKind::System, "Check-in kiosk"),
        ] {
            ws.entities.push(Entity {
                id: Id::new(),
                kind,
                name: name.into(),
                description: String::new(),
                owner: None,
            });
        }
        let (records, kiosk) = (ws.entities[0].id, ws.entities[1].id);
        ws.links.push(Link {
            id: Id::new(),
            kind: LinkKind::DependsOn,
            from: kiosk,
            to: records,
        });
        let edit = unpack(&ws, &pkg, Id::new()).unwrap();
        apply(&mut ws, &edit).unwrap();
        validate_workspace(&ws).unwrap();
        assert_eq!(ws.entities.len(), 5, "the two systems are reused");
        let deps: Vec<(Id, Id)> = ws
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::DependsOn)
            .map(|l| (l.from, l.to))
            .collect();
        assert_eq!(deps.len(), 2, "{deps:?}");
        assert!(deps.contains(&(kiosk, records)) && deps.contains(&(records, kiosk)));
        assert_eq!(
            ws.entity(records).unwrap().owner,
            None,
            "an existing entity keeps its owner"
        );

        // Two package entities that match one workspace entity lose the dependency between them.
        let mut twins = pkg.clone();
        let ehr = Id::derived("clinic", "ehr");
        let kiosk_pkg = Id::derived("clinic", "kiosk");
        twins
            .entities
            .iter_mut()
            .find(|e| e.id == kiosk_pkg)
            .unwrap()
            .name = "PATIENT records".into();
        let mut fresh = Workspace::default();
        let edit = unpack(&fresh, &twins, Id::new()).unwrap();
        apply(&mut fresh, &edit).unwrap();
        validate_workspace(&fresh).unwrap();
        assert!(
            fresh.links.iter().all(|l| l.kind != LinkKind::DependsOn),
            "no self-loop"
        );
        assert!(twins
            .links
            .iter()
            .any(|l| l.kind == LinkKind::DependsOn && l.from == ehr));
    }

    /// A package as version 1 wrote it before entity dependencies travelled: a hotel check-in with one
    /// card, its receptionist and her team.
    const V1_PACKAGE: &str = r#"{"format":"throughline-journey","version":1,"journey":{"id":"0190e4d2-0000-7000-8000-000000000001","name":"Hotel check-in","persona":"Guest","description":"","position":0.0,"stages":[{"id":"0190e4d2-0000-7000-8000-000000000002","name":"Arrive","position":0.0}],"lanes":[{"id":"0190e4d2-0000-7000-8000-000000000003","name":"Customer actions","kind":"customer","position":0.0},{"id":"0190e4d2-0000-7000-8000-000000000004","name":"Frontstage actions","kind":"frontstage","position":1.0}],"steps":[{"id":"0190e4d2-0000-7000-8000-000000000005","lane":"0190e4d2-0000-7000-8000-000000000004","stage":"0190e4d2-0000-7000-8000-000000000002","position":0.0,"text":"Hands over the key","channel":null,"moment_of_truth":true,"emotion":null,"pain_point":null,"pain_severity":"medium","fail_point":false,"wait_point":false,"notes":"","metrics":[],"owner":"0190e4d2-0000-7000-8000-000000000006"}]},"links":[{"id":"0190e4d2-0000-7000-8000-000000000008","kind":"performed_by","from":"0190e4d2-0000-7000-8000-000000000005","to":"0190e4d2-0000-7000-8000-000000000006"},{"id":"0190e4d2-0000-7000-8000-000000000009","kind":"member_of","from":"0190e4d2-0000-7000-8000-000000000006","to":"0190e4d2-0000-7000-8000-000000000007"}],"entities":[{"id":"0190e4d2-0000-7000-8000-000000000006","kind":"person","name":"Receptionist","description":"","owner":null},{"id":"0190e4d2-0000-7000-8000-000000000007","kind":"team","name":"Front office","description":"","owner":null}]}"#;

    #[test]
    fn version_1_packages_still_import() {
        let pkg = JourneyPackage::from_json(V1_PACKAGE).unwrap();
        let mut ws = Workspace::default();
        let new = Id::new();
        let edit = unpack(&ws, &pkg, new).unwrap();
        apply(&mut ws, &edit).unwrap();
        validate_workspace(&ws).unwrap();
        assert_eq!(ws.journey(new).unwrap().steps[0].text, "Hands over the key");
        assert_eq!(
            organisation(&ws),
            ["Person Receptionist MemberOf Team Front office"]
        );
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
