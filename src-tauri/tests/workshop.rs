//! A scripted workshop in the real window, driven through WebKitWebDriver: a journey made from the
//! blueprint template and named, ten cards typed by keyboard alone across three lanes, a moment of
//! truth and emotion scores set in the details panel, two arrows drawn, a card dragged to another
//! cell, undo and redo, and after a restart everything still there with the undo history intact.
//! Last, the time from a key press to the repainted scene on a generated 1,000-card journey is
//! measured and printed, over 100 presses that type a card's text, mark it, draw an arrow, undo and
//! redo, both to the frame the page renders and to the repaint on the X screen; `cargo xtask bench-ui`
//! measures the same on the sample and on 10,000 cards, on the release build. Screenshots land in
//! `target/e2e/`.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use support::app::{generate, App, Dirs};
use support::blueprint::open_journey;
use support::input::{click_at, drag, press, press_chord, type_text, wait_for_focus_on_canvas};
use support::page::{self, Text};
use support::ui::{click, settle, wait_until};
use support::{damage, screenshot, x11};

/// The name typed for the new journey.
const JOURNEY: &str = "Claims workshop";

/// Cards typed in the customer lane, one per stage from the first.
const CUSTOMER: &[&str] = &[
    "Notices burst pipe",
    "Reports claim online",
    "Uploads damage photos",
    "Books repair slot",
];

/// Cards typed in the frontstage lane, one per stage from the first.
const FRONTSTAGE: &[&str] = &[
    "Agent confirms cover",
    "Assessor visits home",
    "Agent explains offer",
];

/// Cards typed in the backstage lane, one per stage from the first.
const BACKSTAGE: &[&str] = &[
    "Fraud check runs",
    "Estimate is priced",
    "Payment is scheduled",
];

/// The card marked as the moment of truth.
const MOMENT: &str = "Assessor visits home";

/// The card dragged from the third stage (Buy) to the fourth (Use) of its lane.
const DRAGGED: &str = "Agent explains offer";

/// The arrows drawn, from the first card to the second (not each card's next one in its lane).
const ARROWS: [(&str, &str); 2] = [
    ("Notices burst pipe", "Uploads damage photos"),
    ("Reports claim online", "Assessor visits home"),
];

/// Key presses timed on each journey, at least.
const PRESSES: usize = 100;

/// How long before each timed key press the previous key went: half the time between the keys of a
/// typist at 120 words a minute. Pressed back to back, as WebDriver can, a key lands within a few
/// milliseconds of the frame the last one drew, and the window's 60 Hz clock shows no frame sooner
/// than a tick after that one, however fast the edit: the figure would time the clock, not the app.
const TYPIST_GAP: Duration = Duration::from_millis(50);

#[test]
fn a_workshop_typed_by_keyboard_survives_a_restart() {
    support::scenario(workshop());
}

/// Every card typed in the workshop.
fn all_cards() -> Vec<&'static str> {
    [CUSTOMER, FRONTSTAGE, BACKSTAGE].concat()
}

