//! Scene → PNG and PDF, through the same SVG the screen shows: one parsed tree gives both, drawn with the
//! embedded fonts (plus, for scripts they lack, the same system fallback faces the screen and the
//! layout use), so an export matches the window.

use std::io::Write;
use std::sync::Arc;

use thiserror::Error;

use crate::font::{fallback_faces, font_data, primary_has, PRIMARY_FAMILY};
use crate::scene::Scene;
use crate::svg::to_layered_svg;

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
    /// The person cancelled the export.
    #[error("the export was cancelled")]
    Cancelled,
    /// The PNG or PDF encoder failed.
    #[error("encoding the {format} failed: {message}")]
    Encode {
        /// "PNG" or "PDF".
        format: &'static str,
        /// What the encoder said.
        message: String,
    },
}

/// Parses the scene's SVG with the embedded fonts and, when its text has characters Noto Sans lacks,
/// the system's faces of the fallback chain ([`crate::font::FALLBACK_FAMILIES`]) — never any other
/// system font, so Latin text exports identically everywhere and other scripts are drawn in exactly
/// the faces the layout measured them with (and the WebView shows).
pub fn svg_tree(scene: &Scene) -> Result<usvg::Tree, ExportError> {
    parse_svg(&to_layered_svg(scene))
}

/// Parses any SVG Throughline wrote (the scene, the page marks) with the fonts [`svg_tree`] describes.
pub(crate) fn parse_svg(svg: &str) -> Result<usvg::Tree, ExportError> {
    let mut db = usvg::fontdb::Database::new();
    for data in font_data() {
        db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(data)));
    }
    db.set_sans_serif_family(PRIMARY_FAMILY);
    let mut font_resolver = usvg::FontResolver::default();
    if svg.chars().any(|c| !c.is_ascii() && !primary_has(c)) {
        font_resolver.select_fallback = fallback_selector(&mut db);
    }
    let options = usvg::Options {
        font_family: PRIMARY_FAMILY.into(),
        fontdb: Arc::new(db),
        font_resolver,
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Svg(e.to_string()))
}

/// Loads the system's fallback faces into `db` and picks among them per character in chain order, for
/// the weight of the text's own face — the order [`crate::font::Font`] measures in. (usvg's own
/// selector would take the first face in the database with the glyph, whatever its weight.)
fn fallback_selector(db: &mut usvg::fontdb::Database) -> usvg::FallbackSelectionFn<'static> {
    let found = fallback_faces();
    let ids: Vec<usvg::fontdb::ID> = found
        .faces
        .iter()
        .map(|f| {
            let index = f.index as usize;
            let ids = db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(f.data)));
            ids.get(index).or(ids.first()).copied()
        })
        .collect::<Option<_>>()
        .unwrap_or_default();
    Box::new(move |c, used, db| {
        if ids.len() != found.faces.len() {
            return None;
        }
        let weight = used
            .first()
            .and_then(|&id| db.face(id))
            .map_or(400, |f| f.weight.0);
        let order = if weight >= 700 {
            &found.bold
        } else {
            &found.regular
        };
        order
            .iter()
            .find(|&&i| found.faces[i].has(c))
            .map(|&i| ids[i])
            .filter(|id| !used.contains(id))
    })
}

/// Bytes of pixels rendered per strip at most (premultiplied RGBA), so a huge picture is made in many
/// small pieces and memory stays flat whatever its size.
const STRIP_BYTES: u64 = 24 << 20;

/// Rows rendered at a time: enough strips for every core to have work, each at most [`STRIP_BYTES`].
/// Strips are cheap to make many of, since each draws only what crosses it.
fn strip_rows(width: u32, height: u32, workers: usize) -> u32 {
    let by_bytes = (STRIP_BYTES / (u64::from(width.max(1)) * 4)).clamp(16, 4096) as u32;
    height.div_ceil(2 * workers as u32).clamp(16, by_bytes)
}

/// How a PNG is made.
#[derive(Clone, Copy, Debug)]
pub struct PngSpec<'a> {
    /// Pixels per scene unit.
    pub scale: f64,
    /// Leave out the page background, so the picture has a transparent background.
    pub transparent: bool,
    /// One compressed iTXt chunk (keyword, text) to write before the pixels.
    pub text: Option<(&'a str, &'a str)>,
}

/// Answers `true` to every progress report: for callers that do not show progress.
pub fn no_progress(_done: u32, _total: u32) -> bool {
    true
}

