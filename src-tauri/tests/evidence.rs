//! Evidence in the real window, on an outpatient clinic visit built here (after the hospital
//! blueprints of the service-design literature): a moment of truth is marked as an assumption and is
//! drawn dashed and listed by the checks as resting on one; a survey finding is attached to another
//! card from its details; a day that does not exist is refused with Rust's sentence; evidence on the
//! guessed card then answers the guess, and the journey says how many cards research backs. What was
//! stored is read back from the workspace file through `crates/api`. Screenshots land in
//! `target/e2e/`.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::json;
use support::app::{App, Dirs};
use support::blueprint::{clear_selection, click_card};
use support::screenshot;
use support::ui::{click, settle, to_front, wait_find, wait_for_text, wait_until};
use throughline_api::{EvidenceSource, Journey, LaneKind, OpenWorkspace, Step};

const WAIT: &str = "Waits to be called";
const CONSULT: &str = "Sees the consultant";

#[test]
fn assumptions_are_drawn_dashed_and_checked_until_evidence_backs_them() {
    support::scenario(evidence());
}

/// An outpatient visit: five patient steps (two moments of truth), the reception desk and the nurse
/// behind it.
fn clinic_visit() -> Journey {
    let mut j = Journey::from_template(
        "Outpatient clinic visit",
        &["Book", "Check in", "Wait", "Consultation", "Follow-up"],
    );
    let lane = |kind| j.lanes.iter().find(|l| l.kind == kind).unwrap().id;
    let (patient, desk, back) = (
        lane(LaneKind::Customer),
        lane(LaneKind::Frontstage),
        lane(LaneKind::Backstage),
    );
    let stages: Vec<_> = j.stages.iter().map(|s| s.id).collect();
    let patient_steps = [
        "Books by phone",
        "Checks in at the kiosk",
        WAIT,
        CONSULT,
        "Gets a letter with the results",
    ];
    for (i, text) in patient_steps.iter().enumerate() {
        let mut step = Step::new(patient, stages[i], 0.0, text);
        step.moment_of_truth = *text == WAIT || *text == CONSULT;
        j.steps.push(step);
    }
    j.steps.push(Step::new(
        desk,
        stages[1],
        0.0,
        "Receptionist confirms details",
    ));
    j.steps
        .push(Step::new(back, stages[2], 0.0, "Nurse triages the list"));
    j
}

async fn evidence() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let file = tmp.path().join("clinic.throughline");
    let app = App::launch_on_journey(&file, clinic_visit(), &dirs).await;
    let client = &app.client;
    wait_for_text(client, "[data-testid='evidence-coverage']", |t| {
        t == "0 of 7 cards backed by evidence"
    })
    .await;
    click(
        client,
        Locator::XPath("//button[normalize-space(.)='Zoom to fit']"),
    )
    .await;
    settle(client).await;

    // The room guesses how long the wait feels: an assumption.
    click_card(client, WAIT).await;
    wait_for_details_of(client, WAIT).await;
    click(client, assumption_box()).await;
    wait_until(client, "the waiting card drawn dashed", || async {
        (border_dashes(client, WAIT).await.as_deref() == Some("6 4")).then_some(())
    })
    .await;
    assert_eq!(border_dashes(client, CONSULT).await, None);
    clear_selection(client).await;

    click(client, Locator::Css("[data-testid='toggle-checks']")).await;
    let listed = assumed_moments(client, 1).await;
    assert!(listed.contains(WAIT), "{listed}");
    client
        .execute(
            "document.querySelector(\"[data-kind='assumed_moment']\").scrollIntoView({ block: 'start' });",
            vec![],
        )
        .await
        .expect("show the check");
    settle(client).await;
    screenshot::save_and_check(client, "evidence-assumption-checked").await;

    // A survey finding backs the consultation.
    click_card(client, CONSULT).await;
    wait_for_details_of(client, CONSULT).await;
    add_insight(
        client,
        "Patients rate the consultation 4.6 of 5 but ask for written next steps",
    )
    .await;
    wait_find(
        client,
        Locator::Css("select[aria-label='Insight 1 source']"),
    )
    .await
    .select_by_label("Survey")
    .await
    .expect("choose the survey");
    fill(
        client,
        "input[aria-label='Insight 1 link or file']",
        "patient-survey-2026.pdf",
    )
    .await;

    // A day that does not exist is refused in Rust's words, and the stored card keeps no date.
    fill(client, "input[aria-label='Insight 1 date']", "2026-02-30").await;
    wait_until(client, "the refusal of 30 February", || async {
        let page = support::page::Text::read(client).await.page;
        page.contains("write a day as YYYY-MM-DD").then_some(())
    })
    .await;
    let date = wait_find(client, Locator::Css("input[aria-label='Insight 1 date']")).await;
    date.clear().await.expect("clear the date");
    fill(client, "input[aria-label='Insight 1 date']", "2026-03-02").await;
    click(
        client,
        Locator::XPath("//button[normalize-space(.)='Dismiss']"),
    )
    .await;
    settle(client).await;
    screenshot::save_and_check(client, "evidence-insight-details").await;

    // Evidence on the guessed card answers the guess: no more dashes, nothing for the check.
    click_card(client, WAIT).await;
    wait_for_details_of(client, WAIT).await;
    add_insight(client, "Median wait 47 minutes after the booked time").await;
    wait_find(
        client,
        Locator::Css("select[aria-label='Insight 1 source']"),
    )
    .await
    .select_by_label("Analytics")
    .await
    .expect("choose analytics");
    wait_until(client, "the waiting card's border solid again", || async {
        border_dashes(client, WAIT).await.is_none().then_some(())
    })
    .await;
    let guess = wait_find(client, assumption_box()).await;
    assert_eq!(
        guess
            .prop("disabled")
            .await
            .expect("the box's state")
            .as_deref(),
        Some("true"),
        "a card with evidence cannot be marked as a guess"
    );
    assumed_moments(client, 0).await;

    // Nothing selected: the journey says how much of it research backs.
    clear_selection(client).await;
    to_front(client, "details").await;
    wait_for_text(client, "[data-testid='evidence-coverage']", |t| {
        t == "2 of 7 cards backed by evidence"
    })
    .await;
    app.close().await;

    let ws = OpenWorkspace::open_read_only(&file).expect("read the workspace back");
    let model = ws.model();
    let step = |text: &str| {
        model.journeys[0]
            .steps
            .iter()
            .find(|s| s.text == text)
            .expect("the card")
            .clone()
    };
    let consult = step(CONSULT);
    assert_eq!(consult.evidence.len(), 1);
    let insight = &consult.evidence[0];
    assert_eq!(insight.source, EvidenceSource::Survey);
    assert_eq!(insight.date.as_deref(), Some("2026-03-02"));
    assert_eq!(insight.reference, "patient-survey-2026.pdf");
    assert!(insight.text.starts_with("Patients rate the consultation"));
    let wait = step(WAIT);
    assert!(!wait.assumption, "evidence cleared the guess");
    assert_eq!(wait.evidence[0].source, EvidenceSource::Analytics);
}

