//! Accessibility in the real window: axe-core finds no serious or critical WCAG 2.2 A/AA failure on
//! any view (Blueprint, Ownership, Entities, Personas), in the Export dialog or in any dock panel (Details,
//! Impact, Checks, History, Changes); the blueprint reads as a table of stages by lanes with each
//! card's text and markers; Tab reaches the controls and every one shows a focus ring; and with the
//! page's default text one size larger the toolbar still fits 1280 × 720.
//!
//! axe-core comes from the UI's dev dependencies (ui/node_modules/axe-core, `npm --prefix ui ci`), or
//! from the file THROUGHLINE_AXE_JS names. WebDriver's script execution injects it: the window's CSP
//! forbids script elements that are not the app's own, but not the automation's scripts.
//!
//! Needs a display: `xvfb-run -a cargo test -p throughline-app --test accessibility`.

mod support;

use std::path::PathBuf;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use support::app::{App, Dirs};
use support::input::{press, press_chord, type_text, wait_for_focus_on_canvas};
use support::manage::ask_for_impact;
use support::screenshot;
use support::ui::{click, settle, wait_find, wait_for_text, wait_until};

/// A system of the sample whose impact reaches the journey on screen.
const ENTITY: &str = "CRM";

fn axe_source() -> String {
    let path = std::env::var_os("THROUGHLINE_AXE_JS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/node_modules/axe-core/axe.min.js"),
        PathBuf::from,
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; axe-core is a dev dependency of the UI: run `npm --prefix ui ci` \
             (or name axe.min.js in THROUGHLINE_AXE_JS)",
            path.display()
        )
    })
}

/// Runs axe-core on the page as it is now and fails on serious or critical findings, naming them.
async fn audit(client: &Client, axe: &str, view: &str) {
    let loaded = client
        .execute(
            &format!("{axe}\n;return typeof window.axe === 'object' ? window.axe.version : null;"),
            vec![],
        )
        .await
        .expect("inject axe-core");
    assert!(loaded.is_string(), "axe-core did not load: {loaded}");
    let found = client
        .execute(
            "return window.axe.run(document, {
               runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
               resultTypes: ['violations'],
             }).then((r) => r.violations
               .filter((v) => v.impact === 'serious' || v.impact === 'critical')
               .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.slice(0, 6).map((n) => n.target.join(' ') + ' — ' + n.failureSummary) })));",
            vec![],
        )
        .await
        .expect("run axe-core");
    let findings = found.as_array().cloned().unwrap_or_default();
    eprintln!(
        "{view}: axe-core {} — {} serious or critical",
        loaded,
        findings.len()
    );
    assert!(
        findings.is_empty(),
        "{view}: axe-core found serious or critical failures:\n{}",
        serde_json::to_string_pretty(&findings).unwrap_or_default()
    );
}

#[test]
fn every_view_passes_axe_and_reads_as_a_grid() {
    support::scenario(accessibility());
}

