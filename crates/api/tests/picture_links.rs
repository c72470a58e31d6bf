//! Exported pictures carry the organisation behind their journey: an import elsewhere recreates which
//! system depends on which and who is in which team, and an import into a workspace that knows some of
//! the entities reuses them without doubling their links.

use throughline_api::{Edit, ExportFormat, OpenWorkspace};
use throughline_core::{Entity, EntityKind, Id, Journey, Link, LinkKind, Step, Workspace};

/// A coffee shop: an order journey whose cards use a till and a coffee machine; the till depends on
/// the card reader (which the journey never names) and the machine on the water filter (named).
fn coffee_shop() -> Workspace {
    let id = |k: &str| Id::derived("coffee", k);
    let entity = |k: &str, kind, name: &str| Entity {
        id: id(k),
        kind,
        name: name.into(),
        description: format!("the shop's {name}"),
        owner: None,
    };
    let mut order = Journey::from_template("Morning coffee", &["Order", "Wait", "Drink"]);
    order.id = id("order");
    let (customer, front, back) = (order.lanes[1].id, order.lanes[2].id, order.lanes[3].id);
    let stage = |i: usize| order.stages[i].id;
    let card = |k: &str, lane, stage, text: &str| {
        let mut s = Step::new(lane, stage, 0.0, text);
        s.id = id(k);
        s
    };
    order.steps = vec![
        card("ask", customer, stage(0), "Orders a flat white"),
        card("pay", front, stage(0), "Takes payment at the till"),
        card("brew", back, stage(1), "Pulls the shot"),
        card("refill", back, stage(1), "Changes the water filter"),
    ];
    let mut barista = entity("barista", EntityKind::Person, "Sam");
    barista.owner = Some(id("crew"));
    let link = |k: &str, kind, from: &str, to: &str| Link {
        id: id(k),
        kind,
        from: id(from),
        to: id(to),
    };
    Workspace {
        journeys: vec![order],
        entities: vec![
            barista,
            entity("crew", EntityKind::Team, "Morning crew"),
            entity("till", EntityKind::System, "Till"),
            entity("machine", EntityKind::System, "Espresso machine"),
            entity("filter", EntityKind::System, "Water filter"),
            entity("reader", EntityKind::System, "Card reader"),
        ],
        links: vec![
            link("l1", LinkKind::Flow, "ask", "pay"),
            link("l2", LinkKind::PerformedBy, "pay", "barista"),
            link("l3", LinkKind::Uses, "pay", "till"),
            link("l4", LinkKind::Uses, "brew", "machine"),
            link("l5", LinkKind::Uses, "refill", "filter"),
            link("l6", LinkKind::DependsOn, "machine", "filter"),
            link("l7", LinkKind::DependsOn, "till", "reader"),
            link("l8", LinkKind::MemberOf, "barista", "crew"),
        ],
        personas: Vec::new(),
    }
}

/// Dependencies and memberships, by name.
fn organisation(ws: &Workspace) -> Vec<String> {
    let name = |id: Id| ws.entity(id).unwrap().name.clone();
    let mut out: Vec<String> = ws
        .links
        .iter()
        .filter(|l| matches!(l.kind, LinkKind::DependsOn | LinkKind::MemberOf))
        .map(|l| format!("{} {:?} {}", name(l.from), l.kind, name(l.to)))
        .collect();
    out.sort();
    out
}

#[test]
fn an_exported_picture_brings_what_depends_on_what() {
    let shop = OpenWorkspace::in_memory(&coffee_shop()).unwrap();
    let journey = shop.model().journeys[0].id;
    for format in [ExportFormat::Svg, ExportFormat::Png] {
        let picture = shop.export(journey, format, 0.5).unwrap();
        let mut other = OpenWorkspace::in_memory(&Workspace::default()).unwrap();
        other.import_picture(&picture).unwrap();
        assert_eq!(
            organisation(other.model()),
            [
                "Espresso machine DependsOn Water filter",
                "Sam MemberOf Morning crew"
            ],
            "{format:?}: the card reader is not named by the journey, so it stays behind"
        );
        let sam = other
            .model()
            .entities
            .iter()
            .find(|e| e.name == "Sam")
            .unwrap();
        let owner = other.model().entity(sam.owner.unwrap()).unwrap();
        assert_eq!(owner.name, "Morning crew");
        other.undo().unwrap();
        assert_eq!(
            other.model(),
            &Workspace::default(),
            "one undo takes it all back"
        );
    }
}

#[test]
fn an_import_reuses_known_entities_and_does_not_double_their_links() {
    let shop = OpenWorkspace::in_memory(&coffee_shop()).unwrap();
    let journey = shop.model().journeys[0].id;
    let svg = shop.export(journey, ExportFormat::Svg, 1.0).unwrap();
    // A second shop already has the machine, the filter and the dependency between them.
    let mut branch = OpenWorkspace::in_memory(&Workspace::default()).unwrap();
    let (machine, filter) = (Id::new(), Id::new());
    let system = |id, name: &str| Edit::CreateEntity {
        entity: Entity {
            id,
            kind: EntityKind::System,
            name: name.into(),
            description: String::new(),
            owner: None,
        },
    };
    branch
        .apply(&Edit::Batch {
            edits: vec![
                system(machine, "espresso machine"),
                system(filter, "Water filter"),
                Edit::AddLink {
                    link: Link {
                        id: Id::new(),
                        kind: LinkKind::DependsOn,
                        from: machine,
                        to: filter,
                    },
                },
            ],
        })
        .unwrap();
    branch.import_picture(&svg).unwrap();
    let model = branch.model();
    assert_eq!(
        model.entities.len(),
        5,
        "machine and filter reused, three created"
    );
    assert_eq!(
        model
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::DependsOn)
            .count(),
        1,
        "the dependency already there is not doubled"
    );
    let j = &model.journeys[0];
    let brew = j.steps.iter().find(|s| s.text == "Pulls the shot").unwrap();
    assert!(model
        .links
        .iter()
        .any(|l| l.from == brew.id && l.kind == LinkKind::Uses && l.to == machine));
}
