//! The records a workspace holds. Plain data: the rules live in [`crate::validate`], storage in the
//! store crate, and drawing in the render crate.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Id;

/// Everything one team maps: many journeys and the people, teams, systems and processes they share.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// Journeys in sidebar order (by `position`).
    pub journeys: Vec<Journey>,
    /// Shared people, teams, systems and processes.
    pub entities: Vec<Entity>,
    /// Typed edges between steps and entities.
    pub links: Vec<Link>,
    /// The customers journeys are drawn for, shared so one persona's curve can be followed across
    /// journeys.
    #[serde(default)]
    pub personas: Vec<Persona>,
}

/// One customer journey drawn as a blueprint: stages are columns, lanes are rows, steps are cards.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Journey {
    /// Identity of the journey.
    pub id: Id,
    /// Title shown in the sidebar and on the blueprint.
    pub name: String,
    /// Who the customer is (persona or segment).
    pub persona: String,
    /// What the journey covers.
    pub description: String,
    /// Fractional sort key among journeys, so a reorder touches one row.
    pub position: f64,
    /// Columns, kept sorted by `position`.
    pub stages: Vec<Stage>,
    /// Rows, kept sorted by `position`.
    pub lanes: Vec<Lane>,
    /// Cards, in any order; each names its lane and stage.
    pub steps: Vec<Step>,
    /// The shared personas this journey is for, the first being the one a card's `emotion` scores
    /// (at most [`crate::persona::MAX_JOURNEY_PERSONAS`]).
    #[serde(default)]
    pub personas: Vec<Id>,
    /// What people said about the journey, its stages and its cards, oldest first (see
    /// [`crate::comment`]).
    #[serde(default)]
    pub comments: Vec<Comment>,
    /// What the team means to do about the journey's cards (see [`crate::opportunity`]).
    #[serde(default)]
    pub opportunities: Vec<Opportunity>,
    /// For a future state, the current-state journey it was made from (see [`crate::future`]); the
    /// journey may since have been deleted, and the future state then says its link is gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub future_of: Option<Id>,
}

/// Where an opportunity stands.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum OpportunityStatus {
    /// Proposed, not decided.
    #[default]
    Idea,
    /// Decided and scheduled.
    Planned,
    /// Being worked on.
    InProgress,
    /// Delivered.
    Done,
    /// Decided against.
    Dropped,
}

impl OpportunityStatus {
    /// Every status, in the order work moves through them.
    pub const ALL: [OpportunityStatus; 5] = [
        OpportunityStatus::Idea,
        OpportunityStatus::Planned,
        OpportunityStatus::InProgress,
        OpportunityStatus::Done,
        OpportunityStatus::Dropped,
    ];

    /// How the status is named to a reader.
    pub fn label(self) -> &'static str {
        match self {
            OpportunityStatus::Idea => "Idea",
            OpportunityStatus::Planned => "Planned",
            OpportunityStatus::InProgress => "In progress",
            OpportunityStatus::Done => "Done",
            OpportunityStatus::Dropped => "Dropped",
        }
    }
}

/// Something the team could do to make the journey better: who owns it, where it stands, what it is
/// worth against what it costs, and which cards it addresses, so a map becomes a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Opportunity {
    /// Identity of the opportunity.
    pub id: Id,
    /// What to do, in a line.
    pub title: String,
    /// More about it.
    pub description: String,
    /// The accountable person or team.
    pub owner: Option<Id>,
    /// Where it stands.
    pub status: OpportunityStatus,
    /// What it is worth to customers and the business, 1 (little) to 5 (much).
    pub value: u8,
    /// What it costs to do, 1 (little) to 5 (much).
    pub effort: u8,
    /// The cards of its journey it addresses. A card deleted since stays listed, so undoing the
    /// deletion finds it addressed again.
    pub addresses: Vec<Id>,
}

/// A remark someone left on a journey, one of its stages or one of its cards: the conversation
/// around the map, kept beside it but never drawn on an export unless asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Comment {
    /// Identity of the comment.
    pub id: Id,
    /// The journey, stage or card it is about. A card deleted later keeps its comments, so undoing
    /// the deletion finds them again; until then the comment says its card is gone.
    pub target: Id,
    /// Who wrote it.
    pub author: String,
    /// When it was written, in milliseconds since 1970-01-01 UTC.
    #[ts(type = "number")]
    pub at: i64,
    /// What they said.
    pub text: String,
    /// Whether it has been dealt with.
    pub resolved: bool,
}

