use std::collections::HashSet;

use super::*;
use crate::edit::Template;
use crate::edit::{apply, describe};
use crate::sample::sample_workspace;
use crate::text::MAX_TEXT_CHARS;
use crate::{synthetic, validate_workspace, Link, LinkKind};

/// Applies `edit`, checks the workspace, and returns the undo.
fn applied(ws: &mut Workspace, edit: &Edit) -> Edit {
    let (_, inverse) = apply(ws, edit).expect("the paste applies");
    validate_workspace(ws).expect("the workspace keeps its rules");
    inverse
}

fn seed(key: &str) -> Id {
    Id::derived("clip-tests", key)
}

/// A card's contents as a person sees them: everything but its id and place.
fn contents(
    s: &Step,
) -> (
    String,
    Option<String>,
    bool,
    Option<String>,
    String,
    usize,
    Option<Id>,
) {
    (
        s.text.clone(),
        s.channel.clone(),
        s.moment_of_truth,
        s.pain_point.clone(),
        s.notes.clone(),
        s.metrics.len(),
        s.owner,
    )
}

/// The sample journey with the most cards that are owned, linked to entities and joined by a flow.
fn rich_pick(ws: &Workspace) -> (Id, Vec<Id>) {
    let j = ws
        .journeys
        .iter()
        .max_by_key(|j| j.steps.iter().filter(|s| s.owner.is_some()).count())
        .unwrap();
    let flow = ws
        .flows_of(j)
        .into_iter()
        .find(|f| {
            let (a, b) = (j.step(f.from).unwrap(), j.step(f.to).unwrap());
            a.lane != b.lane && a.stage != b.stage
        })
        .expect("a flow across lanes and stages");
    let linked = j
        .steps
        .iter()
        .find(|s| {
            s.owner.is_some()
                && ws
                    .links
                    .iter()
                    .any(|l| l.from == s.id && l.kind != LinkKind::Flow)
        })
        .expect("an owned card with an entity link");
    let mut picked = vec![flow.from, flow.to];
    if !picked.contains(&linked.id) {
        picked.push(linked.id);
    }
    (j.id, picked)
}

fn new_cards<'a>(ws: &'a Workspace, pasted: &Pasted) -> Vec<&'a Step> {
    pasted
        .steps
        .iter()
        .map(|id| ws.journeys.iter().find_map(|j| j.step(*id)).unwrap())
        .collect()
}

#[test]
fn a_copy_pastes_into_another_cell_with_its_details_links_and_shape_and_undoes_exactly() {
    let mut ws = sample_workspace().unwrap();
    let (journey, picked) = rich_pick(&ws);
    let clip = copy(&ws, journey, &picked).unwrap();
    let before = ws.clone();
    let j = ws.journey(journey).unwrap().clone();
    let mut stages = j.stages.clone();
    stages.sort_by(|a, b| a.position.total_cmp(&b.position));
    let target = Target {
        journey,
        lane: j.lanes[0].id,
        stage: stages[1].id,
    };
    let pasted = paste(
        &ws,
        &target,
        &Pasting::Rich {
            rich: clip.rich.clone(),
        },
        seed("a"),
    )
    .unwrap();
    assert_eq!(describe(&pasted.edit, &ws), "pasted 3 cards");
    let undo = applied(&mut ws, &pasted.edit);
    assert_eq!(ws.entities, before.entities, "entities are reused by id");
    let copies = new_cards(&ws, &pasted);
    assert_eq!(copies.len(), picked.len());
    let originals: Vec<&Step> = picked.iter().map(|id| j.step(*id).unwrap()).collect();
    let mut want: Vec<_> = originals.iter().map(|s| contents(s)).collect();
    let mut have: Vec<_> = copies.iter().map(|s| contents(s)).collect();
    want.sort();
    have.sort();
    assert_eq!(have, want, "every detail travels");

    // The leftmost copied stage lands on the target stage and the top lane on the target lane, the
    // others keeping their distance.
    let order = place::Order::of(&j);
    let cell = |s: &Step| order.cell(s.lane, s.stage).unwrap();
    let s0 = originals.iter().map(|s| cell(s).0).min().unwrap();
    let l0 = originals.iter().map(|s| cell(s).1).min().unwrap();
    for (o, c) in originals
        .iter()
        .zip(&copies)
        .filter(|(o, c)| o.text == c.text)
    {
        let (os, ol) = cell(o);
        let (cs, cl) = cell(c);
        assert_eq!(cs, (1 + os - s0).min(stages.len() - 1));
        assert_eq!(cl, ol - l0);
    }
    // After the cards already in the cell.
    for c in &copies {
        let last_before = before
            .journey(journey)
            .unwrap()
            .steps
            .iter()
            .filter(|s| s.lane == c.lane && s.stage == c.stage)
            .map(|s| s.position)
            .fold(f64::MIN, f64::max);
        assert!(c.position > last_before);
    }
    // The flow between the copies, and the same entity links as the originals.
    let new: HashSet<Id> = pasted.steps.iter().copied().collect();
    let flows = ws
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::Flow && new.contains(&l.from))
        .count();
    assert_eq!(flows, 1, "the arrow among the copied cards comes along");
    let ties = |ids: &HashSet<Id>, ws: &Workspace| {
        let mut v: Vec<(LinkKind, Id)> = ws
            .links
            .iter()
            .filter(|l| l.kind != LinkKind::Flow && ids.contains(&l.from))
            .map(|l| (l.kind, l.to))
            .collect();
        v.sort_by_key(|(k, id)| (format!("{k:?}"), *id));
        v
    };
    let old: HashSet<Id> = picked.iter().copied().collect();
    assert_eq!(ties(&new, &ws), ties(&old, &before));

    apply(&mut ws, &undo).unwrap();
    assert_eq!(ws, before, "one undo takes the whole paste away");
}

