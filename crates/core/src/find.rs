//! Find (Ctrl+F): which cards mention some words, in their text, notes, evidence, owner's name or the names of
//! the entities linked to them. Matching is literal and case-insensitive, so what a person types is
//! what is looked for (a `.` or `*` is that character, not a pattern). The folded text of every card
//! is prepared once in a [`FindIndex`], so each keystroke is one scan of memory.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::{clean_text, MAX_TEXT_CHARS};
use crate::{Id, LinkKind, Workspace};

/// Where the words were found on a card, so the find bar can say why a card is a hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FoundIn {
    /// The card's own text.
    Text,
    /// Its notes.
    Notes,
    /// One of the insights behind it (a finding or a customer's words).
    Evidence,
    /// A comment written on it (open or resolved).
    Comment,
    /// The name of its accountable owner.
    Owner,
    /// The name of a person, team, system or process linked to it (performed by, uses, part of).
    Entity,
}

/// Which journeys a find looks through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindScope {
    /// Only the journey on screen.
    Journey,
    /// Every journey of the workspace, the one on screen first.
    All,
}

/// A query the model refuses.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FindError {
    /// Longer than any text a card can hold, so it could never match.
    #[error("the search text has {chars} characters; at most {max} are searched")]
    TooLong {
        /// Characters in the query.
        chars: usize,
        /// The longest query searched.
        max: usize,
    },
}

/// The query as it is matched: cleaned like stored text, trimmed and folded. `None` when nothing is
/// left to look for, which finds nothing rather than everything.
pub fn prepare_query(query: &str) -> Result<Option<String>, FindError> {
    let chars = query.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(FindError::TooLong {
            chars,
            max: MAX_TEXT_CHARS,
        });
    }
    let cleaned = clean_text(query);
    let trimmed = cleaned.trim();
    Ok((!trimmed.is_empty()).then(|| fold(trimmed)))
}

/// Appends `c` folded for caseless matching: its Unicode lowercase, with the final sigma read as
/// any other sigma so "ΟΔΟΣ" and "οδος" meet, and any whitespace as a space so a line break in a card
/// matches the space typed for it. Folding one character at a time keeps every folded byte traceable
/// to the character it came from.
fn fold_char(c: char, out: &mut String) {
    if c.is_whitespace() {
        out.push(' ');
        return;
    }
    // Most text is ASCII, whose lowercase needs no table lookup: a tenth of the time to index.
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        out.push(if l == 'ς' { 'σ' } else { l });
    }
}

/// `s` folded for caseless matching.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// One card of the index, in reading order.
#[derive(Debug)]
struct Entry {
    /// Index of the card in its journey's `steps`.
    step: usize,
    text: Box<str>,
    notes: Box<str>,
    /// Its insights' texts, in the card's order.
    evidence: Vec<Box<str>>,
    /// The comments on it: each one's index in the journey's `comments` and its text.
    comments: Vec<(usize, Box<str>)>,
    /// Index of its owner in the workspace's `entities`.
    owner: Option<usize>,
    /// Indices of the entities linked to it, in link order.
    linked: Vec<usize>,
}

/// Every card's searchable text, folded and in reading order, built from one state of a workspace
/// and valid until its next edit.
#[derive(Debug)]
pub struct FindIndex {
    /// Per journey (in the workspace's order), its cards in reading order.
    journeys: Vec<Vec<Entry>>,
    /// Every entity's folded name, in the workspace's order.
    entities: Vec<Box<str>>,
}

/// A card that matched: where it is and what matched first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index of the journey in the workspace's `journeys`.
    pub journey: usize,
    /// Index of the card in that journey's `steps`.
    pub step: usize,
    /// The first of text, notes, owner and linked entities that holds the words.
    pub found_in: FoundIn,
    /// For [`FoundIn::Owner`] and [`FoundIn::Entity`], the entity's index in `entities`; for
    /// [`FoundIn::Evidence`], the insight's index in the card's `evidence`; for
    /// [`FoundIn::Comment`], the comment's index in the journey's `comments`.
    pub entity: Option<usize>,
}