/// A column of the blueprint: one phase of the customer's journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Stage {
    /// Identity of the stage.
    pub id: Id,
    /// Column heading.
    pub name: String,
    /// Fractional sort key among the journey's stages.
    pub position: f64,
}

/// What a lane means in service-blueprint terms. The order of the variants is the order lanes must keep
/// from top to bottom, and the three blueprint lines sit where the kind changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LaneKind {
    /// Physical evidence: what the customer sees and touches.
    Evidence,
    /// Customer actions: the only lane with emotion scores.
    Customer,
    /// Frontstage: employee actions the customer sees.
    Frontstage,
    /// Backstage: employee actions the customer does not see.
    Backstage,
    /// Support processes: systems and internal teams behind the backstage.
    Support,
}

impl LaneKind {
    /// Every kind, top to bottom.
    pub const ALL: [LaneKind; 5] = [
        LaneKind::Evidence,
        LaneKind::Customer,
        LaneKind::Frontstage,
        LaneKind::Backstage,
        LaneKind::Support,
    ];

    /// The name a lane of this kind gets in the standard blueprint template.
    pub fn standard_name(self) -> &'static str {
        match self {
            LaneKind::Evidence => "Physical evidence",
            LaneKind::Customer => "Customer actions",
            LaneKind::Frontstage => "Frontstage actions",
            LaneKind::Backstage => "Backstage actions",
            LaneKind::Support => "Support processes",
        }
    }
}

/// The three lines of a service blueprint, each lying between two lane kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Between the customer and the frontstage.
    Interaction,
    /// Between what the customer sees (frontstage) and what they do not (backstage).
    Visibility,
    /// Between backstage staff and the support processes behind them.
    InternalInteraction,
}

impl LineKind {
    /// Every line, top to bottom.
    pub const ALL: [LineKind; 3] = [
        LineKind::Interaction,
        LineKind::Visibility,
        LineKind::InternalInteraction,
    ];

    /// The label printed on the line.
    pub fn label(self) -> &'static str {
        match self {
            LineKind::Interaction => "Line of interaction",
            LineKind::Visibility => "Line of visibility",
            LineKind::InternalInteraction => "Line of internal interaction",
        }
    }

    /// The last lane kind above the line; every kind after it lies below.
    pub fn above(self) -> LaneKind {
        match self {
            LineKind::Interaction => LaneKind::Customer,
            LineKind::Visibility => LaneKind::Frontstage,
            LineKind::InternalInteraction => LaneKind::Backstage,
        }
    }
}

/// A row of the blueprint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Lane {
    /// Identity of the lane.
    pub id: Id,
    /// Row heading.
    pub name: String,
    /// What the lane's steps mean.
    pub kind: LaneKind,
    /// Fractional sort key among the journey's lanes.
    pub position: f64,
}

/// One card: something the customer or the organisation does at one stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Step {
    /// Identity of the step.
    pub id: Id,
    /// The lane (row) it sits in.
    pub lane: Id,
    /// The stage (column) it sits in.
    pub stage: Id,
    /// Fractional sort key among the steps of its cell.
    pub position: f64,
    /// What happens, in the room's words.
    pub text: String,
    /// Where it happens (phone, app, letter…), if said.
    pub channel: Option<String>,
    /// Whether this step decides how the customer judges the whole experience.
    pub moment_of_truth: bool,
    /// How the customer feels, −2…+2; only on customer steps.
    pub emotion: Option<i8>,
    /// What hurts here, if anything.
    pub pain_point: Option<String>,
    /// How much the pain point hurts.
    pub pain_severity: Severity,
    /// Shostack's fail point: where the service is likely to break.
    pub fail_point: bool,
    /// Shostack's wait point: where the customer waits.
    pub wait_point: bool,
    /// Free notes.
    pub notes: String,
    /// What is measured here.
    pub metrics: Vec<Metric>,
    /// The one accountable person or team.
    pub owner: Option<Id>,
    /// How the journey's other personas (after the first, whose score is `emotion`) feel here, in the
    /// order of the journey's personas; only on customer steps.
    #[serde(default)]
    pub scores: Vec<PersonaScore>,
    /// What research backs this step: findings and customers' words, with where they came from.
    #[serde(default)]
    pub evidence: Vec<Insight>,
    /// Marked by the room as a guess nobody has checked yet; only a step without evidence can be one
    /// (see [`crate::evidence`]).
    #[serde(default)]
    pub assumption: bool,
    /// On a future state's card, the current-state card it was copied from; `None` for a card the
    /// future adds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub origin: Option<Id>,
    /// On a future state's card, the room's own word on how it changes, over the one computed from
    /// its origin (see [`crate::future::pair`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub change: Option<StateChange>,
}

