//! Imports and exports end to end on models in memory: the preview's verdicts, the edit they make, its
//! undo, and exports that import back as the same cards, on the sample and on a hotel stay.

use serde_json::{json, Value};

use super::*;
use crate::edit::{apply, Edit};
use crate::sample::sample_workspace;
use crate::{validate_workspace, Entity, EntityKind, Journey, LaneKind, Severity, Step};

/// A hotel stay as a guest-experience team would list it in a spreadsheet, with two bad rows.
const HOTEL: &str = "\
Stage,Lane,Text,Owner,Channel,Moment of truth,Emotion,Pain point,Severity,Fail point,Wait point,Notes
Book,Customer,Books a room online,,Website,yes,1,,,,,
Book,Support,Payment is authorised,Payments,,,,,,x,,
Arrive,evidence,Lobby and front desk,,,,,,,,,
Arrive,customer,Queues at the desk,,,,great,Long queue,high,,yes,
Arrive,Frontstage actions,Receptionist checks the guest in,Front office,In person,✓,,,,,,
Arrive,Kitchen,Chef waves,,,,,,,,,
Stay,Customer,\"Orders room service,
late at night\",,Phone,,-1,Cold food,medium,,,\"Second line
of notes\"
Stay,backstage,Kitchen prepares the order,Kitchen team,,,,,,true,,
Stay,Backstage,Housekeeping cleans the room,Housekeeping,,,2,,,,,
Leave,Customer,=Checks out via the app,,App,1,+2,,,,,
Leave,Support,Invoice is sent,Payments,Email,0,,,,,,
Leave,Customer,,,,,,,,,,
";

fn new_journey(name: &str) -> CsvTarget {
    CsvTarget::NewJourney { name: name.into() }
}

/// The journey as a person sees it: stage names, and each card's place, text, details and owner.
fn view(ws: &Workspace, id: Id) -> Value {
    let mut j = ws.journey(id).unwrap().clone();
    j.sort();
    let stage_ix = |s: Id| j.stages.iter().position(|x| x.id == s).unwrap();
    let lane_ix = |l: Id| j.lanes.iter().position(|x| x.id == l).unwrap();
    let mut steps: Vec<&Step> = j.steps.iter().collect();
    steps.sort_by_key(|s| (stage_ix(s.stage), lane_ix(s.lane)));
    let with_cards: Vec<&str> = j
        .stages
        .iter()
        .filter(|st| j.steps.iter().any(|s| s.stage == st.id))
        .map(|st| st.name.as_str())
        .collect();
    json!({
        "stages": with_cards,
        "cards": steps.iter().map(|s| json!([
            j.stages[stage_ix(s.stage)].name,
            j.lanes[lane_ix(s.lane)].kind,
            s.text, s.channel, s.moment_of_truth, s.emotion, s.pain_point, s.pain_severity,
            s.fail_point, s.wait_point, s.notes,
            s.owner.and_then(|o| ws.entity(o)).map(|e| &e.name),
        ])).collect::<Vec<_>>(),
    })
}

#[test]
fn the_preview_accepts_good_rows_and_says_why_bad_ones_are_rejected() {
    let ws = sample_workspace().unwrap();
    let p = preview(&ws, HOTEL.as_bytes(), &new_journey("Hotel stay"), None).unwrap();
    assert!(!p.needs_mapping);
    assert!(p.problems.is_empty());
    assert_eq!((p.accepted, p.rejected), (8, 4));
    let rejected: Vec<(u32, &str)> = p
        .rows
        .iter()
        .filter(|r| !r.accepted)
        .map(|r| (r.row, r.reason.as_str()))
        .collect();
    assert_eq!(
        rejected[0],
        (5, "emotion “great” is not a whole number from −2 to +2")
    );
    assert_eq!(rejected[1].0, 7);
    assert!(rejected[1]
        .1
        .starts_with("lane “Kitchen” is not a lane of this journey; lanes are Physical evidence, Customer actions, Frontstage actions, Backstage actions, Support processes"));
    assert_eq!(
        rejected[2],
        (
            10,
            "emotion is only for customer-lane cards, and “Backstage actions” is not a customer lane"
        )
    );
    assert_eq!(rejected[3], (13, "text is empty"));
    assert_eq!(p.new_stages, vec!["Book", "Arrive", "Stay", "Leave"]);
    assert_eq!(
        p.new_owners,
        vec!["Payments", "Front office", "Kitchen team"],
        "owners only of accepted rows"
    );
}