/// Runs the workshop, restarts the app on its workspace and checks what was kept.
async fn workshop() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let app = App::launch_on_sample(&dirs).await;
    let client = &app.client;

    create_journey(client).await;
    type_cards(client).await;
    settle(client).await;
    screenshot::save_and_check(client, "workshop-typed").await;

    set_details(client).await;
    draw_arrows(client).await;
    let (before, after) = drag_card(client).await;

    press_chord(client, &[Key::Control], 'z').await;
    wait_for_card_at(client, DRAGGED, before, "undo to put the dragged card back").await;
    press_chord(client, &[Key::Control, Key::Shift], 'z').await;
    wait_for_card_at(client, DRAGGED, after, "redo to move the card again").await;
    settle(client).await;
    screenshot::save_and_check(client, "workshop-edited").await;
    app.close().await;

    let app = App::launch(&[], &dirs).await;
    let client = &app.client;
    open_journey(client, JOURNEY).await;
    let text = page::wait_for(client, "the workshop's cards after the restart", |text| {
        text.svg_missing(&all_cards()).is_empty()
    })
    .await;
    assert!(
        text.svg_has(JOURNEY),
        "the title is not drawn:\n{}",
        text.svg
    );
    let shape = Shape::read(client).await;
    assert_eq!(
        shape.arrows, 2,
        "the arrows did not survive the restart: {shape:?}"
    );
    assert_eq!(shape.emotion_points, 3, "emotion points lost: {shape:?}");
    assert_arrows(client, &ARROWS).await;
    let moment = card(client, MOMENT)
        .await
        .expect("the moment of truth card");
    assert!(moment.star, "the moment of truth was lost: {moment:?}");
    assert_close(
        card_at(client, DRAGGED).await,
        after,
        "the redone drag after the restart",
    );
    settle(client).await;
    let shot = screenshot::save_and_check(client, "workshop-relaunched").await;
    let title = blueprint_title(client).await;
    assert_eq!(
        title,
        format!("Blueprint: {JOURNEY}"),
        "{} was taken of another journey",
        shot.display()
    );
    wait_until(client, "the window title to name the journey", || async {
        let titles = x11::window_titles().ok()?;
        titles.iter().any(|t| t.contains(JOURNEY)).then_some(())
    })
    .await;

    press_chord(client, &[Key::Control], 'z').await;
    wait_for_card_at(
        client,
        DRAGGED,
        before,
        "Ctrl+Z after the restart to undo the drag",
    )
    .await;
    app.close().await;
}

/// The accessible name of the blueprint drawing, which names the journey shown.
async fn blueprint_title(client: &Client) -> String {
    let value = client
        .execute(
            "const s = document.querySelector('svg[role=\"figure\"]'); return s ? s.getAttribute('aria-label') : '';",
            vec![],
        )
        .await
        .expect("read the blueprint's label");
    value.as_str().unwrap_or_default().to_owned()
}

/// Creates a journey from the blueprint template through the "+" menu and names it by typing.
async fn create_journey(client: &Client) {
    click(client, Locator::Css("button[aria-label='New journey']")).await;
    click(
        client,
        Locator::XPath(
            "//*[@role='menuitem'][contains(normalize-space(.), 'New journey (blueprint template)')]",
        ),
    )
    .await;
    wait_until(client, "the journey name field to have the focus", || async {
        let value = client
            .execute(
                "const a = document.activeElement; return !!a && a.getAttribute('aria-label') === 'Journey name';",
                vec![],
            )
            .await
            .ok()?;
        value.as_bool()?.then_some(())
    })
    .await;
    // The name is selected, so typing replaces it.
    type_text(client, JOURNEY).await;
    press(client, Key::Enter.into()).await;
    page::wait_for(client, "the new journey's blueprint", |text| {
        text.svg_has(JOURNEY) && text.svg_missing(&["Discover", "Get help"]).is_empty()
    })
    .await;
    page::wait_for(client, "the sidebar to list the new journey", |text| {
        text.page_has(JOURNEY)
    })
    .await;
    assert_eq!(
        Shape::read(client).await.cards,
        0,
        "the new journey has cards"
    );
}

/// Types the ten cards with the keyboard only: the Enter chain in each lane, Escape, Tab to the next
/// lane and the left arrow back to the first stage.
async fn type_cards(client: &Client) {
    wait_for_focus_on_canvas(client).await;
    press(client, Key::Enter.into()).await;
    type_lane(client, CUSTOMER).await;
    for lane in [FRONTSTAGE, BACKSTAGE] {
        // The draft left open is in the stage after the last card typed.
        press(client, Key::Escape.into()).await;
        wait_for_focus_on_canvas(client).await;
        press(client, Key::Tab.into()).await;
        for _ in 0..4 {
            press(client, Key::Left.into()).await;
        }
        press(client, Key::Enter.into()).await;
        type_lane(client, lane).await;
    }
    press(client, Key::Escape.into()).await;
    let text = page::wait_for(client, "all ten typed cards", |text| {
        text.svg_missing(&all_cards()).is_empty()
    })
    .await;
    assert_eq!(
        Shape::read(client).await.cards,
        10,
        "ten cards typed, but the blueprint shows:\n{}",
        text.svg
    );
    for (lane, cards) in [CUSTOMER, FRONTSTAGE, BACKSTAGE].iter().enumerate() {
        let mut previous: Option<Placed> = None;
        for name in *cards {
            let placed = card(client, name).await.expect("a typed card");
            if let Some(previous) = previous {
                assert!(
                    placed.x > previous.x && (placed.y - previous.y).abs() < 1.0,
                    "lane {lane}: {name:?} is not right of the card before it: {previous:?} then {placed:?}"
                );
            }
            previous = Some(placed);
        }
    }
}

