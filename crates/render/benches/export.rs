//! Export of a generated 1,500-card blueprint (30 stages × 6 lanes): SVG, PDF, and PNG at 2×.

use criterion::{criterion_group, criterion_main, Criterion};
use throughline_core::{synthetic, Id, Lane, LaneKind};
use throughline_render::export::{to_pdf, to_png};
use throughline_render::{layout, to_svg, Fonts};

fn export(c: &mut Criterion) {
    let (mut journey, flows) = synthetic::journey("export", 30, 1_500, 3);
    journey.lanes.push(Lane {
        id: Id::derived("bench", "second-backstage"),
        name: "IT operations".into(),
        kind: LaneKind::Backstage,
        position: 3.5,
    });
    for (i, step) in journey
        .steps
        .iter_mut()
        .enumerate()
        .filter(|(i, _)| i % 6 == 0)
    {
        if step.emotion.is_none() {
            step.lane = journey.lanes[5].id;
            step.position = i as f64;
        }
    }
    // Workshop cards are short: keep at most six words, which gives the ~6,800 × 5,500 blueprint (about
    // 13,500 × 11,000 px at 2×) the figures are set for.
    for step in &mut journey.steps {
        step.text = step.text.split(' ').take(6).collect::<Vec<_>>().join(" ");
    }
    let scene = layout(&journey, &flows, &Fonts::embedded());
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
