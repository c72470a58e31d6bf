//! The text form: byte-identical round trips (sample, generated, random workspaces), the line layout Git
//! merges, the JSON Schemas, and a clear error for every kind of bad input.

use std::collections::BTreeMap;

use proptest::prelude::*;
use throughline_core::edit::{apply, Edit, StepDetails};
use throughline_core::sample::sample_workspace;
use throughline_core::synthetic;
use throughline_core::text_form::{
    canonical, from_files, to_files, TextFormError, TextFormErrorKind, MAX_FILE_BYTES,
};
use throughline_core::{
    validate_workspace, Comment, Entity, EntityKind, EvidenceSource, Id, Insight, Journey,
    LaneKind, Link, LinkKind, Metric, MetricKind, Persona, PersonaScore, Severity, StateChange,
    Step, Workspace,
};
use uuid::Uuid;

/// A hotel stay: two journeys, staff, a team, systems, a process, their links and owners.
fn hotel() -> Workspace {
    let id = |k: &str| Id::derived("hotel", k);
    let entity = |k: &str, kind, name: &str, owner: Option<&str>| Entity {
        id: id(k),
        kind,
        name: name.into(),
        description: format!("{name} at the Harbour Hotel"),
        owner: owner.map(id),
    };
    let mut ws = Workspace {
        entities: vec![
            entity("ana", EntityKind::Person, "Ana (front desk)", None),
            entity("desk", EntityKind::Team, "Front desk", Some("ana")),
            entity(
                "pms",
                EntityKind::System,
                "Property management",
                Some("desk"),
            ),
            entity("keys", EntityKind::System, "Key card encoder", Some("desk")),
            entity("checkin", EntityKind::Process, "Check-in", Some("ana")),
        ],
        ..Workspace::default()
    };
    let mut stay = Journey::from_template("Hotel stay", &["Book", "Arrive", "Stay", "Leave"]);
    stay.id = id("stay");
    stay.persona = "Business traveller".into();
    stay.description = "From booking to checkout.\nTwo nights.".into();
    for (i, s) in stay.stages.iter_mut().enumerate() {
        s.id = id(&format!("stage{i}"));
    }
    for (i, l) in stay.lanes.iter_mut().enumerate() {
        l.id = id(&format!("lane{i}"));
    }
    let lane = |k: LaneKind| stay.lanes.iter().find(|l| l.kind == k).unwrap().id;
    let (customer, front, back) = (
        lane(LaneKind::Customer),
        lane(LaneKind::Frontstage),
        lane(LaneKind::Backstage),
    );
    let card = |k: &str, lane, stage: usize, text: &str| {
        let mut s = Step::new(lane, id(&format!("stage{stage}")), 0.0, text);
        s.id = id(k);
        s
    };
    let mut book = card("book", customer, 0, "Books a room online");
    book.emotion = Some(1);
    book.channel = Some("Website".into());
    let mut arrive = card("arrive", customer, 1, "Queues at reception \"late\"");
    arrive.emotion = Some(-2);
    arrive.moment_of_truth = true;
    arrive.pain_point = Some("Twenty minutes in line".into());
    arrive.pain_severity = Severity::High;
    arrive.wait_point = true;
    arrive.owner = Some(id("desk"));
    let mut greet = card("greet", front, 1, "Greets the guest, checks ID");
    greet.metrics = vec![Metric {
        name: "Time to key".into(),
        unit: "min".into(),
        target: Some(3.0),
        actual: Some(7.5),
        kind: MetricKind::Leading,
    }];
    greet.owner = Some(id("ana"));
    let mut encode = card("encode", back, 1, "Encodes the key card");
    encode.fail_point = true;
    encode.notes = "Encoder jams in the cold — ask IT".into();
    encode.assumption = true;
    arrive.evidence = vec![
        Insight {
            text: "\"I stood there for twenty minutes\"".into(),
            source: EvidenceSource::Interview,
            date: Some("2026-03-02".into()),
            reference: "interviews/guest-04.md".into(),
        },
        Insight {
            text: "Peak queue 18:00–19:00".into(),
            source: EvidenceSource::Analytics,
            date: None,
            reference: String::new(),
        },
    ];
    arrive.scores = vec![PersonaScore {
        persona: id("family"),
        score: -1,
    }];
    stay.personas = vec![id("business"), id("family")];
    ws.personas = ["business", "family"]
        .iter()
        .map(|k| Persona {
            id: id(k),
            name: format!("The {k} guest"),
            description: format!("Stays for {k}"),
            goals: "Sleep".into(),
            needs: "A key that works".into(),
            pains: "Queues".into(),
            quote: "\"Just give me my key\"".into(),
            picture: None,
        })
        .collect();
    ws.personas[1].picture = Some(throughline_core::PersonaPicture {
        format: throughline_core::PictureFormat::Png,
        data: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
            .into(),
    });
    stay.steps = vec![book, arrive, greet, encode];
    stay.opportunities = vec![throughline_core::Opportunity {
        id: id("mobile-key"),
        title: "Mobile key in the app".into(),
        description: "Skip the desk".into(),
        owner: Some(id("desk")),
        status: throughline_core::OpportunityStatus::Planned,
        value: 5,
        effort: 4,
        addresses: vec![id("arrive"), id("encode")],
    }];
    stay.comments = vec![
        Comment {
            id: id("c1"),
            target: id("arrive"),
            author: "Ana".into(),
            at: 1_767_225_600_000,
            text: "Is twenty minutes typical,\nor only on Fridays?".into(),
            resolved: false,
        },
        Comment {
            id: id("c2"),
            target: id("stay"),
            author: "Ben".into(),
            at: 1_767_229_200_000,
            text: "Add the spa?".into(),
            resolved: true,
        },
    ];
    let mut review = Journey::from_template("Leaves a review", &["Write"]);
    review.id = id("review");
    review.position = 1.0;
    for (i, l) in review.lanes.iter_mut().enumerate() {
        l.id = id(&format!("review-lane{i}"));
    }
    review.stages[0].id = id("review-stage");
    let link = |k: &str, kind, from: &str, to: &str| Link {
        id: id(k),
        kind,
        from: id(from),
        to: id(to),
    };
    ws.links = vec![
        link("f1", LinkKind::Flow, "book", "arrive"),
        link("f2", LinkKind::Flow, "arrive", "greet"),
        link("f3", LinkKind::Flow, "greet", "encode"),
        link("p1", LinkKind::PerformedBy, "greet", "ana"),
        link("u1", LinkKind::Uses, "encode", "keys"),
        link("u2", LinkKind::Uses, "greet", "pms"),
        link("o1", LinkKind::PartOf, "greet", "checkin"),
        link("d1", LinkKind::DependsOn, "keys", "pms"),
        link("m1", LinkKind::MemberOf, "ana", "desk"),
    ];
    ws.journeys = vec![stay, review];
    validate_workspace(&ws).unwrap();
    ws
}

