//! Assumptions on the blueprint: a card the room marked as a guess is drawn with a dashed border on
//! the screen's scene and in the exported SVG, and the export's legend says what the dashes mean.

use throughline_core::{EvidenceSource, Insight, Journey, LaneKind, Step};
use throughline_render::{
    export_scene, layout_cached, to_svg, Annotations, ExportOptions, Fonts, LegendSymbol,
    TitleInfo, WrapCache,
};

/// A home-insurance claim: the first notice of loss is backed by support tickets, the assessor's
/// visit is a guess.
fn claim() -> Journey {
    let mut j = Journey::from_template("Home insurance claim", &["Report", "Assess", "Settle"]);
    let lane = |k: LaneKind| j.lanes.iter().find(|l| l.kind == k).unwrap().id;
    let (customer, front) = (lane(LaneKind::Customer), lane(LaneKind::Frontstage));
    let mut report = Step::new(customer, j.stages[0].id, 0.0, "Reports the burst pipe");
    report.evidence.push(Insight {
        text: "Most first calls come after 6 pm".into(),
        source: EvidenceSource::Analytics,
        date: Some("2026-01-20".into()),
        reference: "calls-q4.xlsx".into(),
    });
    let mut visit = Step::new(
        front,
        j.stages[1].id,
        0.0,
        "Assessor visits within 48 hours",
    );
    visit.assumption = true;
    visit.moment_of_truth = true;
    let settle = Step::new(customer, j.stages[2].id, 0.0, "Receives the payment");
    j.steps = vec![report, visit, settle];
    j
}

#[test]
fn only_the_assumed_card_is_dashed_on_screen_and_in_the_svg() {
    let j = claim();
    let fonts = Fonts::embedded();
    let scene = layout_cached(
        &j,
        &[],
        &Annotations::default(),
        &fonts,
        &mut WrapCache::default(),
    );
    let dashed: Vec<bool> = j
        .steps
        .iter()
        .map(|s| {
            scene
                .cards
                .iter()
                .find(|c| c.id == s.id)
                .unwrap()
                .assumption
        })
        .collect();
    assert_eq!(dashed, [false, true, false]);

    let svg = to_svg(&scene);
    let card_group = |id| {
        let at = svg.find(&format!("data-id=\"{id}\"")).unwrap();
        &svg[at..at + svg[at..].find("</g>").unwrap()]
    };
    assert!(card_group(j.steps[1].id).contains("stroke-dasharray=\"6 4\""));
    assert!(!card_group(j.steps[0].id).contains("stroke-dasharray"));
    assert!(!card_group(j.steps[2].id).contains("stroke-dasharray"));
}

#[test]
fn the_export_legend_names_the_dashes_only_when_a_card_has_them() {
    let info = TitleInfo {
        workspace: "Claims".into(),
        date: "2026-12-04".into(),
    };
    let legend_says = |j: &Journey| {
        let scene = export_scene(
            j,
            &[],
            &Annotations::default(),
            &ExportOptions::default(),
            &info,
            &Fonts::embedded(),
            &mut WrapCache::default(),
        );
        let legend = scene.legend.expect("a legend by default");
        legend.sections.iter().flat_map(|s| &s.entries).any(|e| {
            matches!(e.symbol, LegendSymbol::Assumption { .. })
                && e.label.text == "Assumption: no evidence yet"
        })
    };
    let mut j = claim();
    assert!(legend_says(&j));
    j.steps[1].assumption = false;
    assert!(!legend_says(&j));
}