fn assumption_box() -> Locator<'static> {
    Locator::XPath(
        "//*[@id='dock-panel-details']//label[contains(., 'Assumption')]//input[@type='checkbox']",
    )
}

/// Brings the details panel to the front of the dock and waits until it shows card `text`.
async fn wait_for_details_of(client: &Client, text: &str) {
    to_front(client, "details").await;
    wait_until(client, &format!("{text:?} in the card's details"), || async {
        let shown = client
            .execute(
                "return document.querySelector('#dock-panel-details .card-text')?.textContent ?? '';",
                vec![],
            )
            .await
            .ok()?;
        shown.as_str()?.contains(text).then_some(())
    })
    .await;
}

/// Adds an insight to the selected card and types its finding, as a person would: the new row has
/// the focus.
async fn add_insight(client: &Client, finding: &str) {
    click(
        client,
        Locator::XPath("//button[normalize-space(.)='+ Add insight']"),
    )
    .await;
    fill(client, "textarea[aria-label='Insight 1']", finding).await;
}

/// Types `text` into the field `css` selects and leaves it (Tab), which stores it.
async fn fill(client: &Client, css: &str, text: &str) {
    let field = wait_find(client, Locator::Css(css)).await;
    field.send_keys(text).await.expect("type into the field");
    field
        .send_keys(&char::from(Key::Tab).to_string())
        .await
        .expect("leave the field");
}

/// The dash pattern of card `text`'s border as drawn, or `None` when it is solid.
async fn border_dashes(client: &Client, text: &str) -> Option<String> {
    let value = client
        .execute(
            "const g = [...document.querySelectorAll('svg[role=\"figure\"] g[data-id]')].find((g) =>
               [...g.querySelectorAll('text')].map((t) => t.textContent).join(' ').startsWith(arguments[0]));
             return g?.querySelector('rect')?.getAttribute('stroke-dasharray') ?? null;",
            vec![json!(text)],
        )
        .await
        .expect("read a card's border");
    value.as_str().map(str::to_owned)
}

/// Waits until the checks panel counts `n` moments of truth resting on assumptions; returns the
/// group's text.
async fn assumed_moments(client: &Client, n: usize) -> String {
    let group =
        "[data-testid='checks-panel'] [data-testid='check-group'][data-kind='assumed_moment']";
    to_front(client, "checks").await;
    wait_for_text(
        client,
        &format!("{group} [data-testid='check-count']"),
        |t| t == n.to_string(),
    )
    .await;
    if n > 0 {
        // Open the group when it is folded, to read what it lists.
        let expanded = wait_find(client, Locator::Css(&format!("{group} .group-head")))
            .await
            .attr("aria-expanded")
            .await
            .expect("the group's state");
        if expanded.as_deref() != Some("true") {
            click(client, Locator::Css(&format!("{group} .group-head"))).await;
        }
    }
    wait_for_text(client, group, |t| !t.is_empty()).await
}
