//! The side panels never crush the window: at 1280 × 720, every combination of Details, Impact and
//! Checks shares one dock of tabs beside the blueprint, every toolbar control stays on screen and the
//! canvas keeps at least half the window; the same holds with the sidebar folded. A blueprint fitted
//! whole stays whole when a panel opens beside it. Driven through WebKitWebDriver; screenshots land in
//! `target/e2e/`.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use support::app::{generate, App, Dirs};
use support::input::{press, press_chord, wait_for_focus_on_canvas};
use support::manage::{ask_for_impact, impact_button};
use support::page;
use support::screenshot;
use support::ui::{click, settle, wait_find, wait_until};
use support::x11;

/// The window every combination is tried in: the smallest the app is designed for.
const WIDTH: u32 = 1280;
const HEIGHT: u32 = 720;

/// A system of the sample whose impact reaches the claim journey on screen.
const ENTITY: &str = "CRM";

/// Which side panels are open.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Panels {
    details: bool,
    impact: bool,
    checks: bool,
}

impl Panels {
    /// The combination numbered `n` (0–7), one bit per panel.
    fn numbered(n: u8) -> Panels {
        Panels {
            details: n & 1 != 0,
            impact: n & 2 != 0,
            checks: n & 4 != 0,
        }
    }

    /// The dock's tabs for these panels, in the dock's order.
    fn tabs(self) -> Vec<&'static str> {
        [
            ("details", self.details),
            ("impact", self.impact),
            ("checks", self.checks),
        ]
        .into_iter()
        .filter_map(|(name, open)| open.then_some(name))
        .collect()
    }

    /// A name for the screenshot.
    fn name(self) -> String {
        let tabs = self.tabs();
        if tabs.is_empty() {
            "none".into()
        } else {
            tabs.join("-")
        }
    }
}

#[test]
fn every_panel_combination_fits_1280_by_720() {
    support::scenario(combinations());
}

async fn combinations() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let app = App::launch_on_sample(&dirs).await;
    let client = &app.client;
    client
        .set_window_size(WIDTH, HEIGHT)
        .await
        .expect("resize the window");

    for folded in [false, true] {
        for n in 0..8 {
            let want = Panels::numbered(n);
            set_panels(client, want).await;
            let layout = check_layout(client, want).await;
            let fold = if folded { "-folded" } else { "" };
            settle(client).await;
            screenshot::save_and_check(client, &format!("panels-{}{fold}", want.name())).await;
            eprintln!("{}: {layout}", want.name());
        }
        if !folded {
            press_chord(client, &[Key::Control], 'b').await;
            wait_find(client, Locator::Css("[data-testid='sidebar-unfold']")).await;
        }
    }
    click(client, Locator::Css("[data-testid='sidebar-unfold']")).await;
    ownership_table(client).await;
    app.close().await;
}

#[test]
fn impact_from_the_entities_tab_leaves_no_tooltip_over_the_blueprint() {
    support::scenario(tooltip_after_impact());
}

/// A manager rests the mouse on Impact in the Entities tab, reads its tooltip and clicks: the
/// blueprint comes back and the tooltip of a button no longer on screen must go with it, though the
/// pointer has not moved (GTK alone would keep it until the next motion). The real pointer is moved
/// through X11 so that GTK shows the native tooltip; the click itself is WebDriver's, which GTK does
/// not see, as it would not see a keyboard-triggered click either.
async fn tooltip_after_impact() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let app = App::launch_on_sample(&dirs).await;
    let client = &app.client;
    let button = impact_button(client, ENTITY).await;
    let (x, y) = on_screen(client, &button).await;
    let before = x11::shown_popups().expect("read the X11 windows");
    x11::move_pointer(x - 2, y).expect("move the pointer");
    x11::move_pointer(x, y).expect("move the pointer");
    let tooltip = wait_until(client, "the Impact button's tooltip on screen", || async {
        let now = x11::shown_popups().ok()?;
        now.into_iter().find(|w| !before.contains(w))
    })
    .await;
    button.click().await.expect("ask for the impact");
    wait_find(client, Locator::Css("[data-testid='impact-panel']")).await;
    wait_until(client, "the tooltip gone with the Entities tab", || async {
        let now = x11::shown_popups().ok()?;
        (!now.contains(&tooltip)).then_some(())
    })
    .await;
    settle(client).await;
    screenshot::save_and_check(client, "panels-impact-no-tooltip").await;
    app.close().await;
}

