//! Merges of a hotel stay blueprint edited by two people, and the identities every merge keeps.

use proptest::prelude::*;

use super::*;
use crate::diff::hotel_stay::{card, hotel_stay, named, stage};
use crate::text_form::canonical;
use crate::{Entity, EntityKind, LaneKind, Link, LinkKind, Step};

fn clean(base: &Workspace, ours: &Workspace, theirs: &Workspace) -> Workspace {
    let m = merge(base, ours, theirs).unwrap();
    assert!(m.conflicts.is_empty(), "{:#?}", m.conflicts);
    assert!(m.repairs.is_empty(), "{:#?}", m.repairs);
    m.workspace
}

fn find<'a>(ws: &'a Workspace, text: &str) -> &'a Step {
    ws.journeys
        .iter()
        .flat_map(|j| &j.steps)
        .find(|s| s.text == text)
        .unwrap_or_else(|| panic!("no card '{text}'"))
}

/// A version with many kinds of edits at once, for the identities.
fn edited(base: &Workspace) -> Workspace {
    let mut x = base.clone();
    card(&mut x, "Pays bill").pain_point = Some("Minibar charges disputed".into());
    card(&mut x, "Doorman greets guest").lane = named("Backstage");
    x.journeys[0]
        .steps
        .retain(|s| s.text != "Asks for late checkout");
    x.journeys[0].steps.push(Step::new(
        named("Frontstage"),
        named("Stay"),
        2.0,
        "Concierge books a table",
    ));
    stage(&mut x, "Arrive").name = "Arrival".into();
    x.entities.push(Entity {
        id: Id::new(),
        kind: EntityKind::System,
        name: "Door key encoder".into(),
        description: String::new(),
        owner: None,
    });
    x.links.retain(|l| l.kind != LinkKind::Uses);
    x
}

#[test]
fn merging_with_an_unchanged_side_gives_the_changed_one() {
    let b = hotel_stay();
    let x = edited(&b);
    assert_eq!(clean(&b, &x, &b), canonical(&x));
    assert_eq!(clean(&b, &b, &x), canonical(&x));
    assert_eq!(clean(&b, &x, &x), canonical(&x));
    let sample = crate::sample::sample_workspace().unwrap();
    assert_eq!(clean(&sample, &sample, &sample), canonical(&sample));
}

#[test]
fn comments_written_on_both_sides_are_all_kept_and_a_resolve_meets_an_edit() {
    let b = hotel_stay();
    let comment = |text: &str, at| crate::Comment {
        id: Id::new(),
        target: find(&b, "Pays bill").id,
        author: "Ana".into(),
        at,
        text: text.into(),
        resolved: false,
    };
    let mut base = b.clone();
    base.journeys[0].comments = vec![comment("Which bill?", 1)];
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.journeys[0]
        .comments
        .push(comment("Minibar, mostly", 3));
    ours.journeys[0].comments[0].resolved = true;
    theirs.journeys[0].comments.push(comment("Ask finance", 2));
    let merged = clean(&base, &ours, &theirs);
    let said: Vec<(&str, bool)> = merged.journeys[0]
        .comments
        .iter()
        .map(|c| (c.text.as_str(), c.resolved))
        .collect();
    assert_eq!(
        said,
        [
            ("Which bill?", true),
            ("Ask finance", false),
            ("Minibar, mostly", false)
        ]
    );
}

#[test]
fn edits_to_different_cards_combine() {
    let b = hotel_stay();
    let mut ours = b.clone();
    card(&mut ours, "Pays bill").notes = "Offer express checkout".into();
    let mut theirs = b.clone();
    card(&mut theirs, "Doorman greets guest").moment_of_truth = true;
    let m = clean(&b, &ours, &theirs);
    assert_eq!(find(&m, "Pays bill").notes, "Offer express checkout");
    assert!(find(&m, "Doorman greets guest").moment_of_truth);
}

#[test]
fn edits_to_different_fields_of_one_card_combine() {
    let b = hotel_stay();
    let mut ours = b.clone();
    card(&mut ours, "Gives name at desk").text = "Gives name and passport".into();
    let mut theirs = b.clone();
    let c = card(&mut theirs, "Gives name at desk");
    c.emotion = Some(-2);
    c.stage = named("Arrive");
    let m = clean(&b, &ours, &theirs);
    let c = find(&m, "Gives name and passport");
    assert_eq!(c.emotion, Some(-2));
    assert_eq!(c.stage, named("Arrive"));
}

