//! Exporting from the real window: the sample journey exported as a PNG at 1× without title block and
//! legend (exactly what the screen shows) through the export dialog, then compared with a screenshot
//! of the same part of the blueprint at 100 %; then the exported picture imported back as a new
//! journey. Both crops land in `target/e2e/` for people to look at.
//!
//! WebDriver can drive neither the native save dialog nor a file dropped on the window: the test sets
//! `window.__throughlineExportPath` (the UI then exports there without a dialog) and imports through
//! the `import_picture_file` command the drop calls.
//!
//! Needs a display: `cargo xtask test` runs it under Xvfb.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use fantoccini::{Client, Locator};
use serde_json::json;
use support::app::{App, Dirs};
use support::export;
use support::screenshot;
use support::ui::{click, settle, wait_find, wait_for_text, wait_until};
use throughline_api::OpenWorkspace;

/// The part of the blueprint compared, in scene units: the lane headers, the first stages and the
/// top lanes, clear of the sheet's edge (which only the screen draws).
const CROP: Crop = Crop {
    x: 4,
    y: 4,
    width: 600,
    height: 400,
};

/// Largest mean absolute difference per channel allowed between screen and export, as a fraction of
/// full scale. The two draw the same scene with the same font, but WebKit (Cairo, subpixel positions,
/// its own hinting) and resvg rasterise glyph edges and anti-aliased lines differently; the measured
/// difference on this crop is printed by the test (about 1–2 %), and a picture that is off by even a
/// few pixels, or missing a lane tint or a card, differs by well over 5 %.
const TOLERANCE: f64 = 0.04;

#[derive(Clone, Copy, Debug)]
struct Crop {
    x: u32,
    y: u32,
    width: u32,
    height: u32,
}

#[test]
fn an_export_looks_like_the_screen_and_imports_back() {
    support::scenario(export());
}

async fn export() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dirs = Dirs::under(tmp.path());
    let app = App::launch_on_sample(&dirs).await;
    let client = &app.client;

    let dpr = client
        .execute("return window.devicePixelRatio;", vec![])
        .await
        .expect("read the device pixel ratio")
        .as_f64()
        .expect("a number");
    let scale = dpr.round() as u32;
    assert!(
        (1..=4).contains(&scale) && (dpr - f64::from(scale)).abs() < 1e-6,
        "the comparison needs a whole device pixel ratio from 1 to 4, not {dpr}"
    );

    let out = tmp.path().join("home-insurance-claim.png");
    export::save_next_at(client, &out).await;

    click(client, Locator::Css("[data-testid='export-button']")).await;
    wait_find(client, Locator::Css("[data-testid='export-dialog']")).await;
    settle(client).await;
    screenshot::save_and_check_table(client, "export-dialog").await;
    click(client, Locator::Css("[data-testid='export-format-png']")).await;
    width_past_the_limit_is_refused(client).await;
    click(
        client,
        Locator::Css(&format!("[data-testid='export-scale-{scale}']")),
    )
    .await;
    for include in ["titleBlock", "legend"] {
        untick(client, include).await;
    }
    click(client, Locator::Css("[data-testid='export-save']")).await;
    let done = wait_find(client, Locator::Css("[data-testid='export-done']")).await;
    assert_eq!(
        done.text().await.expect("the export's message"),
        "Exported home-insurance-claim.png"
    );
    let exported = fs::read(&out).expect("the exported file");
    settle(client).await;
    screenshot::save_and_check(client, "export-done").await;

    let screen = screen_at_actual_size(client, dpr).await;
    let (png_pixels, png_width, _) = rgb(&exported);
    let file_crop = crop(&png_pixels, png_width, CROP, scale);
    let screen_crop = crop(
        &screen.pixels,
        screen.width,
        Crop {
            x: screen.origin.0 + CROP.x * scale,
            y: screen.origin.1 + CROP.y * scale,
            ..CROP
        },
        scale,
    );
    let dir = e2e_dir();
    let (w, h) = (CROP.width * scale, CROP.height * scale);
    save_png(&dir.join("export-file-crop.png"), &file_crop, w, h);
    save_png(&dir.join("export-screen-crop.png"), &screen_crop, w, h);
    let difference = mean_difference(&file_crop, &screen_crop);
    println!(
        "screen vs export: mean absolute difference {:.2} % per channel over {w}×{h} px \
         (tolerance {:.0} %); crops in {}",
        difference * 100.0,
        TOLERANCE * 100.0,
        dir.display()
    );
    assert!(
        difference < TOLERANCE,
        "the exported PNG differs from the screen by {:.2} % (more than {:.0} %); compare \
         target/e2e/export-file-crop.png with export-screen-crop.png",
        difference * 100.0,
        TOLERANCE * 100.0
    );

    import_back(client, &dirs, &out).await;
    app.close().await;
}

