//! Current and future state from the room's side, on a car rental pick-up redrawn as it should
//! become: the future state answers "what do we remove, what pain goes, which moments of truth do we
//! gain or lose, and does the customer feel better?", draws under the current state stage by stage
//! with the cards that change tagged, exports as one picture, and keeps working when the current state is
//! deleted.

use throughline_api::{
    Edit, ExportFormat, ExportOptions, Id, Journey, LaneKind, OpenWorkspace, StateChange, Step,
    StepDetails, Workspace,
};

struct Rental {
    model: Workspace,
    journey: Id,
    queue: Id,
    papers: Id,
    keys: Id,
    inspect: Id,
}

fn car_rental() -> Rental {
    let mut j = Journey::from_template("Car rental pick-up", &["Arrive", "Counter", "Car park"]);
    let customer = j
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Customer)
        .unwrap()
        .id;
    let mut queue = Step::new(
        customer,
        j.stages[1].id,
        0.0,
        "Queues at the rental counter",
    );
    queue.pain_point = Some("Forty minutes after a long flight".into());
    queue.emotion = Some(-2);
    let mut papers = Step::new(customer, j.stages[1].id, 1.0, "Signs the contract on paper");
    papers.emotion = Some(-1);
    let mut keys = Step::new(
        customer,
        j.stages[1].id,
        2.0,
        "Gets the keys from the agent",
    );
    keys.moment_of_truth = true;
    keys.emotion = Some(1);
    let mut inspect = Step::new(
        customer,
        j.stages[2].id,
        0.0,
        "Walks round the car for damage",
    );
    inspect.emotion = Some(0);
    let ids = (queue.id, papers.id, keys.id, inspect.id);
    j.steps = vec![queue, papers, keys, inspect];
    Rental {
        journey: j.id,
        model: Workspace {
            journeys: vec![j],
            ..Workspace::default()
        },
        queue: ids.0,
        papers: ids.1,
        keys: ids.2,
        inspect: ids.3,
    }
}

fn heir(ws: &OpenWorkspace, future: Id, origin: Id) -> Step {
    ws.model()
        .journey(future)
        .unwrap()
        .steps
        .iter()
        .find(|s| s.origin == Some(origin))
        .unwrap()
        .clone()
}

