//! Text measurement with the font that ships in `assets/`, which the WebView and every export draw
//! with too, so a line wrapped here fits wherever it is drawn.

use ttf_parser::Face;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");

/// Renderers apply kerning and round differently; measuring a little wide keeps a wrapped line from
/// overflowing its box in any of them.
const SLACK: f64 = 1.02;

/// One face with its advances for ASCII cached, since card text is mostly ASCII and measuring 10,000
/// cards must take milliseconds.
pub struct Font {
    face: Face<'static>,
    units_per_em: f64,
    ascii: [f64; 128],
    /// Width, in em, of a character the face has no glyph for (CJK and emoji are about square).
    missing: f64,
}

impl Font {
    fn parse(data: &'static [u8]) -> Font {
        // The font is compiled in; a test parses both faces, so this cannot fail at run time.
        let face = Face::parse(data, 0).expect("the embedded font parses");
        let units_per_em = f64::from(face.units_per_em());
        let mut font = Font {
            face,
            units_per_em,
            ascii: [0.0; 128],
            missing: 1.0,
        };
        for c in 0u8..128 {
            font.ascii[c as usize] = font.glyph_em(c as char);
        }
        font
    }

    fn glyph_em(&self, c: char) -> f64 {
        self.face
            .glyph_index(c)
            .and_then(|g| self.face.glyph_hor_advance(g))
            .map(|a| f64::from(a) / self.units_per_em)
            .unwrap_or(if c.is_control() { 0.0 } else { self.missing })
    }

    /// Width of `text` set at `size` pixels, including the safety slack.
    pub fn width(&self, text: &str, size: f64) -> f64 {
        let em: f64 = text
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    self.ascii[c as usize]
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
            regular: Font::parse(REGULAR),
            bold: Font::parse(BOLD),
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
mod tests {
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
        assert!(fonts.regular.width("保险", 13.0) >= 2.0 * 13.0);
    }
}
