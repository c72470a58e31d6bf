//! Exported pictures carry their journey: export → import gives the same journey, in the same workspace
//! or another, for SVG and PNG; pictures without one, or with a damaged one, change nothing.

use serde_json::{json, Value};
use throughline_api::{Edit, ErrorCode, ExportFormat, Id, OpenWorkspace, StepDetails};
use throughline_core::sample::sample_workspace;
use throughline_core::{LinkKind, Workspace};

/// Markup and characters that break naive SVG writers and readers.
const NASTY: &str =
    "<script>alert('x')</script> </svg> ]]> <![CDATA[ & &amp; \"q\" --> <!-- 保险 🏠";

/// The journey as a person sees it: names, cells, card contents, flows and entity links by name.
fn view(ws: &Workspace, id: Id) -> Value {
    let j = ws.journey(id).unwrap();
    let stage = |s: Id| j.stages.iter().find(|x| x.id == s).unwrap().name.clone();
    let lane = |l: Id| j.lane(l).unwrap().name.clone();
    let entity = |e: Id| {
        let e = ws.entity(e).unwrap();
        format!("{:?} {} ({})", e.kind, e.name, e.description)
    };
    let card = |s: Id| j.step(s).unwrap().text.clone();
    let mut steps = j.steps.clone();
    steps.sort_by(|a, b| {
        (lane(a.lane), stage(a.stage), a.position)
            .partial_cmp(&(lane(b.lane), stage(b.stage), b.position))
            .unwrap()
    });
    let mut links: Vec<String> = ws
        .links
        .iter()
        .filter(|l| j.step(l.from).is_some())
        .map(|l| match l.kind {
            LinkKind::Flow => format!("{} -> {}", card(l.from), card(l.to)),
            k => format!("{} {k:?} {}", card(l.from), entity(l.to)),
        })
        .collect();
    links.sort();
    json!({
        "persona": j.persona,
        "description": j.description,
        "stages": j.stages.iter().map(|s| &s.name).collect::<Vec<_>>(),
        "lanes": j.lanes.iter().map(|l| (&l.name, l.kind)).collect::<Vec<_>>(),
        "steps": steps.iter().map(|s| json!({
            "cell": (lane(s.lane), stage(s.stage)),
            "text": s.text, "channel": s.channel, "mot": s.moment_of_truth,
            "emotion": s.emotion, "pain": s.pain_point, "severity": s.pain_severity,
            "fail": s.fail_point, "wait": s.wait_point, "notes": s.notes,
            "metrics": s.metrics, "owner": s.owner.map(entity),
        })).collect::<Vec<_>>(),
        "links": links,
    })
}

/// The sample, with its best-connected journey's first card and name full of markup.
fn nasty_workspace() -> (OpenWorkspace, Id) {
    let mut ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
    let j = ws
        .model()
        .journeys
        .iter()
        .max_by_key(|j| j.steps.iter().filter(|s| s.owner.is_some()).count())
        .unwrap()
        .clone();
    let step = j.steps.iter().find(|s| s.owner.is_some()).unwrap();
    let mut details = StepDetails::of(step);
    details.notes = format!("{NASTY}\nsecond line\twith a tab");
    details.pain_point = Some(NASTY.into());
    ws.apply(&Edit::Batch {
        edits: vec![
            Edit::SetStepText {
                step: step.id,
                text: NASTY.into(),
            },
            Edit::SetStepDetails {
                step: step.id,
                details,
            },
            Edit::UpdateJourney {
                journey: j.id,
                name: format!("{} </svg> & \"more\"", j.name),
                persona: NASTY.into(),
                description: NASTY.into(),
            },
        ],
    })
    .unwrap();
    (ws, j.id)
}

