//! File names of journeys: readable in a file list and a Git log, safe on every file system.

use crate::Journey;

/// Longest slug, in bytes, so a path stays well under every file system's limits.
pub const MAX_SLUG_BYTES: usize = 48;

/// The journey's name as a file-name part: ASCII letters and digits in lower case, every other run of
/// characters one dash, no dash at either end, at most [`MAX_SLUG_BYTES`] bytes; "journey" when nothing
/// is left.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            if out.len() >= MAX_SLUG_BYTES {
                break;
            }
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "journey".to_owned()
    } else {
        out.to_owned()
    }
}

/// The journey's file name in `journeys/`: `<slug>-<first 8 hex digits of its id>.json`, or with the
/// whole id (32 hex digits) when `unique_short` is false because two journeys would share a name.
pub fn journey_file_name(journey: &Journey, unique_short: bool) -> String {
    let hex = journey.id.as_uuid().simple().to_string();
    let id = if unique_short { &hex[..8] } else { &hex[..] };
    format!("{}-{id}.json", slug(&journey.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_lowercase_dashed_and_bounded() {
        assert_eq!(slug("Home insurance claim"), "home-insurance-claim");
        assert_eq!(slug("  ../../etc/passwd "), "etc-passwd");
        assert_eq!(slug("保险 claim №2"), "claim-2");
        assert_eq!(slug("保险"), "journey");
        let long = slug(&"word ".repeat(40));
        assert!(long.len() <= MAX_SLUG_BYTES, "{long}");
        assert!(!long.ends_with('-'));
    }
}
