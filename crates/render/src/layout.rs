//! Journey → scene. Stages become columns of one standard width, widened where their gutter carries
//! more arrow tracks than fit; lanes become rows as tall as their fullest cell plus the strip their
//! arrows run in; cards stack inside their cell, and the blueprint lines, the emotion band and the
//! arrows ([`crate::route`]) are placed around them. Everything the renderers need is decided here.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;

use throughline_core::{Id, Journey, LaneKind, LineKind, Link, Step};

use crate::font::Fonts;
use crate::path_data::path_bounds;
use crate::route::{rounded_path, Cell, Gutter, Plan};
use crate::scene::*;
use crate::theme::{emotion_colour, palette, severity_colour, Colours, TextStyles};
use crate::wrap::{wrap_clamped, WrapCache};

/// Outer margin around the blueprint.
pub const MARGIN: f64 = 32.0;
/// Width of the lane heading column.
pub const HEADER_W: f64 = 176.0;
/// Width of a stage column.
pub const STAGE_W: f64 = 232.0;
/// Width of a card (the rest of the column is the gutter arrows run in).
pub const CARD_W: f64 = 204.0;
/// Space between a stage column's left edge and its cards; a column widened for the arrows in its
/// gutter grows on the right, so every card keeps this inset.
pub const CARD_INSET: f64 = (STAGE_W - CARD_W) / 2.0;
/// Space above the first and below the last card of a lane, at least; arrows travel along the lanes in
/// the space above the cards, which grows when many arrows need it.
pub const LANE_PAD: f64 = 18.0;
/// Space between stacked cards.
pub const CARD_GAP: f64 = 10.0;
/// Smallest lane height, so an empty lane is still a place to drop a card.
pub const MIN_LANE_H: f64 = 84.0;
/// Longest card shown in full; longer text is cut with an ellipsis (the whole text stays in the step).
pub const MAX_CARD_LINES: usize = 12;

const CARD_PAD_X: f64 = 10.0;
const CARD_PAD_Y: f64 = 10.0;
const ACCENT_W: f64 = 4.0;
const MARKER_ROOM: f64 = 16.0;
const LINE_H: f64 = 18.0;
const CHANNEL_H: f64 = 16.0;
const LINE_GAP: f64 = 24.0;
const EMOTION_H: f64 = 128.0;
/// Extra height of the emotion band for its key of personas.
const KEY_H: f64 = 22.0;
const STAGE_LINE_H: f64 = 19.0;
const MARKER_STEP: f64 = 18.0;
const CHIP_H: f64 = 15.0;
const CHIP_GAP: f64 = 4.0;
const CHIP_PAD: f64 = 5.0;

/// The layout's measures the window needs to place its own marks over the drawing (the in-place card
/// editor, cell hit testing before a lane has cards), defined here once and written out for the UI by
/// the bindings test, so the two never drift apart.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct LayoutMetrics {
    /// Distance between the baselines of a card's lines.
    pub card_line_height: f64,
    /// From a card's left edge to its text: the accent strip and the padding.
    pub card_text_inset: f64,
    /// Room above the first card of a lane.
    pub lane_padding: f64,
    /// Space between a stage column's left edge and its cards.
    pub card_inset: f64,
}

/// The measures this layout lays cards out with.
pub const LAYOUT_METRICS: LayoutMetrics = LayoutMetrics {
    card_line_height: LINE_H,
    card_text_inset: ACCENT_W + CARD_PAD_X,
    lane_padding: LANE_PAD,
    card_inset: CARD_INSET,
};

/// An entity to show as a chip on a card.
#[derive(Clone, Debug, PartialEq)]
pub struct ChipInput {
    /// The entity.
    pub entity: Id,
    /// Its name.
    pub label: String,
    /// How it is tied to the card.
    pub role: ChipRole,
}

