//! Current and future state. A future state is a journey copied from a current-state one
//! ([`crate::Journey::future_of`]) whose cards remember the card they came from
//! ([`crate::Step::origin`]). Here the two are read against each other: which future card is kept,
//! changed, removed or new, which stage of one stands over which stage of the other, and what the
//! future gains (pain points resolved, moments of truth gained or lost, the change in how the
//! customer feels).

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use ts_rs::TS;

use crate::diff::{changed_fields, fields, show, FieldChange, Names};
use crate::{Id, Journey, LaneKind, LinkKind, StateChange, Step, Workspace};

/// A future state read against its current state.
#[derive(Clone, Debug, PartialEq)]
pub struct Pairing<'a> {
    /// The current state, or `None` when it was deleted (the future state then says its link is gone).
    pub current: Option<&'a Journey>,
    /// The future state.
    pub future: &'a Journey,
    /// Each future card's mark: the room's own, else the one computed from its origin. A card whose
    /// origin can no longer be read (the current state is gone) has none unless the room gave one.
    pub marks: HashMap<Id, StateChange>,
    /// Current cards the future does without: no future card comes from them, or every one that does
    /// is marked removed.
    pub dropped: Vec<Id>,
    /// Stages side by side, left to right: a current stage over the future stage that continues it,
    /// either alone where the other state has nothing in its place.
    pub columns: Vec<(Option<Id>, Option<Id>)>,
    /// Per future stage, the current stage it continues.
    stage_twin: HashMap<Id, Id>,
    /// Per card of either state, what it is tied to (see [`entity_ties`]).
    ties: HashMap<Id, Vec<(LinkKind, Id)>>,
}

/// What a future state changes, in the numbers a room asks for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, TS)]
pub struct FutureSummary {
    /// Future cards as they are today.
    pub kept: u32,
    /// Future cards done differently.
    pub changed: u32,
    /// Current cards the future does without (dropped from the copy or marked removed).
    pub removed: u32,
    /// Future cards that are not there today.
    pub added: u32,
    /// Pain points of the current state that no live future card still has.
    pub pain_points_resolved: u32,
    /// Pain points the future state still has (or adds).
    pub pain_points_left: u32,
    /// Moments of truth in the future state that were not moments of truth before.
    pub moments_gained: u32,
    /// Moments of truth of the current state that the future state no longer has.
    pub moments_lost: u32,
    /// Average emotion of the current state's scored customer cards, if any are scored.
    pub emotion_before: Option<f64>,
    /// The same over the future state's live cards.
    pub emotion_after: Option<f64>,
}

/// The future state `future` read against its current state in `ws`. For a journey that is not a
/// future state every card is new, as it would be against nothing.
pub fn pair<'a>(ws: &'a Workspace, future: &'a Journey) -> Pairing<'a> {
    let current = future.future_of.and_then(|id| ws.journey(id));
    let ties = entity_ties(ws, current, future);
    let by_id: HashMap<Id, &Step> = current
        .map(|c| c.steps.iter().map(|s| (s.id, s)).collect())
        .unwrap_or_default();
    let columns = current.map_or_else(
        || sorted_stages(future).map(|s| (None, Some(s))).collect(),
        |c| align_stages(c, future),
    );
    let stage_twin: HashMap<Id, Id> = columns
        .iter()
        .filter_map(|&(c, f)| Some((f?, c?)))
        .collect();
    let lane_of = |j: &Journey, lane: Id| {
        j.lanes
            .iter()
            .find(|l| l.id == lane)
            .map(|l| (l.kind, l.name.trim().to_lowercase()))
    };
    let mut marks = HashMap::with_capacity(future.steps.len());
    for step in &future.steps {
        let computed = match step.origin {
            None => Some(StateChange::New),
            Some(origin) => by_id.get(&origin).map(|was| {
                let same_place = stage_twin.get(&step.stage) == Some(&was.stage)
                    && current.and_then(|c| lane_of(c, was.lane)) == lane_of(future, step.lane);
                let same_ties = ties.get(&step.id) == ties.get(&was.id);
                if same_place && same_ties && same_content(was, step) {
                    StateChange::Kept
                } else {
                    StateChange::Changed
                }
            }),
        };
        if let Some(mark) = step.change.or(computed) {
            marks.insert(step.id, mark);
        }
    }
    let live_heirs: HashSet<Id> = future
        .steps
        .iter()
        .filter(|s| marks.get(&s.id) != Some(&StateChange::Removed))
        .filter_map(|s| s.origin)
        .collect();
    let dropped = current
        .map(|c| {
            c.steps
                .iter()
                .filter(|s| !live_heirs.contains(&s.id))
                .map(|s| s.id)
                .collect()
        })
        .unwrap_or_default();
    Pairing {
        current,
        future,
        marks,
        dropped,
        columns,
        stage_twin,
        ties,
    }
}

