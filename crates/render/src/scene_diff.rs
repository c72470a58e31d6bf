//! What changed between two scenes of a journey, keyed by id: after an edit the window receives the
//! cards, arrows, headings and lines that came, went or changed instead of the whole scene, and keeps
//! every other object it already draws. [`apply`] of [`diff`] to the old scene gives the new one
//! exactly, order included.

use std::hash::Hash;

use rustc_hash::{FxHashMap, FxHashSet};

use serde::Serialize;
use throughline_core::{Id, LineKind};
use ts_rs::TS;

use crate::path_data::{numbers, path_bounds, shift_path};
use crate::scene::{
    Arrow, Card, CommentNotes, EmotionBand, EmotionCurve, EmotionPoint, LaneBand, Legend,
    PainNotes, PersonaKey, Rect, Rule, Scene, Separator, StageColumn, StatesPart, TextLine,
    TitleBlock,
};
use crate::theme::{Colours, TextStyles};

/// Something a scene lists under a key that an edit does not change, so the old and the new copy can
/// be paired.
pub trait Keyed {
    /// What names it.
    type Key: Copy + Eq + Hash;
    /// Its key.
    fn key(&self) -> Self::Key;
}

impl Keyed for Card {
    type Key = Id;
    fn key(&self) -> Id {
        self.id
    }
}

impl Keyed for Arrow {
    type Key = Id;
    fn key(&self) -> Id {
        self.id
    }
}

impl Keyed for StageColumn {
    type Key = Id;
    fn key(&self) -> Id {
        self.id
    }
}

impl Keyed for LaneBand {
    type Key = Id;
    fn key(&self) -> Id {
        self.id
    }
}

impl Keyed for Separator {
    type Key = LineKind;
    fn key(&self) -> LineKind {
        self.kind
    }
}

impl Keyed for EmotionPoint {
    type Key = Id;
    fn key(&self) -> Id {
        self.step
    }
}

/// An item that came or changed, whole, with the place it takes in the new list.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Placed<T> {
    /// Its index in the new list.
    pub at: u32,
    /// The item as it is now.
    pub item: T,
}

/// How a keyed list changed. Every item not named kept its value and its order relative to the other
/// unnamed ones; `put` fills the places in between.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ListPatch<K, T> {
    /// Keys of the items that are gone.
    pub removed: Vec<K>,
    /// Items that came, changed or moved among the others, by ascending place.
    pub put: Vec<Placed<T>>,
}

impl<K, T> ListPatch<K, T> {
    /// Whether the list did not change.
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.put.is_empty()
    }
}

/// A card that only moved: everything drawn on it is `dx` to the right and `dy` down of where it
/// was, so the window moves the card it has instead of receiving it again. Moving every card below a
/// card that grew, or right of a column that widened, is the commonest change an edit makes.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Shift {
    /// The card.
    pub id: Id,
    /// How far right it moved.
    pub dx: f64,
    /// How far down it moved.
    pub dy: f64,
    /// The moment-of-truth star's new polygon points, for a card that has one (its points are text,
    /// not a position that can be moved).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub star: Option<String>,
}

/// `card` moved by `dx`, `dy`, with the star given (or its own when `None`).
pub fn shift_card(card: &Card, dx: f64, dy: f64, star: Option<&String>) -> Card {
    let mut out = card.clone();
    let line = |l: &mut TextLine| {
        l.x += dx;
        l.y += dy;
    };
    out.rect.x += dx;
    out.rect.y += dy;
    out.lines.iter_mut().chain(&mut out.channel).for_each(line);
    if let Some(star) = star {
        out.moment_of_truth = Some(star.clone());
    }
    if let Some(pain) = &mut out.pain_point {
        pain.at.x += dx;
        pain.at.y += dy;
    }
    for badge in out
        .fail_point
        .iter_mut()
        .chain(&mut out.wait_point)
        .chain(&mut out.comments)
    {
        badge.at.x += dx;
        badge.at.y += dy;
        line(&mut badge.label);
    }
    for chip in &mut out.chips {
        chip.rect.x += dx;
        chip.rect.y += dy;
        line(&mut chip.label);
    }
    out
}

