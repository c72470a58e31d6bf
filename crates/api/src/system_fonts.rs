//! The system's fonts for the renderer's fallback chain. The renderer reads no files of its own; the
//! app and the CLI call [`use_system_fonts`] once at start, and the search runs only when a character
//! the embedded Noto Sans lacks is first measured or exported.

use throughline_render::font::{search_fallbacks_with, FallbackFaces};
use usvg::fontdb;

/// Lets the renderer measure and draw the scripts Noto Sans lacks (Hebrew, Arabic, CJK…) in the
/// system's faces of its fallback chain, the faces the WebView picks for the same text.
pub fn use_system_fonts() {
    search_fallbacks_with(system_fallbacks);
}

/// Loads the system's fonts and keeps the chain's faces among them.
fn system_fallbacks() -> FallbackFaces {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    FallbackFaces::in_database(&db)
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_render::font::fallback_faces;

    #[test]
    fn the_system_gives_the_chain_its_faces() {
        use_system_fonts();
        let faces = fallback_faces();
        for c in ['漢', 'ע', 'ع'] {
            assert!(
                faces.face_for(c, 400).is_some(),
                "no system font draws {c:?}: install fonts-noto-core and fonts-droid-fallback (cargo xtask setup does)"
            );
        }
    }
}