/// What the workspace knows about a journey's cards beyond the journey itself: the entities tied to
/// each card and the arrows where work changes team.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Annotations {
    /// Per card, its chips in the order they are drawn.
    pub chips: HashMap<Id, Vec<ChipInput>>,
    /// Flow links along which the work passes to another team.
    pub handoffs: HashSet<Id>,
    /// Names of the journey's personas, for the emotion band's key.
    pub personas: HashMap<Id, String>,
    /// Per card, the label of its comment marker: on screen how many of its comments are open; in
    /// an export that shows comments, the number of its note in the margin.
    pub comments: HashMap<Id, String>,
}

/// Where one stage column stands when another blueprint decides it (the side-by-side view lines a
/// future state's stages up under its current state's).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Column {
    /// Left edge.
    pub x: f64,
    /// Width; never narrower than the column would be on its own.
    pub width: f64,
}

/// Choices that change what the layout makes room for. The screen always uses the default; an export
/// may leave parts out, and then the rest closes up exactly as the screen would without them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutOptions<'a> {
    /// The emotion band above the customer lane, so a picture without the curve has no empty band.
    pub emotion: bool,
    /// Where the stage headings start, when something else (an export's title block) takes the
    /// place of the title lines above them; `None` leaves room for the title lines.
    pub top: Option<f64>,
    /// Per stage, in order, where its column stands; `None` packs the columns from the left.
    pub columns: Option<&'a [Column]>,
}

impl Default for LayoutOptions<'_> {
    fn default() -> Self {
        LayoutOptions {
            emotion: true,
            top: None,
            columns: None,
        }
    }
}

/// Lays `journey` out, with `flows` (its flow links) as arrows.
pub fn layout(journey: &Journey, flows: &[Link], fonts: &Fonts) -> Scene {
    layout_cached(
        journey,
        flows,
        &Annotations::default(),
        fonts,
        &mut WrapCache::single_use(),
    )
}

/// [`layout`] with the cards' chips and hand-offs, reusing card texts wrapped by earlier layouts.
pub fn layout_cached(
    journey: &Journey,
    flows: &[Link],
    notes: &Annotations,
    fonts: &Fonts,
    cache: &mut WrapCache,
) -> Scene {
    layout_with(
        journey,
        flows,
        notes,
        LayoutOptions::default(),
        fonts,
        cache,
    )
}

/// [`layout_cached`] with `options` deciding what to make room for (exports leave parts out).
pub fn layout_with(
    journey: &Journey,
    flows: &[Link],
    notes: &Annotations,
    options: LayoutOptions,
    fonts: &Fonts,
    cache: &mut WrapCache,
) -> Scene {
    layout_routed(journey, flows, notes, options, fonts, cache).scene
}

/// A scene with the corner points of its arrows, which the scene itself carries only as SVG paths.
#[derive(Clone, Debug)]
pub struct Routed {
    /// The scene.
    pub scene: Scene,
    /// Per arrow of the scene, in its order, the corners of its route from source to target.
    pub routes: Vec<Vec<Point>>,
}

