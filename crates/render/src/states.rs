//! Current and future state side by side: the current state's blueprint with its future state's
//! under it, each stage of the future in the column of the current stage it continues (a stage only
//! one of them has gets a column of its own), and every card that changes tagged changed, removed or
//! new (a card without a tag is kept).
//! One scene, so the window and every export draw it as they draw any blueprint.

use std::collections::{HashMap, HashSet};

use throughline_core::{Id, Journey, Link, StateChange};

use crate::font::Fonts;
use crate::layout::{layout_with, Annotations, Column, LayoutOptions, HEADER_W, MARGIN, STAGE_W};
use crate::scene::{Rect, Scene, StateTag, StatesPart, TextLine};
use crate::wrap::WrapCache;

/// How a reader tells the tags apart, under the future state's heading.
const KEY: &str = "Cards tagged changed, removed or new; untagged cards are kept";
/// Space between the current state's blueprint and the future state's heading.
const GAP: f64 = 40.0;
/// Height of a card's tag; it sits across the card's top edge, in the gap above the card.
const TAG_H: f64 = 15.0;
/// Space between a tag's text and its ends.
const TAG_PAD: f64 = 6.0;

/// One state to draw: the journey, its flow links and what the workspace adds to its cards.
#[derive(Clone, Copy, Debug)]
pub struct StateSide<'a> {
    /// The journey.
    pub journey: &'a Journey,
    /// Its flow links.
    pub flows: &'a [Link],
    /// Chips, hand-offs and persona names for its cards.
    pub notes: &'a Annotations,
}

/// A future state and what it is drawn against, as [`throughline_core::future::pair`] reads them.
#[derive(Clone, Copy, Debug)]
pub struct StatesInput<'a> {
    /// The current state, or `None` when it was deleted: the future state is then drawn alone and
    /// says so.
    pub current: Option<StateSide<'a>>,
    /// The future state.
    pub future: StateSide<'a>,
    /// Stages side by side, left to right.
    pub columns: &'a [(Option<Id>, Option<Id>)],
    /// Each future card's mark.
    pub marks: &'a HashMap<Id, StateChange>,
    /// Current cards the future does without.
    pub dropped: &'a [Id],
}

/// Where every stage of a pair stands: each column as wide as the wider of the two stages in it
/// (each laid out alone once to learn that), so a pair laid out again and again (an export above a
/// title block) decides it once.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedColumns {
    placed: HashMap<Id, Column>,
    width: f64,
}

impl SharedColumns {
    /// The columns of `input`'s two states as `options` lays them out.
    pub fn plan(
        input: &StatesInput,
        options: LayoutOptions,
        fonts: &Fonts,
        cache: &mut WrapCache,
    ) -> Self {
        let mut natural: HashMap<Id, f64> = HashMap::new();
        for side in input.current.iter().chain([&input.future]) {
            let alone = layout_with(
                side.journey,
                side.flows,
                side.notes,
                LayoutOptions {
                    top: None,
                    columns: None,
                    ..options
                },
                fonts,
                cache,
            );
            natural.extend(alone.stages.iter().map(|s| (s.id, s.width)));
        }
        let mut x = MARGIN + HEADER_W;
        let mut placed: HashMap<Id, Column> = HashMap::new();
        for (c, f) in input.columns {
            let width = [c, f]
                .into_iter()
                .flatten()
                .filter_map(|s| natural.get(s))
                .fold(STAGE_W, |w, n| w.max(*n));
            for stage in [c, f].into_iter().flatten() {
                placed.insert(*stage, Column { x, width });
            }
            x += width;
        }
        SharedColumns {
            placed,
            width: x + MARGIN,
        }
    }

    /// The width of the scene the pair is drawn in.
    pub fn width(&self) -> f64 {
        self.width
    }

    /// Per stage of `j`, in order, its column; `None` if a stage has none (it was not planned).
    fn of(&self, j: &Journey) -> Option<Vec<Column>> {
        let mut stages: Vec<_> = j.stages.iter().collect();
        stages.sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
        stages
            .iter()
            .map(|s| self.placed.get(&s.id).copied())
            .collect()
    }
}

/// The two states as one scene, the future under the current. `options` decides what both halves
/// make room for; its `top` places the current state's stage headings (an export's title block
/// stands above them).
pub fn side_by_side(
    input: &StatesInput,
    options: LayoutOptions,
    fonts: &Fonts,
    cache: &mut WrapCache,
) -> Scene {
    let columns = SharedColumns::plan(input, options, fonts, cache);
    side_by_side_in(input, &columns, options, fonts, cache)
}