#[test]
fn the_import_is_one_edit_that_undo_takes_back_whole() {
    let start = sample_workspace().unwrap();
    let mut ws = start.clone();
    let (edit, p) = import(
        &ws,
        HOTEL.as_bytes(),
        &new_journey("Hotel stay"),
        None,
        Id::new(),
    )
    .unwrap();
    let (touched, inverse) = apply(&mut ws, &edit).unwrap();
    validate_workspace(&ws).unwrap();
    let journey = touched.journey.unwrap();
    let j = ws.journey(journey).unwrap();
    assert_eq!(j.name, "Hotel stay");
    assert_eq!(j.steps.len() as u32, p.accepted);
    assert_eq!(
        j.lanes.iter().map(|l| l.kind).collect::<Vec<_>>(),
        LaneKind::ALL
    );
    let room_service = j
        .steps
        .iter()
        .find(|s| s.text.starts_with("Orders room service"))
        .unwrap();
    assert_eq!(room_service.text, "Orders room service,\nlate at night");
    assert_eq!(room_service.emotion, Some(-1));
    assert_eq!(room_service.pain_point.as_deref(), Some("Cold food"));
    assert_eq!(room_service.notes, "Second line\nof notes");
    let checkout = j
        .steps
        .iter()
        .find(|s| s.text.contains("Checks out"))
        .unwrap();
    assert_eq!(checkout.text, "=Checks out via the app");
    assert!(checkout.moment_of_truth);
    let payments = ws.entities.iter().find(|e| e.name == "Payments").unwrap();
    assert_eq!(payments.kind, EntityKind::Team);
    assert_eq!(
        j.steps
            .iter()
            .filter(|s| s.owner == Some(payments.id))
            .count(),
        2
    );
    apply(&mut ws, &inverse).unwrap();
    assert_eq!(ws, start);
}

#[test]
fn importing_into_a_journey_matches_its_stages_and_adds_the_missing_ones() {
    let mut ws = sample_workspace().unwrap();
    let claim = ws.journeys[0].clone();
    let csv = "stage,lane,text,owner\n\
               REPORT CLAIM,customer,Sends photos of the damage,Maria Okafor\n\
               Report claim,Frontstage,Agent confirms the photos arrived,claims contact centre\n\
               Aftercare,customer,Gets a satisfaction survey,\n\
               Aftercare,backstage,Survey results reviewed,CRM\n";
    let target = CsvTarget::Journey { journey: claim.id };
    let p = preview(&ws, csv.as_bytes(), &target, None).unwrap();
    assert_eq!(p.journey, claim.name);
    assert_eq!(p.new_stages, vec!["Aftercare"]);
    assert!(p.new_owners.is_empty());
    assert_eq!(
        p.rows[3].reason,
        "owner “CRM” is a system; only a person or a team can own a card"
    );
    let (edit, _) = import(&ws, csv.as_bytes(), &target, None, Id::new()).unwrap();
    let before = ws.clone();
    let (_, inverse) = apply(&mut ws, &edit).unwrap();
    validate_workspace(&ws).unwrap();
    let mut j = ws.journey(claim.id).unwrap().clone();
    j.sort();
    assert_eq!(j.stages.last().unwrap().name, "Aftercare");
    assert_eq!(j.stages.len(), claim.stages.len() + 1);
    let report = claim
        .stages
        .iter()
        .find(|s| s.name == "Report claim")
        .unwrap()
        .id;
    let customer = j
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Customer)
        .unwrap()
        .id;
    let cell: Vec<&str> = j
        .steps
        .iter()
        .filter(|s| s.stage == report && s.lane == customer)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        cell.last(),
        Some(&"Sends photos of the damage"),
        "at the end of its cell"
    );
    let maria = ws
        .entities
        .iter()
        .find(|e| e.name == "Maria Okafor")
        .unwrap()
        .id;
    assert!(j.steps.iter().any(|s| s.owner == Some(maria)));
    assert_eq!(j.steps.len(), claim.steps.len() + 3);
    apply(&mut ws, &inverse).unwrap();
    assert_eq!(ws, before);
}

