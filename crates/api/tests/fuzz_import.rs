//! Hostile pictures: exported SVGs and PNGs carrying a journey, mutated (bytes flipped, cut short,
//! markup inserted, elements nested deep, attributes made huge, the embedded package itself damaged)
//! and imported. An import never panics, and either brings the whole journey in (undone in one step) or
//! changes nothing.
//!
//! `THROUGHLINE_FUZZ_CASES` sets the number of cases (default 200, so the suite stays quick); run with
//! a million in release for a long campaign:
//! `THROUGHLINE_FUZZ_CASES=1000000 cargo test --release -p throughline-api --test fuzz_import`.

use std::cell::RefCell;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use throughline_api::{ExportFormat, OpenWorkspace};
use throughline_core::{synthetic, Workspace};

/// A coffee shop's morning rush with its staff and tills: a generated journey, not the sample, with
/// a few texts in scripts and characters that stress writers and readers.
fn coffee_shop() -> Workspace {
    let mut ws = synthetic::workspace(1, 5, 18, 42);
    synthetic::organisation(&mut ws, 24, 1.5, 42);
    let j = &mut ws.journeys[0];
    j.name = "Coffee shop — morning rush".into();
    j.steps[0].text = "Order a flat white 咖啡 <b>& \"quotes\"</b> ]]>".into();
    j.steps[1].text = "Pay at the till 🧾 عربي".into();
    ws
}

/// The pictures every case starts from: the journey as exported SVG and PNG, and the package JSON.
struct Originals {
    svg: Vec<u8>,
    png: Vec<u8>,
    json: String,
    model: Workspace,
}

fn originals() -> &'static Originals {
    static ORIGINALS: OnceLock<Originals> = OnceLock::new();
    ORIGINALS.get_or_init(|| {
        let model = coffee_shop();
        let ws = OpenWorkspace::in_memory(&model).unwrap();
        let j = ws.journeys()[0].id;
        Originals {
            svg: ws.export(j, ExportFormat::Svg, 1.0).unwrap(),
            png: ws.export(j, ExportFormat::Png, 0.25).unwrap(),
            json: ws.package_json(j).unwrap(),
            model: ws.model().clone(),
        }
    })
}

/// A small valid PNG (one pixel) carrying `text` in the iTXt chunk an export writes, so a damaged
/// package reaches the importer through a PNG whose checksums are all right.
fn png_carrying(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, 1, 1);
    encoder.set_color(png::ColorType::Rgb);
    let mut chunk = png::text_metadata::ITXtChunk::new("throughline:journey", text);
    chunk.compress_text().unwrap();
    let mut writer = encoder.write_header().unwrap();
    writer.write_text_chunk(&chunk).unwrap();
    writer.write_image_data(&[255, 255, 255]).unwrap();
    writer.finish().unwrap();
    out
}

/// An SVG carrying `text` as an export writes it (markup escaped).
fn svg_carrying(text: &str) -> Vec<u8> {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><metadata>\
         <tl:journey xmlns:tl=\"urn:throughline:journey\">{escaped}</tl:journey></metadata></svg>"
    )
    .into_bytes()
}

/// One change to a file's bytes.
#[derive(Clone, Debug)]
enum Mutation {
    /// XOR the byte at this fraction of the file with a mask.
    Flip(f64, u8),
    /// Keep only this fraction of the file.
    Truncate(f64),
    /// Insert bytes at a fraction of the file.
    Insert(f64, Vec<u8>),
    /// Insert `depth` nested `<g>` at a fraction of the file (closed, or left open).
    Nest(f64, usize, bool),
    /// Insert an element with an attribute this many bytes long.
    HugeAttribute(f64, usize),
    /// Remove a span: from a fraction, this many bytes.
    Delete(f64, usize),
}

fn at(len: usize, fraction: f64) -> usize {
    ((len as f64 * fraction) as usize).min(len)
}

