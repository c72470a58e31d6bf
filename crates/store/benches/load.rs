//! Loading a whole workspace from SQLite: what opening a large workspace costs before anything draws.

use criterion::{criterion_group, criterion_main, Criterion};
use throughline_core::synthetic;
use throughline_store::Store;

fn load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("bench.throughline");
    let mut store = Store::create(&path).expect("create");
    store
        .insert_workspace(&synthetic::workspace(50, 8, 200, 1))
        .expect("seed");
    drop(store);
    c.bench_function("open_and_load_50_journeys_x_200_cards", |b| {
        b.iter(|| {
            let store = Store::open(&path).expect("open");
            store.load().expect("load").journeys.len()
        })
    });
}

criterion_group!(benches, load);
criterion_main!(benches);
