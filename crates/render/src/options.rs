//! What a person exporting a blueprint chooses: what the picture includes besides the blueprint, its
//! size and background, and how a PDF is put on pages. One type for the app's export dialog (sent over
//! the IPC) and the command line's flags, so both export the same picture for the same choices.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
            transparent: false,
            scale: 1.0,
            width: None,
            pages: PageLayout::Fit,
        }
    }
}

impl ExportOptions {
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
