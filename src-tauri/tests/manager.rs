//! The manager's view in the real window: the ownership view filtered to unowned cards, every one of
//! them given an owner in one bulk assignment (the filter then empties, and the file holds the
//! owners), then the impact of the CRM going down, highlighted on the blueprint. The answers are
//! checked against the workspace file read through `crates/api`. Screenshots land in `target/e2e/`.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use std::collections::HashSet;
use std::path::Path;

use fantoccini::{Client, Locator};
use support::app::{App, Dirs};
use support::screenshot;
use support::ui::{click, settle, wait_find, wait_until};
use throughline_api::{Id, OpenWorkspace};

/// The person every unowned card is given to.
const OWNER: &str = "Grace Chen";

/// The system whose failure is asked about.
const SYSTEM: &str = "CRM";

#[test]
fn bulk_assignment_empties_the_unowned_filter_and_impact_highlights_the_blueprint() {
    support::scenario(manager());
}

async fn manager() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let app = App::launch_on_sample(&dirs).await;
    let client = &app.client;
    let file = dirs.data.join("throughline/default.throughline");
    let unowned = unowned_in_file(&file);
    assert!(!unowned.is_empty(), "the sample leaves some cards unowned");

    click(client, Locator::Css("[data-testid='view-ownership']")).await;
    wait_find(client, Locator::Css("[data-testid='ownership-view']")).await;
    filter(client, "unowned").await;
    let rows = wait_until(client, "the unowned rows", || async {
        let rows = row_steps(client).await;
        (rows.len() == unowned.len()).then_some(rows)
    })
    .await;
    assert_eq!(
        rows, unowned,
        "the unowned filter lists exactly the unowned cards"
    );
    settle(client).await;
    screenshot::save_and_check_table(client, "manager-unowned").await;

    click(client, Locator::Css("[data-testid='ownership-select-all']")).await;
    click(client, Locator::Css("[data-testid='assign-owner']")).await;
    wait_find(client, Locator::Css("[data-testid='owner-search']"))
        .await
        .send_keys("Grace")
        .await
        .expect("type in the owner search");
    click(
        client,
        Locator::XPath(&format!(
            "//*[@data-testid='owner-option'][contains(normalize-space(.), '{OWNER}')]"
        )),
    )
    .await;
    wait_find(client, Locator::Css("[data-testid='ownership-empty']")).await;
    assert!(
        unowned_in_file(&file).is_empty(),
        "the bulk assignment is committed to the file"
    );
    filter(client, "unowned-moments").await;
    wait_find(client, Locator::Css("[data-testid='ownership-empty']")).await;
    settle(client).await;
    screenshot::save_and_check_table(client, "manager-assigned").await;

    let (expected, journey, summary) = impact_in_file(&file);
    click(client, Locator::Css("[data-testid='view-entities']")).await;
    let row = wait_find(client, crm_row()).await;
    row.find(Locator::Css("[data-testid='entity-impact']"))
        .await
        .expect("the entity's impact button")
        .click()
        .await
        .expect("ask for the impact");
    let panel = wait_find(client, Locator::Css("[data-testid='impact-panel']")).await;
    wait_until(
        client,
        &format!("the impact panel to say {summary:?}"),
        || async {
            let text = panel.text().await.ok()?;
            text.contains(&summary).then_some(())
        },
    )
    .await;
    if client
        .find(Locator::Css("svg[role='figure']"))
        .await
        .is_err()
    {
        click(client, Locator::Css("[data-testid='view-blueprint']")).await;
    }
    let here: HashSet<String> = expected
        .iter()
        .filter(|(_, j)| *j == journey)
        .map(|(s, _)| s.to_string())
        .collect();
    let (lit, dark) = wait_until(client, "impacted cards on the blueprint", || async {
        let (lit, dark) = highlighted(client).await;
        (!lit.is_empty()).then_some((lit, dark))
    })
    .await;
    assert!(
        lit.is_subset(&here),
        "cards highlighted that do not rely on {SYSTEM}: {:?}",
        lit.difference(&here).collect::<Vec<_>>()
    );
    assert!(
        dark.is_disjoint(&here),
        "cards relying on {SYSTEM} left unhighlighted: {:?}",
        dark.intersection(&here).collect::<Vec<_>>()
    );
    settle(client).await;
    screenshot::save_and_check(client, "manager-impact").await;

    click(client, Locator::Css("[data-testid='toggle-checks']")).await;
    let groups = wait_until(client, "the checks panel's groups", || async {
        let groups = client
            .find_all(Locator::Css(
                "[data-testid='checks-panel'] [data-testid='check-group']",
            ))
            .await
            .ok()?;
        (groups.len() == throughline_api::FindingKind::ALL.len()).then_some(groups)
    })
    .await;
    let mut kinds = Vec::new();
    for g in &groups {
        kinds.push(g.attr("data-kind").await.ok().flatten().unwrap_or_default());
    }
    assert!(kinds.contains(&"unowned_moment".to_owned()), "{kinds:?}");

    click(client, Locator::Css("[data-testid='view-entities']")).await;
    let row = wait_find(client, crm_row()).await;
    row.find(Locator::Css("[data-testid='entity-network']"))
        .await
        .expect("the entity's network button")
        .click()
        .await
        .expect("open the network view");
    wait_until(
        client,
        "the CRM's neighbours in the network view",
        || async {
            let nodes = client
                .find_all(Locator::Css(
                    "[data-testid='network-view'] [data-testid='network-node']",
                ))
                .await
                .ok()?;
            (nodes.len() > 3).then_some(())
        },
    )
    .await;
    settle(client).await;
    screenshot::save_and_check_table(client, "manager-network").await;
    app.close().await;
}

