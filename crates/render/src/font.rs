//! Text measurement with the font that ships in `assets/`, which the WebView and every export draw
//! with too, so a line wrapped here fits wherever it is drawn.
//!
//! Noto Sans has no Hebrew, Arabic, CJK or emoji. For those characters every renderer walks the same
//! fallback chain, [`FALLBACK_FAMILIES`]: the WebView through the CSS family list ([`css_family_list`],
//! carried in every scene), the exports through [`FallbackFaces`] (loaded into usvg's font database
//! with a fallback selector that follows the same order), and this module's measuring through the very
//! same faces. The chain's faces come from the system, but this crate does not look for them: the app
//! and the CLI hand in the search ([`search_fallbacks_with`]), which runs once and lazily — only when a
//! character outside Noto Sans is first measured or exported — so start-up and Latin-only workspaces
//! never pay for scanning the system's fonts, and without a search the same input lays out and
//! exports the same on every machine.

use std::collections::HashMap;
use std::sync::OnceLock;

use ttf_parser::Face;
use usvg::fontdb;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");

/// The family of the embedded faces, first in every family list.
pub const PRIMARY_FAMILY: &str = "Noto Sans";

/// The system families tried, in this order, for a character Noto Sans lacks — by the measuring here,
/// by the exports and (through [`css_family_list`]) by the WebView, so all three pick the same face.
/// Script-specific Noto faces come first since they match Noto Sans best; Droid Sans Fallback is the
/// CJK face most Linux machines have when Noto CJK is missing; DejaVu Sans covers many symbols last.
/// Colour emoji fonts are left out on purpose: their glyphs are bitmaps, which the rasteriser does not
/// draw and the PDF writer cannot subset (the whole PDF would fail); emoji use the outline Noto Emoji
/// when it is installed.
pub const FALLBACK_FAMILIES: &[&str] = &[
    "Noto Sans Hebrew",
    "Noto Sans Arabic",
    "Noto Sans CJK SC",
    "Droid Sans Fallback",
    "Noto Emoji",
    "DejaVu Sans",
];

/// The CSS `font-family` value for every blueprint text: Noto Sans, then [`FALLBACK_FAMILIES`], then
/// the generic `sans-serif`. The SVG stylesheet uses it and every scene carries it to the UI, so the
/// screen and the exports ask for the same faces in the same order.
pub fn css_family_list() -> String {
    let mut list = String::new();
    for family in std::iter::once(&PRIMARY_FAMILY).chain(FALLBACK_FAMILIES) {
        list.push('\'');
        list.push_str(family);
        list.push_str("',");
    }
    list.push_str("sans-serif");
    list
}

/// Whether the embedded Noto Sans draws `c` (both weights cover the same characters).
pub fn primary_has(c: char) -> bool {
    static FACE: OnceLock<Face<'static>> = OnceLock::new();
    FACE.get_or_init(|| Face::parse(REGULAR, 0).expect("the embedded font parses"))
        .glyph_index(c)
        .is_some()
}

/// One fallback face found on this system.
pub struct SystemFace {
    /// The chain family it was found for.
    pub family: &'static str,
    /// The font file's bytes. Leaked: faces are found once per process and used until it exits (by
    /// every measurement and export), and a `'static` slice lets ttf-parser and fontdb borrow it
    /// without copying; at most a few files' worth, so the leak is bounded.
    pub data: &'static [u8],
    /// The face's index within a collection file (`.ttc`).
    pub index: u32,
    face: Face<'static>,
    units_per_em: f64,
}

impl SystemFace {
    /// Whether this face draws `c`.
    pub fn has(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }

    fn advance_em(&self, c: char) -> Option<f64> {
        let g = self.face.glyph_index(c)?;
        Some(f64::from(self.face.glyph_hor_advance(g)?) / self.units_per_em)
    }
}

/// The faces of [`FALLBACK_FAMILIES`] present on this system, in chain order, for each weight.
pub struct FallbackFaces {
    /// Every distinct face found (a family without a bold face serves both weights).
    pub faces: Vec<SystemFace>,
    /// Indices into `faces`, in chain order, for regular text.
    pub regular: Vec<usize>,
    /// Indices into `faces`, in chain order, for bold text.
    pub bold: Vec<usize>,
}

impl FallbackFaces {
    /// The chain for a weight (700 and above is bold), in order.
    pub fn chain(&self, weight: u16) -> impl Iterator<Item = &SystemFace> {
        let order = if weight >= 700 {
            &self.bold
        } else {
            &self.regular
        };
        order.iter().map(|&i| &self.faces[i])
    }

    /// The first face of the chain for `weight` that draws `c`, as the exports and the WebView pick it.
    pub fn face_for(&self, c: char, weight: u16) -> Option<&SystemFace> {
        self.chain(weight).find(|f| f.has(c))
    }

    /// No faces: every character Noto Sans lacks is measured and drawn as a missing glyph.
    const NONE: FallbackFaces = FallbackFaces {
        faces: Vec::new(),
        regular: Vec::new(),
        bold: Vec::new(),
    };

