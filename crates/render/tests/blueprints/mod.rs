//! Hand-built blueprints of about 30 steps with dense stages: several cards per cell, flows forwards,
//! backwards, within one column and across many, and cards with four or more arrows in or out. They
//! are the pictures a router has the hardest time with and the ones a workshop actually produces.

use throughline_core::{Id, Journey, Link, LinkKind, Stage, Step};

/// Lane indices of the standard template.
const EVIDENCE: usize = 0;
const CUSTOMER: usize = 1;
const FRONT: usize = 2;
const BACK: usize = 3;
const SUPPORT: usize = 4;

/// A journey with its flows.
pub struct Blueprint {
    pub journey: Journey,
    pub flows: Vec<Link>,
}

/// Builds a journey from cards given as (lane, stage, text) and flows given as pairs of card indices;
/// cards of one cell stack in the order given.
fn build(
    key: &str,
    name: &str,
    stages: &[&str],
    cards: &[(usize, usize, &str)],
    flows: &[(usize, usize)],
) -> Blueprint {
    let id = |k: String| Id::derived(&format!("blueprint/{key}"), &k);
    let mut journey = Journey::from_template(name, &[]);
    journey.id = id("journey".into());
    journey.stages = stages
        .iter()
        .enumerate()
        .map(|(i, s)| Stage {
            id: id(format!("stage{i}")),
            name: (*s).to_owned(),
            position: i as f64,
        })
        .collect();
    for (i, lane) in journey.lanes.iter_mut().enumerate() {
        lane.id = id(format!("lane{i}"));
    }
    for (i, (lane, stage, text)) in cards.iter().enumerate() {
        let mut step = Step::new(
            journey.lanes[*lane].id,
            journey.stages[*stage].id,
            i as f64,
            text,
        );
        step.id = id(format!("step{i}"));
        journey.steps.push(step);
    }
    let flows = flows
        .iter()
        .enumerate()
        .map(|(i, (from, to))| Link {
            id: id(format!("flow{i}")),
            kind: LinkKind::Flow,
            from: journey.steps[*from].id,
            to: journey.steps[*to].id,
        })
        .collect();
    Blueprint { journey, flows }
}

/// The overnight hotel stay of Bitner, Ostrom and Morgan's "Service Blueprinting" (2008), after
/// Shostack: arrival, check-in, the room, room service and check-out, with the evidence the guest sees
/// and the systems behind the desk and the kitchen.
pub fn hotel_stay() -> Blueprint {
    let stages = [
        "Arrive",
        "Check in",
        "Go to the room",
        "Stay the night",
        "Room service",
        "Check out",
    ];
    #[rustfmt::skip]
    let cards = [
        (EVIDENCE, 0, "Hotel exterior, parking"),                 // 0
        (EVIDENCE, 1, "Desk, registration papers, lobby"),        // 1
        (EVIDENCE, 2, "Elevators, hallways, room key"),           // 2
        (EVIDENCE, 3, "Room, amenities, bath"),                   // 3
        (EVIDENCE, 4, "Menu, delivery tray, food"),               // 4
        (EVIDENCE, 5, "Bill, desk, lobby"),                       // 5
        (CUSTOMER, 0, "Arrive at the hotel"),                     // 6
        (CUSTOMER, 0, "Give bags to the bellperson"),             // 7
        (CUSTOMER, 1, "Check in at the desk"),                    // 8
        (CUSTOMER, 2, "Go to the room"),                          // 9
        (CUSTOMER, 2, "Receive bags"),                            // 10
        (CUSTOMER, 3, "Sleep, shower"),                           // 11
        (CUSTOMER, 4, "Call room service"),                       // 12
        (CUSTOMER, 4, "Receive food and eat"),                    // 13
        (CUSTOMER, 5, "Check out and leave"),                     // 14
        (FRONT, 0, "Greet the guest and take the bags"),          // 15
        (FRONT, 1, "Process the registration"),                   // 16
        (FRONT, 1, "Hand over key and directions"),               // 17
        (FRONT, 2, "Deliver bags to the room"),                   // 18
        (FRONT, 4, "Deliver the food"),                           // 19
        (FRONT, 5, "Process the check-out"),                      // 20
        (BACK, 0, "Take bags to the room"),                       // 21
        (BACK, 1, "Prepare the key card"),                        // 22
        (BACK, 3, "Housekeeping turns the room"),                 // 23
        (BACK, 4, "Take the food order"),                         // 24
        (BACK, 5, "Check the minibar"),                           // 25
        (SUPPORT, 1, "Registration system"),                      // 26
        (SUPPORT, 4, "Kitchen prepares the food"),                // 27
        (SUPPORT, 4, "Room charges posted"),                      // 28
        (SUPPORT, 5, "Billing system"),                           // 29
    ];
    #[rustfmt::skip]
    let flows = [
        // The guest's path.
        (6, 7), (7, 8), (8, 9), (9, 10), (10, 11), (11, 12), (12, 13), (13, 14),
        // Arrival: down the column, then across two stages.
        (0, 6), (7, 15), (15, 21), (21, 18), (18, 10),
        // Check-in fans out to five cards.
        (8, 16), (8, 1), (8, 26), (8, 23), (8, 22),
        (16, 17), (16, 26), (26, 22), (22, 17), (17, 9), (2, 9),
        // The stay, both ways between the room and the guest.
        (3, 11), (11, 3), (23, 3),
        // Room service: within the column and back up.
        (12, 24), (24, 27), (27, 19), (19, 13), (4, 13), (27, 28), (13, 12),
        // Check-out: five arrows into billing, from as far back as check-in.
        (14, 20), (20, 29), (28, 29), (26, 29), (23, 29), (27, 29), (25, 20), (20, 5),
        // Backwards: the bill goes back to the registration record, the minibar to housekeeping.
        (29, 26), (25, 23), (14, 8),
    ];
    build("hotel", "Overnight hotel stay", &stages, &cards, &flows)
}

