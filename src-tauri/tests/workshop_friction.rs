//! The facilitator's and the presenter's friction list in the real window, driven through
//! WebKitWebDriver: the keyboard comes back to the blueprint after a click on a tab or a journey
//! (Enter then types a card), M / 5 / P set a card's markers, Ctrl+Z with a new card's field open
//! drops it and undoes the card before, saying "Undid: …", and the export dialog keeps its Export
//! button in place after 2× is chosen and ignores a press beside it once choices are made; after a
//! restart the journey used last opens.
//! Screenshots land in `target/e2e/`.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::json;
use support::app::{App, Dirs};
use support::blueprint::{card_star, click_card, open_journey, wait_for_draft};
use support::input::{click_at, press, press_chord, type_text, wait_for_focus_on_canvas};
use support::page;
use support::screenshot;
use support::ui::{click, settle, wait_find, wait_until};

/// A customer card of the sample claim journey with no moment of truth, emotion −1 and no pain point.
const CARD: &str = "Calls insurer's claims line";

/// The card typed, then undone with Ctrl+Z from the next card's empty field.
const TYPED: &str = "Hangs up after forty minutes";

#[test]
fn the_workshop_friction_list_is_gone() {
    support::scenario(friction());
}

async fn friction() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let app = App::launch_on_sample(&dirs).await;
    let client = &app.client;

    enter_types_after_clicks(client).await;
    marker_keys(client).await;
    undo_from_an_open_draft(client).await;
    export_dialog_holds_still(client).await;

    // The journey used last is the one a restart opens.
    open_journey(client, "Broadband installation").await;
    app.close().await;
    let app = App::launch(&[], &dirs).await;
    let client = &app.client;
    wait_until(client, "the last journey used to open after the restart", || async {
        let label = client
            .execute(
                "const s = document.querySelector('svg[role=\"figure\"]'); return s ? s.getAttribute('aria-label') : '';",
                vec![],
            )
            .await
            .ok()?;
        (label.as_str()? == "Blueprint: Broadband installation").then_some(())
    })
    .await;
    settle(client).await;
    screenshot::save_and_check(client, "friction-reopened-last-journey").await;
    app.close().await;
}

/// A click on a view tab, then on a journey, leaves the keyboard with the blueprint: Enter opens a
/// new card's field each time.
async fn enter_types_after_clicks(client: &Client) {
    click(client, Locator::Css("[data-testid='view-ownership']")).await;
    click(client, Locator::Css("[data-testid='view-blueprint']")).await;
    wait_for_focus_on_canvas(client).await;
    press(client, Key::Enter.into()).await;
    wait_for_draft(client).await;
    settle(client).await;
    screenshot::save_and_check(client, "friction-enter-after-tab").await;
    press(client, Key::Escape.into()).await;

    open_journey(client, "Broadband installation").await;
    wait_for_focus_on_canvas(client).await;
    press(client, Key::Enter.into()).await;
    wait_for_draft(client).await;
    press(client, Key::Escape.into()).await;

    open_journey(client, "Home insurance claim").await;
    wait_for_focus_on_canvas(client).await;
}

/// M marks the selected card a moment of truth (its star is drawn), 5 scores it +2 and P notes a
/// pain point, each shown in the details panel.
async fn marker_keys(client: &Client) {
    click_card(client, CARD).await;
    wait_for_focus_on_canvas(client).await;

    press(client, 'm').await;
    wait_until(client, "the moment-of-truth star on the card", || async {
        card_star(client, CARD).await.filter(|star| *star)
    })
    .await;

    press(client, '5').await;
    wait_until(client, "the details panel to show the emotion +2", || async {
        let pressed = client
            .execute(
                "const b = document.querySelector('[aria-labelledby=\"emotion-label\"] button[aria-pressed=\"true\"]');
                 return b ? b.textContent.trim() : null;",
                vec![],
            )
            .await
            .ok()?;
        (pressed.as_str()? == "+2").then_some(())
    })
    .await;

    press(client, 'p').await;
    wait_until(client, "the details panel to show a pain point", || async {
        let value = client
            .execute(
                "const t = [...document.querySelectorAll('label.field')]
                   .find((l) => l.textContent.includes('Pain point'));
                 const area = t ? t.querySelector('textarea') : null;
                 return area ? area.value : null;",
                vec![],
            )
            .await
            .ok()?;
        (!value.as_str()?.is_empty()).then_some(())
    })
    .await;
    settle(client).await;
    screenshot::save_and_check(client, "friction-markers").await;
}

