//! History, restore and named versions on real workspace files, with blueprints built here (a hotel
//! stay and a hospital visit): the list newest first by sessions, the workspace as it was at an entry,
//! restoring it as one undoable edit, versions that survive the history's bound, Save a Copy and the
//! text form, and names that are refused.

use std::path::{Path, PathBuf};

use throughline_api::{
    create_workspace_file_with_versions, open_text, read_text_versions, resolve_at, Edit,
    ErrorCode, HistoryPage, OpenWorkspace, MAX_VERSION_NAME_CHARS,
};
use throughline_core::text_form::canonical;
use throughline_core::{Id, Journey, LaneKind, Step, Workspace};

/// A hotel stay: four stages, a card in the customer and frontstage lanes of each.
fn hotel_stay() -> Workspace {
    let mut j = Journey::from_template("Hotel stay", &["Book", "Arrive", "Stay", "Check out"]);
    let lane = |kind| j.lanes.iter().find(|l| l.kind == kind).unwrap().id;
    let (guest, desk) = (lane(LaneKind::Customer), lane(LaneKind::Frontstage));
    let stages: Vec<Id> = j.stages.iter().map(|s| s.id).collect();
    let cards = [
        (guest, 0, "Books a room online"),
        (desk, 0, "Confirmation email"),
        (guest, 1, "Checks in at the desk"),
        (desk, 1, "Receptionist hands over the key"),
        (guest, 3, "Pays the bill"),
    ];
    for (i, (lane, stage, text)) in cards.into_iter().enumerate() {
        j.steps.push(Step::new(lane, stages[stage], i as f64, text));
    }
    Workspace {
        journeys: vec![j],
        ..Workspace::default()
    }
}

fn hotel_file(dir: &Path) -> PathBuf {
    let path = dir.join("hotel.throughline");
    drop(OpenWorkspace::create_from(&path, &hotel_stay()).unwrap());
    path
}

fn text_of(ws: &OpenWorkspace, step: Id) -> String {
    ws.step(step).unwrap().text
}

fn page(limit: u32) -> HistoryPage {
    HistoryPage {
        before_seq: None,
        limit,
    }
}

#[test]
fn the_history_lists_edits_newest_first_in_pages_and_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path());
    let mut ws = OpenWorkspace::open(&path).unwrap();
    let cards: Vec<Id> = ws.model().journeys[0].steps.iter().map(|s| s.id).collect();
    for (i, card) in cards.iter().enumerate().take(3) {
        ws.apply(&Edit::SetStepText {
            step: *card,
            text: format!("Wording {i}"),
        })
        .unwrap();
    }
    let first_session = ws.history(&page(10)).unwrap().current_session;
    drop(ws);
    let mut ws = OpenWorkspace::open(&path).unwrap();
    ws.apply(&Edit::DeleteSteps {
        steps: vec![cards[4]],
    })
    .unwrap();
    ws.undo().unwrap();

    let list = ws.history(&page(2)).unwrap();
    let words: Vec<&str> = list
        .entries
        .iter()
        .map(|e| e.description.as_str())
        .collect();
    assert_eq!(
        words,
        ["deleted 'Pays the bill'", "edited 'Checks in at the desk'"]
    );
    assert!(
        list.entries[0].undone,
        "the undone delete is listed as undone"
    );
    assert_eq!(list.entries[0].session, Some(list.current_session));
    assert_eq!(list.entries[1].session, Some(first_session));
    assert!(list.current_session > first_session);
    assert_eq!(list.current_seq, Some(list.entries[1].seq));
    let older = ws
        .history(&HistoryPage {
            before_seq: list.next_before_seq,
            limit: 10,
        })
        .unwrap();
    let words: Vec<&str> = older
        .entries
        .iter()
        .map(|e| e.description.as_str())
        .collect();
    assert_eq!(
        words,
        [
            "edited 'Confirmation email'",
            "edited 'Books a room online'"
        ]
    );
    assert_eq!(older.next_before_seq, None, "the oldest page says so");
    assert!(older.entries.iter().all(|e| e.at.is_some()));
}

