//! Opportunities in the real window, on a boiler repair built here: the checks name the pain point no
//! opportunity addresses; an opportunity written from that card's details answers it; the
//! Opportunities view lists it in the middle of the value-against-effort matrix, a drag moves it to
//! the quick-win corner (value 5, effort 1), and its owner and status are set beside the list. What
//! was stored is read back from the workspace file. Screenshots land in `target/e2e/`.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use fantoccini::{Client, Locator};
use serde_json::Value;
use support::app::{App, Dirs};
use support::blueprint::click_card;
use support::input::drag;
use support::screenshot;
use support::ui::{click, settle, to_front, wait_find, wait_for_text, wait_until};
use throughline_api::{
    Entity, EntityKind, Id, Journey, LaneKind, OpenWorkspace, OpportunityStatus, Step, Workspace,
};

const REPORT: &str = "Reports no hot water";
const IDEA: &str = "Call back within the hour";

#[test]
fn an_opportunity_answers_a_pain_point_and_is_re_rated_on_the_matrix() {
    support::scenario(opportunities());
}

/// A boiler repair with a painful first call and a field-service team.
fn boiler_repair() -> Workspace {
    let mut j = Journey::from_template("Boiler repair", &["Report", "Visit", "Fix"]);
    let lane = |kind| j.lanes.iter().find(|l| l.kind == kind).unwrap().id;
    let (customer, front) = (lane(LaneKind::Customer), lane(LaneKind::Frontstage));
    let mut report = Step::new(customer, j.stages[0].id, 0.0, REPORT);
    report.pain_point = Some("Forty minutes on hold".into());
    j.steps = vec![
        report,
        Step::new(front, j.stages[1].id, 0.0, "Engineer diagnoses the fault"),
        Step::new(customer, j.stages[2].id, 0.0, "Has hot water again"),
    ];
    Workspace {
        journeys: vec![j],
        entities: vec![Entity {
            id: Id::new(),
            kind: EntityKind::Team,
            name: "Field service".into(),
            description: String::new(),
            owner: None,
        }],
        ..Workspace::default()
    }
}

async fn opportunities() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let file = tmp.path().join("repairs.throughline");
    let app = App::launch_on_workspace(&file, &boiler_repair(), &dirs).await;
    let client = &app.client;
    click(
        client,
        Locator::XPath("//button[normalize-space(.)='Zoom to fit']"),
    )
    .await;
    settle(client).await;

    click(client, Locator::Css("[data-testid='toggle-checks']")).await;
    assert_eq!(pains_without_opportunity(client).await, "1");

    // An opportunity for the painful card, written in its details.
    click_card(client, REPORT).await;
    to_front(client, "details").await;
    let field = wait_find(client, Locator::Css("input[aria-label='New opportunity']")).await;
    field.send_keys(IDEA).await.expect("type the opportunity");
    click(
        client,
        Locator::XPath("//input[@aria-label='New opportunity']/following-sibling::button"),
    )
    .await;
    wait_for_text(client, "[data-testid='card-opportunities']", |t| {
        t.contains(IDEA)
    })
    .await;
    to_front(client, "checks").await;
    wait_until(client, "the pain point answered", || async {
        (pains_without_opportunity(client).await == "0").then_some(())
    })
    .await;

    // Rated in the middle of the matrix; dragged to the quick-win corner.
    click(client, Locator::Css("[data-testid='view-opportunities']")).await;
    let row = "[data-testid='opportunity-row']";
    wait_for_text(client, row, |t| t.contains(IDEA)).await;
    assert_eq!(scores(client).await, (3, 3));
    let from = dot_centre(client).await;
    let to = matrix_point(client, (5, 1)).await;
    drag(client, from, to).await;
    wait_until(client, "value 5 and effort 1 in the list", || async {
        (scores(client).await == (5, 1)).then_some(())
    })
    .await;
    let details = "[data-testid='opportunity-details']";
    wait_find(client, Locator::Css(details)).await;
    wait_find(
        client,
        Locator::Css(&format!("{details} select[aria-label='Owner']")),
    )
    .await
    .select_by_label("Field service")
    .await
    .expect("choose the owner");
    wait_for_text(client, row, |t| t.contains("Field service")).await;
    wait_find(
        client,
        Locator::Css(&format!("{details} select[aria-label='Status']")),
    )
    .await
    .select_by_label("Planned")
    .await
    .expect("plan it");
    wait_for_text(client, row, |t| t.contains("Planned")).await;
    settle(client).await;
    screenshot::save_and_check_table(client, "opportunities-view").await;
    app.close().await;

    let ws = OpenWorkspace::open_read_only(&file).expect("read the workspace back");
    let model = ws.model();
    let journey = &model.journeys[0];
    let [o] = journey.opportunities.as_slice() else {
        panic!("one opportunity, not {:?}", journey.opportunities);
    };
    assert_eq!(o.title, IDEA);
    assert_eq!((o.value, o.effort), (5, 1));
    assert_eq!(o.status, OpportunityStatus::Planned);
    assert_eq!(o.owner, Some(model.entities[0].id));
    let report = journey.steps.iter().find(|s| s.text == REPORT).unwrap();
    assert_eq!(o.addresses, [report.id]);
}

/// How many pain points the checks say no opportunity addresses.
async fn pains_without_opportunity(client: &Client) -> String {
    wait_for_text(
        client,
        "[data-testid='check-group'][data-kind='pain_without_opportunity'] [data-testid='check-count']",
        |t| !t.is_empty(),
    )
    .await
}

/// The value and effort the list shows for the one opportunity.
async fn scores(client: &Client) -> (u8, u8) {
    let read = |css: &'static str| async move {
        wait_for_text(client, css, |t| !t.is_empty())
            .await
            .parse::<u8>()
            .expect("a score")
    };
    (
        read("[data-testid='opportunity-value']").await,
        read("[data-testid='opportunity-effort']").await,
    )
}

/// Where the opportunity's dot is drawn, in viewport pixels.
async fn dot_centre(client: &Client) -> (f64, f64) {
    let value: Value = client
        .execute(
            "const r = document.querySelector('[data-testid=\"opportunity-dot\"] circle').getBoundingClientRect();
             return [r.left + r.width / 2, r.top + r.height / 2];",
            vec![],
        )
        .await
        .expect("find the dot");
    (value[0].as_f64().unwrap(), value[1].as_f64().unwrap())
}

/// The viewport point at the middle of the matrix cell of `(value, effort)`.
async fn matrix_point(client: &Client, (value, effort): (u8, u8)) -> (f64, f64) {
    let centre: Value = client
        .execute(
            "const r = document.querySelector(`[data-testid=\"opportunity-matrix\"] [data-cell=\"${arguments[0]}\"]`)
               .getBoundingClientRect();
             return [r.left + r.width / 2, r.top + r.height / 2];",
            vec![Value::from(format!("{value}-{effort}"))],
        )
        .await
        .expect("find the matrix cell");
    (centre[0].as_f64().unwrap(), centre[1].as_f64().unwrap())
}
