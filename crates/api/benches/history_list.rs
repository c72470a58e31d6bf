//! The History panel at the bound: a workspace file whose history holds 100,000 real edits (card text
//! edits of a 12-stage, 200-card journey, made through the api as the app makes them). Measured:
//! opening the file (and, apart, SQLite's check of it and loading it), listing the newest page of 100
//! entries, and the workspace as it was 1,000 edits back. The file's size per entry is printed once.

use criterion::{criterion_group, criterion_main, Criterion};
use throughline_api::{Edit, HistoryPage, OpenWorkspace};
use throughline_core::synthetic;

const ENTRIES: usize = 100_000;

fn history_at_the_bound(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("bench.throughline");
    let ws = synthetic::workspace(1, 12, 200, 3);
    let steps: Vec<_> = ws.journeys[0].steps.iter().map(|s| s.id).collect();
    let empty = {
        drop(OpenWorkspace::create_from(&path, &ws).expect("create"));
        std::fs::metadata(&path).expect("size").len()
    };
    {
        let mut open = OpenWorkspace::open(&path).expect("open");
        for n in 0..ENTRIES {
            open.apply(&Edit::SetStepText {
                step: steps[n % steps.len()],
                text: format!("Edited card text number {n}"),
            })
            .expect("edit");
        }
    }
    let full = std::fs::metadata(&path).expect("size").len();
    eprintln!(
        "history of {ENTRIES} entries: file {empty} → {full} bytes, {} bytes per entry",
        (full - empty) / ENTRIES as u64
    );

    let mut group = c.benchmark_group("history_100k");
    group.sample_size(20);
    group.bench_function("open", |b| {
        b.iter(|| {
            OpenWorkspace::open(&path)
                .expect("open")
                .model()
                .journeys
                .len()
        })
    });
    // Where opening spends its time: SQLite's check of the file, then loading (which reads every
    // history entry back as an edit before trusting the file).
    group.bench_function("open_store_only", |b| {
        b.iter(|| {
            throughline_store::Store::open(&path)
                .expect("open")
                .session()
        })
    });
    let store = throughline_store::Store::open(&path).expect("open");
    group.bench_function("load_only", |b| {
        b.iter(|| store.load().expect("load").journeys.len())
    });
    drop(store);
    let open = OpenWorkspace::open(&path).expect("open");
    let first = HistoryPage {
        before_seq: None,
        limit: 100,
    };
    group.bench_function("first_page_of_100", |b| {
        b.iter(|| open.history(&first).expect("history").entries.len())
    });
    let newest = open.history(&first).expect("history").entries[0].seq;
    group.bench_function("workspace_1000_edits_back", |b| {
        b.iter(|| {
            open.workspace_at(newest - 1_000)
                .expect("at")
                .journeys
                .len()
        })
    });
    group.finish();
}

criterion_group!(benches, history_at_the_bound);
criterion_main!(benches);