/// The shift that turns `old` into `new` exactly, if it only moved.
fn shift_between(old: &Card, new: &Card) -> Option<Shift> {
    let (dx, dy) = (new.rect.x - old.rect.x, new.rect.y - old.rect.y);
    let star = (old.moment_of_truth != new.moment_of_truth)
        .then(|| new.moment_of_truth.clone())
        .flatten();
    let only_moved = old.moment_of_truth.is_some() == new.moment_of_truth.is_some()
        && shift_card(old, dx, dy, star.as_ref()) == *new;
    only_moved.then_some(Shift {
        id: new.id,
        dx,
        dy,
        star,
    })
}

/// An arrow that only moved: every point of its path is `dx` to the right and `dy` down of where it
/// was (both whole hundredths, the precision paths are written in), and its hand-off marker with it.
/// A column that widens or a lane that grows moves every arrow past it without rerouting it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ArrowShift {
    /// The arrow.
    pub id: Id,
    /// How far right it moved.
    pub dx: f64,
    /// How far down it moved.
    pub dy: f64,
}

/// `arrow` moved by `dx`, `dy` (whole hundredths), or `None` if its path cannot be moved.
pub fn shift_arrow(arrow: &Arrow, dx: f64, dy: f64) -> Option<Arrow> {
    let path = shift_path(
        &arrow.path,
        (dx * 100.0).round() as i64,
        (dy * 100.0).round() as i64,
    )?;
    Some(Arrow {
        bounds: path_bounds(&path),
        path,
        handoff: arrow.handoff.map(|p| crate::scene::Point {
            x: p.x + dx,
            y: p.y + dy,
        }),
        ..arrow.clone()
    })
}

/// The shift that turns `old` into `new` exactly, if it only moved.
fn arrow_shift_between(old: &Arrow, new: &Arrow) -> Option<ArrowShift> {
    let first = |path: &str| -> Option<(i64, i64)> {
        let mut numbers = numbers(path);
        Some((numbers.next()??, numbers.next()??))
    };
    let ((ox, oy), (nx, ny)) = (first(&old.path)?, first(&new.path)?);
    let (dx, dy) = ((nx - ox) as f64 / 100.0, (ny - oy) as f64 / 100.0);
    (shift_arrow(old, dx, dy)? == *new).then_some(ArrowShift { id: new.id, dx, dy })
}

/// How the emotion band changed when it is there before and after: the parts of its frame that
/// changed, and its points keyed by step.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EmotionPatch {
    /// The whole band, if it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub band: Option<Rect>,
    /// The heading cell, if it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub header: Option<Rect>,
    /// The heading text, if it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<TextLine>,
    /// The scale labels, if they changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub ticks: Option<Vec<TextLine>>,
    /// The gridlines, if they changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub grid: Option<Vec<f64>>,
    /// The curve, if it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub path: Option<String>,
    /// The scored points.
    pub points: ListPatch<Id, EmotionPoint>,
    /// The main curve's colour, if it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub stroke: Option<String>,
    /// The other personas' curves, whole, if any changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub curves: Option<Vec<EmotionCurve>>,
    /// The key of personas, if it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub key: Option<Vec<PersonaKey>>,
}

