//! The analyses on small hand-built workspaces whose answers are worked out by hand, and properties
//! that hold on any workspace: impact is exactly reachability, unowned means no owner, and a graph kept
//! up to date edit by edit equals one built from scratch.

mod common;

use std::collections::HashSet;

use common::random_edit;
use proptest::prelude::*;
use throughline_core::analysis::{checks, handoffs, impact, Finding, FindingKind};
use throughline_core::edit::{apply, Edit, StepDetails};
use throughline_core::graph::WorkspaceGraph;
use throughline_core::sample::sample_workspace;
use throughline_core::synthetic::Rng;
use throughline_core::{
    Entity, EntityKind, EvidenceSource, Id, Insight, Journey, LaneKind, Link, LinkKind, Step,
    Workspace,
};

/// Builds a one-journey workspace card by card: stages "S0".."S3", the five standard lanes.
struct Builder {
    ws: Workspace,
}

impl Builder {
    fn new() -> Self {
        let j = Journey::from_template("J", &["S0", "S1", "S2", "S3"]);
        Builder {
            ws: Workspace {
                journeys: vec![j],
                entities: vec![],
                links: vec![],
                personas: Vec::new(),
            },
        }
    }

    fn step(&mut self, lane: LaneKind, stage: usize) -> Id {
        let j = &mut self.ws.journeys[0];
        let lane = j.lanes.iter().find(|l| l.kind == lane).unwrap().id;
        let step = Step::new(lane, j.stages[stage].id, j.steps.len() as f64, "card");
        let id = step.id;
        j.steps.push(step);
        id
    }

    fn moment(&mut self, lane: LaneKind, stage: usize) -> Id {
        let id = self.step(lane, stage);
        self.ws.journeys[0]
            .steps
            .last_mut()
            .unwrap()
            .moment_of_truth = true;
        id
    }

    fn entity(&mut self, kind: EntityKind, name: &str) -> Id {
        let id = Id::new();
        self.ws.entities.push(Entity {
            id,
            kind,
            name: name.into(),
            description: String::new(),
            owner: None,
        });
        id
    }

    fn own(&mut self, what: Id, owner: Id) {
        if let Some(e) = self.ws.entities.iter_mut().find(|e| e.id == what) {
            e.owner = Some(owner);
        }
        if let Some(s) = self.ws.journeys[0].steps.iter_mut().find(|s| s.id == what) {
            s.owner = Some(owner);
        }
    }

    fn link(&mut self, kind: LinkKind, from: Id, to: Id) -> Id {
        let id = Id::new();
        self.ws.links.push(Link { id, kind, from, to });
        id
    }

    fn graph(&self) -> WorkspaceGraph {
        throughline_core::validate_workspace(&self.ws).unwrap();
        WorkspaceGraph::build(&self.ws)
    }
}

fn found(findings: &[Finding], kind: FindingKind) -> HashSet<Id> {
    findings
        .iter()
        .filter(|f| f.kind == kind)
        .flat_map(|f| f.subjects.iter().copied())
        .collect()
}

fn set(ids: &[Id]) -> HashSet<Id> {
    ids.iter().copied().collect()
}

#[test]
fn unowned_moments_steps_and_entities() {
    let mut b = Builder::new();
    let team = b.entity(EntityKind::Team, "Claims");
    let lead = b.entity(EntityKind::Person, "Lead");
    b.own(team, lead);
    let owned_moment = b.moment(LaneKind::Customer, 0);
    let free_moment = b.moment(LaneKind::Customer, 1);
    let owned = b.step(LaneKind::Backstage, 0);
    let free = b.step(LaneKind::Backstage, 1);
    b.own(owned_moment, team);
    b.own(owned, lead);
    let f = checks(&b.graph(), None);
    assert_eq!(found(&f, FindingKind::UnownedMoment), set(&[free_moment]));
    assert_eq!(
        found(&f, FindingKind::UnownedStep),
        set(&[free_moment, free])
    );
    assert_eq!(found(&f, FindingKind::UnownedEntity), set(&[lead]));
}