impl Hit {
    /// The text the words were found in: the card's text, notes, insight or comment, or the matching
    /// entity's name.
    pub fn source<'a>(&self, ws: &'a Workspace) -> &'a str {
        let journey = &ws.journeys[self.journey];
        let step = &journey.steps[self.step];
        match (self.entity, self.found_in) {
            (Some(k), FoundIn::Evidence) => step.evidence.get(k).map_or("", |i| i.text.as_str()),
            (Some(k), FoundIn::Comment) => journey.comments.get(k).map_or("", |c| c.text.as_str()),
            (Some(e), _) => &ws.entities[e].name,
            (None, FoundIn::Notes) => &step.notes,
            (None, _) => &step.text,
        }
    }
}

/// The first hits of a find and how many there are in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hits {
    /// Hits in reading order, at most the number asked for.
    pub hits: Vec<Hit>,
    /// Every matching card, including those past the limit.
    pub total: usize,
}

impl FindIndex {
    /// Folds every card's text, notes and linked names of `ws`, and orders the cards as a reader meets
    /// them: stage by stage, lane by lane within a stage, then by position in the cell.
    pub fn new(ws: &Workspace) -> Self {
        let entity_at: HashMap<Id, usize> = ws
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id, i))
            .collect();
        let mut linked: HashMap<Id, Vec<usize>> = HashMap::new();
        for l in &ws.links {
            if matches!(
                l.kind,
                LinkKind::PerformedBy | LinkKind::Uses | LinkKind::PartOf
            ) {
                if let Some(&e) = entity_at.get(&l.to) {
                    linked.entry(l.from).or_default().push(e);
                }
            }
        }
        let journeys = ws
            .journeys
            .iter()
            .map(|j| {
                let rank = |ids: &mut dyn Iterator<Item = (Id, f64)>| {
                    let mut v: Vec<(Id, f64)> = ids.collect();
                    v.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
                    v.into_iter()
                        .enumerate()
                        .map(|(i, (id, _))| (id, i))
                        .collect::<HashMap<Id, usize>>()
                };
                let stages = rank(&mut j.stages.iter().map(|s| (s.id, s.position)));
                let lanes = rank(&mut j.lanes.iter().map(|l| (l.id, l.position)));
                // Each card's place worked out once, not in every comparison of the sort.
                let mut order: Vec<(usize, usize, f64, Id, usize)> = j
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        (
                            stages.get(&s.stage).copied().unwrap_or(usize::MAX),
                            lanes.get(&s.lane).copied().unwrap_or(usize::MAX),
                            s.position,
                            s.id,
                            i,
                        )
                    })
                    .collect();
                order.sort_by(|a, b| {
                    (a.0, a.1)
                        .cmp(&(b.0, b.1))
                        .then(a.2.total_cmp(&b.2))
                        .then(a.3.cmp(&b.3))
                });
                let mut comments: HashMap<Id, Vec<(usize, Box<str>)>> = HashMap::new();
                for (k, c) in j.comments.iter().enumerate() {
                    comments
                        .entry(c.target)
                        .or_default()
                        .push((k, fold(&c.text).into()));
                }
                order
                    .into_iter()
                    .map(|(.., i)| {
                        let s = &j.steps[i];
                        Entry {
                            step: i,
                            text: fold(&s.text).into(),
                            notes: fold(&s.notes).into(),
                            evidence: s.evidence.iter().map(|i| fold(&i.text).into()).collect(),
                            comments: comments.remove(&s.id).unwrap_or_default(),
                            owner: s.owner.and_then(|o| entity_at.get(&o).copied()),
                            linked: linked.remove(&s.id).unwrap_or_default(),
                        }
                    })
                    .collect()
            })
            .collect();
        FindIndex {
            journeys,
            entities: ws.entities.iter().map(|e| fold(&e.name).into()).collect(),
        }
    }

    /// The cards matching `query` (as [`prepare_query`] left it), in the order of `journeys` (indices
    /// into the workspace's journeys) and reading order within each; at most `limit` are returned, all
    /// are counted.
    pub fn find(&self, needle: &str, journeys: &[usize], limit: usize) -> Hits {
        let named: Vec<bool> = self
            .entities
            .iter()
            .map(|name| name.contains(needle))
            .collect();
        let mut hits = Vec::new();
        let mut total = 0;
        for &j in journeys {
            let Some(entries) = self.journeys.get(j) else {
                continue;
            };
            for e in entries {
                let found = if e.text.contains(needle) {
                    Some((FoundIn::Text, None))
                } else if e.notes.contains(needle) {
                    Some((FoundIn::Notes, None))
                } else if let Some(k) = e.evidence.iter().position(|t| t.contains(needle)) {
                    Some((FoundIn::Evidence, Some(k)))
                } else if let Some((k, _)) = e.comments.iter().find(|(_, t)| t.contains(needle)) {
                    Some((FoundIn::Comment, Some(*k)))
                } else if let Some(o) = e.owner.filter(|&o| named[o]) {
                    Some((FoundIn::Owner, Some(o)))
                } else {
                    e.linked
                        .iter()
                        .find(|&&x| named[x])
                        .map(|&x| (FoundIn::Entity, Some(x)))
                };
                if let Some((found_in, entity)) = found {
                    total += 1;
                    if hits.len() < limit {
                        hits.push(Hit {
                            journey: j,
                            step: e.step,
                            found_in,
                            entity,
                        });
                    }
                }
            }
        }
        Hits { hits, total }
    }
}

