//! The text form of a large shared workspace, file I/O included: 50 journeys of 200 cards with 500
//! people, teams, systems and processes, saved to a new folder, saved again over itself (nothing
//! changed), and opened.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use throughline_api::{open_text, save_text};
use throughline_core::synthetic;

fn text_form(c: &mut Criterion) {
    let mut ws = synthetic::workspace(50, 10, 200, 5);
    synthetic::organisation(&mut ws, 500, 3.0, 5);
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut group = c.benchmark_group("text_form");
    group.sample_size(20);
    group.bench_function("save_text_new_folder", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let folder = dir.path().join("fresh");
                let start = Instant::now();
                save_text(&ws, "Bench", &folder, false).expect("save");
                spent += start.elapsed();
                std::fs::remove_dir_all(&folder).expect("clean up");
            }
            spent
        })
    });
    let folder = dir.path().join("kept");
    save_text(&ws, "Bench", &folder, false).expect("save");
    group.bench_function("save_text_unchanged", |b| {
        b.iter(|| save_text(&ws, "Bench", &folder, false).expect("save"))
    });
    group.bench_function("open_text", |b| {
        b.iter(|| open_text(&folder).expect("open").0.journeys.len())
    });
    group.finish();
}

criterion_group!(benches, text_form);
criterion_main!(benches);