fn organised() -> Workspace {
    let mut ws = synthetic::workspace(3, 6, 120, 11);
    synthetic::organisation(&mut ws, 80, 2.5, 11);
    ws
}

fn bytes(files: &BTreeMap<String, String>) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .map(|(k, v)| (k.clone(), v.clone().into_bytes()))
        .collect()
}

/// save → open → save gives the same bytes, and open(save(ws)) is ws in canonical order.
fn assert_round_trip(ws: &Workspace, name: &str) {
    let files = to_files(ws, name);
    let (back, back_name) = from_files(&files).unwrap();
    assert_eq!(back_name, name);
    assert_eq!(back, canonical(ws));
    assert_eq!(to_files(&back, &back_name), files);
}

#[test]
fn the_sample_round_trips_byte_for_byte() {
    let ws = sample_workspace().unwrap();
    assert_round_trip(&ws, "Sample");
    let mut shuffled = ws.clone();
    shuffled.links.reverse();
    shuffled.entities.reverse();
    shuffled.journeys.reverse();
    shuffled.journeys[0].steps.reverse();
    assert_eq!(to_files(&shuffled, "Sample"), to_files(&ws, "Sample"));
}

#[test]
fn generated_and_hand_built_workspaces_round_trip() {
    assert_round_trip(&organised(), "Generated");
    assert_round_trip(&hotel(), "Harbour Hotel");
    assert_round_trip(&Workspace::default(), "");
}

