//! Personas in the real window, on a hotel stay built here: two personas are created in the Personas
//! view, put on the journey from its details, each card scored per persona in the card's details, and
//! the emotion band then draws two curves with a key; clicking a persona in the key shows its curve
//! alone. The scores are checked in the workspace file read through `crates/api`. Screenshots land in
//! `target/e2e/`.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use fantoccini::{Client, Locator};
use serde_json::json;
use support::app::{App, Dirs};
use support::blueprint::click_card;
use support::input::click_at;
use support::screenshot;
use support::ui::{click, settle, wait_find, wait_until};
use throughline_api::{Journey, LaneKind, OpenWorkspace, Step};

/// The guest's steps, each with the business traveller's score (the cards' emotion, set here) and
/// the family's (given in the window).
const STEPS: [(&str, i8, &str); 4] = [
    ("Books a room online", 1, "+2"),
    ("Queues at reception", -2, "−1"),
    ("Sleeps in a quiet room", 2, "0"),
    ("Checks out by app", 0, "+1"),
];

#[test]
fn two_personas_scored_per_card_draw_two_curves_and_the_key_shows_one_alone() {
    support::scenario(personas());
}

/// A hotel stay with one scored guest card per stage and a frontstage card.
fn hotel_stay() -> Journey {
    let mut j = Journey::from_template("Hotel stay", &["Book", "Arrive", "Stay", "Check out"]);
    let lane = |kind| j.lanes.iter().find(|l| l.kind == kind).unwrap().id;
    let (guest, desk) = (lane(LaneKind::Customer), lane(LaneKind::Frontstage));
    let stages: Vec<_> = j.stages.iter().map(|s| s.id).collect();
    for (i, (text, score, _)) in STEPS.iter().enumerate() {
        let mut step = Step::new(guest, stages[i], 0.0, text);
        step.emotion = Some(*score);
        j.steps.push(step);
    }
    j.steps
        .push(Step::new(desk, stages[1], 0.0, "Hands over the key card"));
    j
}

