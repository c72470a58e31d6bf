//! The Rust share of pasting 500 lines of text into a cell (issue 12: ≤ 300 ms from the paste to the
//! painted result): the cards built from the text, applied, committed to a WAL workspace file with
//! their undo entry, and the new scene laid out and serialised for the UI. On the sample's largest
//! journey and on a generated journey of 200 cards; each paste is undone outside the timing, so every
//! run pastes into the same journey.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use throughline_api::{OpenWorkspace, Pasting};
use throughline_core::{sample::sample_workspace, synthetic, Workspace};

fn paste_lines(c: &mut Criterion) {
    let mut group = c.benchmark_group("paste_500_lines_to_scene");
    group.sample_size(20);
    let text: String = (1..=500)
        .map(|i| format!("Sticky note number {i} from the workshop wall\n"))
        .collect();
    let sample = sample_workspace().expect("the sample");
    let generated = synthetic::workspace(1, 8, 200, 7);
    for (name, ws) in [("sample", &sample), ("200_cards", &generated)] {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("bench.throughline");
        seed(&path, ws);
        let mut open = OpenWorkspace::open(&path).expect("open");
        let j = ws
            .journeys
            .iter()
            .max_by_key(|j| j.steps.len())
            .expect("a journey");
        let (journey, lane, stage) = (j.id, j.lanes[0].id, j.stages[0].id);
        group.bench_function(BenchmarkId::new("text", name), |b| {
            b.iter_custom(|runs| {
                let mut spent = Duration::ZERO;
                for _ in 0..runs {
                    let start = Instant::now();
                    let pasting = Pasting::Text { text: text.clone() };
                    open.paste_cards(journey, lane, stage, &pasting)
                        .expect("paste");
                    std::hint::black_box(open.scene_json(journey).expect("scene").len());
                    spent += start.elapsed();
                    open.undo().expect("undo");
                }
                spent
            })
        });
    }
    group.finish();
}

fn seed(path: &std::path::Path, ws: &Workspace) {
    let mut store = throughline_store::Store::create(path).expect("create");
    store.insert_workspace(ws).expect("seed");
}

criterion_group!(benches, paste_lines);
criterion_main!(benches);