/// [`layout_with`] keeping the arrows' corner points, so their geometry can be checked
/// ([`crate::route::check`]).
pub fn layout_routed(
    journey: &Journey,
    flows: &[Link],
    notes: &Annotations,
    options: LayoutOptions,
    fonts: &Fonts,
    cache: &mut WrapCache,
) -> Routed {
    let styles = TextStyles::standard();
    let mut stages: Vec<_> = journey.stages.iter().collect();
    stages.sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    let mut lanes: Vec<_> = journey.lanes.iter().collect();
    lanes.sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    let stage_ix: FxHashMap<Id, usize> =
        stages.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let lane_ix: FxHashMap<Id, usize> = lanes.iter().enumerate().map(|(i, l)| (l.id, i)).collect();

    // Steps per cell, in order.
    let n_stages = stages.len();
    let mut cells: Vec<Vec<&Step>> = vec![Vec::new(); lanes.len() * n_stages];
    for step in &journey.steps {
        if let (Some(&l), Some(&s)) = (lane_ix.get(&step.lane), stage_ix.get(&step.stage)) {
            cells[l * n_stages + s].push(step);
        }
    }
    for cell in &mut cells {
        cell.sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    }

    // Cards are numbered in the order they are laid out: lane by lane, stage by stage, down each cell.
    let mut grid = Vec::with_capacity(journey.steps.len());
    let mut card_of: FxHashMap<Id, usize> =
        FxHashMap::with_capacity_and_hasher(journey.steps.len(), Default::default());
    let mut rank = vec![0; n_stages];
    for li in 0..lanes.len() {
        for (si, rank) in rank.iter_mut().enumerate() {
            for step in &cells[li * n_stages + si] {
                card_of.insert(step.id, grid.len());
                grid.push(Cell {
                    col: si,
                    lane: li,
                    rank: *rank,
                });
                *rank += 1;
            }
        }
    }
    // Arrows are routed in the order of the cards they join, not of their ids, so a journey draws the
    // same wherever it is (an imported copy has new ids); ids only order two arrows between one pair.
    let mut joined: Vec<(&Link, (usize, usize))> = flows
        .iter()
        .filter_map(|l| Some((l, (*card_of.get(&l.from)?, *card_of.get(&l.to)?))))
        .collect();
    joined.sort_by_key(|(l, ends)| (*ends, l.id));
    let (drawn, links): (Vec<&Link>, Vec<(usize, usize)>) = joined.into_iter().unzip();
    let plan = Plan::new(&grid, &links, lanes.len());

    // Cards are placed in columns of the standard width first; the columns widen once the arrows'
    // tracks are known, and everything is moved across then.
    let left = MARGIN + HEADER_W;
    let standard_x = |i: usize| left + i as f64 * STAGE_W;
    let mut y = MARGIN;

    // Title block.
    let title = TextLine {
        text: journey.name.clone(),
        x: MARGIN,
        y: y + styles.title.size,
    };
    y += styles.title.size + 10.0;
    let subtitle = (!journey.persona.is_empty()).then(|| {
        y += styles.subtitle.size + 4.0;
        TextLine {
            text: format!("Persona: {}", journey.persona),
            x: MARGIN,
            y,
        }
    });
    y += 22.0;
    if let Some(top) = options.top {
        y = top;
    }

    // Stage headings.
    let stage_font = fonts.for_weight(styles.stage.weight);
    let stage_text_w = STAGE_W - 28.0;
    let stage_lines: Vec<Vec<String>> = stages
        .iter()
        .map(|s| wrap_clamped(&s.name, stage_font, styles.stage.size, stage_text_w, 3))
        .collect();
    let header_lines = stage_lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let header_h = header_lines as f64 * STAGE_LINE_H + 22.0;
    let header_y = y;
    y += header_h + 10.0;
    let grid_top = y;

    let lane_font = fonts.for_weight(styles.lane.weight);
    let label_font = fonts.for_weight(styles.label.weight);
    let text_w = CARD_W - ACCENT_W - 2.0 * CARD_PAD_X - MARKER_ROOM;

    let mut bands = Vec::with_capacity(lanes.len());
    let mut separators = Vec::new();
    let mut emotion = None;
    let mut cards = Vec::with_capacity(journey.steps.len());
    let mut strips = Vec::with_capacity(lanes.len());
    let mut previous: Option<LaneKind> = None;

    for (li, lane) in lanes.iter().enumerate() {
        if let Some(prev) = previous {
            for line in LineKind::ALL {
                if prev <= line.above() && lane.kind > line.above() {
                    y += LINE_GAP / 2.0;
                    separators.push(separator(line, y, label_font, styles.label.size));
                    y += LINE_GAP / 2.0;
                }
            }
        }
        previous = Some(lane.kind);
        if options.emotion && lane.kind == LaneKind::Customer && emotion.is_none() {
            let height = EMOTION_H
                + if journey.personas.is_empty() {
                    0.0
                } else {
                    KEY_H
                };
            emotion = Some(EmotionBand {
                band: Rect {
                    x: MARGIN,
                    y,
                    width: 0.0,
                    height,
                },
                header: Rect {
                    x: MARGIN,
                    y,
                    width: HEADER_W - 8.0,
                    height,
                },
                title: TextLine {
                    text: "Emotion".into(),
                    x: MARGIN + 12.0,
                    y: y + LANE_PAD + styles.lane.size,
                },
                ticks: Vec::new(),
                grid: Vec::new(),
                path: String::new(),
                points: Vec::new(),
                stroke: String::new(),
                curves: Vec::new(),
                key: Vec::new(),
            });
            y += height;
        }

        // Cards of this lane, cell by cell; the lane is as tall as its fullest cell.
        let mut lane_bottom = y + MIN_LANE_H;
        let strip = y + plan.strip_height(li, LANE_PAD);
        strips.push(strip);
        for si in 0..n_stages {
            let mut cy = strip;
            for step in &cells[li * n_stages + si] {
                let mut card = card(
                    step,
                    lane.kind,
                    standard_x(si) + CARD_INSET,
                    cy,
                    text_w,
                    notes.chips.get(&step.id).map_or(&[], Vec::as_slice),
                    notes.comments.get(&step.id).map(String::as_str),
                    &styles,
                    fonts,
                    cache,
                );
                card.rect.height = card.rect.height.max(plan.min_card_height(cards.len()));
                cy += card.rect.height + CARD_GAP;
                cards.push(card);
            }
            lane_bottom = lane_bottom.max(cy - CARD_GAP + LANE_PAD);
        }
        let height = lane_bottom - y;
        let header_text_w = HEADER_W - 8.0 - 24.0;
        bands.push(LaneBand {
            id: lane.id,
            name: lane.name.clone(),
            kind: lane.kind,
            band: Rect {
                x: MARGIN,
                y,
                width: 0.0,
                height,
            },
            header: Rect {
                x: MARGIN,
                y,
                width: HEADER_W - 8.0,
                height,
            },
            lines: wrap_clamped(&lane.name, lane_font, styles.lane.size, header_text_w, 4)
                .into_iter()
                .enumerate()
                .map(|(k, text)| TextLine {
                    text,
                    x: MARGIN + 12.0,
                    y: y + LANE_PAD + styles.lane.size + k as f64 * LINE_H,
                })
                .collect(),
            palette: palette(lane.kind),
        });
        y = lane_bottom;
    }
    let grid_bottom = y;

    // Ports and tracks, then the columns as wide as their gutters' tracks need.
    let rects: Vec<Rect> = cards.iter().map(|c| c.rect).collect();
    let placed = plan.place(&rects, &strips, grid_top, n_stages);
    let standard_room = |i: usize| {
        if i + 1 < n_stages {
            STAGE_W - CARD_W
        } else {
            STAGE_W - CARD_INSET - CARD_W
        }
    };
    let mut widths: Vec<f64> = (0..n_stages)
        .map(|i| STAGE_W + (placed.gutter_width(i) - standard_room(i)).max(0.0))
        .collect();
    let mut col_x: Vec<f64> = widths
        .iter()
        .scan(left, |x, w| {
            let at = *x;
            *x += w;
            Some(at)
        })
        .collect();
    let mut width = left + widths.iter().sum::<f64>() + MARGIN;
    if let Some(columns) = options.columns.filter(|c| c.len() == n_stages) {
        for (i, c) in columns.iter().enumerate() {
            col_x[i] = c.x;
            widths[i] = widths[i].max(c.width);
        }
        width = col_x
            .iter()
            .zip(&widths)
            .map(|(x, w)| x + w)
            .fold(left, f64::max)
            + MARGIN;
    }
    for (card, cell) in cards.iter_mut().zip(&grid) {
        shift_card(card, col_x[cell.col] - standard_x(cell.col));
    }
    for band in bands
        .iter_mut()
        .map(|b| &mut b.band)
        .chain(emotion.iter_mut().map(|e| &mut e.band))
    {
        band.width = width - 2.0 * MARGIN;
    }
    for separator in &mut separators {
        separator.x2 = width - MARGIN;
    }
    let gutters: Vec<Gutter> = (0..n_stages)
        .map(|i| Gutter {
            x: col_x[i] + CARD_INSET + CARD_W,
            width: standard_room(i) + widths[i] - STAGE_W,
        })
        .collect();
    let rects: Vec<Rect> = cards.iter().map(|c| c.rect).collect();
    let routes = placed.routes(&rects, &gutters);

    let stage_columns: Vec<StageColumn> = stages
        .iter()
        .zip(&stage_lines)
        .enumerate()
        .map(|(i, (stage, lines))| {
            let (x, w) = (col_x[i], widths[i]);
            let top =
                header_y + (header_h - lines.len() as f64 * STAGE_LINE_H) / 2.0 + styles.stage.size;
            StageColumn {
                id: stage.id,
                name: stage.name.clone(),
                header: Rect {
                    x: x + 3.0,
                    y: header_y,
                    width: w - 6.0,
                    height: header_h,
                },
                lines: lines
                    .iter()
                    .enumerate()
                    .map(|(k, text)| TextLine {
                        x: x + (w - stage_font.width(text, styles.stage.size)) / 2.0,
                        y: top + k as f64 * STAGE_LINE_H,
                        text: text.clone(),
                    })
                    .collect(),
                x,
                width: w,
            }
        })
        .collect();

    if let Some(band) = &mut emotion {
        let curve = Colours::standard().curve;
        let scores = Scores {
            journey,
            names: &notes.personas,
            curve: &curve,
        };
        fill_emotion(
            band,
            &scores,
            &cards,
            &stage_columns,
            label_font,
            styles.label.size,
        );
    }

    let arrows = drawn
        .iter()
        .zip(&routes)
        .map(|(link, points)| {
            let mut path = String::new();
            rounded_path(points, 6.0, &mut path);
            Arrow {
                id: link.id,
                from: link.from,
                to: link.to,
                bounds: path_bounds(&path),
                path,
                handoff: notes.handoffs.contains(&link.id).then(|| middle(points)),
            }
        })
        .collect();

    let scene = Scene {
        journey: journey.id,
        width,
        height: y + MARGIN,
        title,
        subtitle,
        stages: stage_columns,
        lanes: bands,
        emotion,
        separators,
        cards,
        arrows,
        rules: col_x
            .iter()
            .skip(1)
            .map(|&x| Rule {
                x1: x,
                y1: grid_top,
                x2: x,
                y2: grid_bottom,
            })
            .collect(),
        styles,
        colours: Colours::standard(),
        title_block: None,
        legend: None,
        pain_notes: None,
        comment_notes: None,
        states: None,
    };
    Routed { scene, routes }
}

