//! One cell at a time: the guard against spreadsheet formulas written on export and taken off on
//! import, the characters dropped before the usual text cleaning, and the readings of yes/no cells,
//! emotion scores and severities.

use crate::text::{clean_name, clean_text};
use crate::Severity;

/// Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage return, that
/// some spreadsheets drop in front of one).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `cell`, with its leading `'` guards taken off, would start a formula.
fn guarded_start(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .starts_with(FORMULA_STARTS.as_slice())
}

/// A cell as an export writes it: one `'` put in front when it would otherwise start a formula in a
/// spreadsheet (`=`, `+`, `-`, `@`, tab or carriage return, after any `'` it already starts with),
/// unless it is a plain number such as an emotion of -1. [`unescape_formula`] takes exactly that `'`
/// off again, so an export imports back to the same text.
pub fn escape_formula(cell: &str) -> String {
    if guarded_start(cell) && cell.trim().parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// A cell as an import reads it: the one `'` that [`escape_formula`] adds taken off.
pub fn unescape_formula(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if guarded_start(rest) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// A multi-line cell (text, pain point, notes) as it is stored: cleaned like anything typed
/// ([`clean_text`], which drops control characters and noncharacters).
pub fn text_cell(s: &str) -> String {
    clean_text(s)
}

/// A one-line cell (stage, lane, owner, channel) as it is stored: cleaned like any typed name
/// ([`clean_name`]).
pub fn name_cell(s: &str) -> String {
    clean_name(s)
}

/// The words a yes/no cell may hold, as the preview lists them.
pub const BOOLEAN_WORDS: &str = "yes, no, true, false, 1, 0, x, ✓ or empty";

/// A yes/no cell: yes, true, 1, x, ✓ (or ✔) for yes; no, false, 0 or empty for no; any case.
pub fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "x" | "✓" | "✔" => Some(true),
        "no" | "n" | "false" | "0" | "" => Some(false),
        _ => None,
    }
}

/// An emotion cell: a whole number from −2 to +2 (`+1`, `-1` and the typographic minus `−1` too), or
/// nothing when empty.
pub fn parse_emotion(s: &str) -> Result<Option<i8>, ()> {
    let s = s.trim().replace('−', "-");
    if s.is_empty() {
        return Ok(None);
    }
    match s.strip_prefix('+').unwrap_or(&s).parse::<i8>() {
        Ok(n) if (-2..=2).contains(&n) => Ok(Some(n)),
        _ => Err(()),
    }
}

/// A severity cell: low, medium or high (any case); medium when empty.
pub fn parse_severity(s: &str) -> Option<Severity> {
    match s.trim().to_lowercase().as_str() {
        "" | "medium" | "med" => Some(Severity::Medium),
        "low" => Some(Severity::Low),
        "high" => Some(Severity::High),
        _ => None,
    }
}

/// How an export writes a severity.
pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_guards_round_trip() {
        for text in [
            "=SUM(A1:A3)",
            "+44 20 7946 0000",
            "-5 degrees outside",
            "@mention",
            "'=already quoted",
            "''=twice",
            "'plain quote",
            "plain",
            "-1",
            "",
            "\t=tabbed",
        ] {
            let out = escape_formula(text);
            assert_eq!(unescape_formula(&out), text, "{text:?} via {out:?}");
            assert!(!out.starts_with(FORMULA_STARTS.as_slice()) || out == "-1");
        }
        assert_eq!(escape_formula("=1+1"), "'=1+1");
        assert_eq!(escape_formula("-1"), "-1");
        assert_eq!(unescape_formula("'hello"), "'hello");
    }

    #[test]
    fn cells_lose_control_characters_and_noncharacters() {
        assert_eq!(text_cell("a\u{FFFE}b\u{7}c\u{FDD0}\nd\u{10FFFF}"), "abc\nd");
        assert_eq!(name_cell("  Check\u{FFFF}-in\n"), "Check-in");
    }

    #[test]
    fn yes_no_emotion_and_severity_readings() {
        for yes in ["yes", "YES", "true", "1", "x", "X", "✓", " y "] {
            assert_eq!(parse_bool(yes), Some(true), "{yes}");
        }
        for no in ["no", "False", "0", "", "  "] {
            assert_eq!(parse_bool(no), Some(false), "{no}");
        }
        assert_eq!(parse_bool("maybe"), None);
        assert_eq!(parse_emotion("+2"), Ok(Some(2)));
        assert_eq!(parse_emotion("−1"), Ok(Some(-1)));
        assert_eq!(parse_emotion(" "), Ok(None));
        assert_eq!(parse_emotion("3"), Err(()));
        assert_eq!(parse_emotion("great"), Err(()));
        assert_eq!(parse_emotion("1.5"), Err(()));
        assert_eq!(parse_severity("HIGH"), Some(Severity::High));
        assert_eq!(parse_severity(""), Some(Severity::Medium));
        assert_eq!(parse_severity("urgent"), None);
    }
}
