//! Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE and
//! U+FFFF among them) never reach a picture: typed ones are cleaned away like control characters, and
//! ones already stored (a workspace from before, a file edited by hand) are left out of the SVG, so
//! every export is well-formed and the PNG and PDF are written.

use throughline_api::{
    Edit, Entity, EntityKind, ExportFormat, ExportOptions, Id, OpenWorkspace, StepDetails,
};
use throughline_core::{synthetic, Workspace};

/// Every noncharacter, in a short run of text.
fn nonchars() -> String {
    (0xFDD0..=0xFDEF)
        .chain((0..=0x10u32).flat_map(|p| [p << 16 | 0xFFFE, p << 16 | 0xFFFF]))
        .filter_map(char::from_u32)
        .collect()
}

fn has_nonchar(s: &str) -> bool {
    s.chars().any(|c| nonchars().contains(c))
}

/// A hospital visit: a generated journey with its staff and systems, not the sample.
fn hospital() -> Workspace {
    let mut ws = synthetic::workspace(1, 4, 16, 9);
    synthetic::organisation(&mut ws, 24, 1.5, 9);
    ws.journeys[0].name = "Hospital visit".into();
    ws
}

/// Exports `journey` in every format with the title block and legend, checking each is whole: the SVG
/// parses as SVG, the PNG and PDF have their signatures.
fn exports_cleanly(ws: &OpenWorkspace, journey: Id) {
    for format in [ExportFormat::Svg, ExportFormat::Png, ExportFormat::Pdf] {
        let bytes = ws
            .export_job(journey, format, &ExportOptions::default())
            .unwrap()
            .run(&|_, _| true)
            .unwrap_or_else(|e| panic!("{format:?}: {}", e.message));
        match format {
            ExportFormat::Svg => {
                let svg = std::str::from_utf8(&bytes).unwrap();
                usvg::Tree::from_str(svg, &usvg::Options::default())
                    .unwrap_or_else(|e| panic!("the SVG is not well-formed: {e}"));
            }
            ExportFormat::Png => assert!(bytes.starts_with(b"\x89PNG")),
            ExportFormat::Pdf => assert!(bytes.starts_with(b"%PDF")),
        }
        let quick = ws.export(journey, format, 0.5).unwrap();
        assert!(!quick.is_empty());
    }
}

#[test]
fn typed_noncharacters_are_cleaned_and_every_format_exports() {
    let n = nonchars();
    let mut ws = OpenWorkspace::in_memory(&hospital()).unwrap();
    let j = ws.journeys()[0].id;
    let model = ws.model().clone();
    let journey = model.journey(j).unwrap();
    let step = journey.steps[0].id;
    let stage = journey.stages[0].id;
    let entity = Id::new();
    let edits = [
        Edit::UpdateJourney {
            journey: j,
            name: format!("Hospital{n} visit\u{FFFE}"),
            persona: format!("Out{n}patient"),
            description: format!("Walk-in{n}"),
        },
        Edit::RenameStage {
            stage,
            name: format!("\u{FFFF}Triage{n}"),
        },
        Edit::SetStepText {
            step,
            text: format!("Check in{n} at the desk\u{10FFFF}"),
        },
        Edit::SetStepDetails {
            step,
            details: StepDetails {
                channel: Some(format!("Desk{n}")),
                notes: format!("Bring{n} the letter"),
                pain_point: Some(format!("Long{n} queue")),
                ..StepDetails::of(&journey.steps[0])
            },
        },
        Edit::CreateEntity {
            entity: Entity {
                id: entity,
                kind: EntityKind::Team,
                name: format!("Front{n} desk"),
                description: format!("Reception{n}"),
                owner: None,
            },
        },
        Edit::SetOwner {
            steps: vec![step],
            owner: Some(entity),
        },
    ];
    for edit in &edits {
        ws.apply(edit).unwrap();
    }
    let stored = serde_json::to_string(ws.model()).unwrap();
    assert!(!has_nonchar(&stored), "nothing stored holds a noncharacter");
    assert_eq!(ws.model().journey(j).unwrap().name, "Hospital visit");
    assert_eq!(ws.model().entity(entity).unwrap().name, "Front desk");
    exports_cleanly(&ws, j);
}

#[test]
fn stored_noncharacters_never_reach_a_picture() {
    let n = nonchars();
    let mut model = hospital();
    let j = &mut model.journeys[0];
    j.name = format!("Hospital{n} visit");
    j.persona = format!("Out{n}patient");
    j.stages[0].name = format!("Triage{n}");
    j.lanes[0].name = format!("Evidence{n}");
    j.steps[0].text = format!("Check in{n} at the desk");
    j.steps[0].channel = Some(format!("Desk{n}"));
    j.steps[0].pain_point = Some(format!("Long{n} queue"));
    let id = j.id;
    model.entities[0].name = format!("Front{n} desk");
    let ws = OpenWorkspace::in_memory(&model).unwrap();
    assert!(
        has_nonchar(&ws.model().journey(id).unwrap().name),
        "stored as it was"
    );
    exports_cleanly(&ws, id);
    let svg = String::from_utf8(ws.export(id, ExportFormat::Svg, 1.0).unwrap()).unwrap();
    let outside_metadata = &svg[svg.find("</metadata>").unwrap()..];
    assert!(
        !has_nonchar(outside_metadata),
        "the drawing leaves them out"
    );
    // The package in the metadata keeps them as JSON escapes, so the journey reimports unchanged.
    let mut other = OpenWorkspace::in_memory(&hospital()).unwrap();
    let new = other
        .import_picture(svg.as_bytes())
        .unwrap()
        .journey
        .unwrap();
    assert_eq!(
        other.model().journey(new).unwrap().name,
        "Hospital visit (imported)"
    );
}
