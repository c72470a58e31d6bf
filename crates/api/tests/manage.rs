//! The manager's view through the API the app and the CLI share: ownership rows and summaries, bulk
//! assignment as one undoable edit, checks kept current after edits, impact, usage before delete, and
//! the network view.

use throughline_api::{Edit, Entity, EntityKind, FindingKind, Id, OpenWorkspace};
use throughline_core::sample::sample_workspace;

fn open() -> OpenWorkspace {
    OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap()
}

fn entity(ws: &OpenWorkspace, name: &str) -> Id {
    ws.find_entity(name).unwrap()
}

fn count(ws: &OpenWorkspace, kind: FindingKind) -> usize {
    ws.checks(None)
        .into_iter()
        .find(|g| g.kind == kind)
        .unwrap()
        .findings
        .len()
}

#[test]
fn bulk_assigning_the_unowned_rows_empties_the_unowned_filter_in_one_undoable_edit() {
    let mut ws = open();
    let unowned: Vec<Id> = ws
        .ownership()
        .rows
        .iter()
        .filter(|r| r.owner.is_none())
        .map(|r| r.step.step)
        .collect();
    assert!(!unowned.is_empty(), "the sample leaves some cards unowned");
    assert_eq!(count(&ws, FindingKind::UnownedStep), unowned.len());
    let grace = entity(&ws, "Grace Chen");
    let before = ws
        .ownership()
        .owners
        .iter()
        .find(|o| o.owner == grace)
        .map_or(0, |o| o.steps);
    ws.apply(&Edit::SetOwner {
        steps: unowned.clone(),
        owner: Some(grace),
    })
    .unwrap();
    let after = ws.ownership();
    assert!(after.rows.iter().all(|r| r.owner.is_some()));
    let summary = after.owners.iter().find(|o| o.owner == grace).unwrap();
    assert_eq!(summary.steps as usize, before as usize + unowned.len());
    assert_eq!(
        count(&ws, FindingKind::UnownedStep),
        0,
        "checks follow the edit"
    );
    assert_eq!(count(&ws, FindingKind::UnownedMoment), 0);
    ws.undo().unwrap();
    assert_eq!(
        count(&ws, FindingKind::UnownedStep),
        unowned.len(),
        "one undo reverses it"
    );
}

#[test]
fn ownership_rows_carry_places_and_the_owners_teams() {
    let ws = open();
    let own = ws.ownership();
    let total: usize = ws.journeys().iter().map(|j| j.steps as usize).sum();
    assert_eq!(own.rows.len(), total);
    let maria = entity(&ws, "Maria Okafor");
    let claims = entity(&ws, "Claims contact centre");
    let row = own.rows.iter().find(|r| r.owner == Some(maria)).unwrap();
    assert!(
        row.owner_teams.contains(&claims),
        "Maria is in the claims team"
    );
    assert!(!row.step.journey_name.is_empty() && !row.step.stage_name.is_empty());
    assert_eq!(own.handoffs.len(), 2, "hand-offs per journey");
}

#[test]
fn handoffs_name_both_cards_and_teams_and_call_out_the_unassigned() {
    let ws = open();
    let broadband = ws.find_journey("Broadband installation").unwrap();
    let journeys = ws.handoffs(Some(broadband));
    assert_eq!(journeys.len(), 1, "only the journey asked for");
    let handoffs = &journeys[0].handoffs;
    let first = &handoffs[0];
    assert_eq!(first.from.text, "Order created and line check run");
    assert_eq!(first.from_team.as_deref(), Some("Customer support"));
    assert_eq!(first.to_team.as_deref(), Some("Field engineering"));
    assert!(!first.unassigned);
    let unassigned: Vec<_> = handoffs.iter().filter(|h| h.unassigned).collect();
    assert_eq!(unassigned.len(), 3);
    assert!(unassigned
        .iter()
        .all(|h| h.from_team.is_none() != h.to_team.is_none()));
    let scene = ws.scene(broadband).unwrap();
    let marked = scene.arrows.iter().filter(|a| a.handoff.is_some()).count();
    assert_eq!(
        marked,
        handoffs.len() - 3,
        "the blueprint marks where the team changes, not the unassigned"
    );
}