impl Pairing<'_> {
    /// The counts a summary shows.
    pub fn summary(&self) -> FutureSummary {
        let mut s = FutureSummary {
            removed: self.dropped.len() as u32,
            ..FutureSummary::default()
        };
        for mark in self.marks.values() {
            match mark {
                StateChange::Kept => s.kept += 1,
                StateChange::Changed => s.changed += 1,
                StateChange::New => s.added += 1,
                StateChange::Removed => {}
            }
        }
        let live: Vec<&Step> = self
            .future
            .steps
            .iter()
            .filter(|st| self.marks.get(&st.id) != Some(&StateChange::Removed))
            .collect();
        let mut heirs: HashMap<Id, Vec<&Step>> = HashMap::new();
        for st in &live {
            if let Some(origin) = st.origin {
                heirs.entry(origin).or_default().push(st);
            }
        }
        let none = Vec::new();
        if let Some(current) = self.current {
            let was: HashMap<Id, &Step> = current.steps.iter().map(|st| (st.id, st)).collect();
            for st in &current.steps {
                let after = heirs.get(&st.id).unwrap_or(&none);
                if st.pain_point.is_some() && after.iter().all(|h| h.pain_point.is_none()) {
                    s.pain_points_resolved += 1;
                }
                if st.moment_of_truth && !after.iter().any(|h| h.moment_of_truth) {
                    s.moments_lost += 1;
                }
            }
            s.moments_gained = live
                .iter()
                .filter(|st| st.moment_of_truth)
                .filter(|st| {
                    !st.origin
                        .and_then(|o| was.get(&o))
                        .is_some_and(|w| w.moment_of_truth)
                })
                .count() as u32;
            s.emotion_before = average_emotion(current, current.steps.iter());
        } else {
            s.moments_gained = live.iter().filter(|st| st.moment_of_truth).count() as u32;
        }
        s.pain_points_left = live.iter().filter(|st| st.pain_point.is_some()).count() as u32;
        s.emotion_after = average_emotion(self.future, live.into_iter());
        s
    }
}

impl Pairing<'_> {
    /// How the future card `card` differs from the card it came from, field by field as the diff of
    /// two versions shows them (its words, markers, owner…), then its place and its ties to people,
    /// teams, systems and processes; empty for a card without an origin that can be read. `names`
    /// are the workspace's ([`Names::of`]), made once for every card asked about.
    pub fn what_changed(&self, names: &Names, card: Id) -> Vec<FieldChange> {
        let (Some(current), Some(now)) = (self.current, self.future.step(card)) else {
            return Vec::new();
        };
        let Some(was) = now.origin.and_then(|o| current.step(o)) else {
            return Vec::new();
        };
        let strip = |step: &Step| {
            let mut f = fields(step);
            for key in ["id", "lane", "stage", "position", "origin", "change"] {
                f.remove(key);
            }
            f
        };
        let (old, new) = (strip(was), strip(now));
        let change = |field: &str, old: String, new: String| FieldChange {
            field: field.to_owned(),
            old_value: old.clone().into(),
            new_value: new.clone().into(),
            old,
            new,
        };
        let mut out: Vec<FieldChange> = changed_fields(&old, &new)
            .into_iter()
            .map(|f| {
                let (o, n) = (
                    old.get(f).cloned().unwrap_or_default(),
                    new.get(f).cloned().unwrap_or_default(),
                );
                FieldChange {
                    field: f.to_owned(),
                    old: show(f, &o, names),
                    new: show(f, &n, names),
                    old_value: o,
                    new_value: n,
                }
            })
            .collect();
        if self.stage_twin.get(&now.stage) != Some(&was.stage) {
            out.push(change(
                "stage",
                names.name(was.stage),
                names.name(now.stage),
            ));
        }
        let lane = |j: &Journey, id: Id| {
            j.lanes
                .iter()
                .find(|l| l.id == id)
                .map(|l| (l.kind, l.name.clone()))
        };
        if lane(current, was.lane) != lane(self.future, now.lane) {
            out.push(change("lane", names.name(was.lane), names.name(now.lane)));
        }
        let ties = |step: Id| {
            let mut v: Vec<String> = self
                .ties
                .get(&step)
                .into_iter()
                .flatten()
                .map(|(_, to)| names.name(*to))
                .collect();
            v.sort();
            v
        };
        let (tied, ties_now) = (ties(was.id), ties(now.id));
        if tied != ties_now {
            let list = |v: Vec<String>| {
                if v.is_empty() {
                    "(none)".to_owned()
                } else {
                    v.join(", ")
                }
            };
            out.push(change("ties", list(tied), list(ties_now)));
        }
        out
    }
}

