//! A damaged workspace opened by double-click (its path as the app's only argument, as the desktop
//! entry's `Exec=throughline-app %f` passes it) shows the window's error screen naming the file and
//! the damage, and leaves the file as it was. Screenshots land in `target/e2e/`.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use std::fs;
use std::path::Path;

use support::app::{App, Dirs};
use support::{page, screenshot};
use throughline_api::{Edit, Id, NewWorkspace, OpenWorkspace, Slot};

#[test]
fn a_damaged_workspace_given_as_argument_shows_the_error_screen() {
    support::scenario(damaged());
}

async fn damaged() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let file = tmp.path().join("Clinic visit.throughline");
    write_clinic(&file);
    damage(&file);
    let bytes = fs::read(&file).expect("read the damaged file");

    let app = App::launch(&[file.to_str().expect("UTF-8 temp path")], &dirs).await;
    let shown = page::wait_for(&app.client, "the error screen", |text| {
        text.page_has("This workspace could not be opened")
    })
    .await;
    assert!(
        shown.page_has("Clinic visit.throughline") && shown.page_has("damaged"),
        "the error screen does not name the file and its damage:\n{}",
        shown.page
    );
    screenshot::save_and_check_message(&app.client, "damaged-workspace").await;
    app.close().await;
    assert!(
        fs::read(&file).expect("the file is still there") == bytes,
        "the app changed the damaged file"
    );
}

/// A clinic's journey with a few dozen cards, so the file spans many pages.
fn write_clinic(path: &Path) {
    let mut ws = OpenWorkspace::create_for_editing(path, NewWorkspace::Blank).expect("create");
    let journey = ws.journeys()[0].id;
    ws.apply(&Edit::UpdateJourney {
        journey,
        name: "Clinic visit".into(),
        persona: "Patient with a sprained ankle".into(),
        description: "From booking to follow-up call".repeat(20),
    })
    .expect("name the journey");
    let lane = ws.model().journeys[0].lanes[1].id;
    let stage = ws.model().journeys[0].stages[0].id;
    for n in 0..60 {
        ws.apply(&Edit::AddStep {
            journey,
            step: Id::new(),
            lane,
            stage,
            to: Slot::Before { id: None },
            text: format!("Patient waits at reception, visit {n}, and is called by the nurse"),
        })
        .expect("add a card");
    }
}

/// Overwrites every page after the first two with a byte pattern, keeping the header intact, as a
/// disk fault or a half-copied file would.
fn damage(path: &Path) {
    let mut bytes = fs::read(path).expect("read the workspace");
    let page = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    assert!(
        bytes.len() > 3 * page,
        "the workspace has too few pages to damage"
    );
    for (i, b) in bytes[2 * page..].iter_mut().enumerate() {
        *b = (i % 251) as u8;
    }
    fs::write(path, bytes).expect("write the damaged workspace");
}
