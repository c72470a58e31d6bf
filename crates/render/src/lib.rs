//! Lays a journey out into a [`Scene`] and writes scenes as SVG. The app's WebView draws the same scene,
//! so what the screen shows and what export writes come from one layout. Pure functions, no I/O: the
//! same journey gives the same bytes.

pub mod decorate;
pub mod embed;
pub mod export;
pub mod font;
pub mod layout;
pub mod network;
pub mod options;
pub mod pages;
pub mod path_data;
pub mod route;
pub mod scene;
pub mod scene_diff;
pub mod states;
pub mod svg;
pub mod theme;
#[cfg(test)]
mod theme_contrast;
pub mod wrap;

pub use decorate::{export_scene, export_states_scene, TitleInfo};
pub use font::Fonts;
pub use layout::{
    layout, layout_cached, layout_routed, layout_with, Annotations, ChipInput, LayoutMetrics,
    LayoutOptions, Routed, LAYOUT_METRICS, PERSONA_COLOURS,
};
pub use network::{layout_network, NetworkInput, NetworkKind, NetworkScene};
pub use options::{ExportOptions, PageLayout, Paper};
pub use scene::*;
pub use scene_diff::{ArrowShift, EmotionPatch, ListPatch, Placed, SceneDiff, Shift};
pub use states::{side_by_side, StateSide, StatesInput};
pub use svg::to_svg;
pub use wrap::WrapCache;