#[test]
fn both_changing_one_field_keeps_ours_and_lists_both_values() {
    let b = hotel_stay();
    let mut ours = b.clone();
    card(&mut ours, "Clerk checks reservation").owner = Some(named("Housekeeping"));
    let mut theirs = b.clone();
    card(&mut theirs, "Clerk checks reservation").owner = Some(named("Ana Duty Manager"));
    let m = merge(&b, &ours, &theirs).unwrap();
    assert_eq!(
        find(&m.workspace, "Clerk checks reservation").owner,
        Some(named("Housekeeping"))
    );
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.kind, ConflictKind::BothChanged);
    assert_eq!(c.field.as_deref(), Some("owner"));
    assert_eq!(
        (c.ours.as_str(), c.theirs.as_str()),
        ("Housekeeping", "Ana Duty Manager")
    );
    assert_eq!(
        to_text(&m),
        "conflict: owner of card 'Clerk checks reservation' changed on both sides: ours Housekeeping, theirs Ana Duty Manager; kept ours\n"
    );
}

#[test]
fn a_card_deleted_on_one_side_and_edited_on_the_other_is_kept() {
    let b = hotel_stay();
    let mut ours = b.clone();
    ours.journeys[0].steps.retain(|s| s.text != "Pays bill");
    let mut theirs = b.clone();
    card(&mut theirs, "Pays bill").fail_point = true;
    let m = merge(&b, &ours, &theirs).unwrap();
    assert!(find(&m.workspace, "Pays bill").fail_point);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].kind, ConflictKind::DeletedByOurs);
    let back = merge(&b, &theirs, &ours).unwrap();
    assert_eq!(
        back.workspace, m.workspace,
        "symmetric up to the conflict side"
    );
    assert_eq!(back.conflicts[0].kind, ConflictKind::DeletedByTheirs);
}

#[test]
fn a_stage_deleted_while_the_other_side_adds_a_card_in_it_is_restored() {
    let b = hotel_stay();
    let mut ours = b.clone();
    ours.journeys[0].stages.retain(|s| s.name != "Stay");
    ours.journeys[0].steps.retain(|s| s.stage != named("Stay"));
    let mut theirs = b.clone();
    theirs.journeys[0].steps.push(Step::new(
        named("Backstage"),
        named("Stay"),
        1.0,
        "Housekeeping turns down bed",
    ));
    let m = merge(&b, &ours, &theirs).unwrap();
    assert!(m.workspace.journeys[0]
        .stages
        .iter()
        .any(|s| s.name == "Stay"));
    assert_eq!(
        find(&m.workspace, "Housekeeping turns down bed").stage,
        named("Stay")
    );
    assert!(
        !m.workspace.journeys[0]
            .steps
            .iter()
            .any(|s| s.text == "Asks for late checkout"),
        "ours deleted the stage's other card, theirs left it alone"
    );
    assert_eq!(m.repairs.len(), 1, "{:#?}", m.repairs);
    assert_eq!(m.repairs[0].record.kind, RecordKind::Stage);
    assert!(
        to_text(&m).contains("repaired: stage 'Stay' restored"),
        "{}",
        to_text(&m)
    );
}

#[test]
fn two_cards_added_at_one_spot_are_spread_apart() {
    let b = hotel_stay();
    let mut ours = b.clone();
    ours.journeys[0].steps.push(Step::new(
        named("Frontstage"),
        named("Stay"),
        1.0,
        "Waiter serves breakfast",
    ));
    let mut theirs = b.clone();
    theirs.journeys[0].steps.push(Step::new(
        named("Frontstage"),
        named("Stay"),
        1.0,
        "Porter carries bags",
    ));
    let m = merge(&b, &ours, &theirs).unwrap();
    let a = find(&m.workspace, "Waiter serves breakfast").position;
    let c = find(&m.workspace, "Porter carries bags").position;
    assert_ne!(a, c);
    assert_eq!(m.repairs.len(), 1);
    assert_eq!(a.min(c), 1.0);
    assert_eq!(a.max(c), 1.5);
}

