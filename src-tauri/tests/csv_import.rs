//! Importing steps from a CSV file in the real window: the dialog opened from the sidebar's + menu
//! (the file dialog answered through `window.__throughlineDialogAnswers`, as WebDriver cannot drive a
//! native one), the preview marking the two bad rows with their reasons, the import into a new journey
//! drawn on the blueprint and stored in the file, and Ctrl+Z taking the whole import back in one step.
//! Screenshots of the preview and of the imported blueprint land in `target/e2e/`.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use std::path::Path;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::json;
use support::app::{App, Dirs};
use support::page;
use support::screenshot;
use support::ui::{click, settle, wait_find, wait_until};
use throughline_api::OpenWorkspace;

/// A bicycle repair visit as a shop would list it: twelve rows, headers that need no mapping, a
/// lane the journey does not have on row 7 and an emotion that is no number on row 10.
const BIKE_REPAIR: &str = "\
Stage,Lane,Text,Owner,Channel,Moment of truth,Emotion,Pain point
Drop off,Evidence,Shop counter and repair tags,,,,,
Drop off,Customer,Describes the squeaking brakes,,In person,yes,0,
Drop off,Frontstage,Mechanic writes up the job,Workshop,In person,,,
Wait,Customer,Waits for a call,,,,-1,No update for two days
Wait,Backstage,Orders brake pads,Parts desk,,,,
Wait,Kitchen,Makes coffee for the team,,,,,
Collect,Customer,Test rides the bike,,,yes,2,
Collect,Frontstage,Explains what was fixed,Workshop,In person,,,
Collect,Customer,Pays at the counter,,,,great,
Collect,Support,Till records the payment,,,,,
Follow up,Customer,Gets a service reminder,,Email,,1,
Follow up,Support,Reminder scheduled in the booking system,Parts desk,,,,
";

/// The cards of the rows the preview accepts.
const ACCEPTED: [&str; 10] = [
    "Shop counter and repair tags",
    "Describes the squeaking brakes",
    "Mechanic writes up the job",
    "Waits for a call",
    "Orders brake pads",
    "Test rides the bike",
    "Explains what was fixed",
    "Till records the payment",
    "Gets a service reminder",
    "Reminder scheduled in the booking system",
];

#[test]
fn a_csv_import_previews_imports_and_undoes_in_one_step() {
    support::scenario(csv_import());
}

async fn csv_import() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let csv = tmp.path().join("bike_repair.csv");
    std::fs::write(&csv, BIKE_REPAIR).expect("write the CSV file");
    let app = App::launch_on_sample(&dirs).await;
    let client = &app.client;
    let file = dirs.data.join("throughline/default.throughline");

    client
        .execute(
            "window.__throughlineDialogAnswers = [arguments[0]];",
            vec![json!(csv.to_str().expect("a UTF-8 temp path"))],
        )
        .await
        .expect("queue the file dialog's answer");
    click(client, Locator::Css("button[aria-label='New journey']")).await;
    click(
        client,
        Locator::XPath(
            "//*[@role='menuitem'][contains(normalize-space(.), 'Import steps from CSV')]",
        ),
    )
    .await;
    wait_find(client, Locator::Css("[data-testid='csv-preview']")).await;
    let summary = wait_find(client, Locator::Css("[data-testid='csv-summary']"))
        .await
        .text()
        .await
        .expect("the preview's summary");
    assert!(
        summary.contains("10 rows will be imported into “Bike repair”, 2 rejected"),
        "{summary}"
    );
    for row in 2..=13 {
        let status = wait_find(
            client,
            Locator::Css(&format!("[data-testid='csv-row-{row}']")),
        )
        .await
        .attr("data-status")
        .await
        .expect("a row's status");
        let bad = row == 7 || row == 10;
        assert_eq!(
            status.as_deref(),
            Some(if bad { "rejected" } else { "accepted" }),
            "row {row}"
        );
    }
    assert!(reason(client, 7)
        .await
        .starts_with("lane “Kitchen” is not a lane of this journey; lanes are Physical evidence"));
    assert_eq!(
        reason(client, 10).await,
        "emotion “great” is not a whole number from −2 to +2"
    );
    settle(client).await;
    let shot = screenshot::save_and_check_table(client, "csv-preview").await;
    println!("preview: {}", shot.display());

    click(client, Locator::Css("[data-testid='csv-import']")).await;
    page::wait_for(client, "the imported cards on the blueprint", |text| {
        text.svg_has("Bike repair") && text.svg_missing(&ACCEPTED).is_empty()
    })
    .await;
    assert!(
        client
            .find(Locator::Css("[data-testid='csv-import-dialog']"))
            .await
            .is_err(),
        "the dialog closes once the cards are in"
    );
    assert_eq!(cards_of(&file, "Bike repair"), Some(10));
    settle(client).await;
    let shot = screenshot::save_and_check(client, "csv-imported").await;
    println!("imported: {}", shot.display());

    press_undo(client).await;
    page::wait_for(
        client,
        "the undone import to take the journey away",
        |text| !text.page_has("Bike repair"),
    )
    .await;
    wait_until(client, "the file without the imported journey", || async {
        cards_of(&file, "Bike repair").is_none().then_some(())
    })
    .await;
    let kept = OpenWorkspace::open_read_only(&file).expect("read the workspace file");
    assert!(
        kept.model().entities.iter().all(|e| e.name != "Parts desk"),
        "the teams the import created went with it"
    );
    app.close().await;
}

/// The reason the preview gives for rejecting `row`.
async fn reason(client: &Client, row: u32) -> String {
    wait_find(
        client,
        Locator::Css(&format!("[data-testid='csv-reason-{row}']")),
    )
    .await
    .text()
    .await
    .expect("a rejected row's reason")
}

/// How many cards the journey named `name` has in the workspace file, if it is there.
fn cards_of(file: &Path, name: &str) -> Option<usize> {
    let ws = OpenWorkspace::open_read_only(file).expect("read the workspace file");
    ws.journeys()
        .into_iter()
        .find(|j| j.name == name)
        .map(|j| j.steps as usize)
}

/// Presses Ctrl+Z.
async fn press_undo(client: &Client) {
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down {
            value: Key::Control.into(),
        })
        .then(KeyAction::Down { value: 'z' })
        .then(KeyAction::Up { value: 'z' })
        .then(KeyAction::Up {
            value: Key::Control.into(),
        });
    client.perform_actions(keys).await.expect("press Ctrl+Z");
    client.release_actions().await.expect("release the keys");
}
