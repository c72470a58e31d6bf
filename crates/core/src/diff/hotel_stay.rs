//! A hotel stay blueprint (after Bitner, Ostrom and Morgan's service blueprint of an overnight hotel
//! stay) for the diff and merge tests, with helpers to find its records by name.

use crate::{Entity, EntityKind, Id, Journey, LaneKind, Link, LinkKind, Stage, Step, Workspace};

fn id(key: &str) -> Id {
    Id::derived("hotel-stay", key)
}

/// The hotel stay: five stages, the five standard lanes, ten cards, five entities, flows and links.
pub fn hotel_stay() -> Workspace {
    let stages = ["Book", "Arrive", "Check in", "Stay", "Check out"];
    let mut j = Journey::from_template("Hotel stay", &stages);
    j.id = id("journey");
    j.persona = "Business traveller".into();
    for s in &mut j.stages {
        s.id = id(&s.name);
    }
    for l in &mut j.lanes {
        l.id = id(&format!("{:?}", l.kind));
    }
    let cards = [
        ("Books room online", LaneKind::Customer, "Book"),
        ("Arrives at hotel", LaneKind::Customer, "Arrive"),
        ("Gives name at desk", LaneKind::Customer, "Check in"),
        ("Asks for late checkout", LaneKind::Customer, "Stay"),
        ("Pays bill", LaneKind::Customer, "Check out"),
        ("Doorman greets guest", LaneKind::Frontstage, "Arrive"),
        ("Clerk checks reservation", LaneKind::Frontstage, "Check in"),
        ("Cashier prints bill", LaneKind::Frontstage, "Check out"),
        (
            "Housekeeping prepares room",
            LaneKind::Backstage,
            "Check in",
        ),
        (
            "Reservation system records booking",
            LaneKind::Support,
            "Book",
        ),
    ];
    for (text, lane, stage) in cards {
        let mut step = Step::new(id(&format!("{lane:?}")), id(stage), 1.0, text);
        step.id = id(text);
        if lane == LaneKind::Customer {
            step.emotion = Some(0);
        }
        j.steps.push(step);
    }
    let entity = |name: &str, kind| Entity {
        id: id(name),
        kind,
        name: name.into(),
        description: String::new(),
        owner: None,
    };
    let mut entities = vec![
        entity("Front desk", EntityKind::Team),
        entity("Housekeeping", EntityKind::Team),
        entity("Ana Duty Manager", EntityKind::Person),
        entity("Property management system", EntityKind::System),
        entity("Check-in procedure", EntityKind::Process),
    ];
    entities[3].owner = Some(id("Front desk"));
    let link = |kind, from: &str, to: &str| Link {
        id: id(&format!("{from} {kind:?} {to}")),
        kind,
        from: id(from),
        to: id(to),
    };
    let links = vec![
        link(LinkKind::Flow, "Arrives at hotel", "Doorman greets guest"),
        link(
            LinkKind::Flow,
            "Gives name at desk",
            "Clerk checks reservation",
        ),
        link(
            LinkKind::PerformedBy,
            "Clerk checks reservation",
            "Front desk",
        ),
        link(
            LinkKind::Uses,
            "Clerk checks reservation",
            "Property management system",
        ),
        link(
            LinkKind::PartOf,
            "Clerk checks reservation",
            "Check-in procedure",
        ),
        link(LinkKind::MemberOf, "Ana Duty Manager", "Front desk"),
    ];
    let mut ws = Workspace {
        journeys: vec![j],
        entities,
        links,
        personas: Vec::new(),
    };
    card(&mut ws, "Clerk checks reservation").owner = Some(id("Front desk"));
    ws
}

/// The card with this text.
pub fn card<'a>(ws: &'a mut Workspace, text: &str) -> &'a mut Step {
    ws.journeys
        .iter_mut()
        .flat_map(|j| j.steps.iter_mut())
        .find(|s| s.text == text)
        .unwrap_or_else(|| panic!("no card '{text}'"))
}

/// The id of the stage, lane, card or entity the fixture named `key` (a lane by its kind, e.g.
/// "Backstage").
pub fn named(key: &str) -> Id {
    id(key)
}

/// The first journey's stage with this name.
pub fn stage<'a>(ws: &'a mut Workspace, name: &str) -> &'a mut Stage {
    ws.journeys[0]
        .stages
        .iter_mut()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no stage '{name}'"))
}