#[test]
fn pasting_into_a_journey_with_other_lanes_maps_them_by_kind_and_clamps_stages() {
    let mut ws = sample_workspace().unwrap();
    let (journey, picked) = rich_pick(&ws);
    let clip = copy(&ws, journey, &picked).unwrap();
    // A blank journey: one stage and one customer lane, then a backstage lane named unlike any other.
    let blank = seed("blank");
    let backstage = seed("backstage");
    applied(
        &mut ws,
        &Edit::Batch {
            edits: vec![
                Edit::CreateJourney {
                    journey: blank,
                    name: "Walk-in".into(),
                    template: Template::Blank,
                },
                Edit::AddLane {
                    journey: blank,
                    lane: backstage,
                    name: "Kitchen".into(),
                    kind: LaneKind::Backstage,
                    to: crate::edit::Slot::END,
                },
            ],
        },
    );
    let j = ws.journey(blank).unwrap().clone();
    let customer = j
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Customer)
        .unwrap()
        .id;
    let target = Target {
        journey: blank,
        lane: backstage,
        stage: j.stages[0].id,
    };
    let before = ws.clone();
    let pasted = paste(&ws, &target, &Pasting::Rich { rich: clip.rich }, seed("b")).unwrap();
    let undo = applied(&mut ws, &pasted.edit);
    let src = before.journey(journey).unwrap();
    for (copy, original) in new_cards(&ws, &pasted).iter().zip(&picked) {
        let kind = src.lane(src.step(*original).unwrap().lane).unwrap().kind;
        assert_eq!(
            copy.stage, j.stages[0].id,
            "one stage: every card clamps to it"
        );
        let lane = ws.journey(blank).unwrap().lane(copy.lane).unwrap();
        match kind {
            LaneKind::Customer => assert_eq!(lane.id, customer),
            LaneKind::Backstage => assert_eq!(lane.id, backstage),
            _ => assert_eq!(lane.id, target.lane, "no lane of its kind: the target lane"),
        }
        if lane.kind != LaneKind::Customer {
            assert_eq!(copy.emotion, None);
        }
    }
    apply(&mut ws, &undo).unwrap();
    assert_eq!(ws, before);
}

#[test]
fn pasting_into_another_workspace_creates_the_entities_it_needs() {
    let src = sample_workspace().unwrap();
    let (journey, picked) = rich_pick(&src);
    let clip = copy(&src, journey, &picked).unwrap();
    let mut ws = Workspace::default();
    let mut j = Journey::from_template("Elsewhere", &["One", "Two"]);
    j.id = seed("elsewhere");
    ws.journeys.push(j.clone());
    let target = Target {
        journey: j.id,
        lane: j.lanes[2].id,
        stage: j.stages[0].id,
    };
    let pasted = paste(&ws, &target, &Pasting::Rich { rich: clip.rich }, seed("c")).unwrap();
    assert!(matches!(pasted.edit, Edit::Batch { .. }));
    assert!(
        describe(&pasted.edit, &ws).starts_with("pasted "),
        "told as the paste, not as the entities it creates"
    );
    let undo = applied(&mut ws, &pasted.edit);
    assert!(!ws.entities.is_empty());
    for c in new_cards(&ws, &pasted) {
        if let Some(o) = c.owner {
            assert!(ws.entity(o).is_some());
        }
    }
    apply(&mut ws, &undo).unwrap();
    assert!(ws.entities.is_empty() && ws.links.is_empty());
    assert_eq!(ws.journeys[0], j);
}

