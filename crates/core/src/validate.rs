//! The rules a workspace keeps. The store checks them before it commits, so a workspace on disk never
//! holds a card in a missing lane, an emotion on a backstage step or an owner that cannot own.

use std::collections::{HashMap, HashSet};

use thiserror::Error;

use crate::comment::{MAX_COMMENT_CHARS, MAX_JOURNEY_COMMENTS};
use crate::evidence::{is_date, MAX_INSIGHTS, MAX_REFERENCE_CHARS};
use crate::opportunity::{MAX_JOURNEY_OPPORTUNITIES, SCORES};
use crate::persona::MAX_JOURNEY_PERSONAS;
use crate::text::{MAX_NAME_CHARS, MAX_TEXT_CHARS};

/// Most metrics one card may carry; a card is a sticky note, not a dashboard.
pub const MAX_METRICS: usize = 20;
use crate::{EntityKind, Id, Journey, LaneKind, Link, LinkKind, Step, Workspace};

/// Why a workspace (or the edit that would produce it) is refused. Each message names the record and
/// says what to change.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ValidationError {
    /// A name is empty.
    #[error("{what} needs a name")]
    EmptyName {
        /// What is unnamed, e.g. "stage".
        what: &'static str,
    },
    /// A name or text is over its limit.
    #[error("{what} is {len} characters long; the limit is {limit}")]
    TooLong {
        /// What is too long, e.g. "card text".
        what: &'static str,
        /// Its length in characters.
        len: usize,
        /// The limit in characters.
        limit: usize,
    },
    /// Too many items of one kind.
    #[error("there can be at most {limit} {what}")]
    TooMany {
        /// What there are too many of.
        what: &'static str,
        /// The limit.
        limit: usize,
    },
    /// A metric value that is not a finite number.
    #[error("metric \"{metric}\" needs finite numbers for target and actual")]
    NotANumber {
        /// The metric's name.
        metric: String,
    },
    /// Two records share an id.
    #[error("the id {0} is used twice")]
    DuplicateId(Id),
    /// A step points at a lane or stage its journey does not have.
    #[error("card \"{step}\" sits in a {what} that is not in journey \"{journey}\"")]
    MissingCell {
        /// The step's text.
        step: String,
        /// "lane" or "stage".
        what: &'static str,
        /// The journey's name.
        journey: String,
    },
    /// An emotion score outside −2…+2.
    #[error("emotion {score} on card \"{step}\" is outside −2…+2")]
    EmotionOutOfRange {
        /// The step's text.
        step: String,
        /// The score given.
        score: i8,
    },
    /// An emotion score on a step that is not a customer action.
    #[error("card \"{step}\" is in a {kind:?} lane; only customer actions carry an emotion score")]
    EmotionOutsideCustomerLane {
        /// The step's text.
        step: String,
        /// The lane kind it is in.
        kind: LaneKind,
    },
    /// Lanes out of blueprint order (e.g. backstage above frontstage).
    #[error("lane \"{lane}\" ({kind:?}) sits above a lane of an earlier kind; blueprint lanes run evidence, customer, frontstage, backstage, support")]
    LaneOrder {
        /// The lane's name.
        lane: String,
        /// Its kind.
        kind: LaneKind,
    },
    /// A link or owner points at nothing.
    #[error("{what} points to {id}, which does not exist")]
    Dangling {
        /// What holds the reference.
        what: &'static str,
        /// The missing id.
        id: Id,
    },
    /// A link whose ends are of the wrong kinds.
    #[error("a {kind:?} link cannot go from {from} to {to}")]
    LinkEnds {
        /// The link's kind.
        kind: LinkKind,
        /// What the link starts at.
        from: String,
        /// What the link points to.
        to: String,
    },
    /// The same link twice.
    #[error("{from} is already linked to {to}")]
    DuplicateLink {
        /// What the link starts at.
        from: String,
        /// What it points to.
        to: String,
    },
    /// An owner that is a system or process.
    #[error("{owner} is a {kind:?}; only a person or a team can own something")]
    OwnerKind {
        /// The would-be owner's name.
        owner: String,
        /// Its kind.
        kind: EntityKind,
    },
    /// An entity said to depend on, or be owned by, itself.
    #[error("{name} cannot {relation} itself")]
    ItSelf {
        /// The entity's name.
        name: String,
        /// "depend on" or "be owned by".
        relation: &'static str,
    },
    /// A persona's picture that is not a small PNG or JPEG.
    #[error("the picture of persona \"{persona}\": {reason}")]
    Picture {
        /// The persona's name.
        persona: String,
        /// What is wrong with it.
        reason: crate::persona::PictureError,
    },
    /// Two personas with one name.
    #[error("there are two personas named \"{name}\"")]
    DuplicatePersona {
        /// The shared name.
        name: String,
    },
    /// A persona score for a persona the journey is not drawn for (or for its first, whose score is
    /// the card's emotion), or twice for one persona.
    #[error("card \"{step}\" scores persona {persona}, which is not one of its journey's other personas or is scored twice")]
    StrayScore {
        /// The step's text.
        step: String,
        /// The persona scored.
        persona: Id,
    },
    /// An insight without a finding or quote.
    #[error("an insight on card \"{step}\" says nothing; write the finding or the quote")]
    EmptyInsight {
        /// The step's text.
        step: String,
    },
    /// An insight dated with something that is not a calendar day.
    #[error("an insight on card \"{step}\" is dated \"{date}\"; write a day as YYYY-MM-DD")]
    NotADate {
        /// The step's text.
        step: String,
        /// The date as given.
        date: String,
    },
    /// A card marked as an assumption although evidence backs it.
    #[error("card \"{step}\" is marked as an assumption but has evidence; only a card without evidence can be an assumption")]
    BackedAssumption {
        /// The step's text.
        step: String,
    },
    /// A kept/changed/removed/new mark on a card of a journey that is not a future state.
    #[error("card \"{step}\" is marked {mark} but its journey is not a future state; only a future state's cards are marked kept, changed, removed or new")]
    MarkOutsideFuture {
        /// The step's text.
        step: String,
        /// The mark, as a person says it.
        mark: &'static str,
    },
    /// A journey named as the future state of itself.
    #[error("journey \"{journey}\" cannot be the future state of itself")]
    OwnFuture {
        /// The journey's name.
        journey: String,
    },
    /// An opportunity's value or effort off the 1–5 scale.
    #[error("opportunity \"{opportunity}\" has {what} {score}; rate it from 1 to 5")]
    OutOfScale {
        /// The opportunity's title.
        opportunity: String,
        /// "value" or "effort".
        what: &'static str,
        /// The score given.
        score: u8,
    },
    /// A comment that says nothing.
    #[error("a comment says nothing; write what you want to say")]
    EmptyComment,
    /// A comment dated before 1970.
    #[error(
        "a comment's time {0} lies before 1970; times count in milliseconds from 1970-01-01 UTC"
    )]
    CommentTime(i64),
    /// Two entities of one kind with one name.
    #[error("there are two {kind:?} entities named \"{name}\"")]
    DuplicateName {
        /// The kind.
        kind: EntityKind,
        /// The shared name.
        name: String,
    },
}

