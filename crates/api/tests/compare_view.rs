//! The blueprint compared with an older version, on a hospital outpatient visit built here: after a
//! named version, a card is deleted, one moved to another lane, one given an owner, a stage renamed and
//! a card added. The comparison draws the deleted card as a ghost where it stood, marks the moved card
//! with the cell it came from, tells the owner's old and new value, marks the renamed stage, and
//! counts each kind; the journey as the version had it can be drawn on its own.

use throughline_api::diff::Change;
use throughline_api::{Edit, ErrorCode, Older, OpenWorkspace, Slot};
use throughline_core::{Entity, EntityKind, Id, Journey, LaneKind, Step, Workspace};

/// An outpatient visit: referral, arrival, consultation and follow-up, with a patient's, a receptionist's
/// and a clinician's cards.
fn outpatient_visit() -> Workspace {
    let mut j = Journey::from_template(
        "Outpatient visit",
        &["Referral", "Arrival", "Consultation", "Follow-up"],
    );
    let lane = |kind| j.lanes.iter().find(|l| l.kind == kind).unwrap().id;
    let (patient, front, back) = (
        lane(LaneKind::Customer),
        lane(LaneKind::Frontstage),
        lane(LaneKind::Backstage),
    );
    let stages: Vec<Id> = j.stages.iter().map(|s| s.id).collect();
    let cards = [
        (patient, 0, "Receives referral letter"),
        (back, 0, "Clinic books the appointment"),
        (patient, 1, "Checks in at the kiosk"),
        (front, 1, "Receptionist confirms address"),
        (patient, 2, "Sees the consultant"),
        (back, 2, "Consultant reads the notes"),
        (patient, 3, "Gets the results by letter"),
    ];
    for (i, (lane, stage, text)) in cards.into_iter().enumerate() {
        j.steps.push(Step::new(lane, stages[stage], i as f64, text));
    }
    Workspace {
        journeys: vec![j],
        ..Workspace::default()
    }
}

fn card(ws: &OpenWorkspace, text: &str) -> Id {
    ws.model().journeys[0]
        .steps
        .iter()
        .find(|s| s.text == text)
        .unwrap_or_else(|| panic!("no card {text:?}"))
        .id
}

#[test]
fn a_comparison_marks_ghosts_moves_owners_and_headings_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clinic.throughline");
    let mut ws = OpenWorkspace::create_from(&path, &outpatient_visit()).unwrap();
    ws.save_version("before the workshop").unwrap();
    let journey = ws.model().journeys[0].id;
    let j = ws.model().journeys[0].clone();
    let lane = |kind| j.lanes.iter().find(|l| l.kind == kind).unwrap().id;

    let gone = card(&ws, "Receptionist confirms address");
    let moved = card(&ws, "Consultant reads the notes");
    let owned = card(&ws, "Clinic books the appointment");
    ws.apply(&Edit::DeleteSteps { steps: vec![gone] }).unwrap();
    ws.apply(&Edit::MoveSteps {
        steps: vec![moved],
        lane: lane(LaneKind::Frontstage),
        stage: j.stages[2].id,
        to: Slot::Before { id: None },
    })
    .unwrap();
    let team = Entity {
        id: Id::new(),
        kind: EntityKind::Team,
        name: "Outpatient booking team".into(),
        description: String::new(),
        owner: None,
    };
    let team_id = team.id;
    ws.apply(&Edit::CreateEntity { entity: team }).unwrap();
    ws.apply(&Edit::SetOwner {
        steps: vec![owned],
        owner: Some(team_id),
    })
    .unwrap();
    ws.apply(&Edit::RenameStage {
        stage: j.stages[3].id,
        name: "Results".into(),
    })
    .unwrap();
    let added = Id::new();
    ws.apply(&Edit::AddStep {
        journey,
        step: added,
        lane: lane(LaneKind::Customer),
        stage: j.stages[3].id,
        to: Slot::Before { id: None },
        text: "Books a follow-up online".into(),
    })
    .unwrap();

    let older = Older::Version {
        name: "before the workshop".into(),
    };
    let c = ws.compare_with(&older, journey).unwrap();
    let mark = |id: Id| c.cards.iter().find(|m| m.id == id).unwrap();

    assert_eq!(mark(gone).change, Change::Removed);
    assert!(
        c.scene.cards.iter().any(|s| s.id == gone),
        "the removed card is drawn where it stood, as a ghost"
    );
    assert_eq!(
        c.scene.cards.len(),
        ws.model().journeys[0].steps.len() + 1,
        "every card now, and the ghost"
    );
    let m = mark(moved);
    assert!(m.moved);
    let from = m.from.expect("the cell it came from");
    let backstage = c
        .scene
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Backstage)
        .unwrap();
    assert_eq!(
        (from.y, from.height),
        (backstage.band.y, backstage.band.height)
    );
    let owner = mark(owned)
        .fields
        .iter()
        .find(|f| f.field == "owner")
        .expect("the owner changed");
    assert_eq!(owner.new, "Outpatient booking team");
    assert_eq!(mark(added).change, Change::Added);

    let stages = &c.journey.as_ref().unwrap().stages;
    let renamed = stages.iter().find(|h| h.id == j.stages[3].id).unwrap();
    assert_eq!(renamed.renamed_from.as_deref(), Some("Follow-up"));
    assert_eq!(
        (
            c.counts.added,
            c.counts.removed,
            c.counts.changed,
            c.counts.moved
        ),
        (1, 1, 1, 1)
    );
    assert!(c.against.contains("before the workshop"));

    let then = ws.scene_then(&older, journey).unwrap();
    assert!(then.scene.cards.iter().any(|s| s.id == gone));
    assert!(!then.scene.cards.iter().any(|s| s.id == added));
    assert_eq!(then.scene.stages[3].name, "Follow-up");
}

#[test]
fn comparing_with_itself_marks_nothing_and_a_missing_version_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clinic.throughline");
    let mut ws = OpenWorkspace::create_from(&path, &outpatient_visit()).unwrap();
    ws.save_version("now").unwrap();
    let journey = ws.model().journeys[0].id;
    let same = ws
        .compare_with(&Older::Version { name: "now".into() }, journey)
        .unwrap();
    assert!(same.cards.is_empty());
    assert_eq!(same.scene.cards.len(), 7);

    let file = ws
        .compare_with(
            &Older::Path {
                path: path.to_str().unwrap().into(),
            },
            journey,
        )
        .unwrap();
    assert!(file.cards.is_empty(), "the open file compared with itself");

    let e = ws
        .compare_with(
            &Older::Version {
                name: "last year".into(),
            },
            journey,
        )
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert!(e.message.contains("last year"), "{}", e.message);
}
