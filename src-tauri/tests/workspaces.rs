//! Switching workspaces in the real window, through the workspace menu of the sidebar (the menu bar's
//! items send the same actions, but WebDriver cannot open a native menu): a new workspace with the
//! sample journeys, a card typed in it, back to the default workspace through Open Recent (which
//! does not have the card), forth again (which does), a file that is not a workspace refused with
//! the window left as it was, and a copy saved while the workspace is open that opens with the
//! card. Native dialogs are answered through `window.__throughlineDialogAnswers`. Screenshots land
//! in `target/e2e/`; the time from Open Recent to the next blueprint painted is printed.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::json;
use support::app::{App, Dirs};
use support::input::press;
use support::page;
use support::ui::{click, settle, wait_until};
use support::{screenshot, x11};
use throughline_api::OpenWorkspace;

/// The card typed in the second workspace.
const CARD: &str = "Guest asks about late checkout";

#[test]
fn workspaces_switch_in_place_and_keep_their_own_cards() {
    support::scenario(workspaces());
}

async fn workspaces() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let app = App::launch(&[], &dirs).await;
    let client = &app.client;
    wait_for_workspace(client, "default").await;
    wait_for_title(client, "— default — Throughline").await;

    // A second workspace, named without its extension, seeded with the sample journeys.
    let second = tmp.path().join("Resort stays");
    answer_dialogs(client, &[second.to_str().expect("UTF-8 temp path")]).await;
    open_workspace_menu(client).await;
    settle(client).await;
    screenshot::save_and_check(client, "workspaces-menu").await;
    choose(client, "New Workspace…").await;
    click(client, Locator::Css("[data-testid='new-workspace-sample']")).await;
    wait_for_workspace(client, "Resort stays").await;
    let second = tmp.path().join("Resort stays.throughline");
    assert!(second.is_file(), "{} was not created", second.display());

    type_card(client, CARD).await;
    wait_for_title(client, "— Resort stays — Throughline").await;

    // Back to the default workspace through Open Recent: the card is not there.
    open_workspace_menu(client).await;
    choose(client, "default").await;
    let text = wait_for_workspace(client, "default").await;
    assert!(
        !text.svg_has(CARD),
        "the default workspace shows the card typed in the other one"
    );
    wait_for_title(client, "— default — Throughline").await;
    let undo = client
        .find(Locator::Css("button[aria-label='Undo']"))
        .await
        .expect("the undo button");
    assert!(
        undo.attr("disabled")
            .await
            .expect("read the undo button")
            .is_some(),
        "the default workspace offers to undo an edit made in the other one"
    );

    // And forth again: the card is where it was typed.
    open_workspace_menu(client).await;
    choose(client, "Resort stays").await;
    page::wait_for(client, "the typed card after switching back", |text| {
        text.svg_has(CARD)
    })
    .await;
    wait_for_title(client, "— Resort stays — Throughline").await;
    settle(client).await;
    screenshot::save_and_check(client, "workspaces-switched").await;

    // A file that is not a workspace is refused, and the window stays where it is.
    let notes = tmp.path().join("notes.throughline");
    std::fs::write(&notes, "shopping list\n").expect("write a text file");
    answer_dialogs(client, &[notes.to_str().expect("UTF-8 temp path")]).await;
    open_workspace_menu(client).await;
    choose(client, "Open…").await;
    let notice = wait_for_notice(client).await;
    assert!(
        notice.contains("notes.throughline"),
        "the refusal does not name the file: {notice}"
    );
    let text = page::wait_for(client, "the card still shown", |text| text.svg_has(CARD)).await;
    assert!(text.page_has("Resort stays"));

    // A copy of the open workspace, its newest edit included.
    let copy = tmp.path().join("Resort stays copy.throughline");
    answer_dialogs(client, &[copy.to_str().expect("UTF-8 temp path")]).await;
    open_workspace_menu(client).await;
    choose(client, "Save a Copy As…").await;
    wait_until(client, "the copy to be written", || async {
        let notice = notice_text(client).await?;
        notice.contains("was saved as").then_some(())
    })
    .await;
    let copied = OpenWorkspace::open(&copy).expect("the copy opens");
    assert!(
        copied
            .model()
            .journeys
            .iter()
            .flat_map(|j| &j.steps)
            .any(|s| s.text == CARD),
        "the copy lacks the card typed before it was saved"
    );
    wait_for_title(client, "— Resort stays — Throughline").await;

    let timings = client
        .execute("return window.__throughlineSwitchTimings || [];", vec![])
        .await
        .expect("read the switch timings");
    println!("Open Recent to the first blueprint painted, ms: {timings}");
    app.close().await;
    // The recent list outlives the window: newest first, both workspaces.
    let recent =
        std::fs::read_to_string(tmp.path().join("config/throughline/recent.json")).expect("recent");
    let resort = recent.find("Resort stays.throughline").expect("listed");
    let default = recent.find("default.throughline").expect("listed");
    assert!(resort < default, "not newest first:\n{recent}");
}