/// How a future state's card stands against the current state, as service designers mark a
/// to-be blueprint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StateChange {
    /// As it is today.
    Kept,
    /// Still there, done differently.
    Changed,
    /// Done away with: still drawn, so the room sees what goes.
    Removed,
    /// Not there today.
    New,
}

impl StateChange {
    /// Every mark, in the order a menu lists them.
    pub const ALL: [StateChange; 4] = [
        StateChange::Kept,
        StateChange::Changed,
        StateChange::Removed,
        StateChange::New,
    ];

    /// The mark as a person says it.
    pub fn label(self) -> &'static str {
        match self {
            StateChange::Kept => "Kept",
            StateChange::Changed => "Changed",
            StateChange::Removed => "Removed",
            StateChange::New => "New",
        }
    }
}

/// Where an insight comes from, so a reader can weigh it: a survey of thousands is not one interview.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceSource {
    /// Said by a customer or an employee in an interview.
    Interview,
    /// Answers to a survey.
    Survey,
    /// Measured in product or web analytics.
    Analytics,
    /// Read in support tickets or complaints.
    SupportTickets,
    /// Seen by a researcher watching the service happen.
    Observation,
    /// Anything else (a workshop, a sales call, a report).
    #[default]
    Other,
}

impl EvidenceSource {
    /// Every source, in the order a picker lists them.
    pub const ALL: [EvidenceSource; 6] = [
        EvidenceSource::Interview,
        EvidenceSource::Survey,
        EvidenceSource::Analytics,
        EvidenceSource::SupportTickets,
        EvidenceSource::Observation,
        EvidenceSource::Other,
    ];

    /// How the source is named to a reader.
    pub fn label(self) -> &'static str {
        match self {
            EvidenceSource::Interview => "Interview",
            EvidenceSource::Survey => "Survey",
            EvidenceSource::Analytics => "Analytics",
            EvidenceSource::SupportTickets => "Support tickets",
            EvidenceSource::Observation => "Observation",
            EvidenceSource::Other => "Other",
        }
    }
}

/// One piece of evidence behind a step: a finding or a quote, where it came from, when, and where to
/// find it, so the room can tell what it knows from what it guesses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Insight {
    /// The finding, or the customer's words.
    pub text: String,
    /// Where it comes from.
    pub source: EvidenceSource,
    /// The day it was gathered, `YYYY-MM-DD`, if known.
    pub date: Option<String>,
    /// A link or a file name where the source can be read; empty when there is none.
    pub reference: String,
}

/// How one persona feels at one customer step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonaScore {
    /// The persona (one of the journey's, not its first).
    pub persona: Id,
    /// −2…+2.
    pub score: i8,
}

/// A customer a journey is drawn for, shared by every journey of the workspace: who they are and what
/// they want, so the room argues about the same person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Persona {
    /// Identity of the persona.
    pub id: Id,
    /// Their name, unique in the workspace.
    pub name: String,
    /// Who they are, in a line or two.
    pub description: String,
    /// What they are trying to achieve.
    pub goals: String,
    /// What they need from the service.
    pub needs: String,
    /// What gets in their way.
    pub pains: String,
    /// Something they said, in their words.
    pub quote: String,
    /// Their picture, kept in the workspace (see [`crate::persona::check_picture`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub picture: Option<PersonaPicture>,
}

/// The two picture formats a persona's picture may be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PictureFormat {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
}

/// A persona's picture: its format and its bytes in standard base64, so it travels in JSON (the undo
/// log, the text form, a journey package) as it is stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonaPicture {
    /// PNG or JPEG, as its header says.
    pub format: PictureFormat,
    /// The file's bytes, base64.
    pub data: String,
}

/// How badly a pain point hurts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// An annoyance.
    Low,
    /// Costs the customer time or trust.
    #[default]
    Medium,
    /// Makes customers leave or complain.
    High,
}

/// Whether a metric predicts the experience or reports it afterwards.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// Predicts the experience (e.g. time to first response).
    Leading,
    /// Reports it afterwards (e.g. satisfaction score).
    #[default]
    Lagging,
}

/// A measure attached to a step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Metric {
    /// What is measured.
    pub name: String,
    /// Its unit ("min", "%", "NPS"…).
    pub unit: String,
    /// The value aimed for.
    pub target: Option<f64>,
    /// The value seen.
    pub actual: Option<f64>,
    /// Leading or lagging.
    pub kind: MetricKind,
}

/// What kind of shared internal thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// One named person.
    Person,
    /// A team or department.
    Team,
    /// Software or equipment.
    System,
    /// A defined way of working.
    Process,
}

