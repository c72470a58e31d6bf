//! The limits the UI must know, in one struct the bindings test writes out for it.

use serde::Serialize;
use ts_rs::TS;

/// The limits the model and the exports enforce, which the UI states before an edit or an export is
/// refused: defined once in Rust.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Limits {
    /// Most personas on one journey.
    pub max_journey_personas: u32,
    /// Most characters in a free text (description, notes, a persona's goals…).
    pub max_text_chars: u32,
    /// Most characters in a name.
    pub max_name_chars: u32,
    /// Largest persona picture, in bytes.
    pub max_picture_bytes: u32,
    /// Widest and tallest PNG an export makes, in pixels.
    pub max_png_side: u32,
    /// Most insights on one card.
    pub max_insights: u32,
    /// Most characters in an insight's reference (a link or a file name).
    pub max_reference_chars: u32,
    /// Most characters in a comment.
    pub max_comment_chars: u32,
    /// Most comments on one journey.
    pub max_journey_comments: u32,
}

/// The limits' values, written for the UI by the bindings test.
pub const LIMITS: Limits = Limits {
    max_journey_personas: throughline_core::persona::MAX_JOURNEY_PERSONAS as u32,
    max_text_chars: throughline_core::text::MAX_TEXT_CHARS as u32,
    max_name_chars: throughline_core::text::MAX_NAME_CHARS as u32,
    max_picture_bytes: throughline_core::persona::MAX_PICTURE_BYTES as u32,
    max_png_side: throughline_render::export::MAX_PNG_SIDE,
    max_insights: throughline_core::evidence::MAX_INSIGHTS as u32,
    max_reference_chars: throughline_core::evidence::MAX_REFERENCE_CHARS as u32,
    max_comment_chars: throughline_core::comment::MAX_COMMENT_CHARS as u32,
    max_journey_comments: throughline_core::comment::MAX_JOURNEY_COMMENTS as u32,
};
