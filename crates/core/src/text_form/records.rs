//! The files' records as serde types. Field order here is key order on disk; every field is required
//! (an absent value is written `null`) and unknown fields are refused, so a typo in a hand edit is
//! reported instead of silently dropped. Texts are bounded while they are read, so an over-long one is
//! refused with its field and line named.

use serde::{Deserialize, Deserializer, Serialize};

use crate::evidence::MAX_REFERENCE_CHARS;
use crate::text::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::{
    Comment, EntityKind, EvidenceSource, Id, Insight, LaneKind, LinkKind, MetricKind, Opportunity,
    OpportunityStatus, PictureFormat, Severity, StateChange,
};

/// `workspace.json`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct WorkspaceFile {
    pub format: String,
    pub version: u32,
    #[serde(deserialize_with = "name")]
    pub name: String,
}

/// The two fields of `workspace.json` read first, so a newer or foreign file is reported as such
/// rather than as damaged.
#[derive(Deserialize)]
pub(crate) struct Header {
    pub format: String,
    pub version: u32,
}

/// `entities.json`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntitiesFile {
    pub entities: Vec<EntityRecord>,
    pub links: Vec<LinkRecord>,
    /// Left out when there are none, so a workspace without personas reads and writes as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<PersonaRecord>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PersonaRecord {
    pub id: Id,
    #[serde(deserialize_with = "name")]
    pub name: String,
    #[serde(deserialize_with = "text")]
    pub description: String,
    #[serde(deserialize_with = "text")]
    pub goals: String,
    #[serde(deserialize_with = "text")]
    pub needs: String,
    #[serde(deserialize_with = "text")]
    pub pains: String,
    #[serde(deserialize_with = "text")]
    pub quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<PictureRecord>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PictureRecord {
    pub format: PictureFormat,
    pub data: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScoreRecord {
    pub persona: Id,
    pub score: i8,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityRecord {
    pub id: Id,
    pub kind: EntityKind,
    #[serde(deserialize_with = "name")]
    pub name: String,
    #[serde(deserialize_with = "text")]
    pub description: String,
    #[serde(deserialize_with = "present")]
    pub owner: Option<Id>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LinkRecord {
    pub id: Id,
    pub kind: LinkKind,
    pub from: Id,
    pub to: Id,
}

/// `journeys/<slug>-<short id>.json`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct JourneyFile {
    pub id: Id,
    #[serde(deserialize_with = "name")]
    pub name: String,
    #[serde(deserialize_with = "name")]
    pub persona: String,
    #[serde(deserialize_with = "text")]
    pub description: String,
    pub position: f64,
    /// Left out when there are none, like every field added after version 1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<Id>,
    pub stages: Vec<StageRecord>,
    pub lanes: Vec<LaneRecord>,
    pub cards: Vec<CardRecord>,
    pub flows: Vec<FlowRecord>,
    pub links: Vec<LinkRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<CommentRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opportunities: Vec<OpportunityRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub future_of: Option<Id>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OpportunityRecord {
    pub id: Id,
    #[serde(deserialize_with = "name")]
    pub title: String,
    #[serde(deserialize_with = "text")]
    pub description: String,
    #[serde(deserialize_with = "present")]
    pub owner: Option<Id>,
    pub status: OpportunityStatus,
    pub value: u8,
    pub effort: u8,
    pub addresses: Vec<Id>,
}

impl From<&Opportunity> for OpportunityRecord {
    fn from(o: &Opportunity) -> Self {
        OpportunityRecord {
            id: o.id,
            title: o.title.clone(),
            description: o.description.clone(),
            owner: o.owner,
            status: o.status,
            value: o.value,
            effort: o.effort,
            addresses: o.addresses.clone(),
        }
    }
}

impl From<OpportunityRecord> for Opportunity {
    fn from(o: OpportunityRecord) -> Self {
        Opportunity {
            id: o.id,
            title: o.title,
            description: o.description,
            owner: o.owner,
            status: o.status,
            value: o.value,
            effort: o.effort,
            addresses: o.addresses,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CommentRecord {
    pub id: Id,
    pub target: Id,
    #[serde(deserialize_with = "name")]
    pub author: String,
    pub at: i64,
    #[serde(deserialize_with = "text")]
    pub text: String,
    pub resolved: bool,
}

impl From<&Comment> for CommentRecord {
    fn from(c: &Comment) -> Self {
        CommentRecord {
            id: c.id,
            target: c.target,
            author: c.author.clone(),
            at: c.at,
            text: c.text.clone(),
            resolved: c.resolved,
        }
    }
}

impl From<CommentRecord> for Comment {
    fn from(c: CommentRecord) -> Self {
        Comment {
            id: c.id,
            target: c.target,
            author: c.author,
            at: c.at,
            text: c.text,
            resolved: c.resolved,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StageRecord {
    pub id: Id,
    #[serde(deserialize_with = "name")]
    pub name: String,
    pub position: f64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LaneRecord {
    pub id: Id,
    #[serde(deserialize_with = "name")]
    pub name: String,
    pub kind: LaneKind,
    pub position: f64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CardRecord {
    pub id: Id,
    pub lane: Id,
    pub stage: Id,
    pub position: f64,
    #[serde(deserialize_with = "text")]
    pub text: String,
    #[serde(deserialize_with = "optional_name")]
    pub channel: Option<String>,
    pub moment_of_truth: bool,
    #[serde(deserialize_with = "present")]
    pub emotion: Option<i8>,
    #[serde(deserialize_with = "optional_text")]
    pub pain_point: Option<String>,
    pub pain_severity: Severity,
    pub fail_point: bool,
    pub wait_point: bool,
    #[serde(deserialize_with = "text")]
    pub notes: String,
    pub metrics: Vec<MetricRecord>,
    #[serde(deserialize_with = "present")]
    pub owner: Option<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<ScoreRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<InsightRecord>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumption: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<StateChange>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct InsightRecord {
    #[serde(deserialize_with = "text")]
    pub text: String,
    pub source: EvidenceSource,
    #[serde(deserialize_with = "optional_name")]
    pub date: Option<String>,
    #[serde(deserialize_with = "reference")]
    pub reference: String,
}

impl From<&Insight> for InsightRecord {
    fn from(i: &Insight) -> Self {
        InsightRecord {
            text: i.text.clone(),
            source: i.source,
            date: i.date.clone(),
            reference: i.reference.clone(),
        }
    }
}

impl From<InsightRecord> for Insight {
    fn from(i: InsightRecord) -> Self {
        Insight {
            text: i.text,
            source: i.source,
            date: i.date,
            reference: i.reference,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MetricRecord {
    #[serde(deserialize_with = "name")]
    pub name: String,
    #[serde(deserialize_with = "name")]
    pub unit: String,
    #[serde(deserialize_with = "present")]
    pub target: Option<f64>,
    #[serde(deserialize_with = "present")]
    pub actual: Option<f64>,
    pub kind: MetricKind,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FlowRecord {
    pub id: Id,
    pub from: Id,
    pub to: Id,
}

/// A field that must be there even when its value is `null` (serde would otherwise take a missing
/// optional field for `null`).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    T::deserialize(d)
}

fn bounded<'de, D: Deserializer<'de>>(d: D, limit: usize) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    check(&s, limit).map_err(serde::de::Error::custom)?;
    Ok(s)
}

fn bounded_option<'de, D: Deserializer<'de>>(
    d: D,
    limit: usize,
) -> Result<Option<String>, D::Error> {
    let s = Option::<String>::deserialize(d)?;
    if let Some(s) = &s {
        check(s, limit).map_err(serde::de::Error::custom)?;
    }
    Ok(s)
}

fn check(s: &str, limit: usize) -> Result<(), String> {
    // Bytes first: no string of more than 4 bytes a character can be within the limit in characters.
    if s.len() > 4 * limit || s.chars().count() > limit {
        return Err(format!(
            "a text of {} characters; expected at most {limit}",
            s.chars().count()
        ));
    }
    Ok(())
}

fn name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    bounded(d, MAX_NAME_CHARS)
}

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    bounded(d, MAX_TEXT_CHARS)
}

fn reference<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    bounded(d, MAX_REFERENCE_CHARS)
}

fn optional_name<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    bounded_option(d, MAX_NAME_CHARS)
}

fn optional_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    bounded_option(d, MAX_TEXT_CHARS)
}