#[test]
fn moments_of_truth_resting_on_assumptions_are_listed_until_evidence_backs_them() {
    let mut b = Builder::new();
    let guessed = b.moment(LaneKind::Customer, 0);
    let backed = b.moment(LaneKind::Frontstage, 1);
    let plain_guess = b.step(LaneKind::Customer, 2);
    for s in b.ws.journeys[0].steps.iter_mut() {
        s.assumption = s.id != backed;
    }
    let mut g = b.graph();
    let f = checks(&g, None);
    // Only moments of truth: a guessed ordinary step is counted, not reported.
    assert_eq!(found(&f, FindingKind::AssumedMoment), set(&[guessed]));
    assert!(!found(&f, FindingKind::AssumedMoment).contains(&plain_guess));

    // An interview backs the guess: the mark goes, and the graph kept up to date by edits agrees.
    let mut details = StepDetails::of(b.ws.journeys[0].step(guessed).unwrap());
    details.evidence.push(Insight {
        text: "\"I only trust a person on the phone\"".into(),
        source: EvidenceSource::Interview,
        date: Some("2026-05-14".into()),
        reference: "interview-07.m4a".into(),
    });
    let (touched, _) = apply(
        &mut b.ws,
        &Edit::SetStepDetails {
            step: guessed,
            details,
        },
    )
    .unwrap();
    assert!(!b.ws.journeys[0].step(guessed).unwrap().assumption);
    g.update(&b.ws, &touched);
    assert!(found(&checks(&g, None), FindingKind::AssumedMoment).is_empty());
}

#[test]
fn customer_steps_need_an_internal_step_in_their_flow_or_an_entity_behind_them() {
    let mut b = Builder::new();
    let crm = b.entity(EntityKind::System, "CRM");
    let by_flow_out = b.step(LaneKind::Customer, 0);
    let front = b.step(LaneKind::Frontstage, 0);
    b.link(LinkKind::Flow, by_flow_out, front);
    let by_flow_in = b.step(LaneKind::Customer, 1);
    let back = b.step(LaneKind::Backstage, 1);
    b.link(LinkKind::Flow, back, by_flow_in);
    let by_system = b.step(LaneKind::Customer, 2);
    b.link(LinkKind::Uses, by_system, crm);
    let alone = b.step(LaneKind::Customer, 2);
    let only_customers = b.step(LaneKind::Customer, 3);
    b.link(LinkKind::Flow, alone, only_customers);
    let evidence = b.step(LaneKind::Evidence, 3);
    b.link(LinkKind::Flow, only_customers, evidence);
    let f = checks(&b.graph(), None);
    assert_eq!(
        found(&f, FindingKind::UnsupportedCustomerStep),
        set(&[alone, only_customers])
    );
}

#[test]
fn internal_work_and_entities_must_reach_a_customer_step() {
    let mut b = Builder::new();
    let customer = b.step(LaneKind::Customer, 0);
    let front = b.step(LaneKind::Frontstage, 0);
    let back = b.step(LaneKind::Backstage, 1);
    b.link(LinkKind::Flow, customer, front);
    b.link(LinkKind::Flow, back, front);
    let orphan = b.step(LaneKind::Support, 2);
    let crm = b.entity(EntityKind::System, "CRM");
    let db = b.entity(EntityKind::System, "Database");
    let billing = b.entity(EntityKind::System, "Billing");
    let team = b.entity(EntityKind::Team, "Ops");
    let member = b.entity(EntityKind::Person, "Ann");
    let idle = b.entity(EntityKind::Person, "Bob");
    b.link(LinkKind::Uses, back, crm);
    b.link(LinkKind::DependsOn, crm, db);
    b.link(LinkKind::Uses, orphan, billing);
    b.link(LinkKind::PerformedBy, front, team);
    b.link(LinkKind::MemberOf, member, team);
    let f = checks(&b.graph(), None);
    assert_eq!(
        found(&f, FindingKind::ServesNoCustomer),
        set(&[orphan, billing, idle])
    );
}

/// S0: a → b (S1) → c (S2) → d (S3); e (S1) → c with nothing into e; b → f (S2), and f goes nowhere;
/// d ends the flow in the last stage; g has no arrows at all and is not part of the flow.
#[test]
fn unreachable_steps_and_dead_ends_follow_the_flow_from_its_first_stage() {
    let mut b = Builder::new();
    let a = b.step(LaneKind::Customer, 0);
    let s1 = b.step(LaneKind::Customer, 1);
    let c = b.step(LaneKind::Customer, 2);
    let d = b.step(LaneKind::Customer, 3);
    let e = b.step(LaneKind::Frontstage, 1);
    let f = b.step(LaneKind::Frontstage, 2);
    b.step(LaneKind::Backstage, 2);
    b.link(LinkKind::Flow, a, s1);
    b.link(LinkKind::Flow, s1, c);
    b.link(LinkKind::Flow, c, d);
    b.link(LinkKind::Flow, e, c);
    b.link(LinkKind::Flow, s1, f);
    let found_now = checks(&b.graph(), None);
    assert_eq!(found(&found_now, FindingKind::Unreachable), set(&[e]));
    assert_eq!(found(&found_now, FindingKind::DeadEnd), set(&[f]));
}

