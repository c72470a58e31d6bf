//! Comments on the blueprint: a card with open comments carries a marker counting them on screen;
//! an export leaves every comment out unless asked, and then numbers the open ones in reading order,
//! each card's number on the card and the notes written out under the blueprint.

use std::collections::HashMap;

use throughline_core::{Comment, Id, Journey, LaneKind, Step};
use throughline_render::{
    export_scene, layout_cached, to_svg, Annotations, ExportOptions, Fonts, TitleInfo, WrapCache,
};

/// A parcel delivery with comments on the journey, a stage, two cards (one resolved) and a card
/// deleted since.
fn delivery() -> (Journey, Id, Id) {
    let mut j = Journey::from_template("Parcel delivery", &["Order", "Ship", "Deliver"]);
    let lane = |k: LaneKind| j.lanes.iter().find(|l| l.kind == k).unwrap().id;
    let (customer, front) = (lane(LaneKind::Customer), lane(LaneKind::Frontstage));
    let track = Step::new(customer, j.stages[1].id, 0.0, "Tracks the parcel");
    let door = Step::new(front, j.stages[2].id, 0.0, "Driver rings the bell");
    let (track_id, door_id) = (track.id, door.id);
    j.steps = vec![door, track];
    let comment = |target, at, text: &str, resolved| Comment {
        id: Id::new(),
        target,
        author: "Priya".into(),
        at,
        text: text.into(),
        resolved,
    };
    j.comments = vec![
        comment(door_id, 1_764_806_400_000, "Only once?", false),
        comment(door_id, 1_764_810_000_000, "Twice, then a card", false),
        comment(track_id, 1_764_813_600_000, "Done: live map", true),
        comment(
            j.stages[0].id,
            1_764_817_200_000,
            "Split web and app?",
            false,
        ),
        comment(j.id, 1_764_820_800_000, "Add returns", false),
        comment(
            Id::new(),
            1_764_824_400_000,
            "About a card deleted since",
            false,
        ),
    ];
    (j, track_id, door_id)
}

#[test]
fn a_card_on_screen_counts_its_open_comments() {
    let (j, track, door) = delivery();
    let open = throughline_core::comment::open_on_cards(&j);
    let notes = Annotations {
        comments: open
            .iter()
            .map(|(id, n)| (*id, n.to_string()))
            .collect::<HashMap<_, _>>(),
        ..Annotations::default()
    };
    let scene = layout_cached(
        &j,
        &[],
        &notes,
        &Fonts::embedded(),
        &mut WrapCache::default(),
    );
    let marker = |id| {
        scene
            .cards
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .comments
            .clone()
    };
    assert_eq!(marker(door).unwrap().label.text, "2");
    assert!(marker(track).is_none(), "a resolved comment is not counted");
}

#[test]
fn an_export_shows_comments_only_when_asked_numbered_in_reading_order() {
    let (j, track, door) = delivery();
    let info = TitleInfo {
        workspace: "Logistics".into(),
        date: "2026-12-04".into(),
    };
    let export = |comments: bool| {
        let options = ExportOptions {
            comments,
            ..ExportOptions::default()
        };
        // The screen's counts come in; the export decides what it shows.
        let notes = Annotations {
            comments: HashMap::from([(door, "2".to_owned())]),
            ..Annotations::default()
        };
        export_scene(
            &j,
            &[],
            &notes,
            &options,
            &info,
            &Fonts::embedded(),
            &mut WrapCache::default(),
        )
    };

    let plain = export(false);
    assert!(plain.cards.iter().all(|c| c.comments.is_none()));
    assert!(plain.comment_notes.is_none());
    assert!(!to_svg(&plain).contains("Twice, then a card"));

    let with = export(true);
    let notes = with.comment_notes.as_ref().expect("the open comments");
    let texts: Vec<String> = notes
        .notes
        .iter()
        .map(|n| {
            let words: Vec<&str> = n.lines.iter().map(|l| l.text.as_str()).collect();
            format!("{} {}", n.badge.label.text, words.join(" "))
        })
        .collect();
    assert_eq!(texts.len(), 3, "{texts:#?}");
    assert!(
        texts[0].starts_with("1 The journey — Priya (2025-12-04): Add returns"),
        "{texts:#?}"
    );
    assert!(texts[1].starts_with("2 Stage Order — Priya"), "{texts:#?}");
    assert!(
        texts[2].starts_with("3 Driver rings the bell — Priya (2025-12-04): Only once? · Priya"),
        "{texts:#?}"
    );
    let door_card = with.cards.iter().find(|c| c.id == door).unwrap();
    assert_eq!(door_card.comments.as_ref().unwrap().label.text, "3");
    let track_card = with.cards.iter().find(|c| c.id == track).unwrap();
    assert!(track_card.comments.is_none());
    let svg = to_svg(&with);
    assert!(svg.contains("class=\"comment-notes\"") && svg.contains("Add returns"));
    assert!(!svg.contains("About a card deleted since") && !svg.contains("Done: live map"));
    assert!(with.height > plain.height);
}

/// Writes the delivery exported with its comments as `comments.png` into the folder named by
/// `COMMENT_PICTURES`, to look at.
#[test]
#[ignore = "writes a picture to look at"]
fn picture() {
    let dir =
        std::path::PathBuf::from(std::env::var_os("COMMENT_PICTURES").expect("COMMENT_PICTURES"));
    std::fs::create_dir_all(&dir).unwrap();
    let (j, _, _) = delivery();
    let options = ExportOptions {
        comments: true,
        ..ExportOptions::default()
    };
    let info = TitleInfo {
        workspace: "Logistics".into(),
        date: "2026-12-04".into(),
    };
    let scene = export_scene(
        &j,
        &[],
        &Annotations::default(),
        &options,
        &info,
        &Fonts::embedded(),
        &mut WrapCache::default(),
    );
    let png = throughline_render::export::to_png(&scene, 1.0).unwrap();
    std::fs::write(dir.join("comments.png"), png).unwrap();
}
