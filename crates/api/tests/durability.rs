//! Opening workspaces as the app and the CLI do: one editor at a time, readers beside it, read-only
//! files shown read-only, and an idle checkpoint that leaves every edit in the main file.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use throughline_api::{Edit, ErrorCode, OpenWorkspace};
use throughline_core::{Journey, LaneKind, Step, Workspace};

/// A coffee shop visit: order, wait, collect, with a card per stage for the customer and the barista.
fn coffee_shop() -> Workspace {
    let mut j = Journey::from_template("Coffee shop visit", &["Order", "Wait", "Collect"]);
    let lane = |kind| j.lanes.iter().find(|l| l.kind == kind).unwrap().id;
    let (customer, front) = (lane(LaneKind::Customer), lane(LaneKind::Frontstage));
    let stages: Vec<_> = j.stages.iter().map(|s| s.id).collect();
    let cards = [
        (customer, 0, "Orders a flat white"),
        (front, 0, "Barista takes the order"),
        (customer, 1, "Waits by the counter"),
        (front, 1, "Barista steams the milk"),
        (customer, 2, "Collects the cup"),
        (front, 2, "Name is called out"),
    ];
    for (i, (lane, stage, text)) in cards.into_iter().enumerate() {
        j.steps.push(Step::new(lane, stages[stage], i as f64, text));
    }
    Workspace {
        journeys: vec![j],
        ..Workspace::default()
    }
}

fn files(path: &Path) -> (Option<Vec<u8>>, Option<Vec<u8>>) {
    let wal = throughline_store::wal_path(path);
    (std::fs::read(path).ok(), std::fs::read(wal).ok())
}

#[test]
fn a_second_editor_is_refused_naming_the_holder_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coffee.throughline");
    let mut first = OpenWorkspace::create_from(&path, &coffee_shop()).unwrap();
    let step = first.model().journeys[0].steps[0].id;
    first
        .apply(&Edit::SetStepText {
            step,
            text: "Orders an oat latte".into(),
        })
        .unwrap();
    let before = files(&path);
    for second in [
        OpenWorkspace::open_for_editing(&path),
        OpenWorkspace::open(&path),
        OpenWorkspace::open_or_create_for_editing(&path),
    ] {
        let err = second.err().expect("refused");
        assert_eq!(err.code, ErrorCode::InUse);
        assert!(
            err.message.contains(&path.display().to_string()),
            "{}",
            err.message
        );
        assert!(
            err.message
                .contains(&format!("process {}", std::process::id())),
            "{}",
            err.message
        );
        assert_eq!(files(&path), before, "the file and its log are untouched");
    }
    let reader = OpenWorkspace::open_read_only(&path).unwrap();
    assert_eq!(
        reader.model().journeys[0].steps[0].text,
        "Orders an oat latte"
    );
    assert!(reader.info().read_only);
    drop(first);
    assert!(!OpenWorkspace::open_for_editing(&path)
        .unwrap()
        .is_read_only());
}

#[test]
fn a_workspace_in_a_read_only_folder_opens_read_only_and_refuses_edits() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("handed-over");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("coffee.throughline");
    drop(OpenWorkspace::create_from(&path, &coffee_shop()).unwrap());
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    assert_eq!(
        std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777,
        0o555
    );
    let before = files(&path);
    let mut ws = OpenWorkspace::open_for_editing(&path).unwrap();
    assert!(ws.is_read_only() && ws.info().read_only);
    assert_eq!(ws.journeys()[0].name, "Coffee shop visit");
    let step = ws.model().journeys[0].steps[0].id;
    let err = ws
        .apply(&Edit::SetStepText {
            step,
            text: "Orders tea".into(),
        })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::ReadOnly);
    assert_eq!(
        err.message,
        format!("this workspace is read-only: {}", path.display())
    );
    assert_eq!(ws.model().journeys[0].steps[0].text, "Orders a flat white");
    assert_eq!(ws.undo().unwrap_err().code, ErrorCode::ReadOnly);
    drop(ws);
    assert_eq!(files(&path), before);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// After 2,000 edits and an idle checkpoint the log is empty and a copy of the main file alone holds
/// every edit.
#[test]
fn an_idle_checkpoint_empties_the_log_into_the_main_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coffee.throughline");
    let mut ws = OpenWorkspace::create_from(&path, &coffee_shop()).unwrap();
    let cards: Vec<_> = ws.model().journeys[0].steps.iter().map(|s| s.id).collect();
    for n in 0..2_000 {
        ws.apply(&Edit::SetStepText {
            step: cards[n % cards.len()],
            text: format!("edit {n}"),
        })
        .unwrap();
    }
    let wal = throughline_store::wal_path(&path);
    let grown = std::fs::metadata(&wal).unwrap().len();
    assert!(grown > 1_000_000, "the edits are in the log: {grown} bytes");
    assert!(
        !ws.checkpoint_if_idle(Duration::from_secs(3600)).unwrap(),
        "not idle yet"
    );
    assert_eq!(std::fs::metadata(&wal).unwrap().len(), grown);
    assert!(ws.checkpoint_if_idle(Duration::ZERO).unwrap());
    assert_eq!(std::fs::metadata(&wal).unwrap().len(), 0);
    let copy = dir.path().join("copy").join("coffee.throughline");
    std::fs::create_dir(copy.parent().unwrap()).unwrap();
    std::fs::copy(&path, &copy).unwrap();
    let copied = OpenWorkspace::open_read_only(&copy).unwrap();
    let texts: Vec<&str> = copied.model().journeys[0]
        .steps
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    // Card c was last written by the largest edit number below 2,000 that is c modulo the count.
    let expected: Vec<String> = (0..cards.len())
        .map(|c| {
            let last = (0..2_000).rev().find(|n| n % cards.len() == c).unwrap();
            format!("edit {last}")
        })
        .collect();
    assert_eq!(texts, expected);
    drop(ws);
}
