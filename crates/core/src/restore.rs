//! The one edit that brings a workspace back to an earlier state of itself: an [`Edit::Batch`] of the
//! record edits that make `current` equal to `target`, so restoring a version is one undo step and
//! its inverse (computed by applying it) undoes the restore exactly.
//!
//! The batch works record by record: links that differ go first, then entities (deleted, created,
//! renamed or re-owned), then journeys: a journey whose stages or lanes differ is replaced whole, one
//! whose cards differ has those cards taken out and put back as they were, and its own fields and
//! place are set. Links that should be there are put back last, when every end they join exists.

use std::collections::{HashMap, HashSet};

use thiserror::Error;

use crate::edit::{apply, Edit, EditError, Slot};
use crate::text_form::canonical;
use crate::{Entity, Id, Journey, Workspace};

/// Why no restoring edit could be made. Nothing has changed when this is returned.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum RestoreError {
    /// A step of the batch was refused by the model.
    #[error("the earlier version cannot be restored: {0}")]
    Refused(#[from] EditError),
    /// The batch did not arrive at the earlier version (a difference no edit expresses).
    #[error("the earlier version cannot be restored: {0} would still differ")]
    Unreached(&'static str),
}

/// The edit that turns `current` into `target` (an empty batch when they are already equal).
pub fn restore_edit(current: &Workspace, target: &Workspace) -> Result<Edit, RestoreError> {
    let mut plan = Plan {
        ws: current.clone(),
        edits: Vec::new(),
    };
    plan.drop_links(target)?;
    plan.entities(target)?;
    plan.journeys(target)?;
    plan.put_links(target)?;
    let (have, want) = (canonical(&plan.ws), canonical(target));
    if have.journeys != want.journeys {
        return Err(RestoreError::Unreached("journeys"));
    }
    if have.entities != want.entities {
        return Err(RestoreError::Unreached("entities"));
    }
    if have.links != want.links {
        return Err(RestoreError::Unreached("links"));
    }
    Ok(Edit::Batch { edits: plan.edits })
}

/// The batch so far and the workspace it has made, so each next edit is chosen on what is there.
struct Plan {
    ws: Workspace,
    edits: Vec<Edit>,
}

impl Plan {
    fn push(&mut self, edit: Edit) -> Result<(), RestoreError> {
        apply(&mut self.ws, &edit)?;
        self.edits.push(edit);
        Ok(())
    }

    fn drop_links(&mut self, target: &Workspace) -> Result<(), RestoreError> {
        let wanted: HashSet<_> = target
            .links
            .iter()
            .map(|l| (l.id, l.kind, l.from, l.to))
            .collect();
        let links: Vec<Id> = self
            .ws
            .links
            .iter()
            .filter(|l| !wanted.contains(&(l.id, l.kind, l.from, l.to)))
            .map(|l| l.id)
            .collect();
        if !links.is_empty() {
            self.push(Edit::DeleteLinks { links })?;
        }
        Ok(())
    }

    fn entities(&mut self, target: &Workspace) -> Result<(), RestoreError> {
        let want: HashMap<Id, &Entity> = target.entities.iter().map(|e| (e.id, e)).collect();
        let gone: Vec<Id> = self
            .ws
            .entities
            .iter()
            .filter(|e| want.get(&e.id).is_none_or(|t| t.kind != e.kind))
            .map(|e| e.id)
            .collect();
        for entity in gone {
            self.push(Edit::DeleteEntity { entity })?;
        }
        // A name another entity still holds (two entities trading names) is freed first by giving
        // that entity a name no one wants: its id.
        for t in &target.entities {
            let lower = t.name.to_lowercase();
            let holder = self
                .ws
                .entities
                .iter()
                .find(|e| e.id != t.id && e.kind == t.kind && e.name.to_lowercase() == lower)
                .cloned();
            if let Some(h) = holder {
                self.push(Edit::UpdateEntity {
                    entity: h.id,
                    name: h.id.to_string(),
                    description: h.description,
                    owner: h.owner,
                })?;
            }
            if self.ws.entity(t.id).is_none() {
                self.push(Edit::CreateEntity {
                    entity: Entity {
                        owner: None,
                        ..(*t).clone()
                    },
                })?;
            } else {
                let e = self.ws.entity(t.id).cloned().expect("checked above");
                if e.name != t.name || e.description != t.description {
                    self.push(Edit::UpdateEntity {
                        entity: t.id,
                        name: t.name.clone(),
                        description: t.description.clone(),
                        owner: e.owner,
                    })?;
                }
            }
        }
        // Owners last: an owner may be an entity created above.
        for t in &target.entities {
            if self.ws.entity(t.id).is_some_and(|e| e.owner != t.owner) {
                self.push(Edit::UpdateEntity {
                    entity: t.id,
                    name: t.name.clone(),
                    description: t.description.clone(),
                    owner: t.owner,
                })?;
            }
        }
        Ok(())
    }

    fn journeys(&mut self, target: &Workspace) -> Result<(), RestoreError> {
        let want: HashMap<Id, &Journey> = target.journeys.iter().map(|j| (j.id, j)).collect();
        let gone: Vec<Id> = self
            .ws
            .journeys
            .iter()
            .filter(|j| !want.contains_key(&j.id))
            .map(|j| j.id)
            .collect();
        for journey in gone {
            self.push(Edit::DeleteJourney { journey })?;
        }
        for t in &target.journeys {
            let Some(have) = self.ws.journey(t.id).cloned() else {
                self.push(Edit::RestoreJourney {
                    journey: Box::new((*t).clone()),
                    links: Vec::new(),
                })?;
                continue;
            };
            let (have_c, want_c) = (sorted_journey(&have), sorted_journey(t));
            if have_c.stages != want_c.stages || have_c.lanes != want_c.lanes {
                self.push(Edit::DeleteJourney { journey: t.id })?;
                self.push(Edit::RestoreJourney {
                    journey: Box::new((*t).clone()),
                    links: Vec::new(),
                })?;
                continue;
            }
            self.cards(&have, t)?;
            if have.name != t.name || have.persona != t.persona || have.description != t.description
            {
                self.push(Edit::UpdateJourney {
                    journey: t.id,
                    name: t.name.clone(),
                    persona: t.persona.clone(),
                    description: t.description.clone(),
                })?;
            }
            if have.position != t.position {
                self.push(Edit::MoveJourney {
                    journey: t.id,
                    to: Slot::At {
                        position: t.position,
                    },
                })?;
            }
        }
        Ok(())
    }

    /// Takes out the cards of `have` that differ from (or are not in) `want`, then puts back the
    /// cards of `want` that are missing, as they were.
    fn cards(&mut self, have: &Journey, want: &Journey) -> Result<(), RestoreError> {
        let wanted: HashMap<Id, _> = want.steps.iter().map(|s| (s.id, s)).collect();
        let out: Vec<Id> = have
            .steps
            .iter()
            .filter(|s| wanted.get(&s.id).is_none_or(|w| *w != *s))
            .map(|s| s.id)
            .collect();
        if !out.is_empty() {
            self.push(Edit::DeleteSteps { steps: out })?;
        }
        let present: HashSet<Id> = self
            .ws
            .journey(want.id)
            .map(|j| j.steps.iter().map(|s| s.id).collect())
            .unwrap_or_default();
        let back: Vec<_> = want
            .steps
            .iter()
            .filter(|s| !present.contains(&s.id))
            .cloned()
            .collect();
        if !back.is_empty() {
            self.push(Edit::RestoreSteps {
                journey: want.id,
                steps: back,
                links: Vec::new(),
            })?;
        }
        Ok(())
    }

    fn put_links(&mut self, target: &Workspace) -> Result<(), RestoreError> {
        let present: HashSet<Id> = self.ws.links.iter().map(|l| l.id).collect();
        let links: Vec<_> = target
            .links
            .iter()
            .filter(|l| !present.contains(&l.id))
            .cloned()
            .collect();
        if !links.is_empty() {
            self.push(Edit::RestoreLinks { links })?;
        }
        Ok(())
    }
}

/// A journey with its lists in canonical order, for comparing.
fn sorted_journey(j: &Journey) -> Journey {
    let ws = Workspace {
        journeys: vec![j.clone()],
        ..Workspace::default()
    };
    canonical(&ws).journeys.remove(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EntityKind, LaneKind, Link, LinkKind, Step};

    /// A hospital visit with a ward team, a records system and a flow between two cards.
    fn hospital() -> Workspace {
        let mut j =
            Journey::from_template("Hospital visit", &["Referral", "Admission", "Discharge"]);
        let lane = |k| j.lanes.iter().find(|l| l.kind == k).unwrap().id;
        let (patient, staff) = (lane(LaneKind::Customer), lane(LaneKind::Frontstage));
        let stages: Vec<Id> = j.stages.iter().map(|s| s.id).collect();
        let cards = [
            (patient, 0, "Gets a referral letter"),
            (staff, 1, "Nurse takes vitals"),
            (patient, 2, "Goes home with a plan"),
        ];
        for (i, (lane, stage, text)) in cards.into_iter().enumerate() {
            j.steps.push(Step::new(lane, stages[stage], i as f64, text));
        }
        let team = Entity {
            id: Id::new(),
            kind: EntityKind::Team,
            name: "Ward team".into(),
            description: String::new(),
            owner: None,
        };
        let records = Entity {
            id: Id::new(),
            kind: EntityKind::System,
            name: "Patient records".into(),
            description: "EHR".into(),
            owner: Some(team.id),
        };
        j.steps[1].owner = Some(team.id);
        let links = vec![
            Link {
                id: Id::new(),
                kind: LinkKind::Flow,
                from: j.steps[0].id,
                to: j.steps[1].id,
            },
            Link {
                id: Id::new(),
                kind: LinkKind::Uses,
                from: j.steps[1].id,
                to: records.id,
            },
        ];
        Workspace {
            journeys: vec![j],
            entities: vec![team, records],
            links,
            personas: Vec::new(),
        }
    }

    fn edited(ws: &Workspace) -> Workspace {
        let mut ws = ws.clone();
        let j = ws.journeys[0].clone();
        let team = ws.entities[0].id;
        let edits = vec![
            Edit::SetStepText {
                step: j.steps[0].id,
                text: "Books through the GP".into(),
            },
            Edit::DeleteSteps {
                steps: vec![j.steps[2].id],
            },
            Edit::DeleteEntity { entity: team },
            Edit::CreateEntity {
                entity: Entity {
                    id: Id::new(),
                    kind: EntityKind::System,
                    name: "Bed manager".into(),
                    description: String::new(),
                    owner: None,
                },
            },
            Edit::UpdateEntity {
                entity: ws.entities[1].id,
                name: "Records".into(),
                description: "EHR".into(),
                owner: None,
            },
            Edit::RenameStage {
                stage: j.stages[0].id,
                name: "GP referral".into(),
            },
            Edit::CreateJourney {
                journey: Id::new(),
                name: "Outpatient".into(),
                template: crate::edit::Template::Blank,
            },
        ];
        for e in &edits {
            apply(&mut ws, e).unwrap();
        }
        ws
    }

    #[test]
    fn the_restoring_edit_reaches_the_earlier_state_and_its_inverse_comes_back() {
        let then = hospital();
        let now = edited(&then);
        let edit = restore_edit(&now, &then).unwrap();
        let mut ws = now.clone();
        let (_, inverse) = apply(&mut ws, &edit).unwrap();
        assert_eq!(canonical(&ws), canonical(&then));
        apply(&mut ws, &inverse).unwrap();
        assert_eq!(canonical(&ws), canonical(&now));
    }

    #[test]
    fn entities_trading_names_are_restored() {
        let mut then = hospital();
        let night = Entity {
            id: Id::new(),
            kind: EntityKind::Team,
            name: "Night team".into(),
            description: String::new(),
            owner: None,
        };
        apply(
            &mut then,
            &Edit::CreateEntity {
                entity: night.clone(),
            },
        )
        .unwrap();
        let ward = then.entities[0].id;
        let mut now = then.clone();
        // "Ward team" and "Night team" trade names through a third name.
        for (id, name) in [
            (ward, "Swap"),
            (night.id, "Ward team"),
            (ward, "Night team"),
        ] {
            let e = now.entity(id).unwrap().clone();
            apply(
                &mut now,
                &Edit::UpdateEntity {
                    entity: id,
                    name: name.into(),
                    description: e.description,
                    owner: e.owner,
                },
            )
            .unwrap();
        }
        let edit = restore_edit(&now, &then).unwrap();
        let mut ws = now.clone();
        apply(&mut ws, &edit).unwrap();
        assert_eq!(canonical(&ws), canonical(&then));
        assert_eq!(ws.entity(ward).unwrap().name, "Ward team");
        assert_eq!(ws.entity(night.id).unwrap().name, "Night team");
    }

    #[test]
    fn equal_workspaces_need_no_edit() {
        let ws = hospital();
        assert_eq!(
            restore_edit(&ws, &ws).unwrap(),
            Edit::Batch { edits: Vec::new() }
        );
    }
}
