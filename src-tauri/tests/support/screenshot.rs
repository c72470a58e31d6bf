//! Screenshots of the app, kept in `target/e2e/` for people to look at, and checked for not being
//! blank (a white or black window is the typical failure of a WebView that did not draw).

use std::collections::HashSet;
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::Client;

use super::app::APP;
use super::page::PATIENCE;

/// Distinct colours a drawn blueprint has at least: anti-aliased text and lane tints give thousands,
/// the window chrome alone a few hundred.
const MIN_COLOURS: usize = 1000;

/// Distinct colours a message screen has at least: its text; a blank window has a handful.
const MIN_COLOURS_MESSAGE: usize = 300;

/// Fraction of pixels that must not be white in a blueprint.
const MIN_NON_WHITE: f64 = 0.1;

/// Fraction of pixels that must not be white in a table or form view, which is mostly white paper.
const MIN_NON_WHITE_TABLE: f64 = 0.02;

/// Takes screenshots of the WebView until one shows a drawing (the DOM can be ready a frame before
/// it is painted), saves it as `target/e2e/<name>.png` and returns where it is; panics if none does
/// within [`PATIENCE`].
pub async fn save_and_check(client: &Client, name: &str) -> PathBuf {
    save_and_check_with(client, name, MIN_COLOURS, MIN_NON_WHITE).await
}

/// [`save_and_check`] for a view of tables and forms rather than a blueprint.
pub async fn save_and_check_table(client: &Client, name: &str) -> PathBuf {
    save_and_check_with(client, name, MIN_COLOURS, MIN_NON_WHITE_TABLE).await
}

/// [`save_and_check`] for a screen with a short message on a tinted background (the error
/// screen), which has only a few hundred colours of anti-aliased text.
pub async fn save_and_check_message(client: &Client, name: &str) -> PathBuf {
    save_and_check_with(client, name, MIN_COLOURS_MESSAGE, MIN_NON_WHITE).await
}

async fn save_and_check_with(
    client: &Client,
    name: &str,
    min_colours: usize,
    min_non_white: f64,
) -> PathBuf {
    let dir = target_dir().join("e2e");
    fs::create_dir_all(&dir).expect("create target/e2e");
    let path = dir.join(format!("{name}.png"));
    let deadline = Instant::now() + PATIENCE;
    loop {
        let bytes = take(client).await;
        fs::write(&path, &bytes).expect("save the screenshot");
        let stats = Stats::of_png(&bytes);
        if stats.colours >= min_colours && stats.non_white >= min_non_white {
            return path;
        }
        assert!(
            Instant::now() < deadline,
            "{} looks blank: {} distinct colours, {:.1} % non-white pixels",
            path.display(),
            stats.colours,
            stats.non_white * 100.0
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// A PNG of the WebView as it is on screen. WebKitWebDriver answers a screenshot after the page's next
/// presentation update; with compositing off (the app's choice on a machine without a GPU) a page at
/// rest never has one, and the request would wait for ever. So while the screenshot is taken, a 1×1
/// pixel in the page's top-left corner, almost transparent (1–2 % black), changes every frame; it is
/// removed afterwards.
pub async fn take(client: &Client) -> Vec<u8> {
    client
        .execute(
            "const tick = document.createElement('div');
             tick.id = 'e2e-repaint-tick';
             tick.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;z-index:2147483647';
             document.body.append(tick);
             let odd = false;
             (function frame() {
               if (!tick.isConnected) return;
               odd = !odd;
               tick.style.background = odd ? 'rgba(0,0,0,0.01)' : 'rgba(0,0,0,0.02)';
               requestAnimationFrame(frame);
             })();",
            vec![],
        )
        .await
        .expect("start repainting for the screenshot");
    let bytes = client.screenshot().await.expect("take a screenshot");
    client
        .execute(
            "document.getElementById('e2e-repaint-tick')?.remove();",
            vec![],
        )
        .await
        .expect("stop repainting");
    bytes
}

/// `target/e2e/`, where the screenshots are saved.
pub fn saved_dir() -> PathBuf {
    target_dir().join("e2e")
}

/// Cargo's target directory: the app binary lives in `<target>/<profile>/`, so this holds with any
/// `CARGO_TARGET_DIR` or profile.
fn target_dir() -> PathBuf {
    Path::new(APP)
        .parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"))
}

/// What a screenshot contains, in two numbers.
#[derive(Debug)]
struct Stats {
    /// Distinct RGB colours.
    colours: usize,
    /// Fraction of pixels that are not (nearly) white.
    non_white: f64,
}

impl Stats {
    /// Decodes a PNG of any colour type to 8-bit RGB(A) and counts its colours.
    fn of_png(bytes: &[u8]) -> Stats {
        let mut decoder = png::Decoder::new(Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::normalize_to_color8());
        let mut reader = decoder.read_info().expect("screenshot is a PNG");
        let mut pixels = vec![
            0;
            reader
                .output_buffer_size()
                .expect("screenshot size fits memory")
        ];
        let info = reader
            .next_frame(&mut pixels)
            .expect("decode the screenshot");
        let channels = info.color_type.samples();
        let pixels = &pixels[..info.buffer_size()];
        let rgb: Vec<[u8; 3]> = pixels
            .chunks_exact(channels)
            .map(|p| match channels {
                1 | 2 => [p[0]; 3],
                _ => [p[0], p[1], p[2]],
            })
            .collect();
        let non_white = rgb.iter().filter(|p| p.iter().any(|&c| c < 240)).count();
        Stats {
            colours: rgb.iter().collect::<HashSet<_>>().len(),
            non_white: non_white as f64 / rgb.len().max(1) as f64,
        }
    }
}