#[test]
fn the_layout_is_one_field_per_line_in_a_fixed_order() {
    let files = to_files(&hotel(), "Harbour Hotel");
    let paths: Vec<&str> = files.keys().map(String::as_str).collect();
    let stay = Id::derived("hotel", "stay").as_uuid().simple().to_string();
    let review = Id::derived("hotel", "review")
        .as_uuid()
        .simple()
        .to_string();
    let mut expected = vec![
        "entities.json".to_owned(),
        format!("journeys/hotel-stay-{}.json", &stay[..8]),
        format!("journeys/leaves-a-review-{}.json", &review[..8]),
        "workspace.json".to_owned(),
    ];
    expected.sort();
    assert_eq!(paths, expected);
    assert_eq!(
        files["workspace.json"],
        "{\n  \"format\": \"throughline-workspace\",\n  \"version\": 1,\n  \"name\": \"Harbour Hotel\"\n}\n"
    );
    let journey = &files[&expected[1]];
    let keys: Vec<&str> = journey
        .lines()
        .filter(|l| l.starts_with("  \"") && !l.starts_with("   "))
        .map(|l| l.trim().split('"').nth(1).unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "name",
            "persona",
            "description",
            "position",
            "personas",
            "stages",
            "lanes",
            "cards",
            "flows",
            "links",
            "comments",
            "opportunities"
        ]
    );
    assert!(journey.contains("      \"text\": \"Queues at reception \\\"late\\\"\",\n"));
    assert!(journey.contains("\"description\": \"From booking to checkout.\\nTwo nights.\""));
    assert!(journey.ends_with("}\n") && !journey.contains('\t'));
    // Entities sorted by kind (person, team, system, process), then id.
    let entities = &files["entities.json"];
    let kinds: Vec<&str> = entities
        .lines()
        .filter(|l| l.starts_with("      \"kind\""))
        .map(|l| l.trim())
        .collect();
    assert_eq!(
        &kinds[..5],
        [
            "\"kind\": \"person\",",
            "\"kind\": \"team\",",
            "\"kind\": \"system\",",
            "\"kind\": \"system\",",
            "\"kind\": \"process\","
        ]
    );
}

/// The lines of `b` that differ from `a` (same line count assumed), as indices.
fn changed_lines(a: &str, b: &str) -> Vec<usize> {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    assert_eq!(a.len(), b.len());
    (0..a.len()).filter(|&i| a[i] != b[i]).collect()
}

#[test]
fn one_changed_field_is_one_changed_line_and_two_card_edits_do_not_touch() {
    let ws = hotel();
    let path = |files: &BTreeMap<String, String>| {
        files
            .keys()
            .find(|k| k.contains("hotel-stay"))
            .unwrap()
            .clone()
    };
    let base = to_files(&ws, "H");
    let file = path(&base);
    let edit = |f: &dyn Fn(&mut Step), card: &str| {
        let mut ws = ws.clone();
        let card = Id::derived("hotel", card);
        f(ws.journeys[0]
            .steps
            .iter_mut()
            .find(|s| s.id == card)
            .unwrap());
        to_files(&ws, "H")
    };
    let mine = edit(&|s| s.text = "Books a suite online".into(), "book");
    let theirs = edit(&|s| s.moment_of_truth = false, "arrive");
    let ours = changed_lines(&base[&file], &mine[&file]);
    let other = changed_lines(&base[&file], &theirs[&file]);
    assert_eq!(ours.len(), 1, "a changed text is one changed line");
    assert_eq!(other.len(), 1, "a changed flag is one changed line");
    // Git's line merge needs the two changes apart with unchanged lines between them.
    let (a, b) = (ours[0].min(other[0]), ours[0].max(other[0]));
    assert!(
        b - a > 3,
        "edits to two cards are several lines apart: {a} {b}"
    );
    for f in base.keys().filter(|k| **k != file) {
        assert_eq!(base[f], mine[f], "{f} is untouched");
    }
}

