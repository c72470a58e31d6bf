//! `throughline diff` as a reviewer and a CI job run it: a workspace file against its text form after
//! hand edits, the exit status telling same (0), different (1) and unreadable (2).

mod common;

use common::{path, text, throughline};

use std::path::{Path, PathBuf};

use serde_json::Value;

/// A generated workspace of two journeys with entities, and its text form.
fn workspace_and_text(dir: &Path) -> (PathBuf, PathBuf) {
    let ws = dir.join("clinic.throughline");
    let made = throughline(&[
        "generate",
        path(&ws),
        "--journeys",
        "2",
        "--cards",
        "30",
        "--stages",
        "4",
        "--entities",
        "12",
    ]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let folder = dir.join("clinic-text");
    let saved = throughline(&["save-text", path(&ws), path(&folder)]);
    assert!(saved.status.success(), "{}", text(&saved.stderr));
    (ws, folder)
}

/// The first journey file of a text form, parsed.
fn first_journey(folder: &Path) -> (PathBuf, Value) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder.join("journeys"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let file = files.remove(0);
    let json = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    (file, json)
}

fn write_json(file: &Path, json: &Value) {
    std::fs::write(file, serde_json::to_string_pretty(json).unwrap() + "\n").unwrap();
}

#[test]
fn the_same_workspace_does_not_differ() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, folder) = workspace_and_text(dir.path());
    let out = throughline(&["diff", path(&ws), path(&folder)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "no differences\n");
}

#[test]
fn hand_edits_to_the_text_form_are_reported_card_by_card() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, folder) = workspace_and_text(dir.path());
    let (file, mut journey) = first_journey(&folder);
    let name = journey["name"].as_str().unwrap().to_owned();
    let lanes: Vec<(String, String)> = journey["lanes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["id"].as_str().unwrap().to_owned(),
                l["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let cards = journey["cards"].as_array_mut().unwrap();
    let old_text = cards[0]["text"].as_str().unwrap().to_owned();
    cards[0]["text"] = Value::from("Nurse takes blood pressure");
    cards[0]["notes"] = Value::from("Twice if high");
    // Move a card without an emotion score (only customer cards carry one) to another lane.
    let mover = cards
        .iter_mut()
        .skip(1)
        .find(|c| c["emotion"].is_null())
        .unwrap();
    let from_lane = mover["lane"].as_str().unwrap().to_owned();
    let (to_lane, to_name) = lanes
        .iter()
        .rev()
        .find(|(id, _)| *id != from_lane)
        .cloned()
        .unwrap();
    let moved_text = mover["text"].as_str().unwrap().to_owned();
    mover["lane"] = Value::from(to_lane);
    let from_name = &lanes.iter().find(|(id, _)| *id == from_lane).unwrap().1;
    write_json(&file, &journey);

    let out = throughline(&["diff", path(&ws), path(&folder)]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(
        report.starts_with(&format!("Journey \"{name}\":\n")),
        "{report}"
    );
    assert!(
        report.contains(&format!(
            "text of 'Nurse takes blood pressure': {old_text} → Nurse takes blood pressure"
        )),
        "{report}"
    );
    assert!(
        report.contains("notes of 'Nurse takes blood pressure': (empty) → Twice if high"),
        "{report}"
    );
    let start: String = moved_text.chars().take(40).collect();
    let line = report
        .lines()
        .find(|l| l.contains(&format!("card '{start}")))
        .unwrap_or_else(|| panic!("no line for the moved card in {report}"));
    assert!(
        line.ends_with(&format!("moved from {from_name} to {to_name}")),
        "{report}"
    );

    let json = throughline(&["diff", path(&ws), path(&folder), "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let parsed: Value = serde_json::from_slice(&json.stdout).unwrap();
    let cards = parsed["journeys"][0]["cards"].as_array().unwrap();
    assert_eq!(cards.len(), 2, "{parsed:#}");
    assert!(cards.iter().all(|c| c["change"] == "changed"));
    let moved = cards.iter().find(|c| !c["moved_from"].is_null()).unwrap();
    assert_eq!(moved["moved_from"]["lane_name"], from_name.as_str());

    let other = throughline(&["diff", path(&ws), path(&folder), "--journey", "Journey 2"]);
    assert_eq!(
        other.status.code(),
        Some(0),
        "the edits are all in the first journey: {}{}",
        text(&other.stdout),
        text(&other.stderr)
    );
}

#[test]
fn unreadable_versions_exit_with_two_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, folder) = workspace_and_text(dir.path());
    let missing = dir.path().join("nowhere.throughline");
    let out = throughline(&["diff", path(&missing), path(&ws)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("nowhere.throughline: no such workspace file or text-form folder"),
        "{}",
        text(&out.stderr)
    );

    let named = format!("{}@after workshop 2", path(&ws));
    let out = throughline(&["diff", &named, path(&ws)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no version \"after workshop 2\""),
        "{}",
        text(&out.stderr)
    );

    let (file, _) = first_journey(&folder);
    std::fs::write(&file, "{ \"id\": ").unwrap();
    let out = throughline(&["diff", path(&ws), path(&folder)]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains(file.file_name().unwrap().to_str().unwrap()),
        "{err}"
    );

    let out = throughline(&["diff", path(&ws), path(&ws), "--journey", "Dentist"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no journey named \"Dentist\""));
}
