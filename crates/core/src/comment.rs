//! Comments on journeys, stages and cards: their limits, how one is cleaned before it is stored, what
//! it is about, and how many are still open on each card.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::{clean_name, clean_text};
use crate::{Comment, Id, Journey};

/// Most comments one journey keeps: a long workshop's worth of remarks, few enough that the journey
/// stays one quick row to save.
pub const MAX_JOURNEY_COMMENTS: usize = 1_000;

/// Longest comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 5_000;

/// A comment as it is stored: its text cleaned as typed text is and its author as a one-line name.
pub fn clean(comment: Comment) -> Comment {
    Comment {
        text: clean_text(&comment.text),
        author: clean_name(&comment.author),
        ..comment
    }
}

/// Puts comments in the order they were written (then by id, so ties are stable).
pub fn sort(comments: &mut [Comment]) {
    comments.sort_by_key(|c| (c.at, c.id));
}

/// What a comment is about, as the comments panel names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CommentTarget {
    /// The journey as a whole.
    Journey,
    /// A stage, by its name.
    Stage {
        /// The stage's name.
        name: String,
    },
    /// A card, by its text.
    Card {
        /// The card's text.
        text: String,
    },
    /// A card or stage no longer on the journey.
    Gone,
}

/// What `target` is in `journey`.
pub fn target_of(journey: &Journey, target: Id) -> CommentTarget {
    if target == journey.id {
        return CommentTarget::Journey;
    }
    if let Some(s) = journey.stages.iter().find(|s| s.id == target) {
        return CommentTarget::Stage {
            name: s.name.clone(),
        };
    }
    match journey.step(target) {
        Some(s) => CommentTarget::Card {
            text: s.text.clone(),
        },
        None => CommentTarget::Gone,
    }
}

/// The UTC day a comment was written, `YYYY-MM-DD`, as a printed note dates it.
pub fn day_of(at: i64) -> String {
    let day = time::OffsetDateTime::from_unix_timestamp(at.div_euclid(1000))
        .map(|t| t.date())
        .unwrap_or(time::Date::MIN);
    format!(
        "{:04}-{:02}-{:02}",
        day.year(),
        u8::from(day.month()),
        day.day()
    )
}

/// The open comments of `journey`, one group per journey, stage or card they are about, in reading
/// order: the journey, its stages left to right, then its cards by stage, lane and place in the
/// cell. Comments on cards no longer there are left out. This is the order an export numbers them.
pub fn open_in_reading_order(journey: &Journey) -> Vec<(Id, CommentTarget, Vec<&Comment>)> {
    let rank = |ids: &mut dyn Iterator<Item = Id>| -> HashMap<Id, usize> {
        ids.enumerate().map(|(i, id)| (id, i)).collect()
    };
    let mut j = journey.clone();
    j.sort();
    let stages = rank(&mut j.stages.iter().map(|s| s.id));
    let lanes = rank(&mut j.lanes.iter().map(|l| l.id));
    let mut targets: Vec<Id> = std::iter::once(j.id)
        .chain(j.stages.iter().map(|s| s.id))
        .collect();
    let mut cards: Vec<&crate::Step> = j.steps.iter().collect();
    cards.sort_by_key(|s| (stages.get(&s.stage), lanes.get(&s.lane)));
    targets.extend(cards.iter().map(|s| s.id));
    targets
        .into_iter()
        .filter_map(|target| {
            let open: Vec<&Comment> = journey
                .comments
                .iter()
                .filter(|c| c.target == target && !c.resolved)
                .collect();
            (!open.is_empty()).then(|| (target, target_of(journey, target), open))
        })
        .collect()
}

/// How many unresolved comments each card of `journey` has, for the badge on the card.
pub fn open_on_cards(journey: &Journey) -> HashMap<Id, u32> {
    let mut open = HashMap::new();
    for c in journey.comments.iter().filter(|c| !c.resolved) {
        *open.entry(c.target).or_insert(0) += 1;
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Step;

    fn comment(target: Id, at: i64, resolved: bool) -> Comment {
        Comment {
            id: Id::new(),
            target,
            author: "Ana".into(),
            at,
            text: "Is this really a moment of truth?".into(),
            resolved,
        }
    }

    #[test]
    fn targets_are_named_and_open_comments_counted_per_card() {
        let mut j = Journey::from_template("Parcel delivery", &["Ship"]);
        let card = Step::new(j.lanes[1].id, j.stages[0].id, 0.0, "Tracks the parcel");
        let card_id = card.id;
        j.steps.push(card);
        let gone = Id::new();
        j.comments = vec![
            comment(card_id, 3, false),
            comment(card_id, 1, false),
            comment(card_id, 2, true),
            comment(j.stages[0].id, 4, false),
            comment(gone, 5, false),
        ];
        assert_eq!(open_on_cards(&j)[&card_id], 2);
        assert_eq!(target_of(&j, j.id), CommentTarget::Journey);
        assert_eq!(
            target_of(&j, j.stages[0].id),
            CommentTarget::Stage {
                name: "Ship".into()
            }
        );
        assert_eq!(
            target_of(&j, card_id),
            CommentTarget::Card {
                text: "Tracks the parcel".into()
            }
        );
        assert_eq!(target_of(&j, gone), CommentTarget::Gone);
        sort(&mut j.comments);
        let times: Vec<i64> = j.comments.iter().map(|c| c.at).collect();
        assert_eq!(times, [1, 2, 3, 4, 5]);
    }

    #[test]
    fn cleaning_keeps_line_breaks_in_the_text_but_not_in_the_author() {
        let mut c = comment(Id::new(), 0, false);
        c.text = "Two things:\n1. the wait\u{FFFF}\n2. the letter".into();
        c.author = " Ana\nSilva ".into();
        let c = clean(c);
        assert_eq!(c.text, "Two things:\n1. the wait\n2. the letter");
        assert_eq!(c.author, "Ana Silva");
    }
}
