//! Outages on a blueprint from the service-design literature — the overnight hotel stay of Bitner,
//! Ostrom and Morgan's "Service Blueprinting" (2008) — with every answer worked out by hand, one part of
//! the rule at a time; then properties on random workspaces: the answer equals a naive fixed point over
//! the links, and a graph kept up to date edit by edit answers as one built from scratch.

mod common;

use std::collections::{HashMap, HashSet};

use common::random_edit;
use proptest::prelude::*;
use throughline_core::edit::apply;
use throughline_core::graph::WorkspaceGraph;
use throughline_core::impact::{Outage, OutageIndex, Reason};
use throughline_core::sample::sample_workspace;
use throughline_core::synthetic::Rng;
use throughline_core::{
    Entity, EntityKind, Id, Journey, LaneKind, Link, LinkKind, Step, Workspace,
};

/// The hotel stay, built by card text so the expected answers read like the blueprint.
struct Hotel {
    ws: Workspace,
    ids: HashMap<&'static str, Id>,
}

const STAGES: [&str; 4] = ["Arrive", "Check in", "Stay", "Check out"];

impl Hotel {
    fn new() -> Self {
        let mut h = Hotel {
            ws: Workspace {
                journeys: vec![Journey::from_template("Overnight hotel stay", &STAGES)],
                entities: vec![],
                links: vec![],
                personas: Vec::new(),
            },
            ids: HashMap::new(),
        };
        use LaneKind::*;
        for (lane, stage, text, moment) in [
            (Evidence, 0, "Hotel exterior and parking", false),
            (Customer, 0, "Arrives at hotel", false),
            (Customer, 0, "Gives bags to bellperson", false),
            (Frontstage, 0, "Greets and takes bags", false),
            (Customer, 1, "Checks in", true),
            (Frontstage, 1, "Processes registration", false),
            (Support, 1, "Registration system records stay", false),
            (Customer, 1, "Goes to room", false),
            (Evidence, 1, "Key card and room", false),
            (Backstage, 1, "Takes bags to room", false),
            (Frontstage, 1, "Delivers bags", false),
            (Customer, 1, "Receives bags", false),
            (Customer, 2, "Calls room service", false),
            (Frontstage, 2, "Takes food order", false),
            (Backstage, 2, "Prepares food", false),
            (Backstage, 2, "Quality check", false),
            (Frontstage, 2, "Delivers food", false),
            (Customer, 2, "Receives food", true),
            (Support, 2, "Kitchen restock", false),
            (Customer, 3, "Checks out and leaves", true),
            (Frontstage, 3, "Processes check out", false),
        ] {
            h.card(lane, stage, text, moment);
        }
        for (from, to) in [
            ("Arrives at hotel", "Greets and takes bags"),
            ("Gives bags to bellperson", "Greets and takes bags"),
            ("Checks in", "Processes registration"),
            ("Processes registration", "Registration system records stay"),
            ("Processes registration", "Goes to room"),
            ("Processes registration", "Key card and room"),
            ("Greets and takes bags", "Takes bags to room"),
            ("Takes bags to room", "Delivers bags"),
            ("Greets and takes bags", "Delivers bags"),
            ("Delivers bags", "Receives bags"),
            ("Calls room service", "Takes food order"),
            ("Takes food order", "Prepares food"),
            ("Prepares food", "Quality check"),
            ("Quality check", "Prepares food"),
            ("Quality check", "Delivers food"),
            ("Delivers food", "Receives food"),
            ("Registration system records stay", "Processes check out"),
            ("Checks out and leaves", "Processes check out"),
        ] {
            h.link(LinkKind::Flow, from, to);
        }
        use EntityKind::*;
        for (kind, name) in [
            (System, "Property management system"),
            (System, "Point of sale"),
            (System, "Hotel network"),
            (Team, "Bell staff"),
            (Team, "Kitchen"),
            (Process, "Room service"),
        ] {
            h.entity(kind, name);
        }
        for (kind, from, to) in [
            (
                LinkKind::Uses,
                "Processes registration",
                "Property management system",
            ),
            (
                LinkKind::Uses,
                "Registration system records stay",
                "Property management system",
            ),
            (LinkKind::Uses, "Takes food order", "Point of sale"),
            (LinkKind::PerformedBy, "Takes bags to room", "Bell staff"),
            (LinkKind::PerformedBy, "Prepares food", "Kitchen"),
            (LinkKind::PartOf, "Delivers food", "Room service"),
            (
                LinkKind::DependsOn,
                "Property management system",
                "Hotel network",
            ),
            (LinkKind::DependsOn, "Point of sale", "Hotel network"),
        ] {
            h.link(kind, from, to);
        }
        h
    }

