//! Applying the diff of two scenes to the first gives the second, for scenes laid out before and after
//! random edits (and their undos) of generated journeys, chips and hand-offs included.

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;
use throughline_core::edit::{apply, Edit, Slot, StepDetails};
use throughline_core::synthetic::{self, Rng};
use throughline_core::{Id, LaneKind, Severity, Workspace};
use throughline_render::scene_diff::{apply as apply_diff, diff};
use throughline_render::{
    layout_cached, Annotations, ChipInput, ChipRole, Fonts, Scene, WrapCache,
};

const WORDS: [&str; 8] = ["Checks", "in", "at", "the", "front", "desk", "and", "waits"];

fn words(rng: &mut Rng, most: usize) -> String {
    let n = 1 + rng.below(most);
    (0..n)
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn pick<T: Copy>(rng: &mut Rng, items: &[T]) -> Option<T> {
    (!items.is_empty()).then(|| items[rng.below(items.len())])
}

/// A random edit of the workspace's only journey, or `None` when there is nothing to edit.
fn random_edit(ws: &Workspace, rng: &mut Rng, n: u64) -> Option<Edit> {
    let j = &ws.journeys[0];
    let steps: Vec<Id> = j.steps.iter().map(|s| s.id).collect();
    let stages: Vec<Id> = j.stages.iter().map(|s| s.id).collect();
    let lanes: Vec<Id> = j.lanes.iter().map(|l| l.id).collect();
    let fresh = Id::derived("scene-diff-prop", &n.to_string());
    let before = |rng: &mut Rng, ids: &[Id]| Slot::Before {
        id: if rng.below(3) == 0 {
            None
        } else {
            pick(rng, ids)
        },
    };
    Some(match rng.below(12) {
        0 | 1 => Edit::SetStepText {
            step: pick(rng, &steps)?,
            text: words(rng, 30),
        },
        2 => Edit::AddStep {
            journey: j.id,
            step: fresh,
            lane: pick(rng, &lanes)?,
            stage: pick(rng, &stages)?,
            to: before(rng, &steps),
            text: words(rng, 12),
        },
        3 => Edit::MoveSteps {
            steps: vec![pick(rng, &steps)?],
            lane: pick(rng, &lanes)?,
            stage: pick(rng, &stages)?,
            to: before(rng, &steps),
        },
        4 => Edit::DeleteSteps {
            steps: vec![pick(rng, &steps)?],
        },
        5 => {
            let step = j.step(pick(rng, &steps)?)?;
            let mut details = StepDetails::of(step);
            details.emotion = pick(rng, &[None, Some(-2), Some(0), Some(2)]).flatten();
            details.pain_point = (rng.below(2) == 0).then(|| words(rng, 5));
            details.pain_severity = pick(rng, &[Severity::Low, Severity::High])?;
            details.fail_point = rng.below(2) == 0;
            details.wait_point = rng.below(2) == 0;
            details.moment_of_truth = rng.below(2) == 0;
            details.channel = (rng.below(2) == 0).then(|| words(rng, 3));
            Edit::SetStepDetails {
                step: step.id,
                details,
            }
        }
        6 => Edit::AddLink {
            link: throughline_core::Link {
                id: fresh,
                kind: throughline_core::LinkKind::Flow,
                from: pick(rng, &steps)?,
                to: pick(rng, &steps)?,
            },
        },
        7 => Edit::DeleteLinks {
            links: vec![pick(
                rng,
                &ws.flows_of(j).iter().map(|l| l.id).collect::<Vec<_>>(),
            )?],
        },
        8 => Edit::AddStage {
            journey: j.id,
            stage: fresh,
            name: words(rng, 4),
            to: before(rng, &stages),
        },
        9 => match rng.below(3) {
            0 => Edit::RenameStage {
                stage: pick(rng, &stages)?,
                name: words(rng, 6),
            },
            1 => Edit::MoveStage {
                stage: pick(rng, &stages)?,
                to: before(rng, &stages),
            },
            _ => Edit::DeleteStage {
                stage: pick(rng, &stages)?,
            },
        },
        10 => match rng.below(3) {
            0 => Edit::AddLane {
                journey: j.id,
                lane: fresh,
                name: words(rng, 3),
                kind: pick(rng, &[LaneKind::Customer, LaneKind::Backstage])?,
                to: before(rng, &lanes),
            },
            1 => Edit::MoveLane {
                lane: pick(rng, &lanes)?,
                to: before(rng, &lanes),
            },
            _ => Edit::DeleteLane {
                lane: pick(rng, &lanes)?,
            },
        },
        _ => Edit::UpdateJourney {
            journey: j.id,
            name: words(rng, 6),
            persona: if rng.below(2) == 0 {
                String::new()
            } else {
                words(rng, 4)
            },
            description: String::new(),
        },
    })
}

/// Chips on about a quarter of the cards, hand-offs on about a third of the arrows and open comments
/// on about a fifth of the cards, drawn anew from `seed` so they change between scenes like entity,
/// owner and comment edits change them.
fn annotations(ws: &Workspace, seed: u64) -> Annotations {
    let mut rng = Rng::new(seed);
    let j = &ws.journeys[0];
    let mut chips: HashMap<Id, Vec<ChipInput>> = HashMap::new();
    for step in &j.steps {
        if rng.below(4) == 0 {
            chips.entry(step.id).or_default().push(ChipInput {
                entity: Id::derived("scene-diff-chip", &rng.below(5).to_string()),
                label: words(&mut rng, 3),
                role: pick(&mut rng, &[ChipRole::Owner, ChipRole::Uses]).unwrap(),
            });
        }
    }
    let handoffs: HashSet<Id> = ws
        .flows_of(j)
        .iter()
        .filter(|_| rng.below(3) == 0)
        .map(|l| l.id)
        .collect();
    let mut comments: HashMap<Id, String> = HashMap::new();
    for step in &j.steps {
        if rng.below(5) == 0 {
            comments.insert(step.id, (1 + rng.below(12)).to_string());
        }
    }
    Annotations {
        chips,
        handoffs,
        personas: HashMap::new(),
        comments,
    }
}

fn scene(ws: &Workspace, notes: &Annotations, fonts: &Fonts, cache: &mut WrapCache) -> Scene {
    let j = &ws.journeys[0];
    layout_cached(j, &ws.flows_of(j), notes, fonts, cache)
}

fn assert_round_trip(old: &Scene, new: &Scene) -> Result<(), TestCaseError> {
    let d = diff(old, new);
    prop_assert!(apply_diff(old, &d) == *new, "diff {:?}", d);
    prop_assert_eq!(d.is_empty(), old == new);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn applying_the_diff_gives_the_new_scene(
        stages in 1usize..6,
        cards in 0usize..60,
        seed in any::<u64>(),
        edits in 1usize..12,
    ) {
        let fonts = Fonts::embedded();
        let mut cache = WrapCache::default();
        let mut ws = synthetic::workspace(1, stages, cards, seed);
        let mut rng = Rng::new(seed ^ 0x5eed);
        let keep_chips = rng.below(2) == 0;
        let mut notes = annotations(&ws, seed);
        let first = scene(&ws, &notes, &fonts, &mut cache);
        let mut old = first.clone();
        let mut undos = Vec::new();
        for n in 0..edits as u64 {
            let undo = rng.below(5) == 0;
            let edit = if undo { undos.pop() } else { random_edit(&ws, &mut rng, n) };
            let Some(edit) = edit else { continue };
            if let Ok((_, inverse)) = apply(&mut ws, &edit) {
                if !undo {
                    undos.push(inverse);
                }
            }
            if !keep_chips {
                notes = annotations(&ws, seed.wrapping_add(n));
            }
            let new = scene(&ws, &notes, &fonts, &mut cache);
            assert_round_trip(&old, &new)?;
            old = new;
        }
        assert_round_trip(&first, &old)?;
        assert_round_trip(&old, &first)?;
    }
}

#[test]
fn scenes_of_different_journeys_diff_into_each_other() {
    let fonts = Fonts::embedded();
    let mut cache = WrapCache::default();
    let a = synthetic::workspace(1, 4, 40, 1);
    let b = synthetic::workspace(1, 7, 25, 2);
    let sa = scene(&a, &annotations(&a, 1), &fonts, &mut cache);
    let sb = scene(&b, &annotations(&b, 2), &fonts, &mut cache);
    assert_eq!(apply_diff(&sa, &diff(&sa, &sb)), sb);
    assert_eq!(apply_diff(&sb, &diff(&sb, &sa)), sa);
}

#[test]
fn a_text_edit_names_only_what_it_changed() {
    let fonts = Fonts::embedded();
    let mut cache = WrapCache::default();
    let mut ws = synthetic::workspace(1, 6, 120, 9);
    let notes = Annotations::default();
    let old = scene(&ws, &notes, &fonts, &mut cache);
    // A short card stays one line long, so it keeps its height and nothing else moves.
    let step = ws.journeys[0]
        .steps
        .iter()
        .find(|s| s.text.split(' ').count() <= 3)
        .unwrap()
        .clone();
    let text = "Waits".to_owned();
    apply(
        &mut ws,
        &Edit::SetStepText {
            step: step.id,
            text,
        },
    )
    .unwrap();
    let new = scene(&ws, &notes, &fonts, &mut cache);
    let d = diff(&old, &new);
    assert_eq!(apply_diff(&old, &d), new);
    let ids: Vec<Id> = d.cards.put.iter().map(|p| p.item.id).collect();
    assert_eq!(ids, vec![step.id]);
    assert!(d.cards.removed.is_empty() && d.stages.is_empty() && d.lanes.is_empty());
}

#[test]
fn cards_below_a_card_that_grew_are_shifted_not_sent_again() {
    let fonts = Fonts::embedded();
    let mut cache = WrapCache::default();
    let mut ws = synthetic::workspace(1, 3, 60, 4);
    let notes = annotations(&ws, 4);
    let old = scene(&ws, &notes, &fonts, &mut cache);
    // The top card of the fullest cell: every card under it moves down when it grows.
    let j = &ws.journeys[0];
    let cell_of = |s: &throughline_core::Step| (s.lane, s.stage);
    let fullest = j
        .steps
        .iter()
        .map(cell_of)
        .max_by_key(|c| j.steps.iter().filter(|s| cell_of(s) == *c).count())
        .unwrap();
    let top = old
        .cards
        .iter()
        .filter(|c| (c.lane, c.stage) == fullest)
        .min_by(|a, b| a.rect.y.total_cmp(&b.rect.y))
        .unwrap()
        .id;
    let text = "Waits at the front desk and checks in again ".repeat(6);
    apply(&mut ws, &Edit::SetStepText { step: top, text }).unwrap();
    let new = scene(&ws, &notes, &fonts, &mut cache);
    let d = diff(&old, &new);
    assert_eq!(apply_diff(&old, &d), new);
    let below = old
        .cards
        .iter()
        .filter(|c| (c.lane, c.stage) == fullest && c.id != top)
        .count();
    assert!(below >= 2, "the cell holds {below} cards under the top one");
    let shifted: HashSet<Id> = d.shifted.iter().map(|s| s.id).collect();
    assert!(d.cards.put.iter().all(|p| !shifted.contains(&p.item.id)));
    for card in old
        .cards
        .iter()
        .filter(|c| (c.lane, c.stage) == fullest && c.id != top)
    {
        assert!(
            shifted.contains(&card.id),
            "card {} was sent again",
            card.id
        );
    }
    assert!(d.cards.put.iter().any(|p| p.item.id == top));
    assert!(d.shifted.iter().all(|s| s.dx == 0.0 && s.dy > 0.0));
}