#[test]
fn svg_and_png_exports_reopen_as_the_same_journey_here_and_elsewhere() {
    let (mut ws, j) = nasty_workspace();
    let original = view(ws.model(), j);
    let name = ws.model().journey(j).unwrap().name.clone();
    for format in [ExportFormat::Svg, ExportFormat::Png] {
        let picture = ws.export(j, format, 1.0).unwrap();
        assert_eq!(
            picture,
            ws.export(j, format, 1.0).unwrap(),
            "{format:?} exports are byte-identical"
        );
        if format == ExportFormat::Svg {
            let text = std::str::from_utf8(&picture).unwrap();
            usvg::Tree::from_str(text, &usvg::Options::default()).expect("the SVG still parses");
            assert!(!text.contains("<script>"), "markup is escaped");
        }

        // Into the same workspace: a new journey beside the original, entities shared.
        let before = ws.model().clone();
        let done = ws.import_picture(&picture).unwrap();
        let new = done.journey.expect("the result names the new journey");
        assert_ne!(new, j);
        assert_eq!(view(ws.model(), new), original, "{format:?}");
        assert_eq!(
            ws.model().journey(new).unwrap().name,
            format!("{name} (imported)")
        );
        assert_eq!(ws.model().entities, before.entities);
        ws.undo().unwrap();
        assert_eq!(ws.model(), &before, "one undo takes the whole import back");
        ws.redo().unwrap();
        assert_eq!(view(ws.model(), new), original);
        ws.undo().unwrap();

        // Into an empty workspace: the entities come along.
        let mut other = OpenWorkspace::in_memory(&Workspace::default()).unwrap();
        let new = other.import_picture(&picture).unwrap().journey.unwrap();
        assert_eq!(view(other.model(), new), original, "{format:?}");
        assert_eq!(other.model().journey(new).unwrap().name, name);
        throughline_core::validate_workspace(other.model()).unwrap();
    }
}

#[test]
fn an_import_is_stored_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.throughline");
    let (ws, j) = nasty_workspace();
    let original = view(ws.model(), j);
    let png = ws.export(j, ExportFormat::Png, 0.5).unwrap();
    let mut target = OpenWorkspace::create_from(&path, &Workspace::default()).unwrap();
    let new = target.import_picture(&png).unwrap().journey.unwrap();
    drop(target);
    let mut reopened = OpenWorkspace::open(&path).unwrap();
    assert_eq!(view(reopened.model(), new), original);
    reopened.undo().unwrap();
    assert!(reopened.model().journeys.is_empty());
}

#[test]
fn damaged_embedded_journeys_are_refused_and_change_nothing() {
    let (mut ws, j) = nasty_workspace();
    let before = ws.model().clone();
    let svg = String::from_utf8(ws.export(j, ExportFormat::Svg, 1.0).unwrap()).unwrap();
    let cases = [
        (svg.replacen("{\"format\"", "{{\"format\"", 1), "damaged"),
        (
            svg.replacen("\"throughline-journey\"", "\"something-else\"", 1),
            "not a Throughline",
        ),
        (
            svg.replacen("\"version\":1", "\"version\":7", 1),
            "newer Throughline",
        ),
        (
            svg.replacen("<metadata>", "<metadata><x>", 1),
            "cannot be read",
        ),
        (svg.replacen("\"lane\":\"", "\"lane\":\"0", 1), "damaged"),
    ];
    for (bad, says) in cases {
        assert_ne!(bad, svg, "the case changes the picture");
        let err = ws.import_picture(bad.as_bytes()).unwrap_err();
        assert!(err.message.contains(says), "{says}: {}", err.message);
        assert_ne!(err.code, ErrorCode::Storage);
    }
    // A card moved to a lane the journey does not have: well-formed, but refused by the model.
    let mut pkg = throughline_api::journey_in_bytes(svg.as_bytes()).unwrap();
    pkg.journey.steps[0].lane = Id::new();
    let err = ws.import_package(&pkg).unwrap_err();
    assert!(
        err.message.contains("cannot be imported"),
        "{}",
        err.message
    );
    assert_eq!(ws.model(), &before);
}
