//! The manager's view over the whole workspace: the shared entities and where they are used, who owns
//! which card, the checks, the impact of an entity failing, and hand-offs between teams. Answers carry
//! names as well as ids, so the app and the command line print them without a second lookup.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use throughline_core::analysis::{self, FindingKind};
use throughline_core::{Entity, EntityKind, Id, LaneKind, Link, LinkKind, Workspace};
use ts_rs::TS;

use throughline_render::{layout_network, NetworkInput, NetworkKind, NetworkScene};

use crate::{ApiError, ErrorCode, OpenWorkspace};

/// A card as lists across journeys show it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct StepRef {
    /// The card.
    pub step: Id,
    /// Its journey.
    pub journey: Id,
    /// The journey's name.
    pub journey_name: String,
    /// Its stage.
    pub stage: Id,
    /// The stage's name.
    pub stage_name: String,
    /// Its lane's name.
    pub lane_name: String,
    /// Its lane's kind.
    pub lane_kind: LaneKind,
    /// Its text.
    pub text: String,
    /// Whether it is a moment of truth.
    pub moment_of_truth: bool,
}

/// An entity with its relations, for the entities panel.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EntitySummary {
    /// The entity.
    pub entity: Entity,
    /// Teams a person belongs to.
    pub teams: Vec<Id>,
    /// Members of a team.
    pub members: Vec<Id>,
    /// Entities it depends on.
    pub depends_on: Vec<Id>,
    /// How many cards link to it (performed by, uses, part of).
    pub linked_steps: u32,
    /// How many cards it owns.
    pub owned_steps: u32,
}

/// Everything that refers to an entity, shown before it is deleted.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EntityUsage {
    /// The entity.
    pub entity: Id,
    /// Cards linked to it or owned by it.
    pub steps: Vec<StepRef>,
    /// Entities owned by it or linked to it.
    pub entities: Vec<Id>,
    /// How many links would go with it.
    pub links: u32,
}

/// One row of the ownership table.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct OwnershipRow {
    /// The card.
    pub step: StepRef,
    /// Its accountable owner.
    pub owner: Option<Id>,
    /// The teams that owner stands for: itself if a team, the teams of a person.
    pub owner_teams: Vec<Id>,
    /// Entities the card is linked to.
    pub entities: Vec<Id>,
}

/// What one person or team owns.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct OwnerSummary {
    /// The owner.
    pub owner: Id,
    /// Cards owned.
    pub steps: u32,
    /// Moments of truth owned.
    pub moments: u32,
    /// Journeys those cards are in.
    pub journeys: u32,
}

/// A hand-off along a journey's flow, with names: where the work passes from one team to another, or
/// from a card with a team to one without (an unassigned hand-off).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct HandoffView {
    /// The flow link.
    pub link: Id,
    /// The card handing over.
    pub from: StepRef,
    /// The card taking over.
    pub to: StepRef,
    /// The team handing over; `None` when its card has none.
    pub from_team: Option<String>,
    /// The team taking over; `None` when its card has none.
    pub to_team: Option<String>,
    /// Whether one end has no team.
    pub unassigned: bool,
}

/// Hand-offs along one journey's flow.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct JourneyHandoffs {
    /// The journey.
    pub journey: Id,
    /// Its name.
    pub name: String,
    /// Its hand-offs, in flow order of their cards.
    pub handoffs: Vec<HandoffView>,
}

/// The ownership view: every card, the owner summary and the hand-offs per journey.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Ownership {
    /// One row per card, in journey, stage and lane order.
    pub rows: Vec<OwnershipRow>,
    /// One line per owner, most cards first.
    pub owners: Vec<OwnerSummary>,
    /// Per journey, in sidebar order.
    pub handoffs: Vec<JourneyHandoffs>,
}

/// A card or entity a finding names.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Subject {
    /// The card or entity.
    pub id: Id,
    /// Its text or name.
    pub label: String,
    /// For a card, its journey; `None` for an entity.
    pub journey: Option<Id>,
    /// For a card, its stage's name; for an entity, its kind.
    pub place: String,
}