/// A blueprint line at `y`; its right end is set once the columns' widths are known.
fn separator(kind: LineKind, y: f64, font: &crate::font::Font, size: f64) -> Separator {
    let text = kind.label().to_uppercase();
    let text_w = font.width(&text, size);
    let label_box = Rect {
        x: MARGIN + 6.0,
        y: y - 8.0,
        width: text_w + 12.0,
        height: 16.0,
    };
    Separator {
        kind,
        y,
        x1: MARGIN,
        x2: MARGIN,
        label: TextLine {
            text,
            x: label_box.x + 6.0,
            y: y + size * 0.36,
        },
        label_box,
    }
}

/// The middle of a route, measured along it, where a hand-off marker sits.
fn middle(points: &[Point]) -> Point {
    let len = |a: &Point, b: &Point| (b.x - a.x).hypot(b.y - a.y);
    let total: f64 = points.windows(2).map(|w| len(&w[0], &w[1])).sum();
    let mut left = total / 2.0;
    for w in points.windows(2) {
        let l = len(&w[0], &w[1]);
        if l >= left && l > 0.0 {
            let t = left / l;
            return Point {
                x: w[0].x + (w[1].x - w[0].x) * t,
                y: w[0].y + (w[1].y - w[0].y) * t,
            };
        }
        left -= l;
    }
    points.first().copied().unwrap_or(Point { x: 0.0, y: 0.0 })
}

