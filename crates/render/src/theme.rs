//! Colours and type for the blueprint, defined once here and carried in every scene, so the WebView and
//! the exports cannot drift apart.

use serde::Serialize;
use throughline_core::{LaneKind, Severity};
use ts_rs::TS;

/// How one kind of text is set.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct FontSpec {
    /// Size in pixels at 100 % zoom.
    pub size: f64,
    /// CSS weight: 400 regular, 700 bold.
    pub weight: u16,
    /// Fill colour.
    pub fill: String,
}

impl FontSpec {
    fn new(size: f64, weight: u16, fill: &str) -> Self {
        FontSpec {
            size,
            weight,
            fill: fill.to_owned(),
        }
    }
}

/// Every text style of a blueprint.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TextStyles {
    /// The CSS `font-family` list every text is set in: Noto Sans, then the fallback chain for scripts
    /// it lacks (built by `css_family_list` in crates/render/src/font.rs). Sent to the UI so the
    /// screen asks for exactly the faces the exports draw with and the layout measured with.
    pub family: String,
    /// Journey title.
    pub title: FontSpec,
    /// Persona line under the title.
    pub subtitle: FontSpec,
    /// Stage headings.
    pub stage: FontSpec,
    /// Lane headings.
    pub lane: FontSpec,
    /// Card text.
    pub card: FontSpec,
    /// Channel under the card text.
    pub channel: FontSpec,
    /// Labels on the blueprint lines and the emotion scale.
    pub label: FontSpec,
}

impl TextStyles {
    /// The house style.
    pub fn standard() -> Self {
        TextStyles {
            family: crate::font::css_family_list(),
            title: FontSpec::new(26.0, 700, "#14213d"),
            subtitle: FontSpec::new(14.0, 400, "#4a5568"),
            stage: FontSpec::new(14.0, 700, "#ffffff"),
            lane: FontSpec::new(13.0, 700, "#1a202c"),
            card: FontSpec::new(13.0, 400, "#1a202c"),
            channel: FontSpec::new(11.0, 400, "#5a6472"),
            label: FontSpec::new(10.0, 700, "#4a5568"),
        }
    }
}

/// The colours of one lane kind.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Palette {
    /// Background of the lane's band.
    pub band: String,
    /// Background of the lane's heading cell.
    pub header: String,
    /// Strong colour: card edge strip, heading text accents.
    pub accent: String,
    /// Card border.
    pub card_stroke: String,
}

/// The palette of a lane kind: warm grey evidence, blue customer, green frontstage, amber backstage,
/// violet support, pale enough that cards and arrows stay the strongest marks on the wall.
pub fn palette(kind: LaneKind) -> Palette {
    let (band, header, accent, card_stroke) = match kind {
        LaneKind::Evidence => ("#f7f5f2", "#ebe6df", "#8c7f73", "#d9d1c7"),
        LaneKind::Customer => ("#eff4ff", "#dde8ff", "#2f64d6", "#b9cdf6"),
        LaneKind::Frontstage => ("#edf9f3", "#d7f1e4", "#1a936a", "#b1e0c9"),
        LaneKind::Backstage => ("#fff6ea", "#fde8cc", "#c97a1d", "#f0d3ad"),
        LaneKind::Support => ("#f6f1fc", "#e9def8", "#7d55b8", "#d8c8ee"),
    };
    Palette {
        band: band.into(),
        header: header.into(),
        accent: accent.into(),
        card_stroke: card_stroke.into(),
    }
}

/// Colour of an emotion score, from red (−2) through grey (0) to green (+2), each dark enough to
/// stand out 3:1 from a card and the customer band (WCAG 2.2, non-text contrast).
pub fn emotion_colour(score: i8) -> &'static str {
    match score {
        i8::MIN..=-2 => "#d64545",
        -1 => "#c2620f",
        0 => "#707c8a",
        1 => "#3f8f4a",
        _ => "#278a44",
    }
}

/// Colour of a pain-point marker: amber, orange or red as it hurts more, each 3:1 against a card.
pub fn severity_colour(severity: Severity) -> &'static str {
    match severity {
        Severity::Low => "#a87700",
        Severity::Medium => "#c45a2c",
        Severity::High => "#d64545",
    }
}

/// Colours of marks that do not depend on the lane.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Colours {
    /// Page background.
    pub background: String,
    /// Stage heading background.
    pub stage: String,
    /// Column dividers.
    pub divider: String,
    /// Blueprint lines.
    pub line: String,
    /// Flow arrows.
    pub arrow: String,
    /// Card fill.
    pub card: String,
    /// Moment-of-truth marker.
    pub moment: String,
    /// Fail-point badge.
    pub fail: String,
    /// Wait-point badge.
    pub wait: String,
    /// Emotion curve.
    pub curve: String,
    /// Hand-off marker on an arrow.
    pub handoff: String,
    /// Comment marker on a card.
    pub comment: String,
}

impl Colours {
    /// The house colours.
    pub fn standard() -> Self {
        let c = |s: &str| s.to_owned();
        Colours {
            background: c("#ffffff"),
            stage: c("#1f2a44"),
            divider: c("#dfe3ea"),
            line: c("#6b7280"),
            arrow: c("#334155"),
            card: c("#ffffff"),
            moment: c("#a87700"),
            fail: c("#b42318"),
            wait: c("#475467"),
            curve: c("#2f64d6"),
            handoff: c("#c2410c"),
            comment: c("#6941c6"),
        }
    }
}