/// A short excerpt of a text around the words found in it, for the find bar to show the current hit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Snippet {
    /// The text before the match (cut to a few words, with "…" where cut).
    pub before: String,
    /// The matching text, as written in the original.
    pub matched: String,
    /// The text after the match (cut, with "…" where cut).
    pub after: String,
}

/// Characters of context kept before a match.
const BEFORE_CHARS: usize = 24;
/// Characters of context kept after a match.
const AFTER_CHARS: usize = 48;

/// The excerpt of `text` around the first place `needle` (folded) occurs, on one line; the start of
/// the text, with nothing marked, when it does not occur.
pub fn snippet(text: &str, needle: &str) -> Snippet {
    let chars: Vec<char> = text.chars().collect();
    let mut folded = String::with_capacity(text.len());
    // For each byte of `folded`, the index of the character of `text` it came from.
    let mut origin: Vec<usize> = Vec::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = folded.len();
        fold_char(c, &mut folded);
        origin.resize(origin.len() + folded.len() - before, i);
    }
    let (start, end) = match folded.find(needle).filter(|_| !needle.is_empty()) {
        Some(at) => (origin[at], origin[at + needle.len() - 1] + 1),
        None => (0, 0),
    };
    let one_line = |cs: &[char]| -> String {
        cs.iter()
            .map(|&c| if c.is_whitespace() { ' ' } else { c })
            .collect()
    };
    let from = start.saturating_sub(BEFORE_CHARS);
    let to = (end + AFTER_CHARS).min(chars.len());
    let mut before = one_line(&chars[from..start]);
    if from > 0 {
        before.insert(0, '…');
    }
    let mut after = one_line(&chars[end..to]);
    if to < chars.len() {
        after.push('…');
    }
    Snippet {
        before,
        matched: one_line(&chars[start..end]),
        after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_workspace;
    use crate::{Entity, EntityKind, Journey, Link, Step};

    /// A hotel stay, built by hand: cards put in the model out of reading order, an owner, a linked
    /// system, notes, and text in several scripts.
    fn hotel() -> Workspace {
        let id = |k: &str| Id::derived("find-test", k);
        let mut j = Journey::from_template("Hotel stay", &["Book", "Arrive", "Leave"]);
        j.id = id("journey");
        // Stages listed out of order: positions, not the list, say which comes first.
        j.stages.swap(0, 2);
        let (book, arrive, leave) = (j.stages[2].id, j.stages[1].id, j.stages[0].id);
        let (customer, front, support) = (j.lanes[1].id, j.lanes[2].id, j.lanes[4].id);
        let card = |k: &str, lane, stage, pos, text: &str| {
            let mut s = Step::new(lane, stage, pos, text);
            s.id = id(k);
            s
        };
        let mut checkout = card("checkout", customer, leave, 0.0, "Pays the bill (in cash)");
        checkout.notes = "Asks for a receipt by e-mail".into();
        checkout.evidence = vec![
            crate::Insight {
                text: "Card terminals fail twice a week".into(),
                source: crate::EvidenceSource::SupportTickets,
                date: None,
                reference: String::new(),
            },
            crate::Insight {
                text: "\"I had to find a cash machine\"".into(),
                source: crate::EvidenceSource::Interview,
                date: None,
                reference: String::new(),
            },
        ];
        let mut desk = card("desk", front, arrive, 0.0, "Receptionist checks ID");
        desk.owner = Some(id("maria"));
        let mut pms = card("pms", support, arrive, 1.0, "Room is assigned");
        pms.notes = "Zimmer für Straße".into();
        // A comment on the desk card (resolved: still found), and one on the journey (not a card).
        j.comments = vec![
            crate::Comment {
                id: id("note-journey"),
                target: j.id,
                author: "Ana".into(),
                at: 0,
                text: "Ask the night manager about the minibar".into(),
                resolved: false,
            },
            crate::Comment {
                id: id("note-desk"),
                target: id("desk"),
                author: "Ben".into(),
                at: 0,
                text: "Guests wait while the minibar is checked".into(),
                resolved: true,
            },
        ];
        j.steps = vec![
            checkout,
            pms,
            desk,
            card("queue2", customer, arrive, 2.0, "Waits in line [again]"),
            card("queue1", customer, arrive, 1.0, "Waits in line"),
            card("book", customer, book, 0.0, "Books a room online ΟΔΟΣ"),
        ];
        let mut other = Journey::from_template("Complaint", &["Complain"]);
        other.id = id("other");
        other.position = 1.0;
        let lane = other.lanes[1].id;
        let stage = other.stages[0].id;
        other.steps.push(card(
            "complain",
            lane,
            stage,
            0.0,
            "Complains the room was cold",
        ));
        Workspace {
            journeys: vec![j, other],
            entities: vec![
                Entity {
                    id: id("maria"),
                    kind: EntityKind::Person,
                    name: "María Ortega".into(),
                    description: String::new(),
                    owner: None,
                },
                Entity {
                    id: id("opera"),
                    kind: EntityKind::System,
                    name: "Opera PMS".into(),
                    description: String::new(),
                    owner: None,
                },
            ],
            links: vec![Link {
                id: id("uses"),
                kind: LinkKind::Uses,
                from: id("pms"),
                to: id("opera"),
            }],
            personas: Vec::new(),
        }
    }

    fn found(ws: &Workspace, query: &str, journeys: &[usize]) -> Vec<(String, FoundIn)> {
        let needle = prepare_query(query).unwrap().unwrap();
        FindIndex::new(ws)
            .find(&needle, journeys, 1_000)
            .hits
            .iter()
            .map(|h| {
                (
                    ws.journeys[h.journey].steps[h.step].text.clone(),
                    h.found_in,
                )
            })
            .collect()
    }

    #[test]
    fn hits_come_in_reading_order_stage_then_lane_then_position() {
        let ws = hotel();
        let texts: Vec<String> = found(&ws, "s", &[0]).into_iter().map(|h| h.0).collect();
        assert_eq!(
            texts,
            [
                "Books a room online ΟΔΟΣ",
                "Waits in line",
                "Waits in line [again]",
                "Receptionist checks ID",
                "Room is assigned",
                "Pays the bill (in cash)",
            ]
        );
    }

    #[test]
    fn text_notes_evidence_owner_and_linked_entities_make_a_card_a_hit() {
        let ws = hotel();
        assert_eq!(
            found(&ws, "receipt", &[0]),
            [("Pays the bill (in cash)".into(), FoundIn::Notes)]
        );
        assert_eq!(
            found(&ws, "maría", &[0]),
            [("Receptionist checks ID".into(), FoundIn::Owner)]
        );
        assert_eq!(
            found(&ws, "CASH MACHINE", &[0]),
            [("Pays the bill (in cash)".into(), FoundIn::Evidence)]
        );
        let needle = prepare_query("cash machine").unwrap().unwrap();
        let hits = FindIndex::new(&ws).find(&needle, &[0], 10);
        assert_eq!(
            snippet(hits.hits[0].source(&ws), &needle).matched,
            "cash machine",
            "the snippet is cut from the insight that matched, not the first"
        );
        assert_eq!(
            found(&ws, "opera", &[0]),
            [("Room is assigned".into(), FoundIn::Entity)]
        );
        assert_eq!(
            found(&ws, "MINIBAR", &[0]),
            [("Receptionist checks ID".into(), FoundIn::Comment)],
            "a card's comment makes it a hit; the journey's own comment is no card"
        );
        let needle = prepare_query("minibar").unwrap().unwrap();
        let hits = FindIndex::new(&ws).find(&needle, &[0], 10);
        assert_eq!(
            hits.hits[0].source(&ws),
            "Guests wait while the minibar is checked"
        );
        assert_eq!(
            found(&ws, "room", &[0]),
            [
                ("Books a room online ΟΔΟΣ".into(), FoundIn::Text),
                ("Room is assigned".into(), FoundIn::Text),
            ],
            "the text counts first"
        );
    }

    #[test]
    fn matching_is_literal_caseless_and_trimmed() {
        let ws = hotel();
        assert_eq!(found(&ws, "  WAITS IN  ", &[0]).len(), 2);
        assert_eq!(found(&ws, "[again]", &[0]).len(), 1, "brackets are literal");
        assert!(found(&ws, "w.its", &[0]).is_empty(), "a dot is a dot");
        assert_eq!(found(&ws, "(in cash)", &[0]).len(), 1);
        assert_eq!(found(&ws, "STRASSE", &[0]).len(), 0, "no ß expansion");
        assert_eq!(found(&ws, "STRAẞE", &[0]).len(), 1, "capital ß lowercases");
        assert_eq!(found(&ws, "οδος", &[0]).len(), 1, "final sigma folds");
        assert_eq!(found(&ws, "MARÍA", &[0]).len(), 1);
    }

    #[test]
    fn every_journey_in_the_order_asked() {
        let ws = hotel();
        let hits = found(&ws, "room", &[1, 0]);
        assert_eq!(hits[0].0, "Complains the room was cold");
        assert_eq!(hits.len(), 3);
        assert_eq!(
            found(&ws, "room", &[7]),
            [],
            "an unknown journey finds nothing"
        );
    }

    #[test]
    fn empty_queries_find_nothing_and_long_ones_are_refused() {
        assert_eq!(prepare_query("   \n\t").unwrap(), None);
        assert_eq!(prepare_query("\u{FFFE}\u{FFFF}").unwrap(), None);
        assert_eq!(
            prepare_query("a\u{FFFE}b\u{0}").unwrap().as_deref(),
            Some("ab")
        );
        assert!(prepare_query(&"x".repeat(MAX_TEXT_CHARS)).is_ok());
        let err = prepare_query(&"é".repeat(MAX_TEXT_CHARS + 1)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the search text has 5001 characters; at most 5000 are searched"
        );
    }

    #[test]
    fn the_limit_caps_the_hits_but_not_the_count() {
        let ws = hotel();
        let index = FindIndex::new(&ws);
        let hits = index.find("s", &[0, 1], 2);
        assert_eq!((hits.hits.len(), hits.total), (2, 7));
    }

    #[test]
    fn snippets_keep_the_original_spelling_around_the_match() {
        let s = snippet("Zimmer für Straße", &fold("STRAẞE"));
        assert_eq!(
            (s.before.as_str(), s.matched.as_str(), s.after.as_str()),
            ("Zimmer für ", "Straße", "")
        );
        let long = format!(
            "{} needle\nin the {}",
            "hay ".repeat(20),
            "stack ".repeat(20)
        );
        let s = snippet(&long, "needle in");
        assert!(s.before.starts_with('…') && s.after.ends_with('…'));
        assert_eq!(s.matched, "needle\nin".replace('\n', " "));
        assert_eq!(s.before.chars().count(), BEFORE_CHARS + 1);
        // A character whose lowercase is longer than itself (İ → i̇) maps back whole.
        let s = snippet("İstanbul", &fold("i̇st"));
        assert_eq!(s.matched, "İst");
        for missing in ["x", ""] {
            let s = snippet("abc", missing);
            assert_eq!(
                (s.before, s.matched, s.after),
                ("".into(), "".into(), "abc".into())
            );
        }
    }

    #[test]
    fn the_sample_finds_its_cards_in_every_field() {
        let ws = sample_workspace().unwrap();
        let index = FindIndex::new(&ws);
        let all: Vec<usize> = (0..ws.journeys.len()).collect();
        let owner = ws.journeys[0]
            .steps
            .iter()
            .find_map(|s| s.owner)
            .and_then(|o| ws.entity(o))
            .unwrap();
        let hits = index.find(&fold(&owner.name), &all, 1_000);
        assert!(hits.total > 0);
        for h in &hits.hits {
            let said = h.source(&ws);
            assert!(
                fold(&snippet(said, &fold(&owner.name)).matched) == fold(&owner.name),
                "{said}"
            );
        }
    }
}
