//! Every row of a steps CSV checked against the journey it would go into, before anything is written:
//! which rows will be imported, which are rejected and why, and what the import would create (stages,
//! owners). The import itself is built from the same checked rows, so it takes exactly what the
//! preview promised.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cells::{
    name_cell, parse_bool, parse_emotion, parse_severity, text_cell, BOOLEAN_WORDS,
};
use super::columns::{mapping_problems, normalise, suggest, CsvField, Mapping};
use super::read::{Record, Table};
use crate::validate::{check_name, check_text};
use crate::{EntityKind, Id, LaneKind, Severity, Workspace};

/// Where imported steps go.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CsvTarget {
    /// A new journey with the standard blueprint lanes and the CSV's stages, in first-seen order.
    NewJourney {
        /// Its name.
        name: String,
    },
    /// An existing journey: stages matched by name (ignoring case), missing ones added at the end.
    Journey {
        /// The journey.
        journey: Id,
    },
}

/// One column of the file and the field it fills.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CsvColumn {
    /// Its header, as written.
    pub header: String,
    /// The field it fills (suggested, or as chosen), or `None` when ignored.
    pub field: Option<CsvField>,
    /// A few of its values, to recognise it by.
    pub samples: Vec<String>,
}

/// One data row as the preview shows it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CsvRow {
    /// Its row number in the spreadsheet (the header is row 1).
    pub row: u32,
    /// Whether it will be imported.
    pub accepted: bool,
    /// Why it is rejected (every reason, joined by "; "); empty when accepted.
    pub reason: String,
    /// Its stage, cleaned.
    pub stage: String,
    /// Its lane: the matching lane's name, or the cell as written when none matches.
    pub lane: String,
    /// Its text, cleaned.
    pub text: String,
    /// Its owner's name, empty when none.
    pub owner: String,
}

/// What importing a CSV would do, shown before anything is written.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CsvPreview {
    /// The journey the rows go into (the new one's name, or the existing one's).
    pub journey: String,
    /// The file's columns with the fields they fill.
    pub columns: Vec<CsvColumn>,
    /// Whether the headers did not name the fields plainly, so the mapping should be checked.
    pub needs_mapping: bool,
    /// What stops the whole import (a mapping without a text column, a journey name taken…); while
    /// there is any, no row is checked and nothing can be imported.
    pub problems: Vec<String>,
    /// Every data row, in file order.
    pub rows: Vec<CsvRow>,
    /// How many rows will be imported.
    pub accepted: u32,
    /// How many rows are rejected.
    pub rejected: u32,
    /// Stages the import adds, in order.
    pub new_stages: Vec<String>,
    /// Owners not in the workspace, which the import creates as teams.
    pub new_owners: Vec<String>,
}

/// A lane of the target journey: its id (none yet for a new journey's), name and kind.
#[derive(Clone, Debug)]
pub(crate) struct TargetLane {
    pub id: Option<Id>,
    pub name: String,
    pub kind: LaneKind,
}

/// A stage a card goes in: one the journey has, or the n-th the import adds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum StageRef {
    Existing(Id),
    New(usize),
}

/// A card's owner: an entity of the workspace, or the n-th team the import creates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum OwnerRef {
    Existing(Id),
    New(usize),
}

/// An accepted row, ready to become a card.
#[derive(Clone, Debug)]
pub(crate) struct Card {
    pub row: u32,
    pub stage: StageRef,
    pub lane: usize,
    pub text: String,
    pub owner: Option<OwnerRef>,
    pub channel: Option<String>,
    pub moment_of_truth: bool,
    pub emotion: Option<i8>,
    pub pain_point: Option<String>,
    pub severity: Severity,
    pub fail_point: bool,
    pub wait_point: bool,
    pub notes: String,
}

/// The preview with everything the import needs to build its edit.
pub(crate) struct Analysis {
    pub preview: CsvPreview,
    pub lanes: Vec<TargetLane>,
    pub cards: Vec<Card>,
}

