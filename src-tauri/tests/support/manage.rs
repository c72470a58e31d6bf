//! The manager's views as a person reaches them: an entity's row in the Entities tab and its Impact.

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};

use super::page;
use super::ui::{click, wait_find};

/// The Impact button on `entity`'s row of the Entities tab, after switching to that tab.
pub async fn impact_button(client: &Client, entity: &str) -> Element {
    click(client, Locator::Css("[data-testid='view-entities']")).await;
    let row = wait_find(
        client,
        Locator::XPath(&format!(
            "//*[@data-testid='entity-row'][.//*[contains(@class, 'title')][normalize-space(.)='{entity}']]"
        )),
    )
    .await;
    row.find(Locator::Css("[data-testid='entity-impact']"))
        .await
        .expect("the entity's impact button")
}

/// Asks for the impact of `entity` from the Entities tab, and waits for the blueprint to come back
/// with the impact panel beside it.
pub async fn ask_for_impact(client: &Client, entity: &str) {
    impact_button(client, entity)
        .await
        .click()
        .await
        .expect("ask for the impact");
    wait_find(client, Locator::Css("[data-testid='impact-panel']")).await;
    page::wait_for(client, "the blueprint back after the impact", |text| {
        text.svg_texts > 10
    })
    .await;
}
