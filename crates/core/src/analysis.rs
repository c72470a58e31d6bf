//! The questions a manager asks of a workspace, answered on its graph: which cards and entities nobody
//! owns, which customer steps nothing supports, which work serves no customer, where the flow breaks,
//! which dependencies go round in circles, what fails if one entity does, and where work changes hands
//! between teams. Every answer is a linear walk of the graph, so it can run after every edit.

use std::collections::{HashMap, HashSet};

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use petgraph::Direction::Outgoing;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::graph::{Edge, Node, StepNode, WorkspaceGraph};
use crate::{EntityKind, Id, LaneKind, LinkKind};

/// What a check found wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A moment of truth nobody is accountable for.
    UnownedMoment,
    /// A moment of truth marked as an assumption: the room guesses how it goes, and no research says.
    AssumedMoment,
    /// A card nobody is accountable for (moments of truth included).
    UnownedStep,
    /// A customer step with no frontstage, backstage or support step in its flow and no person, team,
    /// system or process behind it.
    UnsupportedCustomerStep,
    /// A frontstage, backstage or support card, or an entity, that no customer step relies on.
    ServesNoCustomer,
    /// A card in the journey's flow that no arrow path reaches from where the flow starts.
    Unreachable,
    /// A card in the journey's flow with no way on, before the flow's last stage.
    DeadEnd,
    /// Entities that depend on each other in a circle (a strongly connected component).
    DependencyCycle,
    /// An entity with no accountable owner.
    UnownedEntity,
    /// A pain point no live opportunity addresses (see [`crate::opportunity::unaddressed`]).
    PainWithoutOpportunity,
    /// A moment of truth nobody owns and no live opportunity addresses.
    UnownedMomentWithoutOpportunity,
}

impl FindingKind {
    /// Every kind, in the order the checks panel lists them.
    pub const ALL: [FindingKind; 11] = [
        FindingKind::UnownedMoment,
        FindingKind::AssumedMoment,
        FindingKind::UnownedStep,
        FindingKind::UnsupportedCustomerStep,
        FindingKind::ServesNoCustomer,
        FindingKind::Unreachable,
        FindingKind::DeadEnd,
        FindingKind::DependencyCycle,
        FindingKind::UnownedEntity,
        FindingKind::PainWithoutOpportunity,
        FindingKind::UnownedMomentWithoutOpportunity,
    ];

    /// The name used on the command line and in JSON (`unowned-moments`, …).
    pub fn slug(self) -> &'static str {
        match self {
            FindingKind::UnownedMoment => "unowned-moments",
            FindingKind::UnownedStep => "unowned-steps",
            FindingKind::UnsupportedCustomerStep => "unsupported-customer-steps",
            FindingKind::ServesNoCustomer => "serves-no-customer",
            FindingKind::Unreachable => "unreachable",
            FindingKind::DeadEnd => "dead-ends",
            FindingKind::AssumedMoment => "assumed-moments",
            FindingKind::DependencyCycle => "dependency-cycles",
            FindingKind::UnownedEntity => "unowned-entities",
            FindingKind::PainWithoutOpportunity => "pains-without-opportunity",
            FindingKind::UnownedMomentWithoutOpportunity => "unowned-moments-without-opportunity",
        }
    }

    /// A heading for the checks panel and the text report.
    pub fn title(self) -> &'static str {
        match self {
            FindingKind::UnownedMoment => "Moments of truth without an owner",
            FindingKind::UnownedStep => "Steps without an owner",
            FindingKind::UnsupportedCustomerStep => "Customer steps nothing supports",
            FindingKind::ServesNoCustomer => "Work that serves no customer step",
            FindingKind::Unreachable => "Steps the flow never reaches",
            FindingKind::DeadEnd => "Dead ends in the flow",
            FindingKind::AssumedMoment => "Moments of truth resting on assumptions",
            FindingKind::DependencyCycle => "Circular dependencies",
            FindingKind::UnownedEntity => "People, teams, systems and processes without an owner",
            FindingKind::PainWithoutOpportunity => "Pain points no opportunity addresses",
            FindingKind::UnownedMomentWithoutOpportunity => {
                "Unowned moments of truth no opportunity addresses"
            }
        }
    }
}

/// One finding: a card, an entity, or (for a cycle) the entities of the circle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    /// What is wrong.
    pub kind: FindingKind,
    /// The cards or entities it is about, sorted.
    pub subjects: Vec<Id>,
}

/// What fails if one entity does.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImpactSet {
    /// Every card that relies on the entity, directly or through a chain of links.
    pub steps: Vec<Id>,
    /// The moments of truth among them.
    pub moments: Vec<Id>,
    /// The stages those cards sit in.
    pub stages: Vec<Id>,
    /// The other entities that rely on it through *depends on*.
    pub entities: Vec<Id>,
}