#[test]
fn an_entry_shows_the_workspace_then_and_restoring_it_is_one_undoable_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path());
    let mut ws = OpenWorkspace::open(&path).unwrap();
    let j = ws.model().journeys[0].clone();
    let key = j.steps[3].id;
    ws.apply(&Edit::SetStepText {
        step: key,
        text: "Key card at the kiosk".into(),
    })
    .unwrap();
    let then = ws.model().clone();
    let seq = ws.history(&page(1)).unwrap().entries[0].seq;
    ws.apply(&Edit::DeleteSteps {
        steps: vec![j.steps[0].id, j.steps[1].id],
    })
    .unwrap();
    ws.apply(&Edit::RenameStage {
        stage: j.stages[2].id,
        name: "In the room".into(),
    })
    .unwrap();
    ws.apply(&Edit::SetStepText {
        step: key,
        text: "Mobile key".into(),
    })
    .unwrap();
    let now = ws.model().clone();
    let entries_before = ws.history(&page(100)).unwrap().entries.len();

    let at = ws.workspace_at(seq).unwrap();
    assert_eq!(canonical(&at), canonical(&then));
    assert_eq!(
        canonical(ws.model()),
        canonical(&now),
        "looking back changes nothing"
    );
    assert_eq!(
        ws.history(&page(100)).unwrap().entries.len(),
        entries_before
    );

    let restored = ws.restore(seq).unwrap();
    let said = restored.described.unwrap();
    assert!(said.starts_with("restored the version of 20"), "{said}");
    assert_eq!(canonical(ws.model()), canonical(&then));
    assert_eq!(text_of(&ws, key), "Key card at the kiosk");
    let top = ws.history(&page(1)).unwrap().entries[0].clone();
    assert_eq!(top.description, said);

    let undone = ws.undo().unwrap();
    assert_eq!(undone.described.as_deref(), Some(said.as_str()));
    assert_eq!(
        canonical(ws.model()),
        canonical(&now),
        "one undo takes the restore back"
    );
    ws.redo().unwrap();
    assert_eq!(canonical(ws.model()), canonical(&then));
    drop(ws);
    let reopened = OpenWorkspace::open(&path).unwrap();
    assert_eq!(
        canonical(reopened.model()),
        canonical(&then),
        "the restore is stored"
    );

    // An undone entry shows the workspace as redo would make it.
    let mut ws = reopened;
    let latest = ws.history(&page(1)).unwrap().entries[0].seq;
    ws.undo().unwrap();
    assert_eq!(
        canonical(&ws.workspace_at(latest).unwrap()),
        canonical(&then)
    );
    let view = ws.view_at(latest).unwrap();
    assert!(view.is_read_only() && view.info().read_only);
    let journey = view.model().journeys[0].id;
    assert!(
        view.scene(journey).is_ok(),
        "a past workspace is drawn like the current one"
    );
    let mut view = view;
    let refused = view.apply(&Edit::DeleteJourney { journey }).unwrap_err();
    assert_eq!(refused.code, ErrorCode::ReadOnly);
    let missing = ws.workspace_at(99_999).unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
}

#[test]
fn named_versions_outlive_the_history_and_travel_with_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path());
    let mut ws = OpenWorkspace::open(&path).unwrap();
    let card = ws.model().journeys[0].steps[2].id;
    ws.apply(&Edit::SetStepText {
        step: card,
        text: "Self check-in".into(),
    })
    .unwrap();
    let v = ws.save_version("after workshop 2").unwrap();
    assert_eq!(v.name, "after workshop 2");
    let then = ws.model().clone();
    ws.apply(&Edit::SetStepText {
        step: card,
        text: "Check-in by app".into(),
    })
    .unwrap();
    ws.save_version("  after workshop 3 ").unwrap();
    let names: Vec<String> = ws.versions().unwrap().into_iter().map(|v| v.name).collect();
    assert_eq!(names, ["after workshop 2", "after workshop 3"]);
    let now = ws.model().clone();
    drop(ws);

    // The history is emptied behind the versions' back, as the bound would.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("DELETE FROM history", [])
        .unwrap();
    let mut ws = OpenWorkspace::open(&path).unwrap();
    let at = ws.workspace_at_version("after workshop 2").unwrap();
    assert_eq!(canonical(&at), canonical(&then));
    assert_eq!(
        canonical(&ws.workspace_at_version(&v.id.to_string()).unwrap()),
        canonical(&then)
    );

    let copy = dir.path().join("copy.throughline");
    ws.save_copy(&copy, false).unwrap();
    let copied = OpenWorkspace::open_read_only(&copy).unwrap();
    assert_eq!(copied.versions().unwrap().len(), 2);
    assert_eq!(
        canonical(&copied.workspace_at_version("after workshop 2").unwrap()),
        canonical(&then)
    );

    let said = ws
        .restore_version("after workshop 2")
        .unwrap()
        .described
        .unwrap();
    assert_eq!(said, "restored the version of \"after workshop 2\"");
    assert_eq!(text_of(&ws, card), "Self check-in");
    ws.undo().unwrap();
    assert_eq!(canonical(ws.model()), canonical(&now));

    let renamed = ws.rename_version("after workshop 3", "final").unwrap();
    assert_eq!(renamed.name, "final");
    ws.delete_version("final").unwrap();
    assert_eq!(ws.versions().unwrap().len(), 1);
}