    fn card(&mut self, lane: LaneKind, stage: usize, text: &'static str, moment: bool) {
        let j = &mut self.ws.journeys[0];
        let lane = j.lanes.iter().find(|l| l.kind == lane).unwrap().id;
        let mut step = Step::new(lane, j.stages[stage].id, j.steps.len() as f64, text);
        step.moment_of_truth = moment;
        self.ids.insert(text, step.id);
        j.steps.push(step);
    }

    fn entity(&mut self, kind: EntityKind, name: &'static str) {
        let id = Id::new();
        self.ids.insert(name, id);
        self.ws.entities.push(Entity {
            id,
            kind,
            name: name.into(),
            description: String::new(),
            owner: None,
        });
    }

    fn link(&mut self, kind: LinkKind, from: &str, to: &str) {
        self.ws.links.push(Link {
            id: Id::new(),
            kind,
            from: self.ids[from],
            to: self.ids[to],
        });
    }

    fn outage(&self, down: &[&str]) -> Outage {
        throughline_core::validate_workspace(&self.ws).unwrap();
        let g = WorkspaceGraph::build(&self.ws);
        let down: Vec<Id> = down.iter().map(|n| self.ids[n]).collect();
        OutageIndex::new(&g).outage(&g, &down).unwrap()
    }

    fn names(&self, ids: impl IntoIterator<Item = Id>) -> Vec<&'static str> {
        let by_id: HashMap<Id, &'static str> = self.ids.iter().map(|(k, v)| (*v, *k)).collect();
        let mut names: Vec<&'static str> = ids.into_iter().map(|id| by_id[&id]).collect();
        names.sort_unstable();
        names
    }

    fn with(&self, o: &Outage, reason: Reason) -> Vec<&'static str> {
        self.names(o.with_reason(reason).map(|c| c.step))
    }
}

#[test]
fn a_system_down_fails_the_cards_using_it_and_hits_the_customer_on_both_sides() {
    let h = Hotel::new();
    let o = h.outage(&["Property management system"]);
    assert_eq!(
        h.with(&o, Reason::ReliesDirectly),
        ["Processes registration", "Registration system records stay"]
    );
    assert_eq!(h.with(&o, Reason::CustomerRequest), ["Checks in"]);
    assert_eq!(
        h.with(&o, Reason::CustomerDelivery),
        ["Goes to room", "Key card and room"]
    );
    // Check-out is also fed by the guest's own request, so it still happens, degraded.
    assert_eq!(h.with(&o, Reason::Degraded), ["Processes check out"]);
    assert!(h.with(&o, Reason::Downstream).is_empty());
    assert_eq!(h.names(o.moments.clone()), ["Checks in"]);
    assert_eq!(
        h.names(o.customer_steps.clone()),
        ["Checks in", "Goes to room"]
    );
    assert_eq!(o.stages, {
        let mut s = vec![h.ws.journeys[0].stages[1].id];
        s.sort();
        s
    });
    // The answer leads with the moment of truth.
    assert_eq!(h.names([o.cards[0].step]), ["Checks in"]);
    let why = o
        .cards
        .iter()
        .find(|c| c.step == h.ids["Goes to room"])
        .unwrap();
    assert_eq!(why.because, h.ids["Processes registration"]);
}

#[test]
fn work_fed_only_by_failed_work_fails_downstream_through_two_internal_cards_and_its_loop() {
    let h = Hotel::new();
    let o = h.outage(&["Point of sale"]);
    assert_eq!(h.with(&o, Reason::ReliesDirectly), ["Takes food order"]);
    // Prepares food is fed by the order and by its own quality-check loop, both failed; so is the
    // check, and delivery after it.
    assert_eq!(
        h.with(&o, Reason::Downstream),
        ["Delivers food", "Prepares food", "Quality check"]
    );
    assert_eq!(h.with(&o, Reason::CustomerRequest), ["Calls room service"]);
    assert_eq!(h.with(&o, Reason::CustomerDelivery), ["Receives food"]);
    assert_eq!(h.names(o.moments.clone()), ["Receives food"]);
    let why = o
        .cards
        .iter()
        .find(|c| c.step == h.ids["Takes food order"])
        .unwrap();
    assert_eq!(why.because, h.ids["Point of sale"]);
}