/// The scene as a PNG at `scale` (1 = one pixel per scene unit), on the scene's white background.
pub fn to_png(scene: &Scene, scale: f64) -> Result<Vec<u8>, ExportError> {
    encode_png(
        scene,
        &PngSpec {
            scale,
            transparent: false,
            text: None,
        },
        &no_progress,
    )
}

/// The scene as a PNG as `spec` says. `progress` hears `(strips done, strips)` after each strip and
/// cancels the export by answering `false`.
///
/// The picture is rendered in horizontal strips on every core, each strip drawing only the parts of
/// the blueprint that cross it, while the strips before are compressed: the whole image is never in
/// memory, and rendering and compression overlap. An opaque picture is written as RGB (a quarter fewer
/// bytes to compress than RGBA); a transparent one as RGBA with the alpha un-premultiplied.
pub fn encode_png(
    scene: &Scene,
    spec: &PngSpec,
    progress: &(dyn Fn(u32, u32) -> bool + Sync),
) -> Result<Vec<u8>, ExportError> {
    let scale = spec.scale;
    if !(scale.is_finite() && scale > 0.0) {
        return Err(ExportError::BadScale(scale));
    }
    let width = (scene.width * scale).ceil() as u32;
    let height = (scene.height * scale).ceil() as u32;
    let too_large = || ExportError::TooLarge {
        width,
        height,
        max: MAX_PNG_SIDE,
    };
    if width > MAX_PNG_SIDE || height > MAX_PNG_SIDE {
        return Err(too_large());
    }
    let (width, height) = (width.max(1), height.max(1));
    let tree = svg_tree(scene)?;
    let fail = |message: String| ExportError::Encode {
        format: "PNG",
        message,
    };
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(if spec.transparent {
        png::ColorType::Rgba
    } else {
        png::ColorType::Rgb
    });
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(|e| fail(e.to_string()))?;
    if let Some((keyword, text)) = spec.text {
        let mut chunk = png::text_metadata::ITXtChunk::new(keyword, text);
        chunk.compress_text().map_err(|e| fail(e.to_string()))?;
        writer
            .write_text_chunk(&chunk)
            .map_err(|e| fail(e.to_string()))?;
    }
    let mut stream = writer.stream_writer().map_err(|e| fail(e.to_string()))?;
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rows = strip_rows(width, height, workers);
    let total = height.div_ceil(rows);
    let drawn = Drawn::of(&tree, scene, spec.transparent);
    let render = |i: u32| {
        let strip = Strip {
            width,
            height,
            rows: rows.min(height - i * rows),
            top: i * rows,
        };
        render_strip(&drawn, scale, &strip, spec.transparent)
    };
    if !progress(0, total) {
        return Err(ExportError::Cancelled);
    }
    // Batches of one strip per core; each batch renders while the one before is compressed.
    let strips: Vec<u32> = (0..total).collect();
    let batches: Vec<&[u32]> = strips.chunks(workers).collect();
    std::thread::scope(|s| -> Result<(), ExportError> {
        let spawn = |batch: &[u32]| -> Vec<_> {
            batch
                .iter()
                .map(|&i| {
                    let render = &render;
                    s.spawn(move || render(i))
                })
                .collect()
        };
        let mut pending = batches.first().map(|b| spawn(b)).unwrap_or_default();
        for (k, _) in batches.iter().enumerate() {
            let ready: Vec<Option<Vec<u8>>> = pending
                .into_iter()
                .map(|h| h.join().ok().flatten())
                .collect();
            pending = batches.get(k + 1).map(|b| spawn(b)).unwrap_or_default();
            for (j, strip) in ready.into_iter().enumerate() {
                let strip = strip.ok_or_else(too_large)?;
                stream.write_all(&strip).map_err(|e| fail(e.to_string()))?;
                let done = (k * workers + j + 1) as u32;
                if !progress(done, total) {
                    return Err(ExportError::Cancelled);
                }
            }
        }
        Ok(())
    })?;
    stream.finish().map_err(|e| fail(e.to_string()))?;
    writer.finish().map_err(|e| fail(e.to_string()))?;
    Ok(out)
}

/// Rows rendered beyond each side of a strip and then dropped: anti-aliasing next to a clipped edge
/// shades differently, so the kept rows are never at the edge of what was drawn.
const STRIP_OVERLAP: u32 = 4;

/// The top-level parts of the drawing with their extents, so a strip draws only what crosses it.
struct Drawn<'a> {
    parts: Vec<(&'a usvg::Node, usvg::Rect)>,
    /// The page colour an opaque picture is laid over.
    background: [u8; 3],
}