/// Checks a name: present and within [`MAX_NAME_CHARS`].
pub fn check_name(what: &'static str, name: &str) -> Result<(), ValidationError> {
    if name.trim().is_empty() {
        return Err(ValidationError::EmptyName { what });
    }
    check_len(what, name, MAX_NAME_CHARS)
}

/// Checks a free text against [`MAX_TEXT_CHARS`].
pub fn check_text(what: &'static str, text: &str) -> Result<(), ValidationError> {
    check_len(what, text, MAX_TEXT_CHARS)
}

/// Checks a journey's comments: how many, and that each has an author, a time and something to say.
fn check_comments(journey: &Journey) -> Result<(), ValidationError> {
    if journey.comments.len() > MAX_JOURNEY_COMMENTS {
        return Err(ValidationError::TooMany {
            what: "comments on one journey",
            limit: MAX_JOURNEY_COMMENTS,
        });
    }
    let mut ids = HashSet::new();
    for c in &journey.comments {
        if !ids.insert(c.id) {
            return Err(ValidationError::DuplicateId(c.id));
        }
        check_name("comment author", &c.author)?;
        if c.text.trim().is_empty() {
            return Err(ValidationError::EmptyComment);
        }
        check_len("comment", &c.text, MAX_COMMENT_CHARS)?;
        if c.at < 0 {
            return Err(ValidationError::CommentTime(c.at));
        }
    }
    Ok(())
}

/// Checks a journey's opportunities: how many, a title each, and value and effort on the 1–5 scale.
fn check_opportunities(journey: &Journey) -> Result<(), ValidationError> {
    if journey.opportunities.len() > MAX_JOURNEY_OPPORTUNITIES {
        return Err(ValidationError::TooMany {
            what: "opportunities on one journey",
            limit: MAX_JOURNEY_OPPORTUNITIES,
        });
    }
    for o in &journey.opportunities {
        check_name("opportunity title", &o.title)?;
        check_text("opportunity description", &o.description)?;
        for (what, score) in [("value", o.value), ("effort", o.effort)] {
            if !SCORES.contains(&score) {
                return Err(ValidationError::OutOfScale {
                    opportunity: o.title.clone(),
                    what,
                    score,
                });
            }
        }
    }
    Ok(())
}

