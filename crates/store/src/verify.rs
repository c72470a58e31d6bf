//! Checks made when a workspace is loaded, beyond SQLite's own: every reference points at a record
//! that is there, and every undo-history entry can be read back. A file written with foreign keys
//! off, or edited by hand, is refused naming the record, instead of showing a workspace that quietly
//! lacks a card or fails at the first undo.

use rusqlite::Connection;
use throughline_core::edit::Edit;

use crate::codec::Blob;

/// What a table's rows are called in messages.
fn record(table: &str) -> &str {
    match table {
        "steps" => "card",
        "stages" => "stage",
        "lanes" => "lane",
        "entities" => "entity",
        "journeys" => "journey",
        other => other,
    }
}

fn shown(value: rusqlite::types::Value) -> String {
    match value {
        rusqlite::types::Value::Blob(b) => Blob::describe(&b),
        rusqlite::types::Value::Text(t) => t,
        rusqlite::types::Value::Integer(i) => i.to_string(),
        rusqlite::types::Value::Real(r) => r.to_string(),
        rusqlite::types::Value::Null => "nothing".into(),
    }
}

/// The first reference to a record that is not there, in words.
pub fn dangling_reference(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let broken: Option<(String, i64, String, i64)> = conn
        .prepare("PRAGMA foreign_key_check")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .next()
        .transpose()?;
    let Some((table, rowid, parent, fk)) = broken else {
        return Ok(None);
    };
    let column: String = conn.query_row(
        &format!("SELECT \"from\" FROM pragma_foreign_key_list('{table}') WHERE id = ?1"),
        [fk],
        |r| r.get(0),
    )?;
    let (id, target): (rusqlite::types::Value, rusqlite::types::Value) = conn.query_row(
        &format!("SELECT id, \"{column}\" FROM \"{table}\" WHERE rowid = ?1"),
        [rowid],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Some(format!(
        "{} {} refers to {} {} ({table}.{column}), which is not in the file",
        record(&table),
        shown(id),
        record(&parent),
        shown(target),
    )))
}

/// The first undo-history entry that cannot be read back as an edit, in words.
pub fn unreadable_history(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let mut stmt = conn.prepare("SELECT seq, edit, inverse FROM history ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        for (column, at) in [("edit", 1), ("inverse", 2)] {
            let text: String = r.get(at)?;
            if let Err(e) = serde_json::from_str::<Edit>(&text) {
                return Ok(Some(format!(
                    "undo history entry {seq} ({column}) cannot be read: {e}"
                )));
            }
        }
    }
    Ok(None)
}