#[test]
fn circular_dependencies_are_reported_once_per_circle() {
    let mut b = Builder::new();
    let [x, y, z, w, v, u] =
        ["X", "Y", "Z", "W", "V", "U"].map(|n| b.entity(EntityKind::System, n));
    b.link(LinkKind::DependsOn, x, y);
    b.link(LinkKind::DependsOn, y, z);
    b.link(LinkKind::DependsOn, z, x);
    b.link(LinkKind::DependsOn, w, x);
    b.link(LinkKind::DependsOn, v, u);
    b.link(LinkKind::DependsOn, u, v);
    let f = checks(&b.graph(), None);
    let mut cycles: Vec<Vec<Id>> = f
        .iter()
        .filter(|f| f.kind == FindingKind::DependencyCycle)
        .map(|f| f.subjects.clone())
        .collect();
    cycles.sort();
    let mut want = vec![
        {
            let mut c = vec![x, y, z];
            c.sort();
            c
        },
        {
            let mut c = vec![u, v];
            c.sort();
            c
        },
    ];
    want.sort();
    assert_eq!(cycles, want);
}

#[test]
fn impact_reaches_steps_through_processes_and_dependencies_with_their_moments_and_stages() {
    let mut b = Builder::new();
    let crm = b.entity(EntityKind::System, "CRM");
    let portal = b.entity(EntityKind::System, "Portal");
    let refunds = b.entity(EntityKind::Process, "Refunds");
    let other = b.entity(EntityKind::System, "Billing");
    b.link(LinkKind::DependsOn, portal, crm);
    b.link(LinkKind::DependsOn, refunds, portal);
    let direct = b.step(LaneKind::Backstage, 0);
    let via_portal = b.moment(LaneKind::Customer, 2);
    let via_process = b.step(LaneKind::Frontstage, 3);
    let untouched = b.step(LaneKind::Backstage, 1);
    b.link(LinkKind::Uses, direct, crm);
    b.link(LinkKind::Uses, via_portal, portal);
    b.link(LinkKind::PartOf, via_process, refunds);
    b.link(LinkKind::Uses, untouched, other);
    b.link(LinkKind::Flow, untouched, direct);
    let stages: Vec<Id> = b.ws.journeys[0].stages.iter().map(|s| s.id).collect();
    let got = impact(&b.graph(), crm).unwrap();
    assert_eq!(set(&got.steps), set(&[direct, via_portal, via_process]));
    assert_eq!(got.moments, vec![via_portal]);
    assert_eq!(set(&got.stages), set(&[stages[0], stages[2], stages[3]]));
    assert_eq!(set(&got.entities), set(&[portal, refunds]));
    assert!(
        impact(&b.graph(), direct).is_none(),
        "a card is not an entity"
    );
}

#[test]
fn handoffs_are_flows_between_cards_of_different_teams() {
    let mut b = Builder::new();
    let claims = b.entity(EntityKind::Team, "Claims");
    let field = b.entity(EntityKind::Team, "Field");
    let ann = b.entity(EntityKind::Person, "Ann");
    b.link(LinkKind::MemberOf, ann, claims);
    let a = b.step(LaneKind::Frontstage, 0);
    let c = b.step(LaneKind::Frontstage, 1);
    let d = b.step(LaneKind::Backstage, 2);
    let e = b.step(LaneKind::Backstage, 3);
    let f = b.step(LaneKind::Support, 3);
    b.own(a, ann);
    b.own(c, claims);
    b.link(LinkKind::PerformedBy, d, field);
    let same = b.link(LinkKind::Flow, a, c);
    let change = b.link(LinkKind::Flow, c, d);
    let unassigned = b.link(LinkKind::Flow, d, e);
    let nobody = b.link(LinkKind::Flow, e, f);
    let got = handoffs(&b.graph(), None);
    let got: Vec<_> = got
        .iter()
        .map(|h| (h.link, h.from_team, h.to_team, h.is_unassigned()))
        .collect();
    let mut want = vec![
        (change, Some(claims), Some(field), false),
        (unassigned, Some(field), None, true),
    ];
    want.sort_by_key(|w| w.0);
    assert_eq!(
        got, want,
        "{same:?} stays in Claims and {nobody:?} has no team at either end"
    );
}