impl Mutation {
    fn apply(&self, bytes: &mut Vec<u8>) {
        match self {
            Mutation::Flip(f, mask) => {
                if !bytes.is_empty() {
                    let i = at(bytes.len() - 1, *f);
                    bytes[i] ^= *mask;
                }
            }
            Mutation::Truncate(f) => bytes.truncate(at(bytes.len(), *f)),
            Mutation::Insert(f, extra) => {
                let i = at(bytes.len(), *f);
                bytes.splice(i..i, extra.iter().copied());
            }
            Mutation::Nest(f, depth, closed) => {
                let i = at(bytes.len(), *f);
                let mut extra = "<g>".repeat(*depth);
                if *closed {
                    extra.push_str(&"</g>".repeat(*depth));
                }
                bytes.splice(i..i, extra.into_bytes());
            }
            Mutation::HugeAttribute(f, len) => {
                let i = at(bytes.len(), *f);
                let extra = format!("<g data-x=\"{}\"/>", "A".repeat(*len));
                bytes.splice(i..i, extra.into_bytes());
            }
            Mutation::Delete(f, n) => {
                let i = at(bytes.len(), *f);
                let end = (i + n).min(bytes.len());
                bytes.drain(i..end);
            }
        }
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let fraction = 0.0..1.0f64;
    prop_oneof![
        6 => (fraction.clone(), 1..=255u8).prop_map(|(f, m)| Mutation::Flip(f, m)),
        2 => fraction.clone().prop_map(Mutation::Truncate),
        3 => (
            fraction.clone(),
            prop_oneof![
                proptest::collection::vec(any::<u8>(), 1..16),
                proptest::sample::select(vec![
                    b"<".to_vec(), b"</svg>".to_vec(), b"]]>".to_vec(), b"<!--".to_vec(),
                    b"&lol;".to_vec(), b"\"".to_vec(), b"\\u0000".to_vec(), b"}".to_vec(),
                    b"\xEF\xBF\xBE".to_vec(), b"null".to_vec(), b"<!DOCTYPE x [<!ENTITY a \"b\">]>".to_vec(),
                ]),
            ]
        )
            .prop_map(|(f, b)| Mutation::Insert(f, b)),
        1 => (fraction.clone(), 1..30_000usize, any::<bool>())
            .prop_map(|(f, d, c)| Mutation::Nest(f, d, c)),
        1 => (fraction.clone(), 1..300_000usize).prop_map(|(f, n)| Mutation::HugeAttribute(f, n)),
        2 => (fraction, 1..64usize).prop_map(|(f, n)| Mutation::Delete(f, n)),
    ]
}

/// Which picture a case starts from.
#[derive(Clone, Copy, Debug)]
enum Base {
    /// The exported SVG, mutated as bytes.
    Svg,
    /// The exported PNG, mutated as bytes.
    Png,
    /// The package JSON mutated, then carried in a well-formed SVG.
    JsonInSvg,
    /// The package JSON mutated, then carried in a well-formed PNG.
    JsonInPng,
}

fn picture(base: Base, mutations: &[Mutation]) -> Vec<u8> {
    let o = originals();
    let mutate = |mut bytes: Vec<u8>| {
        for m in mutations {
            m.apply(&mut bytes);
        }
        bytes
    };
    match base {
        Base::Svg => mutate(o.svg.clone()),
        Base::Png => mutate(o.png.clone()),
        Base::JsonInSvg | Base::JsonInPng => {
            let json = mutate(o.json.clone().into_bytes());
            let text = String::from_utf8_lossy(&json);
            if matches!(base, Base::JsonInSvg) {
                svg_carrying(&text)
            } else {
                png_carrying(&text)
            }
        }
    }
}

fn cases() -> u32 {
    std::env::var("THROUGHLINE_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200)
}

#[test]
fn mutated_pictures_import_whole_or_change_nothing() {
    let o = originals();
    let ws = RefCell::new(OpenWorkspace::in_memory(&o.model).unwrap());
    let before = o.model.clone();
    let imported = RefCell::new(0u32);
    let started = std::time::Instant::now();
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        prop_oneof![
            Just(Base::Svg),
            Just(Base::Png),
            Just(Base::JsonInSvg),
            Just(Base::JsonInPng)
        ],
        proptest::collection::vec(mutation(), 0..4),
    );
    runner
        .run(&strategy, |(base, mutations)| {
            let bytes = picture(base, &mutations);
            let mut ws = ws.borrow_mut();
            match ws.import_picture(&bytes) {
                Ok(done) => {
                    let model = ws.model();
                    prop_assert_eq!(model.journeys.len(), before.journeys.len() + 1);
                    let new = done.journey.and_then(|id| model.journey(id));
                    prop_assert!(new.is_some(), "the result names the new journey");
                    prop_assert!(throughline_core::validate_workspace(model).is_ok());
                    *imported.borrow_mut() += 1;
                    ws.undo().unwrap();
                    prop_assert_eq!(ws.model(), &before, "one undo takes the import away");
                }
                Err(e) => {
                    prop_assert!(!e.message.is_empty());
                    prop_assert_eq!(ws.model(), &before, "a refused import changes nothing");
                }
            }
            Ok(())
        })
        .unwrap();
    eprintln!(
        "{} cases, {} imported, in {:.1} s",
        cases(),
        imported.borrow(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        *imported.borrow() > 0 || cases() < 50,
        "some mutations leave the journey readable"
    );
}

/// The mutations reach the importer's deeper checks, not only the first byte: unmutated pictures
/// import, and each kind of damage is refused with its own message.
#[test]
fn the_starting_pictures_import_and_each_damage_is_told() {
    let o = originals();
    let mut ws = OpenWorkspace::in_memory(&o.model).unwrap();
    for base in [Base::Svg, Base::Png, Base::JsonInSvg, Base::JsonInPng] {
        ws.import_picture(&picture(base, &[])).unwrap();
    }
    let refused = |base, m: Mutation| {
        OpenWorkspace::in_memory(&o.model)
            .unwrap()
            .import_picture(&picture(base, &[m]))
            .unwrap_err()
            .message
    };
    assert!(refused(Base::Svg, Mutation::Nest(0.5, 20_000, true)).contains("deep"));
    // A byte of the text chunk (it comes right after the header) changed: the chunk, failing its
    // checksum, is not taken for a journey.
    let flipped = refused(Base::Png, Mutation::Flip(0.01, 0xFF));
    assert!(flipped.contains("no Throughline journey"), "{flipped}");
    let cut = refused(Base::Png, Mutation::Truncate(0.001));
    assert!(cut.contains("the PNG cannot be read"), "{cut}");
    // Cut inside the pixels, after the text chunk: the journey is all there and imports.
    let mut cut = OpenWorkspace::in_memory(&o.model).unwrap();
    cut.import_picture(&picture(Base::Png, &[Mutation::Truncate(0.9)]))
        .unwrap();
    assert!(refused(Base::JsonInSvg, Mutation::Truncate(0.5)).contains("damaged"));
    assert!(refused(Base::JsonInPng, Mutation::Insert(0.0, b"x".to_vec())).contains("damaged"));
}