/// What changed from one scene to another. A part left out (or an empty list patch) did not change;
/// a part given as `null` is gone.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct SceneDiff {
    /// The journey the new scene draws.
    pub journey: Id,
    /// The new total width.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub width: Option<f64>,
    /// The new total height.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub height: Option<f64>,
    /// The new journey name line.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<TextLine>,
    /// The new persona line (`null`: no persona now).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub subtitle: Option<Option<TextLine>>,
    /// Stage columns.
    pub stages: ListPatch<Id, StageColumn>,
    /// Lanes.
    pub lanes: ListPatch<Id, LaneBand>,
    /// The emotion band whole, when it appears or goes (`null`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub emotion: Option<Option<EmotionBand>>,
    /// The emotion band's changes, when it is there before and after.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub emotion_patch: Option<EmotionPatch>,
    /// Blueprint lines, keyed by kind.
    pub separators: ListPatch<LineKind, Separator>,
    /// Cards, chips included, that came, changed or moved among the others.
    pub cards: ListPatch<Id, Card>,
    /// Cards that kept their place in the list and only moved on the page.
    pub shifted: Vec<Shift>,
    /// Flow arrows that came, changed (rerouted) or moved among the others.
    pub arrows: ListPatch<Id, Arrow>,
    /// Arrows that kept their place in the list and their route, and only moved on the page.
    pub shifted_arrows: Vec<ArrowShift>,
    /// The column dividers, all of them, when any changed (they have no ids and are few).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rules: Option<Vec<Rule>>,
    /// The text styles, when they changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub styles: Option<TextStyles>,
    /// The fixed colours, when they changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub colours: Option<Colours>,
    /// Exports only: the title block, when it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title_block: Option<Option<TitleBlock>>,
    /// Exports only: the legend, when it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub legend: Option<Option<Legend>>,
    /// Exports only: the pain notes, when they changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pain_notes: Option<Option<PainNotes>>,
    /// Exports only: the comment notes, when they changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub comment_notes: Option<Option<CommentNotes>>,
    /// Side by side only: the future state's part, when it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub states: Option<Option<StatesPart>>,
}

impl SceneDiff {
    /// Whether the two scenes were the same.
    pub fn is_empty(&self) -> bool {
        *self == SceneDiff::unchanged(self.journey)
    }

    /// The diff of a scene of `journey` with itself, for an edit known to change nothing drawn.
    pub fn unchanged(journey: Id) -> SceneDiff {
        SceneDiff {
            journey,
            width: None,
            height: None,
            title: None,
            subtitle: None,
            stages: empty(),
            lanes: empty(),
            emotion: None,
            emotion_patch: None,
            separators: empty(),
            cards: empty(),
            shifted: Vec::new(),
            arrows: empty(),
            shifted_arrows: Vec::new(),
            rules: None,
            styles: None,
            colours: None,
            title_block: None,
            legend: None,
            pain_notes: None,
            comment_notes: None,
            states: None,
        }
    }
}

fn empty<K, T>() -> ListPatch<K, T> {
    ListPatch {
        removed: Vec::new(),
        put: Vec::new(),
    }
}

/// `new` where it differs from `old`, `None` where they are equal.
fn changed<T: PartialEq + Clone>(old: &T, new: &T) -> Option<T> {
    (old != new).then(|| new.clone())
}

/// The changes that turn `old` into `new`.
pub fn diff(old: &Scene, new: &Scene) -> SceneDiff {
    let (emotion, emotion_patch) = match (&old.emotion, &new.emotion) {
        (Some(a), Some(b)) if a != b => (None, Some(diff_emotion(a, b))),
        (a, b) => (changed(a, b), None),
    };
    let (cards, shifted) = diff_cards(&old.cards, &new.cards);
    let (arrows, shifted_arrows) = diff_list_by(&old.arrows, &new.arrows, |a, b| {
        if a == b {
            Some(None)
        } else {
            arrow_shift_between(a, b).map(Some)
        }
    });
    SceneDiff {
        journey: new.journey,
        width: changed(&old.width, &new.width),
        height: changed(&old.height, &new.height),
        title: changed(&old.title, &new.title),
        subtitle: changed(&old.subtitle, &new.subtitle),
        stages: diff_list(&old.stages, &new.stages),
        lanes: diff_list(&old.lanes, &new.lanes),
        emotion,
        emotion_patch,
        separators: diff_list(&old.separators, &new.separators),
        cards,
        shifted,
        arrows,
        shifted_arrows,
        rules: changed(&old.rules, &new.rules),
        styles: changed(&old.styles, &new.styles),
        colours: changed(&old.colours, &new.colours),
        title_block: changed(&old.title_block, &new.title_block),
        legend: changed(&old.legend, &new.legend),
        pain_notes: changed(&old.pain_notes, &new.pain_notes),
        comment_notes: changed(&old.comment_notes, &new.comment_notes),
        states: changed(&old.states, &new.states),
    }
}

