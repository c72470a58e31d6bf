//! Scene → PDF pages. The blueprint is converted once into a PDF form (text kept as text, the font
//! subset embedded once) and every page shows a window onto it: one page the blueprint's size, or a
//! grid of paper sheets with overlap for a wall, each with crop and overlap marks and a label saying
//! where it goes.

use std::collections::HashMap;
use std::fmt::Write as _;

use pdf_writer::writers::{Catalog, DocumentInfo};
use pdf_writer::{Chunk, Content, Finish, Name, Rect as PdfRect, Ref, TextStr};

use crate::export::{parse_svg, svg_tree, ExportError};
use crate::font::{css_family_list, Fonts};
use crate::options::{PageLayout, Paper};
use crate::scene::Scene;
use crate::svg::{push_escaped, push_num};
use crate::wrap::wrap_clamped;

/// Points per scene unit: the scene is laid out in CSS pixels (96 per inch), a PDF in points (72 per
/// inch), so a blueprint prints at the size the screen shows it at 100 %.
pub const PT_PER_UNIT: f64 = 0.75;

/// Longest page side, in points, that most PDF readers accept (Acrobat's limit: 200 inches).
pub const MAX_PAGE_SIDE: f64 = 14_400.0;

/// Points per millimetre.
const MM: f64 = 72.0 / 25.4;

/// Blank border of a tiled sheet, where most printers cannot print and the marks and label go.
pub const SHEET_MARGIN: f64 = 10.0 * MM;

/// How much of the blueprint two neighbouring sheets both show, so sheets can be overlapped and
/// glued without a gap.
pub const OVERLAP: f64 = 10.0 * MM;

/// Length of a crop or overlap mark, and its distance from the printed area.
const MARK_LEN: f64 = 14.0;
const MARK_GAP: f64 = 4.0;
/// Size of the sheet label's text.
const LABEL_SIZE: f64 = 7.0;

/// A sheet's size in points, portrait or turned sideways.
pub fn sheet_size(paper: Paper, landscape: bool) -> (f64, f64) {
    let (w, h) = match paper {
        Paper::A4 => (210.0 * MM, 297.0 * MM),
        Paper::A3 => (297.0 * MM, 420.0 * MM),
        Paper::Letter => (612.0, 792.0),
    };
    if landscape {
        (h, w)
    } else {
        (w, h)
    }
}

/// One page of the PDF and the part of the blueprint it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// Page width, in points.
    pub width: f64,
    /// Page height, in points.
    pub height: f64,
    /// The part of the blueprint shown, in scene units: x, y, width, height.
    pub window: [f64; 4],
    /// Where the window's top-left corner sits on the page, in points from the page's top-left.
    pub origin: (f64, f64),
    /// Points per scene unit.
    pub scale: f64,
    /// Row of the sheet in the grid, from 0 at the top.
    pub row: usize,
    /// Column of the sheet in the grid, from 0 at the left.
    pub column: usize,
}

/// How a blueprint is put on pages: the grid and each sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct PagePlan {
    /// Rows of sheets.
    pub rows: usize,
    /// Columns of sheets.
    pub columns: usize,
    /// The sheets, row by row.
    pub sheets: Vec<Sheet>,
    /// Whether sheets carry crop and overlap marks and a label (tiled layouts).
    pub marks: bool,
}

/// How many sheets showing `room` points each, stepping `room - OVERLAP`, cover `length` points.
fn count(length: f64, room: f64) -> usize {
    if length <= room + 0.01 {
        1
    } else {
        ((length - room) / (room - OVERLAP) - 0.0001).ceil() as usize + 1
    }
}

