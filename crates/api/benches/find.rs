//! Find (Ctrl+F) on 50 journeys × 200 cards with 500 shared entities: one keystroke's query over every
//! journey and over the one on screen, answered and serialised as the window receives it. The first
//! query after an edit also folds the workspace into a fresh index.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use throughline_api::{Edit, FindScope, OpenWorkspace};
use throughline_core::find::FindIndex;
use throughline_core::synthetic;

fn keystroke(c: &mut Criterion) {
    let mut model = synthetic::workspace(50, 10, 200, 5);
    synthetic::organisation(&mut model, 500, 3.0, 5);
    let mut ws = OpenWorkspace::in_memory(&model).expect("workspace");
    let journey = model.journeys[17].id;
    let mut group = c.benchmark_group("find_50x200");
    group.sample_size(30);
    // A single letter matches nearly every card (the capped list), a word some, a typo none.
    for query in ["s", "support", "suppotr"] {
        for (scope, name) in [(FindScope::All, "all"), (FindScope::Journey, "journey")] {
            let found = ws.find(query, journey, scope).expect("find");
            eprintln!(
                "{query:?} in {name}: {} hits returned of {}",
                found.hits.len(),
                found.total
            );
            group.bench_with_input(BenchmarkId::new(name, query), &query, |b, q| {
                b.iter(|| {
                    let found = ws.find(q, journey, scope).expect("find");
                    serde_json::to_string(&found).expect("json").len()
                })
            });
        }
    }
    group.bench_function("fold_index", |b| b.iter(|| FindIndex::new(ws.model())));
    let step = model.journeys[3].steps[0].id;
    let mut n = 0usize;
    group.bench_function("edit_then_first_keystroke_all", |b| {
        b.iter(|| {
            n += 1;
            ws.apply(&Edit::SetStepText {
                step,
                text: format!("Support edit {n}"),
            })
            .expect("edit");
            let found = ws.find("support", journey, FindScope::All).expect("find");
            serde_json::to_string(&found).expect("json").len()
        })
    });
    group.finish();
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