#[test]
fn a_loop_with_a_working_way_in_keeps_the_work_after_it_going() {
    let mut h = Hotel::new();
    h.link(LinkKind::Flow, "Kitchen restock", "Quality check");
    let o = h.outage(&["Point of sale"]);
    assert!(h.with(&o, Reason::Downstream).is_empty(), "{o:?}");
    assert_eq!(h.with(&o, Reason::Degraded), ["Prepares food"]);
    assert_eq!(h.with(&o, Reason::CustomerDelivery), Vec::<&str>::new());
    assert!(o.moments.is_empty());
}

#[test]
fn a_team_down_degrades_work_that_has_another_way_in_and_stops_there() {
    let h = Hotel::new();
    let o = h.outage(&["Bell staff"]);
    assert_eq!(h.with(&o, Reason::ReliesDirectly), ["Takes bags to room"]);
    assert_eq!(h.with(&o, Reason::Degraded), ["Delivers bags"]);
    assert!(
        o.customer_steps.is_empty(),
        "the bags still arrive by the other path"
    );
    assert!(o.moments.is_empty());
}

#[test]
fn what_fails_with_a_dependency_fails_with_what_depends_on_it() {
    let h = Hotel::new();
    let o = h.outage(&["Hotel network"]);
    assert_eq!(
        h.names(o.entities_down.clone()),
        [
            "Hotel network",
            "Point of sale",
            "Property management system"
        ]
    );
    assert_eq!(h.names(o.moments.clone()), ["Checks in", "Receives food"]);
    assert_eq!(
        h.with(&o, Reason::ReliesDirectly),
        [
            "Processes registration",
            "Registration system records stay",
            "Takes food order"
        ]
    );
}

#[test]
fn several_entities_down_at_once_combine() {
    let h = Hotel::new();
    let o = h.outage(&["Property management system", "Bell staff", "Kitchen"]);
    assert_eq!(
        h.with(&o, Reason::ReliesDirectly),
        [
            "Prepares food",
            "Processes registration",
            "Registration system records stay",
            "Takes bags to room"
        ]
    );
    // Quality check is fed only by failed food preparation; delivery only by the check.
    assert_eq!(
        h.with(&o, Reason::Downstream),
        ["Delivers food", "Quality check"]
    );
    assert_eq!(h.names(o.moments.clone()), ["Checks in", "Receives food"]);
}

#[test]
fn unknown_entities_are_named_and_an_entity_nothing_uses_affects_nothing() {
    let h = Hotel::new();
    let g = WorkspaceGraph::build(&h.ws);
    let index = OutageIndex::new(&g);
    let stranger = Id::new();
    let card = h.ids["Checks in"];
    assert_eq!(
        index.outage(&g, &[stranger, card]),
        Err(vec![stranger, card])
    );
    let mut h = Hotel::new();
    h.entity(EntityKind::System, "Fax");
    assert!(h.outage(&["Fax"]).is_empty());
}

#[test]
fn criticality_ranks_what_puts_the_most_moments_and_customers_at_risk_first() {
    let h = Hotel::new();
    let g = WorkspaceGraph::build(&h.ws);
    let ranked = OutageIndex::new(&g).criticality();
    let order = h.names_in_order(ranked.iter().map(|c| c.entity));
    assert_eq!(order[0], "Hotel network");
    let network = &ranked[0];
    assert_eq!(
        (network.moments, network.customer_steps, network.dependents),
        (2, 4, 2)
    );
    // PMS (1 moment, 2 customer steps) before the point of sale (1 moment, 2 customer steps, fewer
    // cards) — worked out: PMS 2 direct + 3 hit = 5 cards; POS 1 + 3 downstream + 2 hit = 6 cards.
    assert_eq!(
        &order[1..3],
        ["Point of sale", "Property management system"]
    );
    assert_eq!(order.last(), Some(&"Bell staff"));
}

impl Hotel {
    fn names_in_order(&self, ids: impl IntoIterator<Item = Id>) -> Vec<&'static str> {
        let by_id: HashMap<Id, &'static str> = self.ids.iter().map(|(k, v)| (*v, *k)).collect();
        ids.into_iter().map(|id| by_id[&id]).collect()
    }
}