/// Queues answers for the next native dialogs.
async fn answer_dialogs(client: &Client, answers: &[&str]) {
    client
        .execute(
            "window.__throughlineDialogAnswers = arguments[0];",
            vec![json!(answers)],
        )
        .await
        .expect("queue the dialog answers");
}

/// Opens the workspace menu at the top of the sidebar.
async fn open_workspace_menu(client: &Client) {
    click(client, Locator::Css("[data-testid='workspace-menu']")).await;
    wait_until(client, "the workspace menu", || async {
        client
            .find(Locator::Css("[role='menu'][aria-label='Workspace']"))
            .await
            .ok()
    })
    .await;
}

/// Chooses the item of the open menu whose label starts with `label`.
async fn choose(client: &Client, label: &str) {
    click(
        client,
        Locator::XPath(&format!(
            "//div[@role='menu']//button[starts-with(normalize-space(.), '{label}')]"
        )),
    )
    .await;
}

/// Waits until the sidebar names `name` and its blueprint is drawn, and returns the page's text.
async fn wait_for_workspace(client: &Client, name: &str) -> page::Text {
    wait_until(
        client,
        &format!("the workspace {name} to be open"),
        || async {
            let header = client
                .execute(
                    "const t = document.querySelector(\"[data-testid='workspace-menu'] .title\"); \
                     return t ? t.textContent : null;",
                    vec![],
                )
                .await
                .ok()?;
            let header = header.as_str()?.trim().to_owned();
            header.starts_with(name).then_some(())
        },
    )
    .await;
    page::wait_for(client, &format!("a blueprint of {name}"), |text| {
        text.svg_texts > 20
    })
    .await
}

/// Waits until the native window's title ends with `suffix`.
async fn wait_for_title(client: &Client, suffix: &str) {
    wait_until(
        client,
        &format!("a window title ending {suffix:?}"),
        || async {
            let titles = x11::window_titles().ok()?;
            titles.iter().any(|t| t.ends_with(suffix)).then_some(())
        },
    )
    .await;
}

/// The text of the files notice, if one is shown.
async fn notice_text(client: &Client) -> Option<String> {
    client
        .find(Locator::Css("[data-testid='files-notice']"))
        .await
        .ok()?
        .text()
        .await
        .ok()
}

/// Waits for the files notice and returns its text.
async fn wait_for_notice(client: &Client) -> String {
    wait_until(client, "a notice about the file", || notice_text(client)).await
}

/// Types a card into the first stage of the customer lane by keyboard alone: Enter on the
/// blueprint with nothing selected opens a draft there.
async fn type_card(client: &Client, text: &str) {
    client
        .execute(
            "document.querySelector('[role=\"application\"]').focus();",
            vec![],
        )
        .await
        .expect("focus the blueprint");
    press(client, Key::Enter.into()).await;
    wait_until(client, "a draft card field to have the focus", || async {
        let value = client
            .execute(
                "const a = document.activeElement; return a && a.tagName === 'TEXTAREA' && a.value === '';",
                vec![],
            )
            .await
            .ok()?;
        value.as_bool()?.then_some(())
    })
    .await;
    let mut keys = KeyActions::new("keyboard".into());
    for c in text.chars() {
        keys = keys
            .then(KeyAction::Down { value: c })
            .then(KeyAction::Up { value: c });
    }
    client.perform_actions(keys).await.expect("type text");
    client.release_actions().await.expect("release the keys");
    press(client, Key::Enter.into()).await;
    press(client, Key::Escape.into()).await;
    page::wait_for(client, "the typed card", |t| t.svg_has(text)).await;
}