/// [`side_by_side`] in columns already planned.
pub fn side_by_side_in(
    input: &StatesInput,
    columns: &SharedColumns,
    options: LayoutOptions,
    fonts: &Fonts,
    cache: &mut WrapCache,
) -> Scene {
    let lay = |side: &StateSide, options: LayoutOptions, cache: &mut WrapCache| {
        layout_with(side.journey, side.flows, side.notes, options, fonts, cache)
    };
    let columns_of = |j: &Journey| columns.of(j);

    let styles = crate::theme::TextStyles::standard();
    let mut current_heading = None;
    let future_columns = columns_of(input.future.journey);
    let (mut scene, heading_top) = match &input.current {
        Some(current) => {
            let columns = columns_of(current.journey);
            // Under an export's title block the title lines are not drawn: the half's heading
            // then stands above its stage headings, as the future state's does.
            let top = options.top.map(|t| t + styles.title.size + 32.0);
            let mut scene = lay(
                current,
                LayoutOptions {
                    columns: columns.as_deref(),
                    top,
                    ..options
                },
                cache,
            );
            scene.title.text = format!("Current state: {}", current.journey.name);
            if let Some(t) = options.top {
                current_heading = Some(TextLine {
                    y: t + styles.title.size,
                    ..scene.title.clone()
                });
            }
            (scene, None)
        }
        None => (
            empty(input.future.journey.id),
            Some(options.top.unwrap_or(MARGIN)),
        ),
    };
    let heading_y = heading_top.unwrap_or(scene.height - MARGIN + GAP) + styles.title.size;
    let subheading = match (&input.current, &input.future.journey.persona) {
        (None, _) => Some("The current state it was made from has been deleted".to_owned()),
        (Some(_), p) if !p.is_empty() => Some(format!("Persona: {p} · {KEY}")),
        _ => Some(KEY.to_owned()),
    };
    let future_top = heading_y
        + 10.0
        + subheading
            .as_ref()
            .map_or(0.0, |_| styles.subtitle.size + 4.0)
        + 22.0;
    // A card the future does away with is still drawn, but the customer no longer feels it: the
    // future state's curve leaves it out.
    let gone: HashSet<Id> = input
        .marks
        .iter()
        .filter(|(_, m)| **m == StateChange::Removed)
        .map(|(id, _)| *id)
        .collect();
    let unfelt = (!gone.is_empty()).then(|| {
        let mut j = input.future.journey.clone();
        for step in j.steps.iter_mut().filter(|s| gone.contains(&s.id)) {
            step.emotion = None;
            step.scores.clear();
        }
        j
    });
    let future_side = StateSide {
        journey: unfelt.as_ref().unwrap_or(input.future.journey),
        ..input.future
    };
    let future = lay(
        &future_side,
        LayoutOptions {
            top: Some(future_top),
            columns: future_columns.as_deref(),
            ..options
        },
        cache,
    );
    let heading = TextLine {
        text: format!("Future state: {}", input.future.journey.name),
        x: MARGIN,
        y: heading_y,
    };
    let subheading = subheading.map(|text| TextLine {
        text,
        x: MARGIN,
        y: heading_y + 10.0 + styles.subtitle.size + 4.0,
    });
    scene.width = scene.width.max(future.width);
    scene.height = future.height;
    scene.stages.extend(future.stages);
    scene.lanes.extend(future.lanes);
    scene.separators.extend(future.separators);
    scene.rules.extend(future.rules);
    scene.arrows.extend(future.arrows);
    scene.cards.extend(future.cards);
    let mut future_emotion = future.emotion;
    for band in scene
        .lanes
        .iter_mut()
        .map(|l| &mut l.band)
        .chain(scene.emotion.iter_mut().map(|e| &mut e.band))
        .chain(future_emotion.iter_mut().map(|e| &mut e.band))
    {
        band.width = scene.width - 2.0 * MARGIN;
    }
    for separator in &mut scene.separators {
        separator.x2 = scene.width - MARGIN;
    }
    let dropped: HashSet<Id> = input.dropped.iter().copied().collect();
    let label_font = fonts.for_weight(styles.label.weight);
    let tags = scene
        .cards
        .iter()
        .filter_map(|card| {
            let change = if dropped.contains(&card.id) {
                StateChange::Removed
            } else {
                *input.marks.get(&card.id)?
            };
            let text = change.label().to_uppercase();
            let width = label_font.width(&text, styles.label.size) + 2.0 * TAG_PAD;
            let rect = Rect {
                x: card.rect.x + 10.0,
                y: card.rect.y - TAG_H / 2.0,
                width,
                height: TAG_H,
            };
            let (fill, ink) = tag_colours(change)?;
            Some(StateTag {
                card: card.id,
                change,
                label: TextLine {
                    text,
                    x: rect.x + TAG_PAD,
                    y: rect.y + TAG_H / 2.0 + styles.label.size * 0.36,
                },
                rect,
                fill: fill.into(),
                text: ink.into(),
            })
        })
        .collect();
    scene.states = Some(StatesPart {
        current_heading,
        heading,
        subheading,
        emotion: future_emotion,
        tags,
    });
    scene
}

