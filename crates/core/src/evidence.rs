//! Evidence behind steps: the limits on insights, how an insight is cleaned before it is stored, and
//! how much of a journey rests on research rather than on the room's guesses.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::{clean_name, clean_text};
use crate::{Insight, Journey};

/// Most insights one card may carry: enough for the quotes and findings a workshop cites, few enough
/// that the details panel stays a list and not an archive.
pub const MAX_INSIGHTS: usize = 20;

/// Longest reference (a link or a file name), in characters: a long URL, not a pasted document.
pub const MAX_REFERENCE_CHARS: usize = 2_000;

/// Whether `date` is a real calendar day written `YYYY-MM-DD`, as a date field and ISO 8601 write it.
pub fn is_date(date: &str) -> bool {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let number = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let Ok(month) = time::Month::try_from(month as u8) else {
        return false;
    };
    time::Date::from_calendar_date(year as i32, month, day as u8).is_ok()
}

/// An insight as it is stored: text cleaned as typed text is, the reference as a one-line name, and a
/// blank date taken as none.
pub fn clean(insight: Insight) -> Insight {
    Insight {
        text: clean_text(&insight.text),
        date: insight
            .date
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty()),
        reference: clean_name(&insight.reference),
        ..insight
    }
}

/// How much of a journey is backed by evidence: "12 of 30 steps backed by evidence".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvidenceCoverage {
    /// Cards of the journey.
    pub steps: u32,
    /// Cards with at least one insight.
    pub backed: u32,
    /// Cards marked as assumptions.
    pub assumptions: u32,
    /// Moments of truth marked as assumptions.
    pub assumed_moments: u32,
}

/// Counts a journey's cards by what backs them.
pub fn coverage(journey: &Journey) -> EvidenceCoverage {
    let mut c = EvidenceCoverage::default();
    for s in &journey.steps {
        c.steps += 1;
        c.backed += u32::from(!s.evidence.is_empty());
        c.assumptions += u32::from(s.assumption);
        c.assumed_moments += u32::from(s.assumption && s.moment_of_truth);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EvidenceSource, Step};

    #[test]
    fn only_real_days_in_iso_form_are_dates() {
        for good in ["2024-02-29", "2026-12-04", "0001-01-01", "9999-12-31"] {
            assert!(is_date(good), "{good}");
        }
        for bad in [
            "",
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "26-12-04",
            "2026/12/04",
            "2026-1-04",
            "2026-12-4 ",
            "２０２６-12-04",
            "2026-12-0\u{FFFE}",
            "+026-12-04",
        ] {
            assert!(!is_date(bad), "{bad:?}");
        }
    }

    #[test]
    fn cleaning_drops_noncharacters_and_a_blank_date() {
        let got = clean(Insight {
            text: "Guests wait\u{FFFE} at the desk\u{7}".into(),
            source: EvidenceSource::Observation,
            date: Some("   ".into()),
            reference: "  notes\tday 2.pdf \n".into(),
        });
        assert_eq!(got.text, "Guests wait at the desk");
        assert_eq!(got.date, None);
        assert_eq!(got.reference, "notes day 2.pdf");
        assert_eq!(got.source, EvidenceSource::Observation);
    }

    #[test]
    fn the_model_refuses_too_many_blank_or_misdated_insights_and_backed_guesses() {
        use crate::validate::{validate_journey, ValidationError};
        let mut j = Journey::from_template("Claim", &["Report"]);
        let (lane, stage) = (j.lanes[1].id, j.stages[0].id);
        let insight = |text: &str, date: Option<&str>| Insight {
            text: text.into(),
            source: EvidenceSource::SupportTickets,
            date: date.map(Into::into),
            reference: "tickets.csv".into(),
        };
        let mut check = |evidence: Vec<Insight>, assumption: bool| {
            let mut s = Step::new(lane, stage, 0.0, "Reports the damage");
            s.evidence = evidence;
            s.assumption = assumption;
            j.steps = vec![s];
            validate_journey(&j)
        };
        assert_eq!(
            check(vec![insight("Calls twice", Some("2026-01-31"))], false),
            Ok(())
        );
        assert_eq!(check(vec![], true), Ok(()));
        assert_eq!(
            check(vec![insight("Calls twice", None); MAX_INSIGHTS + 1], false),
            Err(ValidationError::TooMany {
                what: "insights on one card",
                limit: MAX_INSIGHTS
            })
        );
        assert!(matches!(
            check(vec![insight(" \n\t", None)], false),
            Err(ValidationError::EmptyInsight { .. })
        ));
        assert!(matches!(
            check(vec![insight("x", Some("31/01/2026"))], false),
            Err(ValidationError::NotADate { .. })
        ));
        assert!(matches!(
            check(vec![insight(&"x".repeat(5_001), None)], false),
            Err(ValidationError::TooLong {
                what: "insight",
                ..
            })
        ));
        let mut long_reference = insight("x", None);
        long_reference.reference = "é".repeat(MAX_REFERENCE_CHARS + 1);
        assert!(matches!(
            check(vec![long_reference], false),
            Err(ValidationError::TooLong {
                what: "insight reference",
                ..
            })
        ));
        assert!(matches!(
            check(vec![insight("Calls twice", None)], true),
            Err(ValidationError::BackedAssumption { .. })
        ));
    }

    #[test]
    fn coverage_counts_backed_cards_and_assumed_moments() {
        let mut j = Journey::from_template("Stay", &["Arrive"]);
        let (lane, stage) = (j.lanes[1].id, j.stages[0].id);
        let mut backed = Step::new(lane, stage, 0.0, "Checks in");
        backed.evidence.push(Insight {
            text: "Queues at 3 pm".into(),
            source: EvidenceSource::Analytics,
            date: None,
            reference: String::new(),
        });
        let mut guessed = Step::new(lane, stage, 1.0, "Finds the lift");
        guessed.assumption = true;
        guessed.moment_of_truth = true;
        j.steps = vec![backed, guessed, Step::new(lane, stage, 2.0, "Unpacks")];
        assert_eq!(
            coverage(&j),
            EvidenceCoverage {
                steps: 3,
                backed: 1,
                assumptions: 1,
                assumed_moments: 1
            }
        );
    }
}