/// `old` with `diff` applied: the new scene, when `diff` was made from `old`.
pub fn apply(old: &Scene, diff: &SceneDiff) -> Scene {
    let pick = |part: &Option<f64>, was: f64| part.unwrap_or(was);
    let emotion = match (&diff.emotion, &diff.emotion_patch, &old.emotion) {
        (Some(whole), _, _) => whole.clone(),
        (None, Some(patch), Some(band)) => Some(apply_emotion(band, patch)),
        (None, _, was) => was.clone(),
    };
    Scene {
        journey: diff.journey,
        width: pick(&diff.width, old.width),
        height: pick(&diff.height, old.height),
        title: diff.title.clone().unwrap_or_else(|| old.title.clone()),
        subtitle: diff
            .subtitle
            .clone()
            .unwrap_or_else(|| old.subtitle.clone()),
        stages: apply_list(&old.stages, &diff.stages),
        lanes: apply_list(&old.lanes, &diff.lanes),
        emotion,
        separators: apply_list(&old.separators, &diff.separators),
        cards: apply_cards(&old.cards, &diff.cards, &diff.shifted),
        arrows: apply_arrows(&old.arrows, &diff.arrows, &diff.shifted_arrows),
        rules: diff.rules.clone().unwrap_or_else(|| old.rules.clone()),
        styles: diff.styles.clone().unwrap_or_else(|| old.styles.clone()),
        colours: diff.colours.clone().unwrap_or_else(|| old.colours.clone()),
        title_block: diff
            .title_block
            .clone()
            .unwrap_or_else(|| old.title_block.clone()),
        legend: diff.legend.clone().unwrap_or_else(|| old.legend.clone()),
        pain_notes: diff
            .pain_notes
            .clone()
            .unwrap_or_else(|| old.pain_notes.clone()),
        comment_notes: diff
            .comment_notes
            .clone()
            .unwrap_or_else(|| old.comment_notes.clone()),
        states: diff.states.clone().unwrap_or_else(|| old.states.clone()),
    }
}

fn diff_emotion(old: &EmotionBand, new: &EmotionBand) -> EmotionPatch {
    EmotionPatch {
        band: changed(&old.band, &new.band),
        header: changed(&old.header, &new.header),
        title: changed(&old.title, &new.title),
        ticks: changed(&old.ticks, &new.ticks),
        grid: changed(&old.grid, &new.grid),
        path: changed(&old.path, &new.path),
        points: diff_list(&old.points, &new.points),
        stroke: changed(&old.stroke, &new.stroke),
        curves: changed(&old.curves, &new.curves),
        key: changed(&old.key, &new.key),
    }
}

fn apply_emotion(old: &EmotionBand, patch: &EmotionPatch) -> EmotionBand {
    EmotionBand {
        band: patch.band.unwrap_or(old.band),
        header: patch.header.unwrap_or(old.header),
        title: patch.title.clone().unwrap_or_else(|| old.title.clone()),
        ticks: patch.ticks.clone().unwrap_or_else(|| old.ticks.clone()),
        grid: patch.grid.clone().unwrap_or_else(|| old.grid.clone()),
        path: patch.path.clone().unwrap_or_else(|| old.path.clone()),
        points: apply_list(&old.points, &patch.points),
        stroke: patch.stroke.clone().unwrap_or_else(|| old.stroke.clone()),
        curves: patch.curves.clone().unwrap_or_else(|| old.curves.clone()),
        key: patch.key.clone().unwrap_or_else(|| old.key.clone()),
    }
}

/// The patch turning `old` into `new`: items equal in both stay unnamed as long as their order
/// allows (the longest run in the same relative order); the rest are put whole.
pub fn diff_list<T: Keyed + PartialEq + Clone>(old: &[T], new: &[T]) -> ListPatch<T::Key, T> {
    diff_list_by(old, new, |a: &T, b: &T| (a == b).then_some(None::<()>)).0
}