/// The screen pixel at the centre of `element`: the window's place on the screen, below the native
/// menu bar (whatever of the window the page does not fill), plus the element's place in the page.
async fn on_screen(client: &Client, element: &Element) -> (i16, i16) {
    let page = client
        .execute(
            "const r = arguments[0].getBoundingClientRect();
             return [r.x + r.width / 2, r.y + r.height / 2, window.innerWidth, window.innerHeight];",
            vec![serde_json::to_value(element).expect("an element reference")],
        )
        .await
        .expect("read where the element is");
    let at = |i: usize| page[i].as_f64().expect("a number");
    let (wx, wy, width, height) = x11::window_geometry("Throughline")
        .expect("read the X11 windows")
        .expect("the app's window");
    let left = f64::from(wx) + (f64::from(width) - at(2)).max(0.0) / 2.0;
    let top = f64::from(wy) + (f64::from(height) - at(3)).max(0.0);
    let x = (left + at(0)).round() as i16;
    let y = (top + at(1)).round() as i16;
    (x, y)
}

/// The ownership table at 1280 × 720 beside the checks: a manager sees a dozen rows at once and every
/// column, Linked included, without scrolling sideways; the summaries wait, folded, below it.
async fn ownership_table(client: &Client) {
    click(client, Locator::Css("[data-testid='view-ownership']")).await;
    wait_find(client, Locator::Css("[data-testid='ownership-row']")).await;
    let table = wait_until(client, "the ownership table laid out", || async {
        let v = client
            .execute(
                "const wrap = document.querySelector('.table-wrap').getBoundingClientRect();
                 const rows = [...document.querySelectorAll('[data-testid=\"ownership-row\"]')]
                   .map((r) => r.getBoundingClientRect())
                   .filter((r) => r.top >= wrap.top && r.bottom <= wrap.bottom + 0.5).length;
                 const heads = [...document.querySelectorAll('.table-wrap th')].map((h) => h.getBoundingClientRect());
                 const clipped = heads.filter((h) => h.right > wrap.right + 0.5).length;
                 return { rows, clipped, wrap: [wrap.width, wrap.height] };",
                vec![],
            )
            .await
            .ok()?;
        (v["rows"].as_u64()? > 0).then_some(v)
    })
    .await;
    settle(client).await;
    screenshot::save_and_check_table(client, "panels-ownership-1280x720").await;
    assert!(
        table["rows"].as_u64().unwrap_or(0) >= 10,
        "a dozen rows in view: {table}"
    );
    assert_eq!(table["clipped"], json!(0), "every column in view: {table}");
}

/// What is open now, read from the dock: every open panel is in it, shown or behind its tab.
async fn open_panels(client: &Client) -> Panels {
    let open = client
        .execute(
            "const ids = [...document.querySelectorAll('[id^=\"dock-panel-\"]')].map((p) => p.id.slice(11));
             return { details: ids.includes('details'), impact: ids.includes('impact'), checks: ids.includes('checks') };",
            vec![],
        )
        .await
        .expect("read the dock");
    let flag = |name: &str| open[name].as_bool().unwrap_or(false);
    Panels {
        details: flag("details"),
        impact: flag("impact"),
        checks: flag("checks"),
    }
}

