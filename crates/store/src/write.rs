//! Writing: the whole workspace at once (seeding, import) or the records one edit touched. Each call is
//! one transaction, so a failure leaves the file as it was.

use rusqlite::{params, Transaction};
use throughline_core::edit::Touched;
use throughline_core::{Entity, Journey, Link, Step, Workspace};

use crate::codec::{name_of, opt, Blob};
use crate::{Result, Store, StoreError};

impl Store {
    /// Writes every record of `ws` in one transaction (used to seed a new workspace).
    pub fn insert_workspace(&mut self, ws: &Workspace) -> Result<()> {
        let path = self.shown_path();
        let err = |e| StoreError::io(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        for e in &ws.entities {
            put_entity(&tx, e).map_err(err)?;
        }
        for j in &ws.journeys {
            put_journey(&tx, j).map_err(err)?;
            for s in &j.stages {
                tx.prepare_cached(
                    "INSERT INTO stages (id, journey, name, position) VALUES (?1, ?2, ?3, ?4)",
                )
                .and_then(|mut st| st.execute(params![Blob(s.id), Blob(j.id), s.name, s.position]))
                .map_err(err)?;
            }
            for l in &j.lanes {
                tx.prepare_cached("INSERT INTO lanes (id, journey, name, kind, position) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .and_then(|mut st| {
                        st.execute(params![Blob(l.id), Blob(j.id), l.name, name_of(l.kind), l.position])
                    })
                    .map_err(err)?;
            }
            for s in &j.steps {
                put_step(&tx, j, s).map_err(err)?;
            }
        }
        for l in &ws.links {
            put_link(&tx, l).map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    /// Writes the records an edit touched, as they now are in `ws`, in one transaction.
    pub fn save(&mut self, ws: &Workspace, touched: &Touched) -> Result<()> {
        let path = self.shown_path();
        let err = |e| StoreError::io(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        for id in &touched.removed_links {
            tx.prepare_cached("DELETE FROM links WHERE id = ?1")
                .and_then(|mut st| st.execute([Blob(*id)]))
                .map_err(err)?;
        }
        for id in &touched.removed_steps {
            tx.prepare_cached("DELETE FROM steps WHERE id = ?1")
                .and_then(|mut st| st.execute([Blob(*id)]))
                .map_err(err)?;
        }
        for id in &touched.journeys {
            if let Some(j) = ws.journey(*id) {
                put_journey(&tx, j).map_err(err)?;
            }
        }
        for id in &touched.steps {
            let found = ws
                .journeys
                .iter()
                .find_map(|j| j.steps.iter().find(|s| s.id == *id).map(|s| (j, s)));
            if let Some((j, s)) = found {
                put_step(&tx, j, s).map_err(err)?;
            }
        }
        for id in &touched.links {
            if let Some(l) = ws.links.iter().find(|l| l.id == *id) {
                put_link(&tx, l).map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }
}

fn put_journey(tx: &Transaction, j: &Journey) -> rusqlite::Result<usize> {
    tx.prepare_cached(
        "INSERT INTO journeys (id, name, persona, description, position) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET name = ?2, persona = ?3, description = ?4, position = ?5",
    )?
    .execute(params![Blob(j.id), j.name, j.persona, j.description, j.position])
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

fn put_step(tx: &Transaction, j: &Journey, s: &Step) -> rusqlite::Result<usize> {
    tx.prepare_cached(
        "INSERT INTO steps (id, journey, lane, stage, position, text, channel, moment_of_truth, emotion,
                            pain_point, notes, owner)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET journey = ?2, lane = ?3, stage = ?4, position = ?5, text = ?6,
             channel = ?7, moment_of_truth = ?8, emotion = ?9, pain_point = ?10, notes = ?11, owner = ?12",
    )?
    .execute(params![
        Blob(s.id),
        Blob(j.id),
        Blob(s.lane),
        Blob(s.stage),
        s.position,
        s.text,
        s.channel,
        s.moment_of_truth,
        s.emotion,
        s.pain_point,
        s.notes,
        opt(s.owner),
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