impl<'a> Drawn<'a> {
    /// The tree's top-level nodes, without the page background when `transparent` (to_svg always
    /// paints the page first, as a rectangle the size of the scene).
    fn of(tree: &'a usvg::Tree, scene: &Scene, transparent: bool) -> Self {
        let mut parts: Vec<(&usvg::Node, usvg::Rect)> = tree
            .root()
            .children()
            .iter()
            .filter_map(|n| Some((n, n.abs_layer_bounding_box()?.to_rect())))
            .collect();
        if transparent {
            let is_page = |r: &usvg::Rect| {
                r.x() <= 0.0
                    && r.y() <= 0.0
                    && f64::from(r.width()) >= scene.width - 0.5
                    && f64::from(r.height()) >= scene.height - 0.5
            };
            if parts.first().is_some_and(|(_, r)| is_page(r)) {
                parts.remove(0);
            }
        }
        Drawn {
            parts,
            background: rgb(&scene.colours.background).unwrap_or([255, 255, 255]),
        }
    }
}

/// A `#rrggbb` colour as its three channels.
fn rgb(hex: &str) -> Option<[u8; 3]> {
    let digits = hex.strip_prefix('#').filter(|d| d.len() == 6)?;
    let channel = |i: usize| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// Where a strip lies in the picture.
struct Strip {
    width: u32,
    height: u32,
    rows: u32,
    top: u32,
}

/// One strip of the picture as the encoder takes it: RGB, or RGBA with straight alpha when
/// `transparent`.
fn render_strip(drawn: &Drawn, scale: f64, strip: &Strip, transparent: bool) -> Option<Vec<u8>> {
    let start = strip.top.saturating_sub(STRIP_OVERLAP);
    let end = (strip.top + strip.rows + STRIP_OVERLAP).min(strip.height);
    let mut pixmap = resvg::tiny_skia::Pixmap::new(strip.width, end - start)?;
    let transform = resvg::tiny_skia::Transform::from_scale(scale as f32, scale as f32)
        .post_translate(0.0, -(start as f32));
    let (y0, y1) = (start as f64 / scale, end as f64 / scale);
    for (node, extent) in &drawn.parts {
        if f64::from(extent.bottom()) < y0 || f64::from(extent.top()) > y1 {
            continue;
        }
        // render_node draws a node into a pixmap of its own extent; shifting by that extent first
        // draws it where it lies in the picture instead.
        let at = node.abs_layer_bounding_box()?;
        resvg::render_node(
            node,
            transform.pre_translate(at.x(), at.y()),
            &mut pixmap.as_mut(),
        );
    }
    let row_bytes = strip.width as usize * 4;
    let skip = (strip.top - start) as usize * row_bytes;
    let data = &pixmap.data()[skip..skip + strip.rows as usize * row_bytes];
    Some(if transparent {
        data.chunks_exact(4)
            .flat_map(|p| {
                resvg::tiny_skia::PremultipliedColorU8::from_rgba(p[0], p[1], p[2], p[3])
                    .map(|c| c.demultiply())
                    .map_or([0, 0, 0, 0], |c| [c.red(), c.green(), c.blue(), c.alpha()])
            })
            .collect()
    } else {
        // Laid over the page colour: where the page only partly covers a pixel (the last row and
        // column when the picture's size is not a whole number of pixels), dropping alpha from the
        // premultiplied colour would leave a dark line instead.
        let bg = drawn.background;
        data.chunks_exact(4)
            .flat_map(|p| {
                let under = 255 - u16::from(p[3]);
                let over = |c: u8, b: u8| (u16::from(c) + (u16::from(b) * under + 127) / 255) as u8;
                [over(p[0], bg[0]), over(p[1], bg[1]), over(p[2], bg[2])]
            })
            .collect()
    })
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

    /// Every glyph of the tree's text: (its characters, its face's first family, its face's weight,
    /// its glyph id).
    fn glyphs(tree: &usvg::Tree) -> Vec<(String, String, u16, u16)> {
        fn walk(
            group: &usvg::Group,
            db: &usvg::fontdb::Database,
            out: &mut Vec<(String, String, u16, u16)>,
        ) {
            for node in group.children() {
                match node {
                    usvg::Node::Group(g) => walk(g, db, out),
                    usvg::Node::Text(t) => {
                        for span in t.layouted() {
                            for g in &span.positioned_glyphs {
                                let face = db.face(g.font).unwrap();
                                out.push((
                                    g.text.clone(),
                                    face.families[0].0.clone(),
                                    face.weight.0,
                                    g.id.0,
                                ));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(tree.root(), tree.fontdb(), &mut out);
        out
    }

    #[test]
    fn scripts_noto_sans_lacks_are_drawn_in_the_faces_they_were_measured_with() {
        const MIXED: &str = "Claims 漢字 עברית العربية";
        crate::font::tests::use_system_fonts();
        let mut ws = sample_workspace().unwrap();
        ws.journeys[0].steps[0].text = MIXED.into();
        ws.journeys[0].lanes[0].name = "Lane עברית 漢字".into();
        let j = &ws.journeys[0];
        let scene = layout(j, &ws.flows_of(j), &Fonts::embedded());
        let tree = svg_tree(&scene).unwrap();
        let found = crate::font::fallback_faces();
        let mut checked = std::collections::BTreeSet::new();
        for (text, family, weight, id) in glyphs(&tree) {
            let Some(c) = text.chars().find(|c| !c.is_whitespace()) else {
                continue;
            };
            if crate::font::primary_has(c) {
                assert_eq!(family, "Noto Sans", "{c:?} is drawn in Noto Sans");
                continue;
            }
            let Some(face) = found.face_for(c, weight) else {
                continue;
            };
            assert_eq!(
                family, face.family,
                "{c:?} is drawn in the face it was measured with"
            );
            assert_ne!(id, 0, "{c:?} is drawn, not a .notdef box");
            checked.insert(face.family);
        }
        eprintln!("drawn in fallback faces: {checked:?}");
        if let Ok(path) = std::env::var("THROUGHLINE_SCRIPTS_PNG") {
            std::fs::write(path, to_png(&scene, 1.0).unwrap()).unwrap();
        }
        for c in ['漢', 'ע', 'ع'] {
            let face = found.face_for(c, 400).unwrap_or_else(|| {
                panic!("no system font draws {c:?}: install fonts-noto-core and fonts-droid-fallback (cargo xtask setup does)")
            });
            assert!(
                checked.contains(face.family),
                "{c:?} was drawn in {}",
                face.family
            );
        }
    }

    #[test]
    fn latin_only_exports_load_no_system_font() {
        let tree = svg_tree(&sample_scene()).unwrap();
        assert!(tree
            .fontdb()
            .faces()
            .all(|f| f.families[0].0 == "Noto Sans"));
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
        assert!(
            h > strip_rows(w, h, 1),
            "the sample spans more than one strip"
        );
        let whole_rgb: Vec<u8> = whole
            .data()
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        // Shifting the drawing by a strip's offset rounds some coordinates differently in f32, which
        // can flip one anti-aliasing subsample on an edge pixel (1/16 of a shade): allowed, but only on
        // a sliver of the picture.
        let diffs: Vec<u8> = striped
            .iter()
            .zip(&whole_rgb)
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

    fn decode(png: &[u8]) -> (png::ColorType, u32, Vec<u8>) {
        let mut reader = png::Decoder::new(std::io::Cursor::new(png))
            .read_info()
            .unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        (info.color_type, info.width, buf)
    }

    #[test]
    fn opaque_pictures_are_rgb_and_transparent_ones_see_through_the_page() {
        let scene = sample_scene();
        let spec = |transparent| PngSpec {
            scale: 1.0,
            transparent,
            text: None,
        };
        let (colour, ..) = decode(&encode_png(&scene, &spec(false), &no_progress).unwrap());
        assert_eq!(colour, png::ColorType::Rgb);
        let (colour, w, pixels) = decode(&encode_png(&scene, &spec(true), &no_progress).unwrap());
        assert_eq!(colour, png::ColorType::Rgba);
        let alpha = |x: u32, y: u32| pixels[((y * w + x) * 4 + 3) as usize];
        assert_eq!(alpha(2, 2), 0, "the page margin is transparent");
        let (x, y) = (
            (scene.cards[0].rect.x + 10.0) as u32,
            (scene.cards[0].rect.y + 10.0) as u32,
        );
        assert_eq!(alpha(x, y), 255, "cards stay opaque");
    }

    #[test]
    fn progress_is_reported_per_strip_and_a_no_cancels() {
        let scene = sample_scene();
        let spec = PngSpec {
            scale: 2.0,
            transparent: false,
            text: None,
        };
        let seen = std::sync::Mutex::new(Vec::new());
        encode_png(&scene, &spec, &|done, total| {
            seen.lock().unwrap().push((done, total));
            true
        })
        .unwrap();
        let seen = seen.into_inner().unwrap();
        let total = seen[0].1;
        assert!(total > 1);
        assert_eq!(seen.last(), Some(&(total, total)));
        assert!(matches!(
            encode_png(&scene, &spec, &|done, _| done < 1),
            Err(ExportError::Cancelled)
        ));
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