/// Types `cards` into the open draft, one after another with Enter, waiting for each to be drawn.
async fn type_lane(client: &Client, cards: &[&str]) {
    for name in cards {
        wait_until(client, "a draft card field to have the focus", || async {
            let label = client
                .execute(
                    "const a = document.activeElement;
                     return a && a.tagName === 'TEXTAREA' && a.value === '' ? a.getAttribute('aria-label') : null;",
                    vec![],
                )
                .await
                .ok()?;
            label.as_str().map(str::to_owned)
        })
        .await;
        type_text(client, name).await;
        press(client, Key::Enter.into()).await;
        page::wait_for(client, &format!("the typed card {name:?}"), |text| {
            text.svg_has(name)
        })
        .await;
    }
}

/// Marks a moment of truth and scores three customer cards in the details panel.
async fn set_details(client: &Client) {
    click_card(client, MOMENT, &[]).await;
    click(
        client,
        Locator::XPath("//label[contains(., 'Moment of truth')]//input[@type='checkbox']"),
    )
    .await;
    wait_until(client, "the moment-of-truth star on the card", || async {
        card(client, MOMENT).await.filter(|c| c.star)
    })
    .await;

    let scores = [(CUSTOMER[0], "−2"), (CUSTOMER[1], "0"), (CUSTOMER[2], "+2")];
    for (n, (name, score)) in scores.iter().enumerate() {
        click_card(client, name, &[]).await;
        let button = format!(
            "//div[@aria-labelledby='emotion-label']//button[normalize-space(.)='{score}']"
        );
        wait_until(client, "the emotion buttons of a customer card", || async {
            let b = client.find(Locator::XPath(&button)).await.ok()?;
            b.is_enabled().await.ok()?.then_some(())
        })
        .await;
        click(client, Locator::XPath(&button)).await;
        wait_until(client, "an emotion point for each scored card", || async {
            (Shape::read(client).await.emotion_points == n + 1).then_some(())
        })
        .await;
    }
    let shape = Shape::read(client).await;
    assert!(shape.emotion_curve, "no emotion curve is drawn: {shape:?}");
}

/// Draws two arrows: two cards selected (click, then Shift+click) and `A`, twice.
async fn draw_arrows(client: &Client) {
    for (n, (from, to)) in ARROWS.iter().enumerate() {
        click_card(client, from, &[]).await;
        click_card(client, to, &[Key::Shift]).await;
        wait_until(client, "two selected cards", || async {
            let n = client
                .execute(
                    "return document.querySelectorAll('g.selection rect.outline').length;",
                    vec![],
                )
                .await
                .ok()?;
            (n.as_u64()? == 2).then_some(())
        })
        .await;
        wait_for_focus_on_canvas(client).await;
        press(client, 'a').await;
        wait_until(client, "an arrow per A pressed", || async {
            (Shape::read(client).await.arrows == n + 1).then_some(())
        })
        .await;
    }
    assert_arrows(client, &ARROWS).await;
}

/// Asserts the flow arrows drawn are exactly those between the cards of `pairs` (first to second).
async fn assert_arrows(client: &Client, pairs: &[(&str, &str)]) {
    let mut want = Vec::new();
    for (from, to) in pairs {
        let from = card(client, from).await.expect("an arrow's first card");
        let to = card(client, to).await.expect("an arrow's second card");
        want.push((from.id, to.id));
    }
    want.sort();
    let mut got = arrow_ends(client).await;
    got.sort();
    assert_eq!(
        got, want,
        "the arrows do not join the cards they were drawn between"
    );
}

