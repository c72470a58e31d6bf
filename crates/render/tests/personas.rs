//! The emotion band of a journey drawn for several personas: one curve each, in distinct colours, with
//! a key naming them, on the screen's scene and in the exported SVG alike.

use std::collections::HashMap;

use throughline_core::{Id, Journey, LaneKind, PersonaScore, Step};
use throughline_render::{layout_cached, to_svg, Annotations, Fonts, WrapCache, PERSONA_COLOURS};

/// A hotel stay scored by a business traveller (the cards' emotion) and a family (their scores).
fn hotel(personas: &[Id]) -> Journey {
    let mut j = Journey::from_template("Hotel stay", &["Book", "Arrive", "Sleep", "Leave"]);
    let guest = j
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Customer)
        .unwrap()
        .id;
    for (i, stage) in j.stages.clone().iter().enumerate() {
        let mut s = Step::new(guest, stage.id, 0.0, "Guest step");
        s.emotion = Some([1, -2, 0, 2][i]);
        if let Some(family) = personas.get(1) {
            s.scores = vec![PersonaScore {
                persona: *family,
                score: [2, 0, -1, 1][i],
            }];
        }
        j.steps.push(s);
    }
    j.personas = personas.to_vec();
    j
}

#[test]
fn two_personas_draw_two_curves_in_distinct_colours_with_a_key() {
    let (business, family) = (Id::new(), Id::new());
    let j = hotel(&[business, family]);
    let notes = Annotations {
        personas: HashMap::from([
            (business, "Business traveller".to_owned()),
            (family, "Family".to_owned()),
        ]),
        ..Annotations::default()
    };
    let fonts = Fonts::embedded();
    let scene = layout_cached(&j, &[], &notes, &fonts, &mut WrapCache::default());
    let band = scene.emotion.as_ref().unwrap();
    assert_eq!(band.points.len(), 4);
    assert_eq!(band.curves.len(), 1);
    let family_curve = &band.curves[0];
    assert_eq!(family_curve.persona, family);
    assert_eq!(family_curve.points.len(), 4);
    assert!(!band.path.is_empty() && !family_curve.path.is_empty());
    assert_ne!(band.stroke, family_curve.colour);
    assert_eq!(
        [band.stroke.as_str(), family_curve.colour.as_str()],
        [PERSONA_COLOURS[0], PERSONA_COLOURS[1]]
    );
    let names: Vec<&str> = band.key.iter().map(|k| k.label.text.as_str()).collect();
    assert_eq!(names, ["Business traveller", "Family"]);
    assert!(
        band.key[0].label.x + 100.0 < band.key[1].label.x,
        "key entries side by side"
    );
    for p in band.points.iter().chain(&family_curve.points) {
        assert!(p.at.y > band.key[0].label.y, "points lie below the key");
        assert!(p.at.y < band.band.y + band.band.height);
    }
    // Same x for one card on both curves, so the curves can be compared stage by stage.
    assert_eq!(band.points[1].at.x, family_curve.points[1].at.x);
    let svg = to_svg(&scene);
    for colour in [PERSONA_COLOURS[0], PERSONA_COLOURS[1]] {
        assert!(
            svg.contains(&format!("stroke=\"{colour}\"")),
            "the exported picture draws the {colour} curve"
        );
    }
    assert!(svg.contains(">Family</text>"));
}

#[test]
fn a_journey_without_personas_keeps_its_single_curve_and_band() {
    let fonts = Fonts::embedded();
    let plain = layout_cached(
        &hotel(&[]),
        &[],
        &Annotations::default(),
        &fonts,
        &mut WrapCache::default(),
    );
    let band = plain.emotion.as_ref().unwrap();
    assert!(band.curves.is_empty() && band.key.is_empty());
    assert_eq!(band.band.height, 128.0);
    assert_ne!(
        band.points[0].colour, band.points[1].colour,
        "points keep their score colours"
    );
}
