//! The UI's unit tests draw real scenes and compare them with the Rust SVG of the same journey. This
//! keeps those fixtures equal to what the app would send today; regenerate them with
//! `UPDATE_GOLDEN=1 cargo test -p throughline-api --test ui_fixtures`.

use std::path::PathBuf;

use throughline_api::OpenWorkspace;
use throughline_core::sample::sample_workspace;

#[test]
fn ui_test_fixtures_match_the_current_layout() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/test/fixtures");
    let ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
    let claim = ws.find_journey("Home insurance claim").unwrap();
    let broadband = ws.find_journey("Broadband installation").unwrap();
    let files = [
        (
            "home-insurance-claim.scene.json",
            ws.scene_json(claim).unwrap(),
        ),
        ("home-insurance-claim.svg", ws.svg(claim).unwrap()),
        (
            "broadband-installation.scene.json",
            ws.scene_json(broadband).unwrap(),
        ),
    ];
    for (name, fresh) in files {
        let path = dir.join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == fresh,
            "ui/src/test/fixtures/{name} is stale; run UPDATE_GOLDEN=1 cargo test -p throughline-api --test ui_fixtures"
        );
    }
}
