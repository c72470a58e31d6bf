//! The Edit, View and Help menus: every item, fired by id through the path a click takes (the
//! debug-only `fire_menu_item` command hands its id to the menu's own event handler, as WebDriver
//! cannot open a native menu), does what its shortcut or toolbar control does, seen on screen. And
//! with those menus' accelerators in place, typing keys still edit text: Ctrl+Z in the card's text
//! field undoes the typing, Ctrl+A, Ctrl+C, Ctrl+V and Delete work in a text field. Items with
//! nothing to act on are greyed out (read through the debug-only `menu_item_enabled`): Undo and Redo
//! with no history, Cut, Copy, Duplicate and Delete with no card selected.
//!
//! Needs a display: `xvfb-run -a cargo test -p throughline-app --test menus`.

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use support::app::{App, Dirs};
use support::input::{press, press_chord, type_text, wait_for_focus_on_canvas};
use support::screenshot;
use support::ui::{click, settle, wait_find, wait_until};

/// The ids of the items, as the UI gets them (written from src-tauri/src/menu_actions.rs).
fn menu_ids() -> BTreeSet<String> {
    let ts = include_str!("../../ui/src/lib/menubar/actions.ts");
    let list = ts
        .split("MENU_ACTIONS = [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("the list of menu actions");
    list.split(',')
        .map(|id| id.trim().trim_matches('\'').to_owned())
        .collect()
}

#[test]
fn every_menu_item_does_what_its_shortcut_does() {
    support::scenario(menus());
}

async fn menus() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let app = App::launch_on_sample(&dirs).await;
    let client = &app.client;
    client
        .set_window_size(1280, 720)
        .await
        .expect("resize the window");
    wait_for_focus_on_canvas(client).await;

    greyed_items(client).await;
    let mut fired = BTreeSet::new();
    view_items(client, &mut fired).await;
    panel_items(client, &mut fired).await;
    edit_items(client, &mut fired).await;
    help_items(client, &mut fired).await;
    assert_eq!(
        fired,
        menu_ids(),
        "the test fired other items than the menus have"
    );

    text_keys_still_edit_text(client).await;
    assert_eq!(
        fire_result(client, "no-such-item").await.as_deref(),
        Some("the menu bar has no item no-such-item"),
    );
    app.close().await;
}

/// Fires menu item `id`; the error, if the app refused.
async fn fire_result(client: &Client, id: &str) -> Option<String> {
    let value = client
        .execute(
            "return window.__TAURI_INTERNALS__.invoke('fire_menu_item', { id: arguments[0] })
               .then(() => null, (e) => String(e));",
            vec![json!(id)],
        )
        .await
        .expect("fire a menu item");
    value.as_str().map(str::to_owned)
}

/// Fires menu item `id` and lets the UI act on it.
async fn fire(client: &Client, fired: &mut BTreeSet<String>, id: &str) {
    if let Some(error) = fire_result(client, id).await {
        panic!("firing {id}: {error}");
    }
    fired.insert(id.to_owned());
    tokio::time::sleep(Duration::from_millis(250)).await;
}

async fn js(client: &Client, script: &str) -> Value {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("run {script}: {e}"))
}