async fn accessibility() {
    let axe = axe_source();
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let app = App::launch_on_sample(&dirs).await;
    let client = &app.client;
    client
        .set_window_size(1280, 720)
        .await
        .expect("resize the window");
    wait_for_focus_on_canvas(client).await;

    blueprint_reads_as_a_grid(client).await;
    audit(client, &axe, "Blueprint with Details").await;

    click(client, Locator::Css("[data-testid='export-button']")).await;
    wait_find(client, Locator::Css("[role='dialog'][aria-modal='true']")).await;
    settle(client).await;
    audit(client, &axe, "Export dialog").await;
    press(client, Key::Escape.into()).await;

    click(client, Locator::Css("[data-testid='toggle-checks']")).await;
    wait_find(client, Locator::Css("#dock-panel-checks:not([hidden])")).await;
    settle(client).await;
    audit(client, &axe, "Checks panel").await;

    click(client, Locator::Css("[data-testid='toggle-history']")).await;
    wait_find(client, Locator::Css("[data-testid='history-panel']")).await;
    settle(client).await;
    audit(client, &axe, "History panel").await;

    compare_with_a_version(client).await;
    audit(client, &axe, "Changes panel").await;
    click(client, Locator::Css("[data-testid='snapshot-close']")).await;

    click(client, Locator::Css("[data-testid='view-ownership']")).await;
    wait_find(client, Locator::Css("[data-testid='ownership-row']")).await;
    settle(client).await;
    audit(client, &axe, "Ownership view").await;

    click(client, Locator::Css("[data-testid='view-entities']")).await;
    wait_find(client, Locator::Css("[data-testid='entity-row']")).await;
    settle(client).await;
    audit(client, &axe, "Entities view").await;
    screenshot::save_and_check_table(client, "accessibility-entities").await;

    click(client, Locator::Css("[data-testid='view-personas']")).await;
    wait_find(client, Locator::Css("[data-testid='personas-view']")).await;
    settle(client).await;
    audit(client, &axe, "Personas view").await;
    screenshot::save_and_check_table(client, "accessibility-personas").await;

    click(client, Locator::Css("[data-testid='view-opportunities']")).await;
    let title = wait_find(
        client,
        Locator::Css("input[aria-label='Title of the new opportunity']"),
    )
    .await;
    title
        .send_keys("Call back within the hour")
        .await
        .expect("type an opportunity");
    click(
        client,
        Locator::XPath("//section[@data-testid='opportunities-view']//button[@type='submit']"),
    )
    .await;
    wait_find(client, Locator::Css("[data-testid='opportunity-details']")).await;
    settle(client).await;
    audit(client, &axe, "Opportunities view").await;
    screenshot::save_and_check_table(client, "accessibility-opportunities").await;

    click(client, Locator::Css("[data-testid='toggle-comments']")).await;
    wait_find(client, Locator::Css("[data-testid='comments-panel']")).await;
    settle(client).await;
    audit(client, &axe, "Comments panel").await;

    ask_for_impact(client, ENTITY).await;
    settle(client).await;
    audit(client, &axe, "Impact panel").await;

    focus_rings(client).await;
    larger_text_fits(client).await;

    click(client, Locator::Css("[data-testid='view-future']")).await;
    wait_find(client, Locator::Css("[data-testid='create-future']")).await;
    settle(client).await;
    audit(client, &axe, "Future state view, none yet").await;
    click(client, Locator::Css("[data-testid='create-future']")).await;
    wait_find(client, Locator::Css("[data-testid='future-summary']")).await;
    wait_find(client, Locator::Css("[data-testid='future-figure-kept']")).await;
    settle(client).await;
    audit(client, &axe, "Future state view").await;
    app.close().await;
}

/// The blueprint's table: a column header per stage, a row header per lane, and every card drawn is a
/// cell item whose text begins with the card's text.
async fn blueprint_reads_as_a_grid(client: &Client) {
    let shape = client
        .execute(
            "const t = document.querySelector('[data-testid=\"blueprint-grid\"]');
             const cols = [...t.querySelectorAll('thead th[scope=col]')].map((h) => h.textContent.trim());
             const rows = [...t.querySelectorAll('tbody th[scope=row]')].map((h) => h.textContent.trim());
             const stages = [...document.querySelectorAll('svg[role=\"figure\"] [data-stage], svg[role=\"figure\"] g.stage')].length;
             const drawn = document.querySelectorAll('svg[role=\"figure\"] g[data-id] > rect:first-child').length;
             const items = [...t.querySelectorAll('li[data-card]')].map((li) => li.textContent.replace(/\\s+/g, ' ').trim());
             return { label: t.getAttribute('aria-label'), cols, rows, drawn, items, stages };",
            vec![],
        )
        .await
        .expect("read the blueprint's table");
    let cols = shape["cols"].as_array().map_or(0, Vec::len);
    let rows = shape["rows"].as_array().map_or(0, Vec::len);
    let items = shape["items"].as_array().cloned().unwrap_or_default();
    assert!(
        shape["label"]
            .as_str()
            .is_some_and(|l| l.starts_with("Blueprint grid: ")),
        "{shape}"
    );
    assert!(
        cols >= 3 && rows >= 3,
        "stages and lanes as headers: {shape}"
    );
    // The drawing leaves out cards off screen; the table has them all.
    let drawn = shape["drawn"].as_u64().unwrap_or_default();
    assert!(
        drawn > 0 && items.len() as u64 >= drawn,
        "every card drawn is in the table: {shape}"
    );
    assert!(
        items
            .iter()
            .any(|i| i.as_str().is_some_and(|t| t.contains("Moment of truth"))),
        "a moment of truth is read out: {shape}"
    );
    assert!(
        items
            .iter()
            .any(|i| i.as_str().is_some_and(|t| t.contains("Owner: "))),
        "owners are read out: {shape}"
    );
    eprintln!(
        "blueprint table: {cols} stages × {rows} lanes, {} cards; first: {}",
        items.len(),
        items[0]
    );
}

