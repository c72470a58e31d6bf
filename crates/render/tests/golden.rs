//! The sample journey's SVG, compared byte for byte with the file checked in. After an intended change
//! of the look, regenerate it with `UPDATE_GOLDEN=1 cargo test -p throughline-render --test golden` and
//! review the picture before committing.

use std::path::PathBuf;

use throughline_core::sample::sample_workspace;
use throughline_render::{layout, to_svg, Fonts};

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

#[test]
fn sample_journeys_match_their_golden_svgs() {
    let ws = sample_workspace().unwrap();
    let fonts = Fonts::embedded();
    for (i, journey) in ws.journeys.iter().enumerate() {
        let svg = to_svg(&layout(journey, &ws.flows_of(journey), &fonts));
        let path = golden(&format!("sample-{}.svg", i + 1));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &svg).unwrap();
        }
        let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
                path.display()
            )
        });
        assert!(
            svg == want,
            "{} differs from the layout; if the change is intended, run with UPDATE_GOLDEN=1",
            path.display()
        );
    }
}

#[test]
fn the_same_journey_gives_the_same_bytes() {
    let ws = sample_workspace().unwrap();
    let j = &ws.journeys[0];
    let a = to_svg(&layout(j, &ws.flows_of(j), &Fonts::embedded()));
    let b = to_svg(&layout(j, &ws.flows_of(j), &Fonts::embedded()));
    assert_eq!(a, b);
}