#[test]
fn an_owner_deleted_on_one_side_is_restored_for_the_other_sides_new_assignment() {
    let b = hotel_stay();
    let mut ours = b.clone();
    ours.entities.retain(|e| e.name != "Housekeeping");
    let mut theirs = b.clone();
    card(&mut theirs, "Housekeeping prepares room").owner = Some(named("Housekeeping"));
    let m = merge(&b, &ours, &theirs).unwrap();
    assert!(m.workspace.entity(named("Housekeeping")).is_some());
    assert_eq!(m.repairs.len(), 1);
    assert_eq!(m.repairs[0].record.kind, RecordKind::Entity);
}

#[test]
fn a_link_to_a_removed_card_is_removed() {
    let b = hotel_stay();
    let mut ours = b.clone();
    ours.journeys[0]
        .steps
        .retain(|s| s.text != "Cashier prints bill");
    let mut theirs = b.clone();
    theirs.links.push(Link {
        id: Id::new(),
        kind: LinkKind::Flow,
        from: named("Pays bill"),
        to: named("Cashier prints bill"),
    });
    let m = merge(&b, &ours, &theirs).unwrap();
    assert!(m
        .workspace
        .links
        .iter()
        .all(|l| l.to != named("Cashier prints bill")));
    assert_eq!(m.repairs.len(), 1);
    assert_eq!(m.repairs[0].record.kind, RecordKind::Link);
}

#[test]
fn a_card_moved_out_of_the_customer_lane_loses_the_score_the_other_side_gave_it() {
    let b = hotel_stay();
    let mut ours = b.clone();
    card(&mut ours, "Arrives at hotel").lane = named("Frontstage");
    card(&mut ours, "Arrives at hotel").emotion = None;
    let mut theirs = b.clone();
    card(&mut theirs, "Arrives at hotel").emotion = Some(2);
    let m = merge(&b, &ours, &theirs).unwrap();
    let c = find(&m.workspace, "Arrives at hotel");
    assert_eq!((c.lane, c.emotion), (named("Frontstage"), None));
    assert_eq!(
        m.conflicts.len(),
        1,
        "both changed the emotion: {:#?}",
        m.conflicts
    );
}

fn lane(ws: &mut Workspace) -> &mut crate::Lane {
    ws.journeys[0]
        .lanes
        .iter_mut()
        .find(|l| l.id == named("Frontstage"))
        .unwrap()
}

#[test]
fn lanes_and_entities_both_sides_changed_keep_the_rules() {
    let b = hotel_stay();
    let mut ours = b.clone();
    lane(&mut ours).kind = LaneKind::Customer;
    let mut theirs = b.clone();
    lane(&mut theirs).kind = LaneKind::Backstage;
    lane(&mut theirs).position = 3.5;
    crate::validate::validate_journey(&ours.journeys[0]).unwrap();
    crate::validate::validate_journey(&theirs.journeys[0]).unwrap();
    let team = |name: &str| Entity {
        id: Id::new(),
        kind: EntityKind::Team,
        name: name.into(),
        description: String::new(),
        owner: None,
    };
    ours.entities.push(team("Spa"));
    theirs.entities.push(team("Spa"));
    let m = merge(&b, &ours, &theirs).unwrap();
    let names: Vec<&str> = m
        .workspace
        .entities
        .iter()
        .filter(|e| e.name.starts_with("Spa"))
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"Spa (2)"), "{names:?}");
    let kinds: Vec<LaneKind> = m.workspace.journeys[0]
        .lanes
        .iter()
        .map(|l| l.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            LaneKind::Evidence,
            LaneKind::Customer,
            LaneKind::Customer,
            LaneKind::Backstage,
            LaneKind::Support
        ]
    );
    assert_eq!(m.conflicts.len(), 1, "the lane's kind: {:#?}", m.conflicts);
    assert_eq!(m.repairs.len(), 2, "{:#?}", m.repairs);
}

