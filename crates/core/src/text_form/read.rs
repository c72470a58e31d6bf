//! Files → workspace, trusting nothing: sizes capped before parsing, every field typed and required,
//! every id unique across the files, every reference checked, then the model's own rules.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::de::DeserializeOwned;

use super::error::{TextFormError, TextFormErrorKind};
use super::records::{EntitiesFile, Header, JourneyFile, LinkRecord, WorkspaceFile};
use super::{
    canonical, ENTITIES_FILE, JOURNEYS_DIR, MAX_FILE_BYTES, MAX_RECORDS, MAX_TOTAL_BYTES,
    TEXT_FORMAT, TEXT_VERSION, WORKSPACE_FILE,
};
use crate::validate::validate_journey;
use crate::{
    validate_workspace, Comment, Entity, EntityKind, Id, Insight, Journey, Lane, Link, LinkKind,
    Metric, Opportunity, Persona, PersonaPicture, PersonaScore, Stage, Step, ValidationError,
    Workspace,
};

/// Reads a text form given as relative path (with `/`) → file contents, and returns the workspace (in
/// [`super::canonical`] order) and its name. The map must hold `workspace.json` and `entities.json`,
/// and may hold any number of `journeys/*.json`; any other path is refused.
pub fn from_files<B: AsRef<[u8]>>(
    files: &BTreeMap<String, B>,
) -> Result<(Workspace, String), TextFormError> {
    let mut total = 0usize;
    for (path, bytes) in files {
        let len = bytes.as_ref().len();
        if len > MAX_FILE_BYTES {
            return Err(TextFormError::invalid(
                path,
                format!("{len} bytes; a file of the text form may have at most {MAX_FILE_BYTES}"),
            ));
        }
        total += len;
        if total > MAX_TOTAL_BYTES {
            return Err(TextFormError::invalid(
                path,
                format!("the files add up to more than {MAX_TOTAL_BYTES} bytes, the limit for one text form"),
            ));
        }
        if path != WORKSPACE_FILE && path != ENTITIES_FILE && journey_path(path).is_none() {
            return Err(TextFormError::invalid(
                path,
                format!("not part of a Throughline text form; expected {WORKSPACE_FILE}, {ENTITIES_FILE} or {JOURNEYS_DIR}/*.json"),
            ));
        }
    }
    let file = |name: &str| files.get(name).map(|b| b.as_ref());
    let head = file(WORKSPACE_FILE).ok_or_else(|| {
        TextFormError::new(
            TextFormErrorKind::Foreign,
            WORKSPACE_FILE,
            "missing, so this is not a Throughline text form",
        )
    })?;
    let name = read_header(head)?;
    let entities = file(ENTITIES_FILE)
        .ok_or_else(|| TextFormError::invalid(ENTITIES_FILE, "missing; every text form has one"))?;
    let mut reader = Reader::default();
    let mut ws = Workspace::default();
    reader.entities(entities, &mut ws)?;
    for (path, bytes) in files.iter().filter(|(p, _)| journey_path(p).is_some()) {
        reader.journey(path, bytes.as_ref(), &mut ws)?;
    }
    if let Err(e) = validate_workspace(&ws) {
        let file = match e {
            ValidationError::DuplicateName { .. }
            | ValidationError::EmptyName { .. }
            | ValidationError::TooLong { .. }
            | ValidationError::DuplicatePersona { .. }
            | ValidationError::Picture { .. } => ENTITIES_FILE,
            _ => WORKSPACE_FILE,
        };
        return Err(TextFormError::invalid(file, e.to_string()));
    }
    Ok((canonical(&ws), name))
}

/// Reads one journey file on its own, as the Git merge driver sees it: everything in the file is
/// checked except that the entities its cards refer to exist, since they live in `entities.json`. The
/// workspace holds the journey and the links from its cards, and no entities.
pub(crate) fn journey_alone(path: &str, bytes: &[u8]) -> Result<Workspace, TextFormError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(TextFormError::invalid(
            path,
            format!(
                "{} bytes; a file of the text form may have at most {MAX_FILE_BYTES}",
                bytes.len()
            ),
        ));
    }
    let mut reader = Reader {
        entities_elsewhere: true,
        ..Reader::default()
    };
    let mut ws = Workspace::default();
    reader.journey(path, bytes, &mut ws)?;
    Ok(ws)
}

