//! The scene: a journey laid out, with every position, wrapped line, route and colour decided. The
//! WebView draws it and adds interaction; the SVG writer draws it for export. Neither lays anything out.

use serde::Serialize;
use throughline_core::{Id, LaneKind, LineKind, StateChange};
use ts_rs::TS;

use crate::theme::{Colours, Palette, TextStyles};

/// One line of text, positioned by its baseline start (left-aligned, so no renderer's anchoring rules
/// matter).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TextLine {
    /// The characters, already wrapped.
    pub text: String,
    /// Left edge.
    pub x: f64,
    /// Baseline.
    pub y: f64,
}

/// An axis-aligned box.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, TS)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Rect {
    /// Whether `other` lies wholly inside this box.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.x + other.width <= self.x + self.width
            && other.y + other.height <= self.y + self.height
    }

    /// Whether the two boxes share any area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }
}

/// A stage column: its heading box and the whole column's horizontal extent.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct StageColumn {
    /// The stage.
    pub id: Id,
    /// Its full name (the heading may be cut).
    pub name: String,
    /// Heading box (top of the column).
    pub header: Rect,
    /// Heading text, wrapped and centred.
    pub lines: Vec<TextLine>,
    /// Left edge of the column.
    pub x: f64,
    /// Width of the column.
    pub width: f64,
}

/// A lane row: its band, heading cell and colours.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct LaneBand {
    /// The lane.
    pub id: Id,
    /// Its full name (the heading may be cut).
    pub name: String,
    /// What the lane means.
    pub kind: LaneKind,
    /// The whole row, heading cell included.
    pub band: Rect,
    /// The heading cell at the left.
    pub header: Rect,
    /// Heading text, wrapped.
    pub lines: Vec<TextLine>,
    /// Colours of the lane's kind.
    pub palette: Palette,
}

/// One of the three blueprint lines, drawn across the whole width between two lanes.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Separator {
    /// Which line.
    pub kind: LineKind,
    /// Vertical position.
    pub y: f64,
    /// Left end.
    pub x1: f64,
    /// Right end.
    pub x2: f64,
    /// Background of the label, so the line does not run through its text.
    pub label_box: Rect,
    /// The line's name.
    pub label: TextLine,
}

/// A card: one step, with its text wrapped to fit.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Card {
    /// The step.
    pub id: Id,
    /// Its lane.
    pub lane: Id,
    /// Its stage.
    pub stage: Id,
    /// Kind of its lane, which picks the colours.
    pub kind: LaneKind,
    /// The card's box.
    pub rect: Rect,
    /// The text, wrapped (and cut with an ellipsis if very long).
    pub lines: Vec<TextLine>,
    /// The channel, under the text.
    pub channel: Option<TextLine>,
    /// Star drawn at the top right of a moment of truth: polygon points.
    pub moment_of_truth: Option<String>,
    /// The pain-point marker, if the step has a pain point.
    pub pain_point: Option<PainMarker>,
    /// Shostack's fail-point badge ("F"), if marked.
    pub fail_point: Option<Badge>,
    /// Shostack's wait-point badge ("W"), if marked.
    pub wait_point: Option<Badge>,
    /// Emotion score, for customer steps that have one.
    pub emotion: Option<i8>,
    /// The owner and linked entities, as small labels along the card's foot.
    pub chips: Vec<Chip>,
    /// Marked as an assumption (a guess no evidence backs yet): drawn with a dashed border.
    pub assumption: bool,
    /// The comment marker, last down the right edge: how many comments are open on screen, or the
    /// card's note number in an export that shows comments.
    pub comments: Option<Badge>,
}

/// Who or what a chip on a card names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChipRole {
    /// The card's accountable owner.
    Owner,
    /// A person or team performing the card.
    PerformedBy,
    /// A system the card uses.
    Uses,
    /// A process the card is part of.
    PartOf,
}

/// A small label on a card naming an entity tied to it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Chip {
    /// The entity.
    pub entity: Id,
    /// How it is tied to the card.
    pub role: ChipRole,
    /// The chip's box.
    pub rect: Rect,
    /// Its name, cut to fit.
    pub label: TextLine,
    /// Fill colour.
    pub fill: String,
    /// Text colour.
    pub text: String,
}

/// The pain-point marker: a filled circle with an exclamation mark, coloured by severity.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PainMarker {
    /// Centre.
    pub at: Point,
    /// Fill colour for the severity.
    pub colour: String,
    /// What hurts, in the card's words: the marker's tooltip on screen and in an exported SVG.
    pub text: String,
}

/// A round badge with one letter, like Shostack's fail (F) and wait (W) points.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Badge {
    /// Centre.
    pub at: Point,
    /// The letter, centred.
    pub label: TextLine,
}

/// A point.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, TS)]
pub struct Point {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
}