/// The entities view's row of the system asked about.
fn crm_row() -> Locator<'static> {
    Locator::XPath(
        "//*[@data-testid='entity-row'][.//*[normalize-space(.)='CRM'] or normalize-space(.)='CRM' or starts-with(normalize-space(.), 'CRM ')]",
    )
}

/// Picks an option of the ownership filter.
async fn filter(client: &Client, value: &str) {
    wait_find(client, Locator::Css("[data-testid='ownership-filter']"))
        .await
        .select_by_value(value)
        .await
        .expect("choose a filter");
}

/// The cards listed in the ownership table, in order.
async fn row_steps(client: &Client) -> Vec<Id> {
    let value = client
        .execute(
            "return [...document.querySelectorAll('[data-testid=\"ownership-row\"]')].map(r => r.dataset.step);",
            vec![],
        )
        .await
        .expect("read the ownership rows");
    let mut ids: Vec<Id> = value
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()?.parse().ok()).collect())
        .unwrap_or_default();
    ids.sort();
    ids
}

/// The drawn cards with and without the impact highlight, by id.
async fn highlighted(client: &Client) -> (HashSet<String>, HashSet<String>) {
    let value = client
        .execute(
            "const cards = [...document.querySelectorAll('svg[role=\"figure\"] [data-id]')]
               .filter(g => g.querySelector('rect'));
             return [
               cards.filter(g => g.dataset.impacted === 'true').map(g => g.dataset.id),
               cards.filter(g => g.dataset.impacted !== 'true').map(g => g.dataset.id),
             ];",
            vec![],
        )
        .await
        .expect("read the highlighted cards");
    let set = |v: &serde_json::Value| -> HashSet<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    (set(&value[0]), set(&value[1]))
}

/// The cards without an owner, read from the file the window edits.
fn unowned_in_file(file: &Path) -> Vec<Id> {
    let ws = OpenWorkspace::open_read_only(file).expect("read the workspace file");
    let mut ids: Vec<Id> = ws
        .ownership()
        .rows
        .iter()
        .filter(|r| r.owner.is_none())
        .map(|r| r.step.step)
        .collect();
    ids.sort();
    ids
}

/// Every card the system's failure affects with its journey, the first journey (the one on screen),
/// and the summary the panel should show ("2 moments of truth, 8 customer steps at risk").
fn impact_in_file(file: &Path) -> (Vec<(Id, Id)>, Id, String) {
    let ws = OpenWorkspace::open_read_only(file).expect("read the workspace file");
    let crm = ws.find_entity(SYSTEM).expect("the sample has a CRM");
    let impact = ws.impact(crm).expect("impact of the CRM");
    let steps = impact
        .cards
        .iter()
        .map(|c| (c.step.step, c.step.journey))
        .collect();
    let plural = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let summary = format!(
        "{}, {} at risk",
        plural(impact.moments, "moment of truth", "moments of truth"),
        plural(impact.customer_steps, "customer step", "customer steps")
    );
    (steps, ws.journeys()[0].id, summary)
}
