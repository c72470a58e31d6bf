//! Personas through the store: each persona edit (its picture too) is one transaction that loads back
//! as applied, undo included.

mod common;

use throughline_core::edit::{apply, Edit, StepDetails, Template};
use throughline_core::{Id, LaneKind, Persona, PersonaScore, Workspace};
use throughline_store::{History, Store};

fn guest(name: &str) -> Persona {
    Persona {
        id: Id::new(),
        name: name.into(),
        description: format!("{name} staying two nights"),
        goals: "Rest".into(),
        needs: "A quiet room".into(),
        pains: "Slow check-in".into(),
        quote: "\"Where is the lift?\"".into(),
        picture: None,
    }
}

/// A hotel stay with one scored guest card, as a file of schema 3 would hold it.
fn hotel(store: &mut Store) -> (Workspace, Id, Id) {
    let mut ws = Workspace::default();
    let journey = Id::new();
    let create = Edit::CreateJourney {
        journey,
        name: "Hotel stay".into(),
        template: Template::Blueprint,
    };
    common::edit(store, &mut ws, &create);
    let j = ws.journey(journey).unwrap();
    let lane = j
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Customer)
        .unwrap()
        .id;
    let step = Id::new();
    let add = Edit::AddStep {
        journey,
        step,
        lane,
        stage: j.stages[1].id,
        to: throughline_core::edit::Slot::END,
        text: "Waits for the lift".into(),
    };
    common::edit(store, &mut ws, &add);
    let mut details = StepDetails::of(ws.journeys[0].step(step).unwrap());
    details.emotion = Some(-1);
    common::edit(store, &mut ws, &Edit::SetStepDetails { step, details });
    (ws, journey, step)
}

#[test]
fn persona_edits_and_their_undo_load_back_as_applied() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hotel.throughline");
    let mut store = Store::create(&path).unwrap();
    let (mut ws, journey, step) = hotel(&mut store);
    let (solo, couple) = (guest("Solo traveller"), guest("Couple"));
    for p in [&solo, &couple] {
        common::edit(
            &mut store,
            &mut ws,
            &Edit::CreatePersona { persona: p.clone() },
        );
    }
    let set = Edit::SetJourneyPersonas {
        journey,
        personas: vec![solo.id, couple.id],
    };
    common::edit(&mut store, &mut ws, &set);
    let picture = Edit::SetPersonaPicture {
        persona: couple.id,
        picture: Some(throughline_core::PersonaPicture {
            format: throughline_core::PictureFormat::Png,
            data: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
                .into(),
        }),
    };
    common::edit(&mut store, &mut ws, &picture);
    let mut details = StepDetails::of(ws.journeys[0].step(step).unwrap());
    details.scores = vec![PersonaScore {
        persona: couple.id,
        score: 2,
    }];
    common::edit(&mut store, &mut ws, &Edit::SetStepDetails { step, details });
    assert_eq!(store.load().unwrap(), ws);
    let before_delete = ws.clone();
    let inverse = common::edit(
        &mut store,
        &mut ws,
        &Edit::DeletePersona { persona: solo.id },
    );
    drop(store);
    let mut store = Store::open(&path).unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded, ws);
    assert_eq!(loaded.journeys[0].personas, vec![couple.id]);
    assert_eq!(loaded.journeys[0].steps[0].emotion, Some(2));
    let (touched, _) = apply(&mut ws, &inverse).unwrap();
    store.save(&ws, &touched, History::Undo(1)).unwrap();
    assert_eq!(store.load().unwrap(), before_delete);
}