/// One finding of the checks, with names.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct FindingView {
    /// What is wrong.
    pub kind: FindingKind,
    /// The card(s) or entities concerned.
    pub subjects: Vec<Subject>,
}

/// The checks, grouped as the panel shows them.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CheckGroup {
    /// What the group checks.
    pub kind: FindingKind,
    /// Its heading.
    pub title: String,
    /// Its short name (as `--fail-on` takes it).
    pub slug: String,
    /// What it found.
    pub findings: Vec<FindingView>,
}

/// A stage touched by an impact.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct StageRef {
    /// The journey.
    pub journey: Id,
    /// Its name.
    pub journey_name: String,
    /// The stage.
    pub stage: Id,
    /// Its name.
    pub stage_name: String,
}

/// Where each card sits, for turning ids into [`StepRef`]s in display order.
pub(crate) struct Places<'a> {
    ws: &'a Workspace,
    steps: HashMap<Id, (usize, usize)>,
}

impl<'a> Places<'a> {
    pub(crate) fn new(ws: &'a Workspace) -> Self {
        let steps = ws
            .journeys
            .iter()
            .enumerate()
            .flat_map(|(j, journey)| {
                journey
                    .steps
                    .iter()
                    .enumerate()
                    .map(move |(s, step)| (step.id, (j, s)))
            })
            .collect();
        Places { ws, steps }
    }

    pub(crate) fn step(&self, id: Id) -> Option<StepRef> {
        let &(j, s) = self.steps.get(&id)?;
        let journey = &self.ws.journeys[j];
        let step = &journey.steps[s];
        let stage = journey.stages.iter().find(|x| x.id == step.stage)?;
        let lane = journey.lane(step.lane)?;
        Some(StepRef {
            step: id,
            journey: journey.id,
            journey_name: journey.name.clone(),
            stage: stage.id,
            stage_name: stage.name.clone(),
            lane_name: lane.name.clone(),
            lane_kind: lane.kind,
            text: step.text.clone(),
            moment_of_truth: step.moment_of_truth,
        })
    }

    /// Display order: journey (sidebar order), stage, lane, position in the cell.
    pub(crate) fn order(&self, id: Id) -> (usize, usize, usize, usize) {
        let Some(&(j, s)) = self.steps.get(&id) else {
            return (usize::MAX, 0, 0, 0);
        };
        let journey = &self.ws.journeys[j];
        let step = &journey.steps[s];
        let stage = journey
            .stages
            .iter()
            .position(|x| x.id == step.stage)
            .unwrap_or(0);
        let lane = journey
            .lanes
            .iter()
            .position(|x| x.id == step.lane)
            .unwrap_or(0);
        (j, stage, lane, s)
    }

    fn steps(&self, ids: impl IntoIterator<Item = Id>) -> Vec<StepRef> {
        let mut ids: Vec<Id> = ids.into_iter().collect();
        ids.sort_by_key(|id| self.order(*id));
        ids.dedup();
        ids.into_iter().filter_map(|id| self.step(id)).collect()
    }
}

fn entity_kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Team => "team",
        EntityKind::System => "system",
        EntityKind::Process => "process",
    }
}

fn relation(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Flow => "leads to",
        LinkKind::PerformedBy => "performed by",
        LinkKind::Uses => "uses",
        LinkKind::PartOf => "part of",
        LinkKind::DependsOn => "depends on",
        LinkKind::MemberOf => "member of",
    }
}

fn network_kind(kind: EntityKind) -> NetworkKind {
    match kind {
        EntityKind::Person => NetworkKind::Person,
        EntityKind::Team => NetworkKind::Team,
        EntityKind::System => NetworkKind::System,
        EntityKind::Process => NetworkKind::Process,
    }
}

/// Who belongs to which team and what depends on what, gathered in one pass over the links so
/// listing every entity does not scan the links once per entity.
#[derive(Default)]
struct Relations {
    teams: HashMap<Id, Vec<Id>>,
    members: HashMap<Id, Vec<Id>>,
    depends_on: HashMap<Id, Vec<Id>>,
}

