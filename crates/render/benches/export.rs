//! Export of a generated 1,500-card blueprint (30 stages × 6 lanes): SVG, PDF, and PNG at 2×.

use criterion::{criterion_group, criterion_main, Criterion};
use throughline_core::synthetic;
use throughline_render::export::{to_pdf, to_png};
use throughline_render::{layout, to_svg, Fonts};

fn export(c: &mut Criterion) {
    let ws = synthetic::export_benchmark();
    let journey = &ws.journeys[0];
    let flows = ws.flows_of(journey);
    let scene = layout(journey, &flows, &Fonts::embedded());
    eprintln!("blueprint {} × {}", scene.width, scene.height);
    let mut group = c.benchmark_group("export_1500_cards");
    group.sample_size(10);
    group.bench_function("svg", |b| b.iter(|| to_svg(&scene).len()));
    group.bench_function("pdf", |b| b.iter(|| to_pdf(&scene).expect("pdf").len()));
    group.bench_function("png_2x", |b| {
        b.iter(|| to_png(&scene, 2.0).expect("png").len())
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
