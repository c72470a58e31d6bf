//! The manager's questions on a large shared workspace: 450 journeys of 200 cards (90,000 cards) and
//! 10,000 entities, about 100,000 nodes and 500,000 edges. Measures every check plus one impact query,
//! keeping the graph up to date after one edit, and (for comparison) building it from scratch.

use criterion::{criterion_group, criterion_main, Criterion};
use throughline_core::analysis::{checks, impact};
use throughline_core::edit::{apply, Edit};
use throughline_core::graph::WorkspaceGraph;
use throughline_core::{synthetic, EntityKind, Workspace};

/// The benchmark workspace, as `throughline generate --journeys 450 --cards 200 --stages 10
/// --entities 10000 --links-per-card 4.2` writes it.
fn large() -> Workspace {
    let mut ws = synthetic::workspace(450, 10, 200, 1);
    synthetic::organisation(&mut ws, 10_000, 4.2, 1);
    ws
}

fn analysis(c: &mut Criterion) {
    let mut ws = large();
    let mut graph = WorkspaceGraph::build(&ws);
    eprintln!(
        "workspace graph: {} nodes, {} edges",
        graph.node_count(),
        graph.edge_count()
    );
    // The first system: everything later in the dependency order may rely on it.
    let crm = ws
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::System)
        .expect("a system")
        .id;
    let mut group = c.benchmark_group("analysis_100k_nodes_500k_edges");
    group.sample_size(20);
    group.bench_function("all_checks_and_one_impact", |b| {
        b.iter(|| {
            let found = checks(&graph, None).len();
            found + impact(&graph, crm).map_or(0, |i| i.steps.len())
        })
    });
    let step = ws.journeys[7].steps[42].id;
    let owners: Vec<_> = ws
        .entities
        .iter()
        .filter(|e| e.kind.can_own())
        .take(2)
        .map(|e| e.id)
        .collect();
    let mut flip = 0;
    group.bench_function("apply_one_edit_and_update_graph", |b| {
        b.iter(|| {
            flip = 1 - flip;
            let edit = Edit::SetOwner {
                steps: vec![step],
                owner: Some(owners[flip]),
            };
            let (touched, _) = apply(&mut ws, &edit).expect("edit applies");
            graph.update(&ws, &touched);
            graph.edge_count()
        })
    });
    group.bench_function("update_graph_after_one_edit", |b| {
        let edit = Edit::SetOwner {
            steps: vec![step],
            owner: Some(owners[0]),
        };
        let (touched, _) = apply(&mut ws, &edit).expect("edit applies");
        b.iter(|| {
            graph.update(&ws, &touched);
            graph.edge_count()
        })
    });
    group.bench_function("build_graph_from_scratch", |b| {
        b.iter(|| WorkspaceGraph::build(&ws).edge_count())
    });
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