/// Colours of a chip: fill and text.
pub(crate) fn chip_colours(role: ChipRole) -> (&'static str, &'static str) {
    match role {
        ChipRole::Owner => ("#1f2a44", "#ffffff"),
        ChipRole::PerformedBy => ("#e3ecfb", "#1d3f8a"),
        ChipRole::Uses => ("#e4f4e8", "#1b5e20"),
        ChipRole::PartOf => ("#fdf0dc", "#7a4b00"),
    }
}

/// Lays chips out left to right from (`x`, `y`), wrapping within `width`; returns them and the height
/// they take.
fn chips(
    inputs: &[ChipInput],
    x: f64,
    y: f64,
    width: f64,
    styles: &TextStyles,
    fonts: &Fonts,
) -> (Vec<Chip>, f64) {
    let font = fonts.for_weight(styles.label.weight);
    let size = styles.label.size;
    let (mut cx, mut cy) = (x, y);
    let mut out = Vec::with_capacity(inputs.len());
    for input in inputs {
        let prefix = if input.role == ChipRole::Owner {
            "Owner: "
        } else {
            ""
        };
        let text = wrap_clamped(
            &format!("{prefix}{}", input.label),
            font,
            size,
            width - 2.0 * CHIP_PAD,
            1,
        )
        .remove(0);
        let w = font.width(&text, size) + 2.0 * CHIP_PAD;
        if cx > x && cx + w > x + width {
            cx = x;
            cy += CHIP_H + CHIP_GAP;
        }
        let (fill, colour) = chip_colours(input.role);
        out.push(Chip {
            entity: input.entity,
            role: input.role,
            rect: Rect {
                x: cx,
                y: cy,
                width: w,
                height: CHIP_H,
            },
            label: TextLine {
                text,
                x: cx + CHIP_PAD,
                y: cy + CHIP_H / 2.0 + size * 0.36,
            },
            fill: fill.to_owned(),
            text: colour.to_owned(),
        });
        cx += w + CHIP_GAP;
    }
    let height = if out.is_empty() { 0.0 } else { cy + CHIP_H - y };
    (out, height)
}

