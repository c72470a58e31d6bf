//! The undo history is indexed and bounded: a file that arrives with a long history is trimmed to the
//! newest entries over its next edits, a few hundred at a time, and undo still walks what is kept.

mod common;

use common::{hotel_file, hotel_stay};
use throughline_core::edit::Edit;
use throughline_store::{Store, HISTORY_LIMIT};

fn count_and_oldest(path: &std::path::Path) -> (i64, i64) {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("SELECT count(*), min(seq) FROM history", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
}

#[test]
fn a_long_history_is_trimmed_to_the_newest_entries_a_batch_per_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path(), "w.throughline");
    let step = Store::open(&path).unwrap().load().unwrap().journeys[0].steps[0].id;
    let entry = serde_json::to_string(&Edit::SetStepText {
        step,
        text: "old words".into(),
    })
    .unwrap();
    let long = HISTORY_LIMIT + 1_200;
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
             INSERT INTO history (edit, inverse) SELECT ?2, ?2 FROM n",
            rusqlite::params![long, entry],
        )
        .unwrap();
    let mut store = Store::open(&path).unwrap();
    let mut ws = store.load().unwrap();
    let mut expected = long;
    for n in 0..4 {
        common::edit(
            &mut store,
            &mut ws,
            &Edit::SetStepText {
                step,
                text: format!("new words {n}"),
            },
        );
        expected = (expected + 1 - 500).max(HISTORY_LIMIT);
        drop(store);
        let (count, oldest) = count_and_oldest(&path);
        assert_eq!(count, expected, "after edit {n}");
        assert_eq!(oldest, long + n + 2 - expected, "the oldest went first");
        store = Store::open(&path).unwrap();
    }
    assert_eq!(expected, HISTORY_LIMIT, "trimmed to the bound");
    let (seq, undo) = store.undoable().unwrap().unwrap();
    assert_eq!(seq, long + 4);
    assert_eq!(
        undo,
        Edit::SetStepText {
            step,
            text: "new words 2".into()
        }
    );
    assert_eq!(ws.journeys.len(), hotel_stay().journeys.len());
}

#[test]
fn undo_and_redo_find_their_entry_through_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = hotel_file(dir.path(), "w.throughline");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    for sql in [
        "SELECT seq, inverse FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1",
        "SELECT seq, edit FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1",
        "DELETE FROM history WHERE undone = 1",
    ] {
        let plan: Vec<String> = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map([], |r| r.get(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(
            plan.iter()
                .any(|p| p.contains("USING COVERING INDEX history_undone")
                    || p.contains("USING INDEX history_undone")),
            "{sql}: {plan:?}"
        );
    }
}
