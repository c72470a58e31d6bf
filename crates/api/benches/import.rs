//! Importing a picture that carries a big journey, from its bytes to the committed edit: the embedded
//! package found and read, unpacked, checked, applied and written to a WAL workspace file with its undo
//! entry. Journeys of 20,000 and 100,000 cards of two words, half of them linked to people, teams or
//! systems (180,000 such cards take 92 MB of package, over the 64 MiB limit).

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use throughline_api::OpenWorkspace;
use throughline_core::package::package;
use throughline_core::{sample, synthetic};
use throughline_render::embed::svg_with_journey;
use throughline_render::{layout, Fonts};

/// An SVG picture (the sample's small scene) carrying a generated journey of `cards` cards.
fn picture(cards: usize) -> Vec<u8> {
    let mut model = synthetic::workspace(1, 40, cards, 11);
    synthetic::organisation(&mut model, 300, 0.5, 11);
    // Cards of two words, as a workshop writes them.
    for s in &mut model.journeys[0].steps {
        s.text = s.text.split(' ').take(2).collect::<Vec<_>>().join(" ");
    }
    let json = package(&model, model.journeys[0].id)
        .expect("package")
        .to_json();
    let small = sample::sample_workspace().expect("sample");
    let j = &small.journeys[0];
    let scene = layout(j, &small.flows_of(j), &Fonts::embedded());
    svg_with_journey(&scene, &json).into_bytes()
}

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import_picture");
    group.sample_size(10);
    for cards in [20_000, 100_000] {
        let bytes = picture(cards);
        eprintln!("{cards} cards: a {:.1} MB SVG", bytes.len() as f64 / 1e6);
        group.bench_with_input(BenchmarkId::from_parameter(cards), &bytes, |b, bytes| {
            b.iter_batched(
                || {
                    let dir = tempfile::tempdir().expect("temporary directory");
                    let path = dir.path().join("bench.throughline");
                    drop(OpenWorkspace::create_sample(&path).expect("create"));
                    let ws = OpenWorkspace::open(&path).expect("open");
                    (dir, ws)
                },
                |(dir, mut ws)| {
                    ws.import_picture(bytes).expect("import");
                    (dir, ws)
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