#[test]
fn a_generated_journey_of_200_cards_copies_whole_into_a_new_journey() {
    let mut ws = synthetic::workspace(1, 8, 200, 11);
    synthetic::organisation(&mut ws, 40, 1.5, 11);
    let journey = ws.journeys[0].id;
    let all: Vec<Id> = ws.journeys[0].steps.iter().map(|s| s.id).collect();
    let clip = copy(&ws, journey, &all).unwrap();
    assert_eq!(clip.text.lines().count(), 200);
    assert_eq!(clip.tsv.lines().count(), 201, "a header and a row per card");
    let fresh = seed("fresh");
    applied(
        &mut ws,
        &Edit::CreateJourney {
            journey: fresh,
            name: "Copy".into(),
            template: Template::Blueprint,
        },
    );
    let j = ws.journey(fresh).unwrap().clone();
    let target = Target {
        journey: fresh,
        lane: j.lanes[0].id,
        stage: j.stages[0].id,
    };
    let card_links = |ws: &Workspace| {
        let cards: HashSet<Id> = ws
            .journeys
            .iter()
            .flat_map(|j| &j.steps)
            .map(|s| s.id)
            .collect();
        ws.links.iter().filter(|l| cards.contains(&l.from)).count()
    };
    let links = card_links(&ws);
    let pasted = paste(&ws, &target, &Pasting::Rich { rich: clip.rich }, seed("d")).unwrap();
    assert_eq!(describe(&pasted.edit, &ws), "pasted 200 cards");
    applied(&mut ws, &pasted.edit);
    let copy = ws.journey(fresh).unwrap();
    assert_eq!(copy.steps.len(), 200);
    let src = &ws.journeys[0];
    let kinds = |j: &Journey| {
        let mut v: Vec<LaneKind> = j
            .steps
            .iter()
            .map(|s| j.lane(s.lane).unwrap().kind)
            .collect();
        v.sort();
        v
    };
    assert_eq!(kinds(copy), kinds(src), "the standard lanes map one to one");
    assert_eq!(
        card_links(&ws),
        links * 2,
        "every flow and entity link is doubled"
    );
}

#[test]
fn lines_become_cards_in_order_at_the_end_of_the_cell() {
    let mut ws = sample_workspace().unwrap();
    let j = ws.journeys[0].clone();
    let busy = &j.steps[0];
    let target = Target {
        journey: j.id,
        lane: busy.lane,
        stage: busy.stage,
    };
    let before = ws.clone();
    let text = "Calls the insurer\r\n\n   \n  Sends \u{0}photos\u{FFFE}\tof the damage  \nWaits";
    let pasted = paste(
        &ws,
        &target,
        &Pasting::Text { text: text.into() },
        seed("e"),
    )
    .unwrap();
    assert_eq!(describe(&pasted.edit, &ws), "pasted 3 cards");
    let undo = applied(&mut ws, &pasted.edit);
    let texts: Vec<&str> = new_cards(&ws, &pasted)
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        texts,
        ["Calls the insurer", "Sends photos of the damage", "Waits"]
    );
    let j = ws.journey(j.id).unwrap();
    let mut cell: Vec<&Step> = j
        .steps
        .iter()
        .filter(|s| s.lane == target.lane && s.stage == target.stage)
        .collect();
    cell.sort_by(|a, b| a.position.total_cmp(&b.position));
    let tail: Vec<Id> = cell.iter().rev().take(3).rev().map(|s| s.id).collect();
    assert_eq!(
        tail, pasted.steps,
        "after the cards already there, in order"
    );
    apply(&mut ws, &undo).unwrap();
    assert_eq!(ws, before);

    let one = paste(
        &ws,
        &target,
        &Pasting::Text {
            text: "Just one".into(),
        },
        seed("f"),
    )
    .unwrap();
    assert_eq!(describe(&one.edit, &ws), "pasted 'Just one'");
}

