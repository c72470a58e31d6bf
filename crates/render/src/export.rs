//! Scene → PNG and PDF, through the same SVG the screen shows: one parsed tree gives both, drawn with the
//! embedded fonts only, so an export looks the same on every machine and matches the window.

use std::io::Write;
use std::sync::Arc;

use thiserror::Error;

use crate::font::font_data;
use crate::scene::Scene;
use crate::svg::to_svg;

/// Longest side, in pixels, of a PNG export. Twice what browser-based tools manage; the pixel buffer
/// alone is then at most about 1.6 GB.
pub const MAX_PNG_SIDE: u32 = 20_000;

/// Why an export could not be made.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The picture would be bigger than the renderer allows.
    #[error("a PNG of {width} × {height} px is larger than the {max} px limit per side; choose a smaller scale")]
    TooLarge {
        /// Requested width.
        width: u32,
        /// Requested height.
        height: u32,
        /// The limit.
        max: u32,
    },
    /// The scale is not a positive number.
    #[error("the scale must be a number above 0, not {0}")]
    BadScale(f64),
    /// The SVG could not be parsed (a bug: the writer produced it).
    #[error("the blueprint's SVG could not be read back: {0}")]
    Svg(String),
    /// The PNG or PDF encoder failed.
    #[error("encoding the {format} failed: {message}")]
    Encode {
        /// "PNG" or "PDF".
        format: &'static str,
        /// What the encoder said.
        message: String,
    },
}

