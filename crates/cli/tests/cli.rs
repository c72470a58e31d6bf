//! The `throughline` command as a user runs it: real files in a temporary folder, exit codes and
//! messages checked.

mod common;

use common::{path, text, throughline};

use std::path::Path;

#[test]
fn init_list_svg_and_export_a_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("team.throughline");
    assert!(throughline(&["init", path(&ws)]).status.success());
    let list = throughline(&["list", path(&ws)]);
    assert!(text(&list.stdout).contains("Home insurance claim\t6 stages\t36 cards"));
    let svg = throughline(&["svg", path(&ws), "--journey", "home insurance claim"]);
    assert!(svg.status.success());
    assert!(text(&svg.stdout).contains("Calls insurer&#39;s claims line"));

    let out = dir.path().join("out");
    let export = throughline(&[
        "export",
        path(&ws),
        "--all",
        "--format",
        "svg,png",
        "--out",
        path(&out),
    ]);
    assert!(export.status.success(), "{}", text(&export.stderr));
    for name in [
        "home-insurance-claim.svg",
        "home-insurance-claim.png",
        "broadband-installation.png",
    ] {
        assert!(
            out.join(name).metadata().unwrap().len() > 1000,
            "{name} written"
        );
    }
    let again = throughline(&[
        "export",
        path(&ws),
        "--all",
        "--format",
        "svg",
        "--out",
        path(&out),
    ]);
    assert!(
        !again.status.success(),
        "existing files are kept without --force"
    );
    assert!(text(&again.stderr).contains("--force"));
    let forced = throughline(&[
        "export",
        path(&ws),
        "--all",
        "--format",
        "svg",
        "--out",
        path(&out),
        "--force",
    ]);
    assert!(forced.status.success());
}

#[test]
fn bad_input_gets_a_clear_message_and_a_failing_exit() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage.throughline");
    std::fs::write(
        &garbage,
        b"this is not a database at all, just some text that is long enough",
    )
    .unwrap();
    let out = throughline(&["list", path(&garbage)]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("not a Throughline workspace"));

    let ws = dir.path().join("w.throughline");
    assert!(throughline(&["init", path(&ws)]).status.success());
    let unknown = throughline(&["svg", path(&ws), "--journey", "Nope"]);
    assert!(!unknown.status.success());
    assert!(
        text(&unknown.stderr).contains("Broadband installation"),
        "lists the journeys there are"
    );
    let format = throughline(&[
        "export",
        path(&ws),
        "--all",
        "--format",
        "gif",
        "--out",
        path(dir.path()),
    ]);
    assert!(text(&format.stderr).contains("unknown format"));
    assert!(
        !throughline(&["init", path(&ws)]).status.success(),
        "init never overwrites"
    );
}

