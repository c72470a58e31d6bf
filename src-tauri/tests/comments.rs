//! Comments in the real window, on an express parcel delivery built here (after the express-mail
//! blueprint of the service-blueprinting literature): the comments panel signs with the name given,
//! a comment on the selected card puts a marker counting it on the card, a comment on the journey
//! has no card, resolving the first takes the marker away and folds it under the resolved ones, and
//! an SVG export leaves comments out unless asked and then writes the open one as a numbered note.
//! What was stored is read back from the workspace file. Screenshots land in `target/e2e/`.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use std::path::Path;

use fantoccini::{Client, Locator};
use serde_json::json;
use support::app::{App, Dirs};
use support::blueprint::{clear_selection, click_card};
use support::export;
use support::screenshot;
use support::ui::{click, settle, to_front, wait_find, wait_for_text, wait_until};
use throughline_api::{Journey, LaneKind, OpenWorkspace, Step};

const PICKUP: &str = "Driver picks up the package";
const FIRST: &str = "Drivers say the pickup window is too narrow";
const SECOND: &str = "Add the customs stage for international parcels";

#[test]
fn comments_are_written_counted_resolved_and_exported_only_when_asked() {
    support::scenario(comments());
}

/// An express parcel delivery from the customer's call to the signature at the door.
fn parcel_delivery() -> Journey {
    let mut j = Journey::from_template(
        "Express parcel delivery",
        &["Call for pickup", "Pickup", "Sort and fly", "Deliver"],
    );
    let lane = |kind| j.lanes.iter().find(|l| l.kind == kind).unwrap().id;
    let (customer, front, back) = (
        lane(LaneKind::Customer),
        lane(LaneKind::Frontstage),
        lane(LaneKind::Backstage),
    );
    let stages: Vec<_> = j.stages.iter().map(|s| s.id).collect();
    for (lane, stage, text) in [
        (customer, 0, "Calls the hotline"),
        (front, 0, "Agent books the pickup"),
        (front, 1, PICKUP),
        (back, 2, "Hub sorts and loads the plane"),
        (front, 3, "Courier rings the doorbell"),
        (customer, 3, "Signs for the parcel"),
    ] {
        j.steps.push(Step::new(lane, stages[stage], 0.0, text));
    }
    j
}