#[test]
fn bad_version_names_and_read_only_files_are_refused_changing_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path());
    let mut ws = OpenWorkspace::open(&path).unwrap();
    ws.save_version("Workshop").unwrap();
    let too_long = "é".repeat(MAX_VERSION_NAME_CHARS + 1);
    let cases = [
        ("", "needs a name"),
        ("   ", "needs a name"),
        (too_long.as_str(), "the limit is 200"),
        ("after\u{FFFE}workshop", "U+FFFE"),
        ("two\nlines", "U+000A"),
        ("bell\u{7}", "U+0007"),
        ("workshop", "already exists"),
    ];
    for (name, says) in cases {
        let err = ws.save_version(name).unwrap_err();
        assert_eq!(err.code, ErrorCode::Invalid, "{name:?}");
        assert!(err.message.contains(says), "{name:?}: {}", err.message);
    }
    // Exactly at the limit is fine, counted in characters, not bytes.
    ws.save_version(&"é".repeat(MAX_VERSION_NAME_CHARS))
        .unwrap();
    assert_eq!(ws.versions().unwrap().len(), 2);
    let err = ws.workspace_at_version("no such").unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    assert!(err.message.contains("\"Workshop\""), "{}", err.message);
    drop(ws);

    let mut ro = OpenWorkspace::open_read_only(&path).unwrap();
    let before = std::fs::read(&path).unwrap();
    assert_eq!(
        ro.save_version("Another").unwrap_err().code,
        ErrorCode::ReadOnly
    );
    assert_eq!(
        ro.restore_version("Workshop").unwrap_err().code,
        ErrorCode::ReadOnly
    );
    assert_eq!(
        ro.versions().unwrap().len(),
        2,
        "versions can still be read"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// Checks `version.json` text against `assets/schema/version.schema.json`.
fn matches_schema(text: &str) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/schema/version.schema.json"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let url = "https://throughline.invalid/schema/version.schema.json";
    compiler.add_resource(url, schema).unwrap();
    let compiled = compiler.compile(url, &mut schemas).unwrap();
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    if let Err(e) = schemas.validate(&value, compiled) {
        panic!("version.json does not match its schema: {e:#}");
    }
}

