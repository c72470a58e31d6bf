//! The edges of every exported PNG are page: no dark line along the bottom row or the right column
//! where the picture's size in pixels is rounded up from a fraction of a pixel.

use throughline_api::{ExportFormat, ExportOptions, Id, OpenWorkspace};
use throughline_core::sample::sample_workspace;
use throughline_core::synthetic;

/// The picture's pixels as RGBA rows (RGB pictures get alpha 255), with its width and height.
fn decode(png: &[u8]) -> (Vec<[u8; 4]>, usize, usize) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (w, h) = (info.width as usize, info.height as usize);
    let pixels = match info.color_type {
        png::ColorType::Rgb => buf[..w * h * 3]
            .chunks_exact(3)
            .map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::Rgba => buf[..w * h * 4]
            .chunks_exact(4)
            .map(|p| [p[0], p[1], p[2], p[3]])
            .collect(),
        other => panic!("unexpected colour type {other:?}"),
    };
    (pixels, w, h)
}

/// Checks that the outermost rows and columns of `journey` exported with `options` are all page: white,
/// or fully transparent when the background is left out.
fn borders_are_page(ws: &OpenWorkspace, journey: Id, options: &ExportOptions, what: &str) {
    let png = ws
        .export_job_dated(journey, ExportFormat::Png, options, "2025-03-14")
        .unwrap()
        .run(&|_, _| true)
        .unwrap();
    let (pixels, w, h) = decode(&png);
    let page = |p: [u8; 4]| {
        if options.transparent {
            p[3] == 0
        } else {
            p == [255, 255, 255, 255]
        }
    };
    let edges = [
        ("top row", (0..w).map(|x| (x, 0)).collect::<Vec<_>>()),
        ("bottom row", (0..w).map(|x| (x, h - 1)).collect()),
        ("left column", (0..h).map(|y| (0, y)).collect()),
        ("right column", (0..h).map(|y| (w - 1, y)).collect()),
    ];
    for (edge, at) in edges {
        let wrong: Vec<_> = at
            .iter()
            .map(|&(x, y)| ((x, y), pixels[y * w + x]))
            .filter(|(_, p)| !page(*p))
            .take(3)
            .collect();
        assert!(
            wrong.is_empty(),
            "{what}, {w}×{h}: the {edge} has {wrong:?}"
        );
    }
}

#[test]
fn every_export_has_page_all_round() {
    let sample = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
    let mut hotel = synthetic::workspace(1, 5, 24, 3);
    synthetic::organisation(&mut hotel, 24, 1.0, 3);
    hotel.journeys[0].name = "Hotel stay".into();
    let hotel = OpenWorkspace::in_memory(&hotel).unwrap();
    let choices = |scale: f64, width: Option<u32>, transparent: bool| ExportOptions {
        scale,
        width,
        transparent,
        ..ExportOptions::default()
    };
    for j in sample.journeys() {
        for (what, options) in [
            ("1×", choices(1.0, None, false)),
            ("1× on screen", ExportOptions::as_on_screen()),
            ("transparent", choices(1.0, None, true)),
            ("1,237 px wide", choices(1.0, Some(1_237), false)),
        ] {
            borders_are_page(&sample, j.id, &options, &format!("{} {what}", j.name));
        }
    }
    let j = hotel.journeys()[0].id;
    for (what, options) in [
        ("1×", choices(1.0, None, false)),
        ("2×", choices(2.0, None, false)),
        ("1.37×", choices(1.37, None, false)),
        ("2× transparent", choices(2.0, None, true)),
        ("999 px wide", choices(1.0, Some(999), false)),
    ] {
        borders_are_page(&hotel, j, &options, &format!("Hotel stay {what}"));
    }
}