/// The pages for a blueprint `width` × `height` scene units laid out as `layout`.
pub fn plan(width: f64, height: f64, layout: PageLayout) -> PagePlan {
    let (width, height) = (width.max(1.0), height.max(1.0));
    match layout {
        PageLayout::Fit => {
            let scale = PT_PER_UNIT
                .min(MAX_PAGE_SIDE / width)
                .min(MAX_PAGE_SIDE / height);
            PagePlan {
                rows: 1,
                columns: 1,
                marks: false,
                sheets: vec![Sheet {
                    width: width * scale,
                    height: height * scale,
                    window: [0.0, 0.0, width, height],
                    origin: (0.0, 0.0),
                    scale,
                    row: 0,
                    column: 0,
                }],
            }
        }
        PageLayout::Tiled { paper, landscape } => {
            let (pw, ph) = sheet_size(paper, landscape);
            let (room_w, room_h) = (pw - 2.0 * SHEET_MARGIN, ph - 2.0 * SHEET_MARGIN);
            let (bw, bh) = (width * PT_PER_UNIT, height * PT_PER_UNIT);
            let (columns, rows) = (count(bw, room_w), count(bh, room_h));
            let mut sheets = Vec::with_capacity(rows * columns);
            for row in 0..rows {
                for column in 0..columns {
                    let x = column as f64 * (room_w - OVERLAP);
                    let y = row as f64 * (room_h - OVERLAP);
                    sheets.push(Sheet {
                        width: pw,
                        height: ph,
                        window: [
                            x / PT_PER_UNIT,
                            y / PT_PER_UNIT,
                            room_w.min(bw - x) / PT_PER_UNIT,
                            room_h.min(bh - y) / PT_PER_UNIT,
                        ],
                        origin: (SHEET_MARGIN, SHEET_MARGIN),
                        scale: PT_PER_UNIT,
                        row,
                        column,
                    });
                }
            }
            PagePlan {
                rows,
                columns,
                sheets,
                marks: true,
            }
        }
    }
}

fn encode_error(message: impl ToString) -> ExportError {
    ExportError::Encode {
        format: "PDF",
        message: message.to_string(),
    }
}

/// Parses an SVG the page marks are drawn in, with the fonts of [`svg_tree`].
fn parse(svg: &str) -> Result<usvg::Tree, ExportError> {
    parse_svg(svg)
}

fn mark(out: &mut String, x1: f64, y1: f64, x2: f64, y2: f64, style: &str) {
    out.push_str("<line x1=\"");
    push_num(out, x1);
    out.push_str("\" y1=\"");
    push_num(out, y1);
    out.push_str("\" x2=\"");
    push_num(out, x2);
    out.push_str("\" y2=\"");
    push_num(out, y2);
    out.push_str("\" ");
    out.push_str(style);
    out.push_str("/>\n");
}

/// The marks of every sheet in one SVG (in points), sheet `i` in the band `i × height` from the top,
/// so the font is embedded once however many sheets there are.
fn marks_svg(plan: &PagePlan, title: &str, fonts: &Fonts) -> String {
    let (pw, ph) = plan
        .sheets
        .first()
        .map_or((1.0, 1.0), |s| (s.width, s.height));
    let total = ph * plan.sheets.len() as f64;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pw}\" height=\"{total}\" viewBox=\"0 0 {pw} {total}\">"
    );
    let crop = "stroke=\"#1a202c\" stroke-width=\"0.5\"";
    let overlap = "stroke=\"#2f64d6\" stroke-width=\"0.75\" stroke-dasharray=\"2 1.5\"";
    let (m, room_w, room_h) = (
        SHEET_MARGIN,
        pw - 2.0 * SHEET_MARGIN,
        ph - 2.0 * SHEET_MARGIN,
    );
    let (left, right) = (m, m + room_w);
    let near = MARK_GAP;
    let far = MARK_GAP + MARK_LEN;
    for (i, sheet) in plan.sheets.iter().enumerate() {
        let top = i as f64 * ph + m;
        let bottom = top + room_h;
        // Crop marks: the printed area's edges carried into the margin at each corner.
        for (x, y, dx, dy) in [
            (left, top, -1.0, -1.0),
            (right, top, 1.0, -1.0),
            (left, bottom, -1.0, 1.0),
            (right, bottom, 1.0, 1.0),
        ] {
            mark(&mut out, x + dx * near, y, x + dx * far, y, crop);
            mark(&mut out, x, y + dy * near, x, y + dy * far, crop);
        }
        // Overlap marks: where the neighbouring sheet's edge lands when the sheets are overlapped.
        let mut vertical = Vec::new();
        if sheet.column > 0 {
            vertical.push(left + OVERLAP);
        }
        if sheet.column + 1 < plan.columns {
            vertical.push(right - OVERLAP);
        }
        for x in vertical {
            mark(&mut out, x, top - near, x, top - far, overlap);
            mark(&mut out, x, bottom + near, x, bottom + far, overlap);
        }
        let mut horizontal = Vec::new();
        if sheet.row > 0 {
            horizontal.push(top + OVERLAP);
        }
        if sheet.row + 1 < plan.rows {
            horizontal.push(bottom - OVERLAP);
        }
        for y in horizontal {
            mark(&mut out, left - near, y, left - far, y, overlap);
            mark(&mut out, right + near, y, right + far, y, overlap);
        }
        // The label, centred in the bottom margin.
        let place = format!(
            " · row {}, column {} of {}×{}",
            sheet.row + 1,
            sheet.column + 1,
            plan.rows,
            plan.columns
        );
        let font = &fonts.regular;
        let room = room_w - 2.0 * far - font.width(&place, LABEL_SIZE);
        let name = wrap_clamped(title, font, LABEL_SIZE, room.max(40.0), 1).remove(0);
        let text = format!("{name}{place}");
        let x = (pw - font.width(&text, LABEL_SIZE)) / 2.0;
        out.push_str("<text font-family=\"");
        out.push_str(&css_family_list());
        out.push_str("\" font-size=\"7\" fill=\"#4a5568\" x=\"");
        push_num(&mut out, x);
        out.push_str("\" y=\"");
        push_num(&mut out, bottom + m / 2.0 + LABEL_SIZE * 0.36);
        out.push_str("\">");
        push_escaped(&mut out, &text);
        out.push_str("</text>\n");
    }
    out.push_str("</svg>\n");
    out
}

