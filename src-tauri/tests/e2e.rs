//! End to end: the real app in a real window, driven through WebKitWebDriver. It creates and seeds the
//! default workspace on first launch, draws the sample blueprints, switches journeys, and refuses a
//! file that is not a workspace without touching it. Screenshots land in `target/e2e/`.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use std::fs;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use support::app::{App, Dirs};
use support::page::{self, Text};
use support::{screenshot, x11};

/// The first sample journey, which the app opens first.
const CLAIM: &str = "Home insurance claim";

/// Stages of the claim journey, from `assets/sample/workspace.json`.
const CLAIM_STAGES: &[&str] = &[
    "Discover damage",
    "Report claim",
    "Assessment",
    "Decision",
    "Repair",
    "Settlement & follow-up",
];

/// Cards of the claim journey, across lanes and stages.
const CLAIM_CARDS: &[&str] = &[
    "Finds leak and turns off water at stopcock",
    "Calls insurer's claims line",
    "Claims system creates claim and reference",
    "Adjuster writes damage report and estimate",
    "Payment gateway sends faster payment",
];

/// The second sample journey.
const BROADBAND: &str = "Broadband installation";

/// Stages of the broadband journey.
const BROADBAND_STAGES: &[&str] = &[
    "Order",
    "Pre-install checks",
    "Installation day",
    "Go live",
    "First bill",
];

/// Cards of the broadband journey.
const BROADBAND_CARDS: &[&str] = &[
    "Orders business fibre for new unit",
    "Engineer installs line and router",
    "Calls support when desk phones fail",
    "Billing prorates first month from go-live",
];

/// Lane names and a separator label from the standard blueprint template.
const TEMPLATE_LABELS: &[&str] = &[
    "Customer actions",
    "Backstage actions",
    "LINE OF VISIBILITY",
];

#[test]
fn first_launch_seeds_the_default_workspace_and_draws_both_sample_journeys() {
    support::scenario(first_launch());
}

/// Opens the seeded default workspace, checks both sample journeys and screenshots them.
async fn first_launch() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let app = App::launch(&[], &dirs).await;
    let client = &app.client;

    let claim = page::wait_for(client, "the claim blueprint", |text| {
        text.svg_texts > 0 && text.svg_missing(CLAIM_STAGES).is_empty()
    })
    .await;
    let workspace = dirs.data.join("throughline").join("default.throughline");
    assert!(
        workspace.is_file(),
        "first launch did not create {}",
        workspace.display()
    );
    assert_shows(&claim, &[CLAIM_CARDS, TEMPLATE_LABELS].concat());
    screenshot::save_and_check(client, "home-insurance-claim").await;
    assert_window_title_names(CLAIM).await;

    client
        .find(Locator::XPath(&format!(
            "//nav[@aria-label='Journeys']//button[contains(normalize-space(.), '{BROADBAND}')]"
        )))
        .await
        .expect("the sidebar lists the broadband journey")
        .click()
        .await
        .expect("click the broadband journey");
    let broadband = page::wait_for(
        client,
        "the broadband blueprint to replace the claim",
        |text| {
            text.svg_missing(BROADBAND_STAGES).is_empty()
                && !CLAIM_CARDS.iter().any(|card| text.svg_has(card))
        },
    )
    .await;
    assert_shows(&broadband, &[BROADBAND_CARDS, TEMPLATE_LABELS].concat());
    screenshot::save_and_check(client, "broadband-installation").await;
    assert_window_title_names(BROADBAND).await;

    app.close().await;
}

#[test]
fn a_file_that_is_not_a_workspace_is_refused_and_left_untouched() {
    support::scenario(garbage_file());
}

/// Opens a file of random bytes and checks the error screen and the file.
async fn garbage_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let garbage = tmp.path().join("garbage.throughline");
    let bytes = noise(64 * 1024);
    fs::write(&garbage, &bytes).expect("write the garbage file");
    let path = garbage.to_str().expect("temp paths are UTF-8");

    let app = App::launch(&["--workspace", path], &dirs).await;
    let shown = page::wait_for(&app.client, "the error screen", |text| {
        text.page_has("not a Throughline workspace")
    })
    .await;
    assert!(
        shown.page_has("garbage.throughline"),
        "the error screen does not name the file:\n{}",
        shown.page
    );
    app.close().await;

    assert!(
        fs::read(&garbage).expect("the file is still there") == bytes,
        "the app changed the file"
    );
    let mut left: Vec<String> = fs::read_dir(tmp.path())
        .expect("list the temp dir")
        .map(|entry| {
            entry
                .expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.starts_with("garbage"))
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["garbage.throughline"],
        "the app left files next to the refused one"
    );
}

/// Asserts the blueprint drawing shows every one of `labels`.
fn assert_shows(text: &Text, labels: &[&str]) {
    let missing = text.svg_missing(labels);
    assert!(
        missing.is_empty(),
        "the blueprint does not show {missing:?}; it shows:\n{}",
        text.svg
    );
}

/// Asserts the native window's title names `journey` (the app sets it when it draws a journey).
async fn assert_window_title_names(journey: &str) {
    let deadline = Instant::now() + page::PATIENCE;
    loop {
        let titles = x11::window_titles().expect("read the X11 window titles");
        if titles.iter().any(|title| title.contains(journey)) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "no window title names {journey:?}; the titles are {titles:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// `len` deterministic pseudo-random bytes (xorshift), so a failure can be reproduced.
fn noise(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect()
}