#[test]
fn every_written_file_matches_its_json_schema() {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/schema/");
    let mut compiled = BTreeMap::new();
    for name in ["workspace", "entities", "journey"] {
        let text = std::fs::read_to_string(format!("{dir}{name}.schema.json")).unwrap();
        let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        let url = format!("https://throughline.invalid/schema/{name}.schema.json");
        compiler.add_resource(&url, schema).unwrap();
        compiled.insert(name, compiler.compile(&url, &mut schemas).unwrap());
    }
    for ws in [
        sample_workspace().unwrap(),
        organised(),
        hotel(),
        hotel_and_its_future(),
    ] {
        for (path, text) in to_files(&ws, "Schema check") {
            let schema = match path.as_str() {
                "workspace.json" => compiled["workspace"],
                "entities.json" => compiled["entities"],
                _ => compiled["journey"],
            };
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            if let Err(e) = schemas.validate(&value, schema) {
                panic!("{path} does not match its schema: {e:#}");
            }
        }
    }
    // The schemas refuse what the reader refuses, e.g. a missing field or a foreign format.
    let files = to_files(&hotel(), "H");
    let mut ws_file: serde_json::Value = serde_json::from_str(&files["workspace.json"]).unwrap();
    ws_file["format"] = "other".into();
    assert!(schemas.validate(&ws_file, compiled["workspace"]).is_err());
    let journey = files.keys().find(|k| k.starts_with("journeys/")).unwrap();
    let mut j: serde_json::Value = serde_json::from_str(&files[journey]).unwrap();
    j["cards"][0].as_object_mut().unwrap().remove("owner");
    assert!(schemas.validate(&j, compiled["journey"]).is_err());
}

// --- Bad input ---------------------------------------------------------------------------------------

/// The error reading `files` after `change` gives.
fn refused(change: impl FnOnce(&mut BTreeMap<String, String>)) -> TextFormError {
    let mut files = to_files(&hotel(), "H");
    change(&mut files);
    from_files(&files).expect_err("the change is refused")
}

fn stay(files: &BTreeMap<String, String>) -> String {
    files
        .keys()
        .find(|k| k.contains("hotel-stay"))
        .unwrap()
        .clone()
}

fn replace_in(files: &mut BTreeMap<String, String>, path: &str, from: &str, to: &str) {
    let text = files.get_mut(path).unwrap();
    assert!(text.contains(from), "{from} in {path}");
    *text = text.replacen(from, to, 1);
}

#[test]
fn foreign_and_newer_text_forms_are_told_apart() {
    let e = refused(|f| replace_in(f, "workspace.json", "throughline-workspace", "other-app"));
    assert_eq!(e.kind, TextFormErrorKind::Foreign);
    assert!(e.to_string().contains("not a Throughline text form"), "{e}");
    assert_eq!((e.file.as_str(), e.line), ("workspace.json", Some(2)));
    let e = refused(|f| replace_in(f, "workspace.json", "\"version\": 1", "\"version\": 2"));
    assert_eq!(e.kind, TextFormErrorKind::Newer);
    assert!(e.to_string().contains("newer Throughline"), "{e}");
    let e = refused(|f| {
        f.remove("workspace.json");
    });
    assert_eq!(e.kind, TextFormErrorKind::Foreign);
    let e = refused(|f| {
        f.insert("workspace.json".into(), "{\"name\": \"x\"}".into());
    });
    assert_eq!(e.kind, TextFormErrorKind::Foreign, "{e}");
    let e = refused(|f| {
        f.insert("notes.txt".into(), "hello".into());
    });
    assert!(e.to_string().starts_with("notes.txt: not part of"), "{e}");
}

#[test]
fn wrong_types_missing_and_unknown_fields_name_the_file_line_and_field() {
    let e = refused(|f| {
        let p = stay(f);
        replace_in(
            f,
            &p,
            "\"moment_of_truth\": true",
            "\"moment_of_truth\": \"yes\"",
        )
    });
    assert_eq!(e.field.as_deref(), Some("cards[1].moment_of_truth"), "{e}");
    assert!(e.file.starts_with("journeys/hotel-stay-"));
    assert!(e.line.unwrap() > 10);
    assert!(e.message.contains("expected a boolean"), "{e}");
    let e = refused(|f| {
        let p = stay(f);
        replace_in(f, &p, "      \"wait_point\": false,\n", "");
    });
    assert!(e.message.contains("missing field `wait_point`"), "{e}");
    assert!(e.field.as_deref().unwrap().starts_with("cards["), "{e}");
    let e = refused(|f| replace_in(f, "entities.json", "\"owner\": null", "\"ownr\": null"));
    assert!(e.message.contains("unknown field `ownr`"), "{e}");
    assert_eq!(e.file, "entities.json");
    let e = refused(|f| {
        let p = stay(f);
        replace_in(f, &p, "\"emotion\": -2", "\"emotion\": 300")
    });
    assert!(e.message.contains("300"), "{e}");
    let e = refused(|f| {
        let p = stay(f);
        let t = f.get_mut(&p).unwrap();
        t.truncate(t.len() / 2);
    });
    assert!(e.message.contains("ends too early"), "{e}");
    let e = refused(|f| {
        replace_in(
            f,
            "entities.json",
            "\"kind\": \"team\"",
            "\"kind\": \"squad\"",
        )
    });
    assert!(e.message.contains("unknown variant `squad`"), "{e}");
    assert!(e.to_string().contains("entities[1].kind"), "{e}");
}