/// The ids of the cards each flow arrow starts and ends at (the card box nearest each end).
async fn arrow_ends(client: &Client) -> Vec<(String, String)> {
    let value = client
        .execute(
            "const b = document.querySelector('svg[role=\"figure\"] g.blueprint');
             const cards = [...b.querySelectorAll('g[data-id]')].map((g) => {
               const r = g.querySelector('rect');
               return { id: g.getAttribute('data-id'), x: +r.getAttribute('x'), y: +r.getAttribute('y'),
                        w: +r.getAttribute('width'), h: +r.getAttribute('height') };
             });
             const nearest = (p) => {
               const d = (c) => Math.hypot(Math.max(c.x - p.x, 0, p.x - c.x - c.w), Math.max(c.y - p.y, 0, p.y - c.y - c.h));
               return cards.reduce((a, c) => (d(c) < d(a) ? c : a)).id;
             };
             return [...b.children].filter((e) => e.matches('path[marker-end]')).map((p) =>
               [nearest(p.getPointAtLength(0)), nearest(p.getPointAtLength(p.getTotalLength()))]);",
            vec![],
        )
        .await
        .expect("read the arrows");
    value
        .as_array()
        .map(|arrows| {
            arrows
                .iter()
                .map(|a| {
                    (
                        a[0].as_str().unwrap_or_default().to_owned(),
                        a[1].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Drags the frontstage card in Buy to the empty frontstage cell in Use and checks where it landed;
/// returns its position before and after.
async fn drag_card(client: &Client) -> ((f64, f64), (f64, f64)) {
    let dragged = card(client, DRAGGED).await.expect("the card to drag");
    let column = card(client, CUSTOMER[3]).await.expect("a card in Use");
    let lane = card(client, FRONTSTAGE[0])
        .await
        .expect("a frontstage card");
    let from = dragged.centre();
    let to = (
        column.client.0 + column.client.2 / 2.0,
        lane.client.1 + lane.client.3 / 2.0,
    );
    drag(client, from, to).await;
    let before = (dragged.x, dragged.y);
    let after = (column.x, lane.y);
    wait_for_card_at(client, DRAGGED, after, "the dragged card in its new cell").await;
    (before, after)
}

/// Key press to repaint on a generated 1,000-card journey (12 stages), as the test suite runs it.
#[test]
fn key_to_repaint_on_a_thousand_cards() {
    support::scenario(latency(Some((1_000, 12))));
}

/// The same on the sample journey the app opens on. A figure for BENCHMARKS.md, measured on the
/// release build by `cargo xtask bench-ui`.
#[test]
#[ignore = "a figure for BENCHMARKS.md: cargo xtask bench-ui"]
fn key_to_repaint_on_the_sample() {
    support::scenario(latency(None));
}

/// The same on a generated 10,000-card journey (30 stages). A figure for BENCHMARKS.md, measured on
/// the release build by `cargo xtask bench-ui`.
#[test]
#[ignore = "a figure for BENCHMARKS.md: cargo xtask bench-ui"]
fn key_to_repaint_on_ten_thousand_cards() {
    support::scenario(latency(Some((10_000, 30))));
}

/// Frames per second while a generated 10,000-card journey (30 stages) is panned by the wheel and
/// then zoomed by Ctrl+wheel, one wheel event per frame. A figure for BENCHMARKS.md, measured on the
/// release build by `cargo xtask bench-ui`.
#[test]
#[ignore = "a figure for BENCHMARKS.md: cargo xtask bench-ui"]
fn frame_rate_of_pan_and_zoom_on_ten_thousand_cards() {
    support::scenario(frame_rate(10_000, 30));
}

/// How long each of panning and zooming is timed.
const GESTURE_MS: u64 = 3_000;

/// Opens a generated journey and prints the frame rate of panning it, then of zooming it.
async fn frame_rate(cards: usize, stages: usize) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let path = generate_journey(tmp.path(), cards, stages);
    let app = launch_drawn(&["--workspace", &path], &dirs).await;
    let client = &app.client;
    let mut rates = Vec::new();
    for gesture in ["pan", "zoom"] {
        let value = client
            .execute(
                "const [gesture, ms] = arguments;
                 const canvas = document.querySelector('[role=\"application\"]');
                 const box = canvas.getBoundingClientRect();
                 const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
                 return new Promise((resolve) => {
                   let start = null, frames = 0, n = 0;
                   const tick = (t) => {
                     if (start === null) start = t; else frames += 1;
                     if (t - start >= ms) return resolve(frames / ((t - start) / 1000));
                     const back = Math.floor(n / 40) % 2 === 1;
                     const deltaY = gesture === 'zoom' ? (back ? 15 : -15) : (back ? -60 : 60);
                     canvas.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY, ctrlKey: gesture === 'zoom',
                       bubbles: true, cancelable: true }));
                     n += 1;
                     requestAnimationFrame(tick);
                   };
                   requestAnimationFrame(tick);
                 });",
                vec![json!(gesture), json!(GESTURE_MS)],
            )
            .await
            .expect("time the gesture");
        let fps = value.as_f64().expect("a frame rate");
        assert!(fps > 0.0, "no frame was drawn while {gesture}ning");
        rates.push(format!("{gesture} {fps:.0} frames/s"));
    }
    println!("pan and zoom {cards} cards: {}", rates.join(", "));
    app.close().await;
}

/// One timed key press of a round, each an edit of the selected card.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Timed {
    /// Enter after typing into the card's own text field: its text stored.
    StoreText,
    /// M: the moment of truth marked or unmarked.
    Moment,
    /// A: an arrow drawn to the next card in the lane.
    Arrow,
    /// Ctrl+Z.
    Undo,
    /// Ctrl+Shift+Z.
    Redo,
}

/// What a round presses, in order; it ends with the arrow undone, so every round starts alike.
const ROUND: [Timed; 6] = [
    Timed::StoreText,
    Timed::Moment,
    Timed::Arrow,
    Timed::Undo,
    Timed::Redo,
    Timed::Undo,
];

/// Opens the sample (`None`) or a journey generated with the CLI (`Some((cards, stages))`), selects a
/// card on screen and times at least [`PRESSES`] key presses that edit it, [`TYPIST_GAP`] apart,
/// mixing typing its text, marking it, drawing an arrow from it, undo and redo; prints p50, p95 and
/// max, first to the end of the frame the page renders, then to the first repaint over the card on
/// the X screen after that frame began (what a person sees, a frame or more later when WebKit holds
/// the frame back), in all and then by kind of press.
async fn latency(generated: Option<(usize, usize)>) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let (label, args) = match generated {
        Some((cards, stages)) => {
            let path = generate_journey(tmp.path(), cards, stages);
            (
                format!("{cards} cards"),
                vec!["--workspace".to_owned(), path],
            )
        }
        None => ("the sample".to_owned(), Vec::new()),
    };
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let app = launch_drawn(&args, &dirs).await;
    let client = &app.client;
    wait_for_focus_on_canvas(client).await;

    let id = first_visible_card(client).await;
    let target = card_by_id(client, &id).await.expect("a visible card");
    click_at(client, target.centre(), &[]).await;
    client
        .execute(
            "window.__throughlineTimings = []; window.__throughlineFrames = [];",
            vec![],
        )
        .await
        .expect("reset the timings");
    let (card, view) = card_on_page(client, &id).await;
    let screen = damage::Recorder::start();
    let mut timed = 0;
    let mut round = 0;
    let mut steps = Vec::new();
    while timed < PRESSES {
        for step in ROUND {
            steps.push(step);
            tokio::time::sleep(TYPIST_GAP).await;
            match step {
                Timed::StoreText => {
                    press(client, Key::Enter.into()).await;
                    wait_until(client, "the card's text field", || async {
                        let focused = client
                            .execute("return document.activeElement?.tagName ?? '';", vec![])
                            .await
                            .ok()?;
                        (focused.as_str() == Some("TEXTAREA")).then_some(())
                    })
                    .await;
                    type_text(client, &format!(" r{round}")).await;
                    tokio::time::sleep(TYPIST_GAP).await;
                    press(client, Key::Enter.into()).await;
                }
                Timed::Moment => press(client, 'm').await,
                Timed::Arrow => press(client, 'a').await,
                Timed::Undo => press_chord(client, &[Key::Control], 'z').await,
                Timed::Redo => press_chord(client, &[Key::Control, Key::Shift], 'z').await,
            }
            timed += 1;
            let what = format!("the timing of {step:?} in round {round}");
            wait_until(client, &what, || async {
                (timings(client).await.len() >= timed).then_some(())
            })
            .await;
        }
        round += 1;
    }
    // A last repaint may still be on its way to the screen.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let repaints = screen.stop();
    let ms = timings(client).await;
    assert_eq!(ms.len(), timed, "one timing per edit: {ms:?}");
    assert!(
        ms.iter().all(|&t| t > 0.0),
        "a timing is not positive: {ms:?}"
    );
    println!("key-to-repaint {label}: {}", spread(&ms));
    let frames = frame_times(client).await;
    assert_eq!(frames.len(), timed, "one frame per edit: {frames:?}");
    let on_screen: Vec<f64> = frames
        .iter()
        .map(|&(keydown, frame)| {
            let shown = repaints
                .iter()
                .find(|r| r.at_ms >= frame && r.overlaps(card, view))
                .unwrap_or_else(|| {
                    panic!("nothing was drawn over the card after the frame at {frame} ms")
                });
            shown.at_ms - keydown
        })
        .collect();
    println!("key-to-screen {label}: {}", spread(&on_screen));
    for kind in [
        Timed::StoreText,
        Timed::Moment,
        Timed::Arrow,
        Timed::Undo,
        Timed::Redo,
    ] {
        let of_kind = |ms: &[f64]| -> Vec<f64> {
            ms.iter()
                .zip(&steps)
                .filter(|(_, step)| **step == kind)
                .map(|(&ms, _)| ms)
                .collect()
        };
        println!(
            "  {kind:?}: page {}; screen {}",
            spread(&of_kind(&ms)),
            spread(&of_kind(&on_screen))
        );
    }
    let mut slowest: Vec<(f64, f64, Timed)> = on_screen
        .iter()
        .zip(&ms)
        .zip(&steps)
        .map(|((&screen, &page), &step)| (screen, page, step))
        .collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let slowest: Vec<String> = slowest
        .iter()
        .take(8)
        .map(|(screen, page, step)| format!("{step:?} {screen:.0}/{page:.0}"))
        .collect();
    println!(
        "  slowest on screen (screen/page ms): {}",
        slowest.join(", ")
    );
    app.close().await;
}

