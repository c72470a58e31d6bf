//! What a person exporting a blueprint chooses: what the picture includes besides the blueprint, its
//! size and background, and how a PDF is put on pages. One type for the app's export dialog (sent over
//! the IPC) and the command line's flags, so both export the same picture for the same choices.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::export::MAX_PNG_SIDE;

/// The smallest PNG scale a person can choose: one pixel per blueprint unit, as on screen at 100 %.
pub const MIN_PNG_SCALE: f64 = 1.0;

/// The largest PNG scale a person can choose: enough for print, before the size limit bites.
pub const MAX_PNG_SCALE: f64 = 4.0;

/// Paper sizes a blueprint can be printed across.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// ISO A3, 297 × 420 mm.
    A3,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

/// How a PDF export is put on pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "layout", rename_all = "snake_case")]
pub enum PageLayout {
    /// One page the size of the blueprint (scaled down if a side would pass the 14,400 pt most
    /// readers keep to).
    Fit,
    /// At full size across as many sheets of `paper` as it takes, with overlap and cut marks, for a
    /// wall.
    Tiled {
        /// The sheet size.
        paper: Paper,
        /// Sheets turned sideways.
        landscape: bool,
    },
}

/// The choices of one export.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ExportOptions {
    /// A title block above the blueprint: journey name, persona, workspace and date.
    pub title_block: bool,
    /// A legend below the blueprint: lane kinds and lines, markers, emotion scale, chips.
    pub legend: bool,
    /// The emotion curve.
    pub emotion: bool,
    /// Owner and entity chips on the cards.
    pub owners: bool,
    /// Hand-off markers on the arrows.
    pub handoffs: bool,
    /// The pain points' text written out under the blueprint (a picture has no tooltips).
    pub pain_notes: bool,
    /// The open comments as numbered notes under the blueprint, each card's number on the card;
    /// off unless asked, since comments are the team's conversation, not the map.
    pub comments: bool,
    /// A future state drawn under its current state, stage under stage, each card that changes
    /// tagged changed, removed or new; only a future state can be exported so.
    pub beside_current: bool,
    /// PNG: a transparent background instead of white.
    pub transparent: bool,
    /// PNG: pixels per blueprint unit (1–4); ignored when `width` is given.
    pub scale: f64,
    /// PNG: the width in pixels, the height following.
    pub width: Option<u32>,
    /// PDF: one fitted page, or tiled sheets.
    pub pages: PageLayout,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            title_block: true,
            legend: true,
            emotion: true,
            owners: true,
            handoffs: true,
            pain_notes: true,
            comments: false,
            beside_current: false,
            transparent: false,
            scale: 1.0,
            width: None,
            pages: PageLayout::Fit,
        }
    }
}

impl ExportOptions {
    /// Why a person cannot export with these choices, in words for them, or `None` when they can.
    /// The app's export dialog asks this as the choices change, and every export (the app's and the
    /// command line's) is refused with it: the rule is stated here only.
    pub fn problem(&self) -> Option<String> {
        match self.width {
            Some(width) if !(1..=MAX_PNG_SIDE).contains(&width) => Some(format!(
                "The PNG width must be a whole number of pixels from 1 to {}.",
                grouped(MAX_PNG_SIDE)
            )),
            Some(_) => None,
            None if !(MIN_PNG_SCALE..=MAX_PNG_SCALE).contains(&self.scale) => Some(format!(
                "The PNG scale must be from {MIN_PNG_SCALE}× to {MAX_PNG_SCALE}×."
            )),
            None => None,
        }
    }

    /// Exactly what the screen shows: no title block, legend or pain notes, everything else as drawn.
    pub fn as_on_screen() -> Self {
        ExportOptions {
            title_block: false,
            legend: false,
            pain_notes: false,
            ..ExportOptions::default()
        }
    }
}

/// `n` with its thousands separated by commas, as the messages write sizes (20,000).
fn grouped(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_outside_the_limits_are_refused_in_words() {
        let png = |scale: f64, width: Option<u32>| ExportOptions {
            scale,
            width,
            ..ExportOptions::default()
        };
        assert_eq!(png(1.0, None).problem(), None);
        assert_eq!(png(4.0, None).problem(), None);
        for scale in [0.5, 4.5, 0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(
                png(scale, None).problem().as_deref(),
                Some("The PNG scale must be from 1× to 4×."),
                "scale {scale}"
            );
        }
        assert_eq!(
            png(f64::NAN, Some(800)).problem(),
            None,
            "a width overrides the scale"
        );
        assert_eq!(png(1.0, Some(MAX_PNG_SIDE)).problem(), None);
        for width in [0, MAX_PNG_SIDE + 1, u32::MAX] {
            assert_eq!(
                png(1.0, Some(width)).problem().as_deref(),
                Some("The PNG width must be a whole number of pixels from 1 to 20,000."),
                "width {width}"
            );
        }
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(20_000), "20,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