#[test]
fn hostile_text_is_refused_whole_or_cleaned() {
    let ws = sample_workspace().unwrap();
    let j = &ws.journeys[0];
    let target = Target {
        journey: j.id,
        lane: j.lanes[0].id,
        stage: j.stages[0].id,
    };
    let try_paste = |text: String| paste(&ws, &target, &Pasting::Text { text }, seed("g"));
    assert!(matches!(
        try_paste("x".repeat(10 << 20)),
        Err(ClipError::TooBig { .. })
    ));
    assert_eq!(
        try_paste("a\n".repeat(100_000)),
        Err(ClipError::TooManyLines { lines: 100_000 })
    );
    let mut text = "ok\n".repeat(MAX_PASTE_LINES);
    assert!(try_paste(text.clone()).is_ok(), "exactly the limit is fine");
    text.push_str("one more");
    assert!(matches!(
        try_paste(text),
        Err(ClipError::TooManyLines { lines }) if lines == MAX_PASTE_LINES + 1
    ));
    let long = format!("fine\n{}\nfine", "y".repeat(MAX_TEXT_CHARS + 1));
    let err = try_paste(long).unwrap_err();
    assert_eq!(
        err,
        ClipError::LineTooLong {
            line: 2,
            chars: MAX_TEXT_CHARS + 1,
            limit: MAX_TEXT_CHARS
        }
    );
    assert!(err.to_string().contains("line 2"), "{err}");
    for nothing in ["", "   \n\t\n", "\u{0}\u{FFFE}\u{FFFF}\n\u{7}"] {
        assert_eq!(
            try_paste(nothing.into()),
            Err(ClipError::Nothing("paste")),
            "{nothing:?}"
        );
    }
    // An HTML fragment read as text is only words: one card per line, nothing interpreted.
    let pasted = try_paste("<b>Bold</b>\n<img src=x onerror=alert(1)>".into()).unwrap();
    let mut copy = ws.clone();
    applied(&mut copy, &pasted.edit);
    assert_eq!(
        new_cards(&copy, &pasted)[1].text,
        "<img src=x onerror=alert(1)>"
    );
}

#[test]
fn damaged_rich_clips_are_refused_with_a_reason() {
    let ws = sample_workspace().unwrap();
    let (journey, picked) = rich_pick(&ws);
    let j = ws.journey(journey).unwrap();
    let target = Target {
        journey,
        lane: j.lanes[0].id,
        stage: j.stages[0].id,
    };
    let rich = copy(&ws, journey, &picked).unwrap().rich;
    let mut outside = JourneyPackage::from_json(&rich).unwrap();
    outside.journey.steps[0].lane = Id::new();
    let try_rich = |rich: String| paste(&ws, &target, &Pasting::Rich { rich }, seed("h"));
    for bad in [
        "not json".to_owned(),
        "{\"format\":\"other\",\"version\":1}".to_owned(),
        outside.to_json(),
    ] {
        assert!(matches!(try_rich(bad), Err(ClipError::Damaged(_))));
    }
    let mut pkg = JourneyPackage::from_json(&rich).unwrap();
    pkg.journey.steps.clear();
    assert_eq!(try_rich(pkg.to_json()), Err(ClipError::Nothing("paste")));
    let gone = Target {
        stage: Id::new(),
        ..target
    };
    assert_eq!(
        paste(&ws, &gone, &Pasting::Rich { rich }, seed("i")),
        Err(ClipError::Missing { what: "stage" })
    );
    assert_eq!(copy(&ws, journey, &[]), Err(ClipError::Nothing("copy")));
    assert_eq!(
        copy(&ws, journey, &[Id::new()]),
        Err(ClipError::Missing { what: "card" })
    );
}

#[test]
fn the_text_forms_are_one_line_per_card_and_the_table_pastes_back_with_its_columns() {
    let mut ws = sample_workspace().unwrap();
    let (journey, picked) = rich_pick(&ws);
    let step = picked[0];
    let mut details =
        crate::edit::StepDetails::of(ws.journey(journey).unwrap().step(step).unwrap());
    details.notes = "First line\nsecond \"quoted\" line\twith a tab".into();
    details.moment_of_truth = true;
    details.pain_point = Some("=SUM(A1)".into());
    applied(&mut ws, &Edit::SetStepDetails { step, details });
    applied(
        &mut ws,
        &Edit::SetStepText {
            step,
            text: "Two\nlines".into(),
        },
    );
    let clip = copy(&ws, journey, &picked).unwrap();
    assert_eq!(clip.text.lines().count(), picked.len());
    assert!(clip.text.lines().any(|l| l == "Two lines"));
    assert!(clip.tsv.starts_with("stage\tlane\ttext\towner\t"));
    assert!(clip.html.starts_with("<table><tr><th>stage</th>"));
    assert!(clip
        .html
        .contains("First line<br>second &quot;quoted&quot;"));

    let j = ws.journey(journey).unwrap().clone();
    let target = Target {
        journey,
        lane: j.lanes[0].id,
        stage: j.stages[0].id,
    };
    let pasted = paste(&ws, &target, &Pasting::Text { text: clip.tsv }, seed("j")).unwrap();
    applied(&mut ws, &pasted.edit);
    let mut want: Vec<_> = picked
        .iter()
        .map(|id| {
            let s = j.step(*id).unwrap();
            (contents(s), s.lane, s.stage, s.emotion, s.fail_point)
        })
        .collect();
    let mut have: Vec<_> = new_cards(&ws, &pasted)
        .iter()
        .map(|s| {
            let mut c = contents(s);
            c.5 = want.iter().find(|w| w.0 .0 == s.text).map_or(0, |w| w.0 .5);
            (c, s.lane, s.stage, s.emotion, s.fail_point)
        })
        .collect();
    want.sort_by_key(|w| format!("{w:?}"));
    have.sort_by_key(|w| format!("{w:?}"));
    assert_eq!(have, want, "a table row keeps its columns, stage and lane");
}

