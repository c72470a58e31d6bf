//! Generated journeys and workspaces of any size, for benchmarks and property tests. Deterministic for a
//! given seed, so a benchmark measures the same map on every run.

use crate::{Id, Journey, LaneKind, Link, LinkKind, Stage, Step, Workspace};

const WORDS: &[&str] = &[
    "customer",
    "calls",
    "support",
    "checks",
    "order",
    "status",
    "agent",
    "reviews",
    "account",
    "sends",
    "confirmation",
    "email",
    "technician",
    "visits",
    "home",
    "installs",
    "router",
    "billing",
    "system",
    "updates",
    "record",
    "waits",
    "for",
    "reply",
    "escalates",
    "case",
    "to",
    "specialist",
    "approves",
    "refund",
    "schedules",
    "appointment",
    "receives",
    "letter",
    "app",
    "notification",
];

/// A small, fast, seedable generator (SplitMix64), enough to vary text lengths and placements.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator that yields the same sequence for the same seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// A journey of `cards` steps spread over `stages` columns and the five standard lanes, with card texts
/// of 2–24 words, emotion on customer steps, some moments of truth, and a flow from each step to a later
/// one in about a third of cases (returned as links).
pub fn journey(name: &str, stages: usize, cards: usize, seed: u64) -> (Journey, Vec<Link>) {
    let mut rng = Rng::new(seed);
    let ns = format!("synthetic/{name}/{seed}");
    let id = |key: String| Id::derived(&ns, &key);
    let stage_names: Vec<String> = (0..stages).map(|i| format!("Stage {}", i + 1)).collect();
    let mut j = Journey::from_template(name, &[]);
    j.id = id("journey".into());
    j.persona = "Generated persona".into();
    j.stages = stage_names
        .iter()
        .enumerate()
        .map(|(i, s)| Stage {
            id: id(format!("stage{i}")),
            name: s.clone(),
            position: i as f64,
        })
        .collect();
    for (i, lane) in j.lanes.iter_mut().enumerate() {
        lane.id = id(format!("lane{i}"));
    }
    for c in 0..cards {
        let lane = &j.lanes[rng.below(j.lanes.len())];
        let stage = &j.stages[rng.below(stages.max(1))];
        let words = 2 + rng.below(23);
        let text: Vec<&str> = (0..words).map(|_| WORDS[rng.below(WORDS.len())]).collect();
        let mut step = Step::new(lane.id, stage.id, c as f64, &text.join(" "));
        step.id = id(format!("step{c}"));
        step.moment_of_truth = rng.below(12) == 0;
        if lane.kind == LaneKind::Customer {
            step.emotion = Some(rng.below(5) as i8 - 2);
        }
        j.steps.push(step);
    }
    let mut links = Vec::new();
    for c in 0..cards {
        if rng.below(3) == 0 && c + 1 < cards {
            let to = c + 1 + rng.below((cards - c - 1).min(20));
            links.push(Link {
                id: id(format!("flow{c}")),
                kind: LinkKind::Flow,
                from: j.steps[c].id,
                to: j.steps[to].id,
            });
        }
    }
    (j, links)
}

/// A workspace of `journeys` generated journeys, each of `cards` steps over `stages` stages.
pub fn workspace(journeys: usize, stages: usize, cards: usize, seed: u64) -> Workspace {
    let mut ws = Workspace::default();
    for i in 0..journeys {
        let (mut j, links) = journey(
            &format!("Journey {}", i + 1),
            stages,
            cards,
            seed + i as u64,
        );
        j.position = i as f64;
        ws.journeys.push(j);
        ws.links.extend(links);
    }
    ws
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate_workspace;

    #[test]
    fn generated_workspaces_are_valid_and_repeatable() {
        let ws = workspace(3, 6, 200, 7);
        validate_workspace(&ws).unwrap();
        assert_eq!(
            ws.journeys.iter().map(|j| j.steps.len()).sum::<usize>(),
            600
        );
        assert_eq!(ws, workspace(3, 6, 200, 7));
    }
}
