//! Comments from the window's side: written on a library-loan journey's cards, stage and journey, the
//! panel lists them open first with what each is about, a card carries the count of its open ones, an
//! edit says the comments changed, and a card deleted since is named as gone.

use throughline_api::{Comment, CommentTarget, Edit, OpenWorkspace};
use throughline_core::{Id, Journey, LaneKind, Step, Workspace};

fn library() -> (Workspace, Id, Id) {
    let mut j = Journey::from_template("Borrow a library book", &["Search", "Reserve", "Collect"]);
    let lane = j
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Customer)
        .unwrap()
        .id;
    let search = Step::new(lane, j.stages[0].id, 0.0, "Searches the catalogue");
    let collect = Step::new(lane, j.stages[2].id, 0.0, "Collects from the hold shelf");
    let (search_id, collect_id) = (search.id, collect.id);
    j.steps = vec![search, collect];
    let ws = Workspace {
        journeys: vec![j],
        ..Workspace::default()
    };
    (ws, search_id, collect_id)
}

fn comment(target: Id, at: i64, text: &str) -> Comment {
    Comment {
        id: Id::new(),
        target,
        author: "Sam".into(),
        at,
        text: text.into(),
        resolved: false,
    }
}

#[test]
fn the_panel_lists_open_comments_first_and_cards_count_theirs() {
    let (model, search, collect) = library();
    let journey = model.journeys[0].id;
    let stage = model.journeys[0].stages[1].id;
    let mut ws = OpenWorkspace::in_memory(&model).unwrap();
    let have = ws.shown_scene(journey).unwrap().version;
    let first = comment(search, 10, "Search ignores accents");
    let update = ws
        .apply_for_view(
            &Edit::PutComment {
                journey,
                comment: first.clone(),
            },
            have,
        )
        .unwrap();
    assert!(update.changed.comments);
    let patch = update.patch.expect("the card's marker is patched in");
    assert!(patch.cards.put.iter().any(|p| p.item.id == search));
    for c in [
        comment(search, 20, "And typos"),
        comment(stage, 30, "Why a fee to reserve?"),
        comment(journey, 40, "Ask the branch staff"),
        comment(collect, 50, "Shelf is hard to find"),
    ] {
        ws.apply(&Edit::PutComment {
            journey,
            comment: c,
        })
        .unwrap();
    }
    ws.apply(&Edit::PutComment {
        journey,
        comment: Comment {
            resolved: true,
            ..first
        },
    })
    .unwrap();
    ws.apply(&Edit::DeleteSteps {
        steps: vec![collect],
    })
    .unwrap();

    let listed = ws.comments(journey).unwrap();
    let read: Vec<(&str, bool)> = listed
        .iter()
        .map(|v| (v.comment.text.as_str(), v.comment.resolved))
        .collect();
    assert_eq!(
        read,
        [
            ("And typos", false),
            ("Why a fee to reserve?", false),
            ("Ask the branch staff", false),
            ("Shelf is hard to find", false),
            ("Search ignores accents", true),
        ]
    );
    assert_eq!(
        listed[0].about,
        CommentTarget::Card {
            text: "Searches the catalogue".into()
        }
    );
    assert_eq!(
        listed[1].about,
        CommentTarget::Stage {
            name: "Reserve".into()
        }
    );
    assert_eq!(listed[2].about, CommentTarget::Journey);
    assert_eq!(listed[3].about, CommentTarget::Gone);

    let scene = ws.scene(journey).unwrap();
    let marker = scene
        .cards
        .iter()
        .find(|c| c.id == search)
        .and_then(|c| c.comments.clone())
        .expect("the open comment is counted");
    assert_eq!(marker.label.text, "1");
}

#[test]
fn a_blank_or_over_long_comment_is_refused_and_nothing_changes() {
    let (model, search, _) = library();
    let journey = model.journeys[0].id;
    let mut ws = OpenWorkspace::in_memory(&model).unwrap();
    for text in [" \n ".to_owned(), "x".repeat(5_001), "\u{FFFE}".to_owned()] {
        let err = ws
            .apply(&Edit::PutComment {
                journey,
                comment: comment(search, 1, &text),
            })
            .unwrap_err();
        assert!(
            err.message.contains("comment"),
            "{}: {}",
            text.len(),
            err.message
        );
    }
    assert!(ws.comments(journey).unwrap().is_empty());
}
