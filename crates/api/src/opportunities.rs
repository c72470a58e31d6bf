//! The opportunities view's list: every opportunity of every journey with its journey, its owner's
//! name and the cards it addresses named, so the table, its filters and the value-versus-effort
//! matrix need nothing else.

use serde::Serialize;
use throughline_core::{Id, Opportunity};
use ts_rs::TS;

use crate::{JourneyRef, OpenWorkspace};

/// A card an opportunity addresses, by its text; `None` when the card is no longer on the journey.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct AddressedCard {
    /// The card.
    pub id: Id,
    /// Its text, or none when it was deleted since.
    pub text: Option<String>,
}

/// An opportunity as the view lists it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct OpportunityView {
    /// The opportunity.
    pub opportunity: Opportunity,
    /// Its journey.
    pub journey: JourneyRef,
    /// Its owner's name.
    pub owner: Option<String>,
    /// The cards it addresses, named.
    pub addresses: Vec<AddressedCard>,
}

impl OpenWorkspace {
    /// Every opportunity, journey by journey in sidebar order, each journey's in the order written.
    pub fn opportunities(&self) -> Vec<OpportunityView> {
        let ws = self.model();
        ws.journeys
            .iter()
            .flat_map(|j| {
                j.opportunities.iter().map(move |o| OpportunityView {
                    opportunity: o.clone(),
                    journey: JourneyRef {
                        id: j.id,
                        name: j.name.clone(),
                    },
                    owner: o.owner.and_then(|e| ws.entity(e)).map(|e| e.name.clone()),
                    addresses: o
                        .addresses
                        .iter()
                        .map(|&id| AddressedCard {
                            id,
                            text: j.step(id).map(|s| s.text.clone()),
                        })
                        .collect(),
                })
            })
            .collect()
    }
}