#[test]
fn bad_evidence_is_refused_with_what_to_change() {
    let e = refused(|f| {
        let p = stay(f);
        replace_in(f, &p, "\"2026-03-02\"", "\"2026-02-30\"");
    });
    assert!(e.message.contains("write a day as YYYY-MM-DD"), "{e}");
    let e = refused(|f| {
        let p = stay(f);
        replace_in(f, &p, "\"source\": \"interview\"", "\"source\": \"rumour\"");
    });
    assert!(e.message.contains("unknown variant `rumour`"), "{e}");
    assert!(e.to_string().contains(".source"), "{e}");
    let e = refused(|f| {
        let p = stay(f);
        replace_in(f, &p, "Peak queue 18:00–19:00", " \\n ");
    });
    assert!(e.message.contains("says nothing"), "{e}");
    let e = refused(|f| {
        let p = stay(f);
        replace_in(
            f,
            &p,
            "\"reference\": \"interviews/guest-04.md\"",
            &format!("\"reference\": \"{}\"", "x".repeat(2_001)),
        );
    });
    assert!(e.message.contains("2000"), "{e}");
    // The card that is a guess gains evidence in a hand edit: it can no longer be one.
    let e = refused(|f| {
        let p = stay(f);
        replace_in(
            f,
            &p,
            "\"assumption\": true",
            "\"evidence\": [{\"text\": \"Seen jamming\", \"source\": \"observation\", \"date\": null, \"reference\": \"\"}],\n      \"assumption\": true",
        );
    });
    assert!(e.message.contains("only a card without evidence"), "{e}");
}

#[test]
fn duplicate_ids_and_dangling_references_are_refused_naming_the_record() {
    let ana = Id::derived("hotel", "ana").to_string();
    let stage0 = Id::derived("hotel", "stage0").to_string();
    let e = refused(|f| {
        let p = stay(f);
        let book = Id::derived("hotel", "book").to_string();
        replace_in(
            f,
            &p,
            &format!("\"id\": \"{book}\""),
            &format!("\"id\": \"{ana}\""),
        );
    });
    assert!(e.message.contains("already used in entities.json"), "{e}");
    let e = refused(|f| {
        let p = stay(f);
        let lane = Id::derived("hotel", "lane1").to_string();
        replace_in(
            f,
            &p,
            &format!("\"lane\": \"{lane}\""),
            &format!("\"lane\": \"{stage0}\""),
        );
    });
    assert!(e.message.contains("not one of this journey's lanes"), "{e}");
    assert!(e.field.as_deref().unwrap().ends_with(".lane"), "{e}");
    assert!(e.line.is_some());
    let e = refused(|f| {
        let p = stay(f);
        let to = Id::derived("hotel", "arrive").to_string();
        replace_in(
            f,
            &p,
            &format!("\"to\": \"{to}\""),
            &format!("\"to\": \"{}\"", Id::new()),
        );
    });
    assert!(e.message.contains("not one of this journey's cards"), "{e}");
    assert_eq!(e.field.as_deref(), Some("flows[0].to"));
    let e = refused(|f| {
        let desk = Id::derived("hotel", "desk").to_string();
        let pms = Id::derived("hotel", "pms").to_string();
        replace_in(
            f,
            "entities.json",
            &format!("\"owner\": \"{desk}\""),
            &format!("\"owner\": \"{pms}\""),
        );
    });
    assert!(e.message.contains("expected a person or a team"), "{e}");
    let e = refused(|f| {
        let p = stay(f);
        let t = f.get_mut(&p).unwrap();
        // The customer card with an emotion score moved into the backstage lane breaks a rule of the
        // model itself.
        let back = Id::derived("hotel", "lane3").to_string();
        let customer = Id::derived("hotel", "lane1").to_string();
        let arrive_at = t.find("Queues at reception").unwrap();
        let lane_at = t[..arrive_at].rfind(&customer).unwrap();
        t.replace_range(lane_at..lane_at + customer.len(), &back);
    });
    assert!(
        e.message.contains("only customer actions carry an emotion"),
        "{e}"
    );
}