/// p50, p95 and max of `ms`, for printing.
fn spread(ms: &[f64]) -> String {
    let mut ms = ms.to_vec();
    ms.sort_by(f64::total_cmp);
    let quantile = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    format!(
        "p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms (n={})",
        quantile(0.5),
        quantile(0.95),
        ms[ms.len() - 1],
        ms.len()
    )
}

/// The box of card `id` in the page (x, y, width, height) and the page's size, to find it on screen.
async fn card_on_page(client: &Client, id: &str) -> ((f64, f64, f64, f64), (f64, f64)) {
    let n = numbers(
        client,
        "const g = document.querySelector(`svg[role=\"figure\"] g[data-id=\"${arguments[0]}\"]`);
         const r = g.querySelector('rect').getBoundingClientRect();
         return [r.left, r.top, r.width, r.height, window.innerWidth, window.innerHeight];",
        vec![json!(id)],
    )
    .await;
    assert_eq!(n.len(), 6, "the card's box and the page's size: {n:?}");
    ((n[0], n[1], n[2], n[3]), (n[4], n[5]))
}

/// Each timed press's keydown and the start of the frame that drew it, in ms since the Unix epoch.
async fn frame_times(client: &Client) -> Vec<(f64, f64)> {
    let n = numbers(
        client,
        "return (window.__throughlineFrames || []).flatMap((f) => [f.keydown, f.frame]);",
        vec![],
    )
    .await;
    n.chunks_exact(2).map(|pair| (pair[0], pair[1])).collect()
}

