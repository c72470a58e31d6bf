//! Edits written through the store: each is one transaction, and what is committed is what loads back.

use throughline_core::edit::{apply, Edit};
use throughline_core::sample::sample_workspace;
use throughline_core::Id;
use throughline_store::Store;

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
        Edit::RenameJourney {
            journey: j.id,
            name: "Renamed journey".into(),
        },
        Edit::AddStep {
            step: new_step,
            journey: j.id,
            lane: j.lanes[1].id,
            stage: j.stages[2].id,
            text: "Added".into(),
        },
        Edit::DeleteStep { step: linked },
    ];
    for edit in &edits {
        let (touched, _) = apply(&mut ws, edit).unwrap();
        store.save(&ws, &touched).unwrap();
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