#[test]
fn memory_is_bounded_before_and_while_parsing() {
    let e = refused(|f| {
        let p = stay(f);
        replace_in(
            f,
            &p,
            "\"notes\": \"\"",
            &format!("\"notes\": \"{}\"", "x".repeat(10 << 20)),
        );
    });
    assert!(e.message.contains("expected at most 5000"), "{e}");
    assert!(e.field.as_deref().unwrap().ends_with(".notes"), "{e}");
    let e = refused(|f| {
        f.insert("journeys/huge.json".into(), " ".repeat(MAX_FILE_BYTES + 1));
    });
    assert!(e.message.contains("at most"), "{e}");
    assert_eq!(e.file, "journeys/huge.json");
    // Records are typed, so nesting is refused at its first level, and the unknown field of the
    // header parse is skipped without recursion: 100,000 levels exhaust no stack.
    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = refused(|f| {
        replace_in(
            f,
            "workspace.json",
            "\"name\"",
            &format!("\"x\": {deep}, \"name\""),
        )
    });
    assert!(e.message.contains("unknown field `x`"), "{e}");
    assert_eq!(
        (e.file.as_str(), e.field.as_deref()),
        ("workspace.json", Some("x"))
    );
    let e = refused(|f| {
        let p = stay(f);
        replace_in(f, &p, "\"notes\": \"\"", &format!("\"notes\": {deep}"));
    });
    assert!(
        e.message
            .contains("invalid type: sequence, expected a string"),
        "{e}"
    );
    assert!(e.field.as_deref().unwrap().ends_with(".notes"), "{e}");
    // serde_json's own depth limit (128) stays on for any JSON parsed without a type.
    let e = serde_json::from_str::<serde_json::Value>(&deep).unwrap_err();
    assert!(e.to_string().contains("recursion limit"), "{e}");
}

// --- Random workspaces -------------------------------------------------------------------------------

fn any_id() -> impl Strategy<Value = Id> {
    any::<u128>().prop_map(|n| Id::from_uuid(Uuid::from_u128(n)))
}

fn any_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..max).prop_map(|c| c.into_iter().collect())
}

fn any_name() -> impl Strategy<Value = String> {
    any_text(12).prop_map(|s| format!("n{s}"))
}

fn any_position() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
        (-1000i32..1000).prop_map(f64::from),
    ]
}

/// Raw material for a random workspace; [`build`] turns it into a valid one.
#[derive(Debug, Clone)]
struct Raw {
    ids: Vec<Id>,
    names: Vec<String>,
    texts: Vec<String>,
    positions: Vec<f64>,
    picks: Vec<u16>,
    flags: Vec<bool>,
    journeys: usize,
    entities: usize,
    cards: usize,
}

fn raw() -> impl Strategy<Value = Raw> {
    (
        proptest::collection::vec(any_id(), 600),
        proptest::collection::vec(any_name(), 64),
        proptest::collection::vec(any_text(40), 64),
        proptest::collection::vec(any_position(), 64),
        proptest::collection::vec(any::<u16>(), 256),
        proptest::collection::vec(any::<bool>(), 64),
        0usize..4,
        0usize..10,
        0usize..30,
    )
        .prop_map(
            |(ids, names, texts, positions, picks, flags, journeys, entities, cards)| Raw {
                ids,
                names,
                texts,
                positions,
                picks,
                flags,
                journeys,
                entities,
                cards,
            },
        )
}