#[test]
fn impact_leads_with_the_customer_and_counts_only_what_is_at_risk() {
    let ws = open();
    let impact = ws.impact(entity(&ws, "crm")).unwrap();
    assert_eq!(impact.name, "CRM");
    assert!(!impact.cards.is_empty());
    let at_risk = |c: &&throughline_api::ImpactCard| c.reason.at_risk();
    assert_eq!(
        impact.moments as usize,
        impact
            .cards
            .iter()
            .filter(at_risk)
            .filter(|c| c.step.moment_of_truth)
            .count()
    );
    for c in impact.cards.iter().filter(at_risk) {
        assert!(impact.stages.iter().any(|x| x.stage == c.step.stage));
    }
    let first_other = impact
        .cards
        .iter()
        .position(|c| !(c.step.moment_of_truth && c.reason.at_risk()))
        .unwrap_or(impact.cards.len());
    assert!(impact.cards[first_other..]
        .iter()
        .all(|c| !(c.step.moment_of_truth && c.reason.at_risk())));
    assert!(ws.impact(Id::new()).is_err());
}

#[test]
fn an_impact_asked_again_after_an_edit_answers_for_the_edited_workspace() {
    let mut ws = open();
    let crm = entity(&ws, "crm");
    let before = ws.impact(crm).unwrap();
    assert_eq!(
        ws.impact(crm).unwrap(),
        before,
        "asked twice, the same answer"
    );
    let direct = before
        .cards
        .iter()
        .find(|c| c.reason == throughline_core::impact::Reason::ReliesDirectly)
        .expect("a card uses the CRM");
    let link = ws
        .links_from(direct.step.step)
        .into_iter()
        .find(|l| l.to == crm)
        .expect("its link to the CRM");
    ws.apply(&Edit::DeleteLinks {
        links: vec![link.id],
    })
    .unwrap();
    let after = ws.impact(crm).unwrap();
    assert!(
        after.cards.iter().all(|c| c.step.step != direct.step.step
            || c.reason != throughline_core::impact::Reason::ReliesDirectly),
        "the deleted link no longer counts"
    );
    ws.undo().unwrap();
    assert_eq!(
        ws.impact(crm).unwrap(),
        before,
        "undo brings the answer back"
    );
}

#[test]
fn deleting_a_used_entity_shows_its_usage_first_and_undo_brings_everything_back() {
    let mut ws = open();
    let team = entity(&ws, "Claims contact centre");
    let usage = ws.entity_usage(team).unwrap();
    assert!(!usage.steps.is_empty() && usage.links > 0);
    let scene_before = ws.scene_json(ws.journeys()[0].id).unwrap();
    ws.apply(&Edit::DeleteEntity { entity: team }).unwrap();
    assert!(ws.find_entity("Claims contact centre").is_err());
    assert!(ws.ownership().rows.iter().all(|r| r.owner != Some(team)));
    ws.undo().unwrap();
    assert_eq!(ws.scene_json(ws.journeys()[0].id).unwrap(), scene_before);
}

#[test]
fn cards_show_their_owner_and_entities_as_chips() {
    let mut ws = open();
    let journey = ws.journeys()[0].id;
    let step = ws.model().journey(journey).unwrap().steps[0].id;
    let new = Id::new();
    ws.apply(&Edit::Batch {
        edits: vec![
            Edit::CreateEntity {
                entity: Entity {
                    id: new,
                    kind: EntityKind::Team,
                    name: "Night shift".into(),
                    description: String::new(),
                    owner: None,
                },
            },
            Edit::SetOwner {
                steps: vec![step],
                owner: Some(new),
            },
        ],
    })
    .unwrap();
    let scene = ws.scene(journey).unwrap();
    let card = scene.cards.iter().find(|c| c.id == step).unwrap();
    assert_eq!(card.chips[0].label.text, "Owner: Night shift");
    assert!(card.rect.contains(&card.chips[0].rect));
}

#[test]
fn the_network_view_puts_the_entity_among_its_neighbours() {
    let ws = open();
    let crm = entity(&ws, "CRM");
    let net = ws.network(crm).unwrap();
    assert!(net.nodes[0].centre && net.nodes[0].id == crm);
    let usage = ws.entity_usage(crm).unwrap();
    assert!(net.nodes.len() > usage.steps.len().min(48));
    assert_eq!(net.edges.len(), net.nodes.len() - 1);
}
