//! A future state from the command line: `analyze` says what it changes against its current state,
//! `export --beside-current` draws the pair as one picture, and asking that of a journey that is not
//! a future state is refused with nothing written.

mod common;

use common::{path, text, throughline};
use throughline_api::{Edit, Id, OpenWorkspace};

#[test]
fn analyze_and_export_a_future_state_beside_its_current_state() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("claims.throughline");
    assert!(throughline(&["init", path(&ws)]).status.success());
    {
        let mut open = OpenWorkspace::open(&ws).unwrap();
        let source = open.find_journey("Home insurance claim").unwrap();
        open.apply(&Edit::CreateFutureState {
            source,
            journey: Id::new(),
        })
        .unwrap();
    }

    let analyzed = throughline(&["analyze", path(&ws)]);
    assert!(analyzed.status.success(), "{}", text(&analyzed.stderr));
    let out = text(&analyzed.stdout);
    assert!(out.contains("\nFuture states\n"), "{out}");
    assert!(
        out.contains("  Home insurance claim (future state) (of \"Home insurance claim\")"),
        "{out}"
    );
    assert!(
        out.contains("0 removed, 0 changed, 0 new, 36 kept"),
        "{out}"
    );
    let json = throughline(&["analyze", path(&ws), "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let future = &doc["future_states"][0];
    assert_eq!(future["current"]["name"], "Home insurance claim");
    assert_eq!(future["summary"]["kept"], 36);

    let out_dir = dir.path().join("out");
    let export = throughline(&[
        "export",
        path(&ws),
        "--journey",
        "Home insurance claim (future state)",
        "--format",
        "svg",
        "--beside-current",
        "--out",
        path(&out_dir),
    ]);
    assert!(export.status.success(), "{}", text(&export.stderr));
    let svg =
        std::fs::read_to_string(out_dir.join("home-insurance-claim-future-state.svg")).unwrap();
    assert!(svg.contains("Current state: Home insurance claim"));
    assert!(svg.contains("untagged cards are kept"));

    let refused = throughline(&[
        "export",
        path(&ws),
        "--journey",
        "Home insurance claim",
        "--format",
        "png",
        "--beside-current",
        "--out",
        path(&out_dir),
    ]);
    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains("is not a future state"),
        "{}",
        text(&refused.stderr)
    );
    assert!(!out_dir.join("home-insurance-claim.png").exists());
}
