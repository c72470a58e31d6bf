//! Scene → SVG text. Attributes are escaped and numbers rounded to hundredths, so the same scene always
//! gives the same bytes and golden files compare exactly.

use std::fmt::Write;

use crate::scene::{
    Badge, Card, CommentNotes, EmotionBand, Legend, LegendSymbol, PainMarker, PainNotes, Point,
    Rect, Scene, TextLine, TitleBlock,
};
use crate::theme::{Colours, FontSpec};
use throughline_core::text::is_noncharacter;

/// Appends `v` rounded to two decimals, without trailing zeros ("12", "12.5", "-3.25").
pub fn push_num(out: &mut String, v: f64) {
    let x = v * 100.0;
    if x.abs() < 1e15 {
        // Hundredths rounded half away from zero, as `f64::round` does, without its library call: the
        // truncated part is exact below 2^52, so the fraction left over is too. The digits are then
        // written directly: the same text `{}` gives for hundredths / 100 (the nearest double to a
        // whole number of hundredths prints as exactly those digits), at a fraction of the
        // formatter's cost; routes put halves and quarters in most coordinates.
        let truncated = x as i64;
        let rest = x - truncated as f64;
        let n = truncated + i64::from(rest >= 0.5) - i64::from(rest <= -0.5);
        if n < 0 {
            out.push('-');
        }
        let (whole, part) = (n.unsigned_abs() / 100, n.unsigned_abs() % 100);
        out.push_str(itoa::Buffer::new().format(whole));
        if part != 0 {
            out.push('.');
            out.push(char::from(b'0' + (part / 10) as u8));
            if part % 10 != 0 {
                out.push(char::from(b'0' + (part % 10) as u8));
            }
        }
    } else {
        let _ = write!(out, "{}", x.round() / 100.0);
    }
}

/// Bytes that text can be copied with as they are: printable ASCII other than the five XML escapes.
/// Non-ASCII and control bytes take the careful path.
const PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut b = 0x20;
    while b < 0x7f {
        plain[b] = !matches!(b as u8, b'&' | b'<' | b'>' | b'"' | b'\'');
        b += 1;
    }
    plain
};

/// Appends `s` escaped for XML text and attribute values, leaving out control characters and
/// noncharacters (which XML does not allow).
pub fn push_escaped(out: &mut String, s: &str) {
    // Most text (and all path data) is plain ASCII with nothing to escape: copy it in one go.
    if s.bytes().all(|b| PLAIN[usize::from(b)]) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() || is_noncharacter(c) => {}
            c => out.push(c),
        }
    }
}

struct Writer {
    out: String,
}

impl Writer {
    fn raw(&mut self, s: &str) -> &mut Self {
        self.out.push_str(s);
        self
    }

    fn num(&mut self, v: f64) -> &mut Self {
        push_num(&mut self.out, v);
        self
    }

    fn attr(&mut self, name: &str, v: f64) -> &mut Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_num(&mut self.out, v);
        self.out.push('"');
        self
    }

    fn attr_str(&mut self, name: &str, v: &str) -> &mut Self {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_escaped(&mut self.out, v);
        self.out.push('"');
        self
    }

    fn rect(&mut self, r: &Rect, rx: f64, fill: &str) -> &mut Self {
        self.raw("<rect")
            .attr("x", r.x)
            .attr("y", r.y)
            .attr("width", r.width)
            .attr("height", r.height);
        if rx > 0.0 {
            self.attr("rx", rx);
        }
        self.attr_str("fill", fill)
    }

    fn text(&mut self, line: &TextLine, class: &str) -> &mut Self {
        self.raw("<text")
            .attr_str("class", class)
            .attr("x", line.x)
            .attr("y", line.y)
            .raw(">");
        push_escaped(&mut self.out, &line.text);
        self.raw("</text>\n")
    }
}

fn style_rule(w: &mut Writer, class: &str, family: &str, f: &FontSpec) {
    w.raw(".")
        .raw(class)
        .raw("{font-family:")
        .raw(family)
        .raw(";font-size:")
        .num(f.size)
        .raw("px;font-weight:")
        .raw(&f.weight.to_string())
        .raw(";fill:")
        .raw(&f.fill)
        .raw("}\n");
}

