//! Editing the shared entities and card owners: refusals leave everything as it was, deleting an entity
//! in use is one edit that undo reverses completely, and a bulk owner assignment is one edit.

mod common;

use common::canonical;
use throughline_core::edit::{apply, Edit, EditError};
use throughline_core::sample::sample_workspace;
use throughline_core::{Entity, EntityKind, Id, Link, LinkKind, ValidationError, Workspace};

fn named(ws: &Workspace, name: &str) -> Entity {
    ws.entities.iter().find(|e| e.name == name).unwrap().clone()
}

fn refused(ws: &mut Workspace, edit: Edit) -> String {
    let before = canonical(ws);
    let err = apply(ws, &edit).expect_err("the edit should be refused");
    assert!(
        canonical(ws) == before,
        "a refused edit changed the workspace"
    );
    err.to_string()
}

#[test]
fn bad_entity_edits_are_refused_with_a_clear_message() {
    let mut ws = sample_workspace().unwrap();
    let crm = named(&ws, "CRM");
    let maria = named(&ws, "Maria Okafor");
    let step = ws.journeys[0].steps[0].id;

    let msg = refused(
        &mut ws,
        Edit::CreateEntity {
            entity: Entity {
                id: Id::new(),
                kind: EntityKind::System,
                name: "  crm ".into(),
                description: String::new(),
                owner: None,
            },
        },
    );
    assert!(msg.contains("two System entities named \"crm\""), "{msg}");

    let msg = refused(
        &mut ws,
        Edit::SetOwner {
            steps: vec![step],
            owner: Some(crm.id),
        },
    );
    assert!(
        msg.contains("CRM is a System; only a person or a team can own"),
        "{msg}"
    );

    let msg = refused(
        &mut ws,
        Edit::AddLink {
            link: Link {
                id: Id::new(),
                kind: LinkKind::DependsOn,
                from: crm.id,
                to: crm.id,
            },
        },
    );
    assert!(msg.contains("cannot depend on itself"), "{msg}");

    let msg = refused(
        &mut ws,
        Edit::UpdateEntity {
            entity: maria.id,
            name: maria.name.clone(),
            description: String::new(),
            owner: Some(maria.id),
        },
    );
    assert!(msg.contains("cannot be owned by itself"), "{msg}");

    let gone = Id::new();
    let msg = refused(
        &mut ws,
        Edit::AddLink {
            link: Link {
                id: Id::new(),
                kind: LinkKind::Uses,
                from: step,
                to: gone,
            },
        },
    );
    assert!(msg.contains("does not exist"), "{msg}");
    assert!(matches!(
        apply(&mut ws, &Edit::DeleteEntity { entity: gone }),
        Err(EditError::Missing { what: "entity" })
    ));
    assert!(matches!(
        apply(
            &mut ws,
            &Edit::UpdateEntity {
                entity: crm.id,
                name: "x".repeat(201),
                description: String::new(),
                owner: None
            }
        ),
        Err(EditError::Invalid(ValidationError::TooLong { .. }))
    ));
}

#[test]
fn renaming_an_entity_changes_it_for_every_journey() {
    let mut ws = sample_workspace().unwrap();
    let crm = named(&ws, "CRM");
    apply(
        &mut ws,
        &Edit::UpdateEntity {
            entity: crm.id,
            name: "Customer records".into(),
            description: crm.description.clone(),
            owner: crm.owner,
        },
    )
    .unwrap();
    assert_eq!(ws.entity(crm.id).unwrap().name, "Customer records");
    assert_eq!(
        ws.entities.len(),
        sample_workspace().unwrap().entities.len()
    );
}

#[test]
fn deleting_an_entity_in_use_clears_every_reference_and_undo_puts_them_all_back() {
    let start = sample_workspace().unwrap();
    let mut ws = start.clone();
    let team = named(&ws, "Claims contact centre");
    let owned_cards = ws
        .journeys
        .iter()
        .flat_map(|j| &j.steps)
        .filter(|s| s.owner == Some(team.id))
        .count();
    assert!(owned_cards > 0, "the sample team owns cards");
    let (touched, inverse) = apply(&mut ws, &Edit::DeleteEntity { entity: team.id }).unwrap();
    assert!(ws.entity(team.id).is_none());
    assert!(ws
        .links
        .iter()
        .all(|l| l.from != team.id && l.to != team.id));
    assert!(ws
        .journeys
        .iter()
        .flat_map(|j| &j.steps)
        .all(|s| s.owner != Some(team.id)));
    assert!(ws.entities.iter().all(|e| e.owner != Some(team.id)));
    assert_eq!(touched.removed_entities, vec![team.id]);
    assert!(touched.steps.len() >= owned_cards);
    throughline_core::validate_workspace(&ws).unwrap();
    apply(&mut ws, &inverse).unwrap();
    assert!(
        canonical(&ws) == canonical(&start),
        "undo restores the entity, its links and owners"
    );
}

#[test]
fn a_bulk_assignment_is_one_edit_and_its_undo_restores_each_old_owner() {
    let start = sample_workspace().unwrap();
    let mut ws = start.clone();
    let grace = named(&ws, "Grace Chen");
    let steps: Vec<Id> = ws
        .journeys
        .iter()
        .flat_map(|j| j.steps.iter().take(5).map(|s| s.id))
        .collect();
    let (_, inverse) = apply(
        &mut ws,
        &Edit::SetOwner {
            steps: steps.clone(),
            owner: Some(grace.id),
        },
    )
    .unwrap();
    for j in &ws.journeys {
        for s in j.steps.iter().filter(|s| steps.contains(&s.id)) {
            assert_eq!(s.owner, Some(grace.id));
        }
    }
    apply(&mut ws, &inverse).unwrap();
    assert!(canonical(&ws) == canonical(&start));
    let missing = refused(
        &mut ws,
        Edit::SetOwner {
            steps: vec![steps[0], Id::new()],
            owner: None,
        },
    );
    assert!(missing.contains("no longer exists"), "{missing}");
}
