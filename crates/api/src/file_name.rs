//! File names made from journey names: readable, safe on every common file system, and short enough
//! in bytes for a numbered suffix and an extension to fit.

/// Longest file stem, in bytes of UTF-8. File systems limit a name to 255 bytes (not characters: a
/// CJK character takes three), so this leaves room for a "-99" or " (2)" suffix and an extension.
pub const MAX_STEM_BYTES: usize = 200;

/// Names Windows keeps for devices, with or without an extension, in any case: a file called `nul.svg`
/// cannot be made there, and a folder holding one cannot be copied to it.
const RESERVED: [&str; 4] = ["con", "prn", "aux", "nul"];

/// A file name for a journey: its name with anything awkward in a file name replaced (only letters and
/// digits of any script, `-` and `_` are kept, and no dot or space begins or ends it), lower case, at
/// most [`MAX_STEM_BYTES`] bytes cut on a character boundary, never a reserved device name, never
/// empty.
pub fn file_stem(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let collapsed = cleaned
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase();
    let cut = cut_at_boundary(&collapsed, MAX_STEM_BYTES).trim_end_matches('-');
    if cut.is_empty() {
        "journey".into()
    } else if is_reserved(cut) {
        format!("{cut}-journey")
    } else {
        cut.to_owned()
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn cut_at_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let end = (0..=max)
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0);
    &s[..end]
}

/// Whether `stem` (lower case) is a device name Windows reserves: CON, PRN, AUX, NUL, COM1–COM9,
/// LPT1–LPT9 (the superscript digits too).
fn is_reserved(stem: &str) -> bool {
    if RESERVED.contains(&stem) {
        return true;
    }
    let mut chars = stem.chars();
    let prefix: String = chars.by_ref().take(3).collect();
    let digit: Vec<char> = chars.collect();
    (prefix == "com" || prefix == "lpt")
        && matches!(digit.as_slice(), ['1'..='9' | '¹' | '²' | '³'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe_and_readable() {
        assert_eq!(file_stem("Home insurance claim"), "home-insurance-claim");
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("保险 claim"), "保险-claim");
        assert_eq!(file_stem("  ///  "), "journey");
        assert_eq!(file_stem("..."), "journey");
        assert_eq!(file_stem(" . . "), "journey");
        assert_eq!(file_stem(". Hotel stay ."), "hotel-stay");
        assert_eq!(file_stem("..hidden"), "hidden");
    }

    #[test]
    fn long_names_are_cut_in_bytes_on_a_character_boundary() {
        let cjk = "医院就诊".repeat(21);
        assert_eq!(cjk.chars().count(), 84);
        let stem = file_stem(&cjk);
        assert!(stem.len() <= MAX_STEM_BYTES, "{} bytes", stem.len());
        assert_eq!(stem.len(), 198, "66 characters of three bytes");
        assert!(cjk.starts_with(&stem));
        let mixed = format!("a{}", "é".repeat(150));
        assert_eq!(file_stem(&mixed).len(), 199);
        let latin = "coffee ".repeat(60);
        let stem = file_stem(&latin);
        assert!(
            stem.len() <= MAX_STEM_BYTES && !stem.ends_with('-'),
            "{stem}"
        );
        assert_eq!(file_stem(&"x".repeat(500)).len(), MAX_STEM_BYTES);
    }

    #[test]
    fn reserved_device_names_are_changed() {
        for name in [
            "CON", "con", "Nul", "PRN", "aux", "COM1", "com9", "LPT1", "lpt9", "COM¹", " aux ",
            "Nul.", "..con..",
        ] {
            let stem = file_stem(name);
            assert!(stem.ends_with("-journey"), "{name:?} gave {stem:?}");
            assert!(!is_reserved(&stem), "{stem}");
        }
        for fine in ["console", "com", "com10", "lpt0", "nully", "auxiliary"] {
            assert_eq!(file_stem(fine), fine);
        }
        // The dot becomes a dash, so what Windows would read as the name is the whole stem.
        assert_eq!(file_stem("nul.txt"), "nul-txt");
        assert_eq!(file_stem("CON.svg"), "con-svg");
    }
}
