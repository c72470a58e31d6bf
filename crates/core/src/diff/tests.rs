//! The diff on a hotel stay after the edits a workshop makes.

use super::hotel_stay::{card, hotel_stay, named, stage};
use super::*;
use crate::{Entity, EntityKind, Id, LinkKind, Step, Workspace};

fn journey(d: &WorkspaceDiff) -> &JourneyDiff {
    assert_eq!(d.journeys.len(), 1, "{d:#?}");
    &d.journeys[0]
}

#[test]
fn a_workspace_does_not_differ_from_itself() {
    let ws = hotel_stay();
    assert!(diff(&ws, &ws).is_empty());
    let sample = crate::sample::sample_workspace().unwrap();
    assert!(diff(&sample, &sample).is_empty());
    assert_eq!(to_text(&diff(&ws, &ws)), "");
}

#[test]
fn a_moved_card_says_where_it_came_from() {
    let old = hotel_stay();
    let mut new = old.clone();
    card(&mut new, "Clerk checks reservation").lane = named("Backstage");
    let d = diff(&old, &new);
    let j = journey(&d);
    assert_eq!(j.cards.len(), 1);
    let c = &j.cards[0];
    assert_eq!(c.change, Change::Changed);
    assert_eq!(c.place.lane_name, "Backstage actions");
    let from = c.moved_from.as_ref().expect("moved");
    assert_eq!(from.lane_name, "Frontstage actions");
    assert_eq!(from.stage_name, "Check in");
    assert_eq!(
        to_text(&d),
        "Journey \"Hotel stay\":\n  Check in: card 'Clerk checks reservation' moved from Frontstage actions to Backstage actions\n"
    );
}

#[test]
fn an_owner_change_names_both_owners() {
    let old = hotel_stay();
    let mut new = old.clone();
    card(&mut new, "Clerk checks reservation").owner = Some(named("Housekeeping"));
    let d = diff(&old, &new);
    let f = &journey(&d).cards[0].fields;
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].old.as_str(), f[0].new.as_str()),
        ("Front desk", "Housekeeping")
    );
    assert_eq!(f[0].new_value, serde_json::json!(named("Housekeeping")));
    assert!(to_text(&d).contains("owner of 'Clerk checks reservation': Front desk → Housekeeping"));
}

#[test]
fn edited_fields_keep_old_and_new_values() {
    let old = hotel_stay();
    let mut new = old.clone();
    let c = card(&mut new, "Gives name at desk");
    c.text = "Gives name and passport at desk".into();
    c.emotion = Some(-1);
    c.pain_point = Some("Queue at the desk".into());
    c.moment_of_truth = true;
    let d = diff(&old, &new);
    let c = &journey(&d).cards[0];
    let by = |name: &str| c.fields.iter().find(|f| f.field == name).unwrap();
    assert_eq!(by("text").old, "Gives name at desk");
    assert_eq!(by("emotion").old, "0");
    assert_eq!(by("emotion").new, "-1");
    assert_eq!(by("pain_point").old, "(none)");
    assert_eq!(by("moment_of_truth").new, "yes");
    let order: Vec<&str> = c.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(order, ["text", "moment_of_truth", "emotion", "pain_point"]);
    let text = to_text(&d);
    assert!(
        text.contains(
            "pain point of 'Gives name and passport at desk': (none) → Queue at the desk"
        ),
        "{text}"
    );
}