#[test]
fn unclear_headers_use_the_suggested_or_given_mapping() {
    let ws = sample_workspace().unwrap();
    let csv = "Phase,Swimlane,Step description,Comments\nBook,customer,Books a room,fine\n";
    let p = preview(&ws, csv.as_bytes(), &new_journey("Hotel"), None).unwrap();
    assert!(p.needs_mapping);
    assert_eq!(
        p.columns.iter().map(|c| c.field).collect::<Vec<_>>(),
        vec![
            Some(CsvField::Stage),
            Some(CsvField::Lane),
            Some(CsvField::Text),
            Some(CsvField::Notes)
        ]
    );
    assert_eq!(p.accepted, 1);
    let mapping = [
        Some(CsvField::Stage),
        Some(CsvField::Lane),
        None,
        Some(CsvField::Text),
    ];
    let p = preview(&ws, csv.as_bytes(), &new_journey("Hotel"), Some(&mapping)).unwrap();
    assert_eq!(p.rows[0].text, "fine");
    let broken = [Some(CsvField::Stage), None, None, None];
    let p = preview(&ws, csv.as_bytes(), &new_journey("Hotel"), Some(&broken)).unwrap();
    assert_eq!(
        p.problems,
        vec!["no column is mapped to lane", "no column is mapped to text"]
    );
    assert!(p.rows.is_empty());
    let err = import(
        &ws,
        csv.as_bytes(),
        &new_journey("Hotel"),
        Some(&broken),
        Id::new(),
    );
    assert_eq!(
        err.unwrap_err().to_string(),
        "nothing can be imported: no column is mapped to lane"
    );
}

#[test]
fn targets_that_cannot_take_the_rows_are_problems() {
    let ws = sample_workspace().unwrap();
    let csv = b"stage,lane,text\nA,customer,x\n";
    for (target, says) in [
        (new_journey("  "), "the new journey needs a name"),
        (
            new_journey("home insurance CLAIM"),
            "a journey named “home insurance CLAIM” already exists",
        ),
        (
            CsvTarget::Journey { journey: Id::new() },
            "that journey no longer exists",
        ),
    ] {
        let p = preview(&ws, csv, &target, None).unwrap();
        assert!(p.problems[0].starts_with(says), "{:?}", p.problems);
        assert!(import(&ws, csv, &target, None, Id::new()).is_err());
    }
}

#[test]
fn limits_of_typed_text_hold_for_imported_text() {
    let ws = sample_workspace().unwrap();
    let long = "x".repeat(crate::text::MAX_TEXT_CHARS + 1);
    let long_stage = "s".repeat(crate::text::MAX_NAME_CHARS + 1);
    let csv = format!(
        "stage,lane,text,fail point\nA,customer,{long},\n{long_stage},customer,ok,\nA,customer,ok,maybe\nA,customer,a\u{0}b,\n"
    );
    // The NUL makes the whole file binary; without it each row speaks for itself.
    assert!(preview(&ws, csv.as_bytes(), &new_journey("T"), None).is_err());
    let csv = csv.replace('\u{0}', "\u{7}\u{FFFE}");
    let p = preview(&ws, csv.as_bytes(), &new_journey("T"), None).unwrap();
    let reasons: Vec<&str> = p.rows.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(
        reasons[0],
        "text is 5001 characters long; the limit is 5000"
    );
    assert_eq!(reasons[1], "stage is 201 characters long; the limit is 200");
    assert_eq!(
        reasons[2],
        "fail point “maybe” is not yes or no (write yes, no, true, false, 1, 0, x, ✓ or empty)"
    );
    assert_eq!((reasons[3], p.rows[3].text.as_str()), ("", "ab"));
}

