//! Export of a generated 1,500-card blueprint (30 stages × 6 lanes): SVG, PDF, and PNG at 2×; and of
//! a future state of it drawn under it (the two as one scene): layout, SVG and PDF.

use criterion::{criterion_group, criterion_main, Criterion};
use throughline_core::{future, synthetic};
use throughline_render::export::{to_pdf, to_png};
use throughline_render::{
    layout, side_by_side, to_svg, Annotations, Fonts, LayoutOptions, StateSide, StatesInput,
    WrapCache,
};

fn export(c: &mut Criterion) {
    let ws = synthetic::export_benchmark();
    let journey = &ws.journeys[0];
    let flows = ws.flows_of(journey);
    let fonts = Fonts::embedded();
    let scene = layout(journey, &flows, &fonts);
    eprintln!("blueprint {} × {}", scene.width, scene.height);
    let mut group = c.benchmark_group("export_1500_cards");
    group.sample_size(10);
    group.bench_function("layout", |b| {
        b.iter(|| layout(journey, &flows, &fonts).cards.len())
    });
    group.bench_function("svg", |b| b.iter(|| to_svg(&scene).len()));
    group.bench_function("pdf", |b| b.iter(|| to_pdf(&scene).expect("pdf").len()));
    group.bench_function("png_2x", |b| {
        b.iter(|| to_png(&scene, 2.0).expect("png").len())
    });
    group.finish();
    future_beside_current(c, &fonts);
}

/// The same blueprint beside a future state of it (5 % of cards deleted, 10 % rewritten, 5 % added):
/// what `throughline export --beside-current` lays out and writes, without title block and legend.
fn future_beside_current(c: &mut Criterion, fonts: &Fonts) {
    let mut ws = synthetic::export_benchmark();
    let current = ws.journeys[0].id;
    let id = synthetic::future_state(&mut ws, current, 1).expect("future state");
    let future = ws.journey(id).expect("future state");
    let p = future::pair(&ws, future);
    let current = p.current.expect("current state");
    let (current_flows, future_flows) = (ws.flows_of(current), ws.flows_of(future));
    let notes = Annotations::default();
    let input = StatesInput {
        current: Some(StateSide {
            journey: current,
            flows: &current_flows,
            notes: &notes,
        }),
        future: StateSide {
            journey: future,
            flows: &future_flows,
            notes: &notes,
        },
        columns: &p.columns,
        marks: &p.marks,
        dropped: &p.dropped,
    };
    let lay = || {
        side_by_side(
            &input,
            LayoutOptions::default(),
            fonts,
            &mut WrapCache::default(),
        )
    };
    let scene = lay();
    eprintln!(
        "pair {} × {}, {} cards",
        scene.width,
        scene.height,
        scene.cards.len()
    );
    let mut group = c.benchmark_group("export_1500_cards_future_beside_current");
    group.sample_size(10);
    group.bench_function("layout", |b| b.iter(|| lay().cards.len()));
    group.bench_function("svg", |b| b.iter(|| to_svg(&scene).len()));
    group.bench_function("pdf", |b| b.iter(|| to_pdf(&scene).expect("pdf").len()));
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