/// A flow arrow between two cards, routed through the gaps between cards.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Arrow {
    /// The link.
    pub id: Id,
    /// Source step.
    pub from: Id,
    /// Target step.
    pub to: Id,
    /// SVG path data; the arrowhead sits at its end.
    pub path: String,
    /// The box around the path's points, read from `path` itself: the window culls arrows by it
    /// instead of parsing path data.
    pub bounds: Rect,
    /// Where the work passes from one team to another along this arrow, the marker's centre; `None`
    /// when both cards belong to the same team (or a team is not known).
    pub handoff: Option<Point>,
}

/// A straight rule, e.g. a column divider.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, TS)]
pub struct Rule {
    /// Start x.
    pub x1: f64,
    /// Start y.
    pub y1: f64,
    /// End x.
    pub x2: f64,
    /// End y.
    pub y2: f64,
}

/// A scored point of the emotion curve.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EmotionPoint {
    /// The customer step scored.
    pub step: Id,
    /// Where the score is drawn.
    pub at: Point,
    /// The score, −2…+2.
    pub score: i8,
    /// Its colour.
    pub colour: String,
}

/// The band above the customer lane where the emotion curve is drawn.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EmotionBand {
    /// The whole band, heading cell included.
    pub band: Rect,
    /// Heading cell.
    pub header: Rect,
    /// "Emotion".
    pub title: TextLine,
    /// Scale labels (+2, 0, −2) beside their gridlines.
    pub ticks: Vec<TextLine>,
    /// Vertical positions of the gridlines for +2, 0 and −2.
    pub grid: Vec<f64>,
    /// Smooth path through the points (empty when fewer than two).
    pub path: String,
    /// The scored points, left to right.
    pub points: Vec<EmotionPoint>,
    /// Colour of the main curve (the journey's first persona, or its unnamed customer).
    pub stroke: String,
    /// The curves of the journey's other personas, in its order.
    pub curves: Vec<EmotionCurve>,
    /// Whose each curve is, in the journey's order (empty when the journey names no persona).
    pub key: Vec<PersonaKey>,
}

/// The emotion curve of one of a journey's personas after the first.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EmotionCurve {
    /// The persona.
    pub persona: Id,
    /// Its colour, from the colour-blind-safe series.
    pub colour: String,
    /// Smooth path through the points (empty when fewer than two).
    pub path: String,
    /// The scored points, left to right.
    pub points: Vec<EmotionPoint>,
}

/// One entry of the emotion band's key: a persona's colour and name.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PersonaKey {
    /// The persona.
    pub persona: Id,
    /// Its curve's colour.
    pub colour: String,
    /// Centre of the colour swatch.
    pub swatch: Point,
    /// Its name.
    pub label: TextLine,
}

/// A journey laid out for drawing.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Scene {
    /// The journey drawn.
    pub journey: Id,
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Journey name.
    pub title: TextLine,
    /// Persona line, if the journey has a persona.
    pub subtitle: Option<TextLine>,
    /// Stage columns, left to right.
    pub stages: Vec<StageColumn>,
    /// Lanes, top to bottom.
    pub lanes: Vec<LaneBand>,
    /// The emotion band, if the journey has a customer lane.
    pub emotion: Option<EmotionBand>,
    /// Blueprint lines.
    pub separators: Vec<Separator>,
    /// Cards.
    pub cards: Vec<Card>,
    /// Flow arrows.
    pub arrows: Vec<Arrow>,
    /// Column dividers between stages.
    pub rules: Vec<Rule>,
    /// Text styles used above.
    pub styles: TextStyles,
    /// Fixed colours used above.
    pub colours: Colours,
    /// Exports only: the header with the journey, persona, workspace and date. When present it is
    /// drawn instead of `title` and `subtitle`, and the blueprint was laid out below it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title_block: Option<TitleBlock>,
    /// Exports only: the key to every mark, below the blueprint.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub legend: Option<Legend>,
    /// Exports only: every pain point's own words, under the legend, since a picture on a wall or a
    /// page has no tooltips.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pain_notes: Option<PainNotes>,
    /// Exports that ask for them only: the open comments, numbered as on their cards.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub comment_notes: Option<CommentNotes>,
    /// Side by side only: a future state drawn under its current state. Its stages, lanes, cards and
    /// arrows are in the lists above with the current state's; this holds what a scene has only one
    /// of (its heading and emotion band) and the tags on the cards that change.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub states: Option<StatesPart>,
}

/// The second half of a side-by-side scene and the tags on both halves' cards.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct StatesPart {
    /// Exports with a title block only: the current state's name over its half, drawn where the
    /// title lines the block replaces would not be.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub current_heading: Option<TextLine>,
    /// The future state's name, over its half.
    pub heading: TextLine,
    /// Under the heading: its persona, or that its current state was deleted.
    pub subheading: Option<TextLine>,
    /// The future state's emotion band.
    pub emotion: Option<EmotionBand>,
    /// One tag per card that changes: future cards changed, removed or new, and current cards the
    /// future does without.
    pub tags: Vec<StateTag>,
}