/// A PNG width past the renderer's limit: the dialog says so in the words of Rust's rule and keeps
/// Export off until the size is changed.
async fn width_past_the_limit_is_refused(client: &Client) {
    let width = wait_find(client, Locator::Css("[data-testid='export-width']")).await;
    width.click().await.expect("click the width field");
    width.clear().await.expect("clear the width field");
    width.send_keys("30000").await.expect("type a width");
    let refusal = wait_for_text(
        client,
        "[data-testid='export-dialog'] [role='alert']",
        |t| t.contains("20,000"),
    )
    .await;
    assert_eq!(
        refusal,
        "The PNG width must be a whole number of pixels from 1 to 20,000."
    );
    let save = wait_find(client, Locator::Css("[data-testid='export-save']")).await;
    assert!(
        !save.is_enabled().await.expect("read the Export button"),
        "Export stays off while the width is refused"
    );
    screenshot::save_and_check_table(client, "export-width-refused").await;
}

/// Unticks one of the export dialog's "Include" boxes.
async fn untick(client: &Client, include: &str) {
    let locator = format!("[data-testid='export-include-{include}']");
    let boxed = wait_find(client, Locator::Css(&locator)).await;
    if boxed
        .prop("checked")
        .await
        .expect("read a checkbox")
        .as_deref()
        == Some("true")
    {
        boxed.click().await.expect("untick a checkbox");
    }
}

/// A screenshot of the window with the blueprint at 100 % and its top-left corner in view.
struct Screen {
    pixels: Vec<u8>,
    width: u32,
    /// Where scene (0, 0) is, in screenshot pixels.
    origin: (u32, u32),
}

/// Sets the zoom to 100 %, scrolls the blueprint's top-left corner near the canvas's, and takes a
/// screenshot once the WebView has painted it.
async fn screen_at_actual_size(client: &Client, dpr: f64) -> Screen {
    click(
        client,
        Locator::XPath("//button[normalize-space(.)='100 %']"),
    )
    .await;
    wait_until(client, "the zoom at 100 %", || async {
        let label = client
            .find(Locator::Css("output[aria-label='Zoom level']"))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        (label == "100 %").then_some(())
    })
    .await;
    // Scroll with wheel events on the canvas (a plain wheel pans) until scene (0, 0) sits 16 px inside
    // the canvas's top-left corner. The SVG's box holds a margin around the sheet (its negative CSS
    // margin), so the sheet starts that far inside it.
    let origin = wait_until(client, "the blueprint's corner in view", || async {
        let value = client
            .execute(
                "const canvas = document.querySelector('[role=\"application\"]').getBoundingClientRect();
                 const svg = document.querySelector('svg[role=\"figure\"]');
                 const box = svg.getBoundingClientRect();
                 const k = box.width / svg.width.baseVal.value;
                 const margin = -parseFloat(getComputedStyle(svg).marginLeft) * k;
                 const at = { left: box.left + margin, top: box.top + margin };
                 const dx = at.left - (canvas.left + 16), dy = at.top - (canvas.top + 16);
                 if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) return [at.left, at.top, k];
                 document.querySelector('[role=\"application\"]').dispatchEvent(
                   new WheelEvent('wheel', { deltaX: dx, deltaY: dy, bubbles: true, cancelable: true }));
                 return null;",
                vec![],
            )
            .await
            .ok()?;
        let v = value.as_array()?;
        let (x, y, k) = (v[0].as_f64()?, v[1].as_f64()?, v[2].as_f64()?);
        assert!((k - 1.0).abs() < 1e-3, "the zoom is {k}, not 1");
        Some(((x * dpr).round() as u32, (y * dpr).round() as u32))
    })
    .await;
    settle(client).await;
    let bytes = screenshot::take(client).await;
    fs::write(e2e_dir().join("export-screen.png"), &bytes).expect("save the screenshot");
    let (pixels, width, _) = rgb(&bytes);
    Screen {
        pixels,
        width,
        origin,
    }
}

