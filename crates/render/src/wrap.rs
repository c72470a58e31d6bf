//! Greedy line wrapping by measured width, done once in Rust so no renderer wraps on its own.

use rustc_hash::FxHashMap;

use crate::font::Font;

/// Breaks `text` into lines no wider than `max_width` at `size`: explicit line breaks are kept, words
/// are kept whole where they fit, and a word wider than a line is split between characters.
pub fn wrap(text: &str, font: &Font, size: f64, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let space = font.width(" ", size);
    for paragraph in text.split('\n') {
        // Room for a card's line of text, so a line is not grown word by word.
        let mut line = String::with_capacity(paragraph.len().min(48));
        let mut line_width = 0.0;
        for word in paragraph.split_whitespace() {
            let w = font.width(word, size);
            if !line.is_empty() && line_width + space + w <= max_width {
                line.push(' ');
                line.push_str(word);
                line_width += space + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::replace(
                    &mut line,
                    String::with_capacity(paragraph.len().min(48)),
                ));
            }
            if w <= max_width {
                line.push_str(word);
                line_width = w;
                continue;
            }
            // A word longer than a whole line: fill lines character by character.
            line_width = 0.0;
            for c in word.chars() {
                let cw = font.width(c.encode_utf8(&mut [0; 4]), size);
                if !line.is_empty() && line_width + cw > max_width {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += cw;
            }
        }
        lines.push(line);
    }
    lines
}

/// Like [`wrap`], but at most `max_lines` lines; when text is cut, the last line ends in an ellipsis.
pub fn wrap_clamped(
    text: &str,
    font: &Font,
    size: f64,
    max_width: f64,
    max_lines: usize,
) -> Vec<String> {
    let mut lines = wrap(text, font, size, max_width);
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && font.width(&format!("{last}…"), size) > max_width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

/// Card texts already wrapped, so laying a journey out again after an edit re-measures only the cards
/// whose text changed. Wrapping is most of the layout's cost at thousands of cards.
#[derive(Default)]
pub struct WrapCache {
    lines: FxHashMap<String, Vec<String>>,
    misses: usize,
    single_use: bool,
}

impl WrapCache {
    /// A cache that keeps nothing, for a layout done once (an export, a picture, a benchmark): storing
    /// every text and its lines would cost a copy of each and never be looked up again.
    pub fn single_use() -> WrapCache {
        WrapCache {
            single_use: true,
            ..WrapCache::default()
        }
    }

    /// [`wrap_clamped`] for card text with the given settings, from the cache when the text was wrapped
    /// before. Every card shares one width, size and face, so the text alone is the key.
    pub fn card(
        &mut self,
        text: &str,
        font: &Font,
        size: f64,
        max_width: f64,
        max_lines: usize,
    ) -> Vec<String> {
        if self.single_use {
            return wrap_clamped(text, font, size, max_width, max_lines);
        }
        if let Some(lines) = self.lines.get(text) {
            return lines.clone();
        }
        // Keep the cache from growing without bound as texts are edited: start over now and then.
        self.misses += 1;
        if self.misses > 4 * self.lines.len().max(1024) {
            self.lines.clear();
            self.misses = 0;
        }
        let lines = wrap_clamped(text, font, size, max_width, max_lines);
        self.lines.insert(text.to_owned(), lines.clone());
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Fonts;

    #[test]
    fn every_line_fits_and_no_word_is_lost() {
        let fonts = Fonts::embedded();
        let f = &fonts.regular;
        let text = "Adjuster schedules a site visit and phones the customer to confirm the time";
        let lines = wrap(text, f, 13.0, 120.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(f.width(l, 13.0) <= 120.0, "{l:?} fits");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn long_words_are_split_and_breaks_kept() {
        let fonts = Fonts::embedded();
        let f = &fonts.regular;
        let lines = wrap(
            "a\nSupercalifragilisticexpialidocious-and-more-and-more",
            f,
            13.0,
            80.0,
        );
        assert_eq!(lines[0], "a");
        assert!(lines.len() >= 3);
        assert!(lines.iter().all(|l| f.width(l, 13.0) <= 80.0));
        assert_eq!(wrap("", f, 13.0, 80.0), vec![String::new()]);
    }

    #[test]
    fn clamping_ends_in_an_ellipsis() {
        let fonts = Fonts::embedded();
        let long = "word ".repeat(200);
        let lines = wrap_clamped(&long, &fonts.regular, 13.0, 100.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
    }

    #[test]
    fn cjk_and_hebrew_wrap_by_the_fallback_faces_widths() {
        crate::font::tests::use_system_fonts();
        let fonts = Fonts::embedded();
        let font = &fonts.regular;
        for text in [
            "保险理赔客户致电理赔热线并提交照片与发票等待审核结果",
            "הלקוח מתקשר למוקד התביעות ושולח תמונות וחשבוניות לבדיקה",
        ] {
            let first = text.chars().next().unwrap();
            assert!(
                crate::font::fallback_faces().face_for(first, 400).is_some(),
                "no system font draws {first:?}: install fonts-noto-core and fonts-droid-fallback (cargo xtask setup does)"
            );
            let max = 160.0;
            let lines = wrap(text, font, 13.0, max);
            assert!(lines.len() > 1, "{text} wraps");
            for (i, line) in lines.iter().enumerate() {
                assert!(font.width(line, 13.0) <= max, "{line} fits");
                // Greedy: the next word or character would not have fitted.
                if let Some(next) = lines.get(i + 1) {
                    let with_next = if line.contains(' ') || next.contains(' ') {
                        format!("{line} {}", next.split(' ').next().unwrap())
                    } else {
                        format!("{line}{}", next.chars().next().unwrap())
                    };
                    assert!(
                        font.width(&with_next, 13.0) > max,
                        "{with_next} would overflow"
                    );
                }
            }
            // Measured by the real advances: Hebrew lines hold far more letters than square boxes would.
            let per_line = lines[0].chars().count() as f64;
            assert!(
                per_line >= (max / 13.0 / 1.02).floor() - 1.0,
                "{per_line} chars on a line"
            );
        }
    }
}
