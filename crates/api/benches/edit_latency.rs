//! Percentiles of one edit's latency, from arrival to the new scene serialised for the UI, on a WAL
//! workspace file: the figure the editor's budget is set in (p95), which criterion's means do not give.
//! The 1,000-card journey is measured again drawn for four personas, each customer card scored by each,
//! with a fourth kind of edit that changes one persona's score; and again with an insight on every
//! card, 500 comments and 100 opportunities, with a fourth kind of edit that writes a comment.

use std::time::Instant;

use throughline_api::{Edit, OpenWorkspace, Slot, StepDetails};
use throughline_core::{
    synthetic, Comment, EvidenceSource, Id, Insight, LaneKind, Link, LinkKind, Opportunity,
    OpportunityStatus, Persona, PersonaScore, Workspace,
};

/// The edit a run adds to the text, move and arrow edits every run makes.
#[derive(Clone, Copy, PartialEq)]
enum Extra {
    None,
    /// One persona's score on a customer card.
    Score,
    /// A new comment on a card.
    Comment,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    println!("edit → scene JSON latency (ms), 300 edits of each kind");
    for (cards, stages) in [(1_000usize, 12usize), (10_000, 30)] {
        run(
            &format!("{cards:>6} cards"),
            &synthetic::workspace(1, stages, cards, 7),
            Extra::None,
        );
    }
    run(
        " 1,000 cards, 4 personas",
        &with_personas(synthetic::workspace(1, 12, 1_000, 7)),
        Extra::Score,
    );
    run(
        " 1,000 cards, evidence, 500 comments, 100 opportunities",
        &with_plan(synthetic::workspace(1, 12, 1_000, 7)),
        Extra::Comment,
    );
}

/// `ws` with an insight on every card, 500 comments on its cards and 100 opportunities addressing
/// five cards each: a journey a team has worked on for months.
fn with_plan(mut ws: Workspace) -> Workspace {
    let j = &mut ws.journeys[0];
    for (n, step) in j.steps.iter_mut().enumerate() {
        step.evidence.push(Insight {
            text: format!("Finding {n} from the spring interviews"),
            source: EvidenceSource::Interview,
            date: Some("2026-03-02".into()),
            reference: format!("interviews/{n}.md"),
        });
    }
    let ids: Vec<Id> = j.steps.iter().map(|s| s.id).collect();
    j.comments = (0..500)
        .map(|n| Comment {
            id: Id::new(),
            target: ids[(n * 7) % ids.len()],
            author: "Facilitator".into(),
            at: 1_764_806_400_000 + n as i64 * 60_000,
            text: format!("Comment {n}: is this step really needed?"),
            resolved: n % 3 == 0,
        })
        .collect();
    j.opportunities = (0..100)
        .map(|n| Opportunity {
            id: Id::new(),
            title: format!("Opportunity {n}"),
            description: "Shorten the wait".into(),
            owner: None,
            status: OpportunityStatus::ALL[n % 5],
            value: 1 + (n % 5) as u8,
            effort: 1 + (n / 5 % 5) as u8,
            addresses: (0..5).map(|k| ids[(n * 11 + k) % ids.len()]).collect(),
        })
        .collect();
    ws
}

/// `ws` with four personas on its journey, every customer card scored by each.
fn with_personas(mut ws: Workspace) -> Workspace {
    let personas: Vec<Persona> = ["Commuter", "Parent", "Retired", "Student"]
        .iter()
        .map(|name| Persona::named(*name))
        .collect();
    let j = &mut ws.journeys[0];
    j.personas = personas.iter().map(|p| p.id).collect();
    let customer: Vec<Id> = j
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Customer)
        .map(|l| l.id)
        .collect();
    for (n, step) in j.steps.iter_mut().enumerate() {
        if customer.contains(&step.lane) {
            step.emotion = Some((n % 5) as i8 - 2);
            step.scores = personas[1..]
                .iter()
                .enumerate()
                .map(|(i, p)| PersonaScore {
                    persona: p.id,
                    score: ((n + i + 1) % 5) as i8 - 2,
                })
                .collect();
        }
    }
    ws.personas = personas;
    ws
}

/// Applies 300 edits of each kind to the first journey of `ws`, seeded into a workspace file, and
/// prints the percentiles, with the `extra` kind of edit after the three every run makes.
fn run(label: &str, ws: &Workspace, extra: Extra) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("bench.throughline");
    throughline_store::Store::create(&path)
        .and_then(|mut s| s.insert_workspace(ws))
        .expect("seed");
    let mut open = OpenWorkspace::open(&path).expect("open");
    let j = &ws.journeys[0];
    let steps: Vec<Id> = j.steps.iter().map(|s| s.id).collect();
    let scores: Vec<&throughline_core::Step> =
        j.steps.iter().filter(|s| !s.scores.is_empty()).collect();
    let kinds: &[&str] = match extra {
        Extra::Score => &["text", "move", "arrow", "score"],
        Extra::Comment => &["text", "move", "arrow", "comment"],
        Extra::None => &["text", "move", "arrow"],
    };
    for &kind in kinds {
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
                    stage: j.stages[n % j.stages.len()].id,
                    to: Slot::END,
                },
                "arrow" => Edit::AddLink {
                    link: Link {
                        id: Id::new(),
                        kind: LinkKind::Flow,
                        from: step,
                        to: steps[(n * 7 + 1) % steps.len()],
                    },
                },
                "comment" => Edit::PutComment {
                    journey: j.id,
                    comment: Comment {
                        id: Id::new(),
                        target: step,
                        author: "Facilitator".into(),
                        at: 1_764_900_000_000 + n as i64,
                        text: format!("Why does step {n} take so long?"),
                        resolved: false,
                    },
                },
                _ => {
                    let card = open
                        .step(scores[(n * 13) % scores.len()].id)
                        .expect("a scored card");
                    let mut details = StepDetails::of(&card);
                    let which = n % details.scores.len();
                    details.scores[which].score = (n % 5) as i8 - 2;
                    Edit::SetStepDetails {
                        step: card.id,
                        details,
                    }
                }
            };
            let start = Instant::now();
            let _ = open.apply(&edit);
            let json = open.scene_json(j.id).expect("scene");
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            assert!(!json.is_empty());
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{label}  {kind:<5}  p50 {:6.2}  p95 {:6.2}  max {:6.2}",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times[times.len() - 1]
        );
    }
}