async fn zoom_label(client: &Client) -> String {
    js(
        client,
        "return document.querySelector('output[aria-label=\"Zoom level\"]')?.textContent ?? '';",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

fn percent(label: &str) -> f64 {
    label
        .trim()
        .trim_end_matches('%')
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("a zoom level, not {label:?}"))
}

/// Waits until `script` returns `want`.
async fn wait_js(client: &Client, what: &str, script: &str, want: Value) {
    wait_until(client, what, || async {
        let v = client.execute(script, vec![]).await.ok()?;
        (v == want).then_some(())
    })
    .await;
}

async fn view_items(client: &Client, fired: &mut BTreeSet<String>) {
    fire(client, fired, "actual-size").await;
    wait_until(client, "View › Actual Size to show 100 %", || async {
        (percent(&zoom_label(client).await) == 100.0).then_some(())
    })
    .await;
    fire(client, fired, "zoom-in").await;
    let zoomed_in = percent(&zoom_label(client).await);
    assert!(
        zoomed_in > 100.0,
        "View › Zoom In left the zoom at {zoomed_in} %"
    );
    fire(client, fired, "zoom-out").await;
    fire(client, fired, "zoom-out").await;
    let zoomed_out = percent(&zoom_label(client).await);
    assert!(
        zoomed_out < 100.0,
        "View › Zoom Out left the zoom at {zoomed_out} %"
    );
    fire(client, fired, "zoom-in").await;
    fire(client, fired, "zoom-in").await;
    fire(client, fired, "zoom-in").await;
    let before_fit = percent(&zoom_label(client).await);
    fire(client, fired, "fit").await;
    let fitted = percent(&zoom_label(client).await);
    assert!(
        fitted < before_fit,
        "View › Zoom to Fit did not fit the blueprint: {before_fit} % → {fitted} %"
    );

    let handoffs = "return document.querySelector('[data-testid=\"toggle-handoffs\"]').getAttribute('aria-pressed');";
    let shown = js(client, handoffs).await;
    fire(client, fired, "handoffs").await;
    let flipped = json!(if shown == json!("true") {
        "false"
    } else {
        "true"
    });
    wait_js(client, "View › Hand-offs to flip them", handoffs, flipped).await;
    fire(client, fired, "handoffs").await;
    wait_js(
        client,
        "View › Hand-offs to flip them back",
        handoffs,
        shown,
    )
    .await;

    let presenting = "return document.querySelector('.app.presenting') !== null;";
    fire(client, fired, "present").await;
    wait_js(client, "View › Present to present", presenting, json!(true)).await;
    settle(client).await;
    screenshot::save_and_check(client, "menus-present").await;
    fire(client, fired, "present").await;
    wait_js(
        client,
        "View › Present again to end the presentation",
        presenting,
        json!(false),
    )
    .await;
}

/// Whether the dock's panel `name` is open and in front.
fn in_front(name: &str) -> String {
    format!(
        "const p = document.getElementById('dock-panel-{name}'); return p !== null && !p.hidden;"
    )
}

async fn panel_items(client: &Client, fired: &mut BTreeSet<String>) {
    for (id, panel) in [
        ("panel-comments", "comments"),
        ("panel-checks", "checks"),
        ("panel-history", "history"),
    ] {
        fire(client, fired, id).await;
        wait_js(
            client,
            &format!("{id} to open it"),
            &in_front(panel),
            json!(true),
        )
        .await;
        settle(client).await;
        screenshot::save_and_check(client, &format!("menus-{panel}")).await;
        fire(client, fired, id).await;
        wait_js(
            client,
            &format!("{id} to close it"),
            &in_front(panel),
            json!(false),
        )
        .await;
    }
    let details = "return document.querySelector('[data-testid=\"toggle-details\"]').getAttribute('aria-pressed');";
    let was = js(client, details).await;
    fire(client, fired, "panel-details").await;
    let now = json!(if was == json!("true") {
        "false"
    } else {
        "true"
    });
    wait_js(client, "View › Details to toggle the details", details, now).await;
    fire(client, fired, "panel-details").await;
    wait_js(client, "View › Details to toggle them back", details, was).await;

    // Without a comparison, Changes opens History, where a comparison starts.
    fire(client, fired, "panel-changes").await;
    wait_js(
        client,
        "View › Changes to open History",
        &in_front("history"),
        json!(true),
    )
    .await;
    fire(client, fired, "panel-history").await;

    // Without an impact asked, Impact goes to the Entities view, where one is asked.
    fire(client, fired, "panel-impact").await;
    let entities = "return document.querySelector('[data-testid=\"view-entities\"]').getAttribute('aria-pressed');";
    wait_js(
        client,
        "View › Impact to open Entities",
        entities,
        json!("true"),
    )
    .await;
    click(client, Locator::Css("[data-testid='view-blueprint']")).await;
    wait_for_focus_on_canvas(client).await;
}

/// The journey's cards: the blueprint's table lists every one (the drawing leaves out those off screen).
const CARDS: &str =
    "return document.querySelectorAll('[data-testid=\"blueprint-grid\"] li[data-card]').length;";
const SELECTED: &str = "return document.querySelectorAll('g.selection rect.outline').length;";

async fn count(client: &Client, script: &str) -> u64 {
    js(client, script).await.as_u64().unwrap_or_default()
}

/// Selects the first card of the blueprint with the keyboard: Select All then one arrow, as a person
/// would, leaves one card selected.
async fn select_one_card(client: &Client) {
    let first = js(
        client,
        "const r = document.querySelector('svg[role=\"figure\"] g[data-id] > rect:first-child').getBoundingClientRect();
         return [r.left + r.width / 2, r.top + r.height / 2];",
    )
    .await;
    let at = (first[0].as_f64().unwrap(), first[1].as_f64().unwrap());
    support::input::click_at(client, at, &[]).await;
    wait_until(client, "one card selected", || async {
        (count(client, SELECTED).await == 1).then_some(())
    })
    .await;
}

/// Whether menu item `id` can be chosen, as the menu bar shows it.
async fn enabled(client: &Client, id: &str) -> Option<bool> {
    client
        .execute(
            "return window.__TAURI_INTERNALS__.invoke('menu_item_enabled', { id: arguments[0] });",
            vec![json!(id)],
        )
        .await
        .ok()?
        .as_bool()
}

/// Waits until each of `items` is greyed out (false) or can be chosen (true).
async fn wait_enabled(client: &Client, what: &str, items: &[(&str, bool)]) {
    wait_until(client, what, || async {
        for (id, want) in items {
            if enabled(client, id).await? != *want {
                return None;
            }
        }
        Some(())
    })
    .await;
}

/// With nothing done and nothing selected, Undo, Redo and the card items are greyed out and Paste is
/// not; selecting a card brings the card items back.
async fn greyed_items(client: &Client) {
    let card_items = ["cut", "copy", "duplicate", "delete"];
    let mut want: Vec<(&str, bool)> = vec![("undo", false), ("redo", false), ("paste", true)];
    want.extend(card_items.iter().map(|id| (*id, false)));
    wait_enabled(client, "Undo, Redo and the card items greyed out", &want).await;
    select_one_card(client).await;
    let selected: Vec<(&str, bool)> = card_items.iter().map(|id| (*id, true)).collect();
    wait_enabled(
        client,
        "the card items offered for the selected card",
        &selected,
    )
    .await;
    press_chord(client, &[], '\u{e00c}').await;
    wait_enabled(client, "the card items greyed out again", &[("cut", false)]).await;
}

async fn wait_cards(client: &Client, what: &str, want: u64) {
    wait_until(client, what, || async {
        (count(client, CARDS).await == want).then_some(())
    })
    .await;
}

async fn edit_items(client: &Client, fired: &mut BTreeSet<String>) {
    let cards = count(client, CARDS).await;
    assert!(cards > 3, "the sample journey has cards: {cards}");

    fire(client, fired, "select-all").await;
    wait_until(client, "Edit › Select All to select every card", || async {
        (count(client, SELECTED).await == cards).then_some(())
    })
    .await;

    select_one_card(client).await;
    fire(client, fired, "duplicate").await;
    wait_cards(client, "Edit › Duplicate to add a card", cards + 1).await;
    wait_enabled(client, "Undo offered after an edit", &[("undo", true)]).await;
    fire(client, fired, "undo").await;
    wait_cards(client, "Edit › Undo to take the copy away", cards).await;
    wait_enabled(client, "Redo offered after an undo", &[("redo", true)]).await;
    fire(client, fired, "redo").await;
    wait_cards(client, "Edit › Redo to bring it back", cards + 1).await;
    fire(client, fired, "undo").await;
    wait_cards(client, "Edit › Undo again", cards).await;

    select_one_card(client).await;
    fire(client, fired, "delete").await;
    wait_cards(client, "Edit › Delete to delete the card", cards - 1).await;
    fire(client, fired, "undo").await;
    wait_cards(client, "the deletion undone", cards).await;

    select_one_card(client).await;
    fire(client, fired, "copy").await;
    fire(client, fired, "paste").await;
    wait_cards(client, "Edit › Copy then Paste to add a card", cards + 1).await;
    fire(client, fired, "undo").await;
    wait_cards(client, "the paste undone", cards).await;

    select_one_card(client).await;
    fire(client, fired, "cut").await;
    wait_cards(client, "Edit › Cut to take the card away", cards - 1).await;
    fire(client, fired, "undo").await;
    wait_cards(client, "the cut undone", cards).await;

    fire(client, fired, "find").await;
    wait_js(
        client,
        "Edit › Find… to open the find field with the keyboard in it",
        "return document.activeElement?.dataset?.testid ?? '';",
        json!("find-field"),
    )
    .await;
    press_chord(client, &[], '\u{e00c}').await;
    wait_for_focus_on_canvas(client).await;
}

async fn modal_title(client: &Client) -> String {
    js(
        client,
        "const d = document.querySelector('[role=\"dialog\"][aria-modal=\"true\"]');
         return d ? d.getAttribute('aria-label') ?? document.getElementById(d.getAttribute('aria-labelledby'))?.textContent ?? '' : '';",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .trim()
    .to_owned()
}

async fn help_items(client: &Client, fired: &mut BTreeSet<String>) {
    fire(client, fired, "shortcuts").await;
    wait_until(
        client,
        "Help › Keyboard Shortcuts to open the sheet",
        || async { (modal_title(client).await == "Keyboard shortcuts").then_some(()) },
    )
    .await;
    press(client, '\u{e00c}').await;

    fire(client, fired, "about").await;
    let version = support::ui::wait_for_text(client, "[data-testid='about-version']", |t| {
        t.contains(env!("CARGO_PKG_VERSION"))
    })
    .await;
    assert_eq!(
        version.trim(),
        format!("Version {}", env!("CARGO_PKG_VERSION"))
    );
    let licences = js(
        client,
        "return document.querySelector('[data-testid=\"about-licences\"]').textContent;",
    )
    .await;
    assert!(
        licences
            .as_str()
            .is_some_and(|l| l.contains("Noto Sans") && l.contains("SIL Open Font License")),
        "About lacks the font's licence: {licences}"
    );
    settle(client).await;
    screenshot::save_and_check(client, "menus-about").await;
    press(client, '\u{e00c}').await;
    wait_until(client, "About to close", || async {
        modal_title(client).await.is_empty().then_some(())
    })
    .await;
}

/// Puts the caret of the focused field at `at`.
async fn caret_at(client: &Client, at: u32) {
    client
        .execute(
            "document.activeElement.setSelectionRange(arguments[0], arguments[0]);",
            vec![json!(at)],
        )
        .await
        .expect("place the caret");
}

/// The Edit items still edit text where the focus is in a field. On GTK a real Ctrl+Z, Ctrl+A,
/// Ctrl+C, Ctrl+V or Delete reaches the menu's accelerator first, which fires the item; WebDriver's
/// key events reach the page without passing the accelerators (the page sees them as trusted key
/// presses and no item fires), so the test fires the items themselves, with the focus in the field.
async fn text_keys_still_edit_text(client: &Client) {
    let mut fired = BTreeSet::new();
    let fired = &mut fired;
    wait_for_focus_on_canvas(client).await;
    let cards = count(client, CARDS).await;
    // Undo in the card's text field undoes the typing, not an edit of the blueprint.
    select_one_card(client).await;
    press(client, '\u{e007}').await;
    let field = wait_find(client, Locator::Css("textarea.card-editor")).await;
    let before = field
        .prop("value")
        .await
        .expect("the card's text")
        .unwrap_or_default();
    caret_at(
        client,
        u32::try_from(before.encode_utf16().count()).unwrap(),
    )
    .await;
    type_text(client, " zzz").await;
    wait_until(client, "the typing in the card's field", || async {
        let v = field.prop("value").await.ok()??;
        v.ends_with(" zzz").then_some(())
    })
    .await;
    fire(client, fired, "undo").await;
    wait_until(
        client,
        "Edit › Undo to undo the typing in the field",
        || async {
            let v = field.prop("value").await.ok()??;
            (!v.contains("zzz")).then_some(())
        },
    )
    .await;
    assert_eq!(
        count(client, CARDS).await,
        cards,
        "Undo in the field undid an edit of the blueprint"
    );
    let undone = field
        .prop("value")
        .await
        .expect("the card's text")
        .unwrap_or_default();
    assert_eq!(undone, before, "Undo left the field changed");
    press(client, '\u{e00c}').await;
    wait_for_focus_on_canvas(client).await;

    // Select All, Copy, Paste, Delete and Undo in the find field.
    press_chord(client, &[Key::Control], 'f').await;
    let find = wait_find(client, Locator::Css("[data-testid='find-field']")).await;
    type_text(client, "abcd").await;
    fire(client, fired, "select-all").await;
    fire(client, fired, "copy").await;
    caret_at(client, 4).await;
    fire(client, fired, "paste").await;
    wait_until(
        client,
        "Select All, Copy, then Paste at the end to double the text",
        || async {
            let v = find.prop("value").await.ok()??;
            (v == "abcdabcd").then_some(())
        },
    )
    .await;
    caret_at(client, 0).await;
    fire(client, fired, "delete").await;
    wait_until(
        client,
        "Delete to delete the character after the caret",
        || async {
            let v = find.prop("value").await.ok()??;
            (v == "bcdabcd").then_some(())
        },
    )
    .await;
    fire(client, fired, "undo").await;
    wait_until(
        client,
        "Undo in the find field to undo the deletion",
        || async {
            let v = find.prop("value").await.ok()??;
            (v == "abcdabcd").then_some(())
        },
    )
    .await;
    assert_eq!(
        count(client, CARDS).await,
        cards,
        "Undo in the find field undid a blueprint edit"
    );
    settle(client).await;
    screenshot::save_and_check(client, "menus-find-field").await;
    press(client, '\u{e00c}').await;
}