#[test]
fn versions_go_into_the_text_form_and_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path());
    let mut ws = OpenWorkspace::open(&path).unwrap();
    let card = ws.model().journeys[0].steps[0].id;
    ws.save_version("Before the workshop").unwrap();
    let then = ws.model().clone();
    ws.apply(&Edit::SetStepText {
        step: card,
        text: "Books on the phone".into(),
    })
    .unwrap();
    ws.save_version("After the workshop").unwrap();
    let folder = dir.path().join("text");
    ws.save_text(&folder, false).unwrap();
    for f in ["workspace.json", "entities.json", "version.json"] {
        assert!(
            folder
                .join("versions/before-the-workshop")
                .join(f)
                .is_file(),
            "{f}"
        );
    }
    let head = std::fs::read_to_string(folder.join("versions/before-the-workshop/workspace.json"))
        .unwrap();
    assert!(head.contains("\"Before the workshop\""), "{head}");
    let version_file = folder.join("versions/before-the-workshop/version.json");
    matches_schema(&std::fs::read_to_string(version_file).unwrap());
    let (main, _) = open_text(&folder).unwrap();
    assert_eq!(
        canonical(&main),
        canonical(ws.model()),
        "the main folder ignores versions/"
    );

    let versions = read_text_versions(&folder).unwrap();
    let names: Vec<&str> = versions.iter().map(|(v, _)| v.name.as_str()).collect();
    assert_eq!(names, ["Before the workshop", "After the workshop"]);
    assert_eq!(canonical(&versions[0].1), canonical(&then));

    let back = dir.path().join("back.throughline");
    create_workspace_file_with_versions(&back, &main, &versions, false).unwrap();
    let reopened = OpenWorkspace::open_read_only(&back).unwrap();
    assert_eq!(
        canonical(
            &reopened
                .workspace_at_version("Before the workshop")
                .unwrap()
        ),
        canonical(&then)
    );
    assert_eq!(
        reopened.versions().unwrap()[0].at,
        ws.versions().unwrap()[0].at
    );

    // FILE@version and FOLDER@version.
    let spec = |p: &Path, v: &str| format!("{}@{v}", p.display());
    assert_eq!(
        canonical(&resolve_at(&spec(&path, "Before the workshop")).unwrap()),
        canonical(&then)
    );
    assert_eq!(
        canonical(&resolve_at(&spec(&folder, "Before the workshop")).unwrap()),
        canonical(&then)
    );
    assert_eq!(
        canonical(&resolve_at(&path.display().to_string()).unwrap()),
        canonical(ws.model())
    );
    let err = resolve_at(&spec(&folder, "Never saved")).unwrap_err();
    assert!(
        err.message.contains("\"After the workshop\""),
        "{}",
        err.message
    );

    // A deleted version's folder goes on the next save.
    ws.delete_version("Before the workshop").unwrap();
    ws.save_text(&folder, false).unwrap();
    assert!(!folder.join("versions/before-the-workshop").exists());
}

#[test]
fn a_malformed_version_folder_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path());
    let mut ws = OpenWorkspace::open(&path).unwrap();
    ws.save_version("Ward round").unwrap();
    let folder = dir.path().join("text");
    ws.save_text(&folder, false).unwrap();
    let version = folder.join("versions/ward-round/version.json");

    std::fs::write(&version, "{ \"format\": \"throughline-version\" ").unwrap();
    let err = read_text_versions(&folder).unwrap_err();
    assert!(
        err.message.contains("versions/ward-round/version.json"),
        "{}",
        err.message
    );

    let stray = folder.join("versions/notes.txt");
    std::fs::write(&stray, "to do").unwrap();
    let err = read_text_versions(&folder).unwrap_err();
    assert!(
        err.message
            .contains("versions/notes.txt: not a version folder"),
        "{}",
        err.message
    );
    std::fs::remove_file(&stray).unwrap();

    std::fs::remove_file(&version).unwrap();
    let err = read_text_versions(&folder).unwrap_err();
    assert!(
        err.message.contains("version.json: missing"),
        "{}",
        err.message
    );

    ws.save_text(&folder, false).unwrap();
    std::fs::write(folder.join("versions/ward-round/entities.json"), "[1, 2").unwrap();
    let err = read_text_versions(&folder).unwrap_err();
    assert!(
        err.message.contains("versions/ward-round/entities.json"),
        "{}",
        err.message
    );
    assert_eq!(err.code, ErrorCode::NotAWorkspace);
}

#[test]
fn entries_from_before_descriptions_are_worded_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path());
    let mut ws = OpenWorkspace::open(&path).unwrap();
    let card = ws.model().journeys[0].steps[1].id;
    ws.apply(&Edit::DeleteSteps { steps: vec![card] }).unwrap();
    drop(ws);
    // As a file from before the history recorded when and what.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE history SET at = NULL, session = NULL, description = NULL",
            [],
        )
        .unwrap();
    let ws = OpenWorkspace::open(&path).unwrap();
    let entry = ws.history(&page(10)).unwrap().entries[0].clone();
    assert_eq!((entry.at, entry.session), (None, None));
    assert_eq!(entry.description, "deleted a card");
}