/// The file name of a journey file path, if `path` is one (`journeys/<name>.json`, one level deep).
fn journey_path(path: &str) -> Option<&str> {
    let name = path.strip_prefix(JOURNEYS_DIR)?.strip_prefix('/')?;
    (name.len() > ".json".len() && name.ends_with(".json") && !name.contains('/')).then_some(name)
}

/// Checks `workspace.json`: a foreign or newer file is reported as such before anything else is read.
fn read_header(bytes: &[u8]) -> Result<String, TextFormError> {
    let header: Header = parse(WORKSPACE_FILE, bytes).map_err(|mut e| {
        // Without a `format` field of ours it is someone else's JSON, not a damaged text form.
        if e.field.as_deref() == Some("format") || e.message.contains("`format`") {
            e.kind = TextFormErrorKind::Foreign;
        }
        e
    })?;
    if header.format != TEXT_FORMAT {
        return Err(TextFormError::new(
            TextFormErrorKind::Foreign,
            WORKSPACE_FILE,
            format!(
                "its format is \"{}\", not \"{TEXT_FORMAT}\": this is not a Throughline text form",
                header.format.chars().take(80).collect::<String>()
            ),
        )
        .at(Some(line_of(bytes, b"\"format\"")), "format"));
    }
    if header.version > TEXT_VERSION {
        return Err(TextFormError::new(
            TextFormErrorKind::Newer,
            WORKSPACE_FILE,
            format!("written by a newer Throughline (text form version {}); this one reads up to version {TEXT_VERSION}: update Throughline to open it", header.version),
        )
        .at(Some(line_of(bytes, b"\"version\"")), "version"));
    }
    if header.version == 0 {
        return Err(TextFormError::invalid(
            WORKSPACE_FILE,
            format!("version 0 was never written; expected 1 to {TEXT_VERSION}"),
        )
        .at(Some(line_of(bytes, b"\"version\"")), "version"));
    }
    let file: WorkspaceFile = parse(WORKSPACE_FILE, bytes)?;
    Ok(file.name)
}

/// Parses one file into `T`, naming the line, column and field of the first problem.
fn parse<T: DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T, TextFormError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let field = e.path().to_string();
        json_error(file, e.into_inner(), Some(field))
    })?;
    de.end().map_err(|e| json_error(file, e, None))?;
    Ok(value)
}

fn json_error(file: &str, e: serde_json::Error, field: Option<String>) -> TextFormError {
    let (line, column) = (e.line(), e.column());
    let full = e.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    let message = if e.is_eof() {
        format!("the file ends too early ({message}); it may have been cut short")
    } else if e.is_syntax() {
        format!("{message}; this is not valid JSON")
    } else {
        message.to_owned()
    };
    TextFormError {
        kind: TextFormErrorKind::Invalid,
        file: file.to_owned(),
        line: (line > 0).then_some(line),
        column: (column > 0).then_some(column),
        field: field
            .map(|f| f.trim_end_matches(".?").to_owned())
            .filter(|f| !matches!(f.as_str(), "" | "." | "?")),
        message,
    }
}

/// The 1-based line of the first occurrence of `needle`, or 1.
fn line_of(bytes: &[u8], needle: &[u8]) -> usize {
    find(bytes, needle, 0).map_or(1, |at| line_at(bytes, at))
}

fn line_at(bytes: &[u8], at: usize) -> usize {
    1 + bytes[..at].iter().filter(|&&b| b == b'\n').count()
}

