//! Opportunities through the store: written, re-rated and owned by a team in one transaction each;
//! deleting the team clears the owner and its undo gives it back, all loading back as applied.

mod common;

use throughline_core::edit::Edit;
use throughline_core::{Entity, EntityKind, Id, Opportunity, OpportunityStatus};
use throughline_store::Store;

#[test]
fn an_opportunity_keeps_its_owner_through_a_deleted_and_restored_team() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("repairs.throughline");
    let (mut store, mut ws, journey) =
        common::journey_store(dir.path(), "repairs.throughline", "Boiler repair");
    let team = Entity {
        id: Id::new(),
        kind: EntityKind::Team,
        name: "Field service".into(),
        description: String::new(),
        owner: None,
    };
    common::edit(
        &mut store,
        &mut ws,
        &Edit::CreateEntity {
            entity: team.clone(),
        },
    );
    let plan = Opportunity {
        id: Id::new(),
        title: "Text the engineer's arrival time".into(),
        description: "Customers wait in all day".into(),
        owner: Some(team.id),
        status: OpportunityStatus::Idea,
        value: 4,
        effort: 2,
        addresses: Vec::new(),
    };
    common::edit(
        &mut store,
        &mut ws,
        &Edit::PutOpportunity {
            journey,
            opportunity: plan.clone(),
        },
    );
    common::edit(
        &mut store,
        &mut ws,
        &Edit::PutOpportunity {
            journey,
            opportunity: Opportunity {
                status: OpportunityStatus::Planned,
                value: 5,
                ..plan.clone()
            },
        },
    );
    let restore = common::edit(&mut store, &mut ws, &Edit::DeleteEntity { entity: team.id });
    assert_eq!(store.load().unwrap(), ws);
    assert_eq!(ws.journey(journey).unwrap().opportunities[0].owner, None);

    common::edit(&mut store, &mut ws, &restore);
    drop(store);
    let loaded = Store::open(&path).unwrap().load().unwrap();
    assert_eq!(loaded, ws);
    let kept = &loaded.journey(journey).unwrap().opportunities[0];
    assert_eq!(
        (kept.owner, kept.status, kept.value),
        (Some(team.id), OpportunityStatus::Planned, 5)
    );
}
