//! Edits written through the store: each is one transaction, and what is committed is what loads back.

use throughline_core::edit::{apply, Edit, Slot};
use throughline_core::sample::sample_workspace;
use throughline_core::Id;
use throughline_store::{History, Store};

#[test]
fn applied_edits_persist_across_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.throughline");
    let mut ws = sample_workspace().unwrap();
    let mut store = Store::create(&path).unwrap();
    store.insert_workspace(&ws).unwrap();
    let j = &ws.journeys[0];
    let new_step = Id::new();
    let linked = j
        .steps
        .iter()
        .find(|s| ws.links.iter().any(|l| l.from == s.id))
        .unwrap()
        .id;
    let edits = vec![
        Edit::SetStepText {
            step: j.steps[0].id,
            text: "Edited text 保险 🏠".into(),
        },
        Edit::UpdateJourney {
            journey: j.id,
            name: "Renamed journey".into(),
            persona: "P".into(),
            description: String::new(),
        },
        Edit::AddStep {
            step: new_step,
            journey: j.id,
            lane: j.lanes[1].id,
            stage: j.stages[2].id,
            to: Slot::END,
            text: "Added".into(),
        },
        Edit::DeleteSteps {
            steps: vec![linked],
        },
    ];
    for edit in &edits {
        let (touched, inverse) = apply(&mut ws, edit).unwrap();
        store
            .save(
                &ws,
                &touched,
                History::Record {
                    edit,
                    inverse: &inverse,
                    description: "an edit",
                },
            )
            .unwrap();
    }
    drop(store);
    let loaded = Store::open(&path).unwrap().load().unwrap();
    let j = &loaded.journeys[0];
    assert_eq!(j.name, "Renamed journey");
    assert!(j.steps.iter().any(|s| s.text == "Edited text 保险 🏠"));
    assert!(j
        .steps
        .iter()
        .any(|s| s.id == new_step && s.text == "Added"));
    assert!(j.step(linked).is_none());
    assert!(!loaded
        .links
        .iter()
        .any(|l| l.from == linked || l.to == linked));
}

#[test]
fn an_in_memory_store_loads_what_it_was_given() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(store.load().unwrap().journeys.is_empty());
    store
        .insert_workspace(&sample_workspace().unwrap())
        .unwrap();
    assert_eq!(
        store.load().unwrap().journeys.len(),
        sample_workspace().unwrap().journeys.len()
    );
}

#[test]
fn undo_history_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.throughline");
    let mut ws = sample_workspace().unwrap();
    let mut store = Store::create(&path).unwrap();
    store.insert_workspace(&ws).unwrap();
    let step = ws.journeys[0].steps[0].id;
    let original = ws.journeys[0].steps[0].text.clone();
    let edit = Edit::SetStepText {
        step,
        text: "Changed".into(),
    };
    let (touched, inverse) = apply(&mut ws, &edit).unwrap();
    store
        .save(
            &ws,
            &touched,
            History::Record {
                edit: &edit,
                inverse: &inverse,
                description: "an edit",
            },
        )
        .unwrap();
    drop(store);

    let mut store = Store::open(&path).unwrap();
    let mut ws = store.load().unwrap();
    let (seq, undo) = store
        .undoable()
        .unwrap()
        .expect("the edit can be undone after reopening");
    assert_eq!(
        undo,
        Edit::SetStepText {
            step,
            text: original.clone()
        }
    );
    let (touched, _) = apply(&mut ws, &undo).unwrap();
    store.save(&ws, &touched, History::Undo(seq)).unwrap();
    assert!(store.undoable().unwrap().is_none());
    drop(store);

    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.load().unwrap().journeys[0].step(step).unwrap().text,
        original
    );
    let (_, redo) = store
        .redoable()
        .unwrap()
        .expect("redo survives reopening too");
    assert_eq!(redo, edit);
}

/// Entity edits reach across journeys; each one, and its undo, is written whole.
#[test]
fn entity_edits_and_their_undo_persist() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.throughline");
    let mut ws = sample_workspace().unwrap();
    let mut store = Store::create(&path).unwrap();
    store.insert_workspace(&ws).unwrap();
    let team = ws
        .entities
        .iter()
        .find(|e| e.name == "Claims contact centre")
        .unwrap()
        .id;
    let new = Id::new();
    let steps: Vec<Id> = ws.journeys[1].steps.iter().map(|s| s.id).collect();
    let edits = [
        Edit::CreateEntity {
            entity: throughline_core::Entity {
                id: new,
                kind: throughline_core::EntityKind::Team,
                name: "Night shift".into(),
                description: "Out of hours".into(),
                owner: Some(team),
            },
        },
        Edit::SetOwner {
            steps: steps.clone(),
            owner: Some(new),
        },
        Edit::DeleteEntity { entity: team },
    ];
    let mut inverses = Vec::new();
    for edit in &edits {
        let (touched, inverse) = apply(&mut ws, edit).unwrap();
        store
            .save(
                &ws,
                &touched,
                History::Record {
                    edit,
                    inverse: &inverse,
                    description: "an edit",
                },
            )
            .unwrap();
        inverses.push(inverse);
    }
    let loaded = Store::open_read_only(&path).unwrap().load().unwrap();
    assert!(loaded.entity(team).is_none());
    assert_eq!(
        loaded.entity(new).unwrap().owner,
        None,
        "its owner was deleted"
    );
    assert!(loaded.journeys[1]
        .steps
        .iter()
        .all(|s| s.owner == Some(new)));
    let undo = inverses.pop().unwrap();
    let (touched, _) = apply(&mut ws, &undo).unwrap();
    store.save(&ws, &touched, History::Undo(3)).unwrap();
    drop(store);
    let loaded = Store::open(&path).unwrap().load().unwrap();
    assert_eq!(loaded.entity(new).unwrap().owner, Some(team));
    let sample = sample_workspace().unwrap();
    let owned = |w: &throughline_core::Workspace| {
        w.journeys[0]
            .steps
            .iter()
            .filter(|s| s.owner == Some(team))
            .count()
    };
    assert_eq!(owned(&loaded), owned(&sample));
    assert_eq!(loaded.links.len(), sample.links.len());
}
