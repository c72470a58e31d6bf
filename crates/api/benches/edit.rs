//! One edit from its arrival to the new scene ready to send to the UI (applied, committed to a WAL
//! workspace file with its undo entry, laid out, serialised), on journeys of 1,000 and 10,000 cards.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use throughline_api::{Edit, OpenWorkspace, Slot};
use throughline_core::synthetic;

fn edit_to_scene(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit_to_scene");
    group.sample_size(30);
    for (cards, stages) in [(1_000, 12), (10_000, 30)] {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("bench.throughline");
        let ws = synthetic::workspace(1, stages, cards, 7);
        {
            let mut store = throughline_store::Store::create(&path).expect("create");
            store.insert_workspace(&ws).expect("seed");
        }
        let mut open = OpenWorkspace::open(&path).expect("open");
        let journey = ws.journeys[0].id;
        let steps: Vec<_> = ws.journeys[0].steps.iter().map(|s| s.id).collect();
        let (lanes, stage_ids): (Vec<_>, Vec<_>) = (
            ws.journeys[0].lanes.iter().map(|l| l.id).collect(),
            ws.journeys[0].stages.iter().map(|s| s.id).collect(),
        );
        let mut n = 0usize;
        group.bench_with_input(BenchmarkId::new("text", cards), &cards, |b, _| {
            b.iter(|| {
                n += 1;
                let step = steps[n % steps.len()];
                open.apply(&Edit::SetStepText {
                    step,
                    text: format!("Edited card text number {n}"),
                })
                .expect("edit");
                open.scene_json(journey).expect("scene").len()
            })
        });
        group.bench_with_input(BenchmarkId::new("move", cards), &cards, |b, _| {
            b.iter(|| {
                n += 1;
                let step = steps[n % steps.len()];
                let edit = Edit::MoveSteps {
                    steps: vec![step],
                    lane: lanes[4],
                    stage: stage_ids[n % stage_ids.len()],
                    to: Slot::END,
                };
                // A move of a customer card with an emotion score into the support lane is refused
                // by the model; that is part of the cost too.
                let _ = open.apply(&edit);
                open.scene_json(journey).expect("scene").len()
            })
        });
        group.bench_with_input(BenchmarkId::new("arrow", cards), &cards, |b, _| {
            b.iter(|| {
                n += 1;
                let link = throughline_core::Link {
                    id: throughline_core::Id::new(),
                    kind: throughline_core::LinkKind::Flow,
                    from: steps[n % steps.len()],
                    to: steps[(n * 7 + 1) % steps.len()],
                };
                let _ = open.apply(&Edit::AddLink { link });
                open.scene_json(journey).expect("scene").len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, edit_to_scene);
criterion_main!(benches);
