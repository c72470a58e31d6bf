//! The geometry of flow arrows, checked on the built-in samples, hand-built dense blueprints and
//! generated journeys: no arrow runs on top of another, through a card it does not join, or ends on the
//! point where another ends. `report` prints bends and crossings per arrow for BENCHMARKS.md:
//! `cargo test -p throughline-render --release --test arrows -- --ignored --nocapture`.

mod blueprints;

use proptest::prelude::*;
use throughline_core::sample::sample_workspace;
use throughline_core::{synthetic, Journey, Link};
use throughline_render::route::check::{measure, Figures};
use throughline_render::{layout_routed, Annotations, Fonts, LayoutOptions, WrapCache};

fn figures(journey: &Journey, flows: &[Link]) -> Figures {
    let routed = layout_routed(
        journey,
        flows,
        &Annotations::default(),
        LayoutOptions::default(),
        &Fonts::embedded(),
        &mut WrapCache::default(),
    );
    assert_eq!(routed.routes.len(), routed.scene.arrows.len());
    measure(&routed.scene, &routed.routes)
}

/// Every journey the report and the tests look at, by name.
fn inputs() -> Vec<(String, Journey, Vec<Link>)> {
    let ws = sample_workspace().unwrap();
    let mut out: Vec<_> = ws
        .journeys
        .iter()
        .map(|j| (format!("sample: {}", j.name), j.clone(), ws.flows_of(j)))
        .collect();
    for (name, b) in blueprints::all() {
        out.push((name.to_owned(), b.journey, b.flows));
    }
    out
}

fn assert_clean(name: &str, f: &Figures) {
    assert!(
        f.is_clean(),
        "{name}: {:.1} px of arrows on top of each other, {} runs through cards, {} shared ends",
        f.overlap,
        f.through_cards,
        f.shared_endpoints
    );
}

#[test]
fn samples_and_dense_blueprints_have_readable_arrows() {
    for (name, journey, flows) in inputs() {
        let f = figures(&journey, &flows);
        assert_eq!(f.bends.len(), flows.len(), "{name}: every flow is drawn");
        assert_clean(&name, &f);
    }
}

#[test]
fn the_blueprints_are_as_dense_as_they_claim() {
    for (name, b) in blueprints::all() {
        assert_eq!(b.journey.steps.len(), 30, "{name}");
        let most_into = b
            .journey
            .steps
            .iter()
            .map(|s| b.flows.iter().filter(|l| l.to == s.id).count())
            .max();
        let most_out_of = b
            .journey
            .steps
            .iter()
            .map(|s| b.flows.iter().filter(|l| l.from == s.id).count())
            .max();
        assert!(
            most_into >= Some(4) && most_out_of >= Some(4),
            "{name}: fan-in and fan-out"
        );
    }
}

#[test]
fn generated_journeys_have_readable_arrows() {
    for (stages, cards, extra) in [(4, 40, 0), (12, 300, 0), (6, 120, 240), (30, 600, 600)] {
        let (journey, mut flows) = synthetic::journey("arrows", stages, cards, 11);
        flows.extend(synthetic::flows(&journey, extra, 5));
        let f = figures(&journey, &flows);
        assert_clean(&format!("{cards} cards, {} flows", flows.len()), &f);
    }
}

#[test]
fn exports_without_the_emotion_band_have_readable_arrows() {
    let ws = sample_workspace().unwrap();
    for j in &ws.journeys {
        let routed = layout_routed(
            j,
            &ws.flows_of(j),
            &Annotations::default(),
            LayoutOptions {
                emotion: false,
                top: Some(97.3),
                columns: None,
            },
            &Fonts::embedded(),
            &mut WrapCache::default(),
        );
        assert_clean(&j.name, &measure(&routed.scene, &routed.routes));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_journeys_have_readable_arrows(
        stages in 1usize..8,
        cards in 0usize..90,
        extra in 0usize..120,
        seed in any::<u64>(),
    ) {
        let (journey, mut flows) = synthetic::journey("prop", stages, cards, seed);
        flows.extend(synthetic::flows(&journey, extra, seed ^ 1));
        let f = figures(&journey, &flows);
        prop_assert!(f.is_clean(), "{:?}", (f.overlap, f.through_cards, f.shared_endpoints));
    }
}

#[test]
#[ignore = "prints the figures for BENCHMARKS.md"]
fn report() {
    println!("| journey | arrows | overlap px | through cards | shared ends | bends mean / max | crossings mean / max |");
    println!("|---|---|---|---|---|---|---|");
    for (name, journey, flows) in inputs() {
        let f = figures(&journey, &flows);
        let (bm, bx) = Figures::mean_max(&f.bends);
        let (cm, cx) = Figures::mean_max(&f.crossings);
        println!(
            "| {name} | {} | {:.0} | {} | {} | {bm:.2} / {bx} | {cm:.2} / {cx} |",
            f.bends.len(),
            f.overlap,
            f.through_cards,
            f.shared_endpoints
        );
    }
}

/// Writes every checked journey as a PNG into the folder named by `ARROW_PICTURES`, to look at.
#[test]
#[ignore = "writes pictures to look at"]
fn pictures() {
    let dir = std::path::PathBuf::from(std::env::var_os("ARROW_PICTURES").expect("ARROW_PICTURES"));
    std::fs::create_dir_all(&dir).unwrap();
    for (k, (_, journey, flows)) in inputs().into_iter().enumerate() {
        let scene = throughline_render::layout(&journey, &flows, &Fonts::embedded());
        let png = throughline_render::export::to_png(&scene, 1.0).unwrap();
        std::fs::write(dir.join(format!("{k}.png")), png).unwrap();
    }
}