#[test]
fn the_future_state_says_what_changes_and_draws_under_the_current_state() {
    let r = car_rental();
    let mut ws = OpenWorkspace::in_memory(&r.model).unwrap();
    let future = Id::new();
    ws.apply(&Edit::CreateFutureState {
        source: r.journey,
        journey: future,
    })
    .unwrap();
    let summary = ws.journeys().into_iter().find(|j| j.id == future).unwrap();
    assert_eq!(summary.future_of, Some(r.journey));
    assert_eq!(summary.name, "Car rental pick-up (future state)");
    assert_eq!(ws.future_state_of(r.journey), Some(future));

    // The room's future: no counter queue, the contract signed in the app, keys in a locker with
    // the moment of truth moved to finding the car, and a new step to unlock it by phone.
    ws.apply(&Edit::DeleteSteps {
        steps: vec![heir(&ws, future, r.queue).id],
    })
    .unwrap();
    let sign = heir(&ws, future, r.papers);
    ws.apply(&Edit::SetStepText {
        step: sign.id,
        text: "Signs the contract in the app before landing".into(),
    })
    .unwrap();
    let keys = heir(&ws, future, r.keys);
    let mut details = StepDetails::of(&keys);
    details.change = Some(StateChange::Removed);
    ws.apply(&Edit::SetStepDetails {
        step: keys.id,
        details,
    })
    .unwrap();
    let walk = heir(&ws, future, r.inspect);
    let mut details = StepDetails::of(&walk);
    details.moment_of_truth = true;
    details.emotion = Some(2);
    ws.apply(&Edit::SetStepDetails {
        step: walk.id,
        details,
    })
    .unwrap();
    let unlock = Id::new();
    ws.apply(&Edit::AddStep {
        journey: future,
        step: unlock,
        lane: walk.lane,
        stage: walk.stage,
        to: throughline_api::Slot::END,
        text: "Unlocks the car with the phone".into(),
    })
    .unwrap();

    let view = ws.future_state(future).unwrap();
    assert_eq!(view.current.as_ref().map(|c| c.id), Some(r.journey));
    let s = &view.summary;
    // Removed: the queue (dropped from the copy) and the keys (marked removed).
    assert_eq!((s.kept, s.changed, s.removed, s.added), (0, 2, 2, 1));
    assert_eq!(s.pain_points_resolved, 1, "the queue's pain is gone");
    assert_eq!((s.moments_gained, s.moments_lost), (1, 1));
    assert_eq!(s.emotion_before, Some(-0.5));
    assert_eq!(s.emotion_after, Some(0.5));

    let tags = &view.scene.states.as_ref().unwrap().tags;
    let tag = |card: Id| tags.iter().find(|t| t.card == card).map(|t| t.change);
    assert_eq!(
        tag(r.queue),
        Some(StateChange::Removed),
        "on the current state"
    );
    assert_eq!(tag(sign.id), Some(StateChange::Changed));
    assert_eq!(tag(keys.id), Some(StateChange::Removed));
    assert_eq!(tag(unlock), Some(StateChange::New));
    assert_eq!(tag(r.inspect), None, "kept current cards carry no tag");
    // Each tagged card says what changed on it.
    let listed = |card: Id| view.cards.iter().find(|c| c.id == card).unwrap();
    let signed = listed(sign.id);
    assert_eq!(
        signed.came_from.as_deref(),
        Some("Signs the contract on paper")
    );
    let fields: Vec<(&str, &str, &str)> = signed
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.old.as_str(), f.new.as_str()))
        .collect();
    assert_eq!(
        fields,
        [(
            "text",
            "Signs the contract on paper",
            "Signs the contract in the app before landing"
        )]
    );
    assert_eq!(listed(r.queue).change, StateChange::Removed);
    assert!(listed(unlock).came_from.is_none());

    // The same pair as a picture, with the title block and legend around both halves.
    let options = ExportOptions {
        beside_current: true,
        ..ExportOptions::default()
    };
    let svg = ws
        .export_job_dated(future, ExportFormat::Svg, &options, "2026-12-05")
        .unwrap()
        .run(&|_, _| true)
        .unwrap();
    let svg = String::from_utf8(svg).unwrap();
    for text in [
        "Current state: Car rental pick-up",
        "Future state: Car rental pick-up (future state)",
        ">NEW<",
        ">REMOVED<",
        ">CHANGED<",
        "Legend",
    ] {
        assert!(svg.contains(text), "the export draws {text}");
    }
    let png = ws
        .export_job_dated(future, ExportFormat::Png, &options, "2026-12-05")
        .unwrap()
        .run(&|_, _| true)
        .unwrap();
    assert!(png.starts_with(b"\x89PNG"));

    // Only a future state is drawn beside its current state.
    let refused = ws
        .export_job_dated(r.journey, ExportFormat::Svg, &options, "2026-12-05")
        .err()
        .unwrap();
    assert!(
        refused.message.contains("is not a future state"),
        "{}",
        refused.message
    );
    let refused = ws
        .apply(&Edit::SetStepDetails {
            step: r.papers,
            details: StepDetails {
                change: Some(StateChange::New),
                ..StepDetails::of(
                    ws.model()
                        .journey(r.journey)
                        .unwrap()
                        .step(r.papers)
                        .unwrap(),
                )
            },
        })
        .unwrap_err();
    assert!(
        refused.message.contains("not a future state"),
        "{}",
        refused.message
    );
}

#[test]
fn a_future_state_outlives_its_current_state_and_says_the_link_is_gone() {
    let r = car_rental();
    let mut ws = OpenWorkspace::in_memory(&r.model).unwrap();
    let future = Id::new();
    ws.apply(&Edit::CreateFutureState {
        source: r.journey,
        journey: future,
    })
    .unwrap();
    ws.apply(&Edit::DeleteJourney { journey: r.journey })
        .unwrap();
    let view = ws.future_state(future).unwrap();
    assert!(view.current.is_none());
    let states = view.scene.states.as_ref().unwrap();
    assert!(states
        .subheading
        .as_ref()
        .unwrap()
        .text
        .contains("has been deleted"));
    assert_eq!(view.scene.cards.len(), 4);
    assert_eq!(view.summary.emotion_before, None);
    // Undo brings the current state back and the pair with it.
    ws.undo().unwrap();
    let view = ws.future_state(future).unwrap();
    assert_eq!(view.current.map(|c| c.id), Some(r.journey));
    assert_eq!(view.summary.kept, 4);
}
