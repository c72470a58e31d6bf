//! The workspace as one directed graph, so questions that cross journeys ("which steps break if the CRM
//! goes down?", "which steps have no owner?") are graph walks instead of ad-hoc scans. petgraph stays
//! private: callers speak in [`Id`]s.

use std::collections::HashMap;

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::Walker;
use petgraph::Direction;

use crate::{EntityKind, Id, LinkKind, Workspace};

/// What a node of the workspace graph stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Node {
    /// A step (card) of the given journey.
    Step {
        /// The step.
        id: Id,
        /// Its journey.
        journey: Id,
        /// Whether it is a moment of truth.
        moment_of_truth: bool,
    },
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
            Node::Step { id, .. } | Node::Entity { id, .. } => *id,
        }
    }
}

/// What an edge of the workspace graph means: a stored link, or a step's or entity's owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// A link of this kind.
    Link(LinkKind),
    /// Owned by (the target is a person or team).
    OwnedBy,
}

/// The graph view of a workspace.
#[derive(Default)]
pub struct WorkspaceGraph {
    graph: StableDiGraph<Node, Edge>,
    index: HashMap<Id, NodeIndex>,
}

impl WorkspaceGraph {
    /// Builds the graph of a (valid) workspace: a node per step and entity, an edge per link and owner.
    pub fn build(ws: &Workspace) -> Self {
        let mut g = WorkspaceGraph::default();
        for journey in &ws.journeys {
            for step in &journey.steps {
                g.add_node(Node::Step {
                    id: step.id,
                    journey: journey.id,
                    moment_of_truth: step.moment_of_truth,
                });
            }
        }
        for entity in &ws.entities {
            g.add_node(Node::Entity {
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
            if let Some(owner) = owner {
                g.add_edge(id, owner, Edge::OwnedBy);
            }
        }
        for link in &ws.links {
            g.add_edge(link.from, link.to, Edge::Link(link.kind));
        }
        g
    }

    fn add_node(&mut self, node: Node) {
        let ix = self.graph.add_node(node);
        self.index.insert(node.id(), ix);
    }

    fn add_edge(&mut self, from: Id, to: Id, edge: Edge) {
        if let (Some(&a), Some(&b)) = (self.index.get(&from), self.index.get(&to)) {
            self.graph.add_edge(a, b, edge);
        }
    }

    /// Number of nodes (steps and entities).
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges (links and owners).
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Steps with no accountable owner, in graph order.
    pub fn unowned_steps(&self) -> Vec<Id> {
        self.graph
            .node_indices()
            .filter(|&ix| matches!(self.graph[ix], Node::Step { .. }))
            .filter(|&ix| {
                !self
                    .graph
                    .edges_directed(ix, Direction::Outgoing)
                    .any(|e| *e.weight() == Edge::OwnedBy)
            })
            .map(|ix| self.graph[ix].id())
            .collect()
    }

    /// Every step that relies on `entity`, directly or through a chain of *depends on*: the steps that
    /// break for customers if it fails. Empty for an unknown id.
    pub fn impact(&self, entity: Id) -> Vec<Id> {
        let Some(&start) = self.index.get(&entity) else {
            return Vec::new();
        };
        let relies = petgraph::visit::EdgeFiltered::from_fn(&self.graph, |e| {
            matches!(
                e.weight(),
                Edge::Link(
                    LinkKind::PerformedBy | LinkKind::Uses | LinkKind::PartOf | LinkKind::DependsOn
                )
            )
        });
        let reversed = petgraph::visit::Reversed(&relies);
        let mut found: Vec<Id> = petgraph::visit::Bfs::new(reversed, start)
            .iter(reversed)
            .filter(|&ix| matches!(self.graph[ix], Node::Step { .. }))
            .map(|ix| self.graph[ix].id())
            .collect();
        found.sort();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Entity, Journey, Link, Step};

    fn entity(kind: EntityKind, name: &str) -> Entity {
        Entity {
            id: Id::new(),
            kind,
            name: name.into(),
            description: String::new(),
            owner: None,
        }
    }

    fn link(kind: LinkKind, from: Id, to: Id) -> Link {
        Link {
            id: Id::new(),
            kind,
            from,
            to,
        }
    }

    /// s1 uses the CRM; s2 is part of a process that depends on the CRM; s3 uses billing only.
    #[test]
    fn impact_follows_uses_part_of_and_depends_on() {
        let mut j = Journey::from_template("J", &["A"]);
        let (lane, stage) = (j.lanes[1].id, j.stages[0].id);
        let s: Vec<Step> = (0..3)
            .map(|i| Step::new(lane, stage, i as f64, "s"))
            .collect();
        let crm = entity(EntityKind::System, "CRM");
        let billing = entity(EntityKind::System, "Billing");
        let process = entity(EntityKind::Process, "Refunds");
        let links = vec![
            link(LinkKind::Uses, s[0].id, crm.id),
            link(LinkKind::PartOf, s[1].id, process.id),
            link(LinkKind::DependsOn, process.id, crm.id),
            link(LinkKind::Uses, s[2].id, billing.id),
            link(LinkKind::Flow, s[2].id, s[0].id),
        ];
        j.steps = s.clone();
        let ws = Workspace {
            journeys: vec![j],
            entities: vec![crm.clone(), billing.clone(), process],
            links,
        };
        let g = WorkspaceGraph::build(&ws);
        let mut want = vec![s[0].id, s[1].id];
        want.sort();
        assert_eq!(g.impact(crm.id), want);
        assert_eq!(g.impact(billing.id), vec![s[2].id]);
        assert!(g.impact(Id::new()).is_empty());
    }

    #[test]
    fn unowned_steps_are_those_without_an_owner_edge() {
        let mut j = Journey::from_template("J", &["A"]);
        let (lane, stage) = (j.lanes[2].id, j.stages[0].id);
        let team = entity(EntityKind::Team, "Support");
        let mut owned = Step::new(lane, stage, 0.0, "owned");
        owned.owner = Some(team.id);
        let unowned = Step::new(lane, stage, 1.0, "unowned");
        j.steps = vec![owned, unowned.clone()];
        let ws = Workspace {
            journeys: vec![j],
            entities: vec![team],
            links: vec![],
        };
        let g = WorkspaceGraph::build(&ws);
        assert_eq!(g.unowned_steps(), vec![unowned.id]);
        assert_eq!((g.node_count(), g.edge_count()), (3, 1));
    }
}