/// Words naming a lane by its kind, beside the lanes' own names.
const LANE_KINDS: &[(&str, LaneKind)] = &[
    ("evidence", LaneKind::Evidence),
    ("physicalevidence", LaneKind::Evidence),
    ("customer", LaneKind::Customer),
    ("customers", LaneKind::Customer),
    ("customeractions", LaneKind::Customer),
    ("frontstage", LaneKind::Frontstage),
    ("frontstageactions", LaneKind::Frontstage),
    ("backstage", LaneKind::Backstage),
    ("backstageactions", LaneKind::Backstage),
    ("support", LaneKind::Support),
    ("supportprocess", LaneKind::Support),
    ("supportprocesses", LaneKind::Support),
];

fn kind_word(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Team => "team",
        EntityKind::System => "system",
        EntityKind::Process => "process",
    }
}

/// Finds lanes, stages and owners by name for the rows of one import.
struct Lookup<'a> {
    lanes: &'a [TargetLane],
    lane_names: HashMap<String, usize>,
    lane_list: String,
    stages: HashMap<String, StageRef>,
    new_stages: Vec<String>,
    owners: HashMap<String, OwnerRef>,
    cannot_own: HashMap<String, EntityKind>,
    new_owners: Vec<String>,
}

impl<'a> Lookup<'a> {
    fn new(ws: &Workspace, lanes: &'a [TargetLane], stages: HashMap<String, StageRef>) -> Self {
        let mut lane_names = HashMap::new();
        for (i, lane) in lanes.iter().enumerate() {
            lane_names.entry(normalise(&lane.name)).or_insert(i);
        }
        let mut owners = HashMap::new();
        let mut cannot_own = HashMap::new();
        // Teams after people, so a team wins when a person has the same name.
        for kind in [EntityKind::Person, EntityKind::Team] {
            for e in ws.entities.iter().filter(|e| e.kind == kind) {
                owners.insert(e.name.to_lowercase(), OwnerRef::Existing(e.id));
            }
        }
        for e in ws.entities.iter().filter(|e| !e.kind.can_own()) {
            cannot_own.entry(e.name.to_lowercase()).or_insert(e.kind);
        }
        let names: Vec<&str> = lanes.iter().map(|l| l.name.as_str()).collect();
        Lookup {
            lanes,
            lane_names,
            lane_list: names.join(", "),
            stages,
            new_stages: Vec::new(),
            owners,
            cannot_own,
            new_owners: Vec::new(),
        }
    }

    fn lane(&self, name: &str) -> Option<usize> {
        let key = normalise(name);
        self.lane_names.get(&key).copied().or_else(|| {
            let (_, kind) = LANE_KINDS.iter().find(|(word, _)| *word == key)?;
            self.lanes.iter().position(|l| l.kind == *kind)
        })
    }

    fn stage(&mut self, name: &str) -> StageRef {
        let key = name.to_lowercase();
        if let Some(s) = self.stages.get(&key) {
            return *s;
        }
        let s = StageRef::New(self.new_stages.len());
        self.new_stages.push(name.to_owned());
        self.stages.insert(key, s);
        s
    }

    fn owner(&mut self, name: &str) -> OwnerRef {
        let key = name.to_lowercase();
        if let Some(o) = self.owners.get(&key) {
            return *o;
        }
        let o = OwnerRef::New(self.new_owners.len());
        self.new_owners.push(name.to_owned());
        self.owners.insert(key, o);
        o
    }
}

/// Which column holds which field.
struct Columns([Option<usize>; CsvField::ALL.len()]);

impl Columns {
    fn of(mapping: &[Option<CsvField>]) -> Self {
        let mut at = [None; CsvField::ALL.len()];
        for (i, f) in mapping.iter().enumerate() {
            if let Some(f) = f {
                at[*f as usize] = Some(i);
            }
        }
        Columns(at)
    }

    fn get<'r>(&self, record: &'r Record, field: CsvField) -> &'r str {
        self.0[field as usize]
            .and_then(|i| record.cells.get(i))
            .map_or("", String::as_str)
    }
}