/// Cards as [`diff_list`] pairs them, except that a card that only moved stays unnamed in the patch
/// and is listed as a [`Shift`].
fn diff_cards(old: &[Card], new: &[Card]) -> (ListPatch<Id, Card>, Vec<Shift>) {
    diff_list_by(old, new, |a, b| {
        if a == b {
            Some(None)
        } else {
            shift_between(a, b).map(Some)
        }
    })
}

/// [`apply_list`] for cards, moving the shifted ones.
fn apply_cards(old: &[Card], patch: &ListPatch<Id, Card>, shifted: &[Shift]) -> Vec<Card> {
    let shifts: FxHashMap<Id, &Shift> = shifted.iter().map(|s| (s.id, s)).collect();
    let mut cards = apply_list(old, patch);
    if !shifts.is_empty() {
        for card in &mut cards {
            if let Some(s) = shifts.get(&card.id) {
                *card = shift_card(card, s.dx, s.dy, s.star.as_ref());
            }
        }
    }
    cards
}

/// [`apply_list`] for arrows, moving the shifted ones (an arrow whose path cannot be moved stays).
fn apply_arrows(old: &[Arrow], patch: &ListPatch<Id, Arrow>, shifted: &[ArrowShift]) -> Vec<Arrow> {
    let shifts: FxHashMap<Id, &ArrowShift> = shifted.iter().map(|s| (s.id, s)).collect();
    let mut arrows = apply_list(old, patch);
    if !shifts.is_empty() {
        for arrow in &mut arrows {
            if let Some(moved) = shifts
                .get(&arrow.id)
                .and_then(|s| shift_arrow(arrow, s.dx, s.dy))
            {
                *arrow = moved;
            }
        }
    }
    arrows
}

/// [`diff_list`] with `pair` saying of an old and a new item with the same key whether the new one can
/// be made from the old (`Some`, with what else that takes) or must be put whole (`None`).
fn diff_list_by<T: Keyed + Clone, S>(
    old: &[T],
    new: &[T],
    pair: impl Fn(&T, &T) -> Option<Option<S>>,
) -> (ListPatch<T::Key, T>, Vec<S>) {
    let mut duplicates = false;
    let mut old_at = FxHashMap::with_capacity_and_hasher(old.len(), Default::default());
    for (i, item) in old.iter().enumerate() {
        duplicates |= old_at.insert(item.key(), i).is_some();
    }
    let mut new_keys = FxHashSet::with_capacity_and_hasher(new.len(), Default::default());
    for item in new {
        duplicates |= !new_keys.insert(item.key());
    }
    if duplicates {
        // Keys cannot pair items up: say the list anew.
        let mut removed = Vec::new();
        let mut seen = FxHashSet::default();
        for item in old {
            if seen.insert(item.key()) {
                removed.push(item.key());
            }
        }
        let put = new
            .iter()
            .enumerate()
            .map(|(at, item)| Placed {
                at: at as u32,
                item: item.clone(),
            })
            .collect();
        return (ListPatch { removed, put }, Vec::new());
    }
    let removed = old
        .iter()
        .map(Keyed::key)
        .filter(|k| !new_keys.contains(k))
        .collect();
    // Items that can be made from their old selves, in the new order, by where they were.
    let mut same: Vec<(usize, usize, Option<S>)> = new
        .iter()
        .enumerate()
        .filter_map(|(n, item)| {
            // Most items keep their index: check there before asking the map.
            let o = match old.get(n) {
                Some(at) if at.key() == item.key() => n,
                _ => *old_at.get(&item.key())?,
            };
            pair(&old[o], item).map(|extra| (n, o, extra))
        })
        .collect();
    let olds: Vec<usize> = same.iter().map(|&(_, o, _)| o).collect();
    let mut kept = vec![false; new.len()];
    let mut extras = Vec::new();
    for i in increasing_run(&olds) {
        kept[same[i].0] = true;
        extras.extend(same[i].2.take());
    }
    let put = new
        .iter()
        .enumerate()
        .filter(|&(n, _)| !kept[n])
        .map(|(at, item)| Placed {
            at: at as u32,
            item: item.clone(),
        })
        .collect();
    (ListPatch { removed, put }, extras)
}