impl Relations {
    fn of(ws: &Workspace) -> Self {
        let mut r = Relations::default();
        for l in &ws.links {
            match l.kind {
                LinkKind::MemberOf => {
                    r.teams.entry(l.from).or_default().push(l.to);
                    r.members.entry(l.to).or_default().push(l.from);
                }
                LinkKind::DependsOn => r.depends_on.entry(l.from).or_default().push(l.to),
                _ => {}
            }
        }
        for list in r
            .teams
            .values_mut()
            .chain(r.members.values_mut())
            .chain(r.depends_on.values_mut())
        {
            list.sort();
        }
        r
    }

    fn get(map: &HashMap<Id, Vec<Id>>, id: Id) -> Vec<Id> {
        map.get(&id).cloned().unwrap_or_default()
    }
}

impl OpenWorkspace {
    /// Every entity with its relations, sorted by kind and then name.
    pub fn entities(&self) -> Vec<EntitySummary> {
        let ws = self.model();
        let relations = Relations::of(ws);
        let mut linked: HashMap<Id, u32> = HashMap::new();
        for l in &ws.links {
            if matches!(
                l.kind,
                LinkKind::PerformedBy | LinkKind::Uses | LinkKind::PartOf
            ) {
                *linked.entry(l.to).or_default() += 1;
            }
        }
        let mut owned: HashMap<Id, u32> = HashMap::new();
        for owner in ws
            .journeys
            .iter()
            .flat_map(|j| &j.steps)
            .filter_map(|s| s.owner)
        {
            *owned.entry(owner).or_default() += 1;
        }
        let mut out: Vec<EntitySummary> = ws
            .entities
            .iter()
            .map(|e| EntitySummary {
                entity: e.clone(),
                teams: Relations::get(&relations.teams, e.id),
                members: Relations::get(&relations.members, e.id),
                depends_on: Relations::get(&relations.depends_on, e.id),
                linked_steps: linked.get(&e.id).copied().unwrap_or(0),
                owned_steps: owned.get(&e.id).copied().unwrap_or(0),
            })
            .collect();
        out.sort_by(|a, b| {
            (a.entity.kind, a.entity.name.to_lowercase())
                .cmp(&(b.entity.kind, b.entity.name.to_lowercase()))
        });
        out
    }

    /// The entity with this id or name (names are matched ignoring case; a name shared by two kinds
    /// is refused as ambiguous).
    pub fn find_entity(&self, name_or_id: &str) -> Result<Id, ApiError> {
        let ws = self.model();
        if let Ok(id) = name_or_id.parse::<Id>() {
            if ws.entity(id).is_some() {
                return Ok(id);
            }
        }
        let lower = name_or_id.trim().to_lowercase();
        let found: Vec<&Entity> = ws
            .entities
            .iter()
            .filter(|e| e.name.to_lowercase() == lower)
            .collect();
        match found.as_slice() {
            [one] => Ok(one.id),
            [] => Err(ApiError::new(
                ErrorCode::NotFound,
                format!("no person, team, system or process is called \"{name_or_id}\""),
            )),
            _ => Err(ApiError::new(
                ErrorCode::Invalid,
                format!("more than one entity is called \"{name_or_id}\"; give its id"),
            )),
        }
    }