#[test]
fn a_removed_card_keeps_where_it_was_and_an_added_one_where_it_is() {
    let old = hotel_stay();
    let mut new = old.clone();
    let j = &mut new.journeys[0];
    j.steps.retain(|s| s.text != "Doorman greets guest");
    new.links.retain(|l| l.to != named("Doorman greets guest"));
    let added = Step::new(
        named("Frontstage"),
        named("Stay"),
        1.0,
        "Concierge books a table",
    );
    let added_id = added.id;
    new.journeys[0].steps.push(added);
    let d = diff(&old, &new);
    let j = journey(&d);
    let removed = j
        .cards
        .iter()
        .find(|c| c.change == Change::Removed)
        .unwrap();
    assert_eq!(removed.text, "Doorman greets guest");
    assert_eq!(removed.place.lane_name, "Frontstage actions");
    assert_eq!(removed.place.stage_name, "Arrive");
    let added = j.cards.iter().find(|c| c.change == Change::Added).unwrap();
    assert_eq!(added.id, added_id);
    assert_eq!(added.place.stage_name, "Stay");
    assert_eq!(j.links.len(), 1);
    assert_eq!(j.links[0].change, Change::Removed);
    assert_eq!(j.links[0].kind, LinkKind::Flow);
    let text = to_text(&d);
    assert!(
        text.contains("Arrive: card 'Doorman greets guest' removed from Frontstage actions"),
        "{text}"
    );
    assert!(
        text.contains("Stay: card 'Concierge books a table' added in Frontstage actions"),
        "{text}"
    );
    assert!(
        text.contains("flow 'Arrives at hotel' → 'Doorman greets guest': removed"),
        "{text}"
    );
    // Cards come in blueprint order: stage Arrive before stage Stay.
    assert_eq!(j.cards[0].change, Change::Removed);
}

#[test]
fn stages_and_lanes_renamed_reordered_added_and_removed() {
    let old = hotel_stay();
    let mut new = old.clone();
    stage(&mut new, "Arrive").name = "Arrival".into();
    stage(&mut new, "Stay").position = 10.0;
    stage(&mut new, "Book").position = 0.5;
    new.journeys[0].stages.push(crate::Stage {
        id: Id::new(),
        name: "Review".into(),
        position: 20.0,
    });
    new.journeys[0]
        .lanes
        .retain(|l| l.name != "Physical evidence");
    let d = diff(&old, &new);
    let j = journey(&d);
    let arrival = j.stages.iter().find(|s| s.name == "Arrival").unwrap();
    assert_eq!(arrival.renamed_from.as_deref(), Some("Arrive"));
    assert!(!arrival.reordered);
    assert!(j.stages.iter().any(|s| s.name == "Stay" && s.reordered));
    assert!(
        !j.stages.iter().any(|s| s.name == "Book"),
        "a new position that keeps the order is not a change"
    );
    assert!(j
        .stages
        .iter()
        .any(|s| s.name == "Review" && s.change == Change::Added));
    assert_eq!(j.lanes.len(), 1);
    assert_eq!(j.lanes[0].change, Change::Removed);
    let text = to_text(&d);
    assert!(
        text.contains("stage \"Arrive\" renamed to \"Arrival\""),
        "{text}"
    );
    assert!(text.contains("stage \"Stay\" reordered"), "{text}");
    assert!(
        text.contains("lane \"Physical evidence\" removed"),
        "{text}"
    );
}

#[test]
fn entities_and_their_links_are_listed_apart_from_journeys() {
    let old = hotel_stay();
    let mut new = old.clone();
    new.entities.push(Entity {
        id: Id::new(),
        kind: EntityKind::Team,
        name: "Concierge desk".into(),
        description: String::new(),
        owner: None,
    });
    new.entities
        .iter_mut()
        .find(|e| e.name == "Property management system")
        .unwrap()
        .owner = Some(named("Housekeeping"));
    new.links.retain(|l| l.kind != LinkKind::MemberOf);
    let d = diff(&old, &new);
    assert!(d.journeys.is_empty());
    assert_eq!(d.entities.len(), 2);
    assert_eq!(d.links.len(), 1);
    let text = to_text(&d);
    assert!(text.contains("team 'Concierge desk': added"), "{text}");
    assert!(
        text.contains("owner of system 'Property management system': Front desk → Housekeeping"),
        "{text}"
    );
    assert!(
        text.contains("'Ana Duty Manager' member of 'Front desk': removed"),
        "{text}"
    );
}