/// A valid workspace from random material: random ids, texts, positions, fields and links, within the
/// model's rules.
fn build(raw: &Raw) -> Workspace {
    let mut ids = raw.ids.iter().copied();
    let mut next = move || ids.next().unwrap();
    let mut n = 0usize;
    let mut pick = |below: usize| {
        n += 1;
        raw.picks[n % raw.picks.len()] as usize % below.max(1)
    };
    let text = |i: usize| raw.texts[i % raw.texts.len()].clone();
    let name = |i: usize| raw.names[i % raw.names.len()].clone();
    let pos = |i: usize| raw.positions[i % raw.positions.len()];
    let flag = |i: usize| raw.flags[i % raw.flags.len()];
    let mut ws = Workspace::default();
    let kinds = [
        EntityKind::Person,
        EntityKind::Team,
        EntityKind::System,
        EntityKind::Process,
    ];
    for i in 0..raw.entities {
        let kind = kinds[pick(4)];
        ws.entities.push(Entity {
            id: next(),
            kind,
            name: format!("{i} {}", name(i)),
            description: text(i),
            owner: None,
        });
    }
    let owners: Vec<Id> = ws
        .entities
        .iter()
        .filter(|e| e.kind.can_own())
        .map(|e| e.id)
        .collect();
    let of = |k: EntityKind, ws: &Workspace| -> Vec<Id> {
        ws.entities
            .iter()
            .filter(|e| e.kind == k)
            .map(|e| e.id)
            .collect()
    };
    for i in 0..ws.entities.len() {
        if !owners.is_empty() && flag(i) {
            ws.entities[i].owner = Some(owners[pick(owners.len())]);
        }
    }
    let mut seen = std::collections::HashSet::new();
    let mut links = Vec::new();
    let mut link = |kind, from, to, next: &mut dyn FnMut() -> Id| {
        if from != to && seen.insert((kind, from, to)) {
            links.push(Link {
                id: next(),
                kind,
                from,
                to,
            });
        }
    };
    let (people, teams) = (of(EntityKind::Person, &ws), of(EntityKind::Team, &ws));
    let all: Vec<Id> = ws.entities.iter().map(|e| e.id).collect();
    for _ in 0..raw.entities {
        if !all.is_empty() {
            link(
                LinkKind::DependsOn,
                all[pick(all.len())],
                all[pick(all.len())],
                &mut next,
            );
        }
        if !people.is_empty() && !teams.is_empty() {
            link(
                LinkKind::MemberOf,
                people[pick(people.len())],
                teams[pick(teams.len())],
                &mut next,
            );
        }
    }
    for j in 0..raw.journeys {
        let mut journey = Journey::from_template(&name(j + 7), &["a", "b", "c"]);
        journey.id = next();
        journey.persona = name(j + 3);
        journey.description = text(j + 5);
        journey.position = pos(j);
        for (i, s) in journey.stages.iter_mut().enumerate() {
            s.id = next();
            s.name = name(i + 11);
            s.position = pos(i + 13);
        }
        let mut lane_positions: Vec<f64> = (0..5).map(|i| pos(i + 17)).collect();
        lane_positions.sort_by(f64::total_cmp);
        lane_positions.dedup();
        journey.lanes.truncate(lane_positions.len());
        for (l, p) in journey.lanes.iter_mut().zip(lane_positions) {
            l.id = next();
            l.name = name(l.kind as usize + 19);
            l.position = p;
        }
        for c in 0..raw.cards {
            let lane = &journey.lanes[pick(journey.lanes.len())];
            let stage = journey.stages[pick(3)].id;
            let mut s = Step::new(lane.id, stage, pos(c + 23), &text(c + 29));
            s.id = next();
            s.channel = flag(c).then(|| name(c + 31));
            s.moment_of_truth = flag(c + 1);
            if lane.kind == LaneKind::Customer && flag(c + 2) {
                s.emotion = Some(pick(5) as i8 - 2);
            }
            s.pain_point = flag(c + 3).then(|| text(c + 37));
            s.pain_severity = [Severity::Low, Severity::Medium, Severity::High][pick(3)];
            s.fail_point = flag(c + 4);
            s.wait_point = flag(c + 5);
            s.notes = text(c + 41);
            if flag(c + 6) {
                s.metrics.push(Metric {
                    name: name(c + 43),
                    unit: text(c + 47).chars().take(10).collect(),
                    target: flag(c + 7).then(|| pos(c + 53)),
                    actual: None,
                    kind: MetricKind::Leading,
                });
            }
            if !owners.is_empty() && flag(c + 8) {
                s.owner = Some(owners[pick(owners.len())]);
            }
            if flag(c + 9) {
                s.evidence.push(Insight {
                    text: format!("i{}", text(c + 59)),
                    source: EvidenceSource::ALL[pick(6)],
                    date: flag(c + 10).then(|| "2025-02-28".into()),
                    reference: text(c + 61),
                });
            } else {
                s.assumption = flag(c + 11);
            }
            journey.steps.push(s);
        }
        let steps: Vec<Id> = journey.steps.iter().map(|s| s.id).collect();
        for _ in 0..steps.len() {
            if steps.len() > 1 {
                link(
                    LinkKind::Flow,
                    steps[pick(steps.len())],
                    steps[pick(steps.len())],
                    &mut next,
                );
            }
            let (systems, processes) = (of(EntityKind::System, &ws), of(EntityKind::Process, &ws));
            for (kind, pool) in [
                (LinkKind::PerformedBy, &owners),
                (LinkKind::Uses, &systems),
                (LinkKind::PartOf, &processes),
            ] {
                if !pool.is_empty() && !steps.is_empty() && pick(3) == 0 {
                    link(
                        kind,
                        steps[pick(steps.len())],
                        pool[pick(pool.len())],
                        &mut next,
                    );
                }
            }
        }
        ws.journeys.push(journey);
    }
    ws.links = links;
    ws
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_workspaces_round_trip_byte_for_byte(raw in raw(), name in any_text(30)) {
        let ws = build(&raw);
        prop_assert_eq!(validate_workspace(&ws), Ok(()));
        let name: String = name.chars().take(200).collect();
        let files = to_files(&ws, &name);
        let (back, back_name) = from_files(&bytes(&files)).unwrap();
        prop_assert_eq!(&back_name, &name);
        prop_assert_eq!(&back, &canonical(&ws));
        prop_assert_eq!(to_files(&back, &back_name), files);
    }
}

