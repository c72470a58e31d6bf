//! Outages on the large shared workspace of the analysis benchmark (about 100,000 nodes and 500,000
//! edges): one entity down, ten at once, and every entity ranked by what its failure costs.

use criterion::{criterion_group, criterion_main, Criterion};
use throughline_core::graph::WorkspaceGraph;
use throughline_core::impact::OutageIndex;
use throughline_core::{synthetic, EntityKind, Id, Workspace};

/// The workspace `throughline generate --journeys 450 --cards 200 --stages 10 --entities 10000
/// --links-per-card 4.2` writes.
fn large() -> Workspace {
    let mut ws = synthetic::workspace(450, 10, 200, 1);
    synthetic::organisation(&mut ws, 10_000, 4.2, 1);
    ws
}

fn outage(c: &mut Criterion) {
    let ws = large();
    let graph = WorkspaceGraph::build(&ws);
    let systems: Vec<Id> = ws
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::System)
        .map(|e| e.id)
        .collect();
    // The first system: everything later in the dependency order may rely on it.
    let first = [systems[0]];
    let ten: Vec<Id> = systems
        .iter()
        .step_by(systems.len() / 10)
        .take(10)
        .copied()
        .collect();
    let index = OutageIndex::new(&graph);
    let o = index.outage(&graph, &first).unwrap();
    eprintln!(
        "one system down: {} entities down, {} cards, {} moments, {} customer steps",
        o.entities_down.len(),
        o.cards.len(),
        o.moments.len(),
        o.customer_steps.len()
    );
    let mut group = c.benchmark_group("outage_100k_nodes_500k_edges");
    group.sample_size(10);
    group.bench_function("index_and_one_entity", |b| {
        b.iter(|| {
            let index = OutageIndex::new(&graph);
            index.outage(&graph, &first).unwrap().cards.len()
        })
    });
    group.bench_function("one_entity_on_a_kept_index", |b| {
        b.iter(|| index.outage(&graph, &first).unwrap().cards.len())
    });
    group.bench_function("index_and_ten_entities", |b| {
        b.iter(|| {
            let index = OutageIndex::new(&graph);
            index.outage(&graph, &ten).unwrap().cards.len()
        })
    });
    group.bench_function("index_and_rank_every_entity", |b| {
        b.iter(|| OutageIndex::new(&graph).criticality().len())
    });
    group.finish();
}

criterion_group!(benches, outage);
criterion_main!(benches);