/// Shift+Enter types a card under the selected one, Enter stores it and opens the next field; Ctrl+Z
/// there drops the empty field, undoes the stored card and says so.
async fn undo_from_an_open_draft(client: &Client) {
    click_card(client, CARD).await;
    wait_for_focus_on_canvas(client).await;
    press_chord(client, &[Key::Shift], Key::Enter.into()).await;
    wait_for_draft(client).await;
    type_text(client, TYPED).await;
    press(client, Key::Enter.into()).await;
    page::wait_for(client, "the typed card", |text| text.svg_has(TYPED)).await;
    wait_for_draft(client).await;

    press_chord(client, &[Key::Control], 'z').await;
    page::wait_for(client, "the typed card to be undone", |text| {
        !text.svg_has(TYPED)
    })
    .await;
    let said = wait_until(client, "the undo notice", || async {
        let text = client
            .execute(
                "const n = document.querySelector('[data-testid=\"undo-notice\"]');
                 return n ? n.textContent.trim() : '';",
                vec![],
            )
            .await
            .ok()?;
        let text = text.as_str()?.to_owned();
        (!text.is_empty()).then_some(text)
    })
    .await;
    assert_eq!(said, format!("Undid: added '{TYPED}'"));
    let draft_open = client
        .execute(
            "return document.activeElement && document.activeElement.tagName === 'TEXTAREA';",
            vec![],
        )
        .await
        .expect("read the focus");
    assert_eq!(
        draft_open,
        json!(false),
        "the new card's field is still open"
    );
    settle(client).await;
    screenshot::save_and_check(client, "friction-undid").await;
}

/// The Export button stays where it was after 2× and after PDF are chosen, the width follows the
/// scale, and a press on the backdrop with changed choices keeps the dialog open and says how to
/// close it.
async fn export_dialog_holds_still(client: &Client) {
    click(client, Locator::Css("[data-testid='export-button']")).await;
    wait_find(client, Locator::Css("[data-testid='export-dialog']")).await;
    settle(client).await;
    let before = rect_of(client, "[data-testid='export-save']").await;
    let width_1x = width_field(client).await;

    click(client, Locator::Css("[data-testid='export-scale-2']")).await;
    settle(client).await;
    assert_same_rect(
        rect_of(client, "[data-testid='export-save']").await,
        before,
        "after choosing 2×",
    );
    let width_2x = width_field(client).await;
    assert!(
        (width_2x - 2.0 * width_1x).abs() <= 1.0,
        "the width field shows {width_2x} px at 2×, {width_1x} px at 1×"
    );

    click(client, Locator::Css("[data-testid='export-format-pdf']")).await;
    settle(client).await;
    assert_same_rect(
        rect_of(client, "[data-testid='export-save']").await,
        before,
        "after choosing PDF",
    );

    let dialog = rect_of(client, "[role='dialog']").await;
    click_at(
        client,
        ((dialog.0 / 2.0).max(4.0), (dialog.1 / 2.0).max(4.0)),
        &[],
    )
    .await;
    wait_find(client, Locator::Css("[data-testid='export-kept-open']")).await;
    assert!(
        client
            .find(Locator::Css("[data-testid='export-dialog']"))
            .await
            .is_ok(),
        "a press beside the dialog closed it with its choices made"
    );
    settle(client).await;
    screenshot::save_and_check(client, "friction-export-kept-open").await;
    press(client, Key::Escape.into()).await;
    wait_until(client, "the export dialog to close on Escape", || async {
        client
            .find(Locator::Css("[data-testid='export-dialog']"))
            .await
            .is_err()
            .then_some(())
    })
    .await;
}

/// The box (left, top, width, height in CSS pixels) of the element `css` finds.
async fn rect_of(client: &Client, css: &str) -> (f64, f64, f64, f64) {
    let value = client
        .execute(
            "const e = document.querySelector(arguments[0]);
             if (!e) return null;
             const r = e.getBoundingClientRect();
             return [r.left, r.top, r.width, r.height];",
            vec![json!(css)],
        )
        .await
        .expect("read an element's box");
    let f = |i: usize| value[i].as_f64().unwrap_or(f64::NAN);
    assert!(!value.is_null(), "{css} is not on the page");
    (f(0), f(1), f(2), f(3))
}

/// Asserts two boxes are the same within half a pixel.
fn assert_same_rect(got: (f64, f64, f64, f64), want: (f64, f64, f64, f64), when: &str) {
    let close = |a: f64, b: f64| (a - b).abs() <= 0.5;
    assert!(
        close(got.0, want.0)
            && close(got.1, want.1)
            && close(got.2, want.2)
            && close(got.3, want.3),
        "the Export button moved {when}: {want:?} became {got:?}"
    );
}

/// The number in the export dialog's Width field.
async fn width_field(client: &Client) -> f64 {
    let value = client
        .execute(
            "const w = document.querySelector('[data-testid=\"export-width\"]'); return w ? +w.value : null;",
            vec![],
        )
        .await
        .expect("read the width field");
    value.as_f64().expect("the width field is shown for a PNG")
}
