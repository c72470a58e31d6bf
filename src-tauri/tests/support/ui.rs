//! Driving the page: clicking what appears, waiting for a condition, and waiting for the WebView to
//! paint what the DOM already shows, shared by the end-to-end scenarios.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};

use super::page::{self, Text};

/// Waits until the WebView has painted what the DOM shows: a few animation frames in a row that
/// each come quickly, then a moment more. Shortly after a launch, WebKit's screenshots can show a
/// frame seconds older than the DOM (the sample journey without its text, say), which the blank
/// check of [`screenshot::save_and_check`] cannot tell from the real thing.
pub async fn settle(client: &Client) {
    wait_until(client, "the WebView to paint steadily", || async {
        let value = client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 let last = performance.now(), worst = 0, n = 0;
                 const tick = () => {
                   const now = performance.now(); worst = Math.max(worst, now - last); last = now;
                   if (++n < 6) requestAnimationFrame(tick); else done(worst);
                 };
                 requestAnimationFrame(tick);",
                vec![],
            )
            .await
            .ok()?;
        (value.as_f64()? < 100.0).then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
}

/// Clicks the element `locator` finds, waiting for it to appear.
pub async fn click(client: &Client, locator: Locator<'_>) {
    wait_find(client, locator)
        .await
        .click()
        .await
        .expect("click an element");
}

/// Brings dock panel `panel` (details, comments, checks…) to the front when the dock shows more than
/// one, as a person clicks its tab.
pub async fn to_front(client: &Client, panel: &str) {
    let tab = format!("[data-testid='dock-tab-{panel}']");
    if let Ok(tab) = client.find(Locator::Css(&tab)).await {
        tab.click().await.expect("bring a dock panel to the front");
    }
}

/// Finds `locator`, polling until it appears.
pub async fn wait_find(client: &Client, locator: Locator<'_>) -> fantoccini::elements::Element {
    wait_until(client, &format!("{locator:?}"), || async {
        client.find(locator).await.ok()
    })
    .await
}

/// Polls `probe` until it gives a value; panics after [`page::PATIENCE`] with `what`, the focused
/// element and the page's text.
pub async fn wait_until<T, F, Fut>(client: &Client, what: &str, probe: F) -> T
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + page::PATIENCE;
    loop {
        if let Some(value) = probe().await {
            return value;
        }
        if Instant::now() > deadline {
            let focus = client
                .execute(
                    "const a = document.activeElement; return a ? a.outerHTML.slice(0, 300) : null;",
                    vec![],
                )
                .await
                .unwrap_or_default();
            let text = Text::read(client).await;
            panic!(
                "timed out waiting for {what}; the focus is on {focus}; the page shows:\n{}",
                text.page.chars().take(2000).collect::<String>()
            );
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Waits until the trimmed text of the element `css` selects satisfies `ready` (a count, a caption),
/// and returns it.
pub async fn wait_for_text(client: &Client, css: &str, ready: impl Fn(&str) -> bool) -> String {
    wait_until(client, &format!("the text of {css}"), || async {
        let text = client
            .execute(
                "return document.querySelector(arguments[0])?.textContent.trim() ?? '';",
                vec![serde_json::json!(css)],
            )
            .await
            .ok()?;
        let text = text.as_str()?.to_owned();
        ready(&text).then_some(text)
    })
    .await
}