/// Imports the exported picture through the command a drop on the window calls, and checks the new
/// journey is in the workspace file and, after a reload, in the sidebar.
async fn import_back(client: &Client, dirs: &Dirs, picture: &Path) {
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.__TAURI_INTERNALS__.invoke('import_picture_file', { path: arguments[0] })
               .then((r) => done({ ok: r }), (e) => done({ err: e }));",
            vec![json!(picture.to_str().expect("a UTF-8 path"))],
        )
        .await
        .expect("invoke import_picture_file");
    let journey = result["ok"]["journey"]
        .as_str()
        .unwrap_or_else(|| panic!("the import failed: {result}"))
        .to_owned();
    let file = dirs.data.join("throughline/default.throughline");
    let ws = OpenWorkspace::open_read_only(&file).expect("open the workspace file");
    let imported = ws
        .journeys()
        .into_iter()
        .find(|j| j.id.to_string() == journey)
        .expect("the imported journey is in the file");
    assert_eq!(imported.name, "Home insurance claim (imported)");
    drop(ws);
    client.refresh().await.expect("reload the window");
    let sidebar = wait_find(client, Locator::Css("nav[aria-label='Journeys']")).await;
    wait_until(client, "the imported journey in the sidebar", || async {
        let text = sidebar.text().await.ok()?;
        text.contains(&imported.name).then_some(())
    })
    .await;
}

/// A PNG's pixels as 8-bit RGB (alpha composited on white), with its width and height.
fn rgb(bytes: &[u8]) -> (Vec<u8>, u32, u32) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a PNG's size")];
    let info = reader.next_frame(&mut buf).expect("PNG pixels");
    let channels = info.color_type.samples();
    let pixels = buf[..info.buffer_size()]
        .chunks(channels)
        .flat_map(|p| match channels {
            1 => [p[0], p[0], p[0]],
            2 => [over_white(p[0], p[1]); 3],
            3 => [p[0], p[1], p[2]],
            _ => [
                over_white(p[0], p[3]),
                over_white(p[1], p[3]),
                over_white(p[2], p[3]),
            ],
        })
        .collect();
    (pixels, info.width, info.height)
}

fn over_white(value: u8, alpha: u8) -> u8 {
    let a = u32::from(alpha);
    ((u32::from(value) * a + 255 * (255 - a) + 127) / 255) as u8
}

/// The `crop` (scene units, times `scale` in pixels) of an RGB image `width` pixels wide.
fn crop(pixels: &[u8], width: u32, crop: Crop, scale: u32) -> Vec<u8> {
    let (w, h) = (crop.width * scale, crop.height * scale);
    let height = pixels.len() as u32 / 3 / width;
    assert!(
        crop.x + w <= width && crop.y + h <= height,
        "{crop:?} at {scale}× is outside the {width}×{height} image"
    );
    let mut out = Vec::with_capacity((w * h * 3) as usize);
    for y in crop.y..crop.y + h {
        let start = ((y * width + crop.x) * 3) as usize;
        out.extend_from_slice(&pixels[start..start + (w * 3) as usize]);
    }
    out
}

/// Mean absolute difference of two RGB images of one size, per channel, as a fraction of 255.
fn mean_difference(a: &[u8], b: &[u8]) -> f64 {
    assert_eq!(a.len(), b.len());
    let sum: u64 = a
        .iter()
        .zip(b)
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    sum as f64 / a.len() as f64 / 255.0
}

fn save_png(path: &Path, pixels: &[u8], width: u32, height: u32) {
    let file = fs::File::create(path).expect("create a crop file");
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().expect("PNG header");
    writer.write_image_data(pixels).expect("PNG pixels");
}

/// `target/e2e/`, where the screenshots go.
fn e2e_dir() -> PathBuf {
    let dir = screenshot::saved_dir();
    fs::create_dir_all(&dir).expect("create target/e2e");
    dir
}