    /// Where an entity is used: the cards and entities that would lose it if it were deleted.
    pub fn entity_usage(&self, entity: Id) -> Result<EntityUsage, ApiError> {
        let ws = self.model();
        ws.entity(entity)
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "that entity no longer exists"))?;
        let links: Vec<&Link> = ws
            .links
            .iter()
            .filter(|l| l.from == entity || l.to == entity)
            .collect();
        let places = Places::new(ws);
        let steps = ws
            .journeys
            .iter()
            .flat_map(|j| &j.steps)
            .filter(|s| s.owner == Some(entity))
            .map(|s| s.id)
            .chain(
                links
                    .iter()
                    .flat_map(|l| [l.from, l.to])
                    .filter(|id| places.steps.contains_key(id)),
            );
        let mut entities: Vec<Id> = ws
            .entities
            .iter()
            .filter(|e| e.owner == Some(entity))
            .map(|e| e.id)
            .chain(
                links
                    .iter()
                    .flat_map(|l| [l.from, l.to])
                    .filter(|id| *id != entity && ws.entity(*id).is_some()),
            )
            .collect();
        entities.sort();
        entities.dedup();
        Ok(EntityUsage {
            entity,
            steps: places.steps(steps),
            entities,
            links: links.len() as u32,
        })
    }

    /// The links starting at a card or an entity, flow arrows aside: a card's *performed by*, *uses*
    /// and *part of*, an entity's *depends on* and *member of*. Their ids are what removing one needs.
    pub fn links_from(&self, id: Id) -> Vec<Link> {
        let mut out: Vec<Link> = self
            .model()
            .links
            .iter()
            .filter(|l| l.from == id && l.kind != LinkKind::Flow)
            .cloned()
            .collect();
        out.sort_by_key(|l| l.id);
        out
    }

    /// The ownership table across all journeys, with its summaries.
    pub fn ownership(&self) -> Ownership {
        let ws = self.model();
        let places = Places::new(ws);
        let relations = Relations::of(ws);
        let teams_of: HashMap<Id, Vec<Id>> = ws
            .entities
            .iter()
            .map(|e| {
                let teams = match e.kind {
                    EntityKind::Team => vec![e.id],
                    EntityKind::Person => Relations::get(&relations.teams, e.id),
                    _ => Vec::new(),
                };
                (e.id, teams)
            })
            .collect();
        let mut linked: HashMap<Id, Vec<Id>> = HashMap::new();
        for l in ws.links.iter().filter(|l| l.kind != LinkKind::Flow) {
            if places.steps.contains_key(&l.from) {
                linked.entry(l.from).or_default().push(l.to);
            }
        }
        let mut per_owner: BTreeMap<Id, (u32, u32, HashSet<Id>)> = BTreeMap::new();
        let mut rows = Vec::new();
        for journey in &ws.journeys {
            for step in &journey.steps {
                if let Some(owner) = step.owner {
                    let x = per_owner.entry(owner).or_default();
                    x.0 += 1;
                    x.1 += u32::from(step.moment_of_truth);
                    x.2.insert(journey.id);
                }
            }
        }
        for step in places.steps(places.steps.keys().copied()) {
            let s = &ws.journeys[places.steps[&step.step].0].steps[places.steps[&step.step].1];
            let mut entities = linked.remove(&step.step).unwrap_or_default();
            entities.sort();
            rows.push(OwnershipRow {
                owner: s.owner,
                owner_teams: s
                    .owner
                    .and_then(|o| teams_of.get(&o).cloned())
                    .unwrap_or_default(),
                entities,
                step,
            });
        }
        let mut owners: Vec<OwnerSummary> = per_owner
            .into_iter()
            .map(|(owner, (steps, moments, journeys))| OwnerSummary {
                owner,
                steps,
                moments,
                journeys: journeys.len() as u32,
            })
            .collect();
        owners.sort_by(|a, b| b.steps.cmp(&a.steps).then(a.owner.cmp(&b.owner)));
        let handoffs = self.handoffs(None);
        Ownership {
            rows,
            owners,
            handoffs,
        }
    }

    /// Every journey's hand-offs (or only `journey`'s), journeys in sidebar order, each journey's in the
    /// display order of the cards handing over.
    pub fn handoffs(&self, journey: Option<Id>) -> Vec<JourneyHandoffs> {
        let ws = self.model();
        let places = Places::new(ws);
        let names: HashMap<Id, &str> = ws
            .entities
            .iter()
            .map(|e| (e.id, e.name.as_str()))
            .collect();
        let team = |t: Option<Id>| t.and_then(|t| names.get(&t)).map(|n| n.to_string());
        let mut all = analysis::handoffs(&self.graph(), journey);
        all.sort_by_key(|h| (places.order(h.from_step), places.order(h.to_step), h.link));
        ws.journeys
            .iter()
            .filter(|j| journey.is_none_or(|only| only == j.id))
            .map(|j| JourneyHandoffs {
                journey: j.id,
                name: j.name.clone(),
                handoffs: all
                    .iter()
                    .filter(|h| h.journey == j.id)
                    .filter_map(|h| {
                        Some(HandoffView {
                            link: h.link,
                            from: places.step(h.from_step)?,
                            to: places.step(h.to_step)?,
                            from_team: team(h.from_team),
                            to_team: team(h.to_team),
                            unassigned: h.is_unassigned(),
                        })
                    })
                    .collect(),
            })
            .collect()
    }

    /// Every check, grouped by kind (empty groups included, so a clean workspace shows what passed).
    /// With `journey`, card findings are limited to that journey.
    pub fn checks(&self, journey: Option<Id>) -> Vec<CheckGroup> {
        let ws = self.model();
        let places = Places::new(ws);
        let mut findings = analysis::checks(&self.graph(), journey);
        findings.extend(throughline_core::opportunity::unaddressed(ws, journey));
        let subject = |id: Id| -> Subject {
            if let Some(s) = places.step(id) {
                Subject {
                    id,
                    label: s.text,
                    journey: Some(s.journey),
                    place: format!("{} › {}", s.journey_name, s.stage_name),
                }
            } else {
                let e = ws.entity(id);
                Subject {
                    id,
                    label: e.map(|e| e.name.clone()).unwrap_or_default(),
                    journey: None,
                    place: e.map(|e| entity_kind_name(e.kind)).unwrap_or("").to_owned(),
                }
            }
        };
        FindingKind::ALL
            .iter()
            .map(|&kind| {
                let mut group: Vec<&analysis::Finding> =
                    findings.iter().filter(|f| f.kind == kind).collect();
                group.sort_by_key(|f| f.subjects.first().map(|id| places.order(*id)));
                CheckGroup {
                    kind,
                    title: kind.title().to_owned(),
                    slug: kind.slug().to_owned(),
                    findings: group
                        .into_iter()
                        .map(|f| FindingView {
                            kind,
                            subjects: f.subjects.iter().map(|id| subject(*id)).collect(),
                        })
                        .collect(),
                }
            })
            .collect()
    }

    /// The network view of an entity: it and everything directly tied to it, laid out.
    pub fn network(&self, entity: Id) -> Result<NetworkScene, ApiError> {
        let ws = self.model();
        let centre = ws
            .entity(entity)
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "that entity no longer exists"))?;
        let places = Places::new(ws);
        let input = |id: Id, relation: &str, outgoing: bool| -> Option<NetworkInput> {
            if let Some(e) = ws.entity(id) {
                return Some(NetworkInput {
                    id,
                    kind: network_kind(e.kind),
                    label: e.name.clone(),
                    journey: None,
                    relation: relation.to_owned(),
                    outgoing,
                });
            }
            places.step(id).map(|s| NetworkInput {
                id,
                kind: NetworkKind::Step,
                label: s.text,
                journey: Some(s.journey),
                relation: relation.to_owned(),
                outgoing,
            })
        };
        let mut around: Vec<NetworkInput> = Vec::new();
        let mut add = |n: Option<NetworkInput>| {
            let Some(n) = n else { return };
            match around.iter_mut().find(|x| x.id == n.id) {
                Some(x) => x.relation = format!("{}, {}", x.relation, n.relation),
                None => around.push(n),
            }
        };
        if let Some(owner) = centre.owner {
            add(input(owner, "owned by", true));
        }
        for l in ws.links.iter().filter(|l| l.kind != LinkKind::Flow) {
            if l.from == entity {
                add(input(l.to, relation(l.kind), true));
            } else if l.to == entity {
                add(input(l.from, relation(l.kind), false));
            }
        }
        for e in ws.entities.iter().filter(|e| e.owner == Some(entity)) {
            add(input(e.id, "owned by", false));
        }
        for s in ws
            .journeys
            .iter()
            .flat_map(|j| &j.steps)
            .filter(|s| s.owner == Some(entity))
        {
            add(input(s.id, "owned by", false));
        }
        let me = NetworkInput {
            id: entity,
            kind: network_kind(centre.kind),
            label: centre.name.clone(),
            journey: None,
            relation: String::new(),
            outgoing: true,
        };
        Ok(layout_network(&me, around, self.fonts()))
    }
}