/// Converts `tree` into a form in `chunk`, numbered from `alloc`; returns the form's reference.
fn embed(tree: &usvg::Tree, pdf: &mut Chunk, alloc: &mut Ref) -> Result<Ref, ExportError> {
    let (chunk, form) =
        svg2pdf::to_chunk(tree, svg2pdf::ConversionOptions::default()).map_err(encode_error)?;
    let mut map = HashMap::new();
    let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
    pdf.extend(&chunk);
    map.get(&form)
        .copied()
        .ok_or_else(|| encode_error("the converted blueprint has no form"))
}

/// The (decorated) scene as a PDF laid out as `layout`: text kept as text, the font subset embedded,
/// no page side over [`MAX_PAGE_SIDE`]. The same scene always gives the same bytes.
pub fn to_pdf_pages(scene: &Scene, layout: PageLayout) -> Result<Vec<u8>, ExportError> {
    let plan = plan(scene.width, scene.height, layout);
    let tree = svg_tree(scene)?;
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let page_tree = alloc.bump();
    let mut objects = Chunk::new();
    let blueprint = embed(&tree, &mut objects, &mut alloc)?;
    let marks = if plan.marks {
        let svg = marks_svg(&plan, &scene.title.text, &Fonts::embedded());
        Some(embed(&parse(&svg)?, &mut objects, &mut alloc)?)
    } else {
        None
    };
    let pages: Vec<(Ref, Ref)> = plan
        .sheets
        .iter()
        .map(|_| (alloc.bump(), alloc.bump()))
        .collect();

    let mut pdf = Chunk::new();
    pdf.indirect(catalog).start::<Catalog>().pages(page_tree);
    pdf.pages(page_tree)
        .kids(pages.iter().map(|p| p.0))
        .count(pages.len() as i32);
    let (tree_w, tree_h) = (
        f64::from(tree.size().width()),
        f64::from(tree.size().height()),
    );
    let n = plan.sheets.len() as f64;
    for (i, (sheet, (page_ref, content_ref))) in plan.sheets.iter().zip(&pages).enumerate() {
        let mut content = Content::new();
        let [wx, wy, ww, wh] = sheet.window;
        let k = sheet.scale;
        let (ox, oy) = sheet.origin;
        content.save_state();
        // Only the window: neighbouring sheets' parts stay off this one's margin.
        content
            .rect(
                ox as f32,
                (sheet.height - oy - wh * k) as f32,
                (ww * k) as f32,
                (wh * k) as f32,
            )
            .clip_nonzero()
            .end_path();
        // The form is the blueprint squeezed into a unit square (y up); stretch it back to size at
        // `k` points per unit with the window's corner on the origin.
        content.transform([
            (tree_w * k) as f32,
            0.0,
            0.0,
            (tree_h * k) as f32,
            (ox - k * wx) as f32,
            (sheet.height - oy - k * (tree_h - wy)) as f32,
        ]);
        content.x_object(Name(b"Bp"));
        content.restore_state();
        if marks.is_some() {
            content.save_state();
            content.transform([
                sheet.width as f32,
                0.0,
                0.0,
                (sheet.height * n) as f32,
                0.0,
                (sheet.height * (1.0 - n + i as f64)) as f32,
            ]);
            content.x_object(Name(b"Mk"));
            content.restore_state();
        }
        pdf.stream(*content_ref, &content.finish());

        let mut page = pdf.page(*page_ref);
        page.media_box(PdfRect::new(
            0.0,
            0.0,
            sheet.width as f32,
            sheet.height as f32,
        ));
        page.parent(page_tree);
        page.contents(*content_ref);
        let mut resources = page.resources();
        let mut forms = resources.x_objects();
        forms.pair(Name(b"Bp"), blueprint);
        if let Some(m) = marks {
            forms.pair(Name(b"Mk"), m);
        }
        forms.finish();
        resources.finish();
        page.finish();
    }
    pdf.extend(&objects);
    let objects = canonical(&pdf, catalog).ok_or_else(|| encode_error("unexpected PDF objects"))?;
    let mut info = Chunk::new();
    info.indirect(Ref::new(objects.len() as i32 + 1))
        .start::<DocumentInfo>()
        .title(TextStr(&scene.title.text))
        .producer(TextStr("Throughline"));
    Ok(serialise(&objects, info.as_bytes()))
}

