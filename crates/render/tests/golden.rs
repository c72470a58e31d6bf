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

/// The sample journey's PNG at 1×, compared pixel by pixel with the checked-in picture. Rasterising is
/// deterministic, but a different CPU may round an anti-aliased edge differently, so a channel may
/// differ by a few levels on a sliver of pixels; anything more is a change of the look.
#[test]
fn sample_png_matches_its_golden_picture_closely() {
    let ws = sample_workspace().unwrap();
    let j = &ws.journeys[0];
    let png =
        throughline_render::export::to_png(&layout(j, &ws.flows_of(j), &Fonts::embedded()), 1.0)
            .unwrap();
    let path = golden("sample-1.png");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &png).unwrap();
    }
    let want = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    let (have, have_size) = pixels(&png);
    let (want, want_size) = pixels(&want);
    assert_eq!(have_size, want_size, "the picture changed size");
    let differing = have
        .iter()
        .zip(&want)
        .filter(|(a, b)| a.abs_diff(**b) > 0)
        .count();
    let worst = have
        .iter()
        .zip(&want)
        .map(|(a, b)| a.abs_diff(*b))
        .max()
        .unwrap_or(0);
    assert!(
        worst <= 24 && differing * 1000 <= have.len(),
        "{} differs from the export: {differing} of {} channels, by up to {worst}; if the change is \
         intended, run with UPDATE_GOLDEN=1 and look at the picture",
        path.display(),
        have.len()
    );
}

fn pixels(png: &[u8]) -> (Vec<u8>, (u32, u32)) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (buf, (info.width, info.height))
}