fn find(bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from >= bytes.len() {
        return None;
    }
    bytes[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// What a reference must point at.
#[derive(Clone, Copy, PartialEq)]
enum Want {
    Owner,
    Entity,
    Kind(EntityKind),
}

/// What has been read so far, to check ids and references across files.
#[derive(Default)]
struct Reader {
    /// Every id seen, with the file it is in.
    ids: HashMap<Id, String>,
    entities: HashMap<Id, EntityKind>,
    links: HashSet<(LinkKind, Id, Id)>,
    records: usize,
    /// Whether entities live in a file not being read, so references to them cannot be checked.
    entities_elsewhere: bool,
}

/// Where in a file a problem is: the file's bytes, the record's id (to find its line) and the field.
struct Place<'a> {
    file: &'a str,
    bytes: &'a [u8],
    record: Id,
    field: String,
}

impl Place<'_> {
    /// An error at this place, on the line of the field within its record.
    fn error(&self, message: impl Into<String>) -> TextFormError {
        let written = format!("\"id\": \"{}\"", self.record);
        let start = find(self.bytes, written.as_bytes(), 0)
            .or_else(|| find(self.bytes, format!("\"{}\"", self.record).as_bytes(), 0));
        let key = self.field.rsplit('.').next().unwrap_or("id");
        let line = start.map(|at| {
            let field = (key != "id")
                .then(|| find(self.bytes, format!("\"{key}\"").as_bytes(), at))
                .flatten();
            line_at(self.bytes, field.unwrap_or(at))
        });
        TextFormError::invalid(self.file, message).at(line, self.field.clone())
    }
}

impl Reader {
    fn count(&mut self, file: &str, n: usize) -> Result<(), TextFormError> {
        self.records += n;
        if self.records > MAX_RECORDS {
            return Err(TextFormError::invalid(
                file,
                format!("more than {MAX_RECORDS} records in one text form; that is the limit"),
            ));
        }
        Ok(())
    }

    fn unique(&mut self, place: Place) -> Result<(), TextFormError> {
        if let Some(other) = self.ids.get(&place.record) {
            let message = if other == place.file {
                format!("the id {} is used twice in this file", place.record)
            } else {
                format!("the id {} is already used in {other}", place.record)
            };
            return Err(place.error(message));
        }
        self.ids.insert(place.record, place.file.to_owned());
        Ok(())
    }

    fn refer(&self, place: &Place, to: Id, want: Want) -> Result<(), TextFormError> {
        let Some(&kind) = self.entities.get(&to) else {
            if self.entities_elsewhere {
                return Ok(());
            }
            return Err(place.error(format!(
                "points to {to}, which is not an entity of {ENTITIES_FILE}"
            )));
        };
        let (ok, expected) = match want {
            Want::Owner => (kind.can_own(), "a person or a team".to_owned()),
            Want::Entity => (true, String::new()),
            Want::Kind(k) => (kind == k, format!("a {k:?}").to_lowercase()),
        };
        if ok {
            Ok(())
        } else {
            Err(place.error(format!(
                "points to a {}; expected {expected}",
                format!("{kind:?}").to_lowercase()
            )))
        }
    }

    fn link_once(&mut self, place: &Place, link: &LinkRecord) -> Result<(), TextFormError> {
        if self.links.insert((link.kind, link.from, link.to)) {
            Ok(())
        } else {
            Err(place.error(format!(
                "the same {:?} link from {} to {} is there twice",
                link.kind, link.from, link.to
            )))
        }
    }

