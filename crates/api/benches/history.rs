//! Edits per second on a workspace file whose undo history already holds 0 or 30,000 entries (seeded
//! straight into the file, as a long session leaves it). Each edit is applied, committed with its undo
//! entry and the undo/redo state read back, as the app does; no scene is laid out.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use throughline_api::{Edit, OpenWorkspace};
use throughline_core::synthetic;

fn edits_with_history(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit_with_history");
    group.sample_size(30);
    group.throughput(Throughput::Elements(1));
    for entries in [0u32, 30_000] {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("bench.throughline");
        let ws = synthetic::workspace(1, 12, 200, 3);
        {
            let mut store = throughline_store::Store::create(&path).expect("create");
            store.insert_workspace(&ws).expect("seed");
        }
        let steps: Vec<_> = ws.journeys[0].steps.iter().map(|s| s.id).collect();
        let entry = serde_json::to_string(&Edit::SetStepText {
            step: steps[0],
            text: "An earlier edit".into(),
        })
        .expect("json");
        rusqlite::Connection::open(&path)
            .expect("seed the history")
            .execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
                 INSERT INTO history (edit, inverse) SELECT ?2, ?2 FROM n WHERE ?1 > 0",
                rusqlite::params![entries, entry],
            )
            .expect("seed the history");
        let mut open = OpenWorkspace::open(&path).expect("open");
        let mut n = 0usize;
        group.bench_with_input(BenchmarkId::from_parameter(entries), &entries, |b, _| {
            b.iter(|| {
                n += 1;
                open.apply(&Edit::SetStepText {
                    step: steps[n % steps.len()],
                    text: format!("Edited card text number {n}"),
                })
                .expect("edit")
                .can_undo
            })
        });
    }
    group.finish();
}

criterion_group!(benches, edits_with_history);
criterion_main!(benches);