/// Checking in for a flight and boarding it, with online and desk check-in, bag drop, security and the
/// gate: many cards per cell, systems shared by every stage, and the rebooking loop that sends the
/// passenger back to check-in.
pub fn airline_check_in() -> Blueprint {
    let stages = [
        "Plan",
        "Check in online",
        "Drop bags",
        "Security",
        "Gate",
        "Board",
    ];
    #[rustfmt::skip]
    let cards = [
        (EVIDENCE, 0, "Booking confirmation email"),              // 0
        (EVIDENCE, 1, "Check-in reminder and app"),               // 1
        (EVIDENCE, 2, "Bag tag and receipt"),                     // 2
        (EVIDENCE, 4, "Departure board, gate signs"),             // 3
        (EVIDENCE, 5, "Boarding pass on the phone"),              // 4
        (CUSTOMER, 0, "Reads the confirmation"),                  // 5
        (CUSTOMER, 0, "Adds a bag to the booking"),               // 6
        (CUSTOMER, 1, "Opens the app"),                           // 7
        (CUSTOMER, 1, "Chooses a seat"),                          // 8
        (CUSTOMER, 1, "Gets the boarding pass"),                  // 9
        (CUSTOMER, 2, "Queues at the bag drop"),                  // 10
        (CUSTOMER, 2, "Drops the bag"),                           // 11
        (CUSTOMER, 3, "Passes security"),                         // 12
        (CUSTOMER, 4, "Waits at the gate"),                       // 13
        (CUSTOMER, 4, "Hears the flight is late"),                // 14
        (CUSTOMER, 5, "Boards the plane"),                        // 15
        (FRONT, 2, "Agent weighs and tags the bag"),              // 16
        (FRONT, 2, "Agent takes payment for excess weight"),      // 17
        (FRONT, 3, "Officer screens the passenger"),              // 18
        (FRONT, 4, "Gate agent announces the delay"),             // 19
        (FRONT, 4, "Gate agent rebooks connections"),             // 20
        (FRONT, 5, "Gate agent scans the pass"),                  // 21
        (BACK, 1, "Revenue team prices the seats"),               // 22
        (BACK, 2, "Baggage hall sorts the bag"),                  // 23
        (BACK, 4, "Operations replans the crew"),                 // 24
        (BACK, 5, "Ground crew loads the bags"),                  // 25
        (SUPPORT, 0, "Reservation system"),                       // 26
        (SUPPORT, 1, "Departure control system"),                 // 27
        (SUPPORT, 2, "Baggage reconciliation"),                   // 28
        (SUPPORT, 4, "Flight status service"),                    // 29
    ];
    #[rustfmt::skip]
    let flows = [
        // The passenger's path, three cards deep in one cell.
        (5, 6), (6, 7), (7, 8), (8, 9), (9, 10), (10, 11), (11, 12), (12, 13), (13, 14), (14, 15),
        // Evidence down the columns.
        (0, 5), (1, 7), (9, 4), (2, 11), (3, 13), (4, 21),
        // The reservation system feeds five stages.
        (6, 26), (26, 0), (26, 27), (26, 22), (26, 20), (26, 28),
        // Departure control, across many columns and back.
        (27, 9), (22, 8), (27, 21), (21, 27), (27, 16),
        // Bag drop, within one column: down to the hall and back up.
        (11, 16), (16, 17), (17, 2), (16, 23), (23, 28), (28, 25), (17, 11),
        // Security and the gate.
        (12, 18), (18, 12), (29, 14), (29, 19), (24, 29), (19, 14), (14, 20), (20, 24),
        // The rebooking loop, backwards to check-in; four arrows into boarding.
        (20, 9), (25, 21), (21, 15), (20, 15), (13, 15), (29, 3),
    ];
    build(
        "airline",
        "Flight check-in and boarding",
        &stages,
        &cards,
        &flows,
    )
}

/// Both blueprints, with a name for reports.
pub fn all() -> Vec<(&'static str, Blueprint)> {
    vec![
        ("hotel stay (Bitner et al.)", hotel_stay()),
        ("airline check-in", airline_check_in()),
    ]
}