    fn entities(&mut self, bytes: &[u8], ws: &mut Workspace) -> Result<(), TextFormError> {
        let file: EntitiesFile = parse(ENTITIES_FILE, bytes)?;
        self.count(ENTITIES_FILE, file.entities.len() + file.links.len())?;
        let at = |record: Id, field: String| Place {
            file: ENTITIES_FILE,
            bytes,
            record,
            field,
        };
        for (i, e) in file.entities.iter().enumerate() {
            self.unique(at(e.id, format!("entities[{i}].id")))?;
            self.entities.insert(e.id, e.kind);
        }
        for (i, e) in file.entities.iter().enumerate() {
            if let Some(owner) = e.owner {
                self.refer(
                    &at(e.id, format!("entities[{i}].owner")),
                    owner,
                    Want::Owner,
                )?;
            }
        }
        for (i, l) in file.links.iter().enumerate() {
            self.unique(at(l.id, format!("links[{i}].id")))?;
            let from = at(l.id, format!("links[{i}].from"));
            let to = at(l.id, format!("links[{i}].to"));
            match l.kind {
                LinkKind::DependsOn => {
                    self.refer(&from, l.from, Want::Entity)?;
                    self.refer(&to, l.to, Want::Entity)?;
                    if l.from == l.to {
                        return Err(to.error("an entity cannot depend on itself"));
                    }
                }
                LinkKind::MemberOf => {
                    self.refer(&from, l.from, Want::Kind(EntityKind::Person))?;
                    self.refer(&to, l.to, Want::Kind(EntityKind::Team))?;
                }
                kind => {
                    return Err(at(l.id, format!("links[{i}].kind")).error(format!(
                        "a {kind:?} link starts at a card and belongs in that card's journey file; expected depends_on or member_of"
                    )))
                }
            }
            self.link_once(&from, l)?;
        }
        ws.entities = file
            .entities
            .into_iter()
            .map(|e| Entity {
                id: e.id,
                kind: e.kind,
                name: e.name,
                description: e.description,
                owner: e.owner,
            })
            .collect();
        ws.links.extend(file.links.into_iter().map(link));
        for (i, p) in file.personas.iter().enumerate() {
            self.unique(at(p.id, format!("personas[{i}].id")))?;
        }
        ws.personas = file
            .personas
            .into_iter()
            .map(|p| Persona {
                id: p.id,
                name: p.name,
                description: p.description,
                goals: p.goals,
                needs: p.needs,
                pains: p.pains,
                quote: p.quote,
                picture: p.picture.map(|pic| PersonaPicture {
                    format: pic.format,
                    data: pic.data,
                }),
            })
            .collect();
        Ok(())
    }

