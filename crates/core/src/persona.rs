//! Personas on journeys: the limits, and how a journey's cards keep each persona's emotion score when
//! the journey's personas change. A card's `emotion` is the score of the journey's first persona (or of
//! its unnamed customer when it has none), so every analysis and drawing of the single curve keeps
//! working; the other personas' scores sit in `scores`.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Id, Journey, PersonaPicture, PersonaScore, PictureFormat};

/// Most personas one journey is drawn for: beyond eight curves the emotion band is unreadable, and
/// eight distinct colour-blind-safe colours (Okabe–Ito) are all there are.
pub const MAX_JOURNEY_PERSONAS: usize = 8;

/// Largest persona picture, in bytes of the file: a portrait, not a poster; the workspace stays small
/// enough to share through Git.
pub const MAX_PICTURE_BYTES: usize = 2 << 20;

/// Widest and tallest persona picture, in pixels, so a tiny file cannot claim a huge image.
pub const MAX_PICTURE_SIDE: usize = 8_192;

/// Why a persona's picture was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PictureError {
    /// Not base64.
    #[error("the picture's data is not base64")]
    NotBase64,
    /// Over [`MAX_PICTURE_BYTES`].
    #[error("the picture is {0} bytes; the limit is {MAX_PICTURE_BYTES} (2 MB)")]
    TooBig(usize),
    /// Neither PNG nor JPEG, or its header is damaged.
    #[error("the picture is not a PNG or JPEG image")]
    NotAnImage,
    /// Its header says another format than the one given.
    #[error("the picture is a {found:?} file, not {said:?}")]
    WrongFormat {
        /// The format the header says.
        found: PictureFormat,
        /// The format given with it.
        said: PictureFormat,
    },
    /// Zero or more than [`MAX_PICTURE_SIDE`] pixels on a side.
    #[error("the picture is {width}×{height} pixels; each side must be 1 to {MAX_PICTURE_SIDE}")]
    Dimensions {
        /// Its width.
        width: usize,
        /// Its height.
        height: usize,
    },
}

/// Checks a persona's picture without decoding its pixels: size, then the header's format and
/// dimensions (read by `imagesize`, which only parses headers), so a hostile file costs nothing.
pub fn check_picture(picture: &PersonaPicture) -> Result<(), PictureError> {
    use base64::Engine;
    // Base64 takes 4 characters for 3 bytes: refuse an over-long text before decoding it.
    if picture.data.len() / 4 * 3 > MAX_PICTURE_BYTES + 3 {
        return Err(PictureError::TooBig(picture.data.len() / 4 * 3));
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(&picture.data)
        .map_err(|_| PictureError::NotBase64)?;
    if bytes.len() > MAX_PICTURE_BYTES {
        return Err(PictureError::TooBig(bytes.len()));
    }
    picture_format(&bytes).and_then(|(found, width, height)| {
        if found != picture.format {
            return Err(PictureError::WrongFormat {
                found,
                said: picture.format,
            });
        }
        if width == 0 || height == 0 || width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE {
            return Err(PictureError::Dimensions { width, height });
        }
        Ok(())
    })
}

/// The format and dimensions a PNG or JPEG file's header gives.
pub fn picture_format(bytes: &[u8]) -> Result<(PictureFormat, usize, usize), PictureError> {
    let format = match imagesize::image_type(bytes).map_err(|_| PictureError::NotAnImage)? {
        imagesize::ImageType::Png => PictureFormat::Png,
        imagesize::ImageType::Jpeg => PictureFormat::Jpeg,
        _ => return Err(PictureError::NotAnImage),
    };
    let size = imagesize::blob_size(bytes).map_err(|_| PictureError::NotAnImage)?;
    Ok((format, size.width, size.height))
}

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
