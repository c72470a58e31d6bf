//! Limits on user text and the one place text is cleaned before it is stored.

/// Longest card text, in characters: a long paragraph, far more than a card shows, so a pasted
/// document is refused instead of silently making a giant card.
pub const MAX_TEXT_CHARS: usize = 5_000;

/// Longest name (journey, stage, lane, entity, channel), in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Removes control characters and Unicode noncharacters (they draw as nothing, and U+FFFE and U+FFFF
/// cannot be written in XML at all, so they would break the SVG) but keeps line breaks and tabs in
/// multi-line text. Every other Unicode character, CJK, right-to-left and emoji included, is kept.
pub fn clean_text(s: &str) -> String {
    s.chars()
        .filter(|c| (!c.is_control() || *c == '\n' || *c == '\t') && !is_noncharacter(*c))
        .collect()
}

/// Whether `c` is one of the 66 Unicode noncharacters: U+FDD0–U+FDEF, and the last two code points of
/// every plane (U+FFFE, U+FFFF, U+1FFFE, U+1FFFF … U+10FFFF). They are for a program's internal use
/// and never belong in a document.
pub fn is_noncharacter(c: char) -> bool {
    let c = c as u32;
    (0xFDD0..=0xFDEF).contains(&c) || c & 0xFFFE == 0xFFFE
}

/// Like [`clean_text`] for one-line names: line breaks and tabs become spaces and the ends are trimmed.
pub fn clean_name(s: &str) -> String {
    clean_text(s)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_go_and_unicode_stays() {
        assert_eq!(clean_text("a\u{0}b\u{7}c\nd"), "abc\nd");
        assert_eq!(clean_text("保险 تأمين 🏠"), "保险 تأمين 🏠");
    }

    #[test]
    fn every_noncharacter_goes() {
        let nonchars: Vec<char> = (0xFDD0..=0xFDEF)
            .chain((0..=0x10).flat_map(|plane| [plane << 16 | 0xFFFE, plane << 16 | 0xFFFF]))
            .map(|c| char::from_u32(c).unwrap())
            .collect();
        assert_eq!(nonchars.len(), 66);
        let all: String = nonchars.iter().collect();
        assert_eq!(clean_text(&format!("a{all}b")), "ab");
        assert_eq!(clean_name(" \u{FFFE}Check in\u{10FFFF} "), "Check in");
        let count = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| is_noncharacter(*c))
            .count();
        assert_eq!(count, 66, "exactly the noncharacters");
        for kept in [
            '\u{FDCF}',
            '\u{FDF0}',
            '\u{FFFD}',
            '\u{1FFFD}',
            '\u{E000}',
            '🏠',
        ] {
            assert!(!is_noncharacter(kept), "{kept:?}");
        }
    }

    #[test]
    fn names_are_one_line() {
        assert_eq!(clean_name("  Report\nclaim\t "), "Report claim");
    }
}