    fn journey(
        &mut self,
        path: &str,
        bytes: &[u8],
        ws: &mut Workspace,
    ) -> Result<(), TextFormError> {
        let file: JourneyFile = parse(path, bytes)?;
        self.count(
            path,
            1 + file.stages.len()
                + file.lanes.len()
                + file.cards.len()
                + file
                    .cards
                    .iter()
                    .map(|c| c.metrics.len() + c.evidence.len())
                    .sum::<usize>()
                + file.flows.len()
                + file.links.len()
                + file.comments.len()
                + file.opportunities.len(),
        )?;
        let at = |record: Id, field: String| Place {
            file: path,
            bytes,
            record,
            field,
        };
        self.unique(at(file.id, "id".into()))?;
        for (i, s) in file.stages.iter().enumerate() {
            self.unique(at(s.id, format!("stages[{i}].id")))?;
        }
        for (i, l) in file.lanes.iter().enumerate() {
            self.unique(at(l.id, format!("lanes[{i}].id")))?;
        }
        for (i, c) in file.comments.iter().enumerate() {
            self.unique(at(c.id, format!("comments[{i}].id")))?;
        }
        for (i, o) in file.opportunities.iter().enumerate() {
            self.unique(at(o.id, format!("opportunities[{i}].id")))?;
            if let Some(owner) = o.owner {
                let place = at(o.id, format!("opportunities[{i}].owner"));
                self.refer(&place, owner, Want::Owner)?;
            }
        }
        let stages: HashSet<Id> = file.stages.iter().map(|s| s.id).collect();
        let lanes: HashSet<Id> = file.lanes.iter().map(|l| l.id).collect();
        for (i, c) in file.cards.iter().enumerate() {
            self.unique(at(c.id, format!("cards[{i}].id")))?;
            if !lanes.contains(&c.lane) {
                return Err(at(c.id, format!("cards[{i}].lane")).error(format!(
                    "the lane {} is not one of this journey's lanes",
                    c.lane
                )));
            }
            if !stages.contains(&c.stage) {
                return Err(at(c.id, format!("cards[{i}].stage")).error(format!(
                    "the stage {} is not one of this journey's stages",
                    c.stage
                )));
            }
            if let Some(owner) = c.owner {
                self.refer(&at(c.id, format!("cards[{i}].owner")), owner, Want::Owner)?;
            }
        }
        let cards: HashSet<Id> = file.cards.iter().map(|c| c.id).collect();
        let card = |place: Place, id: Id| {
            if cards.contains(&id) {
                Ok(())
            } else {
                Err(place.error(format!("the card {id} is not one of this journey's cards")))
            }
        };
        for (i, f) in file.flows.iter().enumerate() {
            self.unique(at(f.id, format!("flows[{i}].id")))?;
            card(at(f.id, format!("flows[{i}].from")), f.from)?;
            card(at(f.id, format!("flows[{i}].to")), f.to)?;
            if f.from == f.to {
                return Err(at(f.id, format!("flows[{i}].to"))
                    .error("a flow cannot go from a card to itself"));
            }
            let as_link = LinkRecord {
                id: f.id,
                kind: LinkKind::Flow,
                from: f.from,
                to: f.to,
            };
            self.link_once(&at(f.id, format!("flows[{i}].to")), &as_link)?;
        }
        for (i, l) in file.links.iter().enumerate() {
            self.unique(at(l.id, format!("links[{i}].id")))?;
            card(at(l.id, format!("links[{i}].from")), l.from)?;
            let to = at(l.id, format!("links[{i}].to"));
            let want = match l.kind {
                LinkKind::PerformedBy => Want::Owner,
                LinkKind::Uses => Want::Kind(EntityKind::System),
                LinkKind::PartOf => Want::Kind(EntityKind::Process),
                kind => {
                    return Err(at(l.id, format!("links[{i}].kind")).error(format!(
                        "a {kind:?} link does not start at a card; expected performed_by, uses or part_of{}",
                        if kind == LinkKind::Flow { " (flows go under \"flows\")" } else { "" }
                    )))
                }
            };
            self.refer(&to, l.to, want)?;
            self.link_once(&to, l)?;
        }
        let mut journey = Journey {
            id: file.id,
            name: file.name,
            persona: file.persona,
            description: file.description,
            position: file.position,
            stages: file
                .stages
                .into_iter()
                .map(|s| Stage {
                    id: s.id,
                    name: s.name,
                    position: s.position,
                })
                .collect(),
            lanes: file
                .lanes
                .into_iter()
                .map(|l| Lane {
                    id: l.id,
                    name: l.name,
                    kind: l.kind,
                    position: l.position,
                })
                .collect(),
            steps: file
                .cards
                .into_iter()
                .map(|c| Step {
                    id: c.id,
                    lane: c.lane,
                    stage: c.stage,
                    position: c.position,
                    text: c.text,
                    channel: c.channel,
                    moment_of_truth: c.moment_of_truth,
                    emotion: c.emotion,
                    pain_point: c.pain_point,
                    pain_severity: c.pain_severity,
                    fail_point: c.fail_point,
                    wait_point: c.wait_point,
                    notes: c.notes,
                    metrics: c
                        .metrics
                        .into_iter()
                        .map(|m| Metric {
                            name: m.name,
                            unit: m.unit,
                            target: m.target,
                            actual: m.actual,
                            kind: m.kind,
                        })
                        .collect(),
                    owner: c.owner,
                    scores: c
                        .scores
                        .into_iter()
                        .map(|p| PersonaScore {
                            persona: p.persona,
                            score: p.score,
                        })
                        .collect(),
                    evidence: c.evidence.into_iter().map(Insight::from).collect(),
                    assumption: c.assumption,
                    change: c.change,
                    origin: c.origin,
                })
                .collect(),
            personas: file.personas,
            comments: file.comments.into_iter().map(Comment::from).collect(),
            opportunities: file
                .opportunities
                .into_iter()
                .map(Opportunity::from)
                .collect(),
            future_of: file.future_of,
        };
        crate::comment::sort(&mut journey.comments);
        validate_journey(&journey).map_err(|e| TextFormError::invalid(path, e.to_string()))?;
        ws.journeys.push(journey);
        ws.links.extend(file.flows.into_iter().map(|f| Link {
            id: f.id,
            kind: LinkKind::Flow,
            from: f.from,
            to: f.to,
        }));
        ws.links.extend(file.links.into_iter().map(link));
        Ok(())
    }
}

fn link(l: LinkRecord) -> Link {
    Link {
        id: l.id,
        kind: l.kind,
        from: l.from,
        to: l.to,
    }
}