#[test]
fn flows_to_and_from_the_customer_are_not_handoffs() {
    let mut b = Builder::new();
    let desk = b.entity(EntityKind::Team, "Front desk");
    let guest = b.step(LaneKind::Customer, 0);
    let check_in = b.step(LaneKind::Frontstage, 0);
    let thanks = b.step(LaneKind::Customer, 1);
    b.own(check_in, desk);
    b.link(LinkKind::Flow, guest, check_in);
    b.link(LinkKind::Flow, check_in, thanks);
    assert!(handoffs(&b.graph(), None).is_empty());
}

#[test]
fn a_journey_filter_keeps_only_that_journeys_cards_but_all_entities() {
    let mut b = Builder::new();
    let here = b.step(LaneKind::Customer, 0);
    let mut other = Journey::from_template("Other", &["A"]);
    let there = Step::new(other.lanes[1].id, other.stages[0].id, 0.0, "there");
    let there_id = there.id;
    other.steps.push(there);
    let other_id = other.id;
    b.ws.journeys.push(other);
    let lonely = b.entity(EntityKind::System, "Fax");
    let g = b.graph();
    let f = checks(&g, Some(other_id));
    assert_eq!(found(&f, FindingKind::UnownedStep), set(&[there_id]));
    assert_eq!(found(&f, FindingKind::UnownedEntity), set(&[lonely]));
    assert!(!found(&checks(&g, None), FindingKind::UnownedStep).is_empty());
    assert!(found(&checks(&g, None), FindingKind::UnownedStep).contains(&here));
}

/// Every step with a path of reliance links to `entity`, found by iterating to a fixed point over the
/// workspace's links (independently of the graph).
fn relying_steps(ws: &Workspace, entity: Id) -> HashSet<Id> {
    let mut reached: HashSet<Id> = HashSet::from([entity]);
    loop {
        let before = reached.len();
        for l in &ws.links {
            let relies = matches!(
                l.kind,
                LinkKind::PerformedBy | LinkKind::Uses | LinkKind::PartOf | LinkKind::DependsOn
            );
            if relies && reached.contains(&l.to) {
                reached.insert(l.from);
            }
        }
        if reached.len() == before {
            break;
        }
    }
    let steps: HashSet<Id> = ws
        .journeys
        .iter()
        .flat_map(|j| j.steps.iter().map(|s| s.id))
        .collect();
    reached.intersection(&steps).copied().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn a_graph_kept_up_to_date_equals_one_built_from_scratch(seed in any::<u64>(), n in 1usize..40) {
        let mut ws = sample_workspace().unwrap();
        let mut graph = WorkspaceGraph::build(&ws);
        let mut rng = Rng::new(seed);
        for _ in 0..n {
            let edit = random_edit(&ws, &mut rng);
            if let Ok((touched, _)) = apply(&mut ws, &edit) {
                graph.update(&ws, &touched);
                prop_assert!(graph.snapshot() == WorkspaceGraph::build(&ws).snapshot(), "after {:?}", edit);
            }
        }
    }

    #[test]
    fn impact_is_exactly_the_steps_with_a_path_and_unowned_means_no_owner(seed in any::<u64>(), n in 0usize..40) {
        let mut ws = sample_workspace().unwrap();
        let mut rng = Rng::new(seed);
        for _ in 0..n {
            let edit = random_edit(&ws, &mut rng);
            let _ = apply(&mut ws, &edit);
        }
        let graph = WorkspaceGraph::build(&ws);
        for e in &ws.entities {
            let got: HashSet<Id> = impact(&graph, e.id).unwrap().steps.into_iter().collect();
            prop_assert_eq!(got, relying_steps(&ws, e.id), "impact of {}", e.name);
        }
        let f = checks(&graph, None);
        let unowned = found(&f, FindingKind::UnownedStep);
        for step in ws.journeys.iter().flat_map(|j| &j.steps) {
            prop_assert_eq!(unowned.contains(&step.id), step.owner.is_none());
            let moment = found(&f, FindingKind::UnownedMoment).contains(&step.id);
            prop_assert_eq!(moment, step.owner.is_none() && step.moment_of_truth);
        }
    }
}