/// A small label on a card's top edge saying how it fares in the future state.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct StateTag {
    /// The card.
    pub card: Id,
    /// Its mark.
    pub change: StateChange,
    /// The label's box.
    pub rect: Rect,
    /// The label ("NEW", "CHANGED"…).
    pub label: TextLine,
    /// Box colour.
    pub fill: String,
    /// Text colour.
    pub text: String,
}

/// The open comments of an exported picture written out: one numbered note for the journey, each
/// stage and each card that has any, the card's number drawn on the card.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CommentNotes {
    /// The block's frame.
    pub rect: Rect,
    /// "Comments".
    pub title: TextLine,
    /// One per journey, stage or card with open comments.
    pub notes: Vec<CommentNote>,
}

/// The open comments on one journey, stage or card, under the blueprint.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CommentNote {
    /// The note's number, drawn as on the card.
    pub badge: Badge,
    /// What it is about and each comment's author, day and words, wrapped.
    pub lines: Vec<TextLine>,
}

/// The pain points of an exported picture written out, in the order the cards are laid out, each
/// beside a marker of its severity and led by its card's text so the reader finds the card.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PainNotes {
    /// The block's frame.
    pub rect: Rect,
    /// "Pain points".
    pub title: TextLine,
    /// One per card with a pain point.
    pub notes: Vec<PainNote>,
}

/// One pain point under the blueprint.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PainNote {
    /// The marker, as on the card.
    pub marker: PainMarker,
    /// The card's text and the pain point's, wrapped.
    pub lines: Vec<TextLine>,
}

/// The header of an exported picture, so a printed blueprint says what it is, whose it is and when it
/// was made. Replaces the screen's title lines rather than repeating them.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TitleBlock {
    /// The block's frame.
    pub rect: Rect,
    /// The coloured bar along its left edge.
    pub accent: Rect,
    /// The journey name, wrapped to at most two lines (title style).
    pub title: Vec<TextLine>,
    /// "Persona: …", if the journey has one (subtitle style).
    pub persona: Option<TextLine>,
    /// Workspace and date, each a small caption over its value.
    pub facts: Vec<Fact>,
}

/// A captioned value in the title block, e.g. WORKSPACE over the workspace's name.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Fact {
    /// The caption (label style).
    pub caption: TextLine,
    /// The value (lane style).
    pub value: TextLine,
}

/// The key to an exported picture: what each colour, line and mark means, so a blueprint on a wall
/// reads without the app.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Legend {
    /// The legend's frame.
    pub rect: Rect,
    /// "Legend".
    pub title: TextLine,
    /// Groups of entries, each a column.
    pub sections: Vec<LegendSection>,
}

/// One group of the legend (lanes, lines, markers, emotion, chips).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct LegendSection {
    /// The group's caption (label style).
    pub heading: TextLine,
    /// Its entries, top to bottom.
    pub entries: Vec<LegendEntry>,
}

/// A sample of a mark and what it means.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct LegendEntry {
    /// The sample, drawn as on the blueprint.
    pub symbol: LegendSymbol,
    /// What it means (channel style).
    pub label: TextLine,
}

/// A sample mark in the legend, positioned and coloured like the real one.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(tag = "symbol", rename_all = "snake_case")]
pub enum LegendSymbol {
    /// A lane kind's colours.
    Lane {
        /// The swatch.
        rect: Rect,
        /// The kind's colours.
        palette: Palette,
    },
    /// A blueprint line.
    Line {
        /// Which line.
        kind: LineKind,
        /// Left end.
        x1: f64,
        /// Right end.
        x2: f64,
        /// Vertical position.
        y: f64,
    },
    /// A flow arrow.
    Flow {
        /// SVG path data; the arrowhead sits at its end.
        path: String,
    },
    /// The moment-of-truth star: polygon points.
    MomentOfTruth {
        /// Polygon points.
        points: String,
    },
    /// Pain-point markers, one per severity.
    PainPoint {
        /// Low, medium, high.
        markers: Vec<PainMarker>,
    },
    /// The fail-point badge.
    Fail {
        /// The badge.
        badge: Badge,
    },
    /// The wait-point badge.
    Wait {
        /// The badge.
        badge: Badge,
    },
    /// The hand-off diamond.
    Handoff {
        /// Its centre.
        at: Point,
    },
    /// A small card with the dashed border of an assumption.
    Assumption {
        /// The card's box.
        rect: Rect,
    },
    /// A point of the emotion curve.
    Emotion {
        /// Its centre.
        at: Point,
        /// The score's colour.
        colour: String,
    },
    /// A chip of one role.
    Chip {
        /// The chip's box.
        rect: Rect,
        /// The role's name, inside the chip.
        label: TextLine,
        /// Fill colour.
        fill: String,
        /// Text colour.
        text: String,
    },
}