/// Checks a step's insights and its assumption mark.
fn check_evidence(step: &Step) -> Result<(), ValidationError> {
    if step.evidence.len() > MAX_INSIGHTS {
        return Err(ValidationError::TooMany {
            what: "insights on one card",
            limit: MAX_INSIGHTS,
        });
    }
    for insight in &step.evidence {
        if insight.text.trim().is_empty() {
            return Err(ValidationError::EmptyInsight {
                step: step.text.clone(),
            });
        }
        check_text("insight", &insight.text)?;
        check_len("insight reference", &insight.reference, MAX_REFERENCE_CHARS)?;
        if let Some(date) = insight.date.as_deref().filter(|d| !is_date(d)) {
            return Err(ValidationError::NotADate {
                step: step.text.clone(),
                date: date.to_owned(),
            });
        }
    }
    if step.assumption && !step.evidence.is_empty() {
        return Err(ValidationError::BackedAssumption {
            step: step.text.clone(),
        });
    }
    Ok(())
}

fn check_len(what: &'static str, s: &str, limit: usize) -> Result<(), ValidationError> {
    let len = s.chars().count();
    if len > limit {
        return Err(ValidationError::TooLong { what, len, limit });
    }
    Ok(())
}

/// What a link end is, for checking link kinds.
#[derive(Clone, Copy, PartialEq)]
enum End {
    Step(Id),
    Entity(EntityKind),
}

/// Checks one journey on its own: names, cells, emotion scores and lane order.
pub fn validate_journey(journey: &Journey) -> Result<(), ValidationError> {
    check_name("journey name", &journey.name)?;
    check_len("persona", &journey.persona, MAX_NAME_CHARS)?;
    check_text("journey description", &journey.description)?;
    if journey.personas.len() > MAX_JOURNEY_PERSONAS {
        return Err(ValidationError::TooMany {
            what: "personas on one journey",
            limit: MAX_JOURNEY_PERSONAS,
        });
    }
    let mut personas = HashSet::new();
    if let Some(p) = journey.personas.iter().find(|p| !personas.insert(**p)) {
        return Err(ValidationError::DuplicateId(*p));
    }
    check_comments(journey)?;
    check_opportunities(journey)?;
    if journey.future_of == Some(journey.id) {
        return Err(ValidationError::OwnFuture {
            journey: journey.name.clone(),
        });
    }
    let others: HashSet<Id> = journey.personas.iter().skip(1).copied().collect();
    let mut lanes = HashMap::new();
    let mut previous: Option<LaneKind> = None;
    let mut ordered = journey.lanes.clone();
    ordered.sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    for lane in &ordered {
        check_name("lane name", &lane.name)?;
        if previous.is_some_and(|p| p > lane.kind) {
            return Err(ValidationError::LaneOrder {
                lane: lane.name.clone(),
                kind: lane.kind,
            });
        }
        previous = Some(lane.kind);
        lanes.insert(lane.id, lane.kind);
    }
    let stages: HashSet<Id> = journey.stages.iter().map(|s| s.id).collect();
    for stage in &journey.stages {
        check_name("stage name", &stage.name)?;
    }
    for step in &journey.steps {
        check_text("card text", &step.text)?;
        check_text("notes", &step.notes)?;
        if let Some(channel) = &step.channel {
            check_len("channel", channel, MAX_NAME_CHARS)?;
        }
        if let Some(pain) = &step.pain_point {
            check_text("pain point", pain)?;
        }
        if step.metrics.len() > MAX_METRICS {
            return Err(ValidationError::TooMany {
                what: "metrics on one card",
                limit: MAX_METRICS,
            });
        }
        for metric in &step.metrics {
            check_name("metric name", &metric.name)?;
            check_len("metric unit", &metric.unit, MAX_NAME_CHARS)?;
            if metric.target.is_some_and(|v| !v.is_finite())
                || metric.actual.is_some_and(|v| !v.is_finite())
            {
                return Err(ValidationError::NotANumber {
                    metric: metric.name.clone(),
                });
            }
        }
        check_evidence(step)?;
        if let (None, Some(mark)) = (journey.future_of, step.change) {
            return Err(ValidationError::MarkOutsideFuture {
                step: step.text.clone(),
                mark: mark.label(),
            });
        }
        let missing = |what| ValidationError::MissingCell {
            step: step.text.clone(),
            what,
            journey: journey.name.clone(),
        };
        let kind = *lanes.get(&step.lane).ok_or_else(|| missing("lane"))?;
        if !stages.contains(&step.stage) {
            return Err(missing("stage"));
        }
        let mut scored = HashSet::new();
        for s in &step.scores {
            if !others.contains(&s.persona) || !scored.insert(s.persona) {
                return Err(ValidationError::StrayScore {
                    step: step.text.clone(),
                    persona: s.persona,
                });
            }
        }
        for score in step
            .emotion
            .into_iter()
            .chain(step.scores.iter().map(|s| s.score))
        {
            if !(-2..=2).contains(&score) {
                return Err(ValidationError::EmotionOutOfRange {
                    step: step.text.clone(),
                    score,
                });
            }
            if kind != LaneKind::Customer {
                return Err(ValidationError::EmotionOutsideCustomerLane {
                    step: step.text.clone(),
                    kind,
                });
            }
        }
    }
    Ok(())
}