/// A hotel stay built as a model, with text a spreadsheet would otherwise mangle.
fn hotel_workspace() -> (Workspace, Id) {
    let mut ws = sample_workspace().unwrap();
    let mut j = Journey::from_template("Hotel stay", &["Book", "Arrive", "Stay", "Check out"]);
    j.position = 10.0;
    let team = Entity {
        id: Id::new(),
        kind: EntityKind::Team,
        name: "Front office".into(),
        description: String::new(),
        owner: None,
    };
    let texts = [
        (0, LaneKind::Customer, "Books a room", Some(2)),
        (0, LaneKind::Support, "=HYPERLINK(\"x\") payment", None),
        (
            1,
            LaneKind::Evidence,
            "Lobby, desk and \"welcome\" sign",
            None,
        ),
        (
            1,
            LaneKind::Customer,
            "-2 degrees outside; queues",
            Some(-2),
        ),
        (1, LaneKind::Customer, "Gets the key card", Some(1)),
        (1, LaneKind::Frontstage, "'@front desk greets", None),
        (2, LaneKind::Backstage, "Housekeeping 清洁 🧹", None),
        (
            3,
            LaneKind::Customer,
            "+ Pays the minibar\nand leaves",
            Some(0),
        ),
    ];
    for (i, (stage, kind, text, emotion)) in texts.into_iter().enumerate() {
        let lane = j.lanes.iter().find(|l| l.kind == kind).unwrap().id;
        let mut s = Step::new(lane, j.stages[stage].id, i as f64, text);
        s.emotion = emotion;
        s.moment_of_truth = i % 3 == 0;
        s.fail_point = i % 4 == 1;
        s.wait_point = i == 3;
        s.channel = (i % 2 == 0).then(|| "App".to_owned());
        s.pain_point = (i == 3).then(|| "Cold, long queue".to_owned());
        s.pain_severity = if i == 3 {
            Severity::High
        } else {
            Severity::Medium
        };
        s.notes = if i == 7 {
            "Line one\nline two".into()
        } else {
            String::new()
        };
        s.owner = (i % 2 == 1).then_some(team.id);
        j.steps.push(s);
    }
    let id = j.id;
    ws.journeys.push(j);
    ws.entities.push(team);
    validate_workspace(&ws).unwrap();
    (ws, id)
}

#[test]
fn an_export_imports_back_as_the_same_cards() {
    let (hotel, hotel_id) = hotel_workspace();
    let sample = sample_workspace().unwrap();
    let cases: Vec<(Workspace, Id)> = sample
        .journeys
        .iter()
        .map(|j| (sample.clone(), j.id))
        .chain([(hotel, hotel_id)])
        .collect();
    for (mut ws, id) in cases {
        let bytes = steps_csv(&ws, id).unwrap();
        let target = new_journey("Round trip");
        let p = preview(&ws, &bytes, &target, None).unwrap();
        assert_eq!(p.rejected, 0, "{:?}", p.rows.iter().find(|r| !r.accepted));
        assert!(!p.needs_mapping && p.new_owners.is_empty());
        let (edit, _) = import(&ws, &bytes, &target, None, Id::new()).unwrap();
        let (touched, _) = apply(&mut ws, &edit).unwrap();
        assert_eq!(view(&ws, touched.journey.unwrap()), view(&ws, id));
        assert_eq!(steps_csv(&ws, touched.journey.unwrap()).unwrap(), bytes);
    }
}

#[test]
fn exports_guard_formulas_and_open_in_spreadsheets() {
    let (ws, id) = hotel_workspace();
    let text = String::from_utf8(steps_csv(&ws, id).unwrap()).unwrap();
    assert!(text.starts_with("\u{FEFF}stage,lane,text,owner,channel,moment of truth,emotion,pain point,severity,fail point,wait point,notes\r\n"));
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\") payment\""));
    assert!(text.contains(",'-2 degrees outside; queues,"));
    assert!(text.contains(",''@front desk greets,"));
    assert!(text.contains(",-2,"), "numbers stay numbers");
    let batch = matches!(
        import(&ws, text.as_bytes(), &new_journey("Again"), None, Id::new()),
        Ok((Edit::Batch { .. }, _))
    );
    assert!(batch);
}
