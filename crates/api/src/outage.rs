//! The manager's "what breaks for customers if …?": an outage of one or more entities answered with
//! names, places and reasons, leading with the moments of truth and customer steps at risk; and every
//! entity ranked by what its failure alone costs, so single points of failure stand out.

use serde::Serialize;
use throughline_core::impact::Reason;
use throughline_core::{EntityKind, Id, LaneKind};
use ts_rs::TS;

use crate::manage::{Places, StageRef, StepRef};
use crate::{ApiError, ErrorCode, OpenWorkspace};

/// One card of an impact, with why it is there.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ImpactCard {
    /// Where the card sits and what it says.
    pub step: StepRef,
    /// Why it is affected.
    pub reason: Reason,
    /// What explains it: the entity it relies on, or the failed card next to it.
    pub because: String,
    /// The customer's emotion at this step, when scored.
    pub emotion: Option<i8>,
}

/// What fails if the entities asked about do: customer-facing answers first, then the internal cards.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Impact {
    /// The entities asked about.
    pub asked: Vec<Id>,
    /// Their names, joined for a heading ("CRM and Contact centre").
    pub name: String,
    /// Every affected card in answer order: moments of truth at risk, customer steps at risk, then by
    /// reason (relies directly, downstream, customer request, customer delivery, degraded).
    pub cards: Vec<ImpactCard>,
    /// Moments of truth at risk.
    pub moments: u32,
    /// Customer steps at risk.
    pub customer_steps: u32,
    /// The stages holding a card at risk, in journey and stage order.
    pub stages: Vec<StageRef>,
    /// Other entities that go down with them (those depending on them).
    pub entities: Vec<Id>,
}

/// One row of the criticality ranking.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CriticalityRow {
    /// The entity.
    pub entity: Id,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Moments of truth its failure puts at risk.
    pub moments: u32,
    /// Customer steps its failure puts at risk.
    pub customer_steps: u32,
    /// Cards at risk in all.
    pub cards: u32,
    /// Entities that go down with it.
    pub dependents: u32,
}

/// Joins names as a person would say them: "A", "A and B", "A, B and C".
fn spoken_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl OpenWorkspace {
    /// What fails if `entity` does.
    pub fn impact(&self, entity: Id) -> Result<Impact, ApiError> {
        self.impact_of(&[entity])
    }

    /// What fails if every entity of `down` does at once (a what-if outage).
    pub fn impact_of(&self, down: &[Id]) -> Result<Impact, ApiError> {
        let ws = self.model();
        if down.is_empty() {
            return Err(ApiError::new(
                ErrorCode::Invalid,
                "name at least one person, team, system or process to take down",
            ));
        }
        let outage = self
            .outage_index()
            .outage(&self.graph(), down)
            .map_err(|unknown| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!(
                        "{} no longer exist{}",
                        if unknown.len() == 1 {
                            "that entity"
                        } else {
                            "those entities"
                        },
                        if unknown.len() == 1 { "s" } else { "" }
                    ),
                )
            })?;
        let places = Places::new(ws);
        let label = |id: Id| {
            ws.entity(id)
                .map(|e| e.name.clone())
                .or_else(|| places.step(id).map(|s| s.text))
                .unwrap_or_default()
        };
        let emotions: std::collections::HashMap<Id, i8> = ws
            .journeys
            .iter()
            .flat_map(|j| j.steps.iter())
            .filter_map(|s| s.emotion.map(|e| (s.id, e)))
            .collect();
        let cards: Vec<ImpactCard> = outage
            .cards
            .iter()
            .filter_map(|c| {
                Some(ImpactCard {
                    step: places.step(c.step)?,
                    reason: c.reason,
                    because: label(c.because),
                    emotion: emotions.get(&c.step).copied(),
                })
            })
            .collect();
        let mut at_risk: Vec<&StepRef> = cards
            .iter()
            .filter(|c| c.reason.at_risk())
            .map(|c| &c.step)
            .collect();
        at_risk.sort_by_key(|s| places.order(s.step));
        let mut stages: Vec<StageRef> = Vec::new();
        for s in at_risk {
            if !stages.iter().any(|x| x.stage == s.stage) {
                stages.push(StageRef {
                    journey: s.journey,
                    journey_name: s.journey_name.clone(),
                    stage: s.stage,
                    stage_name: s.stage_name.clone(),
                });
            }
        }
        let names: Vec<String> = down.iter().map(|id| label(*id)).collect();
        Ok(Impact {
            asked: down.to_vec(),
            name: spoken_list(&names),
            moments: outage.moments.len() as u32,
            customer_steps: outage.customer_steps.len() as u32,
            cards,
            stages,
            entities: outage
                .entities_down
                .into_iter()
                .filter(|id| !down.contains(id))
                .collect(),
        })
    }

    /// Every person, team, system and process, ranked by the moments of truth, then customer steps,
    /// then cards its failure alone puts at risk.
    pub fn criticality(&self) -> Vec<CriticalityRow> {
        let ws = self.model();
        self.outage_index()
            .criticality()
            .into_iter()
            .filter_map(|c| {
                let e = ws.entity(c.entity)?;
                Some(CriticalityRow {
                    entity: c.entity,
                    name: e.name.clone(),
                    kind: e.kind,
                    moments: c.moments,
                    customer_steps: c.customer_steps,
                    cards: c.cards,
                    dependents: c.dependents,
                })
            })
            .collect()
    }
}

/// Whether a card sits where the customer is (the customer lane).
pub fn is_customer(step: &StepRef) -> bool {
    step.lane_kind == LaneKind::Customer
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_core::sample::sample_workspace;

    #[test]
    fn names_are_joined_as_spoken() {
        let n = |v: &[&str]| spoken_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(n(&["CRM"]), "CRM");
        assert_eq!(n(&["CRM", "Contact centre"]), "CRM and Contact centre");
        assert_eq!(n(&["A", "B", "C"]), "A, B and C");
    }

    /// On the sample claim journey the claims system carries moments of truth through the flow: the
    /// answer reaches the customer and leads with them.
    #[test]
    fn the_sample_claims_system_puts_customer_moments_at_risk() {
        let ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let claims = ws.find_entity("Claims management system").unwrap();
        let impact = ws.impact(claims).unwrap();
        assert!(impact.moments > 0, "{impact:#?}");
        assert!(impact.customer_steps > 0);
        let first = &impact.cards[0];
        assert!(first.step.moment_of_truth && first.reason.at_risk());
        assert!(impact
            .cards
            .iter()
            .any(|c| c.reason == Reason::ReliesDirectly && !is_customer(&c.step)));
        let both = ws
            .impact_of(&[claims, ws.find_entity("Payment gateway").unwrap()])
            .unwrap();
        assert!(both.cards.len() >= impact.cards.len());
        assert!(both.name.contains(" and "));
        let ranked = ws.criticality();
        assert_eq!(ranked.len(), ws.model().entities.len());
        assert!(ranked.windows(2).all(|w| w[0].moments >= w[1].moments));
        let err = ws.impact_of(&[Id::new()]).unwrap_err();
        assert_eq!(err.code, ErrorCode::NotFound);
    }
}