async fn comments() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let file = tmp.path().join("parcels.throughline");
    let app = App::launch_on_journey(&file, parcel_delivery(), &dirs).await;
    let client = &app.client;
    click(
        client,
        Locator::XPath("//button[normalize-space(.)='Zoom to fit']"),
    )
    .await;
    settle(client).await;

    click(client, Locator::Css("[data-testid='toggle-comments']")).await;
    wait_for_text(client, "[data-testid='comments-panel']", |t| {
        t.contains("No open comments")
    })
    .await;
    let name = wait_find(client, Locator::Css("input[aria-label='Your name']")).await;
    name.clear().await.expect("clear the name");
    name.send_keys("Priya").await.expect("type a name");

    // A comment on the card selected.
    click_card(client, PICKUP).await;
    to_front(client, "comments").await;
    wait_for_text(client, "[data-testid='comments-panel'] .field-label", |t| {
        t == format!("On {PICKUP}")
    })
    .await;
    post(client, FIRST).await;
    wait_until(client, "the card's comment marker", || async {
        (marker(client, PICKUP).await.as_deref() == Some("1")).then_some(())
    })
    .await;

    // A comment on the journey: nothing selected.
    clear_selection(client).await;
    to_front(client, "comments").await;
    wait_for_text(client, "[data-testid='comments-panel'] .field-label", |t| {
        t == "On the journey"
    })
    .await;
    post(client, SECOND).await;
    wait_for_text(client, "[data-testid='comments-open']", |t| t == "2").await;
    wait_for_text(client, "[data-testid='open-comments']", |t| t == "2").await;
    settle(client).await;
    screenshot::save_and_check(client, "comments-panel").await;

    // The first one is dealt with.
    click(
        client,
        Locator::XPath(&format!(
            "//*[@data-testid='comment'][contains(., '{FIRST}')]//button[normalize-space(.)='Resolve']"
        )),
    )
    .await;
    wait_for_text(client, "[data-testid='comments-open']", |t| t == "1").await;
    wait_until(
        client,
        "the marker gone with the resolved comment",
        || async { marker(client, PICKUP).await.is_none().then_some(()) },
    )
    .await;
    wait_for_text(client, "[data-testid='comments-panel'] summary", |t| {
        t == "1 resolved comment"
    })
    .await;

    // Exports leave comments out unless asked.
    let plain = export_svg(client, &tmp.path().join("plain.svg"), false).await;
    for left_out in [SECOND, "comment-notes"] {
        let at = plain
            .find(left_out)
            .map(|i| &plain[i.saturating_sub(300)..i + 100]);
        assert!(at.is_none(), "{left_out:?} in a plain export: {at:?}");
    }
    let noted = export_svg(client, &tmp.path().join("noted.svg"), true).await;
    let start = noted
        .find("<g class=\"comment-notes\">")
        .expect("the notes block");
    let notes = &noted[start..start + noted[start..].find("</g>").expect("its end")];
    assert!(
        notes.contains(SECOND),
        "the open comment written out: {notes}"
    );
    assert!(!notes.contains(FIRST), "a resolved comment is not: {notes}");
    app.close().await;

    let ws = OpenWorkspace::open_read_only(&file).expect("read the workspace back");
    let journey = &ws.model().journeys[0];
    let stored: Vec<(&str, &str, bool)> = journey
        .comments
        .iter()
        .map(|c| (c.text.as_str(), c.author.as_str(), c.resolved))
        .collect();
    assert_eq!(stored, [(FIRST, "Priya", true), (SECOND, "Priya", false)]);
    let pickup = journey.steps.iter().find(|s| s.text == PICKUP).unwrap();
    assert_eq!(journey.comments[0].target, pickup.id);
    assert_eq!(journey.comments[1].target, journey.id);
}

/// Types `text` as a new comment and posts it with Ctrl+Enter, as a person in a hurry would.
async fn post(client: &Client, text: &str) {
    let field = wait_find(client, Locator::Css("textarea[aria-label='New comment']")).await;
    field.send_keys(text).await.expect("type a comment");
    click(
        client,
        Locator::XPath("//*[@data-testid='comments-panel']//button[normalize-space(.)='Comment']"),
    )
    .await;
    wait_until(client, "the comment listed", || async {
        let listed = client
            .find_all(Locator::XPath(&format!(
                "//*[@data-testid='comment'][contains(., '{text}')]"
            )))
            .await
            .ok()?;
        (!listed.is_empty()).then_some(())
    })
    .await;
}

/// The label of card `text`'s comment marker as drawn, or `None` when it has none.
async fn marker(client: &Client, text: &str) -> Option<String> {
    let value = client
        .execute(
            "const g = [...document.querySelectorAll('svg[role=\"figure\"] g[data-id]')].find((g) =>
               [...g.querySelectorAll(':scope > text')].map((t) => t.textContent).join(' ').startsWith(arguments[0]));
             return g?.querySelector('[data-testid=\"comment-marker\"] text')?.textContent ?? null;",
            vec![json!(text)],
        )
        .await
        .expect("read a card's comment marker");
    value.as_str().map(str::to_owned)
}

/// Exports the journey as an SVG to `out` through the export dialog, with or without the comments,
/// and returns the file's text.
async fn export_svg(client: &Client, out: &Path, with_comments: bool) -> String {
    export::open_dialog(client, "[data-testid='export-button']", "svg", out).await;
    let include = wait_find(
        client,
        Locator::Css("[data-testid='export-include-comments']"),
    )
    .await;
    let ticked = include
        .prop("checked")
        .await
        .expect("read the box")
        .as_deref()
        == Some("true");
    assert!(!ticked, "comments are off until asked");
    if with_comments {
        include.click().await.expect("ask for the comments");
    }
    export::save_svg(client, out).await
}