#[test]
fn a_duplicate_lands_right_after_the_originals_and_undoes_in_one_step() {
    let mut ws = sample_workspace().unwrap();
    let (journey, picked) = rich_pick(&ws);
    let before = ws.clone();
    let pasted = duplicate(&ws, journey, &picked, seed("k")).unwrap();
    assert_eq!(describe(&pasted.edit, &ws), "duplicated 3 cards");
    let undo = applied(&mut ws, &pasted.edit);
    let j = ws.journey(journey).unwrap();
    for id in &picked {
        let original = before.journey(journey).unwrap().step(*id).unwrap();
        let mut cell: Vec<&Step> = j
            .steps
            .iter()
            .filter(|s| s.lane == original.lane && s.stage == original.stage)
            .collect();
        cell.sort_by(|a, b| a.position.total_cmp(&b.position));
        let at = cell.iter().position(|s| s.id == original.id).unwrap();
        let next = cell[at + 1];
        assert!(
            picked.contains(&next.id) || pasted.steps.contains(&next.id),
            "a copy follows the originals of its cell"
        );
    }
    let flows_before = before
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::Flow)
        .count();
    let flows_after = ws.links.iter().filter(|l| l.kind == LinkKind::Flow).count();
    assert_eq!(flows_after, flows_before + 1);
    apply(&mut ws, &undo).unwrap();
    assert_eq!(ws, before);
}

#[test]
fn cards_added_at_once_must_bring_only_links_that_touch_them() {
    let mut ws = sample_workspace().unwrap();
    let j = &ws.journeys[0];
    let (a, b) = (j.steps[0].id, j.steps[1].id);
    let mut card = Step::new(j.lanes[0].id, j.stages[0].id, 99.0, "New");
    card.id = seed("new");
    let stray = Edit::AddSteps {
        journey: j.id,
        steps: vec![card],
        links: vec![Link {
            id: seed("stray"),
            kind: LinkKind::Flow,
            from: a,
            to: b,
        }],
        added_by: AddedBy::Paste,
    };
    let before = ws.clone();
    assert!(apply(&mut ws, &stray).is_err());
    assert_eq!(ws, before);
}

#[test]
fn a_future_states_card_pasted_or_duplicated_is_new_and_leaves_its_mark_behind() {
    let mut ws = sample_workspace().unwrap();
    let source = ws.journeys[0].id;
    let future = seed("future");
    applied(
        &mut ws,
        &Edit::CreateFutureState {
            source,
            journey: future,
        },
    );
    let card = ws.journey(future).unwrap().steps[0].clone();
    let mut details = crate::edit::StepDetails::of(&card);
    details.change = Some(crate::StateChange::Removed);
    applied(
        &mut ws,
        &Edit::SetStepDetails {
            step: card.id,
            details,
        },
    );
    // Into the current state, which is no future state: the mark would be refused there.
    let clip = copy(&ws, future, &[card.id]).unwrap();
    let target = Target {
        journey: source,
        lane: ws.journeys[0].lanes[1].id,
        stage: ws.journeys[0].stages[0].id,
    };
    let pasted = paste(&ws, &target, &Pasting::Rich { rich: clip.rich }, seed("p")).unwrap();
    applied(&mut ws, &pasted.edit);
    let copy = ws.journeys[0].step(pasted.steps[0]).unwrap();
    assert_eq!((copy.origin, copy.change), (None, None));
    // Duplicated in the future state: a card that came from nothing today is new.
    let twin = duplicate(&ws, future, &[card.id], seed("d")).unwrap();
    applied(&mut ws, &twin.edit);
    let f = ws.journey(future).unwrap();
    let p = crate::future::pair(&ws, f);
    assert_eq!(p.marks.get(&twin.steps[0]), Some(&crate::StateChange::New));
}