/// Checks a whole workspace: every journey, unique ids, entity names, owners and link ends.
pub fn validate_workspace(ws: &Workspace) -> Result<(), ValidationError> {
    let mut ends: HashMap<Id, End> = HashMap::new();
    let mut seen = HashSet::new();
    let mut unique = |id: Id| {
        if seen.insert(id) {
            Ok(())
        } else {
            Err(ValidationError::DuplicateId(id))
        }
    };
    for journey in &ws.journeys {
        validate_journey(journey)?;
        unique(journey.id)?;
        for id in journey
            .stages
            .iter()
            .map(|s| s.id)
            .chain(journey.lanes.iter().map(|l| l.id))
        {
            unique(id)?;
        }
        for step in &journey.steps {
            unique(step.id)?;
            ends.insert(step.id, End::Step(journey.id));
        }
        for comment in &journey.comments {
            unique(comment.id)?;
        }
    }
    let mut names = HashSet::new();
    for entity in &ws.entities {
        unique(entity.id)?;
        check_name("entity name", &entity.name)?;
        check_text("entity description", &entity.description)?;
        if !names.insert((entity.kind, entity.name.to_lowercase())) {
            return Err(ValidationError::DuplicateName {
                kind: entity.kind,
                name: entity.name.clone(),
            });
        }
        ends.insert(entity.id, End::Entity(entity.kind));
    }
    let mut persona_names = HashSet::new();
    for persona in &ws.personas {
        unique(persona.id)?;
        check_name("persona name", &persona.name)?;
        for (what, text) in [
            ("persona description", &persona.description),
            ("persona goals", &persona.goals),
            ("persona needs", &persona.needs),
            ("persona pains", &persona.pains),
            ("persona quote", &persona.quote),
        ] {
            check_text(what, text)?;
        }
        if let Some(picture) = &persona.picture {
            crate::persona::check_picture(picture).map_err(|reason| ValidationError::Picture {
                persona: persona.name.clone(),
                reason,
            })?;
        }
        if !persona_names.insert(persona.name.to_lowercase()) {
            return Err(ValidationError::DuplicatePersona {
                name: persona.name.clone(),
            });
        }
    }
    for p in ws.journeys.iter().flat_map(|j| &j.personas) {
        if ws.persona(*p).is_none() {
            return Err(ValidationError::Dangling {
                what: "a journey's persona",
                id: *p,
            });
        }
    }
    for entity in &ws.entities {
        if let Some(owner) = entity.owner {
            check_owner(ws, "an entity's owner", owner)?;
        }
    }
    for step in ws.journeys.iter().flat_map(|j| &j.steps) {
        if let Some(owner) = step.owner {
            check_owner(ws, "a card's owner", owner)?;
        }
    }
    for o in ws.journeys.iter().flat_map(|j| &j.opportunities) {
        unique(o.id)?;
        if let Some(owner) = o.owner {
            check_owner(ws, "an opportunity's owner", owner)?;
        }
    }
    for link in &ws.links {
        unique(link.id)?;
        let end = |id: Id| {
            ends.get(&id)
                .copied()
                .ok_or(ValidationError::Dangling { what: "a link", id })
        };
        check_ends(ws, link, end(link.from)?, end(link.to)?)?;
    }
    Ok(())
}

/// Checks that `owner` names a person or team of the workspace.
pub fn check_owner(ws: &Workspace, what: &'static str, owner: Id) -> Result<(), ValidationError> {
    match ws.entity(owner) {
        None => Err(ValidationError::Dangling { what, id: owner }),
        Some(e) if !e.kind.can_own() => Err(ValidationError::OwnerKind {
            owner: e.name.clone(),
            kind: e.kind,
        }),
        Some(_) => Ok(()),
    }
}

