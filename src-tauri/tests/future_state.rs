//! Current and future state in the real window, on an airport check-in built here: "Create future
//! state" from the journey's menu opens the Future state view with the copy under the journey, every
//! card kept and so untagged; on the future state's blueprint the room marks the desk queue removed
//! and makes the bag drop a moment of truth; the view then answers "what goes, what pain is gone,
//! which moments of truth do we gain?" and tags the cards that change; and the pair is exported as
//! one SVG; a second future of the journey is offered beside the first. What was stored is read back
//! from the workspace file. Screenshots land in `target/e2e/`.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use std::path::Path;

use fantoccini::{Client, Locator};
use serde_json::Value;
use support::app::{App, Dirs};
use support::blueprint::click_card;
use support::export;
use support::input::click_at;
use support::screenshot;
use support::ui::{click, settle, to_front, wait_find, wait_for_text, wait_until};
use throughline_api::{Journey, LaneKind, OpenWorkspace, StateChange, Step, Workspace};

const QUEUE: &str = "Queues at the check-in desk";
const BAG: &str = "Drops the bag at the counter";

#[test]
fn a_future_state_is_drawn_under_its_journey_and_says_what_changes() {
    support::scenario(future_state());
}

/// An airport check-in: a painful queue, a bag drop, the agent and security.
fn airport_check_in() -> Workspace {
    let mut j = Journey::from_template("Airport check-in", &["Arrive", "Check in", "Security"]);
    let lane = |kind| j.lanes.iter().find(|l| l.kind == kind).unwrap().id;
    let (customer, front) = (lane(LaneKind::Customer), lane(LaneKind::Frontstage));
    let mut queue = Step::new(customer, j.stages[1].id, 0.0, QUEUE);
    queue.pain_point = Some("Thirty minutes in line with the luggage".into());
    queue.emotion = Some(-2);
    let mut bag = Step::new(customer, j.stages[1].id, 1.0, BAG);
    bag.emotion = Some(0);
    let mut security = Step::new(customer, j.stages[2].id, 0.0, "Goes through security");
    security.emotion = Some(-1);
    j.steps = vec![
        Step::new(customer, j.stages[0].id, 0.0, "Finds the airline's zone"),
        queue,
        bag,
        Step::new(front, j.stages[1].id, 0.0, "Agent prints the boarding pass"),
        security,
    ];
    Workspace {
        journeys: vec![j],
        ..Workspace::default()
    }
}

