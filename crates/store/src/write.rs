//! Writing: the whole workspace at once (seeding, import) or the records one edit touched together with
//! its undo-log entry. Each call is one transaction, so a failure leaves the file as it was.

use rusqlite::{params, OptionalExtension, Transaction};
use throughline_core::edit::{Edit, Touched};
use throughline_core::{Entity, Id, Journey, Lane, Link, Persona, Stage, Step, Workspace};

use crate::codec::{name_of, opt, Blob};
use crate::{Result, Store, StoreError};

/// What an edit's transaction does to the undo log.
pub enum History<'a> {
    /// A new edit: drop any undone entries (they can no longer be redone), record this one, and keep
    /// the history within its bound (see [`crate::HISTORY_LIMIT`]).
    Record {
        /// The edit as made.
        edit: &'a Edit,
        /// The edit that undoes it.
        inverse: &'a Edit,
        /// What it did, in the room's words, for the history to list.
        description: &'a str,
    },
    /// The entry with this sequence number was undone.
    Undo(i64),
    /// The entry with this sequence number was redone.
    Redo(i64),
}

impl Store {
    /// Writes every record of `ws` in one transaction (used to seed a new workspace).
    pub fn insert_workspace(&mut self, ws: &Workspace) -> Result<()> {
        self.refuse_if_read_only()?;
        let path = self.shown_path();
        let err = |e| StoreError::io(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        for e in &ws.entities {
            put_entity(&tx, e).map_err(err)?;
        }
        for p in &ws.personas {
            put_persona(&tx, p).map_err(err)?;
        }
        for j in &ws.journeys {
            put_journey(&tx, j).map_err(err)?;
            for s in &j.stages {
                put_stage(&tx, j.id, s).map_err(err)?;
            }
            for l in &j.lanes {
                put_lane(&tx, j.id, l).map_err(err)?;
            }
            for s in &j.steps {
                put_step(&tx, j.id, s).map_err(err)?;
            }
        }
        for l in &ws.links {
            put_link(&tx, l).map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    /// Writes the records an edit touched, as they now are in `ws`, and its undo-log entry, in one
    /// transaction.
    pub fn save(&mut self, ws: &Workspace, touched: &Touched, history: History) -> Result<()> {
        let path = self.shown_path();
        let err = |e| StoreError::io(&path, e);
        self.refuse_if_read_only()?;
        let tx = self.conn.transaction().map_err(err)?;
        write_touched(&tx, ws, touched).map_err(err)?;
        write_history(&tx, history, self.session).map_err(err)?;
        tx.commit().map_err(err)
    }

    pub(crate) fn refuse_if_read_only(&self) -> Result<()> {
        if self.read_only {
            return Err(StoreError::ReadOnly(self.shown_path()));
        }
        Ok(())
    }

    /// The newest entry that can be undone: its sequence number and the edit that undoes it.
    pub fn undoable(&self) -> Result<Option<(i64, Edit)>> {
        self.history_entry(
            "SELECT seq, inverse FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1",
        )
    }

    /// The same entry as [`Store::undoable`] with the edit as it was made, so undo can say what it
    /// undoes.
    pub fn undoable_edit(&self) -> Result<Option<(i64, Edit)>> {
        self.history_entry(
            "SELECT seq, edit FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1",
        )
    }

    /// The oldest undone entry, which redo makes again: its sequence number and the edit.
    pub fn redoable(&self) -> Result<Option<(i64, Edit)>> {
        self.history_entry(
            "SELECT seq, edit FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1",
        )
    }

    fn history_entry(&self, sql: &str) -> Result<Option<(i64, Edit)>> {
        let row: Option<(i64, String)> = self
            .conn
            .query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(|e| StoreError::io(&self.shown_path(), e))?;
        row.map(|(seq, json)| {
            serde_json::from_str(&json)
                .map(|edit| (seq, edit))
                .map_err(|e| StoreError::Invalid {
                    path: self.shown_path(),
                    message: format!("undo history entry {seq}: {e}"),
                })
        })
        .transpose()
    }
}

fn write_history(tx: &Transaction, history: History, session: i64) -> rusqlite::Result<()> {
    match history {
        History::Record {
            edit,
            inverse,
            description,
        } => {
            let json = |e: &Edit| {
                serde_json::to_string(e)
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
            };
            tx.prepare_cached("DELETE FROM history WHERE undone = 1")?
                .execute([])?;
            tx.prepare_cached(
                "INSERT INTO history (edit, inverse, at, session, description)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                json(edit)?,
                json(inverse)?,
                crate::now_ms(),
                session,
                description
            ])?;
            crate::history::compact(tx)?;
        }
        History::Undo(seq) => {
            tx.prepare_cached("UPDATE history SET undone = 1 WHERE seq = ?1")?
                .execute([seq])?;
        }
        History::Redo(seq) => {
            tx.prepare_cached("UPDATE history SET undone = 0 WHERE seq = ?1")?
                .execute([seq])?;
        }
    }
    Ok(())
}

fn write_touched(tx: &Transaction, ws: &Workspace, t: &Touched) -> rusqlite::Result<()> {
    let delete = |table: &str, ids: &[Id]| -> rusqlite::Result<()> {
        let mut st = tx.prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))?;
        for id in ids {
            st.execute([Blob(*id)])?;
        }
        Ok(())
    };
    delete("links", &t.removed_links)?;
    delete("steps", &t.removed_steps)?;
    delete("stages", &t.removed_stages)?;
    delete("lanes", &t.removed_lanes)?;
    delete("journeys", &t.removed_journeys)?;
    delete("entities", &t.removed_entities)?;
    delete("personas", &t.removed_personas)?;
    for p in touched(&t.personas, ws.personas.iter().map(|p| (p.id, p))) {
        put_persona(tx, p)?;
    }
    for id in &t.journeys {
        if let Some(j) = ws.journey(*id) {
            put_journey(tx, j)?;
        }
    }
    let stages = ws
        .journeys
        .iter()
        .flat_map(|j| j.stages.iter().map(move |s| (s.id, (j.id, s))));
    for (j, s) in touched(&t.stages, stages) {
        put_stage(tx, j, s)?;
    }
    let lanes = ws
        .journeys
        .iter()
        .flat_map(|j| j.lanes.iter().map(move |l| (l.id, (j.id, l))));
    for (j, l) in touched(&t.lanes, lanes) {
        put_lane(tx, j, l)?;
    }
    // Entities before cards: a card's owner must exist when the card is written.
    for e in touched(&t.entities, ws.entities.iter().map(|e| (e.id, e))) {
        put_entity(tx, e)?;
    }
    let steps = ws
        .journeys
        .iter()
        .flat_map(|j| j.steps.iter().map(move |s| (s.id, (j.id, s))));
    for (j, s) in touched(&t.steps, steps) {
        put_step(tx, j, s)?;
    }
    for l in touched(&t.links, ws.links.iter().map(|l| (l.id, l))) {
        put_link(tx, l)?;
    }
    Ok(())
}

