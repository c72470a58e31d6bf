//! Comments through the store: writing, resolving and deleting a comment are each one transaction on
//! the journey's row, load back as applied, and undo.

mod common;

use throughline_core::edit::Edit;
use throughline_core::{Comment, Id};
use throughline_store::Store;

#[test]
fn comments_resolve_delete_and_undo_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parcel.throughline");
    let (mut store, mut ws, journey) =
        common::journey_store(dir.path(), "parcel.throughline", "Parcel delivery");
    let stage = ws.journey(journey).unwrap().stages[2].id;
    let comment = Comment {
        id: Id::new(),
        target: stage,
        author: "Priya".into(),
        at: 1_764_806_400_000,
        text: "Do we really leave parcels with neighbours?".into(),
        resolved: false,
    };
    common::edit(
        &mut store,
        &mut ws,
        &Edit::PutComment {
            journey,
            comment: comment.clone(),
        },
    );
    let reopen = common::edit(
        &mut store,
        &mut ws,
        &Edit::PutComment {
            journey,
            comment: Comment {
                resolved: true,
                ..comment.clone()
            },
        },
    );
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.load().unwrap(), ws);
    assert!(ws.journey(journey).unwrap().comments[0].resolved);

    common::edit(&mut store, &mut ws, &reopen);
    let restore = common::edit(
        &mut store,
        &mut ws,
        &Edit::DeleteComment {
            journey,
            comment: comment.id,
        },
    );
    assert!(store
        .load()
        .unwrap()
        .journey(journey)
        .unwrap()
        .comments
        .is_empty());
    common::edit(&mut store, &mut ws, &restore);
    let loaded = store.load().unwrap();
    assert_eq!(loaded.journey(journey).unwrap().comments, [comment]);
}
