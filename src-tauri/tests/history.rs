//! "What changed since the workshop?" in the real window: the facilitator names a version in the History
//! panel, deletes a card and adds one, then compares with the version — the deleted card is a red ghost
//! where it stood, the new one is outlined green, the Changes list names both and finds each on the
//! blueprint; "View as it was" shows the old blueprint read-only; "Restore this version" brings the card
//! back as one edit that Undo takes back; every edit is listed newest first, and clicking one shows the
//! blueprint just after it. Screenshots land in `target/e2e/`.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::Value;
use support::app::{App, Dirs};
use support::blueprint::{click_card, wait_for_draft};
use support::input::{press, press_chord, type_text, wait_for_focus_on_canvas};
use support::page;
use support::screenshot;
use support::ui::{click, settle, wait_find, wait_for_text, wait_until};

/// The card deleted after the version is saved.
const GONE: &str = "Calls insurer's claims line";

/// The version's name.
const VERSION: &str = "after workshop 2";

/// The card typed after the version is saved.
const ADDED: &str = "Texts a photo of the stain";

#[test]
fn the_room_sees_what_changed_since_a_named_version() {
    support::scenario(changes_since_the_workshop());
}

async fn changes_since_the_workshop() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let app = App::launch_on_sample(&dirs).await;
    let client = &app.client;

    click(client, Locator::Css("[data-testid='toggle-history']")).await;
    wait_find(client, Locator::Css("[data-testid='history-panel']")).await;
    click(client, Locator::Css("[data-testid='save-version']")).await;
    wait_find(client, Locator::Css("[data-testid='version-name']")).await;
    type_text(client, VERSION).await;
    click(client, Locator::Css("[data-testid='version-save']")).await;
    wait_for_text(client, "[data-testid='version-row'] .name", |t| {
        t == VERSION
    })
    .await;

    click_card(client, GONE).await;
    press(client, Key::Delete.into()).await;
    page::wait_for(client, "the card deleted", |text| !text.svg_has(GONE)).await;
    let deleted = wait_for_text(client, "[data-testid='history-entry'] .what", |t| {
        t.starts_with("deleted")
    })
    .await;
    assert!(deleted.contains("Calls insurer"), "newest first: {deleted}");

    add_card(client).await;

    click(client, Locator::Css("[data-testid='compare-with']")).await;
    click(client, Locator::Css("[data-testid='compare-version']")).await;
    let counts = wait_for_text(client, "[data-testid='compare-counts']", |t| !t.is_empty()).await;
    assert_eq!(counts, "1 added · 1 removed · 0 changed · 0 moved");
    let marks = change_marks(client).await;
    let texts = |kind: &str| -> Vec<String> {
        marks[kind]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|t| t.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (removed, added) = (texts("removed"), texts("added"));
    assert!(
        removed.len() == 1 && removed[0].starts_with(GONE),
        "the deleted card outlined as removed: {marks}"
    );
    assert!(
        added.len() == 1 && added[0].starts_with(ADDED),
        "the typed card outlined as added: {marks}"
    );
    assert!(
        page::Text::read(client).await.svg_has(GONE),
        "the deleted card is drawn as a ghost where it stood"
    );
    let listed = wait_for_text(client, "[data-testid='changes-summary']", |t| !t.is_empty()).await;
    assert!(listed.starts_with("1 card added"), "{listed}");
    click(
        client,
        Locator::Css("[data-testid='change-card'][data-change='removed']"),
    )
    .await;
    wait_find(
        client,
        Locator::Css("[data-testid='change-card'][data-change='removed'].selected"),
    )
    .await;
    settle(client).await;
    screenshot::save_and_check(client, "history-compare").await;

    click(client, Locator::Css("[data-testid='snapshot-switch']")).await;
    let banner = wait_for_text(client, "[data-testid='snapshot-banner'] p", |t| {
        t.starts_with("Read-only")
    })
    .await;
    assert!(banner.contains(VERSION), "{banner}");
    let text = page::Text::read(client).await;
    assert!(
        text.svg_has(GONE) && !text.svg_has(ADDED),
        "the blueprint as the version had it"
    );
    settle(client).await;
    screenshot::save_and_check(client, "history-as-it-was").await;

    click(client, Locator::Css("[data-testid='snapshot-restore']")).await;
    wait_until(client, "back on the live blueprint", || async {
        client
            .find(Locator::Css("[data-testid='snapshot-banner']"))
            .await
            .is_err()
            .then_some(())
    })
    .await;
    page::wait_for(client, "the version restored", |text| {
        text.svg_has(GONE) && !text.svg_has(ADDED)
    })
    .await;
    let restored = wait_for_text(client, "[data-testid='history-entry'] .what", |t| {
        t.starts_with("restored")
    })
    .await;
    assert!(restored.contains(VERSION), "{restored}");
    wait_for_focus_on_canvas(client).await;
    press_chord(client, &[Key::Control], 'z').await;
    page::wait_for(client, "the restore undone", |text| {
        !text.svg_has(GONE) && text.svg_has(ADDED)
    })
    .await;

    look_back_at_an_edit(client).await;
    app.close().await;
}

/// Shift+Enter on a card of the same stage types a card under it; Enter stores it, Esc drops the next
/// empty field.
async fn add_card(client: &Client) {
    click_card(client, "Sends photos of the damage").await;
    wait_for_focus_on_canvas(client).await;
    press_chord(client, &[Key::Shift], Key::Enter.into()).await;
    wait_for_draft(client).await;
    type_text(client, ADDED).await;
    press(client, Key::Enter.into()).await;
    page::wait_for(client, "the new card", |text| text.svg_has(ADDED)).await;
    press(client, Key::Escape.into()).await;
}

/// The texts of the cards outlined as added and as removed.
async fn change_marks(client: &Client) -> Value {
    wait_until(client, "the change marks", || async {
        let v = client
            .execute(
                "const text = (id) => [...document.querySelectorAll(`g[data-id=\"${id}\"] text`)]
                   .map((t) => t.textContent).join(' ').replace(/\\s+/g, ' ').trim();
                 const of = (kind) => [...document.querySelectorAll(`[data-testid=\"change-marks\"] rect[data-change=\"${kind}\"]`)]
                   .map((r) => text(r.dataset.card));
                 return { added: of('added'), removed: of('removed') };",
                vec![],
            )
            .await
            .ok()?;
        let full = |k: &str| v[k].as_array().is_some_and(|a| !a.is_empty());
        (full("added") && full("removed")).then_some(v)
    })
    .await
}

/// Clicks the oldest listed edit (the delete) and sees the blueprint just after it; Back to now.
async fn look_back_at_an_edit(client: &Client) {
    let entries = client
        .find_all(Locator::Css("[data-testid='history-entry'] .entry"))
        .await
        .expect("the listed edits");
    let delete = entries.last().expect("an edit is listed").clone();
    delete.click().await.expect("click the delete");
    let banner = wait_for_text(client, "[data-testid='snapshot-banner'] p", |t| {
        t.starts_with("Read-only")
    })
    .await;
    assert!(banner.contains("deleted"), "{banner}");
    let text = page::Text::read(client).await;
    assert!(
        !text.svg_has(GONE) && !text.svg_has(ADDED),
        "just after the delete, before the card was typed"
    );
    settle(client).await;
    screenshot::save_and_check(client, "history-after-an-edit").await;
    click(client, Locator::Css("[data-testid='snapshot-close']")).await;
    page::wait_for(client, "the live blueprint", |text| text.svg_has(ADDED)).await;
}