/// A flow arrow along which the work passes from one team to another, or between an internal card that
/// has a team and one that has none (an *unassigned hand-off*: nobody is known to take the work over).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Handoff {
    /// The flow link.
    pub link: Id,
    /// Its journey.
    pub journey: Id,
    /// The card handing over.
    pub from_step: Id,
    /// The card taking over.
    pub to_step: Id,
    /// The team handing over; `None` when that card has no team.
    pub from_team: Option<Id>,
    /// The team taking over; `None` when that card has no team.
    pub to_team: Option<Id>,
}

impl Handoff {
    /// Whether one end of the hand-off has no team.
    pub fn is_unassigned(&self) -> bool {
        self.from_team.is_none() || self.to_team.is_none()
    }
}

fn is_internal(lane: LaneKind) -> bool {
    matches!(
        lane,
        LaneKind::Frontstage | LaneKind::Backstage | LaneKind::Support
    )
}

/// Which links carry reliance: a step relies on who performs it, the systems it uses and the process
/// it is part of; an entity on what it depends on.
fn relies(kind: Option<LinkKind>) -> bool {
    matches!(
        kind,
        Some(LinkKind::PerformedBy | LinkKind::Uses | LinkKind::PartOf | LinkKind::DependsOn)
    )
}

/// A union-find over node indices, for the flow's connected pieces.
struct Pieces(Vec<u32>);

impl Pieces {
    fn find(&mut self, mut a: usize) -> usize {
        while self.0[a] as usize != a {
            self.0[a] = self.0[self.0[a] as usize];
            a = self.0[a] as usize;
        }
        a
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        self.0[a] = b as u32;
    }
}

/// Adjacency lists packed in two arrays, built from one sequential pass over the edges. Walking them
/// is several times faster than following the graph's linked edge lists across half a million edges,
/// which is what keeps a full analysis within a frame budget of tens of milliseconds.
pub(crate) struct Adjacency {
    start: Vec<u32>,
    to: Vec<u32>,
}

impl Adjacency {
    pub(crate) fn new(bound: usize, pairs: &[(u32, u32)]) -> Self {
        let mut start = vec![0u32; bound + 1];
        for &(a, _) in pairs {
            start[a as usize + 1] += 1;
        }
        for i in 0..bound {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut to = vec![0u32; pairs.len()];
        for &(a, b) in pairs {
            to[fill[a as usize] as usize] = b;
            fill[a as usize] += 1;
        }
        Adjacency { start, to }
    }

    pub(crate) fn of(&self, n: usize) -> &[u32] {
        &self.to[self.start[n] as usize..self.start[n + 1] as usize]
    }

    /// Marks everything reachable from the nodes already marked in `seen`.
    fn spread(&self, seen: &mut [bool]) {
        let mut queue: Vec<u32> = (0..seen.len() as u32)
            .filter(|&n| seen[n as usize])
            .collect();
        while let Some(n) = queue.pop() {
            for &m in self.of(n as usize) {
                if !seen[m as usize] {
                    seen[m as usize] = true;
                    queue.push(m);
                }
            }
        }
    }
}

/// Runs every check on the workspace. With `journey`, card findings are limited to that journey;
/// entity findings always cover the workspace, since entities are shared.
pub fn checks(g: &WorkspaceGraph, journey: Option<Id>) -> Vec<Finding> {
    let graph = &g.graph;
    let bound = graph.node_bound();
    let nodes: Vec<Option<&Node>> = (0..bound)
        .map(|i| graph.node_weight(NodeIndex::new(i)))
        .collect();
    let step = |i: usize| match nodes[i] {
        Some(Node::Step(s)) => Some(s),
        _ => None,
    };
    let lane = |i: usize| step(i).map(|s| s.lane);
    let internal = |i: usize| lane(i).is_some_and(is_internal);
    let customer = |i: usize| lane(i) == Some(LaneKind::Customer);

    // One pass over the edges gathers every fact the checks need.
    let mut owned = vec![false; bound];
    let mut supported = vec![false; bound];
    let mut flow_in = vec![false; bound];
    let mut flow_out = vec![false; bound];
    let mut pieces = Pieces((0..bound as u32).collect());
    let mut flow_pairs: Vec<(u32, u32)> = Vec::new();
    let mut serve_pairs: Vec<(u32, u32)> = Vec::with_capacity(graph.edge_count() + bound);
    let mut depends_pairs: Vec<(u32, u32)> = Vec::new();
    for e in graph.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        let pair = (a as u32, b as u32);
        match e.weight().link_kind() {
            None => {
                owned[a] = true;
                serve_pairs.push(pair);
            }
            Some(LinkKind::Flow) => {
                flow_out[a] = true;
                flow_in[b] = true;
                flow_pairs.push(pair);
                pieces.join(a, b);
                supported[a] |= internal(b);
                supported[b] |= internal(a);
            }
            Some(LinkKind::PerformedBy | LinkKind::Uses | LinkKind::PartOf) => {
                supported[a] = true;
                serve_pairs.push(pair);
            }
            Some(LinkKind::DependsOn) => {
                serve_pairs.push(pair);
                depends_pairs.push(pair);
            }
            Some(LinkKind::MemberOf) => {
                serve_pairs.push(pair);
                serve_pairs.push((pair.1, pair.0));
            }
        }
    }