#[test]
fn a_diff_limited_to_one_journey_leaves_the_rest_out() {
    let old = hotel_stay();
    let mut new = old.clone();
    let mut other = crate::Journey::from_template("Restaurant dinner", &["Arrive"]);
    other.position = 1.0;
    let other_id = other.id;
    new.journeys.push(other);
    new.entities.retain(|e| e.name != "Check-in procedure");
    new.links.retain(|l| l.to != named("Check-in procedure"));
    card(&mut new, "Pays bill").notes = "Card or cash".into();
    let all = diff(&old, &new);
    assert_eq!(all.journeys.len(), 2);
    assert_eq!(all.journeys[1].change, Change::Added);
    assert_eq!(all.entities.len(), 1);
    let one = diff_journey(&old, &new, named("journey"));
    assert_eq!(one.journeys.len(), 1);
    assert!(one.entities.is_empty());
    let j = &one.journeys[0];
    assert_eq!(j.cards.len(), 1);
    assert_eq!(
        j.links.len(),
        1,
        "the removed part-of link starts at a card of the journey"
    );
    assert!(diff_journey(&old, &new, other_id).journeys[0].change == Change::Added);
}

#[test]
fn unrelated_workspaces_are_said_to_be() {
    let hotel = hotel_stay();
    let sample = crate::sample::sample_workspace().unwrap();
    let d = diff(&hotel, &sample);
    assert!(d.unrelated);
    assert!(to_text(&d).starts_with("note: the two versions have no journey in common"));
    assert!(!diff(&hotel, &Workspace::default()).unrelated);
}

#[test]
fn the_diff_round_trips_through_json() {
    let old = hotel_stay();
    let mut new = old.clone();
    card(&mut new, "Pays bill").stage = named("Stay");
    let d = diff(&old, &new);
    let json = serde_json::to_string(&d).unwrap();
    let back: WorkspaceDiff = serde_json::from_str(&json).unwrap();
    assert_eq!(back, d);
}

/// The sample workspace after a scripted workshop: a stage renamed, a frontstage card moved backstage,
/// an owner changed, a card removed and one added, a flow drawn and a team added. The text report is
/// compared with `golden/sample_edits.txt`; `UPDATE_GOLDEN=1` rewrites it after a deliberate change.
#[test]
fn the_sample_after_scripted_edits_matches_its_golden_report() {
    let old = crate::sample::sample_workspace().unwrap();
    let mut new = old.clone();
    let teams: Vec<Id> = new
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Team)
        .map(|e| e.id)
        .collect();
    let j = &mut new.journeys[0];
    j.stages[0].name = format!("{} (revised)", j.stages[0].name);
    let lane_of = |j: &crate::Journey, kind| j.lanes.iter().find(|l| l.kind == kind).unwrap().id;
    let (front, back) = (
        lane_of(j, crate::LaneKind::Frontstage),
        lane_of(j, crate::LaneKind::Backstage),
    );
    let mut ordered: Vec<usize> = (0..j.steps.len()).collect();
    ordered.sort_by_key(|&i| j.steps[i].id);
    let mover = *ordered.iter().find(|&&i| j.steps[i].lane == front).unwrap();
    j.steps[mover].lane = back;
    let owned = *ordered
        .iter()
        .find(|&&i| j.steps[i].owner.is_some_and(|o| o != teams[1]))
        .unwrap();
    j.steps[owned].owner = Some(teams[1]);
    let removed = j.steps[ordered[ordered.len() - 1]].id;
    j.steps.retain(|s| s.id != removed);
    new.links.retain(|l| l.from != removed && l.to != removed);
    let mut added = Step::new(
        front,
        j.stages[1].id,
        99.0,
        "Agent sends a text with the claim number",
    );
    added.id = Id::derived("golden", "added card");
    let first = j.steps[0].id;
    j.steps.push(added.clone());
    new.links.push(crate::Link {
        id: Id::derived("golden", "added flow"),
        kind: LinkKind::Flow,
        from: first,
        to: added.id,
    });
    new.entities.push(Entity {
        id: Id::derived("golden", "added team"),
        kind: EntityKind::Team,
        name: "Night shift".into(),
        description: String::new(),
        owner: None,
    });
    crate::validate_workspace(&new).unwrap();
    let report = to_text(&diff(&old, &new));
    let golden =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/diff/golden/sample_edits.txt");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &report).unwrap();
    }
    let want = std::fs::read_to_string(&golden).unwrap_or_default();
    assert_eq!(
        report, want,
        "run with UPDATE_GOLDEN=1 after a deliberate change"
    );
}
