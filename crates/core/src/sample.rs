//! The sample workspace every new user starts with, kept as readable JSON in `assets/sample/` so it can
//! be edited without touching code. Ids are derived from the file's keys, so seeding twice gives the
//! same workspace and the sample renders to the same bytes on every machine.

use std::collections::HashMap;

use serde::Deserialize;

use crate::{
    Entity, EntityKind, Id, Journey, Lane, LaneKind, Link, LinkKind, Metric, Severity, Stage, Step,
    Workspace,
};

const SAMPLE_JSON: &str = include_str!("../../../assets/sample/workspace.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleFile {
    entities: Vec<SampleEntity>,
    #[serde(default)]
    member_of: Vec<[String; 2]>,
    #[serde(default)]
    depends_on: Vec<[String; 2]>,
    journeys: Vec<SampleJourney>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleEntity {
    key: String,
    kind: EntityKind,
    name: String,
    #[serde(default)]
    description: String,
    owner: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleJourney {
    key: String,
    name: String,
    persona: String,
    description: String,
    stages: Vec<String>,
    steps: Vec<SampleStep>,
    #[serde(default)]
    flows: Vec<[String; 2]>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleStep {
    key: String,
    lane: LaneKind,
    stage: usize,
    text: String,
    channel: Option<String>,
    #[serde(default)]
    moment_of_truth: bool,
    emotion: Option<i8>,
    pain_point: Option<String>,
    #[serde(default)]
    pain_severity: Severity,
    #[serde(default)]
    fail_point: bool,
    #[serde(default)]
    wait_point: bool,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    metrics: Vec<Metric>,
    owner: Option<String>,
    #[serde(default)]
    performed_by: Vec<String>,
    #[serde(default)]
    uses: Vec<String>,
    #[serde(default)]
    part_of: Vec<String>,
}

/// Why the sample file could not be turned into a workspace (only a broken asset causes this).
#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    /// The JSON does not match the sample schema.
    #[error("the sample workspace file is malformed: {0}")]
    Json(#[from] serde_json::Error),
    /// A step or link names a key that is not defined.
    #[error("the sample workspace names \"{0}\", which it does not define")]
    UnknownKey(String),
    /// A step names a stage index past the end.
    #[error("step \"{0}\" names a stage that does not exist")]
    UnknownStage(String),
}

/// The seeded sample workspace: realistic journeys with all blueprint lanes, flows, moments of truth,
/// emotion scores and owned people, teams, systems and processes.
pub fn sample_workspace() -> Result<Workspace, SampleError> {
    let file: SampleFile = serde_json::from_str(SAMPLE_JSON)?;
    let id = |key: &str| Id::derived("throughline-sample", key);
    let mut keys: HashMap<&str, Id> = HashMap::new();
    for e in &file.entities {
        keys.insert(&e.key, id(&e.key));
    }
    let lookup = |keys: &HashMap<&str, Id>, k: &str| {
        keys.get(k)
            .copied()
            .ok_or_else(|| SampleError::UnknownKey(k.to_owned()))
    };
    let mut ws = Workspace::default();
    for e in &file.entities {
        ws.entities.push(Entity {
            id: id(&e.key),
            kind: e.kind,
            name: e.name.clone(),
            description: e.description.clone(),
            owner: e.owner.as_deref().map(|o| lookup(&keys, o)).transpose()?,
        });
    }
    let mut links = Vec::new();
    let mut link = |kind, from: Id, to: Id| {
        links.push(Link {
            id: Id::derived("throughline-sample-link", &format!("{kind:?}/{from}/{to}")),
            kind,
            from,
            to,
        });
    };
    for [a, b] in &file.member_of {
        link(LinkKind::MemberOf, lookup(&keys, a)?, lookup(&keys, b)?);
    }
    for [a, b] in &file.depends_on {
        link(LinkKind::DependsOn, lookup(&keys, a)?, lookup(&keys, b)?);
    }
    for (ji, j) in file.journeys.iter().enumerate() {
        let stages: Vec<Stage> = j
            .stages
            .iter()
            .enumerate()
            .map(|(i, name)| Stage {
                id: id(&format!("{}/stage/{i}", j.key)),
                name: name.clone(),
                position: i as f64,
            })
            .collect();
        let lanes: Vec<Lane> = LaneKind::ALL
            .iter()
            .enumerate()
            .map(|(i, kind)| Lane {
                id: id(&format!("{}/lane/{kind:?}", j.key)),
                name: kind.standard_name().to_owned(),
                kind: *kind,
                position: i as f64,
            })
            .collect();
        let mut steps = Vec::new();
        for (si, s) in j.steps.iter().enumerate() {
            let step_id = id(&s.key);
            keys.insert(&s.key, step_id);
            let stage = stages
                .get(s.stage)
                .ok_or_else(|| SampleError::UnknownStage(s.key.clone()))?;
            let lane = &lanes[LaneKind::ALL.iter().position(|k| *k == s.lane).unwrap_or(0)];
            steps.push(Step {
                id: step_id,
                lane: lane.id,
                stage: stage.id,
                position: si as f64,
                text: s.text.clone(),
                channel: s.channel.clone(),
                moment_of_truth: s.moment_of_truth,
                emotion: s.emotion,
                pain_point: s.pain_point.clone(),
                pain_severity: s.pain_severity,
                fail_point: s.fail_point,
                wait_point: s.wait_point,
                notes: s.notes.clone(),
                metrics: s.metrics.clone(),
                owner: s.owner.as_deref().map(|o| lookup(&keys, o)).transpose()?,
                scores: Vec::new(),
                evidence: Vec::new(),
                assumption: false,
                change: None,
                origin: None,
            });
            for (kind, targets) in [
                (LinkKind::PerformedBy, &s.performed_by),
                (LinkKind::Uses, &s.uses),
                (LinkKind::PartOf, &s.part_of),
            ] {
                for t in targets {
                    link(kind, step_id, lookup(&keys, t)?);
                }
            }
        }
        for [a, b] in &j.flows {
            link(LinkKind::Flow, lookup(&keys, a)?, lookup(&keys, b)?);
        }
        ws.journeys.push(Journey {
            id: id(&j.key),
            name: j.name.clone(),
            persona: j.persona.clone(),
            description: j.description.clone(),
            position: ji as f64,
            stages,
            lanes,
            steps,
            personas: Vec::new(),
            comments: Vec::new(),
            opportunities: Vec::new(),
            future_of: None,
        });
    }
    ws.links = links;
    Ok(ws)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate_workspace;

    #[test]
    fn the_sample_is_a_valid_realistic_workspace() {
        let ws = sample_workspace().expect("sample parses");
        validate_workspace(&ws).expect("sample is valid");
        assert!(
            ws.journeys.len() >= 2,
            "the sample has journeys to switch between"
        );
        let main = &ws.journeys[0];
        assert!((5..=7).contains(&main.stages.len()), "5–7 stages");
        assert!(
            main.steps.len() >= 25,
            "25+ steps, found {}",
            main.steps.len()
        );
        for kind in LaneKind::ALL {
            let lane = main.lanes.iter().find(|l| l.kind == kind).unwrap();
            assert!(
                main.steps.iter().any(|s| s.lane == lane.id),
                "a step in {kind:?}"
            );
        }
        assert!(main.steps.iter().filter(|s| s.moment_of_truth).count() >= 2);
        assert!(main.steps.iter().filter(|s| s.emotion.is_some()).count() >= 4);
        assert!(ws.flows_of(main).len() >= 3, "a few flow arrows");
        for kind in [
            EntityKind::Person,
            EntityKind::Team,
            EntityKind::System,
            EntityKind::Process,
        ] {
            assert!(
                ws.entities
                    .iter()
                    .any(|e| e.kind == kind && e.owner.is_some()),
                "an owned {kind:?}"
            );
        }
    }

    #[test]
    fn seeding_twice_gives_the_same_workspace() {
        assert_eq!(sample_workspace().unwrap(), sample_workspace().unwrap());
    }
}