async fn future_state() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let file = tmp.path().join("airport.throughline");
    let app = App::launch_on_workspace(&file, &airport_check_in(), &dirs).await;
    let client = &app.client;

    // The journey's menu makes the future state and shows the two.
    create_future_state(client).await;
    wait_for_text(client, "[data-testid='future-summary']", |t| {
        t.contains("Airport check-in (future state)")
    })
    .await;
    assert_eq!(figure(client, "kept").await, "5");
    assert!(tags(client).await.is_empty(), "a copy changes nothing yet");
    wait_find(client, Locator::Css("[data-testid='future-badge']")).await;

    // The room redraws the future: no desk queue, and the bag drop becomes the moment of truth.
    click(client, Locator::Css("[data-testid='edit-future']")).await;
    wait_until(client, "the future state's blueprint", || async {
        let title: Value = client
            .execute(
                "return document.querySelector('svg[role=\"figure\"] text')?.textContent ?? '';",
                vec![],
            )
            .await
            .expect("read the title");
        (title.as_str() == Some("Airport check-in (future state)")).then_some(())
    })
    .await;
    to_front(client, "details").await;
    wait_for_text(client, "[data-testid='journey-states']", |t| {
        t.contains("The future state of “Airport check-in”")
    })
    .await;
    click_card(client, QUEUE).await;
    wait_find(client, Locator::Css("[data-testid='card-change']"))
        .await
        .select_by_label("Removed")
        .await
        .expect("mark the queue removed");
    settle(client).await;
    click_card(client, BAG).await;
    click(
        client,
        Locator::XPath("//label[contains(@class,'checkbox-row')][.//span[normalize-space(.)='Moment of truth']]/input"),
    )
    .await;
    settle(client).await;

    click(client, Locator::Css("[data-testid='view-future']")).await;
    wait_until(client, "the summary after the redraw", || async {
        (figure(client, "removed").await == "1").then_some(())
    })
    .await;
    assert_eq!(figure(client, "changed").await, "1");
    assert_eq!(figure(client, "kept").await, "3");
    assert_eq!(figure(client, "pain").await, "1");
    assert_eq!(figure(client, "moments").await, "+1 gained · 0 lost");
    assert_eq!(figure(client, "emotion").await, "−1.0 → −0.5 (+0.5)");
    let mut shown = tags(client).await;
    shown.sort();
    // The queue is tagged twice: removed on the current state (no live heir) and on the future.
    assert_eq!(shown, ["changed", "removed", "removed"]);
    click(client, Locator::Css("[data-testid='future-fit']")).await;
    settle(client).await;
    // The changed card says how: it came from the bag drop, and became a moment of truth.
    let at: Value = client
        .execute(
            "const id = document.querySelector('g.state-tag[data-change=\"changed\"]').dataset.card;
             const r = document.querySelector(`svg[role=\"figure\"] g[data-id=\"${id}\"] rect`).getBoundingClientRect();
             return [r.left + r.width / 2, r.top + r.height / 2];",
            vec![],
        )
        .await
        .expect("find the changed card");
    click_at(
        client,
        (at[0].as_f64().unwrap(), at[1].as_f64().unwrap()),
        &[],
    )
    .await;
    let told = wait_for_text(client, "[data-testid='future-card']", |t| {
        t.contains("Moment of truth")
    })
    .await;
    assert!(told.contains(&format!("Came from “{BAG}”")), "{told}");
    assert!(told.contains("Moment of truth: no → yes"), "{told}");
    settle(client).await;
    screenshot::save_and_check(client, "future-state-view").await;

    // The pair as one picture.
    let out = tmp.path().join("airport-future.svg");
    let svg = export_pair(client, &out).await;
    for text in [
        "Current state: Airport check-in",
        "Future state: Airport check-in (future state)",
        ">REMOVED<",
        ">CHANGED<",
        "untagged cards are kept",
    ] {
        assert!(svg.contains(text), "the SVG draws {text}");
    }

    // A second future of the same journey: the tab offers both, by name.
    create_future_state(client).await;
    let choice = "[data-testid='future-choice']";
    wait_until(client, "the second future state shown", || async {
        (figure(client, "removed").await == "0").then_some(())
    })
    .await;
    wait_find(client, Locator::Css(choice))
        .await
        .select_by_label("Airport check-in (future state)")
        .await
        .expect("choose the first future state");
    wait_until(client, "the first future state shown again", || async {
        (figure(client, "removed").await == "1").then_some(())
    })
    .await;
    app.close().await;

    let ws = OpenWorkspace::open_read_only(&file).expect("read the workspace back");
    let model = ws.model();
    let [current, future, second] = model.journeys.as_slice() else {
        panic!("three journeys, not {}", model.journeys.len());
    };
    assert_eq!(second.name, "Airport check-in (future state 2)");
    assert_eq!(second.future_of, Some(current.id));
    assert_eq!(future.future_of, Some(current.id));
    let queue = future.steps.iter().find(|s| s.text == QUEUE).unwrap();
    assert_eq!(queue.change, Some(StateChange::Removed));
    let was = current.steps.iter().find(|s| s.text == QUEUE).unwrap();
    assert_eq!(queue.origin, Some(was.id));
    assert!(
        future
            .steps
            .iter()
            .find(|s| s.text == BAG)
            .unwrap()
            .moment_of_truth
    );
}

/// Creates a future state of the airport check-in from its ⋯ menu in the sidebar.
async fn create_future_state(client: &Client) {
    click(
        client,
        Locator::Css("button[aria-label='Actions for Airport check-in']"),
    )
    .await;
    click(
        client,
        Locator::XPath("//*[@role='menuitem'][normalize-space(.)='Create future state']"),
    )
    .await;
}

/// The value of one figure of the view's summary.
async fn figure(client: &Client, key: &str) -> String {
    wait_for_text(
        client,
        &format!("[data-testid='future-figure-{key}'] dd"),
        |t| !t.is_empty(),
    )
    .await
}

/// The changed/removed/new tags drawn on the pair's cards, in drawing order.
async fn tags(client: &Client) -> Vec<String> {
    let value: Value = client
        .execute(
            "return [...document.querySelectorAll('g.state-tag')].map((g) => g.dataset.change);",
            vec![],
        )
        .await
        .expect("read the tags");
    value
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Exports the pair from the view's Export button as an SVG at `out` and returns the file's text.
async fn export_pair(client: &Client, out: &Path) -> String {
    export::open_dialog(client, "[data-testid='export-future']", "svg", out).await;
    let beside = wait_find(
        client,
        Locator::Css("[data-testid='export-include-besideCurrent']"),
    )
    .await;
    assert_eq!(
        beside
            .prop("checked")
            .await
            .expect("read the box")
            .as_deref(),
        Some("true"),
        "the view exports the pair"
    );
    export::save_svg(client, out).await
}
