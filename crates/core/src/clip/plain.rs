//! The clipboard's words: cards written as lines and as a table for other programs, and text from
//! other programs read back as cards. Text is held to limits first and refused whole when it breaks
//! one, so a stray paste of a document, a log file or binary junk changes nothing.

use std::collections::HashMap;

use super::place::{Ends, Order};
use super::{ClipError, Pasted, Target};
use crate::edit::{AddedBy, Edit};
use crate::sheet::cells::{
    escape_formula, parse_bool, parse_emotion, parse_severity, unescape_formula,
};
use crate::sheet::{step_cells, CsvField};
use crate::text::{clean_name, clean_text, MAX_TEXT_CHARS};
use crate::{Id, Journey, LaneKind, Step, Workspace};

/// Largest text a paste reads, in bytes: a wall of a thousand long sticky notes fits many times over,
/// while a pasted log file or document is refused before any of it is read.
pub const MAX_PASTE_BYTES: usize = 1 << 20;

/// Most cards one paste of text makes: more than any wall of sticky notes, few enough that a pasted
/// file of data is refused rather than turned into a blueprint nobody can read.
pub const MAX_PASTE_LINES: usize = 1_000;

/// The cards as lines: each card's text on one line (its line breaks become spaces), so a chat shows
/// one card per line and pasting the lines back makes the same cards.
pub(super) fn text(cards: &[&Step]) -> String {
    cards
        .iter()
        .map(|s| s.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The cards' cells under the header of the CSV export, guarded against spreadsheet formulas.
fn rows(ws: &Workspace, j: &Journey, cards: &[&Step]) -> Vec<Vec<String>> {
    let header = CsvField::ALL.iter().map(|f| f.label().to_owned()).collect();
    let stage = |id: Id| j.stages.iter().find(|s| s.id == id).map_or("", |s| &s.name);
    let lane = |id: Id| j.lane(id).map_or("", |l| &l.name);
    let body = cards.iter().map(|s| {
        step_cells(ws, stage(s.stage), lane(s.lane), s)
            .iter()
            .map(|c| escape_formula(c))
            .collect()
    });
    std::iter::once(header).chain(body).collect()
}

/// The cards as tab-separated values, quoted where a cell holds a tab, a quote or a line break, as
/// spreadsheets write and read them.
pub(super) fn tsv(ws: &Workspace, j: &Journey, cards: &[&Step]) -> String {
    let mut out = Vec::new();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(&mut out);
    for row in rows(ws, j, cards) {
        writer
            .write_record(&row)
            .expect("writing to memory cannot fail");
    }
    writer.flush().expect("writing to memory cannot fail");
    drop(writer);
    String::from_utf8(out).expect("the cells are UTF-8")
}

/// The cards as an HTML table with a header row; line breaks in a cell become `<br>`.
pub(super) fn html(ws: &Workspace, j: &Journey, cards: &[&Step]) -> String {
    let mut out = String::from("<table>");
    for (i, row) in rows(ws, j, cards).iter().enumerate() {
        let tag = if i == 0 { "th" } else { "td" };
        out.push_str("<tr>");
        for cell in row {
            out.push_str(&format!("<{tag}>{}</{tag}>", escape_html(cell)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
    out
}

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// The edit pasting plain `text` into the cell `target` of `journey`.
///
/// Text that starts with the header row a copy writes is read as that table, each row a card with its
/// columns (in its named stage and lane when the journey has them, else the target's; an owner only
/// when the workspace has a person or team of that name). Any other text makes one card per non-blank
/// line, in order, all in the target cell: a pasted list is notes about one place in the journey, and
/// spreading it over the following stages would invent a structure the text does not have (cards are
/// dragged elsewhere in one move afterwards). Each line is cleaned like a typed name (control
/// characters and noncharacters dropped, tabs become spaces, ends trimmed). Over [`MAX_PASTE_BYTES`],
/// over [`MAX_PASTE_LINES`] cards, or a line longer than a card may be, and nothing is pasted: a cut
/// line would lose words without anyone noticing.
pub(super) fn paste(
    ws: &Workspace,
    journey: &Journey,
    target: &Target,
    text: &str,
    seed: Id,
) -> Result<Pasted, ClipError> {
    if text.len() > MAX_PASTE_BYTES {
        return Err(ClipError::TooBig { bytes: text.len() });
    }
    let cards = if is_table(text) {
        table(ws, journey, target, text)?
    } else {
        lines(target, text)?
    };
    if cards.is_empty() {
        return Err(ClipError::Nothing("paste"));
    }
    let mut ends = Ends::of(journey);
    let steps: Vec<Step> = cards
        .into_iter()
        .enumerate()
        .map(|(i, mut s)| {
            s.id = Id::derived(&seed.to_string(), &format!("card{i}"));
            s.position = ends.next(s.lane, s.stage);
            s
        })
        .collect();
    let mut ids: Vec<&Step> = steps.iter().collect();
    Order::of(journey).sort(&mut ids);
    let ids = ids.into_iter().map(|s| s.id).collect();
    Ok(Pasted {
        edit: Edit::AddSteps {
            journey: journey.id,
            steps,
            links: Vec::new(),
            added_by: AddedBy::Paste,
        },
        steps: ids,
    })
}

fn too_many(count: usize) -> Result<(), ClipError> {
    if count > MAX_PASTE_LINES {
        return Err(ClipError::TooManyLines { lines: count });
    }
    Ok(())
}

fn card_text(line: usize, text: String) -> Result<String, ClipError> {
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(ClipError::LineTooLong {
            line,
            chars,
            limit: MAX_TEXT_CHARS,
        });
    }
    Ok(text)
}

/// One card per non-blank line, in the target cell.
fn lines(target: &Target, text: &str) -> Result<Vec<Step>, ClipError> {
    let lines: Vec<(usize, String)> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, clean_name(l)))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    too_many(lines.len())?;
    lines
        .into_iter()
        .map(|(i, l)| Ok(Step::new(target.lane, target.stage, 0.0, &card_text(i, l)?)))
        .collect()
}

/// Whether `text` starts with the header row a copy writes (any case, spaces around cells ignored).
fn is_table(text: &str) -> bool {
    let first = text.split('\n').next().unwrap_or("").trim_end_matches('\r');
    let cells: Vec<String> = first.split('\t').map(|c| c.trim().to_lowercase()).collect();
    cells.len() == CsvField::ALL.len()
        && cells.iter().zip(CsvField::ALL).all(|(c, f)| c == f.label())
}

/// One card per row of a table with the copy's header.
fn table(
    ws: &Workspace,
    journey: &Journey,
    target: &Target,
    text: &str,
) -> Result<Vec<Step>, ClipError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        let record =
            record.map_err(|e| ClipError::Damaged(format!("the table cannot be read: {e}")))?;
        records.push(record);
        too_many(records.len())?;
    }
    let named = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    let mut cards = Vec::with_capacity(records.len());
    for (row, record) in records.iter().enumerate() {
        let cells: HashMap<CsvField, String> = CsvField::ALL
            .iter()
            .zip(record.iter())
            .map(|(f, c)| (*f, unescape_formula(c)))
            .collect();
        let cell = |f: CsvField| cells.get(&f).cloned().unwrap_or_default();
        let text = clean_text(&cell(CsvField::Text)).trim().to_owned();
        if text.is_empty() {
            continue;
        }
        let text = card_text(row + 2, text)?;
        let stage_name = clean_name(&cell(CsvField::Stage));
        let lane_name = clean_name(&cell(CsvField::Lane));
        let stage = journey
            .stages
            .iter()
            .find(|s| named(&s.name, &stage_name))
            .map_or(target.stage, |s| s.id);
        let lane = journey
            .lanes
            .iter()
            .find(|l| named(&l.name, &lane_name))
            .map_or(target.lane, |l| l.id);
        let mut step = Step::new(lane, stage, 0.0, &text);
        let owner = clean_name(&cell(CsvField::Owner));
        step.owner = ws
            .entities
            .iter()
            .find(|e| e.kind.can_own() && !owner.is_empty() && named(&e.name, &owner))
            .map(|e| e.id);
        step.channel = Some(clean_name(&cell(CsvField::Channel))).filter(|c| !c.is_empty());
        step.moment_of_truth = parse_bool(&cell(CsvField::MomentOfTruth)).unwrap_or(false);
        let customer = journey
            .lane(lane)
            .is_some_and(|l| l.kind == LaneKind::Customer);
        step.emotion = parse_emotion(&cell(CsvField::Emotion))
            .ok()
            .flatten()
            .filter(|_| customer);
        step.pain_point =
            Some(clean_text(&cell(CsvField::PainPoint))).filter(|p| !p.trim().is_empty());
        step.pain_severity = parse_severity(&cell(CsvField::Severity)).unwrap_or_default();
        step.fail_point = parse_bool(&cell(CsvField::FailPoint)).unwrap_or(false);
        step.wait_point = parse_bool(&cell(CsvField::WaitPoint)).unwrap_or(false);
        step.notes = clean_text(&cell(CsvField::Notes));
        cards.push(step);
    }
    Ok(cards)
}