/// A scene with nothing in it yet, to draw a future state alone in.
fn empty(journey: Id) -> Scene {
    Scene {
        journey,
        width: 0.0,
        height: 0.0,
        title: TextLine {
            text: String::new(),
            x: MARGIN,
            y: MARGIN,
        },
        subtitle: None,
        stages: Vec::new(),
        lanes: Vec::new(),
        emotion: None,
        separators: Vec::new(),
        cards: Vec::new(),
        arrows: Vec::new(),
        rules: Vec::new(),
        styles: crate::theme::TextStyles::standard(),
        colours: crate::theme::Colours::standard(),
        title_block: None,
        legend: None,
        pain_notes: None,
        comment_notes: None,
        states: None,
    }
}

/// A tag's box and text colours, strong enough to find across a room (each pair at least 4.5:1);
/// `None` for a kept card, which carries no tag, so the eye goes to what changes.
pub fn tag_colours(change: StateChange) -> Option<(&'static str, &'static str)> {
    match change {
        StateChange::Kept => None,
        StateChange::Changed => Some(("#b54708", "#ffffff")),
        StateChange::Removed => Some(("#b42318", "#ffffff")),
        StateChange::New => Some(("#067647", "#ffffff")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_core::future::pair;
    use throughline_core::{edit, sample::sample_workspace};

    fn future_of_sample() -> (throughline_core::Workspace, Id) {
        let mut ws = sample_workspace().unwrap();
        let source = ws.journeys[0].id;
        let id = Id::derived("states", "future");
        edit::apply(
            &mut ws,
            &edit::Edit::CreateFutureState {
                source,
                journey: id,
            },
        )
        .unwrap();
        (ws, id)
    }

    /// Runs `f` on the pair of `future` as the view would draw it, without chips.
    fn with_input<T>(
        ws: &throughline_core::Workspace,
        future: Id,
        f: impl FnOnce(&StatesInput) -> T,
    ) -> T {
        let j = ws.journey(future).unwrap();
        let p = pair(ws, j);
        let notes = Annotations::default();
        let (cf, ff) = (
            p.current.map(|c| ws.flows_of(c)).unwrap_or_default(),
            ws.flows_of(j),
        );
        f(&StatesInput {
            current: p.current.map(|journey| StateSide {
                journey,
                flows: &cf,
                notes: &notes,
            }),
            future: StateSide {
                journey: j,
                flows: &ff,
                notes: &notes,
            },
            columns: &p.columns,
            marks: &p.marks,
            dropped: &p.dropped,
        })
    }

    fn draw(ws: &throughline_core::Workspace, future: Id) -> Scene {
        with_input(ws, future, |input| {
            side_by_side(
                input,
                LayoutOptions::default(),
                &Fonts::embedded(),
                &mut WrapCache::default(),
            )
        })
    }

    #[test]
    fn the_future_stands_under_the_current_state_stage_by_stage() {
        let (mut ws, id) = future_of_sample();
        // The future adds a stage in the middle, with a card of its own.
        let f = ws.journey(id).unwrap().clone();
        let new_stage = Id::derived("states", "stage");
        edit::apply(
            &mut ws,
            &edit::Edit::AddStage {
                journey: id,
                stage: new_stage,
                name: "Self-service check".into(),
                to: edit::Slot::Before {
                    id: Some(f.stages[2].id),
                },
            },
        )
        .unwrap();
        let scene = draw(&ws, id);
        let current = ws
            .journey(ws.journey(id).unwrap().future_of.unwrap())
            .unwrap();
        let column = |stage: Id| scene.stages.iter().find(|s| s.id == stage).unwrap();
        for s in &f.stages {
            let twin = current.stages.iter().find(|c| c.name == s.name).unwrap();
            assert_eq!(column(s.id).x, column(twin.id).x, "{} lines up", s.name);
            assert!(column(s.id).header.y > column(twin.id).header.y);
        }
        // The added stage has a column of its own: the current state's next stage moved right.
        assert!(column(f.stages[2].id).x > column(new_stage).x);
        let states = scene.states.as_ref().unwrap();
        assert!(states.heading.text.starts_with("Future state: "));
        assert!(scene.title.text.starts_with("Current state: "));
        assert_eq!(
            scene.cards.len(),
            current.steps.len() + f.steps.len(),
            "both halves' cards are drawn"
        );
        assert!(
            states.tags.is_empty(),
            "a copy's cards are all kept, untagged"
        );
        assert!(states
            .subheading
            .as_ref()
            .unwrap()
            .text
            .contains("untagged cards are kept"));
        assert!(states.emotion.is_some());
        let future_top = scene
            .cards
            .iter()
            .filter(|c| f.steps.iter().any(|s| s.id == c.id))
            .map(|c| c.rect.y)
            .fold(f64::INFINITY, f64::min);
        assert!(states.heading.y < future_top);
    }

    #[test]
    fn removed_cards_are_tagged_on_the_current_state_and_new_ones_on_the_future() {
        let (mut ws, id) = future_of_sample();
        let f = ws.journey(id).unwrap().clone();
        let gone = f.steps[0].clone();
        edit::apply(
            &mut ws,
            &edit::Edit::DeleteSteps {
                steps: vec![gone.id],
            },
        )
        .unwrap();
        let added = Id::derived("states", "added");
        edit::apply(
            &mut ws,
            &edit::Edit::AddStep {
                journey: id,
                step: added,
                lane: gone.lane,
                stage: gone.stage,
                to: edit::Slot::END,
                text: "Chat with an agent".into(),
            },
        )
        .unwrap();
        let scene = draw(&ws, id);
        let tags = &scene.states.as_ref().unwrap().tags;
        let tag = |card: Id| tags.iter().find(|t| t.card == card).map(|t| t.change);
        assert_eq!(tag(gone.origin.unwrap()), Some(StateChange::Removed));
        assert_eq!(tag(added), Some(StateChange::New));
        let svg = crate::svg::to_svg(&scene);
        for word in [">NEW<", ">REMOVED<", "Future state: "] {
            assert!(svg.contains(word), "{word} is drawn");
        }
        assert!(!svg.contains(">KEPT<"), "a kept card carries no tag");
    }

    #[test]
    fn the_planned_width_is_the_drawn_width() {
        let (mut ws, id) = future_of_sample();
        edit::apply(
            &mut ws,
            &edit::Edit::AddStage {
                journey: id,
                stage: Id::derived("states", "last"),
                name: "Referral".into(),
                to: edit::Slot::END,
            },
        )
        .unwrap();
        let scene = draw(&ws, id);
        let planned = with_input(&ws, id, |input| {
            SharedColumns::plan(
                input,
                LayoutOptions::default(),
                &Fonts::embedded(),
                &mut WrapCache::default(),
            )
        });
        assert_eq!(planned.width(), scene.width);
    }

    #[test]
    fn a_card_marked_removed_leaves_the_future_curve() {
        let (mut ws, id) = future_of_sample();
        let f = ws.journey(id).unwrap().clone();
        let felt = f
            .steps
            .iter()
            .find(|s| s.emotion.is_some())
            .unwrap()
            .clone();
        let mut details = edit::StepDetails::of(&felt);
        details.change = Some(StateChange::Removed);
        edit::apply(
            &mut ws,
            &edit::Edit::SetStepDetails {
                step: felt.id,
                details,
            },
        )
        .unwrap();
        let scene = draw(&ws, id);
        let points = |band: &crate::scene::EmotionBand| band.points.len();
        let before = points(scene.emotion.as_ref().unwrap());
        let after = points(scene.states.as_ref().unwrap().emotion.as_ref().unwrap());
        assert_eq!(
            after + 1,
            before,
            "the removed card has no point on the future curve"
        );
        assert!(
            scene.cards.iter().any(|c| c.id == felt.id),
            "but it is still drawn"
        );
    }

    #[test]
    fn a_future_state_whose_current_state_is_gone_is_drawn_alone_and_says_so() {
        let (mut ws, id) = future_of_sample();
        let source = ws.journey(id).unwrap().future_of.unwrap();
        edit::apply(&mut ws, &edit::Edit::DeleteJourney { journey: source }).unwrap();
        let scene = draw(&ws, id);
        let f = ws.journey(id).unwrap();
        assert_eq!(scene.cards.len(), f.steps.len());
        let states = scene.states.unwrap();
        assert!(states.subheading.unwrap().text.contains("has been deleted"));
        assert!(states.tags.is_empty(), "nothing is known to compare with");
    }
}