/// Most edits touch this many records of a kind or fewer; they are looked up one by one.
const FEW: usize = 8;

/// The records of `all` whose ids `ids` lists. A few are found by a search each, as an edit of one card
/// needs; more (an import, a journey restored) by one pass over `all` with the ids hashed, so writing
/// N records costs O(N + records) instead of O(N × records).
fn touched<T>(ids: &[Id], all: impl Iterator<Item = (Id, T)> + Clone) -> Vec<T> {
    if ids.len() <= FEW {
        ids.iter()
            .filter_map(|id| all.clone().find(|(k, _)| k == id).map(|(_, v)| v))
            .collect()
    } else {
        let wanted: std::collections::HashSet<Id> = ids.iter().copied().collect();
        all.filter(|(k, _)| wanted.contains(k))
            .map(|(_, v)| v)
            .collect()
    }
}

/// A list written as a JSON column, with serde's error as SQLite's.
fn to_sql(e: serde_json::Error) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(Box::new(e))
}

fn put_journey(tx: &Transaction, j: &Journey) -> rusqlite::Result<usize> {
    tx.prepare_cached(
        "INSERT INTO journeys (id, name, persona, description, position, personas, comments,
                               opportunities, future_of)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET name = ?2, persona = ?3, description = ?4, position = ?5,
             personas = ?6, comments = ?7, opportunities = ?8, future_of = ?9",
    )?
    .execute(params![
        Blob(j.id),
        j.name,
        j.persona,
        j.description,
        j.position,
        serde_json::to_string(&j.personas).map_err(to_sql)?,
        serde_json::to_string(&j.comments).map_err(to_sql)?,
        serde_json::to_string(&j.opportunities).map_err(to_sql)?,
        opt(j.future_of)
    ])
}

fn put_persona(tx: &Transaction, p: &Persona) -> rusqlite::Result<usize> {
    tx.prepare_cached(
        "INSERT INTO personas (id, name, description, goals, needs, pains, quote, picture)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET name = ?2, description = ?3, goals = ?4, needs = ?5,
             pains = ?6, quote = ?7, picture = ?8",
    )?
    .execute(params![
        Blob(p.id),
        p.name,
        p.description,
        p.goals,
        p.needs,
        p.pains,
        p.quote,
        p.picture
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(to_sql)?
    ])
}