#[allow(clippy::too_many_arguments)]
fn card(
    step: &Step,
    kind: LaneKind,
    x: f64,
    y: f64,
    text_w: f64,
    chip_inputs: &[ChipInput],
    comment: Option<&str>,
    styles: &TextStyles,
    fonts: &Fonts,
    cache: &mut WrapCache,
) -> Card {
    let font = fonts.for_weight(styles.card.weight);
    let wrapped = cache.card(&step.text, font, styles.card.size, text_w, MAX_CARD_LINES);
    let text_x = x + ACCENT_W + CARD_PAD_X;
    let first = y + CARD_PAD_Y + styles.card.size;
    let lines: Vec<TextLine> = wrapped
        .into_iter()
        .enumerate()
        .map(|(i, text)| TextLine {
            text,
            x: text_x,
            y: first + i as f64 * LINE_H,
        })
        .collect();
    let mut height = 2.0 * CARD_PAD_Y + lines.len() as f64 * LINE_H;
    let channel = step.channel.as_ref().filter(|c| !c.is_empty()).map(|c| {
        let channel_font = fonts.for_weight(styles.channel.weight);
        let text = wrap_clamped(c, channel_font, styles.channel.size, text_w, 1).remove(0);
        let line = TextLine {
            text,
            x: text_x,
            y: y + height - CARD_PAD_Y + CHANNEL_H - 4.0,
        };
        height += CHANNEL_H;
        line
    });
    let (chips, chips_h) = chips(
        chip_inputs,
        x + ACCENT_W + CARD_PAD_X,
        y + height - CARD_PAD_Y + CHIP_GAP,
        CARD_W - ACCENT_W - 2.0 * CARD_PAD_X,
        styles,
        fonts,
    );
    if chips_h > 0.0 {
        height += chips_h + CHIP_GAP;
    }
    // Markers stack down the card's right edge: moment of truth, pain, fail, wait, comments.
    let top_marker = first_marker(&Rect {
        x,
        y,
        width: CARD_W,
        height: 0.0,
    });
    let mut slot = 0.0;
    let mut next_marker = || {
        let at = Point {
            x: top_marker.x,
            y: top_marker.y + slot * MARKER_STEP,
        };
        slot += 1.0;
        at
    };
    let moment_of_truth = step.moment_of_truth.then(|| {
        let at = next_marker();
        star(at.x, at.y, 7.0, 3.0)
    });
    let pain_point = step
        .pain_point
        .as_ref()
        .filter(|p| !p.is_empty())
        .map(|text| PainMarker {
            at: next_marker(),
            colour: severity_colour(step.pain_severity).to_owned(),
            text: text.clone(),
        });
    let badge_font = fonts.for_weight(styles.label.weight);
    let mut badge = |on: bool, letter: &str| {
        on.then(|| {
            let at = next_marker();
            Badge {
                at,
                label: TextLine {
                    text: letter.to_owned(),
                    x: at.x - badge_font.width(letter, styles.label.size) / 2.0,
                    y: at.y + styles.label.size * 0.36,
                },
            }
        })
    };
    let fail_point = badge(step.fail_point, "F");
    let wait_point = badge(step.wait_point, "W");
    let comments = comment.and_then(|label| badge(true, label));
    let height = height
        .max(44.0)
        .max(24.0 + (slot - 1.0).max(0.0) * MARKER_STEP);
    Card {
        id: step.id,
        lane: step.lane,
        stage: step.stage,
        kind,
        rect: Rect {
            x,
            y,
            width: CARD_W,
            height,
        },
        lines,
        channel,
        moment_of_truth,
        pain_point,
        fail_point,
        wait_point,
        emotion: step.emotion.filter(|_| kind == LaneKind::Customer),
        chips,
        assumption: step.assumption,
        comments,
    }
}

