//! Percentiles of one edit's latency, from arrival to the new scene serialised for the UI, on a WAL
//! workspace file: the figure the editor's budget is set in (p95), which criterion's means do not give.

use std::time::Instant;

use throughline_api::{Edit, OpenWorkspace, Slot};
use throughline_core::{synthetic, Id, Link, LinkKind};

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    println!("edit → scene JSON latency (ms), 300 edits of each kind");
    for (cards, stages) in [(1_000usize, 12usize), (10_000, 30)] {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("bench.throughline");
        let ws = synthetic::workspace(1, stages, cards, 7);
        throughline_store::Store::create(&path)
            .and_then(|mut s| s.insert_workspace(&ws))
            .expect("seed");
        let mut open = OpenWorkspace::open(&path).expect("open");
        let j = &ws.journeys[0];
        let steps: Vec<Id> = j.steps.iter().map(|s| s.id).collect();
        for kind in ["text", "move", "arrow"] {
            let mut times = Vec::with_capacity(300);
            for n in 0..300usize {
                let step = steps[(n * 31) % steps.len()];
                let edit = match kind {
                    "text" => Edit::SetStepText {
                        step,
                        text: format!("Edited card {n}"),
                    },
                    "move" => Edit::MoveSteps {
                        steps: vec![step],
                        lane: j.lanes[n % 5].id,
                        stage: j.stages[n % stages].id,
                        to: Slot::END,
                    },
                    _ => Edit::AddLink {
                        link: Link {
                            id: Id::new(),
                            kind: LinkKind::Flow,
                            from: step,
                            to: steps[(n * 7 + 1) % steps.len()],
                        },
                    },
                };
                let start = Instant::now();
                let _ = open.apply(&edit);
                let json = open.scene_json(j.id).expect("scene");
                times.push(start.elapsed().as_secs_f64() * 1000.0);
                assert!(!json.is_empty());
            }
            times.sort_by(f64::total_cmp);
            println!(
                "{cards:>6} cards  {kind:<5}  p50 {:6.2}  p95 {:6.2}  max {:6.2}",
                percentile(&times, 0.5),
                percentile(&times, 0.95),
                times[times.len() - 1]
            );
        }
    }
}
