//! What an edit's scene diff costs against sending the whole scene: first a table of sizes (bytes of
//! JSON), of how many cards and arrows each kind of edit puts in the diff on generated journeys, and of
//! the time from the edit to its answer serialised (with the diff, and the old way with the whole
//! scene); then criterion timings of computing and applying one diff.

use std::time::Instant;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use throughline_api::{Edit, OpenWorkspace, Scene, Slot};
use throughline_core::{synthetic, Id, Link, LinkKind};
use throughline_render::scene_diff::{apply, diff};

const SIZES: [(usize, usize); 3] = [(1_000, 12), (5_000, 30), (10_000, 30)];
const EDITS: usize = 40;

fn percentile<T: Copy>(sorted: &[T], p: f64) -> T {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// p50/p95/max of `values`, sorted in place.
fn spread<T: Copy + PartialOrd + std::fmt::Display>(values: &mut [T], digits: usize) -> String {
    values.sort_by(|a, b| a.partial_cmp(b).expect("comparable"));
    format!(
        "{:.digits$}/{:.digits$}/{:.digits$}",
        percentile(values, 0.5),
        percentile(values, 0.95),
        values[values.len() - 1]
    )
}

/// The edit of kind `kind` number `n` on the workspace's only journey.
fn edit(open: &OpenWorkspace, kind: &str, n: usize) -> Edit {
    let j = &open.model().journeys[0];
    let step = &j.steps[(n * 7919) % j.steps.len()];
    match kind {
        "type" => Edit::SetStepText {
            step: step.id,
            text: format!("{} now", step.text),
        },
        "move" => Edit::MoveSteps {
            steps: vec![step.id],
            lane: step.lane,
            stage: j.stages[(n * 3) % j.stages.len()].id,
            to: Slot::END,
        },
        "add" => Edit::AddStep {
            journey: j.id,
            step: Id::derived("scene-diff-bench", &n.to_string()),
            lane: step.lane,
            stage: step.stage,
            to: Slot::END,
            text: "Asks at the desk".into(),
        },
        _ => Edit::AddLink {
            link: Link {
                id: Id::derived("scene-diff-bench-link", &n.to_string()),
                kind: LinkKind::Flow,
                from: step.id,
                to: j.steps[(n * 104_729 + 1) % j.steps.len()].id,
            },
        },
    }
}

fn figures() {
    println!(
        "scene diff per edit (p50/p95/max): cards put whole, cards shifted, arrows put whole, \
         arrows shifted, bytes of JSON; ms from edit to answer as JSON with the diff, and with \
         the whole scene"
    );
    for (cards, stages) in SIZES {
        let model = synthetic::workspace(1, stages, cards, 7);
        let mut open = OpenWorkspace::in_memory(&model).expect("open");
        let mut whole_way = OpenWorkspace::in_memory(&model).expect("open");
        let j = open.model().journeys[0].id;
        let whole = open.scene_json(j).expect("scene").len();
        println!("{cards:>6} cards: whole scene {whole} bytes");
        let mut version = open.shown_scene(j).expect("scene").version;
        for kind in ["type", "move", "add", "arrow"] {
            let mut columns: [Vec<usize>; 5] = Default::default();
            let (mut patched_ms, mut whole_ms) = (Vec::new(), Vec::new());
            for n in 0..EDITS {
                let start = Instant::now();
                let update = open
                    .apply_for_view(&edit(&open, kind, n), version)
                    .expect("edit");
                let json = serde_json::to_string(&update).expect("json");
                patched_ms.push(start.elapsed().as_secs_f64() * 1e3);
                version = update.version;
                let d = update.patch.expect("a patch");
                let row = [
                    d.cards.put.len(),
                    d.shifted.len(),
                    d.arrows.put.len(),
                    d.shifted_arrows.len(),
                    json.len(),
                ];
                for (column, value) in columns.iter_mut().zip(row) {
                    column.push(value);
                }
                let start = Instant::now();
                whole_way.apply(&edit(&whole_way, kind, n)).expect("edit");
                let json = whole_way.scene_json(j).expect("scene");
                whole_ms.push(start.elapsed().as_secs_f64() * 1e3);
                assert!(!json.is_empty());
            }
            let cells: Vec<String> = columns.iter_mut().map(|v| spread(v, 0)).collect();
            println!(
                "{cards:>6} cards  {kind:<5}  {:<9} {:<15} {:<15} {:<15} {:<22} {:<18} {}",
                cells[0],
                cells[1],
                cells[2],
                cells[3],
                cells[4],
                spread(&mut patched_ms, 1),
                spread(&mut whole_ms, 1)
            );
        }
    }
}

/// The scenes before and after typing a word at the end of card `n`.
fn typed(open: &mut OpenWorkspace, n: usize) -> (Scene, Scene) {
    let j = open.model().journeys[0].id;
    let old = open.scene(j).expect("scene");
    open.apply(&edit(open, "type", n)).expect("edit");
    (old, open.scene(j).expect("scene"))
}

fn scene_diff(c: &mut Criterion) {
    figures();
    let mut group = c.benchmark_group("scene_diff");
    for (cards, stages) in SIZES {
        let mut open =
            OpenWorkspace::in_memory(&synthetic::workspace(1, stages, cards, 7)).expect("open");
        let (old, new) = typed(&mut open, 3);
        group.bench_with_input(BenchmarkId::new("diff", cards), &cards, |b, _| {
            b.iter(|| diff(&old, &new).cards.put.len())
        });
        let d = diff(&old, &new);
        group.bench_with_input(BenchmarkId::new("apply", cards), &cards, |b, _| {
            b.iter(|| apply(&old, &d).cards.len())
        });
        group.bench_with_input(BenchmarkId::new("diff_json", cards), &cards, |b, _| {
            b.iter(|| serde_json::to_string(&diff(&old, &new)).map(|s| s.len()))
        });
        group.bench_with_input(BenchmarkId::new("whole_json", cards), &cards, |b, _| {
            b.iter(|| serde_json::to_string(&new).map(|s| s.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, scene_diff);
criterion_main!(benches);
