//! The schema, as an append-only list of migrations: a released migration is never edited, a change is
//! a new entry. `user_version` counts how many have run.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

/// Every migration's SQL, oldest first.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_history_index.sql"),
    include_str!("migrations/003_history_when_and_versions.sql"),
];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// Brings a database to the newest schema (a no-op when it is current).
pub fn migrate(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    migrations().to_latest(conn)
}

/// How many migrations this build has: the schema version it writes.
pub const fn latest() -> u32 {
    MIGRATIONS.len() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid_and_latest_matches_the_list() {
        migrations().validate().unwrap();
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let v: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, latest());
    }

    /// A file of schema 2 (as the release before named versions wrote it) with an undo history opens
    /// for editing: it is upgraded, its old entries are listed without a time, session or wording,
    /// and the next edit records all three.
    #[test]
    fn a_schema_2_file_with_history_is_upgraded_and_keeps_its_entries() {
        use throughline_core::edit::{apply, Edit, Template};
        use throughline_core::{Id, Workspace};

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.throughline");
        let old = Edit::CreateJourney {
            journey: Id::new(),
            name: "Hospital visit".into(),
            template: Template::Blank,
        };
        {
            let mut conn = Connection::open(&path).unwrap();
            migrations().to_version(&mut conn, 2).unwrap();
            let json = serde_json::to_string(&old).unwrap();
            conn.execute(
                "INSERT INTO history (edit, inverse) VALUES (?1, ?1)",
                [&json],
            )
            .unwrap();
        }
        let mut store = crate::Store::open(&path).unwrap();
        let rows = store.history_page(None, 10).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (rows[0].at, rows[0].session, rows[0].description.clone()),
            (None, None, None)
        );
        assert_eq!(store.history_edit(rows[0].seq).unwrap(), Some((old, false)));

        let mut ws = Workspace::default();
        let edit = Edit::CreateJourney {
            journey: Id::new(),
            name: "Ward round".into(),
            template: Template::Blueprint,
        };
        let (touched, inverse) = apply(&mut ws, &edit).unwrap();
        store
            .save(
                &ws,
                &touched,
                crate::History::Record {
                    edit: &edit,
                    inverse: &inverse,
                    description: "added the journey 'Ward round'",
                },
            )
            .unwrap();
        let rows = store.history_page(None, 10).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].session, Some(store.session()));
        assert!(rows[0].at.is_some_and(|at| at > 1_700_000_000_000));
        assert_eq!(
            rows[0].description.as_deref(),
            Some("added the journey 'Ward round'")
        );
        drop(store);
        let v: u32 = Connection::open(&path)
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, latest());
    }
}
