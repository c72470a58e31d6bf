//! Layout plus SVG of generated journeys: the cost of showing or exporting a whole blueprint.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use throughline_core::synthetic;
use throughline_render::{layout, to_svg, Fonts};

fn layout_and_svg(c: &mut Criterion) {
    let fonts = Fonts::embedded();
    let mut group = c.benchmark_group("layout_and_svg");
    for (cards, stages) in [(1_000, 12), (10_000, 30)] {
        let (journey, flows) = synthetic::journey("bench", stages, cards, 1);
        group.bench_with_input(BenchmarkId::from_parameter(cards), &cards, |b, _| {
            b.iter(|| to_svg(&layout(&journey, &flows, &fonts)).len())
        });
    }
    group.finish();
    let mut group = c.benchmark_group("layout_only");
    for (cards, stages) in [(1_000, 12), (10_000, 30)] {
        let (journey, flows) = synthetic::journey("bench", stages, cards, 1);
        group.bench_with_input(BenchmarkId::from_parameter(cards), &cards, |b, _| {
            b.iter(|| layout(&journey, &flows, &fonts).cards.len())
        });
    }
    group.finish();
    // As many arrows as cards: the generated journeys carry about one per three cards, so more are
    // added, running forwards, backwards and within columns.
    let mut group = c.benchmark_group("layout_and_svg_one_arrow_per_card");
    for (cards, stages) in [(1_000, 12), (10_000, 30)] {
        let (journey, mut flows) = synthetic::journey("bench", stages, cards, 1);
        flows.extend(synthetic::flows(&journey, cards - flows.len(), 2));
        group.bench_with_input(BenchmarkId::from_parameter(cards), &cards, |b, _| {
            b.iter(|| to_svg(&layout(&journey, &flows, &fonts)).len())
        });
    }
    group.finish();
}

criterion_group!(benches, layout_and_svg);
criterion_main!(benches);