/// Whether two cards say and mark the same things (their place and ties are compared apart).
fn same_content(a: &Step, b: &Step) -> bool {
    a.text == b.text
        && a.channel == b.channel
        && a.moment_of_truth == b.moment_of_truth
        && a.emotion == b.emotion
        && a.pain_point == b.pain_point
        && (a.pain_point.is_none() || a.pain_severity == b.pain_severity)
        && a.fail_point == b.fail_point
        && a.wait_point == b.wait_point
        && a.owner == b.owner
}

/// Per card of either journey, the people, teams, systems and processes it is tied to, sorted, so
/// a card that stops using the CRM counts as changed.
fn entity_ties(
    ws: &Workspace,
    current: Option<&Journey>,
    future: &Journey,
) -> HashMap<Id, Vec<(LinkKind, Id)>> {
    let cards: HashSet<Id> = current
        .into_iter()
        .chain([future])
        .flat_map(|j| j.steps.iter().map(|s| s.id))
        .collect();
    let mut ties: HashMap<Id, Vec<(LinkKind, Id)>> = HashMap::new();
    for l in &ws.links {
        if l.kind != LinkKind::Flow && cards.contains(&l.from) {
            ties.entry(l.from).or_default().push((l.kind, l.to));
        }
    }
    for list in ties.values_mut() {
        list.sort_by_key(|&(kind, to)| (kind as u8, to));
    }
    ties
}

/// The average first-persona emotion over `steps` in customer lanes of `journey`.
fn average_emotion<'s>(journey: &Journey, steps: impl Iterator<Item = &'s Step>) -> Option<f64> {
    let customer: HashSet<Id> = journey
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Customer)
        .map(|l| l.id)
        .collect();
    let (sum, n) = steps
        .filter(|s| customer.contains(&s.lane))
        .filter_map(|s| s.emotion)
        .fold((0i64, 0u32), |(sum, n), e| (sum + i64::from(e), n + 1));
    (n > 0).then(|| sum as f64 / f64::from(n))
}

fn sorted_stages(j: &Journey) -> impl Iterator<Item = Id> + '_ {
    let mut stages: Vec<_> = j.stages.iter().collect();
    stages.sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    stages.into_iter().map(|s| s.id)
}