    let in_scope = |s: &StepNode| journey.is_none_or(|j| s.journey == j);
    let mut found: Vec<Finding> = Vec::new();
    let mut one = |kind, id| {
        found.push(Finding {
            kind,
            subjects: vec![id],
        })
    };

    // The extent of each journey's flow, and which flow pieces reach a customer.
    let mut extent: HashMap<Id, (u32, u32)> = HashMap::new();
    let mut piece_has_customer = vec![false; bound];
    for i in 0..bound {
        let Some(s) = step(i) else { continue };
        if s.lane == LaneKind::Customer {
            let p = pieces.find(i);
            piece_has_customer[p] = true;
        }
        if flow_in[i] || flow_out[i] {
            let x = extent
                .entry(s.journey)
                .or_insert((s.stage_rank, s.stage_rank));
            x.0 = x.0.min(s.stage_rank);
            x.1 = x.1.max(s.stage_rank);
        }
    }

    // Ownership, support and service, card by card.
    let mut serving = vec![false; bound];
    for (i, node) in nodes.iter().enumerate() {
        match node {
            Some(Node::Step(s)) => {
                serving[i] = customer(i) || (internal(i) && piece_has_customer[pieces.find(i)]);
                if !in_scope(s) {
                    continue;
                }
                if !owned[i] {
                    if s.moment_of_truth {
                        one(FindingKind::UnownedMoment, s.id);
                    }
                    one(FindingKind::UnownedStep, s.id);
                }
                if s.moment_of_truth && s.assumption {
                    one(FindingKind::AssumedMoment, s.id);
                }
                if customer(i) && !supported[i] {
                    one(FindingKind::UnsupportedCustomerStep, s.id);
                }
                if internal(i) && !serving[i] {
                    one(FindingKind::ServesNoCustomer, s.id);
                }
            }
            Some(Node::Entity { id, .. }) if !owned[i] => one(FindingKind::UnownedEntity, *id),
            _ => {}
        }
    }

    // Entities reached from customer-serving cards serve customers too.
    Adjacency::new(bound, &serve_pairs).spread(&mut serving);
    for (i, node) in nodes.iter().enumerate() {
        if let Some(Node::Entity { id, .. }) = node {
            if !serving[i] {
                one(FindingKind::ServesNoCustomer, *id);
            }
        }
    }

    // Reachability along each journey's flow, from its sources in the flow's first stage.
    let mut reached: Vec<bool> = (0..bound)
        .map(|i| {
            flow_out[i]
                && !flow_in[i]
                && step(i)
                    .is_some_and(|s| extent.get(&s.journey).is_some_and(|x| x.0 == s.stage_rank))
        })
        .collect();
    Adjacency::new(bound, &flow_pairs).spread(&mut reached);
    for i in 0..bound {
        if !(flow_in[i] || flow_out[i]) {
            continue;
        }
        let Some(s) = step(i).filter(|s| in_scope(s)) else {
            continue;
        };
        if !reached[i] {
            one(FindingKind::Unreachable, s.id);
        }
        let last = extent.get(&s.journey).map_or(0, |x| x.1);
        if s.stage_rank < last && !flow_out[i] {
            one(FindingKind::DeadEnd, s.id);
        }
    }

    // Circles of *depends on*, found on the small graph of dependencies alone.
    let mut compact: HashMap<u32, u32> = HashMap::new();
    let mut ids: Vec<u32> = Vec::new();
    let mut dependencies = petgraph::graph::DiGraph::<(), ()>::new();
    let mut local = |n: u32, dependencies: &mut petgraph::graph::DiGraph<(), ()>| {
        *compact.entry(n).or_insert_with(|| {
            ids.push(n);
            dependencies.add_node(()).index() as u32
        })
    };
    for &(a, b) in &depends_pairs {
        let (a, b) = (local(a, &mut dependencies), local(b, &mut dependencies));
        dependencies.add_edge(NodeIndex::new(a as usize), NodeIndex::new(b as usize), ());
    }
    for component in petgraph::algo::tarjan_scc(&dependencies) {
        if component.len() > 1 {
            let mut subjects: Vec<Id> = component
                .iter()
                .filter_map(|ix| nodes[ids[ix.index()] as usize].map(|n| n.id()))
                .collect();
            subjects.sort();
            found.push(Finding {
                kind: FindingKind::DependencyCycle,
                subjects,
            });
        }
    }
    found.sort_unstable_by_key(|f| (f.kind, f.subjects[0]));
    found
}