    /// The faces of [`FALLBACK_FAMILIES`] among those of `db`, in chain order for each weight: what a
    /// search hands back once it has loaded the system's fonts into a database.
    pub fn in_database(db: &fontdb::Database) -> FallbackFaces {
        let mut found = FallbackFaces {
            faces: Vec::new(),
            regular: Vec::new(),
            bold: Vec::new(),
        };
        let mut by_id: HashMap<fontdb::ID, usize> = HashMap::new();
        for &family in FALLBACK_FAMILIES {
            for weight in [400u16, 700] {
                let query = fontdb::Query {
                    families: &[fontdb::Family::Name(family)],
                    weight: fontdb::Weight(weight),
                    ..fontdb::Query::default()
                };
                let Some(id) = db.query(&query) else { continue };
                let slot = match by_id.get(&id) {
                    Some(&i) => Some(i),
                    None => db
                        .with_face_data(id, |data, index| (data.to_vec(), index))
                        .and_then(|(data, index)| {
                            let data: &'static [u8] = Box::leak(data.into_boxed_slice());
                            let face = Face::parse(data, index).ok()?;
                            let units_per_em = f64::from(face.units_per_em());
                            found.faces.push(SystemFace {
                                family,
                                data,
                                index,
                                face,
                                units_per_em,
                            });
                            by_id.insert(id, found.faces.len() - 1);
                            Some(found.faces.len() - 1)
                        }),
                };
                if let Some(i) = slot {
                    let order = if weight >= 700 {
                        &mut found.bold
                    } else {
                        &mut found.regular
                    };
                    order.push(i);
                }
            }
        }
        found
    }
}

/// A search for the fallback chain's faces, which reads the system's fonts.
pub type FaceSearch = fn() -> FallbackFaces;

static SEARCH: OnceLock<FaceSearch> = OnceLock::new();

/// Hands in how to find the fallback chain's faces. The app and the CLI give the system's fonts
/// (`throughline_api::use_system_fonts`); the search runs the first time a character Noto Sans lacks
/// is measured or exported, and the first search handed in is the one kept.
pub fn search_fallbacks_with(search: FaceSearch) {
    // A second search is ignored on purpose: faces already measured with must stay the faces used.
    let _ = SEARCH.set(search);
}

/// The fallback faces: those the search handed in finds, the first time they are needed, kept for the
/// process; none while no search has been handed in.
pub fn fallback_faces() -> &'static FallbackFaces {
    static FOUND: OnceLock<FallbackFaces> = OnceLock::new();
    static NONE: FallbackFaces = FallbackFaces::NONE;
    match SEARCH.get() {
        Some(&search) => FOUND.get_or_init(search),
        None => &NONE,
    }
}

/// Renderers apply kerning and round differently; measuring a little wide keeps a wrapped line from
/// overflowing its box in any of them.
const SLACK: f64 = 1.02;

/// One face with its advances for ASCII cached, since card text is mostly ASCII and measuring 10,000
/// cards must take milliseconds. Characters the face lacks are measured in the fallback chain's face.
pub struct Font {
    face: Face<'static>,
    units_per_em: f64,
    weight: u16,
    /// Advances of the ASCII characters in font units: whole numbers, so a run of them is summed
    /// exactly and without a chain of floating-point additions.
    ascii: [u32; 128],
    /// Width, in em, of a character no face has a glyph for (CJK and emoji are about square).
    missing: f64,
}

impl Font {
    fn parse(data: &'static [u8], weight: u16) -> Font {
        // The font is compiled in; a test parses both faces, so this cannot fail at run time.
        let face = Face::parse(data, 0).expect("the embedded font parses");
        let units_per_em = f64::from(face.units_per_em());
        let mut font = Font {
            face,
            units_per_em,
            weight,
            ascii: [0; 128],
            missing: 1.0,
        };
        for c in 0u8..128 {
            let units = font.glyph_em(c as char) * units_per_em;
            font.ascii[c as usize] = units.round() as u32;
        }
        font
    }

    fn glyph_em(&self, c: char) -> f64 {
        if let Some(a) = self
            .face
            .glyph_index(c)
            .and_then(|g| self.face.glyph_hor_advance(g))
        {
            return f64::from(a) / self.units_per_em;
        }
        if c.is_control() {
            return 0.0;
        }
        // Only now, for a character Noto Sans lacks, are the system's fonts looked at.
        fallback_faces()
            .face_for(c, self.weight)
            .and_then(|f| f.advance_em(c))
            .unwrap_or(self.missing)
    }

    /// Width of `text` set at `size` pixels, including the safety slack.
    pub fn width(&self, text: &str, size: f64) -> f64 {
        if text.is_ascii() {
            let units: u64 = text
                .bytes()
                .map(|b| u64::from(self.ascii[usize::from(b)]))
                .sum();
            return units as f64 / self.units_per_em * size * SLACK;
        }
        let em: f64 = text
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    f64::from(self.ascii[c as usize]) / self.units_per_em
                } else {
                    self.glyph_em(c)
                }
            })
            .sum();
        em * size * SLACK
    }
}