#[test]
fn generate_writes_a_workspace_of_the_asked_size() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("big.throughline");
    let out = throughline(&[
        "generate",
        path(&ws),
        "--journeys",
        "3",
        "--cards",
        "250",
        "--stages",
        "8",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = text(&throughline(&["list", path(&ws)]).stdout);
    assert_eq!(list.lines().count(), 3);
    assert!(list.lines().all(|l| l.contains("8 stages\t250 cards")));
}

#[test]
fn generate_adds_future_states_that_export_beside_their_current_state() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("futures.throughline");
    let out = throughline(&[
        "generate",
        path(&ws),
        "--journeys",
        "2",
        "--cards",
        "200",
        "--stages",
        "6",
        "--future-states",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = text(&throughline(&["list", path(&ws)]).stdout);
    assert_eq!(list.lines().count(), 4, "{list}");
    assert_eq!(list.matches("(future state)").count(), 2, "{list}");

    let folder = dir.path().join("out");
    let export = throughline(&[
        "export",
        path(&ws),
        "--journey",
        "Journey 1 (future state)",
        "--beside-current",
        "--format",
        "svg",
        "--out",
        path(&folder),
    ]);
    assert!(export.status.success(), "{}", text(&export.stderr));
    let svg = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .next()
        .unwrap();
    assert!(
        svg.contains("Current state: Journey 1"),
        "the pair is drawn"
    );
}

#[test]
fn analyze_reports_checks_and_impact_and_guards_with_fail_on() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("team.throughline");
    assert!(throughline(&["init", path(&ws)]).status.success());

    let report = throughline(&["analyze", path(&ws), "--impact", "crm"]);
    assert!(report.status.success(), "{}", text(&report.stderr));
    let out = text(&report.stdout);
    assert!(
        out.contains("Moments of truth without an owner (1)"),
        "{out}"
    );
    assert!(
        out.contains("\"Handler explains decision and excess\""),
        "{out}"
    );
    assert!(out.contains("If CRM fails:"), "{out}");
    assert!(out.contains("customer steps at risk"), "{out}");
    assert!(out.contains("Hand-offs (18, 3 unassigned)"), "{out}");
    assert!(
        out.contains("\nEvidence\n") && out.contains(" cards backed by evidence"),
        "{out}"
    );
    assert!(
        out.contains("- unassigned hand-off: \"Provisioning reserves a port at the exchange\" (Order) → \"Scheduling system syncs with provisioning\" (Pre-install checks), Field engineering → no team"),
        "{out}"
    );

    let json = throughline(&["analyze", path(&ws), "--format", "json", "--impact", "CRM"]);
    assert!(json.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    let groups = doc["checks"].as_array().unwrap();
    assert_eq!(groups.len(), 11, "every check is listed, passed or not");
    let evidence = doc["evidence"].as_array().expect("evidence per journey");
    assert!(evidence
        .iter()
        .any(|j| j["journey"] == "Broadband installation"));
    assert!(evidence
        .iter()
        .all(|j| j["backed"] == 0 && j["steps"].as_u64() > Some(0)));
    let moments = groups
        .iter()
        .find(|g| g["slug"] == "unowned-moments")
        .unwrap();
    assert_eq!(moments["findings"].as_array().unwrap().len(), 1);
    assert!(!doc["impact"]["cards"].as_array().unwrap().is_empty());
    let broadband = doc["handoffs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["name"] == "Broadband installation")
        .expect("hand-offs per journey");
    let unassigned: Vec<&serde_json::Value> = broadband["handoffs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["unassigned"] == true)
        .collect();
    assert_eq!(unassigned.len(), 3);
    assert_eq!(unassigned[0]["from_team"], "Field engineering");
    assert!(unassigned[0]["to_team"].is_null());
    assert_eq!(
        unassigned[0]["to"]["text"],
        "Scheduling system syncs with provisioning"
    );
    assert!(doc["impact"]["moments"].as_u64().unwrap() > 0);

    let what_if = throughline(&[
        "analyze",
        path(&ws),
        "--impact",
        "CRM",
        "--impact",
        "Payment gateway",
        "--criticality",
    ]);
    assert!(what_if.status.success(), "{}", text(&what_if.stderr));
    let out = text(&what_if.stdout);
    assert!(out.contains("If CRM and Payment gateway fail:"), "{out}");
    assert!(out.contains("Moments of truth at risk:"), "{out}");
    assert!(out.contains("Single points of failure"), "{out}");

    let guarded = throughline(&[
        "analyze",
        path(&ws),
        "--fail-on",
        "unowned-moments,dependency-cycles",
    ]);
    assert_eq!(
        guarded.status.code(),
        Some(2),
        "a failed guard exits with 2"
    );
    assert!(text(&guarded.stdout).contains("failed: unowned-moments"));
    let clean = throughline(&["analyze", path(&ws), "--fail-on", "dependency-cycles"]);
    assert_eq!(clean.status.code(), Some(0));

    let journey = throughline(&[
        "analyze",
        path(&ws),
        "--journey",
        "Broadband installation",
        "--fail-on",
        "unowned-moments",
    ]);
    assert_eq!(
        journey.status.code(),
        Some(0),
        "the unowned moment is in the other journey"
    );

    let unknown = throughline(&["analyze", path(&ws), "--fail-on", "typos"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("unknown check; use any, unowned-moments"));
    let nobody = throughline(&["analyze", path(&ws), "--impact", "Fax machine"]);
    assert_eq!(nobody.status.code(), Some(1));
    assert!(text(&nobody.stderr).contains("no person, team, system or process is called"));
}

#[test]
fn generate_writes_an_organisation_that_analyze_reads() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("big.throughline");
    let made = throughline(&[
        "generate",
        path(&ws),
        "--journeys",
        "3",
        "--cards",
        "60",
        "--stages",
        "4",
        "--entities",
        "80",
    ]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let json = throughline(&["analyze", path(&ws), "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    let cycles = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["slug"] == "dependency-cycles")
        .unwrap();
    assert!(
        !cycles["findings"].as_array().unwrap().is_empty(),
        "the generator closes a circle"
    );
}

#[test]
fn exported_pictures_import_back_as_the_same_journey() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("team.throughline");
    assert!(throughline(&["init", path(&ws)]).status.success());
    let out = dir.path().join("out");
    let export = throughline(&[
        "export",
        path(&ws),
        "--journey",
        "Home insurance claim",
        "--format",
        "svg,png",
        "--out",
        path(&out),
    ]);
    assert!(export.status.success(), "{}", text(&export.stderr));
    let svg = out.join("home-insurance-claim.svg");
    let png = out.join("home-insurance-claim.png");

    // Into an empty workspace: the journey draws as it did where it came from (with new ids, so the
    // cards' data-id attributes and the order arrows are drawn in differ).
    let same_drawing = |svg: String| {
        let mut lines: Vec<String> = svg
            .lines()
            .map(|l| match (l.find(" data-id=\""), l.find("\"><rect")) {
                (Some(a), Some(b)) if a < b => format!("{}{}", &l[..a], &l[b + 1..]),
                _ => l.to_owned(),
            })
            .collect();
        lines.sort();
        lines
    };
    let empty = dir.path().join("empty.throughline");
    let made = throughline(&["generate", path(&empty), "--journeys", "0"]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let import = throughline(&["import", path(&empty), path(&svg)]);
    assert!(import.status.success(), "{}", text(&import.stderr));
    assert_eq!(
        text(&import.stdout),
        format!(
            "imported \"Home insurance claim\" (36 cards) into {}\n",
            path(&empty)
        )
    );
    let drawn = |w: &Path| {
        let r = throughline(&["svg", path(w), "--journey", "Home insurance claim"]);
        assert!(r.status.success(), "{}", text(&r.stderr));
        text(&r.stdout)
    };
    assert_eq!(same_drawing(drawn(&empty)), same_drawing(drawn(&ws)));

    // Into the workspace it came from, from the PNG: a second journey beside the first.
    let import = throughline(&["import", path(&ws), path(&png)]);
    assert!(import.status.success(), "{}", text(&import.stderr));
    assert!(
        text(&import.stdout).contains("imported \"Home insurance claim (imported)\" (36 cards)")
    );
    let list = text(&throughline(&["list", path(&ws)]).stdout);
    assert!(
        list.contains("Home insurance claim (imported)\t6 stages\t36 cards"),
        "{list}"
    );

    // A picture without a journey, or no picture at all, is refused and changes nothing.
    let plain = dir.path().join("plain.svg");
    std::fs::write(&plain, drawn(&ws)).unwrap();
    let before = std::fs::read(&empty).unwrap();
    let refused = throughline(&["import", path(&empty), path(&plain)]);
    assert!(!refused.status.success());
    assert_eq!(
        text(&refused.stderr),
        format!(
            "throughline: {}: no Throughline journey is embedded in this picture\n",
            path(&plain)
        )
    );
    let not_a_picture = throughline(&["import", path(&empty), path(&ws)]);
    assert!(!not_a_picture.status.success());
    assert!(text(&not_a_picture.stderr).contains("not a PNG or SVG"));
    let missing = throughline(&["import", path(&empty), "no-such-file.svg"]);
    assert!(text(&missing.stderr).contains("no-such-file.svg: cannot be read"));
    assert_eq!(std::fs::read(&empty).unwrap(), before);
}
