//! What an edit's scene diff costs against sending the whole scene: first a table of sizes (bytes of
//! JSON) and of how many cards and arrows each kind of edit puts in the diff on generated journeys, then
//! criterion timings of computing and applying one diff.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use throughline_api::{Edit, OpenWorkspace, Scene, Slot};
use throughline_core::{synthetic, Id, Link, LinkKind};
use throughline_render::scene_diff::{apply, diff};
use throughline_render::Card;

const SIZES: [(usize, usize); 3] = [(1_000, 12), (5_000, 30), (10_000, 30)];
const EDITS: usize = 40;

fn percentile(sorted: &[usize], p: f64) -> usize {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
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

/// Whether `new` is `old` moved, with nothing else about it changed.
fn only_moved(old: &Card, new: &Card) -> bool {
    let texts = |c: &Card| {
        (
            c.lines.iter().map(|l| l.text.clone()).collect::<Vec<_>>(),
            c.chips
                .iter()
                .map(|c| c.label.text.clone())
                .collect::<Vec<_>>(),
            c.channel.as_ref().map(|l| l.text.clone()),
        )
    };
    old.rect.width == new.rect.width
        && old.rect.height == new.rect.height
        && old.rect != new.rect
        && texts(old) == texts(new)
}

fn figures() {
    println!(
        "scene diff per edit: cards put (p50/p95/max), of which only moved, arrows put, bytes"
    );
    for (cards, stages) in SIZES {
        let mut open =
            OpenWorkspace::in_memory(&synthetic::workspace(1, stages, cards, 7)).expect("open");
        let j = open.model().journeys[0].id;
        let whole = open.scene_json(j).expect("scene").len();
        println!("{cards:>6} cards: whole scene {whole} bytes");
        for kind in ["type", "move", "add", "arrow"] {
            let (mut put, mut moved, mut arrows, mut bytes) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            let mut old = open.scene(j).expect("scene");
            for n in 0..EDITS {
                open.apply(&edit(&open, kind, n)).expect("edit");
                let new = open.scene(j).expect("scene");
                let d = diff(&old, &new);
                put.push(d.cards.put.len());
                moved.push(
                    d.cards
                        .put
                        .iter()
                        .filter(|p| {
                            old.cards
                                .iter()
                                .find(|c| c.id == p.item.id)
                                .is_some_and(|c| only_moved(c, &p.item))
                        })
                        .count(),
                );
                arrows.push(d.arrows.put.len());
                bytes.push(serde_json::to_string(&d).expect("json").len());
                old = new;
            }
            for v in [&mut put, &mut moved, &mut arrows, &mut bytes] {
                v.sort_unstable();
            }
            let row = |v: &[usize]| {
                format!(
                    "{}/{}/{}",
                    percentile(v, 0.5),
                    percentile(v, 0.95),
                    v[v.len() - 1]
                )
            };
            println!(
                "{cards:>6} cards  {kind:<5}  cards {:<14}  only moved {:<14}  arrows {:<12}  bytes {}",
                row(&put),
                row(&moved),
                row(&arrows),
                row(&bytes)
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