/// Everything that relies on `entity`: the cards (and moments of truth and stages among them) and the
/// entities reached backwards through *performed by*, *uses*, *part of* and *depends on*. `None` for
/// an id that is not an entity.
pub fn impact(g: &WorkspaceGraph, entity: Id) -> Option<ImpactSet> {
    let start = g.ix(entity)?;
    if !matches!(g.graph[start], Node::Entity { .. }) {
        return None;
    }
    let graph = &g.graph;
    let bound = graph.node_bound();
    let relied_on_by: Vec<(u32, u32)> = graph
        .edge_references()
        .filter(|e| relies(e.weight().link_kind()))
        .map(|e| (e.target().index() as u32, e.source().index() as u32))
        .collect();
    let mut seen = vec![false; bound];
    seen[start.index()] = true;
    Adjacency::new(bound, &relied_on_by).spread(&mut seen);
    seen[start.index()] = false;
    let mut out = ImpactSet::default();
    let mut stages = HashSet::new();
    for (i, _) in seen.iter().enumerate().filter(|(_, s)| **s) {
        match graph[NodeIndex::new(i)] {
            Node::Step(s) => {
                out.steps.push(s.id);
                if s.moment_of_truth {
                    out.moments.push(s.id);
                }
                stages.insert(s.stage);
            }
            Node::Entity { id, .. } => out.entities.push(id),
        }
    }
    out.stages = stages.into_iter().collect();
    out.steps.sort_unstable();
    out.moments.sort_unstable();
    out.stages.sort_unstable();
    out.entities.sort_unstable();
    Some(out)
}

/// The team a card's work belongs to: its owner if that is a team, the owner's team if a person; else
/// the team (or person's team) performing it.
fn team_of(g: &WorkspaceGraph, ix: NodeIndex) -> Option<NodeIndex> {
    let graph = &g.graph;
    let as_team = |n: NodeIndex| match graph[n] {
        Node::Entity {
            kind: EntityKind::Team,
            ..
        } => Some(n),
        Node::Entity {
            kind: EntityKind::Person,
            ..
        } => graph
            .edges_directed(n, Outgoing)
            .filter(|e| e.weight().link_kind() == Some(LinkKind::MemberOf))
            .map(|e| e.target())
            .min_by_key(|t| graph[*t].id()),
        _ => None,
    };
    let owner = graph
        .edges_directed(ix, Outgoing)
        .find(|e| *e.weight() == Edge::OwnedBy)
        .and_then(|e| as_team(e.target()));
    owner.or_else(|| {
        graph
            .edges_directed(ix, Outgoing)
            .filter(|e| e.weight().link_kind() == Some(LinkKind::PerformedBy))
            .filter_map(|e| as_team(e.target()))
            .min_by_key(|t| graph[*t].id())
    })
}

/// Every hand-off along the flow, ordered by link id: flows whose two cards belong to different teams,
/// and flows between two internal cards (frontstage, backstage, support) of which only one has a team.
/// Customer cards belong to no team, so a flow to or from one is the line of interaction, not a
/// hand-off; two internal cards without a team tell nothing about who hands over. With `journey`, only
/// that journey's.
pub fn handoffs(g: &WorkspaceGraph, journey: Option<Id>) -> Vec<Handoff> {
    let graph = &g.graph;
    let mut out: Vec<Handoff> = graph
        .edge_references()
        .filter_map(|e| {
            let Edge::Link {
                kind: LinkKind::Flow,
                id,
            } = *e.weight()
            else {
                return None;
            };
            let (Node::Step(from), Node::Step(to)) = (graph[e.source()], graph[e.target()]) else {
                return None;
            };
            if journey.is_some_and(|j| j != from.journey) {
                return None;
            }
            let team = |ix: NodeIndex| team_of(g, ix).map(|t| graph[t].id());
            let (a, b) = (team(e.source()), team(e.target()));
            let handed = match (a, b) {
                (Some(a), Some(b)) => a != b,
                (Some(_), None) | (None, Some(_)) => is_internal(from.lane) && is_internal(to.lane),
                (None, None) => false,
            };
            handed.then_some(Handoff {
                link: id,
                journey: from.journey,
                from_step: from.id,
                to_step: to.id,
                from_team: a,
                to_team: b,
            })
        })
        .collect();
    out.sort_by_key(|h| h.link);
    out
}