/// Moves a laid-out card `dx` to the right, with everything drawn on it.
fn shift_card(card: &mut Card, dx: f64) {
    if dx == 0.0 {
        return;
    }
    card.rect.x += dx;
    for line in card.lines.iter_mut().chain(&mut card.channel) {
        line.x += dx;
    }
    if card.moment_of_truth.is_some() {
        let at = first_marker(&card.rect);
        card.moment_of_truth = Some(star(at.x, at.y, 7.0, 3.0));
    }
    if let Some(pain) = &mut card.pain_point {
        pain.at.x += dx;
    }
    for badge in card
        .fail_point
        .iter_mut()
        .chain(&mut card.wait_point)
        .chain(&mut card.comments)
    {
        badge.at.x += dx;
        badge.label.x += dx;
    }
    for chip in &mut card.chips {
        chip.rect.x += dx;
        chip.label.x += dx;
    }
}

/// Centre of the first marker down a card's right edge (the moment of truth's star when it has one).
fn first_marker(card: &Rect) -> Point {
    Point {
        x: card.x + card.width - 12.0,
        y: card.y + 12.0,
    }
}

/// Points of a five-pointed star centred on (cx, cy), as SVG polygon points.
pub(crate) fn star(cx: f64, cy: f64, outer: f64, inner: f64) -> String {
    let mut out = String::new();
    for k in 0..10 {
        let r = if k % 2 == 0 { outer } else { inner };
        let a = std::f64::consts::PI * (k as f64 / 5.0 - 0.5);
        if k > 0 {
            out.push(' ');
        }
        crate::svg::push_num(&mut out, cx + r * a.cos());
        out.push(',');
        crate::svg::push_num(&mut out, cy + r * a.sin());
    }
    out
}

/// What the emotion band needs of the journey beyond its cards: the personas' scores and names.
struct Scores<'a> {
    journey: &'a Journey,
    names: &'a HashMap<Id, String>,
    curve: &'a str,
}