/// Indices into `values` of a longest strictly increasing subsequence (patience sorting).
fn increasing_run(values: &[usize]) -> Vec<usize> {
    if values.windows(2).all(|w| w[0] < w[1]) {
        return (0..values.len()).collect();
    }
    // tails[k]: index of the smallest last value of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; values.len()];
    for (i, &v) in values.iter().enumerate() {
        let k = tails.partition_point(|&t| values[t] < v);
        before[i] = k.checked_sub(1).map(|p| tails[p]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(i) = at {
        run.push(i);
        at = before[i];
    }
    run.reverse();
    run
}

/// `old` with `patch` applied: the unnamed items in their order, with the put ones at their places.
pub fn apply_list<T: Keyed + Clone>(old: &[T], patch: &ListPatch<T::Key, T>) -> Vec<T> {
    let gone: FxHashSet<T::Key> = patch
        .removed
        .iter()
        .copied()
        .chain(patch.put.iter().map(|p| p.item.key()))
        .collect();
    let mut kept = old.iter().filter(|item| !gone.contains(&item.key()));
    let mut put = patch.put.iter().peekable();
    let mut out = Vec::with_capacity(old.len() + patch.put.len());
    loop {
        match put.peek() {
            Some(p) if p.at as usize <= out.len() => {
                out.push(p.item.clone());
                put.next();
            }
            _ => match kept.next() {
                Some(item) => out.push(item.clone()),
                None => break,
            },
        }
    }
    out.extend(put.map(|p| p.item.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    struct Item(u32, &'static str);

    impl Keyed for Item {
        type Key = u32;
        fn key(&self) -> u32 {
            self.0
        }
    }

    fn round_trip(old: &[Item], new: &[Item]) -> ListPatch<u32, Item> {
        let patch = diff_list(old, new);
        assert_eq!(apply_list(old, &patch), new, "patch {patch:?}");
        patch
    }

    #[test]
    fn an_unchanged_list_needs_no_patch() {
        let items = [Item(1, "a"), Item(2, "b")];
        assert!(round_trip(&items, &items).is_empty());
    }

    #[test]
    fn only_the_changed_added_and_removed_items_are_named() {
        let old = [Item(1, "a"), Item(2, "b"), Item(3, "c"), Item(4, "d")];
        let new = [Item(1, "a"), Item(5, "e"), Item(3, "C"), Item(4, "d")];
        let patch = round_trip(&old, &new);
        assert_eq!(patch.removed, vec![2]);
        let put: Vec<(u32, u32)> = patch.put.iter().map(|p| (p.at, p.item.0)).collect();
        assert_eq!(put, vec![(1, 5), (2, 3)]);
    }

    #[test]
    fn a_moved_item_is_put_and_the_rest_keep_their_order() {
        let old = [Item(1, "a"), Item(2, "b"), Item(3, "c"), Item(4, "d")];
        let new = [Item(2, "b"), Item(3, "c"), Item(4, "d"), Item(1, "a")];
        let patch = round_trip(&old, &new);
        assert!(patch.removed.is_empty());
        let put: Vec<(u32, u32)> = patch.put.iter().map(|p| (p.at, p.item.0)).collect();
        assert_eq!(put, vec![(3, 1)]);
    }

    #[test]
    fn reversals_emptyings_and_duplicate_keys_still_come_out_right() {
        let abc = [Item(1, "a"), Item(2, "b"), Item(3, "c")];
        let cba = [Item(3, "c"), Item(2, "b"), Item(1, "a")];
        assert_eq!(round_trip(&abc, &cba).put.len(), 2);
        round_trip(&abc, &[]);
        round_trip(&[], &abc);
        round_trip(&[Item(1, "a"), Item(1, "b")], &abc);
        round_trip(&abc, &[Item(2, "x"), Item(2, "y")]);
    }

    #[test]
    fn the_longest_increasing_run_is_found() {
        let values = [3, 1, 4, 5, 2, 6, 0];
        let run: Vec<usize> = increasing_run(&values)
            .into_iter()
            .map(|i| values[i])
            .collect();
        assert_eq!(run.len(), 4);
        assert!(run.windows(2).all(|w| w[0] < w[1]), "{run:?}");
    }
}
