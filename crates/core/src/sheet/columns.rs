//! The columns a steps CSV may have, how a header names one, and the mapping from the file's columns
//! to them: suggested from the headers, changed by the person when the headers do not say it plainly.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A field of a card that a CSV column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CsvField {
    /// The stage (column of the blueprint) the card goes in.
    Stage,
    /// The lane (row of the blueprint), by name or kind.
    Lane,
    /// What the card says.
    Text,
    /// The accountable person or team, by name.
    Owner,
    /// Where it happens (phone, app…).
    Channel,
    /// Whether it is a moment of truth.
    MomentOfTruth,
    /// The customer's emotion, −2…+2.
    Emotion,
    /// What hurts here.
    PainPoint,
    /// How much it hurts: low, medium or high.
    Severity,
    /// Whether the service is likely to break here.
    FailPoint,
    /// Whether the customer waits here.
    WaitPoint,
    /// Free notes.
    Notes,
}

impl CsvField {
    /// Every field, in the order an export writes the columns.
    pub const ALL: [CsvField; 12] = [
        CsvField::Stage,
        CsvField::Lane,
        CsvField::Text,
        CsvField::Owner,
        CsvField::Channel,
        CsvField::MomentOfTruth,
        CsvField::Emotion,
        CsvField::PainPoint,
        CsvField::Severity,
        CsvField::FailPoint,
        CsvField::WaitPoint,
        CsvField::Notes,
    ];

    /// The fields every import needs a column for.
    pub const REQUIRED: [CsvField; 3] = [CsvField::Stage, CsvField::Lane, CsvField::Text];

    /// The column header an export writes and an import recognises.
    pub fn label(self) -> &'static str {
        match self {
            CsvField::Stage => "stage",
            CsvField::Lane => "lane",
            CsvField::Text => "text",
            CsvField::Owner => "owner",
            CsvField::Channel => "channel",
            CsvField::MomentOfTruth => "moment of truth",
            CsvField::Emotion => "emotion",
            CsvField::PainPoint => "pain point",
            CsvField::Severity => "severity",
            CsvField::FailPoint => "fail point",
            CsvField::WaitPoint => "wait point",
            CsvField::Notes => "notes",
        }
    }

    /// Other headers that mean exactly this field.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            CsvField::Text => &["step", "card", "card text", "step text"],
            CsvField::MomentOfTruth => &["mot"],
            CsvField::Severity => &["pain severity"],
            CsvField::Notes => &["note"],
            _ => &[],
        }
    }

    /// Words that suggest this field when a header only contains them ("Customer emotion score").
    fn hints(self) -> &'static [&'static str] {
        match self {
            CsvField::Stage => &["stage", "phase"],
            CsvField::Lane => &["lane"],
            CsvField::Text => &["text", "step", "card", "description", "action"],
            CsvField::Owner => &["owner", "accountable", "responsible"],
            CsvField::Channel => &["channel", "touchpoint"],
            CsvField::MomentOfTruth => &["momentoftruth", "truth"],
            CsvField::Emotion => &["emotion", "feeling", "mood"],
            CsvField::PainPoint => &["painpoint", "pain"],
            CsvField::Severity => &["severity"],
            CsvField::FailPoint => &["failpoint", "fail"],
            CsvField::WaitPoint => &["waitpoint", "wait"],
            CsvField::Notes => &["notes", "note", "comment", "remark"],
        }
    }

    /// The field a header or a typed name means exactly (ignoring case, spaces, `_` and `-`).
    pub fn parse(name: &str) -> Option<CsvField> {
        let key = normalise(name);
        CsvField::ALL.into_iter().find(|f| {
            normalise(f.label()) == key || f.aliases().iter().any(|a| normalise(a) == key)
        })
    }

    /// The field a header suggests by containing one of its words, for the mapping step.
    fn hinted(header: &str) -> Option<CsvField> {
        let key = normalise(header);
        // Longer words first, so "painpoint" wins over "pain" and "momentoftruth" over "truth".
        let mut hints: Vec<(&str, CsvField)> = CsvField::ALL
            .into_iter()
            .flat_map(|f| f.hints().iter().map(move |h| (*h, f)))
            .collect();
        hints.sort_by_key(|(h, _)| std::cmp::Reverse(h.len()));
        hints
            .into_iter()
            .find(|(h, _)| key.contains(h))
            .map(|(_, f)| f)
    }
}

/// A header or name as matched: lower case, without spaces, `_` or `-`, so "Moment_of_Truth",
/// "MOMENT OF TRUTH" and "moment-of-truth" are one name.
pub(crate) fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// For each column of the file, the field it fills, or `None` when it is ignored.
pub type Mapping = Vec<Option<CsvField>>;

/// The mapping the headers suggest, and whether they said it plainly: every header named a field
/// exactly, no field twice, and the required fields are all there. When they did not, the person is
/// shown the suggestion to check before the preview.
pub fn suggest(headers: &[String]) -> (Mapping, bool) {
    let mut mapping: Mapping = headers.iter().map(|h| CsvField::parse(h)).collect();
    let mut taken: HashMap<CsvField, usize> = HashMap::new();
    let mut plain = true;
    for (i, field) in mapping.iter_mut().enumerate() {
        match field {
            Some(f) if taken.contains_key(f) => {
                *field = None;
                plain = false;
            }
            Some(f) => {
                taken.insert(*f, i);
            }
            None => plain = false,
        }
    }
    for (i, header) in headers.iter().enumerate() {
        if mapping[i].is_some() {
            continue;
        }
        if let Some(f) = CsvField::hinted(header).filter(|f| !taken.contains_key(f)) {
            taken.insert(f, i);
            mapping[i] = Some(f);
        }
    }
    let complete = CsvField::REQUIRED.iter().all(|f| taken.contains_key(f));
    (mapping, plain && complete)
}