async fn personas() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let file = tmp.path().join("hotel.throughline");
    let app = App::launch_on_journey(&file, hotel_stay(), &dirs).await;
    let client = &app.client;

    click(client, Locator::Css("[data-testid='view-personas']")).await;
    for name in ["Business traveller", "Family"] {
        let input = wait_find(
            client,
            Locator::Css("input[aria-label='Name of the new persona']"),
        )
        .await;
        input.send_keys(name).await.expect("type a persona's name");
        click(
            client,
            Locator::XPath("//section[@data-testid='personas-view']//button[@type='submit']"),
        )
        .await;
        wait_find(
            client,
            Locator::XPath(&format!(
                "//*[@data-testid='persona-row'][contains(., '{name}')]"
            )),
        )
        .await;
    }
    let quote = wait_find(
        client,
        Locator::XPath("//label[contains(., 'In their words')]//textarea"),
    )
    .await;
    quote
        .send_keys("Three kids, one bathroom")
        .await
        .expect("type the quote");
    settle(client).await;
    screenshot::save_and_check_table(client, "personas-view").await;

    click(client, Locator::Css("[data-testid='view-blueprint']")).await;
    for name in ["Business traveller", "Family"] {
        let select = wait_find(
            client,
            Locator::Css("select[aria-label='Add a persona to the journey']"),
        )
        .await;
        select
            .select_by_label(name)
            .await
            .expect("add a persona to the journey");
        wait_find(
            client,
            Locator::XPath(&format!(
                "//*[@data-testid='journey-personas']//li[contains(., '{name}')]"
            )),
        )
        .await;
    }
    // The whole journey beside the details panel, so that every card can be clicked.
    click(
        client,
        Locator::XPath("//button[normalize-space(.)='Zoom to fit']"),
    )
    .await;
    settle(client).await;
    for (text, _, family) in STEPS {
        click_card(client, text).await;
        wait_until(
            client,
            &format!("{text:?} in the card's details"),
            || async {
                let shown = client
                    .execute(
                        "return document.querySelector('#dock-panel-details')?.textContent ?? '';",
                        vec![],
                    )
                    .await
                    .ok()?;
                shown.as_str()?.contains(text).then_some(())
            },
        )
        .await;
        let rows = wait_until(client, "two emotion rows in the card's details", || async {
            let rows = client
                .find_all(Locator::Css("[data-testid='emotion-row']"))
                .await
                .ok()?;
            (rows.len() == 2).then_some(rows)
        })
        .await;
        rows[1]
            .find(Locator::XPath(&format!(
                ".//button[normalize-space(.)='{family}']"
            )))
            .await
            .expect("the family's score button")
            .click()
            .await
            .expect("score the card for the family");
        wait_until(client, "the family's score to be taken", || async {
            let pressed = rows[1]
                .find(Locator::Css("button[aria-pressed='true']"))
                .await
                .ok()?
                .text()
                .await
                .ok()?;
            (pressed == family).then_some(())
        })
        .await;
    }
    let curves = wait_until(client, "two curves in the emotion band", || async {
        let n = count(client, "svg[role='figure'] path[data-persona]").await;
        (n == 2).then_some(n)
    })
    .await;
    assert_eq!(curves, 2);
    assert_eq!(count(client, "[data-testid='persona-key']").await, 2);
    let colours = strokes(client).await;
    assert_eq!(colours.len(), 2);
    assert_ne!(colours[0], colours[1], "each persona has its own colour");
    settle(client).await;
    screenshot::save_and_check(client, "personas-two-curves").await;

    click_key(client, "Family").await;
    wait_until(client, "the family's curve alone", || async {
        (count(client, "svg[role='figure'] path[data-persona]").await == 1).then_some(())
    })
    .await;
    settle(client).await;
    screenshot::save_and_check(client, "personas-family-only").await;
    click_key(client, "Family").await;
    wait_until(client, "both curves again", || async {
        (count(client, "svg[role='figure'] path[data-persona]").await == 2).then_some(())
    })
    .await;
    app.close().await;

    let ws = OpenWorkspace::open_read_only(&file).expect("read the workspace back");
    let model = ws.model();
    let journey = &model.journeys[0];
    let names: Vec<&str> = journey
        .personas
        .iter()
        .map(|p| model.persona(*p).expect("a stored persona").name.as_str())
        .collect();
    assert_eq!(names, ["Business traveller", "Family"]);
    let family = journey.personas[1];
    for (text, business, shown) in STEPS {
        let step = journey
            .steps
            .iter()
            .find(|s| s.text == text)
            .expect("the card");
        assert_eq!(
            step.emotion,
            Some(business),
            "{text}: the first persona keeps the old score"
        );
        let score = step
            .scores
            .iter()
            .find(|s| s.persona == family)
            .map(|s| s.score);
        let want: i8 = shown
            .replace('−', "-")
            .replace('+', "")
            .parse()
            .expect("a score");
        assert_eq!(score, Some(want), "{text}: the family's score is stored");
    }
    assert_eq!(
        model.persona(family).map(|p| p.quote.as_str()),
        Some("Three kids, one bathroom")
    );
}

/// Clicks `persona`'s entry in the emotion band's key, where a person would: at its middle.
async fn click_key(client: &Client, persona: &str) {
    let middle = client
        .execute(
            "const key = [...document.querySelectorAll('[data-testid=\"persona-key\"]')]
               .find((k) => k.textContent.includes(arguments[0]));
             const r = key.getBoundingClientRect();
             return [r.x + r.width / 2, r.y + r.height / 2];",
            vec![json!(persona)],
        )
        .await
        .expect("find the persona in the key");
    let at = |i: usize| middle[i].as_f64().expect("a coordinate");
    click_at(client, (at(0), at(1)), &[]).await;
}

async fn count(client: &Client, css: &str) -> usize {
    client
        .find_all(Locator::Css(css))
        .await
        .map_or(0, |v| v.len())
}

/// The strokes of the curves drawn, in order.
async fn strokes(client: &Client) -> Vec<String> {
    let mut out = Vec::new();
    for path in client
        .find_all(Locator::Css("svg[role='figure'] path[data-persona]"))
        .await
        .unwrap_or_default()
    {
        if let Ok(Some(stroke)) = path.attr("stroke").await {
            out.push(stroke);
        }
    }
    out
}
