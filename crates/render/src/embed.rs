//! Pictures that carry their journey. An exported SVG holds the journey (as JSON, written by the core
//! crate's package) in its `<metadata>`, a PNG in an iTXt chunk, so a picture dropped back on the app
//! reopens as the journey it shows. This module only writes and finds that text; what it means is the
//! core crate's business.

use thiserror::Error;

use crate::export::{encode_png, no_progress, ExportError, PngSpec};
use crate::scene::Scene;
use crate::svg::write_svg;

/// Keyword of the PNG text chunk that holds the journey.
pub const PNG_KEYWORD: &str = "throughline:journey";

/// XML namespace of the element inside the SVG's `<metadata>` that holds the journey.
pub const SVG_NAMESPACE: &str = "urn:throughline:journey";

/// Largest embedded text read back, in bytes (compressed PNG text is inflated at most this far), so a
/// hostile picture cannot make a reader allocate without bound.
pub const MAX_EMBEDDED_BYTES: usize = 64 << 20;

/// Deepest nesting of elements read in an SVG. A picture Throughline writes nests four deep and drawing
/// programs rarely pass a few dozen; the XML parser recurses once per level, so a hostile file nested
/// tens of thousands deep would otherwise exhaust the stack.
pub const MAX_SVG_DEPTH: usize = 256;

/// Why a picture's embedded journey could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum EmbedError {
    /// Neither a PNG nor an SVG.
    #[error("not a PNG or SVG picture")]
    NotAPicture,
    /// A PNG or SVG that cannot be read.
    #[error("the {format} cannot be read: {message}")]
    Damaged {
        /// "PNG" or "SVG".
        format: &'static str,
        /// What the parser said.
        message: String,
    },
    /// An SVG whose elements nest deeper than [`MAX_SVG_DEPTH`].
    #[error("the SVG nests elements more than {MAX_SVG_DEPTH} deep (line {line}), far deeper than any picture Throughline writes, so it is not read")]
    TooDeep {
        /// The line where the limit was passed.
        line: usize,
    },
}

/// The scene as an SVG document carrying `journey` in its metadata. Apart from the `<metadata>` element
/// the bytes are exactly [`crate::to_svg`]'s.
pub fn svg_with_journey(scene: &Scene, journey: &str) -> String {
    let mut m = String::with_capacity(journey.len() + 96);
    m.push_str("<tl:journey xmlns:tl=\"");
    m.push_str(SVG_NAMESPACE);
    m.push_str("\">");
    push_xml_text(&mut m, journey);
    m.push_str("</tl:journey>");
    write_svg(scene, Some(&m), false)
}

/// The scene as a PNG (see [`crate::export::to_png`]) carrying `journey` in a compressed iTXt chunk
/// with keyword [`PNG_KEYWORD`].
pub fn png_with_journey(scene: &Scene, scale: f64, journey: &str) -> Result<Vec<u8>, ExportError> {
    encode_png(
        scene,
        &PngSpec {
            scale,
            transparent: false,
            text: Some((PNG_KEYWORD, journey)),
        },
        &no_progress,
    )
}

