//! Personas on journeys: the limits, and how a journey's cards keep each persona's emotion score when
//! the journey's personas change. A card's `emotion` is the score of the journey's first persona (or of
//! its unnamed customer when it has none), so every analysis and drawing of the single curve keeps
//! working; the other personas' scores sit in `scores`.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Id, Journey, PersonaScore};

/// Most personas one journey is drawn for: beyond eight curves the emotion band is unreadable, and
/// eight distinct colour-blind-safe colours (Okabe–Ito) are all there are.
pub const MAX_JOURNEY_PERSONAS: usize = 8;

/// One card's emotion scores as they were, so an edit that moves scores between personas can be undone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct StepFeelings {
    /// The card.
    pub step: Id,
    /// Its `emotion` (the first persona's score).
    pub emotion: Option<i8>,
    /// Its other personas' scores.
    pub scores: Vec<PersonaScore>,
}

/// A journey's personas and the scores of the cards they changed, as they were.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct JourneyFeelings {
    /// The journey.
    pub journey: Id,
    /// Its personas, in order.
    pub personas: Vec<Id>,
    /// The cards whose scores differ from what the change left.
    pub steps: Vec<StepFeelings>,
}

/// Gives `journey` the personas `new`, moving every card's scores so each persona keeps its own: the
/// score of whoever is first lands in `emotion`, the others in `scores`. A journey that had no persona
/// hands its cards' emotion to the new first one; one left with none keeps the old first's as its
/// unnamed customer's. Scores of personas taken off are dropped. Answers with what was there before,
/// for the cards that changed.
pub fn set_personas(journey: &mut Journey, new: Vec<Id>) -> JourneyFeelings {
    let old = std::mem::replace(&mut journey.personas, new);
    let new = &journey.personas;
    let primary = old.first().or(new.first()).copied();
    let mut changed = Vec::new();
    for step in &mut journey.steps {
        if step.emotion.is_none() && step.scores.is_empty() {
            continue;
        }
        let mut by_persona: HashMap<Id, i8> =
            step.scores.iter().map(|s| (s.persona, s.score)).collect();
        if let (Some(p), Some(e)) = (primary, step.emotion) {
            by_persona.insert(p, e);
        }
        let emotion = match new.first() {
            Some(first) => by_persona.get(first).copied(),
            None => step.emotion,
        };
        let scores: Vec<PersonaScore> = new
            .iter()
            .skip(1)
            .filter_map(|p| {
                by_persona
                    .get(p)
                    .map(|&score| PersonaScore { persona: *p, score })
            })
            .collect();
        if emotion != step.emotion || scores != step.scores {
            changed.push(StepFeelings {
                step: step.id,
                emotion: std::mem::replace(&mut step.emotion, emotion),
                scores: std::mem::replace(&mut step.scores, scores),
            });
        }
    }
    JourneyFeelings {
        journey: journey.id,
        personas: old,
        steps: changed,
    }
}

/// Puts back exactly what [`set_personas`] answered with, answering with what it replaced, so putting
/// that back again redoes the change.
pub fn restore_feelings(journey: &mut Journey, feelings: &JourneyFeelings) -> JourneyFeelings {
    let personas = std::mem::replace(&mut journey.personas, feelings.personas.clone());
    let wanted: HashMap<Id, &StepFeelings> = feelings.steps.iter().map(|f| (f.step, f)).collect();
    let mut replaced = Vec::with_capacity(feelings.steps.len());
    for step in &mut journey.steps {
        if let Some(f) = wanted.get(&step.id) {
            replaced.push(StepFeelings {
                step: step.id,
                emotion: std::mem::replace(&mut step.emotion, f.emotion),
                scores: std::mem::replace(&mut step.scores, f.scores.clone()),
            });
        }
    }
    JourneyFeelings {
        journey: journey.id,
        personas,
        steps: replaced,
    }
}

/// The score `persona` gives `step` on `journey`, if any: `emotion` for the first persona.
pub fn score_of(journey: &Journey, step: &crate::Step, persona: Id) -> Option<i8> {
    if journey.personas.first() == Some(&persona) {
        return step.emotion;
    }
    step.scores
        .iter()
        .find(|s| s.persona == persona)
        .map(|s| s.score)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{LaneKind, Step};

    fn cafe() -> (Journey, Id) {
        let mut j = Journey::from_template("Coffee shop", &["Order", "Wait", "Drink"]);
        let lane = j
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Customer)
            .unwrap()
            .id;
        for (i, stage) in j.stages.clone().iter().enumerate() {
            let mut s = Step::new(lane, stage.id, 0.0, "step");
            s.emotion = Some(i as i8 - 1);
            j.steps.push(s);
        }
        (j, lane)
    }

    #[test]
    fn the_first_persona_takes_the_unnamed_customers_scores_and_each_keeps_its_own() {
        let (mut j, _) = cafe();
        let (commuter, student) = (Id::new(), Id::new());
        let before = j.clone();
        let undo_first = set_personas(&mut j, vec![commuter]);
        assert_eq!(
            j.steps.iter().map(|s| s.emotion).collect::<Vec<_>>(),
            vec![Some(-1), Some(0), Some(1)],
            "the unnamed customer's scores became the commuter's"
        );
        assert!(undo_first.steps.is_empty(), "no card's numbers changed");
        set_personas(&mut j, vec![commuter, student]);
        j.steps[0].scores = vec![PersonaScore {
            persona: student,
            score: 2,
        }];
        let swapped = j.clone();
        let undo = set_personas(&mut j, vec![student, commuter]);
        assert_eq!(j.steps[0].emotion, Some(2));
        assert_eq!(score_of(&j, &j.steps[0], commuter), Some(-1));
        assert_eq!(score_of(&j, &j.steps[1], commuter), Some(0));
        assert_eq!(j.steps[1].emotion, None, "the student never scored this");
        let redo = restore_feelings(&mut j, &undo);
        assert_eq!(j, swapped);
        restore_feelings(&mut j, &redo);
        assert_eq!(j.steps[0].emotion, Some(2));
        restore_feelings(&mut j, &undo);
        restore_feelings(&mut j, &undo_first);
        j.steps[0].scores.clear();
        assert_eq!(j, before);
    }
}