/// Opens and closes panels the way a person does until `want` is open: the toolbar's View menu for
/// Details, the Checks button, an entity's Impact button; each panel's own close button (after
/// bringing its tab to the front) to close it.
async fn set_panels(client: &Client, want: Panels) {
    let now = open_panels(client).await;
    if now.impact && !want.impact {
        close_panel(client, "impact", "[data-testid='impact-clear']").await;
    }
    if now.details && !want.details {
        close_panel(client, "details", "[aria-label='Hide details']").await;
    }
    if now.checks && !want.checks {
        close_panel(client, "checks", "[aria-label='Hide checks']").await;
    }
    if !now.impact && want.impact {
        ask_for_impact(client, ENTITY).await;
    }
    if !now.details && want.details {
        open_details(client).await;
    }
    if !now.checks && want.checks {
        click(client, Locator::Css("[data-testid='toggle-checks']")).await;
    }
    let got = wait_until(client, &format!("the panels {want:?}"), || async {
        let got = open_panels(client).await;
        (got == want).then_some(got)
    })
    .await;
    assert_eq!(got, want);
}

/// Opens the details panel with the toolbar's Details button, or from the View menu where a narrow
/// toolbar folds it away.
async fn open_details(client: &Client) {
    let shown = client
        .execute(
            "const b = document.querySelector('[data-testid=\"toggle-details\"]');
             return b !== null && getComputedStyle(b).display !== 'none';",
            vec![],
        )
        .await
        .expect("look for the Details button");
    if shown == json!(true) {
        click(client, Locator::Css("[data-testid='toggle-details']")).await;
        return;
    }
    click(client, Locator::Css("[data-testid='toolbar-more']")).await;
    click(
        client,
        Locator::XPath("//*[@role='menuitemradio'][contains(normalize-space(.), 'Details panel')]"),
    )
    .await;
}

/// Brings a panel's tab to the front (when the dock has tabs) and presses its close button.
async fn close_panel(client: &Client, panel: &str, close: &str) {
    if client
        .find(Locator::Css(&format!("[data-testid='dock-tab-{panel}']")))
        .await
        .is_ok()
    {
        click(
            client,
            Locator::Css(&format!("[data-testid='dock-tab-{panel}']")),
        )
        .await;
    }
    click(
        client,
        Locator::Css(&format!("#dock-panel-{panel} {close}")),
    )
    .await;
}

/// Every toolbar control and view tab inside the window, the canvas at least half the window each
/// way, the dock's tabs those of the open panels, and the dock beside the canvas, never over it.
async fn check_layout(client: &Client, want: Panels) -> Value {
    let layout = wait_until(client, "the window laid out", || async {
        let v = client
            .execute(
                "const bar = document.querySelector('header.toolbar');
                 const canvas = document.querySelector('.canvas');
                 if (!bar || !canvas) return null;
                 const b = bar.getBoundingClientRect();
                 const visible = (x) => getComputedStyle(x).display !== 'none';
                 const outside = [...bar.querySelectorAll('button'), ...document.querySelectorAll('nav.views button')]
                   .filter(visible)
                   .filter((x) => { const r = x.getBoundingClientRect();
                     return r.width === 0 || r.left < 0 || r.right > innerWidth + 0.5
                       || (bar.contains(x) && (r.left < b.left - 0.5 || r.right > b.right + 0.5)); })
                   .map((x) => x.title || x.textContent.trim());
                 const c = canvas.getBoundingClientRect();
                 const dock = document.querySelector('[data-testid=\"dock\"]')?.getBoundingClientRect() ?? null;
                 const tabs = [...document.querySelectorAll('[data-testid^=\"dock-tab-\"]')].map((t) => t.dataset.testid.slice(9));
                 const front = document.querySelector('[id^=\"dock-panel-\"]:not([hidden])')?.id.slice(11) ?? null;
                 return { outside, canvas: [c.left, c.right, c.width, c.height], width: innerWidth, height: innerHeight,
                          title: bar.querySelector('.title').getBoundingClientRect().width,
                          dock: dock && [dock.left, dock.right], tabs, front };",
                vec![],
            )
            .await
            .ok()?;
        (v.get("width")?.as_f64()? <= f64::from(WIDTH) + 20.0).then_some(v)
    })
    .await;
    let name = want.name();
    assert_eq!(
        layout["outside"],
        json!([]),
        "{name}: controls cut off: {layout}"
    );
    let canvas = |i: usize| layout["canvas"][i].as_f64().unwrap_or(0.0);
    let width = layout["width"].as_f64().unwrap_or(0.0);
    let height = layout["height"].as_f64().unwrap_or(0.0);
    assert!(
        canvas(2) >= width / 2.0,
        "{name}: the canvas is crushed: {layout}"
    );
    assert!(
        canvas(3) >= height / 2.0,
        "{name}: the canvas is crushed: {layout}"
    );
    assert!(
        layout["title"].as_f64().unwrap_or(0.0) >= 100.0,
        "{name}: the journey's name is squeezed: {layout}"
    );
    let open = want.tabs();
    if open.len() > 1 {
        assert_eq!(
            layout["tabs"],
            json!(open),
            "{name}: the dock's tabs: {layout}"
        );
    } else {
        assert_eq!(
            layout["tabs"],
            json!([]),
            "{name}: one panel needs no tabs: {layout}"
        );
    }
    match open.first() {
        None => assert_eq!(
            layout["dock"],
            Value::Null,
            "{name}: an empty dock takes no room"
        ),
        Some(_) => {
            let front = layout["front"].as_str().unwrap_or("");
            assert!(open.contains(&front), "{name}: the front panel {front:?}");
            let dock_left = layout["dock"][0].as_f64().unwrap_or(0.0);
            let dock_right = layout["dock"][1].as_f64().unwrap_or(f64::MAX);
            assert!(
                dock_left >= canvas(1) - 0.5,
                "{name}: the dock covers the canvas: {layout}"
            );
            assert!(
                dock_right <= width + 0.5,
                "{name}: the dock runs off the window: {layout}"
            );
        }
    }
    layout
}