/// The preview of importing `table` into `target` with `mapping` (the suggested one when `None`).
pub(crate) fn analyse(
    ws: &Workspace,
    table: &Table,
    target: &CsvTarget,
    mapping: Option<&[Option<CsvField>]>,
) -> Analysis {
    let (suggested, plain) = suggest(&table.headers);
    let mapping: Mapping = mapping.map_or(suggested, <[_]>::to_vec);
    let mut problems = mapping_problems(&table.headers, &mapping);
    let columns = table
        .headers
        .iter()
        .enumerate()
        .map(|(i, header)| CsvColumn {
            header: header.clone(),
            field: mapping.get(i).copied().flatten(),
            samples: samples(table, i),
        })
        .collect();
    let (journey, lanes, stages) = match resolve(ws, target) {
        Ok(t) => t,
        Err(problem) => {
            problems.push(problem);
            (String::new(), Vec::new(), HashMap::new())
        }
    };
    let mut preview = CsvPreview {
        journey,
        columns,
        needs_mapping: !plain,
        problems,
        rows: Vec::new(),
        accepted: 0,
        rejected: 0,
        new_stages: Vec::new(),
        new_owners: Vec::new(),
    };
    if !preview.problems.is_empty() {
        return Analysis {
            preview,
            lanes,
            cards: Vec::new(),
        };
    }
    let at = Columns::of(&mapping);
    let mut lookup = Lookup::new(ws, &lanes, stages);
    let mut cards = Vec::new();
    preview.rows.reserve(table.rows.len());
    for record in &table.rows {
        let (row, card) = check_row(record, &at, table.headers.len(), &mut lookup);
        if let Some(card) = card {
            cards.push(card);
        }
        preview.rows.push(row);
    }
    preview.accepted = cards.len() as u32;
    preview.rejected = (preview.rows.len() - cards.len()) as u32;
    preview.new_stages = lookup.new_stages;
    preview.new_owners = lookup.new_owners;
    Analysis {
        preview,
        lanes,
        cards,
    }
}

/// A target journey's name, its lanes in order, and its stages by lower-case name.
type Resolved = (String, Vec<TargetLane>, HashMap<String, StageRef>);

/// What the rows of an import into `target` are checked against, or why it cannot take them.
fn resolve(ws: &Workspace, target: &CsvTarget) -> Result<Resolved, String> {
    match target {
        CsvTarget::NewJourney { name } => {
            let name = name_cell(name);
            if name.is_empty() {
                return Err("the new journey needs a name".to_owned());
            }
            check_name("journey name", &name).map_err(|e| e.to_string())?;
            let lower = name.to_lowercase();
            if ws.journeys.iter().any(|j| j.name.to_lowercase() == lower) {
                return Err(format!(
                    "a journey named “{name}” already exists; choose another name, or import into that journey"
                ));
            }
            let lanes = LaneKind::ALL
                .iter()
                .map(|k| TargetLane {
                    id: None,
                    name: k.standard_name().to_owned(),
                    kind: *k,
                })
                .collect();
            Ok((name, lanes, HashMap::new()))
        }
        CsvTarget::Journey { journey } => {
            let j = ws
                .journey(*journey)
                .ok_or_else(|| "that journey no longer exists".to_owned())?;
            let mut sorted = j.clone();
            sorted.sort();
            let lanes = sorted
                .lanes
                .iter()
                .map(|l| TargetLane {
                    id: Some(l.id),
                    name: l.name.clone(),
                    kind: l.kind,
                })
                .collect();
            let mut stages = HashMap::new();
            for s in &sorted.stages {
                stages
                    .entry(s.name.to_lowercase())
                    .or_insert(StageRef::Existing(s.id));
            }
            Ok((j.name.clone(), lanes, stages))
        }
    }
}

/// Up to three distinct non-empty values of column `i`, shortened, to recognise it by.
fn samples(table: &Table, i: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for record in &table.rows {
        let Some(cell) = record.cells.get(i).map(|c| name_cell(c)) else {
            continue;
        };
        if cell.is_empty() || out.contains(&cell) {
            continue;
        }
        out.push(if cell.chars().count() > 40 {
            format!("{}…", cell.chars().take(39).collect::<String>())
        } else {
            cell
        });
        if out.len() == 3 {
            break;
        }
    }
    out
}