fn put_stage(tx: &Transaction, journey: Id, s: &Stage) -> rusqlite::Result<usize> {
    tx.prepare_cached(
        "INSERT INTO stages (id, journey, name, position) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET journey = ?2, name = ?3, position = ?4",
    )?
    .execute(params![Blob(s.id), Blob(journey), s.name, s.position])
}

fn put_lane(tx: &Transaction, journey: Id, l: &Lane) -> rusqlite::Result<usize> {
    tx.prepare_cached(
        "INSERT INTO lanes (id, journey, name, kind, position) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET journey = ?2, name = ?3, kind = ?4, position = ?5",
    )?
    .execute(params![
        Blob(l.id),
        Blob(journey),
        l.name,
        name_of(l.kind),
        l.position
    ])
}

fn put_entity(tx: &Transaction, e: &Entity) -> rusqlite::Result<usize> {
    tx.prepare_cached(
        "INSERT INTO entities (id, kind, name, description, owner) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET kind = ?2, name = ?3, description = ?4, owner = ?5",
    )?
    .execute(params![
        Blob(e.id),
        name_of(e.kind),
        e.name,
        e.description,
        opt(e.owner)
    ])
}

fn put_step(tx: &Transaction, journey: Id, s: &Step) -> rusqlite::Result<usize> {
    let metrics = serde_json::to_string(&s.metrics).map_err(to_sql)?;
    tx.prepare_cached(
        "INSERT INTO steps (id, journey, lane, stage, position, text, channel, moment_of_truth, emotion,
                            pain_point, pain_severity, fail_point, wait_point, notes, metrics, owner,
                            scores, evidence, assumption, origin, change)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21)
         ON CONFLICT (id) DO UPDATE SET journey = ?2, lane = ?3, stage = ?4, position = ?5, text = ?6,
             channel = ?7, moment_of_truth = ?8, emotion = ?9, pain_point = ?10, pain_severity = ?11,
             fail_point = ?12, wait_point = ?13, notes = ?14, metrics = ?15, owner = ?16,
             scores = ?17, evidence = ?18, assumption = ?19, origin = ?20, change = ?21",
    )?
    .execute(params![
        Blob(s.id),
        Blob(journey),
        Blob(s.lane),
        Blob(s.stage),
        s.position,
        s.text,
        s.channel,
        s.moment_of_truth,
        s.emotion,
        s.pain_point,
        name_of(s.pain_severity),
        s.fail_point,
        s.wait_point,
        s.notes,
        metrics,
        opt(s.owner),
        serde_json::to_string(&s.scores).map_err(to_sql)?,
        serde_json::to_string(&s.evidence).map_err(to_sql)?,
        s.assumption,
        opt(s.origin),
        s.change.map(name_of),
    ])
}

fn put_link(tx: &Transaction, l: &Link) -> rusqlite::Result<usize> {
    tx.prepare_cached(
        "INSERT INTO links (id, kind, from_id, to_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET kind = ?2, from_id = ?3, to_id = ?4",
    )?
    .execute(params![
        Blob(l.id),
        name_of(l.kind),
        Blob(l.from),
        Blob(l.to)
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_core::edit::apply;
    use throughline_core::sample::sample_workspace;

    /// A failure in the middle of an edit's transaction (here: a trigger refusing the second write)
    /// leaves neither the first write nor the undo entry behind.
    #[test]
    fn a_failure_mid_edit_leaves_nothing() {
        let mut ws = sample_workspace().unwrap();
        let mut store = Store::open_in_memory().unwrap();
        store.insert_workspace(&ws).unwrap();
        store
            .conn
            .execute_batch(
                "CREATE TRIGGER refuse BEFORE UPDATE ON steps WHEN NEW.text = 'boom'
                 BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
            )
            .unwrap();
        let j = ws.journeys[0].id;
        let step = ws.journeys[0].steps[0].id;
        let edit = Edit::Batch {
            edits: vec![
                Edit::UpdateJourney {
                    journey: j,
                    name: "Half-written".into(),
                    persona: String::new(),
                    description: String::new(),
                },
                Edit::SetStepText {
                    step,
                    text: "boom".into(),
                },
            ],
        };
        let (touched, inverse) = apply(&mut ws, &edit).unwrap();
        let err = store
            .save(
                &ws,
                &touched,
                History::Record {
                    edit: &edit,
                    inverse: &inverse,
                    description: "half-written",
                },
            )
            .unwrap_err();
        assert!(err.to_string().contains("injected failure"), "{err}");
        let stored = store.load().unwrap();
        assert_ne!(stored.journeys[0].name, "Half-written");
        assert!(
            store.undoable().unwrap().is_none(),
            "no undo entry for a failed edit"
        );
    }
}