/// [`check_link`] for many new links at once, each checked against the workspace (not against the
/// others). The ends and the links already there are indexed once, so checking a journey's worth of
/// links costs time in proportion to the links plus the workspace, not to their product.
pub fn check_links(ws: &Workspace, links: &[Link]) -> Result<(), ValidationError> {
    if links.len() <= 1 {
        return links.iter().try_for_each(|l| check_link(ws, l));
    }
    let ends = LinkEnds::of(ws);
    let there: HashSet<(LinkKind, Id, Id)> =
        ws.links.iter().map(|l| (l.kind, l.from, l.to)).collect();
    for link in links {
        ends.check(ws, link)?;
        if there.contains(&(link.kind, link.from, link.to)) {
            return Err(ValidationError::DuplicateLink {
                from: describe(ws, link.from),
                to: describe(ws, link.to),
            });
        }
    }
    Ok(())
}

/// The cards and entities of a workspace a link may join, indexed once so that checking many links'
/// ends costs time in proportion to the links plus the workspace.
pub struct LinkEnds(HashMap<Id, End>);

impl LinkEnds {
    /// Indexes the ends of `ws`.
    pub fn of(ws: &Workspace) -> LinkEnds {
        let mut ends: HashMap<Id, End> = ws
            .journeys
            .iter()
            .flat_map(|j| j.steps.iter().map(move |s| (s.id, End::Step(j.id))))
            .collect();
        // An entity wins over a card with the same id, as in check_link.
        ends.extend(ws.entities.iter().map(|e| (e.id, End::Entity(e.kind))));
        LinkEnds(ends)
    }

    /// Checks that both ends of `link` exist in the indexed workspace `ws` and that their kinds fit the
    /// link's kind (not whether the same link is already there).
    pub fn check(&self, ws: &Workspace, link: &Link) -> Result<(), ValidationError> {
        let end = |id: Id| {
            self.0
                .get(&id)
                .copied()
                .ok_or(ValidationError::Dangling { what: "a link", id })
        };
        check_ends(ws, link, end(link.from)?, end(link.to)?)
    }
}

/// Checks a new link against a workspace: both ends exist, their kinds fit the link's kind, and the
/// same link is not there already.
pub fn check_link(ws: &Workspace, link: &Link) -> Result<(), ValidationError> {
    let end = |id: Id| {
        ws.entity(id)
            .map(|e| End::Entity(e.kind))
            .or_else(|| {
                ws.journeys
                    .iter()
                    .find(|j| j.step(id).is_some())
                    .map(|j| End::Step(j.id))
            })
            .ok_or(ValidationError::Dangling { what: "a link", id })
    };
    check_ends(ws, link, end(link.from)?, end(link.to)?)?;
    if ws
        .links
        .iter()
        .any(|l| l.kind == link.kind && l.from == link.from && l.to == link.to)
    {
        return Err(ValidationError::DuplicateLink {
            from: describe(ws, link.from),
            to: describe(ws, link.to),
        });
    }
    Ok(())
}

fn check_ends(ws: &Workspace, link: &Link, from: End, to: End) -> Result<(), ValidationError> {
    if link.kind == LinkKind::DependsOn && link.from == link.to {
        return Err(ValidationError::ItSelf {
            name: describe(ws, link.from),
            relation: "depend on",
        });
    }
    let ok = match (link.kind, from, to) {
        (LinkKind::Flow, End::Step(a), End::Step(b)) => a == b && link.from != link.to,
        (LinkKind::PerformedBy, End::Step(_), End::Entity(k)) => k.can_own(),
        (LinkKind::Uses, End::Step(_), End::Entity(k)) => k == EntityKind::System,
        (LinkKind::PartOf, End::Step(_), End::Entity(k)) => k == EntityKind::Process,
        (LinkKind::DependsOn, End::Entity(_), End::Entity(_)) => link.from != link.to,
        (LinkKind::MemberOf, End::Entity(EntityKind::Person), End::Entity(EntityKind::Team)) => {
            true
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(ValidationError::LinkEnds {
            kind: link.kind,
            from: describe(ws, link.from),
            to: describe(ws, link.to),
        })
    }
}

fn describe(ws: &Workspace, id: Id) -> String {
    if let Some(e) = ws.entity(id) {
        return format!("{:?} \"{}\"", e.kind, e.name);
    }
    ws.journeys
        .iter()
        .find_map(|j| j.step(id))
        .map(|s| format!("card \"{}\"", s.text))
        .unwrap_or_else(|| id.to_string())
}
