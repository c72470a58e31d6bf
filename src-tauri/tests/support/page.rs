//! Reading what the WebView shows: the text the blueprint SVG draws and the text of the whole page,
//! polled until a condition holds, since the UI draws asynchronously after each IPC round trip.

use std::time::{Duration, Instant};

use fantoccini::Client;

/// How long the UI may take to show what a test waits for.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// Text gathered from the page. Wrapped card text is split over several SVG `text`/`tspan`
/// elements, so comparisons ignore whitespace: "Finds leak and turns off water" matches however the
/// renderer broke its lines.
#[derive(Debug, Default)]
pub struct Text {
    /// The text of every SVG `text` element in document order, joined by spaces.
    pub svg: String,
    /// The text of the whole document.
    pub page: String,
    /// How many SVG `text` elements there are.
    pub svg_texts: usize,
}

impl Text {
    /// Reads the current text of the page.
    pub async fn read(client: &Client) -> Text {
        let value = client
            .execute(
                "const texts = [...document.querySelectorAll('svg text')];
                 return [texts.map(t => t.textContent).join(' '), document.body ? document.body.textContent : '', texts.length];",
                vec![],
            )
            .await
            .expect("read the page's text");
        Text {
            svg: value[0].as_str().unwrap_or_default().to_owned(),
            page: value[1].as_str().unwrap_or_default().to_owned(),
            svg_texts: usize::try_from(value[2].as_u64().unwrap_or_default()).unwrap_or_default(),
        }
    }

    /// Whether the blueprint drawing shows `needle`.
    pub fn svg_has(&self, needle: &str) -> bool {
        squeeze(&self.svg).contains(&squeeze(needle))
    }

    /// Whether anything on the page shows `needle`.
    pub fn page_has(&self, needle: &str) -> bool {
        squeeze(&self.page).contains(&squeeze(needle))
    }

    /// Which of `needles` the drawing does not show.
    pub fn svg_missing<'a>(&self, needles: &[&'a str]) -> Vec<&'a str> {
        needles
            .iter()
            .copied()
            .filter(|n| !self.svg_has(n))
            .collect()
    }
}

/// Polls the page until `ready` holds for its text, and returns that text; panics after
/// [`PATIENCE`] with `what` and the last text seen.
pub async fn wait_for(client: &Client, what: &str, ready: impl Fn(&Text) -> bool) -> Text {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let text = Text::read(client).await;
        if ready(&text) {
            return text;
        }
        if Instant::now() > deadline {
            panic!(
                "timed out after {} s waiting for {what}; the page showed:\n{}",
                PATIENCE.as_secs(),
                clip(&text.page)
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// `text` without any whitespace.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The first 2,000 characters of `text`, for a failure message.
fn clip(text: &str) -> String {
    text.chars().take(2000).collect()
}
