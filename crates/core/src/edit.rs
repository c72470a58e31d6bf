//! Edits as values. Each edit is checked against the model, applied, and answers with the records it
//! touched (for the store to write in one transaction) and its inverse (for undo, or to roll the model
//! back when the write fails).

use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

use crate::text::{clean_name, clean_text};
use crate::validate::{check_name, check_text, ValidationError};
use crate::{Id, Link, LinkKind, Step, Workspace};

/// A change a user makes to a workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Edit {
    /// Replace a card's text.
    SetStepText {
        /// The card.
        step: Id,
        /// Its new text.
        text: String,
    },
    /// Rename a journey.
    RenameJourney {
        /// The journey.
        journey: Id,
        /// Its new name.
        name: String,
    },
    /// Add a card at the end of a cell.
    AddStep {
        /// Id for the new card, chosen by the caller so it can select it at once.
        step: Id,
        /// The journey.
        journey: Id,
        /// The lane (row).
        lane: Id,
        /// The stage (column).
        stage: Id,
        /// The card's text.
        text: String,
    },
    /// Remove a card and the links that touch it.
    DeleteStep {
        /// The card.
        step: Id,
    },
    /// Put back a removed card with its links (the inverse of [`Edit::DeleteStep`]).
    #[ts(skip)]
    RestoreStep {
        /// The journey.
        journey: Id,
        /// The card as it was.
        #[ts(skip)]
        step: Box<Step>,
        /// The links it had.
        #[ts(skip)]
        links: Vec<Link>,
    },
}

/// Why an edit was refused. Nothing has changed when this is returned.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum EditError {
    /// The record the edit is about no longer exists (e.g. deleted in another window).
    #[error("the {what} this edit is about no longer exists")]
    Missing {
        /// "card", "journey", "lane" or "stage".
        what: &'static str,
    },
    /// The edit would break a rule of the model.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
}

/// The records an applied edit changed, for the store to write.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Touched {
    /// Journeys whose own fields changed.
    pub journeys: Vec<Id>,
    /// Steps added or changed.
    pub steps: Vec<Id>,
    /// Steps removed.
    pub removed_steps: Vec<Id>,
    /// Links added.
    pub links: Vec<Id>,
    /// Links removed.
    pub removed_links: Vec<Id>,
}

fn find_step(ws: &mut Workspace, id: Id) -> Option<(usize, usize)> {
    ws.journeys.iter().enumerate().find_map(|(j, journey)| {
        journey
            .steps
            .iter()
            .position(|s| s.id == id)
            .map(|s| (j, s))
    })
}

