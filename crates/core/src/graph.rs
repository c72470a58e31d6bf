//! The workspace as one directed graph, so questions that cross journeys ("which steps break if the CRM
//! goes down?", "which steps have no owner?") are graph walks instead of ad-hoc scans. petgraph stays
//! private: callers speak in [`Id`]s. The graph follows the workspace edit by edit ([`WorkspaceGraph::update`])
//! instead of being rebuilt, so a large workspace answers again within milliseconds of a change.

use std::collections::{HashMap, HashSet};

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use petgraph::Direction;

use crate::edit::Touched;
use crate::{EntityKind, Id, Journey, LaneKind, LinkKind, Workspace};

/// A step as the analyses see it: where it sits and whether it matters most.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepNode {
    /// The step.
    pub id: Id,
    /// Its journey.
    pub journey: Id,
    /// Its stage.
    pub stage: Id,
    /// Index of its stage in the journey's stage order (0 = first).
    pub stage_rank: u32,
    /// The kind of its lane.
    pub lane: LaneKind,
    /// Whether it is a moment of truth.
    pub moment_of_truth: bool,
    /// Whether the room marked it as an assumption (a guess no evidence backs yet).
    pub assumption: bool,
}

/// What a node of the workspace graph stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Node {
    /// A step (card).
    Step(StepNode),
    /// A person, team, system or process.
    Entity {
        /// The entity.
        id: Id,
        /// Its kind.
        kind: EntityKind,
    },
}

impl Node {
    /// The record's id.
    pub fn id(&self) -> Id {
        match self {
            Node::Step(s) => s.id,
            Node::Entity { id, .. } => *id,
        }
    }
}

/// What an edge of the workspace graph means: a stored link, or a step's or entity's owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// A link of this kind.
    Link {
        /// Its kind.
        kind: LinkKind,
        /// The stored link's id.
        id: Id,
    },
    /// Owned by (the target is a person or team).
    OwnedBy,
}

impl Edge {
    /// The link kind, for edges that are links.
    pub fn link_kind(&self) -> Option<LinkKind> {
        match self {
            Edge::Link { kind, .. } => Some(*kind),
            Edge::OwnedBy => None,
        }
    }
}

/// The graph view of a workspace.
#[derive(Default)]
pub struct WorkspaceGraph {
    pub(crate) graph: StableDiGraph<Node, Edge>,
    index: HashMap<Id, NodeIndex>,
    links: HashMap<Id, EdgeIndex>,
}

fn stage_ranks(journey: &Journey) -> HashMap<Id, u32> {
    let mut stages: Vec<_> = journey.stages.iter().collect();
    stages.sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i as u32))
        .collect()
}

impl WorkspaceGraph {
    /// Builds the graph of a (valid) workspace: a node per step and entity, an edge per link and owner.
    pub fn build(ws: &Workspace) -> Self {
        let mut g = WorkspaceGraph::default();
        for journey in &ws.journeys {
            g.put_journey_steps(journey, |_| true);
        }
        for entity in &ws.entities {
            g.put_node(Node::Entity {
                id: entity.id,
                kind: entity.kind,
            });
        }
        let owners = ws
            .journeys
            .iter()
            .flat_map(|j| j.steps.iter().map(|s| (s.id, s.owner)))
            .chain(ws.entities.iter().map(|e| (e.id, e.owner)));
        for (id, owner) in owners {
            g.set_owner(id, owner);
        }
        for link in &ws.links {
            g.put_link(link);
        }
        g
    }

    /// Brings the graph in line with `ws` after an edit that changed the records in `t`, touching only
    /// those records (and, when stages or lanes changed, the steps of their journey).
    pub fn update(&mut self, ws: &Workspace, t: &Touched) {
        for id in &t.removed_links {
            if let Some(e) = self.links.remove(id) {
                self.graph.remove_edge(e);
            }
        }
        for id in t.removed_steps.iter().chain(&t.removed_entities) {
            self.remove_node(*id);
        }
        if !t.removed_journeys.is_empty() {
            let gone: HashSet<Id> = t.removed_journeys.iter().copied().collect();
            let steps: Vec<Id> = self
                .graph
                .node_weights()
                .filter_map(|n| match n {
                    Node::Step(s) if gone.contains(&s.journey) => Some(s.id),
                    _ => None,
                })
                .collect();
            for id in steps {
                self.remove_node(id);
            }
        }
        let mut whole: HashSet<Id> = t.journeys.iter().copied().collect();
        let layout_changed = !(t.stages.is_empty()
            && t.lanes.is_empty()
            && t.removed_stages.is_empty()
            && t.removed_lanes.is_empty());
        if layout_changed {
            whole.extend(t.journey);
        }
        let steps: HashSet<Id> = t.steps.iter().copied().collect();
        let mut owners = Vec::new();
        for journey in &ws.journeys {
            let all = whole.contains(&journey.id);
            if all || journey.steps.iter().any(|s| steps.contains(&s.id)) {
                self.put_journey_steps(journey, |id| all || steps.contains(&id));
                owners.extend(
                    journey
                        .steps
                        .iter()
                        .filter(|s| all || steps.contains(&s.id))
                        .map(|s| (s.id, s.owner)),
                );
            }
        }
        let entities: HashSet<Id> = t.entities.iter().copied().collect();
        for entity in ws.entities.iter().filter(|e| entities.contains(&e.id)) {
            self.put_node(Node::Entity {
                id: entity.id,
                kind: entity.kind,
            });
            owners.push((entity.id, entity.owner));
        }
        for (id, owner) in owners {
            self.set_owner(id, owner);
        }
        let links: HashSet<Id> = t.links.iter().copied().collect();
        if !links.is_empty() {
            for link in ws.links.iter().filter(|l| links.contains(&l.id)) {
                if let Some(e) = self.links.remove(&link.id) {
                    self.graph.remove_edge(e);
                }
                self.put_link(link);
            }
        }
    }