#[test]
fn a_journey_deleted_on_one_side_and_edited_on_the_other_is_kept_whole() {
    let b = hotel_stay();
    let ours = Workspace {
        journeys: Vec::new(),
        entities: b.entities.clone(),
        links: b
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::MemberOf)
            .cloned()
            .collect(),
        personas: Vec::new(),
    };
    let mut theirs = b.clone();
    card(&mut theirs, "Pays bill").notes = "Invoice to company".into();
    let m = merge(&b, &ours, &theirs).unwrap();
    assert_eq!(m.workspace, canonical(&theirs));
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].record.kind, RecordKind::Journey);
}

#[test]
fn the_workspace_name_merges_like_a_field() {
    assert_eq!(merge_name("Hotel", "Hotel", "Inn").0, "Inn");
    assert_eq!(merge_name("Hotel", "Resort", "Hotel").0, "Resort");
    let (name, conflict) = merge_name("Hotel", "Resort", "Inn");
    assert_eq!(name, "Resort");
    assert_eq!(conflict.unwrap().theirs, "Inn");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Generated workspaces edited at random: a side merged with an unchanged base gives that side,
    /// and every merge of two edited versions is valid.
    #[test]
    fn merges_keep_identities_and_rules(seed in 0u64..1000, a in 0u64..1000, c in 0u64..1000) {
        let mut base = crate::synthetic::workspace(2, 4, 40, seed);
        crate::synthetic::organisation(&mut base, 8, 1.0, seed);
        let x = scramble(&base, a);
        let y = scramble(&base, c);
        prop_assert_eq!(&merge(&base, &x, &base).unwrap().workspace, &canonical(&x));
        prop_assert_eq!(&merge(&base, &base, &x).unwrap().workspace, &canonical(&x));
        prop_assert_eq!(&merge(&base, &x, &x).unwrap().workspace, &canonical(&x));
        let m = merge(&base, &x, &y).unwrap();
        prop_assert!(validate_workspace(&m.workspace).is_ok());
        let n = merge(&base, &y, &x).unwrap();
        prop_assert_eq!(m.conflicts.len(), n.conflicts.len());
        if m.conflicts.is_empty() {
            prop_assert_eq!(&m.workspace, &n.workspace);
        }
    }
}

/// A valid edit of `base` chosen by `seed`: texts changed, cards moved between cells, cards and
/// entities deleted (with what refers to them), stages deleted.
fn scramble(base: &Workspace, seed: u64) -> Workspace {
    let mut rng = crate::synthetic::Rng::new(seed);
    let mut ws = base.clone();
    for j in &mut ws.journeys {
        let lanes: Vec<(Id, LaneKind)> = j.lanes.iter().map(|l| (l.id, l.kind)).collect();
        let stages: Vec<Id> = j.stages.iter().map(|s| s.id).collect();
        for s in &mut j.steps {
            match rng.below(8) {
                0 => s.text = format!("edited {}", rng.below(3)),
                1 => {
                    let (lane, kind) = lanes[rng.below(lanes.len())];
                    s.lane = lane;
                    if kind != LaneKind::Customer {
                        s.emotion = None;
                    }
                }
                2 => s.stage = stages[rng.below(stages.len())],
                3 => s.notes = format!("note {}", rng.below(3)),
                _ => {}
            }
        }
        if rng.below(3) == 0 && j.stages.len() > 1 {
            let gone = j.stages.remove(rng.below(j.stages.len())).id;
            j.steps.retain(|s| s.stage != gone);
        }
        let keep = rng.below(4) + 1;
        let mut i = 0;
        j.steps.retain(|_| {
            i += 1;
            i % (keep + 3) != 0
        });
    }
    if rng.below(2) == 0 && !ws.entities.is_empty() {
        let gone = ws.entities.remove(rng.below(ws.entities.len())).id;
        for e in &mut ws.entities {
            if e.owner == Some(gone) {
                e.owner = None;
            }
        }
        for s in ws.journeys.iter_mut().flat_map(|j| &mut j.steps) {
            if s.owner == Some(gone) {
                s.owner = None;
            }
        }
    }
    let alive: std::collections::HashSet<Id> = ws
        .journeys
        .iter()
        .flat_map(|j| j.steps.iter().map(|s| s.id))
        .chain(ws.entities.iter().map(|e| e.id))
        .collect();
    ws.links
        .retain(|l| alive.contains(&l.from) && alive.contains(&l.to));
    validate_workspace(&ws).expect("scramble keeps the rules");
    ws
}
