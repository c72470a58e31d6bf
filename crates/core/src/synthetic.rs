//! Generated journeys and workspaces of any size, for benchmarks and property tests. Deterministic for a
//! given seed, so a benchmark measures the same map on every run.

use std::collections::HashSet;

use crate::edit::{self, Edit, EditError, Slot};
use crate::{Entity, EntityKind, Id, Journey, LaneKind, Link, LinkKind, Stage, Step, Workspace};

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

/// `count` flows between random steps of `journey`, each to one of the 20 steps after its source in
/// the journey's step list (so they run forwards, backwards and within a column alike): as many arrows as
/// a benchmark or a property test needs, which [`journey`] alone does not give.
pub fn flows(journey: &Journey, count: usize, seed: u64) -> Vec<Link> {
    let n = journey.steps.len();
    if n < 2 {
        return Vec::new();
    }
    let mut rng = Rng::new(seed);
    let ns = format!("synthetic-flows/{}/{seed}", journey.id);
    (0..count)
        .map(|k| {
            let from = rng.below(n - 1);
            let to = from + 1 + rng.below((n - from - 1).min(20));
            Link {
                id: Id::derived(&ns, &k.to_string()),
                kind: LinkKind::Flow,
                from: journey.steps[from].id,
                to: journey.steps[to].id,
            }
        })
        .collect()
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

/// The blueprint export is measured on: 1,500 cards over 30 stages and six lanes (a second backstage
/// lane takes a sixth of the non-customer cards), card texts cut to six words as a workshop writes
/// them. About 7,200 × 6,400 units, so about 14,400 × 12,800 px at 2×.
pub fn export_benchmark() -> Workspace {
    let (mut journey, flows) = self::journey("Export benchmark", 30, 1_500, 3);
    journey.lanes.push(crate::Lane {
        id: Id::derived("bench", "second-backstage"),
        name: "IT operations".into(),
        kind: LaneKind::Backstage,
        position: 3.5,
    });
    let extra = journey.lanes[5].id;
    for (i, step) in journey.steps.iter_mut().enumerate() {
        if i % 6 == 0 && step.emotion.is_none() {
            step.lane = extra;
            step.position = i as f64;
        }
        step.text = step.text.split(' ').take(6).collect::<Vec<_>>().join(" ");
    }
    Workspace {
        journeys: vec![journey],
        entities: Vec::new(),
        links: flows,
        personas: Vec::new(),
    }
}

/// `journeys` copies of [`export_benchmark`]'s journey, each under its own ids and name: the workspace
/// `throughline export --all` is measured on.
pub fn export_benchmarks(journeys: usize) -> Workspace {
    let one = export_benchmark();
    let mut ws = Workspace::default();
    for i in 0..journeys {
        let mut ws_i = one.clone();
        let j = &mut ws_i.journeys[0];
        let ns = format!("export-benchmark/{i}");
        let id = |old: Id| Id::derived(&ns, &old.to_string());
        j.id = id(j.id);
        j.name = format!("Export benchmark {}", i + 1);
        j.position = i as f64;
        for s in &mut j.stages {
            s.id = id(s.id);
        }
        for l in &mut j.lanes {
            l.id = id(l.id);
        }
        for s in &mut j.steps {
            s.id = id(s.id);
            s.lane = id(s.lane);
            s.stage = id(s.stage);
        }
        for l in &mut ws_i.links {
            l.id = id(l.id);
            l.from = id(l.from);
            l.to = id(l.to);
        }
        ws.journeys.append(&mut ws_i.journeys);
        ws.links.append(&mut ws_i.links);
    }
    ws
}

/// Adds to `ws` a future state of the journey `current`, made as the app makes one
/// ([`Edit::CreateFutureState`]) and then changed as a room changes it: about one card in twenty
/// deleted, one in ten rewritten (two to six new words), and one new card for every twenty, each at the
/// end of a random cell. Its cards then carry every mark (kept, changed, removed, new) in the
/// proportions of a worked-on future state, which the export of the two states side by side is
/// benchmarked on. Deterministic for a given `seed`; returns the future state's id.
pub fn future_state(ws: &mut Workspace, current: Id, seed: u64) -> Result<Id, EditError> {
    let ns = format!("synthetic-future/{current}/{seed}");
    let future = Id::derived(&ns, "journey");
    edit::apply(
        ws,
        &Edit::CreateFutureState {
            source: current,
            journey: future,
        },
    )?;
    let j = ws
        .journey(future)
        .ok_or(EditError::Missing { what: "journey" })?;
    let mut rng = Rng::new(seed);
    let text = |rng: &mut Rng| {
        let words = 2 + rng.below(5);
        (0..words)
            .map(|_| WORDS[rng.below(WORDS.len())])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut deleted = Vec::new();
    let mut edits = Vec::new();
    for step in &j.steps {
        match rng.below(20) {
            0 => deleted.push(step.id),
            1 | 2 => edits.push(Edit::SetStepText {
                step: step.id,
                text: text(&mut rng),
            }),
            _ => {}
        }
    }
    for k in 0..j.steps.len() / 20 {
        edits.push(Edit::AddStep {
            journey: future,
            step: Id::derived(&ns, &format!("new{k}")),
            lane: j.lanes[rng.below(j.lanes.len())].id,
            stage: j.stages[rng.below(j.stages.len())].id,
            to: Slot::END,
            text: text(&mut rng),
        });
    }
    if !deleted.is_empty() {
        edits.push(Edit::DeleteSteps { steps: deleted });
    }
    if !edits.is_empty() {
        edit::apply(ws, &Edit::Batch { edits })?;
    }
    Ok(future)
}

/// Adds an organisation to `ws`: `entities` people, teams, systems and processes (people in teams,
/// systems and processes depending on others, a few dependency circles), owners for most cards and
/// entities, and about `links_per_card` links from each card to who performs it, the systems it uses
/// and the processes it is part of. The shape of a large company's shared workspace, for the analyses'
/// benchmarks.
pub fn organisation(ws: &mut Workspace, entities: usize, links_per_card: f64, seed: u64) {
    if entities == 0 {
        return;
    }
    let mut rng = Rng::new(seed ^ 0x0a9a);
    let ns = format!("synthetic/organisation/{seed}");
    let kind_of = |i: usize| match i % 20 {
        0..=7 => EntityKind::Person,
        8..=10 => EntityKind::Team,
        11..=15 => EntityKind::System,
        _ => EntityKind::Process,
    };
    let first = ws.entities.len();
    for i in 0..entities {
        let kind = kind_of(i);
        ws.entities.push(Entity {
            id: Id::derived(&ns, &format!("entity/{i}")),
            kind,
            name: format!("{kind:?} {i}"),
            description: String::new(),
            owner: None,
        });
    }
    let of = |kind: EntityKind| -> Vec<Id> {
        ws.entities[first..]
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.id)
            .collect()
    };
    let (people, teams, systems, processes) = (
        of(EntityKind::Person),
        of(EntityKind::Team),
        of(EntityKind::System),
        of(EntityKind::Process),
    );
    let owners: Vec<Id> = people.iter().chain(&teams).copied().collect();
    let pick = |rng: &mut Rng, from: &[Id]| (!from.is_empty()).then(|| from[rng.below(from.len())]);
    let mut seen: HashSet<(LinkKind, Id, Id)> = HashSet::new();
    let mut link = |ws: &mut Workspace, kind, from, to| {
        if from != to && seen.insert((kind, from, to)) {
            ws.links.push(Link {
                id: Id::derived(&ns, &format!("link/{}", seen.len())),
                kind,
                from,
                to,
            });
        }
    };
    for i in first..ws.entities.len() {
        if rng.below(10) < 9 {
            ws.entities[i].owner = pick(&mut rng, &owners).filter(|o| *o != ws.entities[i].id);
        }
    }
    for &p in &people {
        if let Some(t) = pick(&mut rng, &teams) {
            link(ws, LinkKind::MemberOf, p, t);
        }
    }
    // Dependencies point from later to earlier entities of the list, so they form no circles ...
    let deps: Vec<Id> = systems.iter().chain(&processes).copied().collect();
    for (i, &from) in deps.iter().enumerate().skip(1) {
        for _ in 0..2 {
            link(ws, LinkKind::DependsOn, from, deps[rng.below(i)]);
        }
    }
    // ... except a few, which close circles a check must find: an entity's dependency made to depend
    // on it in turn.
    let circles = if deps.is_empty() {
        0
    } else {
        (deps.len() / 500).max(1)
    };
    for _ in 0..circles {
        let from = deps[rng.below(deps.len())];
        let target = ws
            .links
            .iter()
            .rev()
            .find(|l| l.kind == LinkKind::DependsOn && l.from == from)
            .map(|l| l.to);
        if let Some(to) = target {
            link(ws, LinkKind::DependsOn, to, from);
        }
    }
    let steps: Vec<Id> = ws
        .journeys
        .iter()
        .flat_map(|j| j.steps.iter().map(|s| s.id))
        .collect();
    let whole = links_per_card.max(0.0).floor() as usize;
    let extra = ((links_per_card.max(0.0) - whole as f64) * 100.0) as usize;
    for (n, step) in steps.iter().enumerate() {
        let count = whole + usize::from(rng.below(100) < extra);
        for k in 0..count {
            let (kind, pool) = match k % 3 {
                0 => (LinkKind::PerformedBy, &owners),
                1 => (LinkKind::Uses, &systems),
                _ => (LinkKind::PartOf, &processes),
            };
            if let Some(to) = pick(&mut rng, pool) {
                link(ws, kind, *step, to);
            }
        }
        if rng.below(100) < 85 {
            let owner = pick(&mut rng, &owners);
            let (j, s) = locate(ws, n);
            ws.journeys[j].steps[s].owner = owner;
        }
    }
}

/// The journey and index of the `n`th step counting across journeys.
fn locate(ws: &Workspace, mut n: usize) -> (usize, usize) {
    for (j, journey) in ws.journeys.iter().enumerate() {
        if n < journey.steps.len() {
            return (j, n);
        }
        n -= journey.steps.len();
    }
    unreachable!("step index out of range")
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

    #[test]
    fn extra_flows_join_steps_of_the_journey_and_repeat() {
        let (journey, _) = self::journey("flows", 6, 50, 1);
        let links = flows(&journey, 80, 2);
        assert_eq!(links.len(), 80);
        let steps: HashSet<Id> = journey.steps.iter().map(|s| s.id).collect();
        assert!(links
            .iter()
            .all(|l| steps.contains(&l.from) && steps.contains(&l.to) && l.from != l.to));
        assert_eq!(links, flows(&journey, 80, 2));
        assert!(flows(&journey.clone(), 0, 2).is_empty());
    }

    #[test]
    fn export_benchmarks_are_valid_copies() {
        let ws = export_benchmarks(3);
        validate_workspace(&ws).unwrap();
        assert_eq!(ws.journeys.len(), 3);
        assert!(ws
            .journeys
            .iter()
            .all(|j| j.steps.len() == 1_500 && j.lanes.len() == 6));
        assert_eq!(ws.links.len(), 3 * export_benchmark().links.len());
    }

    #[test]
    fn future_states_carry_every_mark_and_repeat() {
        let mut ws = workspace(1, 8, 600, 5);
        let current = ws.journeys[0].id;
        let id = future_state(&mut ws, current, 9).unwrap();
        validate_workspace(&ws).unwrap();
        let future = ws.journey(id).unwrap();
        assert_eq!(future.future_of, Some(current));
        let summary = crate::future::pair(&ws, future).summary();
        // About 5 % deleted, 10 % rewritten and 5 % added, of 600 cards.
        assert!((10..=50).contains(&summary.removed), "{summary:?}");
        assert!((30..=90).contains(&summary.changed), "{summary:?}");
        assert_eq!(summary.added, 30, "{summary:?}");
        assert_eq!(
            summary.kept + summary.changed + summary.removed,
            600,
            "{summary:?}"
        );
        let mut again = workspace(1, 8, 600, 5);
        future_state(&mut again, current, 9).unwrap();
        assert_eq!(ws, again, "the same seed gives the same future state");
    }

    #[test]
    fn generated_organisations_are_valid_and_of_the_size_asked() {
        let mut ws = workspace(4, 6, 250, 7);
        organisation(&mut ws, 200, 4.0, 7);
        validate_workspace(&ws).unwrap();
        assert_eq!(ws.entities.len(), 200);
        let to_entities = ws
            .links
            .iter()
            .filter(|l| {
                matches!(
                    l.kind,
                    LinkKind::PerformedBy | LinkKind::Uses | LinkKind::PartOf
                )
            })
            .count();
        assert!(
            to_entities > 3_500,
            "about four links per card, got {to_entities}"
        );
        let mut again = workspace(4, 6, 250, 7);
        organisation(&mut again, 200, 4.0, 7);
        assert_eq!(ws, again, "the same seed gives the same organisation");
    }

    #[test]
    fn organisations_too_small_to_hold_every_kind_are_still_made() {
        for entities in 1..12 {
            let mut ws = workspace(1, 3, 20, 3);
            organisation(&mut ws, entities, 2.5, 3);
            validate_workspace(&ws).unwrap();
            assert_eq!(ws.entities.len(), entities);
        }
    }
}
