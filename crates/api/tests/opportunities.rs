//! Opportunities from the manager's side, on a boiler repair: the checks name the pain points and
//! unowned moments of truth nothing is planned for, an opportunity addressing them answers the
//! question, the list names its owner and cards, and a system cannot own one.

use throughline_api::{
    Edit, Entity, EntityKind, FindingKind, Id, Journey, LaneKind, OpenWorkspace, Opportunity,
    OpportunityStatus, Step, Workspace,
};

fn boiler_repair() -> (Workspace, Id, Id, Id, Id) {
    let mut j = Journey::from_template("Boiler repair", &["Report", "Visit", "Fix"]);
    let lane = j
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Customer)
        .unwrap()
        .id;
    let mut report = Step::new(lane, j.stages[0].id, 0.0, "Reports no hot water");
    report.pain_point = Some("Cannot get through on the phone".into());
    let mut wait = Step::new(
        lane,
        j.stages[1].id,
        0.0,
        "Waits in all day for the engineer",
    );
    wait.moment_of_truth = true;
    let (report_id, wait_id) = (report.id, wait.id);
    j.steps = vec![report, wait];
    let (team, system) = (Id::new(), Id::new());
    let entity = |id, kind, name: &str| Entity {
        id,
        kind,
        name: name.into(),
        description: String::new(),
        owner: None,
    };
    let ws = Workspace {
        journeys: vec![j],
        entities: vec![
            entity(team, EntityKind::Team, "Field service"),
            entity(system, EntityKind::System, "Dispatch planner"),
        ],
        ..Workspace::default()
    };
    (ws, report_id, wait_id, team, system)
}

fn unaddressed(ws: &OpenWorkspace) -> Vec<(FindingKind, String)> {
    ws.checks(None)
        .into_iter()
        .filter(|g| {
            matches!(
                g.kind,
                FindingKind::PainWithoutOpportunity | FindingKind::UnownedMomentWithoutOpportunity
            )
        })
        .flat_map(|g| {
            g.findings
                .into_iter()
                .map(move |f| (g.kind, f.subjects[0].label.clone()))
        })
        .collect()
}

#[test]
fn the_checks_name_what_no_opportunity_addresses_until_one_does() {
    let (model, report, wait, team, system) = boiler_repair();
    let journey = model.journeys[0].id;
    let mut ws = OpenWorkspace::in_memory(&model).unwrap();
    assert_eq!(
        unaddressed(&ws),
        [
            (
                FindingKind::PainWithoutOpportunity,
                "Reports no hot water".to_owned()
            ),
            (
                FindingKind::UnownedMomentWithoutOpportunity,
                "Waits in all day for the engineer".to_owned()
            ),
        ]
    );
    let plan = Opportunity {
        id: Id::new(),
        title: "Two-hour arrival slots".into(),
        description: String::new(),
        owner: Some(system),
        status: OpportunityStatus::Idea,
        value: 5,
        effort: 3,
        addresses: vec![report, wait],
    };
    let refused = ws
        .apply(&Edit::PutOpportunity {
            journey,
            opportunity: plan.clone(),
        })
        .unwrap_err();
    assert!(
        refused.message.contains("only a person or a team can own"),
        "{}",
        refused.message
    );
    let mut plan = Opportunity {
        owner: Some(team),
        ..plan
    };
    ws.apply(&Edit::PutOpportunity {
        journey,
        opportunity: plan.clone(),
    })
    .unwrap();
    assert!(unaddressed(&ws).is_empty());

    plan.value = 9;
    let off_scale = ws
        .apply(&Edit::PutOpportunity {
            journey,
            opportunity: plan.clone(),
        })
        .unwrap_err();
    assert!(
        off_scale.message.contains("rate it from 1 to 5"),
        "{}",
        off_scale.message
    );

    ws.apply(&Edit::DeleteSteps {
        steps: vec![report],
    })
    .unwrap();
    let listed = ws.opportunities();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].owner.as_deref(), Some("Field service"));
    assert_eq!(listed[0].journey.name, "Boiler repair");
    let texts: Vec<Option<&str>> = listed[0]
        .addresses
        .iter()
        .map(|c| c.text.as_deref())
        .collect();
    assert_eq!(texts, [None, Some("Waits in all day for the engineer")]);
}

#[test]
fn only_edits_that_touch_opportunities_or_owners_ask_the_window_to_fetch_them_again() {
    let (model, report, _, team, _) = boiler_repair();
    let journey = model.journeys[0].id;
    let mut ws = OpenWorkspace::in_memory(&model).unwrap();
    let mut have = ws.shown_scene(journey).unwrap().version;
    let mut changed = |ws: &mut OpenWorkspace, edit: Edit| {
        let update = ws.apply_for_view(&edit, have).unwrap();
        have = update.version;
        update.changed.opportunities
    };
    let text = Edit::SetStepText {
        step: report,
        text: "Reports a cold radiator".into(),
    };
    assert!(!changed(&mut ws, text), "a card's text alone");
    let plan = Edit::PutOpportunity {
        journey,
        opportunity: Opportunity {
            id: Id::new(),
            title: "Online fault report".into(),
            description: String::new(),
            owner: Some(team),
            status: OpportunityStatus::Idea,
            value: 3,
            effort: 3,
            addresses: vec![report],
        },
    };
    assert!(changed(&mut ws, plan));
    assert!(
        changed(&mut ws, Edit::DeleteEntity { entity: team }),
        "its owner goes"
    );
    assert!(
        changed(
            &mut ws,
            Edit::DeleteSteps {
                steps: vec![report]
            }
        ),
        "its card goes"
    );
}