fn fill_emotion(
    band: &mut EmotionBand,
    scores: &Scores,
    cards: &[Card],
    stages: &[StageColumn],
    font: &crate::font::Font,
    size: f64,
) {
    let personas = &scores.journey.personas;
    let key_h = if personas.is_empty() { 0.0 } else { KEY_H };
    let top = band.band.y + 20.0 + key_h;
    let bottom = band.band.y + band.band.height - 20.0;
    let y_of = |score: i8| top + (2.0 - f64::from(score)) / 4.0 * (bottom - top);
    band.grid = vec![y_of(2), y_of(0), y_of(-2)];
    let right = band.header.x + band.header.width - 10.0;
    band.ticks = [(2, "+2"), (0, "0"), (-2, "-2")]
        .iter()
        .map(|(score, text)| TextLine {
            text: (*text).to_owned(),
            x: right - font.width(text, size),
            y: y_of(*score) + size * 0.36,
        })
        .collect();
    // One colour per persona; with one curve only, the theme's curve colour and the scores' own
    // colours on its points, as before personas.
    let many = personas.len() > 1;
    let colour = |k: usize| {
        if many {
            PERSONA_COLOURS[k % PERSONA_COLOURS.len()].to_owned()
        } else {
            scores.curve.to_owned()
        }
    };
    let steps: HashMap<Id, &throughline_core::Step> =
        scores.journey.steps.iter().map(|s| (s.id, s)).collect();
    let score_of = |card: &Card, k: usize| -> Option<i8> {
        if k == 0 {
            return card.emotion;
        }
        let p = personas.get(k)?;
        let step = steps.get(&card.id)?;
        step.scores
            .iter()
            .find(|s| s.persona == *p)
            .map(|s| s.score)
    };
    let n_curves = personas.len().max(1);
    let mut curves: Vec<Vec<EmotionPoint>> = vec![Vec::new(); n_curves];
    for stage in stages {
        let scored: Vec<&Card> = cards
            .iter()
            .filter(|c| c.stage == stage.id && (0..n_curves).any(|k| score_of(c, k).is_some()))
            .collect();
        let n = scored.len() as f64;
        for (i, card) in scored.iter().enumerate() {
            let x = stage.x + stage.width * (i as f64 + 1.0) / (n + 1.0);
            for (k, points) in curves.iter_mut().enumerate() {
                if let Some(score) = score_of(card, k) {
                    points.push(EmotionPoint {
                        step: card.id,
                        at: Point { x, y: y_of(score) },
                        score,
                        colour: if many {
                            colour(k)
                        } else {
                            emotion_colour(score).to_owned()
                        },
                    });
                }
            }
        }
    }
    let mut curves = curves.into_iter();
    band.points = curves.next().unwrap_or_default();
    band.path = smooth_path(&band.points);
    band.stroke = colour(0);
    band.curves = curves
        .enumerate()
        .map(|(k, points)| EmotionCurve {
            persona: personas[k + 1],
            colour: colour(k + 1),
            path: smooth_path(&points),
            points,
        })
        .collect();
    let mut x = band.header.x + band.header.width + 16.0;
    let baseline = band.band.y + 8.0 + size;
    band.key = personas
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let name = scores.names.get(p).cloned().unwrap_or_default();
            let key = PersonaKey {
                persona: *p,
                colour: colour(k),
                swatch: Point {
                    x: x + 5.0,
                    y: baseline - size * 0.36,
                },
                label: TextLine {
                    text: name.clone(),
                    x: x + 14.0,
                    y: baseline,
                },
            };
            x += 14.0 + font.width(&name, size) + 18.0;
            key
        })
        .collect();
}

/// Okabe and Ito's colour-blind-safe series, ordered so the first curves differ most (the yellow,
/// faint on a light band, comes last).
pub const PERSONA_COLOURS: [&str; 8] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442",
];

/// A smooth curve through `points` left to right (empty for fewer than two).
fn smooth_path(p: &[EmotionPoint]) -> String {
    if p.len() < 2 {
        return String::new();
    }
    let mut d = String::from("M");
    crate::svg::push_num(&mut d, p[0].at.x);
    d.push(' ');
    crate::svg::push_num(&mut d, p[0].at.y);
    for w in p.windows(2) {
        let (a, b) = (w[0].at, w[1].at);
        let mid = (a.x + b.x) / 2.0;
        d.push('C');
        for (x, y) in [(mid, a.y), (mid, b.y), (b.x, b.y)] {
            crate::svg::push_num(&mut d, x);
            d.push(' ');
            crate::svg::push_num(&mut d, y);
            d.push(' ');
        }
        d.pop();
    }
    d
}
