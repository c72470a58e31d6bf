//! Reading a whole workspace into the model.

use std::collections::HashMap;

use rusqlite::Row;
use throughline_core::{
    validate_workspace, Entity, Id, Journey, Lane, Link, Persona, Stage, Step, Workspace,
};

use crate::codec::{Blob, Kind};
use crate::{Result, Store, StoreError};

fn id(row: &Row, i: usize) -> rusqlite::Result<Id> {
    Ok(row.get::<_, Blob>(i)?.0)
}

fn opt_id(row: &Row, i: usize) -> rusqlite::Result<Option<Id>> {
    Ok(row.get::<_, Option<Blob>>(i)?.map(|b| b.0))
}

impl Store {
    /// Reads every journey, entity and link, in display order, and checks the result against the
    /// model's rules so a damaged or hand-edited file is reported instead of drawn wrongly.
    pub fn load(&self) -> Result<Workspace> {
        let invalid = |message: String| StoreError::Invalid {
            path: self.shown_path(),
            message,
        };
        let found = crate::verify::dangling_reference(&self.conn)
            .and_then(|d| match d {
                Some(d) => Ok(Some(d)),
                None => crate::verify::unreadable_history(&self.conn),
            })
            .map_err(|e| invalid(e.to_string()))?;
        if let Some(message) = found {
            return Err(invalid(message));
        }
        let ws = self.read().map_err(|e| invalid(e.to_string()))?;
        validate_workspace(&ws).map_err(|e| StoreError::Invalid {
            path: self.shown_path(),
            message: e.to_string(),
        })?;
        Ok(ws)
    }

    fn read(&self) -> std::result::Result<Workspace, Box<dyn std::error::Error>> {
        let c = &self.conn;
        let mut journeys: Vec<Journey> = c
            .prepare("SELECT id, name, persona, description, position, personas, comments, opportunities, future_of FROM journeys ORDER BY position, id")?
            .query_map([], |r| {
                let json = |column: usize| -> rusqlite::Result<String> { r.get(column) };
                let parse = |column: usize, text: String| {
                    rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, text.into())
                };
                Ok(Journey {
                    personas: serde_json::from_str(&json(5)?)
                        .map_err(|e| parse(5, format!("its personas cannot be read: {e}")))?,
                    comments: serde_json::from_str(&json(6)?)
                        .map_err(|e| parse(6, format!("its comments cannot be read: {e}")))?,
                    opportunities: serde_json::from_str(&json(7)?).map_err(|e| {
                        parse(7, format!("its opportunities cannot be read: {e}"))
                    })?,
                    id: id(r, 0)?,
                    name: r.get(1)?,
                    persona: r.get(2)?,
                    description: r.get(3)?,
                    position: r.get(4)?,
                    stages: Vec::new(),
                    lanes: Vec::new(),
                    steps: Vec::new(),
                    future_of: opt_id(r, 8)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let index: HashMap<Id, usize> = journeys
            .iter()
            .enumerate()
            .map(|(i, j)| (j.id, i))
            .collect();
        let mut stmt =
            c.prepare("SELECT journey, id, name, position FROM stages ORDER BY position, id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(&j) = index.get(&id(r, 0)?) {
                journeys[j].stages.push(Stage {
                    id: id(r, 1)?,
                    name: r.get(2)?,
                    position: r.get(3)?,
                });
            }
        }
        let mut stmt =
            c.prepare("SELECT journey, id, name, kind, position FROM lanes ORDER BY position, id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(&j) = index.get(&id(r, 0)?) {
                journeys[j].lanes.push(Lane {
                    id: id(r, 1)?,
                    name: r.get(2)?,
                    kind: r.get::<_, Kind<_>>(3)?.0,
                    position: r.get(4)?,
                });
            }
        }
        let mut stmt = c.prepare(
            "SELECT journey, id, lane, stage, position, text, channel, moment_of_truth, emotion,
                    pain_point, pain_severity, fail_point, wait_point, notes, metrics, owner, scores,
                    evidence, assumption, origin, change
             FROM steps ORDER BY position, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(&j) = index.get(&id(r, 0)?) {
                let card = id(r, 1)?;
                journeys[j].steps.push(Step {
                    id: card,
                    lane: id(r, 2)?,
                    stage: id(r, 3)?,
                    position: r.get(4)?,
                    text: r.get(5)?,
                    channel: r.get(6)?,
                    moment_of_truth: r.get(7)?,
                    emotion: r.get(8)?,
                    pain_point: r.get(9)?,
                    pain_severity: r.get::<_, Kind<_>>(10)?.0,
                    fail_point: r.get(11)?,
                    wait_point: r.get(12)?,
                    notes: r.get(13)?,
                    metrics: serde_json::from_str(&r.get::<_, String>(14)?)
                        .map_err(|e| format!("card {card}: its metrics cannot be read: {e}"))?,
                    owner: opt_id(r, 15)?,
                    scores: serde_json::from_str(&r.get::<_, String>(16)?).map_err(|e| {
                        format!("card {card}: its persona scores cannot be read: {e}")
                    })?,
                    evidence: serde_json::from_str(&r.get::<_, String>(17)?)
                        .map_err(|e| format!("card {card}: its evidence cannot be read: {e}"))?,
                    assumption: r.get(18)?,
                    origin: opt_id(r, 19)?,
                    change: r.get::<_, Option<Kind<_>>>(20)?.map(|k| k.0),
                });
            }
        }
        let entities = c
            .prepare("SELECT id, kind, name, description, owner FROM entities ORDER BY name, id")?
            .query_map([], |r| {
                Ok(Entity {
                    id: id(r, 0)?,
                    kind: r.get::<_, Kind<_>>(1)?.0,
                    name: r.get(2)?,
                    description: r.get(3)?,
                    owner: opt_id(r, 4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let links = c
            .prepare("SELECT id, kind, from_id, to_id FROM links ORDER BY id")?
            .query_map([], |r| {
                Ok(Link {
                    id: id(r, 0)?,
                    kind: r.get::<_, Kind<_>>(1)?.0,
                    from: id(r, 2)?,
                    to: id(r, 3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let personas = c
            .prepare(
                "SELECT id, name, description, goals, needs, pains, quote, picture FROM personas ORDER BY name, id",
            )?
            .query_map([], |r| {
                Ok(Persona {
                    id: id(r, 0)?,
                    name: r.get(1)?,
                    description: r.get(2)?,
                    goals: r.get(3)?,
                    needs: r.get(4)?,
                    pains: r.get(5)?,
                    quote: r.get(6)?,
                    picture: r
                        .get::<_, Option<String>>(7)?
                        .map(|json| serde_json::from_str(&json))
                        .transpose()
                        .map_err(|e| {
                            rusqlite::Error::FromSqlConversionFailure(
                                7,
                                rusqlite::types::Type::Text,
                                Box::new(e),
                            )
                        })?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Workspace {
            journeys,
            entities,
            links,
            personas,
        })
    }
}