/// One indirect object: its text up to the stream, and the stream's bytes if it has one.
struct Object {
    head: Vec<u8>,
    stream: Option<Vec<u8>>,
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Splits a chunk written by pdf-writer into its objects, in the chunk's order.
fn split(chunk: &Chunk) -> Option<Vec<(i32, Object)>> {
    let bytes = chunk.as_bytes();
    let mut pos = 0;
    let mut out = Vec::with_capacity(chunk.len());
    for r in chunk.refs() {
        let prefix = format!("{} 0 obj\n", r.get());
        if !bytes.get(pos..)?.starts_with(prefix.as_bytes()) {
            return None;
        }
        pos += prefix.len();
        let end = find(bytes, b"\nendobj\n\n", pos)?;
        let stream = find(bytes, b"\nstream\n", pos).filter(|s| *s < end);
        let object = match stream {
            Some(s) => {
                let head = &bytes[pos..s];
                let at = find(head, b"/Length ", 0)? + 8;
                let digits: Vec<u8> = head[at..]
                    .iter()
                    .copied()
                    .take_while(u8::is_ascii_digit)
                    .collect();
                let len: usize = std::str::from_utf8(&digits).ok()?.parse().ok()?;
                let data = s + 8;
                let tail = data + len;
                if !bytes.get(tail..)?.starts_with(b"\nendstream\nendobj\n\n") {
                    return None;
                }
                pos = tail + 19;
                Object {
                    head: head.to_vec(),
                    stream: Some(bytes[data..tail].to_vec()),
                }
            }
            None => {
                let head = bytes[pos..end].to_vec();
                pos = end + 9;
                Object { head, stream: None }
            }
        };
        out.push((r.get(), object));
    }
    Some(out)
}

/// Calls `f` with every indirect reference ("12 0 R") in an object's text, outside strings, and
/// returns the text with each replaced by what `f` answers.
fn map_refs(head: &[u8], mut f: impl FnMut(i32) -> i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(head.len());
    let mut i = 0;
    while i < head.len() {
        let c = head[i];
        if c == b'(' {
            // A literal string: copied as is, up to its balancing parenthesis.
            let mut depth = 0;
            while i < head.len() {
                let c = head[i];
                out.push(c);
                i += 1;
                match c {
                    b'\\' => {
                        if let Some(&n) = head.get(i) {
                            out.push(n);
                            i += 1;
                        }
                    }
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
            continue;
        }
        let starts_number = c.is_ascii_digit()
            && (i == 0
                || !head[i - 1].is_ascii_alphanumeric()
                    && head[i - 1] != b'.'
                    && head[i - 1] != b'-');
        if starts_number {
            let n_end = i + head[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            if head.get(n_end..).is_some_and(|rest| {
                rest.starts_with(b" 0 R") && rest.get(4).is_none_or(|b| !b.is_ascii_alphanumeric())
            }) {
                if let Some(n) = std::str::from_utf8(&head[i..n_end])
                    .ok()
                    .and_then(|t| t.parse().ok())
                {
                    out.extend(f(n).to_string().as_bytes());
                    out.extend(b" 0 R");
                    i = n_end + 4;
                    continue;
                }
            }
            out.extend(&head[i..n_end]);
            i = n_end;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Sorts each run of one-line entries of a dictionary (same indentation, starting with a name), so
/// entries written in hash order come out the same every time. Order inside a PDF dictionary means
/// nothing, so the meaning is unchanged.
fn sort_entries(head: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(head);
    let lines: Vec<&str> = text.split('\n').collect();
    let simple = |l: &str| {
        let t = l.trim_start();
        t.starts_with('/') && !t.ends_with("<<") && !t.ends_with('[')
    };
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut out: Vec<&str> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        if simple(lines[i]) {
            let mut j = i + 1;
            while j < lines.len() && simple(lines[j]) && indent(lines[j]) == indent(lines[i]) {
                j += 1;
            }
            let mut run = lines[i..j].to_vec();
            run.sort_unstable();
            out.extend(run);
            i = j;
        } else {
            out.push(lines[i]);
            i += 1;
        }
    }
    out.join("\n").into_bytes()
}

/// The chunk's objects in an order and numbering that depend only on what they say: svg2pdf keeps
/// fonts and resources in hash maps, so the same drawing can come out with objects and dictionary
/// entries shuffled. Entries are sorted, then objects numbered in the order they are first reached
/// from `root`.
fn canonical(chunk: &Chunk, root: Ref) -> Option<Vec<Object>> {
    let mut objects: HashMap<i32, Object> = split(chunk)?
        .into_iter()
        .map(|(id, mut o)| {
            o.head = sort_entries(&o.head);
            (id, o)
        })
        .collect();
    let order_in_chunk: Vec<i32> = chunk.refs().map(|r| r.get()).collect();
    let mut numbers: HashMap<i32, i32> = HashMap::new();
    let mut order = Vec::new();
    let mut stack = vec![root.get()];
    while let Some(id) = stack.pop() {
        if numbers.contains_key(&id) || !objects.contains_key(&id) {
            continue;
        }
        numbers.insert(id, order.len() as i32 + 1);
        order.push(id);
        let mut children = Vec::new();
        map_refs(&objects[&id].head, |r| {
            children.push(r);
            r
        });
        stack.extend(children.into_iter().rev());
    }
    for id in order_in_chunk {
        if let std::collections::hash_map::Entry::Vacant(e) = numbers.entry(id) {
            e.insert(order.len() as i32 + 1);
            order.push(id);
        }
    }
    Some(
        order
            .into_iter()
            .filter_map(|id| objects.remove(&id))
            .map(|o| Object {
                head: map_refs(&o.head, |r| numbers.get(&r).copied().unwrap_or(r)),
                stream: o.stream,
            })
            .collect(),
    )
}

/// Writes the PDF file: header, `objects` numbered from 1 (the first is the catalog), the already
/// written `info` object after them, the cross-reference table and the trailer.
fn serialise(objects: &[Object], info: &[u8]) -> Vec<u8> {
    let size: usize = objects
        .iter()
        .map(|o| o.head.len() + o.stream.as_ref().map_or(0, Vec::len) + 64)
        .sum();
    let mut out = Vec::with_capacity(size + info.len() + 64 * objects.len());
    out.extend(b"%PDF-1.7\n%\x80\x80\x80\x80\n\n");
    let mut offsets = Vec::with_capacity(objects.len() + 1);
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(&o.head);
        if let Some(data) = &o.stream {
            out.extend(b"\nstream\n");
            out.extend(data);
            out.extend(b"\nendstream");
        }
        out.extend(b"\nendobj\n\n");
    }
    offsets.push(out.len());
    out.extend(info);
    let xref = out.len();
    let count = offsets.len() + 1;
    out.extend(format!("xref\n0 {count}\n0000000000 65535 f\r\n").as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n\r\n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<<\n  /Size {count}\n  /Root 1 0 R\n  /Info {} 0 R\n>>\nstartxref\n{xref}\n%%EOF",
            count - 1
        )
        .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{layout, Fonts};
    use throughline_core::sample::sample_workspace;

    fn pages_in(pdf: &[u8]) -> usize {
        let text = String::from_utf8_lossy(pdf);
        text.matches("/Type /Page\n").count()
            + text.matches("/Type /Page ").count()
            + text.matches("/Type /Page/").count()
            + text.matches("/Type /Page>").count()
    }

    fn boxes(pdf: &[u8]) -> Vec<(f64, f64)> {
        let text = String::from_utf8_lossy(pdf);
        text.split("/MediaBox [")
            .skip(1)
            .map(|rest| {
                let nums: Vec<f64> = rest
                    .split(']')
                    .next()
                    .unwrap()
                    .split_whitespace()
                    .map(|n| n.parse().unwrap())
                    .collect();
                (nums[2] - nums[0], nums[3] - nums[1])
            })
            .collect()
    }

    #[test]
    fn sheets_cover_the_blueprint_with_overlap() {
        // 2,000 × 1,000 units = 1,500 × 750 pt on A4 landscape: 785 × 539 pt of room per sheet, each
        // further sheet adding 28 pt less, so 2 × 2 sheets.
        let p = plan(
            2000.0,
            1000.0,
            PageLayout::Tiled {
                paper: Paper::A4,
                landscape: true,
            },
        );
        assert_eq!((p.rows, p.columns, p.sheets.len()), (2, 2, 4));
        for pair in p.sheets.windows(2).filter(|w| w[0].row == w[1].row) {
            let [ax, _, aw, _] = pair[0].window;
            let bx = pair[1].window[0];
            let shared = (ax + aw - bx) * PT_PER_UNIT;
            assert!(
                (shared - OVERLAP).abs() < 0.01,
                "neighbours share {shared} pt"
            );
        }
        let last = p.sheets.last().unwrap().window;
        assert!((last[0] + last[2] - 2000.0).abs() < 1e-6);
        assert!((last[1] + last[3] - 1000.0).abs() < 1e-6);
        let small = plan(
            100.0,
            100.0,
            PageLayout::Tiled {
                paper: Paper::A3,
                landscape: false,
            },
        );
        assert_eq!(small.sheets.len(), 1);
    }

    #[test]
    fn tiled_page_counts_for_every_paper_and_orientation() {
        let ws = sample_workspace().unwrap();
        let j = &ws.journeys[0];
        let scene = layout(j, &ws.flows_of(j), &Fonts::embedded());
        let (bw, bh) = (scene.width * PT_PER_UNIT, scene.height * PT_PER_UNIT);
        for paper in [Paper::A4, Paper::A3, Paper::Letter] {
            for landscape in [false, true] {
                let layout = PageLayout::Tiled { paper, landscape };
                let (pw, ph) = sheet_size(paper, landscape);
                let expect = |len: f64, side: f64| {
                    let room = side - 2.0 * SHEET_MARGIN;
                    let mut n = 1;
                    while room + (n as f64 - 1.0) * (room - OVERLAP) < len {
                        n += 1;
                    }
                    n
                };
                let want = expect(bw, pw) * expect(bh, ph);
                let pdf = to_pdf_pages(&scene, layout).unwrap();
                assert_eq!(pages_in(&pdf), want, "{paper:?} landscape={landscape}");
                assert!(want > 1, "the sample needs several sheets of {paper:?}");
                let sizes = boxes(&pdf);
                assert_eq!(sizes.len(), want);
                for (w, h) in sizes {
                    assert!((w - pw).abs() < 0.01 && (h - ph).abs() < 0.01);
                }
                let text = String::from_utf8_lossy(&pdf);
                assert!(text.contains("NotoSans"), "the font is embedded");
                assert!(text.contains("/ToUnicode"), "the text can be searched");
            }
        }
    }

    #[test]
    fn a_fitted_page_is_the_blueprint_size_and_never_over_the_limit() {
        let ws = sample_workspace().unwrap();
        let j = &ws.journeys[0];
        let scene = layout(j, &ws.flows_of(j), &Fonts::embedded());
        let pdf = to_pdf_pages(&scene, PageLayout::Fit).unwrap();
        assert_eq!(pages_in(&pdf), 1);
        let (w, h) = boxes(&pdf)[0];
        assert!((w - scene.width * 0.75).abs() < 0.01 && (h - scene.height * 0.75).abs() < 0.01);
        assert!(String::from_utf8_lossy(&pdf).contains("/ToUnicode"));

        let huge = plan(40_000.0, 5_000.0, PageLayout::Fit);
        let s = &huge.sheets[0];
        assert!((s.width - MAX_PAGE_SIDE).abs() < 1e-6, "{}", s.width);
        assert!(
            (s.height - MAX_PAGE_SIDE / 8.0).abs() < 1e-6,
            "{}",
            s.height
        );
        let tall = plan(500.0, 30_000.0, PageLayout::Fit);
        assert!(tall.sheets[0].height <= MAX_PAGE_SIDE + 1e-9);
        assert!(tall.sheets[0].width <= MAX_PAGE_SIDE);
    }

    #[test]
    fn the_same_scene_gives_the_same_pdf() {
        let ws = sample_workspace().unwrap();
        let j = &ws.journeys[0];
        let scene = layout(j, &ws.flows_of(j), &Fonts::embedded());
        let layout = PageLayout::Tiled {
            paper: Paper::Letter,
            landscape: true,
        };
        assert_eq!(
            to_pdf_pages(&scene, layout).unwrap(),
            to_pdf_pages(&scene, layout).unwrap()
        );
    }
}
