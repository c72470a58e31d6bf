//! Opportunities: their limits, how one is cleaned before it is stored, and the gaps they leave — pain
//! points and unowned moments of truth that no live opportunity addresses.

use std::collections::HashSet;

use crate::analysis::{Finding, FindingKind};
use crate::text::{clean_name, clean_text};
use crate::{Id, Opportunity, OpportunityStatus, Workspace};

/// Most opportunities one journey keeps: a backlog, not a ticket system.
pub const MAX_JOURNEY_OPPORTUNITIES: usize = 500;

/// The value and effort scale: 1 (little) to 5 (much).
pub const SCORES: std::ops::RangeInclusive<u8> = 1..=5;

/// An opportunity as it is stored: title and description cleaned as typed text is, each addressed
/// card once, in the order given.
pub fn clean(o: Opportunity) -> Opportunity {
    let mut seen = HashSet::new();
    Opportunity {
        title: clean_name(&o.title),
        description: clean_text(&o.description),
        addresses: o
            .addresses
            .into_iter()
            .filter(|c| seen.insert(*c))
            .collect(),
        ..o
    }
}

/// Whether `o` still promises something: a dropped opportunity addresses nothing.
pub fn is_live(o: &Opportunity) -> bool {
    o.status != OpportunityStatus::Dropped
}

/// Pain points and unowned moments of truth no live opportunity of their journey addresses, of one
/// journey or of the workspace: what a manager has not yet decided to act on.
pub fn unaddressed(ws: &Workspace, journey: Option<Id>) -> Vec<Finding> {
    let mut found = Vec::new();
    for j in ws
        .journeys
        .iter()
        .filter(|j| journey.is_none_or(|id| id == j.id))
    {
        let addressed: HashSet<Id> = j
            .opportunities
            .iter()
            .filter(|o| is_live(o))
            .flat_map(|o| o.addresses.iter().copied())
            .collect();
        for s in j.steps.iter().filter(|s| !addressed.contains(&s.id)) {
            if s.pain_point.is_some() {
                found.push(Finding {
                    kind: FindingKind::PainWithoutOpportunity,
                    subjects: vec![s.id],
                });
            }
            if s.moment_of_truth && s.owner.is_none() {
                found.push(Finding {
                    kind: FindingKind::UnownedMomentWithoutOpportunity,
                    subjects: vec![s.id],
                });
            }
        }
    }
    found.sort_unstable_by_key(|f| (f.kind, f.subjects[0]));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Journey, Step};

    #[test]
    fn pains_and_unowned_moments_count_until_a_live_opportunity_addresses_them() {
        let mut j = Journey::from_template("Broadband repair", &["Report", "Fix"]);
        let lane = j.lanes[1].id;
        let mut outage = Step::new(lane, j.stages[0].id, 0.0, "Reports the outage");
        outage.pain_point = Some("Hold music for 20 minutes".into());
        outage.moment_of_truth = true;
        let mut visit = Step::new(lane, j.stages[1].id, 0.0, "Engineer visits");
        visit.moment_of_truth = true;
        let (outage_id, visit_id) = (outage.id, visit.id);
        j.steps = vec![outage, visit];
        let mut ws = Workspace {
            journeys: vec![j],
            ..Workspace::default()
        };
        let kinds = |ws: &Workspace| -> Vec<(FindingKind, Id)> {
            unaddressed(ws, None)
                .into_iter()
                .map(|f| (f.kind, f.subjects[0]))
                .collect()
        };
        assert_eq!(kinds(&ws).len(), 3);
        let mut callback = Opportunity {
            id: Id::new(),
            title: "Offer a call-back".into(),
            description: String::new(),
            owner: None,
            status: OpportunityStatus::Dropped,
            value: 4,
            effort: 2,
            addresses: vec![outage_id, outage_id],
        };
        ws.journeys[0].opportunities = vec![clean(callback.clone())];
        assert_eq!(
            kinds(&ws).len(),
            3,
            "a dropped opportunity addresses nothing"
        );
        callback.status = OpportunityStatus::Planned;
        ws.journeys[0].opportunities = vec![clean(callback)];
        assert_eq!(ws.journeys[0].opportunities[0].addresses, [outage_id]);
        assert_eq!(
            kinds(&ws),
            [(FindingKind::UnownedMomentWithoutOpportunity, visit_id)]
        );
    }
}
