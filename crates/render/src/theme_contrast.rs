//! WCAG 2.2 AA over the theme: every text colour against every background it is drawn on reaches
//! 4.5:1, and every mark that carries meaning without words (moment of truth, pain points, emotion,
//! hand-offs, arrows) reaches 3:1 against the card or band under it.

use throughline_core::{LaneKind, Severity};

use crate::layout::chip_colours;
use crate::scene::ChipRole;
use crate::theme::{emotion_colour, palette, severity_colour, Colours, TextStyles};

/// The relative luminance of a `#rrggbb` colour (WCAG 2.2, "relative luminance").
fn luminance(hex: &str) -> f64 {
    let hex = hex.strip_prefix('#').expect("a #rrggbb colour");
    assert_eq!(hex.len(), 6, "#{hex} is not #rrggbb");
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex digits")) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

/// The contrast ratio of two colours, 1 to 21.
fn ratio(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

const LANES: [LaneKind; 5] = [
    LaneKind::Evidence,
    LaneKind::Customer,
    LaneKind::Frontstage,
    LaneKind::Backstage,
    LaneKind::Support,
];

/// The legend's panel (svg.rs draws it in this colour).
const LEGEND: &str = "#f8fafc";

/// Every (what, foreground, background) pair of text the blueprint draws.
fn text_pairs() -> Vec<(String, String, String)> {
    let t = TextStyles::standard();
    let c = Colours::standard();
    let mut pairs = vec![
        ("title".into(), t.title.fill.clone(), c.card.clone()),
        ("persona".into(), t.subtitle.fill.clone(), c.card.clone()),
        (
            "stage heading".into(),
            t.stage.fill.clone(),
            c.stage.clone(),
        ),
        ("card text".into(), t.card.fill.clone(), c.card.clone()),
        ("channel".into(), t.channel.fill.clone(), c.card.clone()),
        ("legend entry".into(), t.channel.fill.clone(), LEGEND.into()),
        ("legend heading".into(), t.label.fill.clone(), LEGEND.into()),
        ("legend title".into(), t.lane.fill.clone(), LEGEND.into()),
        ("title facts".into(), t.label.fill.clone(), c.card.clone()),
        ("fail badge".into(), c.fail.clone(), c.card.clone()),
        ("wait badge".into(), c.wait.clone(), c.card.clone()),
    ];
    for lane in LANES {
        let p = palette(lane);
        pairs.push((
            format!("{lane:?} lane heading"),
            t.lane.fill.clone(),
            p.header,
        ));
        pairs.push((format!("{lane:?} band label"), t.label.fill.clone(), p.band));
    }
    for role in [
        ChipRole::Owner,
        ChipRole::PerformedBy,
        ChipRole::Uses,
        ChipRole::PartOf,
    ] {
        let (fill, text) = chip_colours(role);
        pairs.push((format!("{role:?} chip"), text.into(), fill.into()));
    }
    pairs
}

/// Every (what, mark, background) pair of marks without words.
fn mark_pairs() -> Vec<(String, String, String)> {
    let c = Colours::standard();
    let customer = palette(LaneKind::Customer).band;
    let mut pairs = vec![("moment of truth".into(), c.moment.clone(), c.card.clone())];
    for severity in [Severity::Low, Severity::Medium, Severity::High] {
        pairs.push((
            format!("{severity:?} pain point"),
            severity_colour(severity).into(),
            c.card.clone(),
        ));
    }
    for score in -2..=2 {
        pairs.push((
            format!("emotion {score}"),
            emotion_colour(score).into(),
            customer.clone(),
        ));
    }
    pairs.push(("emotion curve".into(), c.curve.clone(), customer));
    for lane in LANES {
        let band = palette(lane).band;
        pairs.push((format!("arrow on {lane:?}"), c.arrow.clone(), band.clone()));
        pairs.push((format!("hand-off on {lane:?}"), c.handoff.clone(), band));
    }
    pairs
}

fn failures(pairs: Vec<(String, String, String)>, floor: f64) -> Vec<String> {
    pairs
        .into_iter()
        .filter_map(|(what, fg, bg)| {
            let r = ratio(&fg, &bg);
            (r < floor).then(|| format!("{what}: {fg} on {bg} is {r:.2}:1, under {floor}:1"))
        })
        .collect()
}

#[test]
fn the_ratio_matches_the_wcag_examples() {
    assert!((ratio("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    assert!((ratio("#777777", "#ffffff") - 4.48).abs() < 0.01);
    assert_eq!(ratio("#2f64d6", "#2f64d6"), 1.0);
}

#[test]
fn every_text_of_the_theme_reaches_4_5_to_1() {
    let failed = failures(text_pairs(), 4.5);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn every_mark_without_words_reaches_3_to_1() {
    let failed = failures(mark_pairs(), 3.0);
    assert!(failed.is_empty(), "{failed:#?}");
}
