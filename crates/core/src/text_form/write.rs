//! Workspace → files, in the one canonical layout.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::records::{
    CardRecord, CommentRecord, EntitiesFile, EntityRecord, FlowRecord, InsightRecord, JourneyFile,
    LaneRecord, LinkRecord, MetricRecord, OpportunityRecord, PersonaRecord, PictureRecord,
    ScoreRecord, StageRecord, WorkspaceFile,
};
use super::slug::journey_file_name;
use super::{canonical, ENTITIES_FILE, JOURNEYS_DIR, TEXT_FORMAT, TEXT_VERSION, WORKSPACE_FILE};
use crate::{Id, Journey, Link, LinkKind, Workspace};

/// The text form of `ws` named `name`: relative path (with `/`) → file contents. The same workspace
/// gives the same bytes whatever order its lists are in. A link starting at a card goes to that card's
/// journey file (flows under `flows`, links to entities under `links`); every other link goes to
/// `entities.json`.
pub fn to_files(ws: &Workspace, name: &str) -> BTreeMap<String, String> {
    let ws = canonical(ws);
    let mut files = BTreeMap::new();
    files.insert(
        WORKSPACE_FILE.to_owned(),
        pretty(&WorkspaceFile {
            format: TEXT_FORMAT.to_owned(),
            version: TEXT_VERSION,
            name: name.to_owned(),
        }),
    );
    let journey_of: HashMap<Id, usize> = ws
        .journeys
        .iter()
        .enumerate()
        .flat_map(|(i, j)| j.steps.iter().map(move |s| (s.id, i)))
        .collect();
    let mut per_journey: Vec<Vec<&Link>> = vec![Vec::new(); ws.journeys.len()];
    let mut among_entities = Vec::new();
    for link in &ws.links {
        match journey_of.get(&link.from) {
            Some(&j) => per_journey[j].push(link),
            None => among_entities.push(link),
        }
    }
    files.insert(
        ENTITIES_FILE.to_owned(),
        pretty(&EntitiesFile {
            entities: ws
                .entities
                .iter()
                .map(|e| EntityRecord {
                    id: e.id,
                    kind: e.kind,
                    name: e.name.clone(),
                    description: e.description.clone(),
                    owner: e.owner,
                })
                .collect(),
            links: among_entities.into_iter().map(link_record).collect(),
            personas: ws
                .personas
                .iter()
                .map(|p| PersonaRecord {
                    id: p.id,
                    name: p.name.clone(),
                    description: p.description.clone(),
                    goals: p.goals.clone(),
                    needs: p.needs.clone(),
                    pains: p.pains.clone(),
                    quote: p.quote.clone(),
                    picture: p.picture.as_ref().map(|pic| PictureRecord {
                        format: pic.format,
                        data: pic.data.clone(),
                    }),
                })
                .collect(),
        }),
    );
    let mut uses: HashMap<String, usize> = HashMap::new();
    for j in &ws.journeys {
        *uses.entry(journey_file_name(j, true)).or_default() += 1;
    }
    for (j, links) in ws.journeys.iter().zip(per_journey) {
        let short = journey_file_name(j, true);
        let file = if uses[&short] == 1 {
            short
        } else {
            journey_file_name(j, false)
        };
        files.insert(
            format!("{JOURNEYS_DIR}/{file}"),
            pretty(&journey_file(j, &links)),
        );
    }
    files
}

fn journey_file(j: &Journey, links: &[&Link]) -> JourneyFile {
    let (flows, links): (Vec<&Link>, Vec<&Link>) = links
        .iter()
        .copied()
        .partition(|l| l.kind == LinkKind::Flow);
    JourneyFile {
        id: j.id,
        name: j.name.clone(),
        persona: j.persona.clone(),
        description: j.description.clone(),
        position: j.position,
        personas: j.personas.clone(),
        stages: j
            .stages
            .iter()
            .map(|s| StageRecord {
                id: s.id,
                name: s.name.clone(),
                position: s.position,
            })
            .collect(),
        lanes: j
            .lanes
            .iter()
            .map(|l| LaneRecord {
                id: l.id,
                name: l.name.clone(),
                kind: l.kind,
                position: l.position,
            })
            .collect(),
        cards: j
            .steps
            .iter()
            .map(|s| CardRecord {
                id: s.id,
                lane: s.lane,
                stage: s.stage,
                position: s.position,
                text: s.text.clone(),
                channel: s.channel.clone(),
                moment_of_truth: s.moment_of_truth,
                emotion: s.emotion,
                pain_point: s.pain_point.clone(),
                pain_severity: s.pain_severity,
                fail_point: s.fail_point,
                wait_point: s.wait_point,
                notes: s.notes.clone(),
                metrics: s
                    .metrics
                    .iter()
                    .map(|m| MetricRecord {
                        name: m.name.clone(),
                        unit: m.unit.clone(),
                        target: m.target,
                        actual: m.actual,
                        kind: m.kind,
                    })
                    .collect(),
                owner: s.owner,
                scores: s
                    .scores
                    .iter()
                    .map(|p| ScoreRecord {
                        persona: p.persona,
                        score: p.score,
                    })
                    .collect(),
                evidence: s.evidence.iter().map(InsightRecord::from).collect(),
                assumption: s.assumption,
                origin: s.origin,
                change: s.change,
            })
            .collect(),
        flows: flows
            .into_iter()
            .map(|l| FlowRecord {
                id: l.id,
                from: l.from,
                to: l.to,
            })
            .collect(),
        links: links.into_iter().map(link_record).collect(),
        comments: j.comments.iter().map(CommentRecord::from).collect(),
        opportunities: j
            .opportunities
            .iter()
            .map(OpportunityRecord::from)
            .collect(),
        future_of: j.future_of,
    }
}

fn link_record(l: &Link) -> LinkRecord {
    LinkRecord {
        id: l.id,
        kind: l.kind,
        from: l.from,
        to: l.to,
    }
}

/// Two-space indented JSON, one field per line, ending in a newline.
fn pretty<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("text form records always serialise");
    s.push('\n');
    s
}