/// The two faces Throughline draws with: regular for card text, bold for headings.
pub struct Fonts {
    /// Noto Sans Regular.
    pub regular: Font,
    /// Noto Sans Bold.
    pub bold: Font,
}

impl Fonts {
    /// The faces embedded from `assets/fonts`.
    pub fn embedded() -> Fonts {
        Fonts {
            regular: Font::parse(REGULAR, 400),
            bold: Font::parse(BOLD, 700),
        }
    }

    /// The face for a weight (700 and above is bold).
    pub fn for_weight(&self, weight: u16) -> &Font {
        if weight >= 700 {
            &self.bold
        } else {
            &self.regular
        }
    }
}

/// The raw bytes of the embedded faces, for renderers that need the font itself (PNG and PDF export).
pub fn font_data() -> [&'static [u8]; 2] {
    [REGULAR, BOLD]
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn measures_grow_with_text_and_size_and_bold_is_wider() {
        let fonts = Fonts::embedded();
        let a = fonts.regular.width("Calls the claims line", 13.0);
        assert!(a > 100.0 && a < 160.0, "plausible width {a}");
        assert!(fonts.regular.width("Calls the claims line", 26.0) > 1.9 * a);
        assert!(fonts.bold.width("Calls the claims line", 13.0) > a);
        assert_eq!(fonts.regular.width("", 13.0), 0.0);
    }

    #[test]
    fn characters_without_a_glyph_still_take_room() {
        let fonts = Fonts::embedded();
        // In the fallback face if the system has one (CJK advances are 1 em), else as a square box.
        assert!(fonts.regular.width("保险", 13.0) >= 1.9 * 13.0);
        assert!(
            fonts.regular.width("\u{10FFFD}", 13.0) >= 13.0,
            "no face has a private-use char"
        );
    }

    #[test]
    fn the_family_list_starts_with_noto_sans_and_walks_the_chain_in_order() {
        let list = css_family_list();
        assert!(
            list.starts_with("'Noto Sans','Noto Sans Hebrew',"),
            "{list}"
        );
        assert!(list.ends_with(",'DejaVu Sans',sans-serif"), "{list}");
        let mut at = 0;
        for family in FALLBACK_FAMILIES {
            let found = list[at..].find(&format!("'{family}'")).expect(family);
            at += found;
        }
        assert_eq!(crate::theme::TextStyles::standard().family, list);
    }

    /// The system's fonts as the app's search finds them, for the tests that measure and draw the
    /// scripts Noto Sans lacks (this crate itself never reads them).
    pub(crate) fn use_system_fonts() {
        search_fallbacks_with(|| {
            let mut db = fontdb::Database::new();
            db.load_system_fonts();
            FallbackFaces::in_database(&db)
        });
    }

    #[test]
    fn without_a_search_no_system_font_is_used() {
        let none = FallbackFaces::NONE;
        assert!(none.face_for('ע', 400).is_none());
        assert_eq!(none.chain(700).count(), 0);
    }

    /// The face the chain gives `c`. The setup installs the chain's faces (`cargo xtask setup`), so a
    /// machine without one fails here, naming the packages, rather than passing with nothing checked.
    fn fallback_for(c: char, weight: u16) -> &'static SystemFace {
        use_system_fonts();
        fallback_faces().face_for(c, weight).unwrap_or_else(|| {
            panic!("no system font draws {c:?}: install fonts-noto-core and fonts-droid-fallback (cargo xtask setup does)")
        })
    }

    #[test]
    fn scripts_noto_sans_lacks_are_measured_in_the_chains_face() {
        use_system_fonts();
        let fonts = Fonts::embedded();
        for (text, weight) in [
            ("עברית", 400),
            ("العربية", 400),
            ("漢字保险", 400),
            ("עברית", 700),
        ] {
            let font = fonts.for_weight(weight);
            let mut expected = 0.0;
            for c in text.chars() {
                assert!(!primary_has(c), "Noto Sans lacks {c:?}");
                let face = fallback_for(c, weight);
                expected += face.advance_em(c).unwrap();
            }
            let w = font.width(text, 20.0);
            assert!(
                (w - expected * 20.0 * SLACK).abs() < 1e-9,
                "{text}: {w} vs {expected} em"
            );
        }
        // Hebrew letters are narrower than the square box a missing glyph is measured as.
        fallback_for('ע', 400);
        assert!(fonts.regular.width("עברית", 20.0) < 5.0 * 20.0 * 0.8);
    }

    #[test]
    fn the_chain_prefers_script_faces_in_order() {
        assert_eq!(fallback_for('ש', 400).family, "Noto Sans Hebrew");
        assert_eq!(fallback_for('ع', 700).family, "Noto Sans Arabic");
    }
}
