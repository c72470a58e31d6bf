//! The schema, as an append-only list of migrations: a released migration is never edited, a change is
//! a new entry. `user_version` counts how many have run.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

/// Every migration's SQL, oldest first.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_history_index.sql"),
    include_str!("migrations/003_history_when_and_versions.sql"),
    include_str!("migrations/004_personas.sql"),
    include_str!("migrations/005_evidence.sql"),
    include_str!("migrations/006_comments.sql"),
    include_str!("migrations/007_opportunities.sql"),
    include_str!("migrations/008_future_state.sql"),
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

    /// A file of schema 3 (before personas) opens, is upgraded, and its cards' single emotion becomes
    /// the score of the first persona the journey is given.
    #[test]
    fn a_schema_3_file_keeps_its_emotions_as_the_first_personas() {
        use throughline_core::edit::{apply, Edit};
        use throughline_core::{Id, Persona};

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.throughline");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrations().to_version(&mut conn, 3).unwrap();
            let journey = Id::new();
            let lane = Id::new();
            let stage = Id::new();
            let blob = |id: Id| id.as_uuid().as_bytes().to_vec();
            conn.execute(
                "INSERT INTO journeys (id, name, position) VALUES (?1, 'Hotel stay', 0)",
                [blob(journey)],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO stages (id, journey, name, position) VALUES (?1, ?2, 'Arrive', 0)",
                [blob(stage), blob(journey)],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO lanes (id, journey, name, kind, position) VALUES (?1, ?2, 'Guest', 'customer', 0)",
                [blob(lane), blob(journey)],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO steps (id, journey, lane, stage, position, text, emotion)
                 VALUES (?1, ?2, ?3, ?4, 0, 'Queues at the desk', -2)",
                [blob(Id::new()), blob(journey), blob(lane), blob(stage)],
            )
            .unwrap();
        }
        let mut store = crate::Store::open(&path).unwrap();
        let mut ws = store.load().unwrap();
        assert_eq!(ws.journeys[0].steps[0].emotion, Some(-2));
        let traveller = Persona::named("Traveller");
        let edits = [
            Edit::CreatePersona {
                persona: traveller.clone(),
            },
            Edit::SetJourneyPersonas {
                journey: ws.journeys[0].id,
                personas: vec![traveller.id],
            },
        ];
        for edit in &edits {
            let (touched, inverse) = apply(&mut ws, edit).unwrap();
            store
                .save(
                    &ws,
                    &touched,
                    crate::History::Record {
                        edit,
                        inverse: &inverse,
                        description: "persona",
                    },
                )
                .unwrap();
        }
        let loaded = store.load().unwrap();
        assert_eq!(loaded.journeys[0].personas, vec![traveller.id]);
        assert_eq!(
            throughline_core::persona::score_of(
                &loaded.journeys[0],
                &loaded.journeys[0].steps[0],
                traveller.id
            ),
            Some(-2),
            "the old single emotion is the first persona's"
        );
    }
}