impl EntityKind {
    /// Whether an entity of this kind can be accountable for something.
    pub fn can_own(self) -> bool {
        matches!(self, EntityKind::Person | EntityKind::Team)
    }
}

/// A person, team, system or process shared by every journey of the workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Entity {
    /// Identity of the entity.
    pub id: Id,
    /// What it is.
    pub kind: EntityKind,
    /// Its name, unique within its kind.
    pub name: String,
    /// What it does.
    pub description: String,
    /// The accountable person or team.
    pub owner: Option<Id>,
}

/// The meaning of a link, which also fixes what may sit at each end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// Step → step of the same journey: the arrows of the blueprint.
    Flow,
    /// Step → person or team doing it.
    PerformedBy,
    /// Step → system it relies on.
    Uses,
    /// Step → process it belongs to.
    PartOf,
    /// Entity → entity it cannot work without.
    DependsOn,
    /// Person → team they belong to.
    MemberOf,
}

/// A typed, directed edge of the workspace graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Link {
    /// Identity of the link.
    pub id: Id,
    /// What the link means.
    pub kind: LinkKind,
    /// The step or entity it starts at.
    pub from: Id,
    /// The step or entity it points to.
    pub to: Id,
}

impl Journey {
    /// A journey with the five standard blueprint lanes and the given stages, ready to be filled in.
    pub fn from_template(name: &str, stage_names: &[&str]) -> Journey {
        Journey {
            id: Id::new(),
            name: name.to_owned(),
            persona: String::new(),
            description: String::new(),
            position: 0.0,
            stages: stage_names
                .iter()
                .enumerate()
                .map(|(i, s)| Stage {
                    id: Id::new(),
                    name: (*s).to_owned(),
                    position: i as f64,
                })
                .collect(),
            lanes: LaneKind::ALL
                .iter()
                .enumerate()
                .map(|(i, kind)| Lane {
                    id: Id::new(),
                    name: kind.standard_name().to_owned(),
                    kind: *kind,
                    position: i as f64,
                })
                .collect(),
            steps: Vec::new(),
            personas: Vec::new(),
            comments: Vec::new(),
            opportunities: Vec::new(),
            future_of: None,
        }
    }

    /// Puts stages, lanes and steps in display order (by position, then id so ties are stable).
    pub fn sort(&mut self) {
        self.stages
            .sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
        self.lanes
            .sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
        self.steps
            .sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    }

    /// The lane with this id.
    pub fn lane(&self, id: Id) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.id == id)
    }

    /// The step with this id.
    pub fn step(&self, id: Id) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }
}

impl Persona {
    /// A new persona known only by its name, as a room first names who a journey is for; the rest is
    /// filled in later.
    pub fn named(name: impl Into<String>) -> Persona {
        Persona {
            id: Id::new(),
            name: name.into(),
            description: String::new(),
            goals: String::new(),
            needs: String::new(),
            pains: String::new(),
            quote: String::new(),
            picture: None,
        }
    }
}

impl Step {
    /// A new card with only its text set.
    pub fn new(lane: Id, stage: Id, position: f64, text: &str) -> Step {
        Step {
            id: Id::new(),
            lane,
            stage,
            position,
            text: text.to_owned(),
            channel: None,
            moment_of_truth: false,
            emotion: None,
            pain_point: None,
            pain_severity: Severity::Medium,
            fail_point: false,
            wait_point: false,
            notes: String::new(),
            metrics: Vec::new(),
            owner: None,
            scores: Vec::new(),
            evidence: Vec::new(),
            assumption: false,
            change: None,
            origin: None,
        }
    }
}

impl Workspace {
    /// The journey with this id.
    pub fn journey(&self, id: Id) -> Option<&Journey> {
        self.journeys.iter().find(|j| j.id == id)
    }

    /// The entity with this id.
    pub fn entity(&self, id: Id) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The persona with this id.
    pub fn persona(&self, id: Id) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }

    /// Flow links whose ends both lie in this journey, ordered by id so the drawing does not depend on
    /// the order the links were loaded in.
    pub fn flows_of(&self, journey: &Journey) -> Vec<Link> {
        let steps: HashSet<Id> = journey.steps.iter().map(|s| s.id).collect();
        let mut flows: Vec<Link> = self
            .links
            .iter()
            .filter(|l| {
                l.kind == LinkKind::Flow && steps.contains(&l.from) && steps.contains(&l.to)
            })
            .cloned()
            .collect();
        flows.sort_by_key(|l| l.id);
        flows
    }
}
