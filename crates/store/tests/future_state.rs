//! A future state through the store: the journey's tie to its current state, each card's origin and
//! the room's marks are written in the edit's transaction, load back as applied, and survive the
//! current state's deletion.

mod common;

use throughline_core::edit::{Edit, Slot, StepDetails};
use throughline_core::{Id, LaneKind, StateChange};
use throughline_store::Store;

#[test]
fn a_future_state_its_origins_and_marks_load_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.throughline");
    let (mut store, mut ws, journey) =
        common::journey_store(dir.path(), "library.throughline", "Borrow a library book");
    let j = ws.journey(journey).unwrap();
    let (stage, lane) = (
        j.stages[0].id,
        j.lanes
            .iter()
            .find(|l| l.kind == LaneKind::Customer)
            .unwrap()
            .id,
    );
    let queue = Id::new();
    common::edit(
        &mut store,
        &mut ws,
        &Edit::AddStep {
            journey,
            step: queue,
            lane,
            stage,
            to: Slot::END,
            text: "Queues at the desk to check out".into(),
        },
    );
    let future = Id::new();
    common::edit(
        &mut store,
        &mut ws,
        &Edit::CreateFutureState {
            source: journey,
            journey: future,
        },
    );
    let copy = ws
        .journey(future)
        .unwrap()
        .steps
        .iter()
        .find(|s| s.origin == Some(queue))
        .unwrap()
        .clone();
    let mut details = StepDetails::of(&copy);
    details.change = Some(StateChange::Removed);
    common::edit(
        &mut store,
        &mut ws,
        &Edit::SetStepDetails {
            step: copy.id,
            details,
        },
    );

    drop(store);
    let mut store = Store::open(&path).unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded, ws);
    let f = loaded.journey(future).unwrap();
    assert_eq!(f.future_of, Some(journey));
    assert_eq!(f.step(copy.id).unwrap().change, Some(StateChange::Removed));

    // Deleting the current state leaves the future state whole, pointing at a journey gone.
    common::edit(&mut store, &mut ws, &Edit::DeleteJourney { journey });
    let loaded = store.load().unwrap();
    assert_eq!(loaded, ws);
    assert_eq!(loaded.journey(future).unwrap().future_of, Some(journey));
}