    fn put_journey_steps(&mut self, journey: &Journey, pick: impl Fn(Id) -> bool) {
        let ranks = stage_ranks(journey);
        let kinds: HashMap<Id, LaneKind> = journey.lanes.iter().map(|l| (l.id, l.kind)).collect();
        for step in journey.steps.iter().filter(|s| pick(s.id)) {
            self.put_node(Node::Step(StepNode {
                id: step.id,
                journey: journey.id,
                stage: step.stage,
                stage_rank: ranks.get(&step.stage).copied().unwrap_or(0),
                lane: kinds.get(&step.lane).copied().unwrap_or(LaneKind::Customer),
                moment_of_truth: step.moment_of_truth,
                assumption: step.assumption,
            }));
        }
    }

    /// Adds a node, or replaces the weight of the node with the same id (keeping its edges).
    fn put_node(&mut self, node: Node) {
        match self.index.get(&node.id()) {
            Some(&ix) => self.graph[ix] = node,
            None => {
                let ix = self.graph.add_node(node);
                self.index.insert(node.id(), ix);
            }
        }
    }

    fn remove_node(&mut self, id: Id) {
        let Some(ix) = self.index.remove(&id) else {
            return;
        };
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for e in self.graph.edges_directed(ix, dir) {
                if let Edge::Link { id, .. } = e.weight() {
                    self.links.remove(id);
                }
            }
        }
        self.graph.remove_node(ix);
    }

    fn set_owner(&mut self, id: Id, owner: Option<Id>) {
        let Some(&ix) = self.index.get(&id) else {
            return;
        };
        let old: Vec<EdgeIndex> = self
            .graph
            .edges_directed(ix, Direction::Outgoing)
            .filter(|e| *e.weight() == Edge::OwnedBy)
            .map(|e| e.id())
            .collect();
        for e in old {
            self.graph.remove_edge(e);
        }
        if let Some(&to) = owner.and_then(|o| self.index.get(&o)) {
            self.graph.add_edge(ix, to, Edge::OwnedBy);
        }
    }

    fn put_link(&mut self, link: &crate::Link) {
        if let (Some(&a), Some(&b)) = (self.index.get(&link.from), self.index.get(&link.to)) {
            let e = self.graph.add_edge(
                a,
                b,
                Edge::Link {
                    kind: link.kind,
                    id: link.id,
                },
            );
            self.links.insert(link.id, e);
        }
    }

    /// The node index of a record, for the analyses.
    pub(crate) fn ix(&self, id: Id) -> Option<NodeIndex> {
        self.index.get(&id).copied()
    }

    /// The node for a record id.
    pub fn node(&self, id: Id) -> Option<&Node> {
        self.ix(id).map(|ix| &self.graph[ix])
    }

    /// Number of nodes (steps and entities).
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges (links and owners).
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Every node and edge in id order, so two graphs of one workspace compare equal however they
    /// came about (built at once, or kept up to date edit by edit).
    pub fn snapshot(&self) -> (Vec<Node>, Vec<(Id, Id, Edge)>) {
        let mut nodes: Vec<Node> = self.graph.node_weights().copied().collect();
        nodes.sort_by_key(|n| n.id());
        let mut edges: Vec<(Id, Id, Edge)> = self
            .graph
            .edge_references()
            .map(|e| {
                (
                    self.graph[e.source()].id(),
                    self.graph[e.target()].id(),
                    *e.weight(),
                )
            })
            .collect();
        edges.sort_by_key(|(a, b, e)| {
            let link = match e {
                Edge::Link { id, .. } => Some(*id),
                Edge::OwnedBy => None,
            };
            (*a, *b, link)
        });
        (nodes, edges)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Entity, Journey, Step};

    fn entity(kind: EntityKind, name: &str) -> Entity {
        Entity {
            id: Id::new(),
            kind,
            name: name.into(),
            description: String::new(),
            owner: None,
        }
    }

    #[test]
    fn an_owner_is_one_edge_from_the_card_to_its_owner() {
        let mut j = Journey::from_template("J", &["A"]);
        let (lane, stage) = (j.lanes[2].id, j.stages[0].id);
        let team = entity(EntityKind::Team, "Support");
        let team_id = team.id;
        let mut owned = Step::new(lane, stage, 0.0, "owned");
        owned.owner = Some(team.id);
        let owned_id = owned.id;
        let unowned = Step::new(lane, stage, 1.0, "unowned");
        j.steps = vec![owned, unowned.clone()];
        let ws = Workspace {
            journeys: vec![j],
            entities: vec![team],
            links: vec![],
            personas: Vec::new(),
        };
        let g = WorkspaceGraph::build(&ws);
        assert_eq!((g.node_count(), g.edge_count()), (3, 1));
        let (_, edges) = g.snapshot();
        assert_eq!(edges, vec![(owned_id, team_id, Edge::OwnedBy)]);
        assert!(edges.iter().all(|(from, _, _)| *from != unowned.id));
    }
}