/// The hotel stay with its future state, one card marked removed and one added.
fn hotel_and_its_future() -> Workspace {
    let mut ws = hotel();
    let source = ws.journeys[0].id;
    let future = Id::derived("text-form", "future");
    apply(
        &mut ws,
        &Edit::CreateFutureState {
            source,
            journey: future,
        },
    )
    .unwrap();
    let f = ws.journey(future).unwrap().clone();
    let mut details = StepDetails::of(&f.steps[0]);
    details.change = Some(StateChange::Removed);
    apply(
        &mut ws,
        &Edit::SetStepDetails {
            step: f.steps[0].id,
            details,
        },
    )
    .unwrap();
    ws
}

#[test]
fn a_future_state_round_trips_and_a_bad_mark_or_tie_is_refused() {
    let ws = hotel_and_its_future();
    assert_round_trip(&ws, "Harbour Hotel");
    let files = to_files(&ws, "H");
    let future = files
        .keys()
        .find(|k| k.contains("future-state"))
        .expect("the future state's file")
        .clone();
    let refuse = |from: &str, to: &str| {
        let mut f = files.clone();
        replace_in(&mut f, &future, from, to);
        from_files(&f).expect_err("the change is refused")
    };
    let e = refuse("\"change\": \"removed\"", "\"change\": \"maybe\"");
    assert!(e.message.contains("unknown variant `maybe`"), "{e}");
    assert!(e.to_string().contains(".change"), "{e}");
    // A hand edit that unties the journey leaves a marked card on a journey that is no future state.
    let tie = format!("\"future_of\": \"{}\"", ws.journeys[0].id);
    let mut f = files.clone();
    let text = f.get_mut(&future).unwrap();
    let at = text.find(&tie).expect("the tie is written");
    // It is the file's last field: the comma before it goes with it.
    let start = text[..at].rfind(',').expect("a field before the tie");
    text.replace_range(start..at + tie.len(), "");
    let e = from_files(&f).expect_err("a mark off a future state is refused");
    assert!(e.to_string().contains("not a future state"), "{e}");
    // A future state of itself.
    let own = ws.journeys.last().unwrap().id;
    let e = refuse(&tie, &format!("\"future_of\": \"{own}\""));
    assert!(e.to_string().contains("future state of itself"), "{e}");
}