/// Applies `edit` to `ws`, returning what it touched and the edit that undoes it.
pub fn apply(ws: &mut Workspace, edit: &Edit) -> Result<(Touched, Edit), EditError> {
    let mut touched = Touched::default();
    let inverse = match edit {
        Edit::SetStepText { step, text } => {
            let text = clean_text(text);
            check_text("card text", &text)?;
            let (j, s) = find_step(ws, *step).ok_or(EditError::Missing { what: "card" })?;
            let old = std::mem::replace(&mut ws.journeys[j].steps[s].text, text);
            touched.steps.push(*step);
            Edit::SetStepText {
                step: *step,
                text: old,
            }
        }
        Edit::RenameJourney { journey, name } => {
            let name = clean_name(name);
            check_name("journey name", &name)?;
            let j = ws
                .journeys
                .iter_mut()
                .find(|j| j.id == *journey)
                .ok_or(EditError::Missing { what: "journey" })?;
            let old = std::mem::replace(&mut j.name, name);
            touched.journeys.push(*journey);
            Edit::RenameJourney {
                journey: *journey,
                name: old,
            }
        }
        Edit::AddStep {
            step,
            journey,
            lane,
            stage,
            text,
        } => {
            let text = clean_text(text);
            check_text("card text", &text)?;
            let j = ws
                .journeys
                .iter_mut()
                .find(|j| j.id == *journey)
                .ok_or(EditError::Missing { what: "journey" })?;
            if j.lane(*lane).is_none() {
                return Err(EditError::Missing { what: "lane" });
            }
            if !j.stages.iter().any(|s| s.id == *stage) {
                return Err(EditError::Missing { what: "stage" });
            }
            let position = j
                .steps
                .iter()
                .filter(|s| s.lane == *lane && s.stage == *stage)
                .map(|s| s.position)
                .fold(0.0, f64::max)
                + 1.0;
            let mut new = Step::new(*lane, *stage, position, &text);
            new.id = *step;
            j.steps.push(new);
            touched.steps.push(*step);
            Edit::DeleteStep { step: *step }
        }
        Edit::DeleteStep { step } => {
            let (j, s) = find_step(ws, *step).ok_or(EditError::Missing { what: "card" })?;
            let removed = ws.journeys[j].steps.remove(s);
            let (links, kept): (Vec<Link>, Vec<Link>) = std::mem::take(&mut ws.links)
                .into_iter()
                .partition(|l| l.from == *step || l.to == *step);
            ws.links = kept;
            touched.removed_steps.push(*step);
            touched.removed_links.extend(links.iter().map(|l| l.id));
            Edit::RestoreStep {
                journey: ws.journeys[j].id,
                step: Box::new(removed),
                links,
            }
        }
        Edit::RestoreStep {
            journey,
            step,
            links,
        } => {
            let j = ws
                .journeys
                .iter_mut()
                .find(|j| j.id == *journey)
                .ok_or(EditError::Missing { what: "journey" })?;
            if j.lane(step.lane).is_none() || !j.stages.iter().any(|s| s.id == step.stage) {
                return Err(EditError::Missing { what: "lane" });
            }
            j.steps.push((**step).clone());
            touched.steps.push(step.id);
            for link in links {
                debug_assert!(
                    link.kind == LinkKind::Flow || link.from == step.id || link.to == step.id
                );
                ws.links.push(link.clone());
                touched.links.push(link.id);
            }
            Edit::DeleteStep { step: step.id }
        }
    };
    Ok((touched, inverse))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_workspace;

    #[test]
    fn every_edit_is_undone_by_its_inverse() {
        let start = sample_workspace().unwrap();
        let j = &start.journeys[0];
        let step = j
            .steps
            .iter()
            .find(|s| start.links.iter().any(|l| l.from == s.id))
            .unwrap()
            .id;
        let edits = [
            Edit::SetStepText {
                step,
                text: "New text".into(),
            },
            Edit::RenameJourney {
                journey: j.id,
                name: "Renamed".into(),
            },
            Edit::AddStep {
                step: Id::new(),
                journey: j.id,
                lane: j.lanes[0].id,
                stage: j.stages[0].id,
                text: "x".into(),
            },
            Edit::DeleteStep { step },
        ];
        for edit in edits {
            let mut ws = start.clone();
            let (_, inverse) = apply(&mut ws, &edit).unwrap();
            assert_ne!(ws, start, "{edit:?} changes something");
            apply(&mut ws, &inverse).unwrap();
            for journey in &mut ws.journeys {
                journey.sort();
            }
            let mut want = start.clone();
            for journey in &mut want.journeys {
                journey.sort();
            }
            ws.links.sort_by_key(|l| l.id);
            want.links.sort_by_key(|l| l.id);
            assert_eq!(ws, want, "{edit:?} is undone");
        }
    }

    #[test]
    fn bad_edits_change_nothing() {
        let start = sample_workspace().unwrap();
        let step = start.journeys[0].steps[0].id;
        let mut ws = start.clone();
        let long = "x".repeat(crate::text::MAX_TEXT_CHARS + 1);
        assert!(matches!(
            apply(&mut ws, &Edit::SetStepText { step, text: long }),
            Err(EditError::Invalid(ValidationError::TooLong { .. }))
        ));
        assert_eq!(
            apply(
                &mut ws,
                &Edit::SetStepText {
                    step: Id::new(),
                    text: "a".into()
                }
            ),
            Err(EditError::Missing { what: "card" })
        );
        assert!(apply(
            &mut ws,
            &Edit::RenameJourney {
                journey: start.journeys[0].id,
                name: " \n".into()
            }
        )
        .is_err());
        assert_eq!(ws, start);
    }
}
