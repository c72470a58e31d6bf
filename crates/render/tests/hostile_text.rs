//! Card text is whatever the room typed or an import carried: markup, quotes, control characters,
//! words longer than a card, right-to-left scripts. Every export of it must be a valid document that
//! shows the text as text and runs nothing.

use throughline_core::{Journey, Step};
use throughline_render::export::{svg_tree, to_pdf, to_png};
use throughline_render::{layout, to_svg, Fonts};

const HOSTILE: &[&str] = &[
    "<script>alert('x')</script>",
    "</svg><svg onload=\"alert(1)\">",
    "Tom & Jerry's \"quote\" <b>bold</b> ]]> --> <!--",
    "bell\u{7} escape\u{1b} nul\u{0} end",
    "Supercalifragilisticexpialidocious-and-then-some-more-without-any-space-at-all-for-a-very-long-time",
    "הלקוח מתקשר למוקד \u{202E}reversed\u{202C} ואז ממתין",
    "العميل يتصل بمركز الاتصال",
    // Emoji: a colour emoji font on the system must not break the PDF (its bitmaps cannot be subset).
    "Happy 😀 customer 🏠 ✔ 客户",
];

fn journey() -> Journey {
    let mut j = Journey::from_template("Hostile <journey> & \"name\"", &["A", "B"]);
    let (lane, stage) = (j.lanes[1].id, j.stages[0].id);
    for (i, text) in HOSTILE.iter().enumerate() {
        let mut step = Step::new(lane, stage, i as f64, text);
        // The same text as the pain point, which becomes the marker's tooltip.
        step.pain_point = Some(text.to_string());
        j.steps.push(step);
    }
    j
}

#[test]
fn hostile_text_gives_valid_inert_svg_png_and_pdf() {
    let scene = layout(&journey(), &[], &Fonts::embedded());
    let svg = to_svg(&scene);
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    let elements: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    assert!(!elements.contains(&"script"), "no script element");
    assert!(
        doc.descendants()
            .all(|n| n.attributes().all(|a| !a.name().starts_with("on"))),
        "no event handler attributes"
    );
    let text: String = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    assert!(text.contains("<script>alert('x')"), "markup shows as text");
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        titles.contains(&"Pain point: Tom & Jerry's \"quote\" <b>bold</b> ]]> --> <!--"),
        "the pain point is the marker's tooltip, as text: {titles:?}"
    );
    assert!(text.contains("Tom & Jerry's \"quote\""));
    assert!(
        !text.contains('\u{7}') && !text.contains('\u{0}'),
        "no control characters"
    );
    let card_w = scene.cards[0].rect.width;
    let font = Fonts::embedded();
    for card in &scene.cards {
        for line in &card.lines {
            let w = font
                .for_weight(400)
                .width(&line.text, scene.styles.card.size);
            assert!(w <= card_w, "a line runs out of its card: {:?}", line.text);
        }
    }
    svg_tree(&scene).expect("usvg reads it");
    assert!(to_png(&scene, 1.0).unwrap().starts_with(b"\x89PNG"));
    assert!(to_pdf(&scene).unwrap().starts_with(b"%PDF"));
}
