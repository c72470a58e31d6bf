//! The blueprint as a person finds things on it: opening a journey from the sidebar, finding a card
//! by its text, clicking it, and waiting for a new card's field.

use std::time::Duration;

use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use super::input::click_at;
use super::page;
use super::ui::{click, wait_until};

/// Opens `journey` by clicking it in the sidebar.
pub async fn open_journey(client: &Client, journey: &str) {
    click(
        client,
        Locator::XPath(&format!(
            "//nav[@aria-label='Journeys']//button[contains(normalize-space(.), '{journey}')]"
        )),
    )
    .await;
    page::wait_for(client, &format!("the blueprint of {journey}"), |text| {
        text.svg_has(journey)
    })
    .await;
}

/// The screen box of the card whose text begins with `name` (ignoring how it wrapped; its channel and
/// chips follow) and whether it has the star.
pub async fn card_box(client: &Client, name: &str) -> Option<((f64, f64, f64, f64), bool)> {
    let value: Value = client
        .execute(
            "const want = arguments[0].replace(/\\s+/g, '');
             const g = [...document.querySelectorAll('svg[role=\"figure\"] g[data-id]')].find((g) =>
               [...g.querySelectorAll('text')].map((t) => t.textContent).join('').replace(/\\s+/g, '').startsWith(want));
             if (!g) return null;
             const c = g.querySelector('rect').getBoundingClientRect();
             return [c.left, c.top, c.width, c.height, g.querySelector('polygon') !== null];",
            vec![json!(name)],
        )
        .await
        .expect("look for a card");
    let f = |i: usize| value.get(i).and_then(Value::as_f64);
    Some(((f(0)?, f(1)?, f(2)?, f(3)?), value[4].as_bool()?))
}

/// Whether card `name` carries the moment-of-truth star, if it is drawn.
pub async fn card_star(client: &Client, name: &str) -> Option<bool> {
    card_box(client, name).await.map(|(_, star)| star)
}

/// Clicks the middle of card `name`, waiting for it to be drawn.
pub async fn click_card(client: &Client, name: &str) {
    let (r, _) = wait_until(client, &format!("the card {name:?}"), || async {
        card_box(client, name).await
    })
    .await;
    click_at(client, (r.0 + r.2 / 2.0, r.1 + r.3 / 2.0), &[]).await;
    // Give the selection a moment to be taken.
    tokio::time::sleep(Duration::from_millis(300)).await;
}

/// Clears the selection as a person would: a click on the empty canvas above the blueprint, then
/// Escape.
pub async fn clear_selection(client: &Client) {
    click_at(client, (700.0, 150.0), &[]).await;
    super::input::press(client, fantoccini::key::Key::Escape.into()).await;
}

/// Waits until an empty field for a new card has the focus.
pub async fn wait_for_draft(client: &Client) {
    wait_until(
        client,
        "an empty new card's field to have the focus",
        || async {
            let value = client
                .execute(
                    "const a = document.activeElement;
                 return !!a && a.tagName === 'TEXTAREA' && a.value === ''
                   && (a.getAttribute('aria-label') || '').startsWith('New card in');",
                    vec![],
                )
                .await
                .ok()?;
            value.as_bool()?.then_some(())
        },
    )
    .await;
}