/// The numbers `script` returns as an array (none if it returns something else).
async fn numbers(client: &Client, script: &str, args: Vec<Value>) -> Vec<f64> {
    let value = client
        .execute(script, args)
        .await
        .unwrap_or_else(|e| panic!("run {script:?}: {e}"));
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

/// Launches the app with `args` and waits until it has drawn the cards of the journey it opens on.
async fn launch_drawn(args: &[&str], dirs: &Dirs) -> App {
    let app = App::launch(args, dirs).await;
    let client = &app.client;
    wait_until(client, "cards drawn", || async {
        (Shape::read(client).await.cards > 10).then_some(())
    })
    .await;
    app
}

/// Generates a workspace of one journey of `cards` cards over `stages` stages in `dir` with the CLI
/// and returns its path.
fn generate_journey(dir: &std::path::Path, cards: usize, stages: usize) -> String {
    let (cards, stages) = (cards.to_string(), stages.to_string());
    let workspace = generate(dir, "big", &["--cards", &cards, "--stages", &stages]);
    workspace.to_str().expect("temp paths are UTF-8").to_owned()
}

/// The timings the UI recorded so far.
async fn timings(client: &Client) -> Vec<f64> {
    numbers(client, "return window.__throughlineTimings || [];", vec![]).await
}

/// The id of a card whose middle is on screen, inside the canvas.
async fn first_visible_card(client: &Client) -> String {
    let value = client
        .execute(
            "const canvas = document.querySelector('[role=\"application\"]').getBoundingClientRect();
             for (const g of document.querySelectorAll('svg[role=\"figure\"] g[data-id]')) {
               const r = g.querySelector('rect').getBoundingClientRect();
               const x = r.left + r.width / 2, y = r.top + r.height / 2;
               if (r.width > 20 && x > canvas.left + 20 && x < canvas.right - 20 && y > canvas.top + 20
                   && y < canvas.bottom - 20 && g.contains(document.elementFromPoint(x, y))) {
                 return g.getAttribute('data-id');
               }
             }
             return null;",
            vec![],
        )
        .await
        .expect("look for a visible card");
    value
        .as_str()
        .unwrap_or_else(|| panic!("no card of the generated journey is on screen"))
        .to_owned()
}

/// Counts of what the blueprint drawing shows.
#[derive(Debug, Default)]
struct Shape {
    /// Cards (`g[data-id]`).
    cards: usize,
    /// Flow arrows (paths with an arrowhead).
    arrows: usize,
    /// Scored points on the emotion curve.
    emotion_points: usize,
    /// Whether the emotion curve is drawn.
    emotion_curve: bool,
}

impl Shape {
    /// Reads the counts from the blueprint SVG.
    async fn read(client: &Client) -> Shape {
        let value = client
            .execute(
                "const b = document.querySelector('svg[role=\"figure\"] g.blueprint');
                 if (!b) return [0, 0, 0, false];
                 const direct = (sel) => [...b.children].filter((e) => e.matches(sel));
                 return [
                   b.querySelectorAll('g[data-id]').length,
                   direct('path[marker-end]').length,
                   direct('circle').filter((c) => c.getAttribute('r') === '5.5').length,
                   direct('path:not([marker-end])').length > 0,
                 ];",
                vec![],
            )
            .await
            .expect("read the blueprint's shapes");
        let count = |i: usize| usize::try_from(value[i].as_u64().unwrap_or(0)).unwrap_or(0);
        Shape {
            cards: count(0),
            arrows: count(1),
            emotion_points: count(2),
            emotion_curve: value[3].as_bool().unwrap_or(false),
        }
    }
}

/// A card as drawn.
#[derive(Debug, Clone)]
struct Placed {
    /// Its id.
    id: String,
    /// Its box's position in the scene.
    x: f64,
    /// Its box's top in the scene.
    y: f64,
    /// Its box on screen: left, top, width, height in CSS pixels of the viewport.
    client: (f64, f64, f64, f64),
    /// Whether it carries the moment-of-truth star.
    star: bool,
}

impl Placed {
    /// The middle of its box on screen.
    fn centre(&self) -> (f64, f64) {
        (
            self.client.0 + self.client.2 / 2.0,
            self.client.1 + self.client.3 / 2.0,
        )
    }

    /// Reads a card from the JSON the page returned.
    fn from_json(value: &Value) -> Option<Placed> {
        let f = |k: &str| value[k].as_f64().unwrap_or(f64::NAN);
        Some(Placed {
            id: value["id"].as_str()?.to_owned(),
            x: f("x"),
            y: f("y"),
            client: (f("left"), f("top"), f("width"), f("height")),
            star: value["star"].as_bool().unwrap_or(false),
        })
    }
}

/// JavaScript turning a card's `g` (`g`) into what [`Placed::from_json`] reads.
const PLACED_JS: &str = "const r = g.querySelector('rect'); const c = r.getBoundingClientRect();
     return { id: g.getAttribute('data-id'), x: +r.getAttribute('x'), y: +r.getAttribute('y'),
              left: c.left, top: c.top, width: c.width, height: c.height,
              star: g.querySelector('polygon') !== null };";

/// The card whose text (ignoring how it wrapped) is `name`, if it is drawn.
async fn card(client: &Client, name: &str) -> Option<Placed> {
    let script = format!(
        "const want = arguments[0].replace(/\\s+/g, '');
         const g = [...document.querySelectorAll('svg[role=\"figure\"] g[data-id]')].find((g) =>
           [...g.querySelectorAll('text')].map((t) => t.textContent).join('').replace(/\\s+/g, '') === want);
         if (!g) return null;
         {PLACED_JS}"
    );
    let value = client
        .execute(&script, vec![json!(name)])
        .await
        .expect("look for a card");
    Placed::from_json(&value)
}

/// The card with id `id`, if it is drawn.
async fn card_by_id(client: &Client, id: &str) -> Option<Placed> {
    let script = format!(
        "const g = document.querySelector(`svg[role=\"figure\"] g[data-id=\"${{arguments[0]}}\"]`);
         if (!g) return null;
         {PLACED_JS}"
    );
    let value = client
        .execute(&script, vec![json!(id)])
        .await
        .expect("look for a card by id");
    Placed::from_json(&value)
}

/// The scene position of card `name`; panics if it is not drawn.
async fn card_at(client: &Client, name: &str) -> (f64, f64) {
    let placed = card(client, name).await;
    let placed = placed.unwrap_or_else(|| panic!("the card {name:?} is not drawn"));
    (placed.x, placed.y)
}

/// Waits until card `name` is drawn at `at` (scene coordinates).
async fn wait_for_card_at(client: &Client, name: &str, at: (f64, f64), what: &str) {
    let deadline = Instant::now() + page::PATIENCE;
    loop {
        let placed = card(client, name).await;
        if placed
            .as_ref()
            .is_some_and(|p| (p.x - at.0).abs() < 1.0 && (p.y - at.1).abs() < 1.0)
        {
            return;
        }
        if Instant::now() > deadline {
            let text = Text::read(client).await;
            panic!(
                "timed out waiting for {what}: {name:?} should be at {at:?} but is {placed:?}; \
                 the blueprint shows:\n{}",
                text.svg
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Asserts a scene position is `want`, within a pixel.
fn assert_close(got: (f64, f64), want: (f64, f64), what: &str) {
    assert!(
        (got.0 - want.0).abs() < 1.0 && (got.1 - want.1).abs() < 1.0,
        "{what}: the card is at {got:?}, not {want:?}"
    );
}

/// Clicks the middle of card `name`, holding `modifiers`.
async fn click_card(client: &Client, name: &str, modifiers: &[Key]) {
    let placed = wait_until(client, &format!("the card {name:?}"), || async {
        card(client, name).await
    })
    .await;
    click_at(client, placed.centre(), modifiers).await;
    // Give the selection a moment to be taken.
    tokio::time::sleep(Duration::from_millis(300)).await;
}