/// The scene as a standalone SVG document.
pub fn to_svg(scene: &Scene) -> String {
    write_svg(scene, None, false)
}

/// The scene as the SVG the rasteriser reads: [`to_svg`]'s drawing with every line and arrow in a
/// group of its own. resvg can draw a top-level group alone, which lets a PNG strip draw only what
/// crosses it, but not a bare horizontal or vertical line (its box has no area).
pub(crate) fn to_layered_svg(scene: &Scene) -> String {
    write_svg(scene, None, true)
}

/// The SVG document, with `metadata` (well-formed XML) inside a `<metadata>` element right after the
/// root's opening tag when given, and lines grouped as [`to_layered_svg`] says when `layered`.
/// Without either the bytes are exactly [`to_svg`]'s.
pub(crate) fn write_svg(scene: &Scene, metadata: Option<&str>, layered: bool) -> String {
    let (open, close) = if layered { ("<g>", "</g>\n") } else { ("", "") };
    let mut w = Writer {
        out: String::with_capacity(
            4096 + scene.cards.len() * 700
                + scene.arrows.len() * 250
                + metadata.map_or(0, |m| m.len() + 32),
        ),
    };
    let c = &scene.colours;
    w.raw("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .attr("width", scene.width)
        .attr("height", scene.height)
        .raw(" viewBox=\"0 0 ")
        .num(scene.width)
        .raw(" ")
        .num(scene.height)
        .raw("\">\n");
    if let Some(m) = metadata {
        w.raw("<metadata>").raw(m).raw("</metadata>\n");
    }
    w.raw("<style>\n");
    let s = &scene.styles;
    for (class, spec) in [
        ("title", &s.title),
        ("subtitle", &s.subtitle),
        ("stage", &s.stage),
        ("lane", &s.lane),
        ("card", &s.card),
        ("channel", &s.channel),
        ("label", &s.label),
    ] {
        style_rule(&mut w, class, &s.family, spec);
    }
    w.raw("</style>\n<defs><marker id=\"arrowhead\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\"")
        .attr_str("fill", &c.arrow)
        .raw("/></marker></defs>\n");
    w.rect(
        &Rect {
            x: 0.0,
            y: 0.0,
            width: scene.width,
            height: scene.height,
        },
        0.0,
        &c.background,
    )
    .raw("/>\n");
    if let Some(block) = &scene.title_block {
        // The block names the journey, so the title lines are not repeated.
        write_title_block(&mut w, scene, block);
    } else {
        w.text(&scene.title, "title");
        if let Some(sub) = &scene.subtitle {
            w.text(sub, "subtitle");
        }
    }
    if let Some(states) = &scene.states {
        if let Some(current) = &states.current_heading {
            w.text(current, "title");
        }
        w.text(&states.heading, "title");
        if let Some(sub) = &states.subheading {
            w.text(sub, "subtitle");
        }
    }
    for lane in &scene.lanes {
        w.rect(&lane.band, 8.0, &lane.palette.band).raw("/>\n");
        w.rect(&lane.header, 8.0, &lane.palette.header).raw("/>\n");
        for line in &lane.lines {
            w.text(line, "lane");
        }
    }
    for e in scene
        .emotion
        .iter()
        .chain(scene.states.as_ref().and_then(|s| s.emotion.as_ref()))
    {
        write_emotion(&mut w, c, e, open, close);
    }
    for r in &scene.rules {
        w.raw(open)
            .raw("<line")
            .attr("x1", r.x1)
            .attr("y1", r.y1)
            .attr("x2", r.x2)
            .attr("y2", r.y2)
            .attr_str("stroke", &c.divider)
            .raw("/>\n")
            .raw(close);
    }
    for stage in &scene.stages {
        w.rect(&stage.header, 6.0, &c.stage).raw("/>\n");
        for line in &stage.lines {
            w.text(line, "stage");
        }
    }
    for sep in &scene.separators {
        w.raw(open)
            .raw("<line")
            .attr("x1", sep.x1)
            .attr("y1", sep.y)
            .attr("x2", sep.x2)
            .attr("y2", sep.y)
            .attr_str("stroke", &c.line)
            .raw(" stroke-width=\"1.5\" stroke-dasharray=\"8 5\"/>\n");
        w.rect(&sep.label_box, 8.0, &c.background)
            .attr_str("stroke", &c.line)
            .raw("/>\n");
        w.text(&sep.label, "label");
        w.raw(close);
    }
    for card in &scene.cards {
        write_card(&mut w, scene, card);
    }
    for arrow in &scene.arrows {
        w.raw(open)
            .raw("<path")
            .attr_str("d", &arrow.path)
            .raw(" fill=\"none\"")
            .attr_str("stroke", &c.arrow)
            .raw(" stroke-width=\"1.6\" marker-end=\"url(#arrowhead)\"/>\n")
            .raw(close);
    }
    for at in scene.arrows.iter().filter_map(|a| a.handoff) {
        w.raw("<path")
            .attr_str("d", &handoff_diamond(at))
            .attr_str("fill", &c.handoff)
            .raw(" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n");
    }
    for tag in scene.states.iter().flat_map(|s| &s.tags) {
        w.rect(&tag.rect, tag.rect.height / 2.0, &tag.fill)
            .raw("/>\n")
            .raw("<text class=\"label\"")
            .attr_str("fill", &tag.text)
            .attr("x", tag.label.x)
            .attr("y", tag.label.y)
            .raw(">");
        push_escaped(&mut w.out, &tag.label.text);
        w.raw("</text>\n");
    }
    if let Some(legend) = &scene.legend {
        write_legend(&mut w, scene, legend);
    }
    if let Some(notes) = &scene.pain_notes {
        write_pain_notes(&mut w, scene, notes);
    }
    if let Some(notes) = &scene.comment_notes {
        write_comment_notes(&mut w, scene, notes);
    }
    w.raw("</svg>\n");
    w.out
}

/// An emotion band: its frame, grid, scale, curves and key, as one layer when `open`/`close` group it.
fn write_emotion(w: &mut Writer, c: &Colours, e: &EmotionBand, open: &str, close: &str) {
    w.raw(open);
    w.rect(&e.band, 8.0, "#f8fafc").raw("/>\n");
    w.rect(&e.header, 8.0, "#eef1f5").raw("/>\n");
    w.text(&e.title, "lane");
    for (i, y) in e.grid.iter().enumerate() {
        w.raw("<line")
            .attr("x1", e.header.x + e.header.width + 8.0)
            .attr("y1", *y)
            .attr("x2", e.band.x + e.band.width - 8.0)
            .attr("y2", *y)
            .attr_str("stroke", &c.divider)
            .raw(if i == 1 {
                " stroke-dasharray=\"4 4\""
            } else {
                ""
            })
            .raw("/>\n");
    }
    for tick in &e.ticks {
        w.text(tick, "label");
    }
    let main = (e.stroke.as_str(), e.path.as_str(), e.points.as_slice());
    let others = e
        .curves
        .iter()
        .map(|k| (k.colour.as_str(), k.path.as_str(), k.points.as_slice()));
    for (stroke, path, points) in std::iter::once(main).chain(others) {
        if !path.is_empty() {
            w.raw("<path")
                .attr_str("d", path)
                .raw(" fill=\"none\"")
                .attr_str("stroke", stroke)
                .raw(" stroke-width=\"2.5\"/>\n");
        }
        for p in points {
            w.raw("<circle")
                .attr("cx", p.at.x)
                .attr("cy", p.at.y)
                .raw(" r=\"5.5\"")
                .attr_str("fill", &p.colour)
                .raw(" stroke=\"#ffffff\" stroke-width=\"2\"/>\n");
        }
    }
    for k in &e.key {
        w.raw("<circle")
            .attr("cx", k.swatch.x)
            .attr("cy", k.swatch.y)
            .raw(" r=\"5\"")
            .attr_str("fill", &k.colour)
            .raw("/>\n");
        w.text(&k.label, "label");
    }
    w.raw(close);
}

/// The hand-off marker: a diamond centred on the arrow's midpoint.
fn handoff_diamond(at: Point) -> String {
    let mut d = String::from("M");
    push_num(&mut d, at.x);
    d.push(' ');
    push_num(&mut d, at.y - 7.0);
    d.push_str("l7 7l-7 7l-7-7z");
    d
}

/// The border of a card marked as an assumption: dashed and a little heavier, so a guess reads as a
/// guess from across the room and on paper, without colour.
const ASSUMPTION_BORDER: &str = " stroke-width=\"2\" stroke-dasharray=\"6 4\"";

fn write_card(w: &mut Writer, scene: &Scene, card: &Card) {
    let c = &scene.colours;
    let palette = scene
        .lanes
        .iter()
        .find(|l| l.id == card.lane)
        .map(|l| &l.palette);
    let (stroke, accent) = palette
        .map(|p| (p.card_stroke.as_str(), p.accent.as_str()))
        .unwrap_or(("#cccccc", "#888888"));
    w.raw("<g")
        .attr_str("data-id", &card.id.to_string())
        .raw(">");
    w.rect(&card.rect, 6.0, &c.card).attr_str("stroke", stroke);
    if card.assumption {
        w.raw(ASSUMPTION_BORDER);
    }
    w.raw("/>");
    w.rect(
        &Rect {
            x: card.rect.x + 3.0,
            y: card.rect.y + 6.0,
            width: 4.0,
            height: card.rect.height - 12.0,
        },
        2.0,
        accent,
    )
    .raw("/>\n");
    for line in &card.lines {
        w.text(line, "card");
    }
    if let Some(ch) = &card.channel {
        w.text(ch, "channel");
    }
    if let Some(points) = &card.moment_of_truth {
        w.raw("<polygon")
            .attr_str("points", points)
            .attr_str("fill", &c.moment)
            .raw("/>");
    }
    if let Some(pain) = &card.pain_point {
        write_pain(w, pain);
    }
    for chip in &card.chips {
        write_chip(w, &chip.rect, &chip.fill, &chip.text, &chip.label);
    }
    for (badge, colour) in [(&card.fail_point, &c.fail), (&card.wait_point, &c.wait)] {
        if let Some(b) = badge {
            write_badge(w, b, colour, false);
        }
    }
    if let Some(b) = &card.comments {
        write_badge(w, b, &c.comment, true);
    }
    w.raw("</g>\n");
}

fn write_pain(w: &mut Writer, pain: &PainMarker) {
    let p = pain.at;
    w.raw("<g><title>Pain point: ");
    push_escaped(&mut w.out, &pain.text);
    w.raw("</title><circle")
        .attr("cx", p.x)
        .attr("cy", p.y)
        .raw(" r=\"7\"")
        .attr_str("fill", &pain.colour)
        .raw("/><rect")
        .attr("x", p.x - 1.0)
        .attr("y", p.y - 4.5)
        .raw(" width=\"2\" height=\"5\" fill=\"#ffffff\"/><rect")
        .attr("x", p.x - 1.0)
        .attr("y", p.y + 2.0)
        .raw(" width=\"2\" height=\"2\" fill=\"#ffffff\"/></g>");
}

fn write_chip(w: &mut Writer, rect: &Rect, fill: &str, text: &str, label: &TextLine) {
    w.rect(rect, 7.5, fill)
        .raw("/><text class=\"label\"")
        .attr("x", label.x)
        .attr("y", label.y)
        .attr_str("style", &format!("fill:{text}"))
        .raw(">");
    push_escaped(&mut w.out, &label.text);
    w.raw("</text>");
}

/// A round badge with a letter or a number: outlined in `colour` (the F and W badges), or a disc
/// filled with it and a white label (the comment marker), so the two read apart.
fn write_badge(w: &mut Writer, b: &Badge, colour: &str, filled: bool) {
    let (fill, label) = if filled {
        (colour, "#ffffff")
    } else {
        ("#ffffff", colour)
    };
    w.raw("<circle")
        .attr("cx", b.at.x)
        .attr("cy", b.at.y)
        .raw(" r=\"7\"")
        .attr_str("fill", fill);
    if !filled {
        w.raw(" stroke-width=\"1.5\"").attr_str("stroke", colour);
    }
    w.raw("/><text class=\"label\"")
        .attr("x", b.label.x)
        .attr("y", b.label.y)
        .attr_str("style", &format!("fill:{label}"))
        .raw(">");
    push_escaped(&mut w.out, &b.label.text);
    w.raw("</text>");
}

/// The title block as one group, so a renderer that skips what lies outside the part it draws
/// treats it as one piece.
fn write_title_block(w: &mut Writer, scene: &Scene, block: &TitleBlock) {
    let c = &scene.colours;
    w.raw("<g class=\"title-block\">\n");
    w.rect(&block.rect, 8.0, &c.card)
        .attr_str("stroke", &c.divider)
        .raw("/>\n");
    w.rect(&block.accent, 3.0, &c.stage).raw("/>\n");
    for line in &block.title {
        w.text(line, "title");
    }
    if let Some(p) = &block.persona {
        w.text(p, "subtitle");
    }
    for fact in &block.facts {
        w.text(&fact.caption, "label");
        w.text(&fact.value, "lane");
    }
    w.raw("</g>\n");
}

/// The legend as one group (see [`write_title_block`]).
fn write_legend(w: &mut Writer, scene: &Scene, legend: &Legend) {
    let c = &scene.colours;
    w.raw("<g class=\"legend\">\n");
    w.rect(&legend.rect, 8.0, "#f8fafc")
        .attr_str("stroke", &c.divider)
        .raw("/>\n");
    w.text(&legend.title, "lane");
    for section in &legend.sections {
        w.text(&section.heading, "label");
        for entry in &section.entries {
            write_symbol(w, scene, &entry.symbol);
            w.raw("\n");
            w.text(&entry.label, "channel");
        }
    }
    w.raw("</g>\n");
}

fn write_pain_notes(w: &mut Writer, scene: &Scene, notes: &PainNotes) {
    w.raw("<g class=\"pain-notes\">\n");
    w.rect(&notes.rect, 8.0, "#f8fafc")
        .attr_str("stroke", &scene.colours.divider)
        .raw("/>\n");
    w.text(&notes.title, "lane");
    for note in &notes.notes {
        write_pain(w, &note.marker);
        w.raw("\n");
        for line in &note.lines {
            w.text(line, "card");
        }
    }
    w.raw("</g>\n");
}

fn write_comment_notes(w: &mut Writer, scene: &Scene, notes: &CommentNotes) {
    w.raw("<g class=\"comment-notes\">\n");
    w.rect(&notes.rect, 8.0, "#f8fafc")
        .attr_str("stroke", &scene.colours.divider)
        .raw("/>\n");
    w.text(&notes.title, "lane");
    for note in &notes.notes {
        write_badge(w, &note.badge, &scene.colours.comment, true);
        w.raw("\n");
        for line in &note.lines {
            w.text(line, "card");
        }
    }
    w.raw("</g>\n");
}

fn write_symbol(w: &mut Writer, scene: &Scene, symbol: &LegendSymbol) {
    let c = &scene.colours;
    match symbol {
        LegendSymbol::Lane { rect, palette } => {
            w.rect(rect, 3.0, &palette.header)
                .attr_str("stroke", &palette.card_stroke)
                .raw("/>");
            w.rect(
                &Rect {
                    x: rect.x + 3.0,
                    y: rect.y + 3.0,
                    width: 4.0,
                    height: rect.height - 6.0,
                },
                2.0,
                &palette.accent,
            )
            .raw("/>");
        }
        LegendSymbol::Line { x1, x2, y, .. } => {
            w.raw("<line")
                .attr("x1", *x1)
                .attr("y1", *y)
                .attr("x2", *x2)
                .attr("y2", *y)
                .attr_str("stroke", &c.line)
                .raw(" stroke-width=\"1.5\" stroke-dasharray=\"8 5\"/>");
        }
        LegendSymbol::Flow { path } => {
            w.raw("<path")
                .attr_str("d", path)
                .raw(" fill=\"none\"")
                .attr_str("stroke", &c.arrow)
                .raw(" stroke-width=\"1.6\" marker-end=\"url(#arrowhead)\"/>");
        }
        LegendSymbol::MomentOfTruth { points } => {
            w.raw("<polygon")
                .attr_str("points", points)
                .attr_str("fill", &c.moment)
                .raw("/>");
        }
        LegendSymbol::PainPoint { markers } => {
            for m in markers {
                write_pain(w, m);
            }
        }
        LegendSymbol::Assumption { rect } => {
            w.rect(rect, 3.0, &c.card)
                .attr_str("stroke", &c.arrow)
                .raw(ASSUMPTION_BORDER)
                .raw("/>");
        }
        LegendSymbol::Fail { badge } => write_badge(w, badge, &c.fail, false),
        LegendSymbol::Wait { badge } => write_badge(w, badge, &c.wait, false),
        LegendSymbol::Handoff { at } => {
            w.raw("<path")
                .attr_str("d", &handoff_diamond(*at))
                .attr_str("fill", &c.handoff)
                .raw(" stroke=\"#ffffff\" stroke-width=\"1.5\"/>");
        }
        LegendSymbol::Emotion { at, colour } => {
            w.raw("<circle")
                .attr("cx", at.x)
                .attr("cy", at.y)
                .raw(" r=\"5.5\"")
                .attr_str("fill", colour)
                .raw(" stroke=\"#ffffff\" stroke-width=\"2\"/>");
        }
        LegendSymbol::Chip {
            rect,
            label,
            fill,
            text,
        } => write_chip(w, rect, fill, text, label),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(v: f64) -> String {
        let mut s = String::new();
        push_num(&mut s, v);
        s
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(-3.254), "-3.25");
        assert_eq!(num(0.1 + 0.2), "0.3");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(-1234567.0), "-1234567");
        assert_eq!(num(9.0), "9");
        assert_eq!(num(100.0), "100");
        assert_eq!(num(-0.5), "-0.5");
        assert_eq!(num(7.05), "7.05");
    }

    #[test]
    fn numbers_read_as_the_formatter_writes_their_rounded_value() {
        let mut x = 0.000_123_f64;
        for i in 0..200_000 {
            let v = if i % 2 == 0 { x } else { -x };
            let rounded = (v * 100.0).round() / 100.0;
            let want = if rounded == 0.0 {
                "0".to_owned()
            } else {
                format!("{rounded}")
            };
            assert_eq!(num(v), want, "{v}");
            x = x * 1.000_37 + 0.013;
        }
    }

    #[test]
    fn plain_text_is_copied_as_it_is() {
        let mut s = String::new();
        push_escaped(&mut s, "M1 2L3 4Q5 6 7 8 and words");
        assert_eq!(s, "M1 2L3 4Q5 6 7 8 and words");
    }

    #[test]
    fn markup_in_text_is_escaped() {
        let mut s = String::new();
        push_escaped(&mut s, "<script>&\"'</svg>\u{7}");
        assert_eq!(s, "&lt;script&gt;&amp;&quot;&#39;&lt;/svg&gt;");
    }

    #[test]
    fn characters_xml_forbids_are_never_written() {
        let mut s = String::new();
        push_escaped(
            &mut s,
            "a\u{FFFE}b\u{FFFF}c\u{FDD0}d\u{10FFFF}e\u{1}f\u{85}g",
        );
        assert_eq!(s, "abcdefg");
        let doc = format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>{s}</text></svg>");
        assert!(roxmltree::Document::parse(&doc).is_ok());
    }

    #[test]
    fn every_style_sets_the_family_list_the_scene_carries() {
        let ws = throughline_core::sample::sample_workspace().unwrap();
        let j = &ws.journeys[0];
        let scene = crate::layout(j, &ws.flows_of(j), &crate::Fonts::embedded());
        assert_eq!(scene.styles.family, crate::font::css_family_list());
        let svg = to_svg(&scene);
        let rules = svg.matches("font-family:").count();
        assert_eq!(rules, 7, "one rule per text style");
        assert_eq!(
            svg.matches(&format!("font-family:{};", scene.styles.family))
                .count(),
            rules
        );
    }
}
