//! Find (Ctrl+F) over the open workspace: the cards whose text, notes, owner or linked entities hold
//! some words, in the order a reader meets them, for the find bar to step through.

use serde::Serialize;
use throughline_core::find::{prepare_query, snippet, FindScope, FoundIn, Snippet};
use throughline_core::Id;
use ts_rs::TS;

use crate::{ApiError, ErrorCode, OpenWorkspace};

/// Most hits one find returns: a one-letter query over a large workspace matches nearly every card,
/// nobody steps through more than this, and every hit crosses the IPC on every keystroke; the count
/// still says how many there are.
pub const MAX_FIND_HITS: usize = 200;

/// One card holding the words looked for.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct FindHit {
    /// The card.
    pub step: Id,
    /// Its journey, which the window switches to when the hit is shown.
    pub journey: Id,
    /// The journey's name.
    pub journey_name: String,
    /// Where on the card the words were found first.
    pub found_in: FoundIn,
    /// The words in their context, as written there.
    pub snippet: Snippet,
}

/// The answer to one find.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Found {
    /// The first hits in reading order: the journey on screen first, then the others in sidebar
    /// order; stage by stage, lane by lane and by position within each.
    pub hits: Vec<FindHit>,
    /// How many cards match in all, also those past the hits returned.
    pub total: u32,
}

impl OpenWorkspace {
    /// The cards matching `query` (literal, case-insensitive) in the journey `journey` or, for
    /// [`FindScope::All`], in every journey with `journey` first. An empty query finds nothing; one
    /// longer than a card's text can be is refused.
    pub fn find(&self, query: &str, journey: Id, scope: FindScope) -> Result<Found, ApiError> {
        let ws = self.model();
        let here = ws.journeys.iter().position(|j| j.id == journey);
        let order: Vec<usize> = match (scope, here) {
            (FindScope::Journey, Some(h)) => vec![h],
            (FindScope::Journey, None) => {
                return Err(ApiError::new(
                    ErrorCode::NotFound,
                    "that journey no longer exists",
                ))
            }
            (FindScope::All, _) => here
                .into_iter()
                .chain((0..ws.journeys.len()).filter(|&j| Some(j) != here))
                .collect(),
        };
        let needle =
            prepare_query(query).map_err(|e| ApiError::new(ErrorCode::Invalid, e.to_string()))?;
        let Some(needle) = needle else {
            return Ok(Found {
                hits: Vec::new(),
                total: 0,
            });
        };
        let found = self.find_index().find(&needle, &order, MAX_FIND_HITS);
        let hits = found
            .hits
            .iter()
            .map(|h| {
                let j = &ws.journeys[h.journey];
                FindHit {
                    step: j.steps[h.step].id,
                    journey: j.id,
                    journey_name: j.name.clone(),
                    found_in: h.found_in,
                    snippet: snippet(h.source(ws), &needle),
                }
            })
            .collect();
        Ok(Found {
            hits,
            total: found.total as u32,
        })
    }
}

#[cfg(test)]
mod tests {
    use throughline_core::edit::Edit;
    use throughline_core::sample::sample_workspace;
    use throughline_core::synthetic;
    use throughline_core::text::MAX_TEXT_CHARS;

    use super::*;

    #[test]
    fn the_journey_on_screen_comes_first_and_its_cards_in_reading_order() {
        let ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let second = ws.model().journeys[1].id;
        let found = ws.find("e", second, FindScope::All).unwrap();
        assert!(found.total as usize >= found.hits.len() && !found.hits.is_empty());
        assert_eq!(found.hits[0].journey, second);
        let first_other = found.hits.iter().position(|h| h.journey != second).unwrap();
        assert!(found.hits[first_other..]
            .iter()
            .all(|h| h.journey != second));
        let only = ws.find("e", second, FindScope::Journey).unwrap();
        assert_eq!(only.hits.len(), first_other);
        assert_eq!(only.hits[..], found.hits[..first_other]);
    }

    #[test]
    fn an_edit_is_found_by_the_next_keystroke() {
        let mut ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let j = ws.model().journeys[0].id;
        assert_eq!(ws.find("zebra", j, FindScope::All).unwrap().total, 0);
        let step = ws.model().journeys[0].steps[3].id;
        ws.apply(&Edit::SetStepText {
            step,
            text: "A Zebra crossing (literally)".into(),
        })
        .unwrap();
        let found = ws.find(" zEBRA ", j, FindScope::Journey).unwrap();
        assert_eq!(found.hits.len(), 1);
        let hit = &found.hits[0];
        assert_eq!((hit.step, hit.found_in), (step, FoundIn::Text));
        assert_eq!(
            (
                hit.snippet.before.as_str(),
                hit.snippet.matched.as_str(),
                hit.snippet.after.as_str()
            ),
            ("A ", "Zebra", " crossing (literally)")
        );
        ws.undo().unwrap();
        assert_eq!(ws.find("zebra", j, FindScope::All).unwrap().total, 0);
    }

    #[test]
    fn a_big_workspace_returns_a_capped_list_and_the_full_count() {
        let ws = OpenWorkspace::in_memory(&synthetic::workspace(8, 10, 200, 3)).unwrap();
        let j = ws.model().journeys[5].id;
        let found = ws.find("a", j, FindScope::All).unwrap();
        assert_eq!(found.hits.len(), MAX_FIND_HITS);
        assert!(found.total as usize > MAX_FIND_HITS);
        assert_eq!(found.hits[0].journey, j);
    }

    #[test]
    fn bad_queries_get_a_clear_answer() {
        let ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let j = ws.model().journeys[0].id;
        for empty in ["", "   ", "\u{FFFE}", "\u{0}\u{10FFFF}"] {
            let found = ws.find(empty, j, FindScope::All).unwrap();
            assert_eq!((found.hits.len(), found.total), (0, 0), "{empty:?}");
        }
        assert_eq!(ws.find(".*", j, FindScope::All).unwrap().total, 0);
        let err = ws
            .find(&"x".repeat(MAX_TEXT_CHARS + 1), j, FindScope::All)
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Invalid);
        assert!(err.message.contains("5000"), "{}", err.message);
        let err = ws.find("a", Id::new(), FindScope::Journey).unwrap_err();
        assert_eq!(err.code, ErrorCode::NotFound);
        assert!(
            ws.find("a", Id::new(), FindScope::All).is_ok(),
            "every journey needs none on screen"
        );
    }
}