/// Parses the scene's SVG with the embedded fonts (and no system fonts).
pub fn svg_tree(scene: &Scene) -> Result<usvg::Tree, ExportError> {
    let mut db = usvg::fontdb::Database::new();
    for data in font_data() {
        db.load_font_data(data.to_vec());
    }
    db.set_sans_serif_family("Noto Sans");
    let options = usvg::Options {
        font_family: "Noto Sans".into(),
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(&to_svg(scene), &options).map_err(|e| ExportError::Svg(e.to_string()))
}

/// Rows rendered at a time: two strips per core, so every core has work and each strip's pass over the
/// whole drawing is shared by many rows, but at most 4,096 rows (320 MB at 20,000 px wide), so a tall
/// picture is never held in memory whole.
fn strip_rows(height: u32, workers: usize) -> u32 {
    height.div_ceil(2 * workers as u32).clamp(256, 4096)
}

/// The scene as a PNG at `scale` (1 = one pixel per scene unit), on the scene's white background.
///
/// The picture is rendered in horizontal strips, as many at once as there are cores, and streamed into
/// the encoder in order: the whole image is never held in memory, and large exports use every core.
pub fn to_png(scene: &Scene, scale: f64) -> Result<Vec<u8>, ExportError> {
    encode_png(scene, scale, None)
}

/// [`to_png`], with one compressed iTXt chunk (keyword, text) before the pixels when `text` is given.
pub(crate) fn encode_png(
    scene: &Scene,
    scale: f64,
    text: Option<(&str, &str)>,
) -> Result<Vec<u8>, ExportError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(ExportError::BadScale(scale));
    }
    let width = (scene.width * scale).ceil() as u32;
    let height = (scene.height * scale).ceil() as u32;
    let too_large = ExportError::TooLarge {
        width,
        height,
        max: MAX_PNG_SIDE,
    };
    if width > MAX_PNG_SIDE || height > MAX_PNG_SIDE {
        return Err(too_large);
    }
    let (width, height) = (width.max(1), height.max(1));
    let tree = svg_tree(scene)?;
    let fail = |message: String| ExportError::Encode {
        format: "PNG",
        message,
    };
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(|e| fail(e.to_string()))?;
    if let Some((keyword, text)) = text {
        let mut chunk = png::text_metadata::ITXtChunk::new(keyword, text);
        chunk.compress_text().map_err(|e| fail(e.to_string()))?;
        writer
            .write_text_chunk(&chunk)
            .map_err(|e| fail(e.to_string()))?;
    }
    let mut stream = writer.stream_writer().map_err(|e| fail(e.to_string()))?;
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rows = strip_rows(height, workers);
    let strips: Vec<u32> = (0..height.div_ceil(rows)).collect();
    for batch in strips.chunks(workers) {
        let rendered: Vec<Option<Vec<u8>>> = std::thread::scope(|s| {
            let handles: Vec<_> = batch
                .iter()
                .map(|&i| {
                    let tree = &tree;
                    s.spawn(move || {
                        render_strip(
                            tree,
                            scale,
                            width,
                            height,
                            rows.min(height - i * rows),
                            i * rows,
                        )
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().ok().flatten())
                .collect()
        });
        for strip in rendered {
            let strip = strip.ok_or(ExportError::TooLarge {
                width,
                height,
                max: MAX_PNG_SIDE,
            })?;
            // The background is opaque, so premultiplied RGBA equals plain RGBA: no conversion needed.
            stream.write_all(&strip).map_err(|e| fail(e.to_string()))?;
        }
    }
    stream.finish().map_err(|e| fail(e.to_string()))?;
    writer.finish().map_err(|e| fail(e.to_string()))?;
    Ok(out)
}

/// Rows rendered beyond each side of a strip and then dropped: anti-aliasing next to a clipped edge
/// shades differently, so the kept rows are never at the edge of what was drawn.
const STRIP_OVERLAP: u32 = 4;

/// `rows` rows of the picture from row `top` down, as premultiplied RGBA bytes.
fn render_strip(
    tree: &usvg::Tree,
    scale: f64,
    width: u32,
    height: u32,
    rows: u32,
    top: u32,
) -> Option<Vec<u8>> {
    let start = top.saturating_sub(STRIP_OVERLAP);
    let end = (top + rows + STRIP_OVERLAP).min(height);
    let mut strip = resvg::tiny_skia::Pixmap::new(width, end - start)?;
    let transform = resvg::tiny_skia::Transform::from_scale(scale as f32, scale as f32)
        .post_translate(0.0, -(start as f32));
    resvg::render(tree, transform, &mut strip.as_mut());
    let row_bytes = width as usize * 4;
    let skip = (top - start) as usize * row_bytes;
    let mut data = strip.take();
    data.truncate(skip + rows as usize * row_bytes);
    data.drain(..skip);
    Some(data)
}

/// The scene as a one-page PDF the size of the blueprint, text kept as text with the font subset
/// embedded.
pub fn to_pdf(scene: &Scene) -> Result<Vec<u8>, ExportError> {
    let tree = svg_tree(scene)?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions::default(),
    )
    .map_err(|e| ExportError::Encode {
        format: "PDF",
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{layout, Fonts};
    use throughline_core::sample::sample_workspace;

    fn sample_scene() -> Scene {
        let ws = sample_workspace().unwrap();
        let j = &ws.journeys[0];
        layout(j, &ws.flows_of(j), &Fonts::embedded())
    }

    #[test]
    fn png_has_the_scene_size_times_the_scale_and_real_content() {
        let scene = sample_scene();
        let png = to_png(&scene, 1.0).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(&png));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!(
            (info.width, info.height),
            (scene.width.ceil() as u32, scene.height.ceil() as u32)
        );
        let colours: std::collections::HashSet<&[u8]> = buf.chunks(4).collect();
        assert!(
            colours.len() > 200,
            "a drawn blueprint, not a blank page ({} colours)",
            colours.len()
        );
        assert_eq!(
            png,
            to_png(&scene, 1.0).unwrap(),
            "the same scene gives the same bytes"
        );
    }

    /// Strips must meet without a seam: the picture rendered in strips equals the picture rendered at
    /// once.
    #[test]
    fn strips_join_into_the_same_picture() {
        let scene = sample_scene();
        let png = to_png(&scene, 1.0).unwrap();
        let mut reader = png::Decoder::new(std::io::Cursor::new(&png))
            .read_info()
            .unwrap();
        let mut striped = vec![0; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut striped).unwrap();
        let tree = svg_tree(&scene).unwrap();
        let (w, h) = (scene.width.ceil() as u32, scene.height.ceil() as u32);
        let mut whole = resvg::tiny_skia::Pixmap::new(w, h).unwrap();
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::identity(),
            &mut whole.as_mut(),
        );
        assert!(h > strip_rows(h, 1), "the sample spans more than one strip");
        // Shifting the drawing by a strip's offset rounds some coordinates differently in f32, which
        // can flip one anti-aliasing subsample on an edge pixel (1/16 of a shade): allowed, but only on
        // a sliver of the picture.
        let diffs: Vec<u8> = striped
            .iter()
            .zip(whole.data())
            .map(|(a, b)| a.abs_diff(*b))
            .filter(|d| *d > 0)
            .collect();
        let worst = diffs.iter().max().copied().unwrap_or(0);
        assert!(
            worst <= 17,
            "strips differ from the whole picture by up to {worst}"
        );
        assert!(
            diffs.len() * 1000 < striped.len(),
            "{} of {} channels differ",
            diffs.len(),
            striped.len()
        );
    }

    #[test]
    fn oversized_and_nonsense_scales_are_refused() {
        let scene = sample_scene();
        assert!(matches!(
            to_png(&scene, 100.0),
            Err(ExportError::TooLarge { .. })
        ));
        assert!(matches!(to_png(&scene, 0.0), Err(ExportError::BadScale(_))));
        assert!(matches!(
            to_png(&scene, f64::NAN),
            Err(ExportError::BadScale(_))
        ));
    }

    #[test]
    fn pdf_is_one_page_with_the_text_and_font_inside() {
        let pdf = to_pdf(&sample_scene()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&pdf);
        assert_eq!(
            text.matches("/Type /Page\n").count() + text.matches("/Type /Page ").count(),
            1,
            "one page"
        );
        assert!(text.contains("NotoSans"), "the font is embedded");
    }
}
