//! Limits on user text and the one place text is cleaned before it is stored.

/// Longest card text, in characters: a long paragraph, far more than a card shows, so a pasted
/// document is refused instead of silently making a giant card.
pub const MAX_TEXT_CHARS: usize = 5_000;

/// Longest name (journey, stage, lane, entity, channel), in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Removes control characters (they draw as nothing or break the SVG) but keeps line breaks and tabs in
/// multi-line text. Every other Unicode character, CJK, right-to-left and emoji included, is kept.
pub fn clean_text(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
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
    fn names_are_one_line() {
        assert_eq!(clean_name("  Report\nclaim\t "), "Report claim");
    }
}