/// The stages of `current` and `future` side by side. A future stage continues the current stage of
/// the same name, else the one most of its cards came from; pairs that would cross (the future
/// reordered its stages) are kept only where they stay in order, the rest stand alone.
pub fn align_stages(current: &Journey, future: &Journey) -> Vec<(Option<Id>, Option<Id>)> {
    let cur: Vec<Id> = sorted_stages(current).collect();
    let fut: Vec<Id> = sorted_stages(future).collect();
    let cur_ix: HashMap<Id, usize> = cur.iter().enumerate().map(|(i, &s)| (s, i)).collect();
    let name_of = |j: &Journey, id: Id| {
        j.stages
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.trim().to_lowercase())
    };
    let by_name: HashMap<String, usize> = cur
        .iter()
        .enumerate()
        .rev()
        .filter_map(|(i, &s)| Some((name_of(current, s)?, i)))
        .collect();
    let step_stage: HashMap<Id, Id> = current.steps.iter().map(|s| (s.id, s.stage)).collect();
    let mut votes: HashMap<Id, HashMap<usize, u32>> = HashMap::new();
    for s in &future.steps {
        if let Some(&i) = s
            .origin
            .and_then(|o| step_stage.get(&o))
            .and_then(|st| cur_ix.get(st))
        {
            *votes.entry(s.stage).or_default().entry(i).or_default() += 1;
        }
    }
    let mut taken = vec![false; cur.len()];
    let mut next = 0;
    let mut out = Vec::with_capacity(cur.len().max(fut.len()));
    for &f in &fut {
        let by_cards = votes.get(&f).and_then(|v| {
            v.iter()
                .max_by_key(|(i, n)| (**n, std::cmp::Reverse(**i)))
                .map(|(i, _)| *i)
        });
        let wanted = name_of(future, f)
            .and_then(|n| by_name.get(&n).copied())
            .or(by_cards)
            .filter(|&i| i >= next && !taken[i]);
        match wanted {
            Some(i) => {
                out.extend(cur[next..i].iter().map(|&c| (Some(c), None)));
                out.push((Some(cur[i]), Some(f)));
                taken[i] = true;
                next = i + 1;
            }
            None => out.push((None, Some(f))),
        }
    }
    out.extend(cur[next..].iter().map(|&c| (Some(c), None)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Lane, Stage};

    fn stage(id: &str, name: &str, position: f64) -> Stage {
        Stage {
            id: Id::derived("t", id),
            name: name.into(),
            position,
        }
    }

    fn card(id: &str, lane: &str, stage: &str, text: &str) -> Step {
        let mut s = Step::new(Id::derived("t", lane), Id::derived("t", stage), 0.0, text);
        s.id = Id::derived("t", id);
        s
    }

    fn journey(id: &str, stages: Vec<Stage>, steps: Vec<Step>) -> Journey {
        Journey {
            id: Id::derived("t", id),
            name: id.into(),
            persona: String::new(),
            description: String::new(),
            position: 0.0,
            stages,
            lanes: vec![Lane {
                id: Id::derived("t", "customer"),
                name: "Customer".into(),
                kind: LaneKind::Customer,
                position: 0.0,
            }],
            steps,
            personas: Vec::new(),
            comments: Vec::new(),
            opportunities: Vec::new(),
            future_of: None,
        }
    }

    /// A dentist's check-up redrawn: the paper form goes, online booking is new, the wait is
    /// changed, paying is as before.
    fn check_up() -> Workspace {
        let mut now = journey(
            "now",
            vec![stage("book", "Book", 0.0), stage("visit", "Visit", 1.0)],
            vec![
                card("call", "customer", "book", "Phone the practice"),
                card("form", "customer", "book", "Fill in a paper form"),
                card("wait", "customer", "visit", "Wait in the waiting room"),
                card("pay", "customer", "visit", "Pay at the desk"),
            ],
        );
        now.steps[1].pain_point = Some("Same questions every visit".into());
        now.steps[2].moment_of_truth = true;
        now.steps[2].emotion = Some(-2);
        now.steps[3].emotion = Some(0);
        let mut next = journey(
            "next",
            vec![stage("fbook", "Book", 0.0), stage("fvisit", "Visit", 1.0)],
            vec![
                card("fonline", "customer", "fbook", "Book online"),
                card(
                    "fwait",
                    "customer",
                    "fvisit",
                    "Get a text when the chair is free",
                ),
                card("fpay", "customer", "fvisit", "Pay at the desk"),
            ],
        );
        next.future_of = Some(now.id);
        next.steps[1].origin = Some(now.steps[2].id);
        next.steps[1].emotion = Some(1);
        next.steps[2].origin = Some(now.steps[3].id);
        next.steps[2].emotion = Some(0);
        next.steps[0].emotion = Some(2);
        Workspace {
            journeys: vec![now, next],
            ..Workspace::default()
        }
    }

    #[test]
    fn marks_come_from_the_origin_and_the_content() {
        let ws = check_up();
        let p = pair(&ws, &ws.journeys[1]);
        let mark = |id: &str| p.marks.get(&Id::derived("t", id)).copied();
        assert_eq!(mark("fonline"), Some(StateChange::New));
        assert_eq!(mark("fwait"), Some(StateChange::Changed));
        assert_eq!(mark("fpay"), Some(StateChange::Kept));
        let dropped: HashSet<Id> = p.dropped.iter().copied().collect();
        assert_eq!(
            dropped,
            HashSet::from([Id::derived("t", "call"), Id::derived("t", "form")])
        );
        assert_eq!(
            p.columns,
            vec![
                (
                    Some(Id::derived("t", "book")),
                    Some(Id::derived("t", "fbook"))
                ),
                (
                    Some(Id::derived("t", "visit")),
                    Some(Id::derived("t", "fvisit"))
                ),
            ]
        );
    }

    #[test]
    fn the_summary_counts_what_a_room_asks() {
        let ws = check_up();
        let s = pair(&ws, &ws.journeys[1]).summary();
        assert_eq!((s.kept, s.changed, s.removed, s.added), (1, 1, 2, 1));
        assert_eq!(s.pain_points_resolved, 1);
        assert_eq!(s.pain_points_left, 0);
        // The wait was the moment of truth and the new card is not one.
        assert_eq!((s.moments_gained, s.moments_lost), (0, 1));
        assert_eq!(s.emotion_before, Some(-1.0));
        assert_eq!(s.emotion_after, Some(1.0));
    }

    #[test]
    fn the_rooms_mark_wins_and_a_removed_card_counts_as_gone() {
        let mut ws = check_up();
        ws.journeys[1].steps[2].change = Some(StateChange::Removed);
        ws.journeys[1].steps[0].change = Some(StateChange::Changed);
        let p = pair(&ws, &ws.journeys[1]);
        assert_eq!(
            p.marks.get(&Id::derived("t", "fpay")),
            Some(&StateChange::Removed)
        );
        assert!(p.dropped.contains(&Id::derived("t", "pay")));
        let s = p.summary();
        assert_eq!((s.kept, s.changed, s.removed, s.added), (0, 2, 3, 0));
        assert_eq!(s.emotion_after, Some(1.5));
    }

    #[test]
    fn a_card_moved_or_untied_from_a_system_is_changed() {
        let mut ws = check_up();
        let (now, next) = (ws.journeys[0].clone(), ws.journeys[1].clone());
        let crm = Id::derived("t", "crm");
        ws.links.push(crate::Link {
            id: Id::derived("t", "uses"),
            kind: LinkKind::Uses,
            from: now.steps[3].id,
            to: crm,
        });
        let p = pair(&ws, &ws.journeys[1]);
        assert_eq!(p.marks.get(&next.steps[2].id), Some(&StateChange::Changed));
        ws.links.clear();
        ws.journeys[1].steps[2].stage = next.stages[0].id;
        let p = pair(&ws, &ws.journeys[1]);
        assert_eq!(p.marks.get(&next.steps[2].id), Some(&StateChange::Changed));
    }

    #[test]
    fn a_changed_card_says_what_changed_in_words() {
        let mut ws = check_up();
        let next = ws.journeys[1].clone();
        ws.links.push(crate::Link {
            id: Id::derived("t", "uses"),
            kind: LinkKind::Uses,
            from: next.steps[2].id,
            to: Id::derived("t", "terminal"),
        });
        ws.entities.push(crate::Entity {
            id: Id::derived("t", "terminal"),
            kind: crate::EntityKind::System,
            name: "Card terminal".into(),
            description: String::new(),
            owner: None,
        });
        ws.journeys[1].steps[2].text = "Pays by card at the chair".into();
        ws.journeys[1].steps[2].stage = next.stages[0].id;
        let p = pair(&ws, &ws.journeys[1]);
        let changes: Vec<(String, String, String)> = p
            .what_changed(&Names::of(&ws), next.steps[2].id)
            .into_iter()
            .map(|c| (c.field, c.old, c.new))
            .collect();
        assert_eq!(
            changes,
            [
                (
                    "text".to_owned(),
                    "Pay at the desk".to_owned(),
                    "Pays by card at the chair".to_owned()
                ),
                ("stage".to_owned(), "Visit".to_owned(), "Book".to_owned()),
                (
                    "ties".to_owned(),
                    "(none)".to_owned(),
                    "Card terminal".to_owned()
                ),
            ]
        );
        // The wait is reworded, no longer a moment of truth and felt better; a new card has nothing
        // to compare with.
        let wait: Vec<String> = p
            .what_changed(&Names::of(&ws), next.steps[1].id)
            .into_iter()
            .map(|c| format!("{}: {} → {}", c.field, c.old, c.new))
            .collect();
        assert_eq!(
            wait,
            [
                "text: Wait in the waiting room → Get a text when the chair is free",
                "moment_of_truth: yes → no",
                "emotion: -2 → +1"
            ]
        );
        assert!(p.what_changed(&Names::of(&ws), next.steps[0].id).is_empty());
    }

    #[test]
    fn a_future_state_without_its_current_state_keeps_only_what_it_knows() {
        let mut ws = check_up();
        ws.journeys.remove(0);
        let p = pair(&ws, &ws.journeys[0]);
        assert!(p.current.is_none());
        assert_eq!(p.marks.len(), 1, "only the new card is marked");
        assert!(p.dropped.is_empty());
        assert_eq!(p.columns.len(), 2);
        assert!(p.columns.iter().all(|(c, f)| c.is_none() && f.is_some()));
    }

    #[test]
    fn stages_align_by_name_then_by_cards_and_never_cross() {
        let (now, mut next) = {
            let ws = check_up();
            (ws.journeys[0].clone(), ws.journeys[1].clone())
        };
        // The future renames "Visit" and adds a stage before it.
        next.stages[1].name = "At the practice".into();
        next.stages.push(stage("fremind", "Reminder", 0.5));
        let cols = align_stages(&now, &next);
        let id = |s: &str| Some(Id::derived("t", s));
        assert_eq!(
            cols,
            vec![
                (id("book"), id("fbook")),
                (None, id("fremind")),
                (id("visit"), id("fvisit")),
            ]
        );
        // Swapped stages cannot both stand over their twins.
        next.stages[0].position = 2.0;
        let cols = align_stages(&now, &next);
        assert_eq!(
            cols.iter()
                .filter(|(c, f)| c.is_some() && f.is_some())
                .count(),
            1
        );
        assert_eq!(cols.len(), 4);
    }

    #[test]
    fn creating_a_future_state_ties_it_to_the_journey_and_undo_takes_it_back() {
        let mut ws = check_up();
        ws.journeys.truncate(1);
        ws.journeys[0].steps[0].change = None;
        let now = ws.journeys[0].clone();
        let id = Id::derived("t", "future");
        let create = crate::edit::Edit::CreateFutureState {
            source: now.id,
            journey: id,
        };
        let (_, undo) = crate::edit::apply(&mut ws, &create).unwrap();
        let next = ws.journey(id).unwrap();
        assert_eq!(next.future_of, Some(now.id));
        assert_eq!(next.name, "now (future state)");
        let origins: HashSet<Id> = next.steps.iter().filter_map(|s| s.origin).collect();
        assert_eq!(origins, now.steps.iter().map(|s| s.id).collect());
        let p = pair(&ws, ws.journey(id).unwrap());
        assert!(p.marks.values().all(|m| *m == StateChange::Kept));
        assert!(p.dropped.is_empty());
        assert_eq!(p.columns.len(), 2);
        // A second future of the same journey gets a name of its own.
        let second = Id::derived("t", "future-2");
        crate::edit::apply(
            &mut ws,
            &crate::edit::Edit::CreateFutureState {
                source: now.id,
                journey: second,
            },
        )
        .unwrap();
        assert_eq!(ws.journey(second).unwrap().name, "now (future state 2)");
        ws.journeys.retain(|j| j.id != second);
        crate::edit::apply(&mut ws, &undo).unwrap();
        assert!(ws.journey(id).is_none());
        // A mark belongs on a future state's cards only.
        let mut marked = crate::edit::StepDetails::of(&now.steps[0]);
        marked.change = Some(StateChange::New);
        let refused = crate::edit::apply(
            &mut ws,
            &crate::edit::Edit::SetStepDetails {
                step: now.steps[0].id,
                details: marked,
            },
        );
        assert!(refused
            .unwrap_err()
            .to_string()
            .contains("not a future state"));
    }
}