/// Saves a version, changes a card and compares, so the Changes panel is in the dock.
async fn compare_with_a_version(client: &Client) {
    click(client, Locator::Css("[data-testid='save-version']")).await;
    wait_find(client, Locator::Css("[data-testid='version-name']")).await;
    type_text(client, "Before the audit").await;
    click(client, Locator::Css("[data-testid='version-save']")).await;
    wait_for_text(client, "[data-testid='version-row'] .name", |t| {
        t == "Before the audit"
    })
    .await;
    support::blueprint::click_card(client, "Water stain spreading").await;
    press_chord(client, &[Key::Control], 'd').await;
    click(client, Locator::Css("[data-testid='compare-with']")).await;
    click(client, Locator::Css("[data-testid='compare-version']")).await;
    wait_for_text(client, "[data-testid='compare-counts']", |t| !t.is_empty()).await;
    wait_find(client, Locator::Css("#dock-panel-changes:not([hidden])")).await;
    settle(client).await;
    screenshot::save_and_check(client, "accessibility-changes").await;
}

/// Tab walks the window's controls; each one, as it takes the keyboard, shows a ring (an outline, an
/// inset shadow, or the edges of its `data-focus-ring`), and Tab leaves every control it enters (no
/// trap outside dialogs).
async fn focus_rings(client: &Client) {
    click(client, Locator::Css("[data-testid='view-blueprint']")).await;
    wait_for_focus_on_canvas(client).await;
    let mut seen = Vec::new();
    let mut unringed = Vec::new();
    for n in 0..40 {
        press(client, Key::Tab.into()).await;
        let focus = client
            .execute(
                "const e = document.activeElement;
                 if (!e || e === document.body) return null;
                 const s = getComputedStyle(e);
                 const edges = [...(e.querySelector(':scope > [data-focus-ring]')?.children ?? [])];
                 const drawn = (edge) => { const r = edge.getBoundingClientRect();
                   return getComputedStyle(edge).visibility === 'visible' && r.width > 0 && r.height > 0; };
                 const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
                   || (edges.length === 4 && edges.every(drawn));
                 const name = e.getAttribute('aria-label') || e.getAttribute('data-testid') || e.textContent.trim().slice(0, 30) || e.tagName;
                 return { name, ring, visible: e.matches(':focus-visible') };",
                vec![],
            )
            .await
            .expect("read the focus");
        if focus.is_null() {
            continue;
        }
        let name = focus["name"].as_str().unwrap_or_default().to_owned();
        if focus["ring"] != json!(true) {
            unringed.push(name.clone());
        }
        if n == 3 || n == 12 {
            settle(client).await;
            screenshot::save_and_check(client, &format!("accessibility-focus-{n}")).await;
        }
        seen.push(name);
    }
    let distinct: std::collections::BTreeSet<&String> = seen.iter().collect();
    eprintln!("Tab reached {} controls: {seen:?}", distinct.len());
    assert!(distinct.len() >= 10, "Tab is stuck: {seen:?}");
    assert!(
        unringed.is_empty(),
        "focused without a visible ring: {unringed:?}"
    );
}

/// The default text a quarter larger (a desktop text scale of 1.25 makes the page's 14 px root
/// 17.5 px): the UI's text grows with it (the tabs' 13 px become 16.25 px) and every toolbar control
/// and view tab stays inside the 1280 × 720 window.
async fn larger_text_fits(client: &Client) {
    let base = client
        .execute(
            "document.documentElement.style.fontSize = '17.5px';
             return parseFloat(getComputedStyle(document.documentElement).fontSize);",
            vec![],
        )
        .await
        .expect("scale the text");
    settle(client).await;
    let out: Value = wait_until(client, "the toolbar laid out with larger text", || async {
        let v = client
            .execute(
                "const controls = [...document.querySelectorAll('.toolbar button, .views button')]
                   .filter((b) => getComputedStyle(b).display !== 'none' && b.offsetParent !== null);
                 const outside = controls.filter((b) => {
                   const r = b.getBoundingClientRect();
                   return r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight + 0.5 || r.width < 4;
                 }).map((b) => b.getAttribute('aria-label') || b.textContent.trim());
                 const tab = document.querySelector('[data-testid=\"view-blueprint\"]');
                 return { controls: controls.length, outside, tabFont: parseFloat(getComputedStyle(tab).fontSize) };",
                vec![],
            )
            .await
            .ok()?;
        (v["controls"].as_u64()? > 5).then_some(v)
    })
    .await;
    screenshot::save_and_check(client, "accessibility-larger-text").await;
    eprintln!("root font {base} px: {out}");
    assert!(
        out["tabFont"].as_f64().unwrap_or_default() > 16.0,
        "the UI's text does not follow the default size: {out}"
    );
    assert_eq!(out["outside"], json!([]), "controls off the window: {out}");
    client
        .execute("document.documentElement.style.fontSize = '';", vec![])
        .await
        .expect("restore the text size");
}