/// The rule computed naively over the workspace's records, independently of the graph and index:
/// fixed points by repeated passes over every link.
fn naive(ws: &Workspace, down: &[Id]) -> (HashSet<Id>, HashMap<Id, Reason>) {
    let lanes: HashMap<Id, LaneKind> = ws
        .journeys
        .iter()
        .flat_map(|j| j.lanes.iter().map(|l| (l.id, l.kind)))
        .collect();
    let kind: HashMap<Id, LaneKind> = ws
        .journeys
        .iter()
        .flat_map(|j| j.steps.iter().map(|s| (s.id, lanes[&s.lane])))
        .collect();
    let work = |id: &Id| {
        matches!(
            kind.get(id),
            Some(LaneKind::Frontstage | LaneKind::Backstage | LaneKind::Support)
        )
    };
    let mut entities: HashSet<Id> = down.iter().copied().collect();
    loop {
        let n = entities.len();
        for l in ws.links.iter().filter(|l| l.kind == LinkKind::DependsOn) {
            if entities.contains(&l.to) {
                entities.insert(l.from);
            }
        }
        if entities.len() == n {
            break;
        }
    }
    let direct: HashSet<Id> = ws
        .links
        .iter()
        .filter(|l| {
            matches!(
                l.kind,
                LinkKind::PerformedBy | LinkKind::Uses | LinkKind::PartOf
            )
        })
        .filter(|l| entities.contains(&l.to))
        .map(|l| l.from)
        .collect();
    let flows: Vec<&Link> = ws
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::Flow)
        .collect();
    let mut reach = direct.clone();
    loop {
        let n = reach.len();
        for l in &flows {
            if reach.contains(&l.from) && work(&l.to) {
                reach.insert(l.to);
            }
        }
        if reach.len() == n {
            break;
        }
    }
    let mut failed = reach;
    loop {
        let n = failed.len();
        let alive_fed: HashSet<Id> = flows
            .iter()
            .filter(|l| !failed.contains(&l.from))
            .map(|l| l.to)
            .collect();
        failed.retain(|c| direct.contains(c) || !alive_fed.contains(c));
        if failed.len() == n {
            break;
        }
    }
    let mut reasons = HashMap::new();
    for c in &failed {
        let r = if direct.contains(c) {
            Reason::ReliesDirectly
        } else {
            Reason::Downstream
        };
        reasons.insert(*c, r);
    }
    for l in &flows {
        if failed.contains(&l.to) && kind.get(&l.from) == Some(&LaneKind::Customer) {
            reasons.entry(l.from).or_insert(Reason::CustomerRequest);
        }
    }
    for l in &flows {
        if !failed.contains(&l.from) {
            continue;
        }
        match kind.get(&l.to) {
            Some(LaneKind::Customer | LaneKind::Evidence) => {
                reasons.entry(l.to).or_insert(Reason::CustomerDelivery);
            }
            _ if work(&l.to) && !failed.contains(&l.to) => {
                reasons.entry(l.to).or_insert(Reason::Degraded);
            }
            _ => {}
        }
    }
    (entities, reasons)
}

fn reasons_of(o: &Outage) -> HashMap<Id, Reason> {
    o.cards.iter().map(|c| (c.step, c.reason)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn outages_equal_the_naive_fixed_point_and_an_updated_graph_answers_as_a_rebuilt_one(
        seed in any::<u64>(), n in 0usize..40, pick in any::<u64>()
    ) {
        let mut ws = sample_workspace().unwrap();
        let mut graph = WorkspaceGraph::build(&ws);
        let mut rng = Rng::new(seed);
        for _ in 0..n {
            let edit = random_edit(&ws, &mut rng);
            if let Ok((touched, _)) = apply(&mut ws, &edit) {
                graph.update(&ws, &touched);
            }
        }
        let rebuilt = WorkspaceGraph::build(&ws);
        let (kept, fresh) = (OutageIndex::new(&graph), OutageIndex::new(&rebuilt));
        let entities: Vec<Id> = ws.entities.iter().map(|e| e.id).collect();
        prop_assume!(!entities.is_empty());
        let mut down = vec![entities[(pick % entities.len() as u64) as usize]];
        if pick % 3 == 0 {
            down.push(entities[((pick / 3) % entities.len() as u64) as usize]);
        }
        let a = kept.outage(&graph, &down).unwrap();
        let b = fresh.outage(&rebuilt, &down).unwrap();
        prop_assert_eq!(&a, &b);
        let (entities_down, reasons) = naive(&ws, &down);
        prop_assert_eq!(a.entities_down.iter().copied().collect::<HashSet<_>>(), entities_down);
        prop_assert_eq!(reasons_of(&a), reasons);
        let ranked = fresh.criticality();
        prop_assert_eq!(ranked.len(), ws.entities.len());
        let single = fresh.outage(&rebuilt, &[ranked[0].entity]).unwrap();
        prop_assert_eq!(single.moments.len() as u32, ranked[0].moments);
    }
}