#[test]
fn a_fitted_blueprint_stays_whole_when_a_panel_opens() {
    support::scenario(refit());
}

async fn refit() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let workspace = generate(tmp.path(), "small", &["--stages", "4", "--cards", "12"]);
    let path = workspace.to_str().expect("temp paths are UTF-8");
    let app = App::launch(&["--workspace", path], &dirs).await;
    let client = &app.client;
    client
        .set_window_size(WIDTH, HEIGHT)
        .await
        .expect("resize the window");
    page::wait_for(client, "the small blueprint", |text| text.svg_texts > 5).await;
    click(client, Locator::Css("[aria-label='Hide details']")).await;
    wait_for_focus_on_canvas(client).await;
    press(client, 'f').await;
    let wide = whole_on_canvas(client, "fitted whole without a panel").await;

    click(client, Locator::Css("[data-testid='toggle-checks']")).await;
    wait_find(client, Locator::Css("[data-testid='checks-panel']")).await;
    let narrow = whole_on_canvas(client, "fitted whole again beside the checks").await;
    assert!(
        narrow["canvas"].as_f64() < wide["canvas"].as_f64(),
        "the checks took room from the canvas: {wide} then {narrow}"
    );
    settle(client).await;
    screenshot::save_and_check(client, "panels-refit-beside-checks").await;
    app.close().await;
}

/// Waits until every card of the journey is drawn inside the canvas; returns the canvas width.
async fn whole_on_canvas(client: &Client, what: &str) -> Value {
    wait_until(client, what, || async {
        let v = client
            .execute(
                "const canvas = document.querySelector('.canvas').getBoundingClientRect();
                 const total = +document.querySelector('[data-testid=\"scene-summary\"]').dataset.cards;
                 const cards = [...document.querySelectorAll('svg[role=\"figure\"] g[data-id] > rect:first-child')]
                   .map((r) => r.getBoundingClientRect());
                 const inside = cards.filter((r) => r.left >= canvas.left - 0.5 && r.right <= canvas.right + 0.5
                   && r.top >= canvas.top - 0.5 && r.bottom <= canvas.bottom + 0.5).length;
                 return { total, drawn: cards.length, inside, canvas: canvas.width };",
                vec![],
            )
            .await
            .ok()?;
        let total = v["total"].as_u64()?;
        (total > 0 && v["inside"].as_u64() == Some(total)).then_some(v)
    })
    .await
}