/// Checks one row; the card it makes when every cell is acceptable.
fn check_row(
    record: &Record,
    at: &Columns,
    width: usize,
    lookup: &mut Lookup,
) -> (CsvRow, Option<Card>) {
    let mut reasons: Vec<String> = Vec::new();
    let get = |f| at.get(record, f);

    if record.cells[width.min(record.cells.len())..]
        .iter()
        .any(|c| !c.trim().is_empty())
    {
        reasons.push(format!(
            "the row has {} cells but the header row has {width}",
            record.cells.len()
        ));
    }
    let text = text_cell(get(CsvField::Text));
    if text.trim().is_empty() {
        reasons.push("text is empty".to_owned());
    } else if let Err(e) = check_text("text", &text) {
        reasons.push(e.to_string());
    }
    let stage = name_cell(get(CsvField::Stage));
    if stage.is_empty() {
        reasons.push("stage is empty".to_owned());
    } else if let Err(e) = check_name("stage", &stage) {
        reasons.push(e.to_string());
    }
    let lane_cell = name_cell(get(CsvField::Lane));
    let lane = if lane_cell.is_empty() {
        reasons.push("lane is empty".to_owned());
        None
    } else {
        let found = lookup.lane(&lane_cell);
        if found.is_none() {
            reasons.push(format!(
                "lane “{lane_cell}” is not a lane of this journey; lanes are {} (or say evidence, customer, frontstage, backstage or support)",
                lookup.lane_list
            ));
        }
        found
    };
    let owner = name_cell(get(CsvField::Owner));
    if !owner.is_empty() {
        if let Err(e) = check_name("owner", &owner) {
            reasons.push(e.to_string());
        } else if let Some(kind) = lookup
            .cannot_own
            .get(&owner.to_lowercase())
            .filter(|_| !lookup.owners.contains_key(&owner.to_lowercase()))
        {
            reasons.push(format!(
                "owner “{owner}” is a {}; only a person or a team can own a card",
                kind_word(*kind)
            ));
        }
    }
    let channel = name_cell(get(CsvField::Channel));
    if !channel.is_empty() {
        if let Err(e) = check_name("channel", &channel) {
            reasons.push(e.to_string());
        }
    }
    let mut flag = |field: CsvField| {
        let cell = get(field);
        parse_bool(cell).unwrap_or_else(|| {
            reasons.push(format!(
                "{} “{}” is not yes or no (write {BOOLEAN_WORDS})",
                field.label(),
                cell.trim()
            ));
            false
        })
    };
    let moment_of_truth = flag(CsvField::MomentOfTruth);
    let fail_point = flag(CsvField::FailPoint);
    let wait_point = flag(CsvField::WaitPoint);
    let emotion = match parse_emotion(get(CsvField::Emotion)) {
        Ok(e) => e,
        Err(()) => {
            reasons.push(format!(
                "emotion “{}” is not a whole number from −2 to +2",
                get(CsvField::Emotion).trim()
            ));
            None
        }
    };
    if let (Some(_), Some(l)) = (emotion, lane) {
        let lane = &lookup.lanes[l];
        if lane.kind != LaneKind::Customer {
            reasons.push(format!(
                "emotion is only for customer-lane cards, and “{}” is not a customer lane",
                lane.name
            ));
        }
    }
    let pain_point = Some(text_cell(get(CsvField::PainPoint))).filter(|p| !p.trim().is_empty());
    if let Some(p) = &pain_point {
        if let Err(e) = check_text("pain point", p) {
            reasons.push(e.to_string());
        }
    }
    let severity = parse_severity(get(CsvField::Severity)).unwrap_or_else(|| {
        reasons.push(format!(
            "severity “{}” is not low, medium or high",
            get(CsvField::Severity).trim()
        ));
        Severity::Medium
    });
    let notes = text_cell(get(CsvField::Notes));
    if let Err(e) = check_text("notes", &notes) {
        reasons.push(e.to_string());
    }

    let shown = CsvRow {
        row: record.row,
        accepted: reasons.is_empty(),
        reason: reasons.join("; "),
        lane: lane.map_or(lane_cell, |l| lookup.lanes[l].name.clone()),
        stage: stage.clone(),
        text: text.clone(),
        owner: owner.clone(),
    };
    let Some(lane) = lane.filter(|_| shown.accepted) else {
        return (shown, None);
    };
    let card = Card {
        row: record.row,
        stage: lookup.stage(&stage),
        lane,
        text,
        owner: (!owner.is_empty()).then(|| lookup.owner(&owner)),
        channel: (!channel.is_empty()).then_some(channel),
        moment_of_truth,
        emotion,
        pain_point,
        severity,
        fail_point,
        wait_point,
        notes,
    };
    (shown, Some(card))
}