/// What is wrong with a mapping for `headers`, one sentence each; empty when it can be used.
pub fn mapping_problems(headers: &[String], mapping: &[Option<CsvField>]) -> Vec<String> {
    if mapping.len() != headers.len() {
        return vec![format!(
            "the mapping names {} columns but the file has {}",
            mapping.len(),
            headers.len()
        )];
    }
    let mut problems = Vec::new();
    let mut first: HashMap<CsvField, usize> = HashMap::new();
    for (i, field) in mapping.iter().enumerate() {
        let Some(f) = field else { continue };
        match first.get(f) {
            Some(&j) => problems.push(format!(
                "columns “{}” and “{}” are both mapped to {}; map one of them to something else or ignore it",
                headers[j],
                headers[i],
                f.label()
            )),
            None => {
                first.insert(*f, i);
            }
        }
    }
    for f in CsvField::REQUIRED {
        if !first.contains_key(&f) {
            problems.push(format!("no column is mapped to {}", f.label()));
        }
    }
    problems
}

/// Maps the column headed `column` (matched as headers are) to `field`: a field's name, or "ignore".
/// The error says which columns or fields there are.
pub fn map_column(
    headers: &[String],
    mapping: &mut Mapping,
    column: &str,
    field: &str,
) -> Result<(), String> {
    let at = headers
        .iter()
        .position(|h| normalise(h) == normalise(column))
        .filter(|at| *at < mapping.len())
        .ok_or_else(|| {
            format!(
                "the file has no column “{column}”; its columns are {}",
                headers.join(", ")
            )
        })?;
    mapping[at] = if normalise(field) == "ignore" {
        None
    } else {
        let labels: Vec<&str> = CsvField::ALL.iter().map(|f| f.label()).collect();
        Some(CsvField::parse(field).ok_or_else(|| {
            format!(
                "“{field}” is not a field; use one of {}, or ignore",
                labels.join(", ")
            )
        })?)
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn headers_match_ignoring_case_spaces_underscores_and_dashes() {
        for name in [
            "moment of truth",
            "Moment_of_Truth",
            "MOMENT OF TRUTH",
            "moment-of-truth",
            "MomentOfTruth",
        ] {
            assert_eq!(
                CsvField::parse(name),
                Some(CsvField::MomentOfTruth),
                "{name}"
            );
        }
        assert_eq!(CsvField::parse(" Pain Point "), Some(CsvField::PainPoint));
        assert_eq!(CsvField::parse("Kitchen"), None);
    }

    #[test]
    fn plain_headers_need_no_mapping() {
        let h = headers(&["Stage", "LANE", "text", "Owner", "moment_of_truth"]);
        let (mapping, plain) = suggest(&h);
        assert!(plain);
        assert_eq!(
            mapping,
            vec![
                Some(CsvField::Stage),
                Some(CsvField::Lane),
                Some(CsvField::Text),
                Some(CsvField::Owner),
                Some(CsvField::MomentOfTruth)
            ]
        );
    }

    #[test]
    fn unclear_headers_get_a_suggestion_to_check() {
        let h = headers(&[
            "Phase",
            "Swimlane",
            "Step description",
            "Customer emotion",
            "Misc",
        ]);
        let (mapping, plain) = suggest(&h);
        assert!(!plain);
        assert_eq!(
            mapping,
            vec![
                Some(CsvField::Stage),
                Some(CsvField::Lane),
                Some(CsvField::Text),
                Some(CsvField::Emotion),
                None
            ]
        );
        assert!(mapping_problems(&h, &mapping).is_empty());
    }

    #[test]
    fn columns_are_mapped_by_header_to_a_field_or_ignored() {
        let h = headers(&["Phase", "Step description"]);
        let (mut mapping, _) = suggest(&h);
        map_column(&h, &mut mapping, "step_description", "Notes").unwrap();
        map_column(&h, &mut mapping, "PHASE", "ignore").unwrap();
        assert_eq!(mapping, vec![None, Some(CsvField::Notes)]);
        assert_eq!(
            map_column(&h, &mut mapping, "Owner", "owner").unwrap_err(),
            "the file has no column “Owner”; its columns are Phase, Step description"
        );
        assert!(map_column(&h, &mut mapping, "Phase", "colour")
            .unwrap_err()
            .starts_with("“colour” is not a field; use one of stage, lane, text"));
    }

    #[test]
    fn a_mapping_needs_each_required_field_once() {
        let h = headers(&["a", "b", "c"]);
        let problems = mapping_problems(
            &h,
            &[
                Some(CsvField::Text),
                Some(CsvField::Text),
                Some(CsvField::Stage),
            ],
        );
        assert_eq!(
            problems,
            vec![
                "columns “a” and “b” are both mapped to text; map one of them to something else or ignore it",
                "no column is mapped to lane",
            ]
        );
        assert_eq!(
            mapping_problems(&h, &[None]),
            vec!["the mapping names 1 columns but the file has 3"]
        );
    }
}
