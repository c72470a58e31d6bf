//! Evidence through the store: a card's insights and its assumption mark are written in the edit's one
//! transaction, load back as applied, and go back on undo.

mod common;

use throughline_core::edit::{Edit, Slot, StepDetails};
use throughline_core::{EvidenceSource, Id, Insight, LaneKind};
use throughline_store::Store;

#[test]
fn insights_and_assumption_marks_load_back_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("claims.throughline");
    let (mut store, mut ws, journey) =
        common::journey_store(dir.path(), "claims.throughline", "Insurance claim");
    let j = ws.journey(journey).unwrap();
    let stage = j.stages[0].id;
    let lane = j
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Customer)
        .unwrap()
        .id;
    let (report, wait) = (Id::new(), Id::new());
    for (step, text) in [
        (report, "Reports the damage"),
        (wait, "Waits for the assessor"),
    ] {
        common::edit(
            &mut store,
            &mut ws,
            &Edit::AddStep {
                journey,
                step,
                lane,
                stage,
                to: Slot::END,
                text: text.into(),
            },
        );
    }
    let mut details = StepDetails::of(ws.journey(journey).unwrap().step(report).unwrap());
    details.evidence = vec![Insight {
        text: "\"Nobody told me what happens next\" — 14 of 20 callers".into(),
        source: EvidenceSource::SupportTickets,
        date: Some("2026-02-11".into()),
        reference: "https://tickets.example/claims?tag=next-steps".into(),
    }];
    let undo_report = common::edit(
        &mut store,
        &mut ws,
        &Edit::SetStepDetails {
            step: report,
            details,
        },
    );
    let mut details = StepDetails::of(ws.journey(journey).unwrap().step(wait).unwrap());
    details.assumption = true;
    common::edit(
        &mut store,
        &mut ws,
        &Edit::SetStepDetails {
            step: wait,
            details,
        },
    );

    drop(store);
    let mut store = Store::open(&path).unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded, ws);
    let j = loaded.journey(journey).unwrap();
    assert_eq!(
        j.step(report).unwrap().evidence[0].source,
        EvidenceSource::SupportTickets
    );
    assert!(j.step(wait).unwrap().assumption);

    common::edit(&mut store, &mut ws, &undo_report);
    let loaded = store.load().unwrap();
    assert!(loaded
        .journey(journey)
        .unwrap()
        .step(report)
        .unwrap()
        .evidence
        .is_empty());
    assert_eq!(loaded, ws);
}
