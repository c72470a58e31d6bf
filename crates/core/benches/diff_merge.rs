//! Diff and three-way merge at workshop-wall and whole-organisation sizes: two versions of a
//! 10,000-card journey, and 50 journeys of 200 cards each edited on two sides.

use criterion::{criterion_group, criterion_main, Criterion};
use throughline_core::diff::diff;
use throughline_core::merge::merge;
use throughline_core::text_form::{merge_file, to_files, TextFile};
use throughline_core::{synthetic, Step, Workspace};

/// `ws` after a workshop's worth of edits chosen by `every`: every `every`th card retitled, every
/// 5·`every`th moved to the next stage, every 7·`every`th removed, and 100 cards added.
fn edited(ws: &Workspace, every: usize, what: &str) -> Workspace {
    let mut ws = ws.clone();
    for j in &mut ws.journeys {
        let stages: Vec<_> = j.stages.iter().map(|s| s.id).collect();
        for (i, s) in j.steps.iter_mut().enumerate() {
            if i % every == 0 {
                s.text = format!("{what} {i}");
            }
            if i % (5 * every) == 0 {
                let at = stages.iter().position(|id| *id == s.stage).unwrap_or(0);
                s.stage = stages[(at + 1) % stages.len()];
            }
        }
        let mut i = 0;
        j.steps.retain(|_| {
            i += 1;
            i % (7 * every) != 0
        });
    }
    let alive: std::collections::HashSet<_> = ws
        .journeys
        .iter()
        .flat_map(|j| j.steps.iter().map(|s| s.id))
        .chain(ws.entities.iter().map(|e| e.id))
        .collect();
    ws.links
        .retain(|l| alive.contains(&l.from) && alive.contains(&l.to));
    let j = &mut ws.journeys[0];
    for k in 0..100 {
        let s = Step::new(
            j.lanes[k % 5].id,
            j.stages[k % j.stages.len()].id,
            1e6 + k as f64,
            what,
        );
        j.steps.push(s);
    }
    ws
}

fn bench(c: &mut Criterion) {
    let mut wall = synthetic::workspace(1, 12, 10_000, 1);
    synthetic::organisation(&mut wall, 200, 1.0, 1);
    let wall_new = edited(&wall, 10, "retitled");
    let d = diff(&wall, &wall_new);
    eprintln!(
        "10,000-card journey: {} cards differ, {} links differ",
        d.journeys[0].cards.len(),
        d.journeys[0].links.len()
    );
    c.bench_function("diff of two 10,000-card journeys", |b| {
        b.iter(|| diff(&wall, &wall_new))
    });

    let mut org = synthetic::workspace(50, 10, 200, 1);
    synthetic::organisation(&mut org, 500, 2.0, 1);
    let ours = edited(&org, 7, "ours");
    let theirs = edited(&org, 11, "theirs");
    let m = merge(&org, &ours, &theirs).unwrap();
    eprintln!(
        "50 × 200 cards: {} conflicts, {} repairs",
        m.conflicts.len(),
        m.repairs.len()
    );
    c.bench_function("diff of two 50 × 200-card workspaces", |b| {
        b.iter(|| diff(&org, &ours))
    });
    c.bench_function("three-way merge of 50 × 200-card workspaces", |b| {
        b.iter(|| merge(&org, &ours, &theirs).unwrap())
    });

    let journey_file = |ws: &Workspace| {
        to_files(ws, "bench")
            .into_iter()
            .find(|(p, _)| p.starts_with("journeys/"))
            .unwrap()
    };
    let (path, base_text) = journey_file(&wall);
    let ours_text = journey_file(&edited(&wall, 10, "ours")).1;
    let theirs_text = journey_file(&edited(&wall, 13, "theirs")).1;
    c.bench_function("git driver: merge one 10,000-card journey file", |b| {
        b.iter(|| {
            merge_file(
                TextFile::Journey,
                &path,
                base_text.as_bytes(),
                ours_text.as_bytes(),
                theirs_text.as_bytes(),
            )
            .unwrap()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
