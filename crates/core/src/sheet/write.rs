//! Tables written as CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads accents and
//! scripts right), CRLF line ends, quotes where a cell needs them, and a `'` in front of any cell a
//! spreadsheet would take for a formula. A journey's steps are written in exactly the columns the
//! import reads, so an export imports back into a new journey as the same cards.

use std::collections::HashMap;

use super::cells::{escape_formula, severity_word};
use super::columns::CsvField;
use crate::{Id, Step, Workspace};

/// `rows` under `headers` as CSV bytes. Every cell goes through [`escape_formula`].
pub fn write_table<I, R>(headers: &[&str], rows: I) -> Vec<u8>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = String>,
{
    let mut out = Vec::from("\u{FEFF}".as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(&mut out);
    let mut put = |cells: Vec<String>| {
        writer
            .write_record(cells.iter().map(|c| escape_formula(c)))
            .expect("writing CSV to memory cannot fail");
    };
    put(headers.iter().map(|h| (*h).to_owned()).collect());
    for row in rows {
        put(row.into_iter().collect());
    }
    writer.flush().expect("writing CSV to memory cannot fail");
    drop(writer);
    out
}

/// One card's cells in the columns of [`CsvField::ALL`], its stage and lane given by name; shared by
/// the CSV export and the clipboard's table, so both read back the same way.
pub(crate) fn step_cells(ws: &Workspace, stage: &str, lane: &str, s: &Step) -> [String; 12] {
    CsvField::ALL.map(|f| match f {
        CsvField::Stage => stage.to_owned(),
        CsvField::Lane => lane.to_owned(),
        CsvField::Text => s.text.clone(),
        CsvField::Owner => s
            .owner
            .and_then(|o| ws.entity(o))
            .map_or_else(String::new, |e| e.name.clone()),
        CsvField::Channel => s.channel.clone().unwrap_or_default(),
        CsvField::MomentOfTruth => yes_no(s.moment_of_truth),
        CsvField::Emotion => s.emotion.map_or_else(String::new, |e| e.to_string()),
        CsvField::PainPoint => s.pain_point.clone().unwrap_or_default(),
        CsvField::Severity => severity_word(s.pain_severity).to_owned(),
        CsvField::FailPoint => yes_no(s.fail_point),
        CsvField::WaitPoint => yes_no(s.wait_point),
        CsvField::Notes => s.notes.clone(),
    })
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

/// The cards of journey `journey` as CSV, one row per card in stage, lane and cell order, with the
/// columns of [`CsvField::ALL`]; `None` when the journey is not in `ws`.
pub fn steps_csv(ws: &Workspace, journey: Id) -> Option<Vec<u8>> {
    let mut j = ws.journey(journey)?.clone();
    j.sort();
    let stage_ix: HashMap<Id, usize> = j
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let lane_ix: HashMap<Id, usize> = j.lanes.iter().enumerate().map(|(i, l)| (l.id, i)).collect();
    let mut steps: Vec<_> = j.steps.iter().collect();
    // `sort` ordered the cards by position; a stable sort keeps that order within each cell.
    steps.sort_by_key(|s| (stage_ix.get(&s.stage), lane_ix.get(&s.lane)));
    let headers: Vec<&str> = CsvField::ALL.iter().map(|f| f.label()).collect();
    let rows = steps.into_iter().map(|s| {
        let stage = stage_ix
            .get(&s.stage)
            .map_or("", |i| j.stages[*i].name.as_str());
        let lane = lane_ix
            .get(&s.lane)
            .map_or("", |i| j.lanes[*i].name.as_str());
        step_cells(ws, stage, lane, s)
    });
    Some(write_table(&headers, rows))
}