/// Appends `s` as XML character data that reads back as exactly `s`. Markup characters become
/// references; U+FFFE and U+FFFF, which XML cannot hold at all, become JSON `\u` escapes (the text is
/// JSON, and these characters can only occur inside its strings, where the escape means the same).
fn push_xml_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '\u{FFFE}' => out.push_str("\\ufffe"),
            '\u{FFFF}' => out.push_str("\\uffff"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {
                // Not allowed in XML 1.0 even as a reference; JSON escapes them anyway.
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
}

/// The journey text embedded in a PNG or SVG picture (recognised by its content, not its name), or
/// `None` when the picture carries none.
pub fn journey_in_picture(bytes: &[u8]) -> Result<Option<String>, EmbedError> {
    const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.starts_with(PNG_SIGNATURE) {
        return journey_in_png(bytes);
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let looks_like_xml = text
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'<');
    if !looks_like_xml {
        return Err(EmbedError::NotAPicture);
    }
    let text = std::str::from_utf8(text).map_err(|e| EmbedError::Damaged {
        format: "SVG",
        message: e.to_string(),
    })?;
    journey_in_svg(text)
}

fn journey_in_svg(text: &str) -> Result<Option<String>, EmbedError> {
    if let Some(at) = deeper_than(text.as_bytes(), MAX_SVG_DEPTH) {
        let line = 1 + text.as_bytes()[..at]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        return Err(EmbedError::TooDeep { line });
    }
    let doc = roxmltree::Document::parse(text).map_err(|e| EmbedError::Damaged {
        format: "SVG",
        message: e.to_string(),
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Err(EmbedError::NotAPicture);
    }
    let found = root.descendants().find(|n| {
        n.tag_name().namespace() == Some(SVG_NAMESPACE) && n.tag_name().name() == "journey"
    });
    Ok(found.map(|n| n.children().filter_map(|c| c.text()).collect()))
}

/// Where in `xml` elements first nest deeper than `max`, by a single pass over the bytes that keeps
/// no stack: start tags count one level down, end tags one up, empty-element tags, comments, CDATA,
/// processing instructions and declarations nothing, and quoted attribute values are skipped whole.
/// Malformed input may be miscounted, but the scan never recurses and never reads out of bounds,
/// and the parser that runs next refuses what is malformed.
fn deeper_than(xml: &[u8], max: usize) -> Option<usize> {
    let find = |from: usize, what: &[u8]| {
        xml.get(from..)
            .and_then(|rest| rest.windows(what.len()).position(|w| w == what))
            .map_or(xml.len(), |p| from + p + what.len())
    };
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(p) = xml
        .get(i..)
        .and_then(|rest| rest.iter().position(|b| *b == b'<'))
    {
        let at = i + p;
        let rest = &xml[at..];
        i = if rest.starts_with(b"<!--") {
            find(at + 4, b"-->")
        } else if rest.starts_with(b"<![CDATA[") {
            find(at + 9, b"]]>")
        } else if rest.starts_with(b"<?") {
            find(at + 2, b"?>")
        } else if rest.starts_with(b"<!") {
            find(at + 2, b">")
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            find(at + 2, b">")
        } else {
            let (end, empty) = tag_end(xml, at + 1);
            if !empty {
                depth += 1;
                if depth > max {
                    return Some(at);
                }
            }
            end
        };
    }
    None
}

/// The index just past the `>` closing the start tag whose name begins at `from` (quoted attribute
/// values skipped), and whether it is an empty-element tag (`/>`).
fn tag_end(xml: &[u8], from: usize) -> (usize, bool) {
    let mut quote = None;
    for (k, &b) in xml.iter().enumerate().skip(from) {
        match (quote, b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return (k + 1, k > from && xml[k - 1] == b'/'),
            (None, _) => {}
        }
    }
    (xml.len(), false)
}

fn journey_in_png(bytes: &[u8]) -> Result<Option<String>, EmbedError> {
    let damaged = |e: png::DecodingError| EmbedError::Damaged {
        format: "PNG",
        message: e.to_string(),
    };
    let reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .map_err(damaged)?;
    let Some(chunk) = reader
        .info()
        .utf8_text
        .iter()
        .find(|c| c.keyword == PNG_KEYWORD)
    else {
        return Ok(None);
    };
    let mut chunk = chunk.clone();
    chunk
        .decompress_text_with_limit(MAX_EMBEDDED_BYTES)
        .map_err(damaged)?;
    chunk.get_text().map(Some).map_err(damaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{layout, to_svg, Fonts};
    use throughline_core::sample::sample_workspace;

    fn sample_scene() -> Scene {
        let ws = sample_workspace().unwrap();
        let j = &ws.journeys[0];
        layout(j, &ws.flows_of(j), &Fonts::embedded())
    }

    const NASTY: &str = "{\"t\":\"<script>alert(1)</script> </svg> ]]> <![CDATA[ & &amp; \\\"q\\\" 'a' --> <!-- \r\n\t 保险 🏠\"}";

    /// Characters XML cannot hold come back as the JSON escapes that mean them.
    #[test]
    fn characters_xml_cannot_hold_come_back_as_json_escapes() {
        let svg = svg_with_journey(&sample_scene(), "[\"a\u{FFFE}b\u{FFFF}\\\\\u{FFFE}\"]");
        assert_eq!(
            journey_in_picture(svg.as_bytes()),
            Ok(Some("[\"a\\ufffeb\\uffff\\\\\\ufffe\"]".to_owned()))
        );
    }

    #[test]
    fn svg_carries_any_text_exactly_and_still_parses() {
        let scene = sample_scene();
        let svg = svg_with_journey(&scene, NASTY);
        assert_eq!(
            journey_in_picture(svg.as_bytes()),
            Ok(Some(NASTY.to_owned()))
        );
        let plain = to_svg(&scene);
        assert_eq!(journey_in_picture(plain.as_bytes()), Ok(None));
        let start = svg.find("<metadata>").unwrap();
        let end = svg.find("</metadata>\n").unwrap() + "</metadata>\n".len();
        assert_eq!(format!("{}{}", &svg[..start], &svg[end..]), plain);
        let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).unwrap();
        assert!(tree.size().width() > 0.0);
        assert_eq!(
            svg,
            svg_with_journey(&scene, NASTY),
            "same bytes every time"
        );
    }

    #[test]
    fn png_carries_the_text_and_the_same_pixels() {
        let scene = sample_scene();
        let png = png_with_journey(&scene, 1.0, NASTY).unwrap();
        assert_eq!(journey_in_picture(&png), Ok(Some(NASTY.to_owned())));
        assert_eq!(png, png_with_journey(&scene, 1.0, NASTY).unwrap());
        let pixels = |bytes: &[u8]| {
            let mut r = png::Decoder::new(std::io::Cursor::new(bytes))
                .read_info()
                .unwrap();
            let mut buf = vec![0; r.output_buffer_size().unwrap()];
            r.next_frame(&mut buf).unwrap();
            buf
        };
        let plain = crate::export::to_png(&scene, 1.0).unwrap();
        assert_eq!(pixels(&png), pixels(&plain));
        assert_eq!(journey_in_picture(&plain), Ok(None));
    }

    /// A nested `<g>` document `depth` deep (the root `<svg>` included).
    fn nested(depth: usize) -> String {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\">\n{}{}</svg>",
            "<g>".repeat(depth - 1),
            "</g>".repeat(depth - 1)
        )
    }

    #[test]
    fn deeply_nested_svg_is_refused_before_parsing() {
        assert_eq!(
            journey_in_picture(nested(MAX_SVG_DEPTH).as_bytes()),
            Ok(None)
        );
        let deep = nested(20_000);
        assert!(deep.len() > 140_000);
        let err = journey_in_picture(deep.as_bytes()).unwrap_err();
        assert_eq!(err, EmbedError::TooDeep { line: 2 });
        assert!(err.to_string().contains("more than 256 deep"), "{err}");
        // Run on a small stack, as a worker thread may be: the refusal does not recurse.
        let refused = std::thread::Builder::new()
            .stack_size(64 << 10)
            .spawn(move || journey_in_picture(deep.as_bytes()).is_err())
            .unwrap()
            .join()
            .unwrap();
        assert!(refused);
    }

    #[test]
    fn depth_counts_only_elements() {
        let g = "<g>".repeat(300);
        let tricky = [
            format!("<svg><!-- {g} --></svg>"),
            format!("<svg><![CDATA[ {g} ]]></svg>"),
            format!("<svg><?pi {g} ?></svg>"),
            format!(
                "<svg><a title=\"{}\"/></svg>",
                "&gt;<g>".repeat(300).replace('<', "&lt;")
            ),
            format!("<svg>{}</svg>", "<g/>".repeat(1000)),
            format!("<svg>{}</svg>", "<g></g>".repeat(1000)),
            format!("<svg><a x='>'/>{}</svg>", "<g a=\"/>\"></g>".repeat(1000)),
        ];
        for xml in &tricky {
            assert_eq!(deeper_than(xml.as_bytes(), 2), None, "{xml:.60}");
        }
        assert_eq!(deeper_than(b"<a><b><c>", 2), Some(6));
        assert_eq!(deeper_than(b"<a></a><b><c></c></b>", 2), None);
        for junk in [
            &b"<"[..],
            b"<a",
            b"<a '",
            b"<!--",
            b"<![CDATA[",
            b"<?",
            b"</",
            b"<a/",
        ] {
            assert_eq!(deeper_than(junk, 1), None, "{junk:?}");
        }
    }

    #[test]
    fn entity_expansion_is_refused() {
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n\
            <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n\
            <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n\
            <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n]>\n\
            <svg xmlns=\"http://www.w3.org/2000/svg\"><metadata><tl:journey xmlns:tl=\"urn:throughline:journey\">&lol4;</tl:journey></metadata></svg>";
        let err = journey_in_picture(laughs.as_bytes()).unwrap_err();
        assert!(
            matches!(&err, EmbedError::Damaged { format: "SVG", message } if message.contains("DTD")),
            "{err}"
        );
    }

    #[test]
    fn other_files_are_told_apart() {
        assert_eq!(
            journey_in_picture(b"%PDF-1.7"),
            Err(EmbedError::NotAPicture)
        );
        assert_eq!(journey_in_picture(b""), Err(EmbedError::NotAPicture));
        assert_eq!(
            journey_in_picture(b"<html></html>"),
            Err(EmbedError::NotAPicture)
        );
        assert!(matches!(
            journey_in_picture(b"<svg><metadata>"),
            Err(EmbedError::Damaged { format: "SVG", .. })
        ));
        assert!(matches!(
            journey_in_picture(b"\x89PNG\r\n\x1a\nrubbish"),
            Err(EmbedError::Damaged { format: "PNG", .. })
        ));
    }
}
