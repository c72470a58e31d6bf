//! Steps in and out of spreadsheets as CSV. An import reads a sheet of cards (stage, lane, text and
//! optionally owner, channel, moment of truth, emotion, pain point, severity, fail point, wait point,
//! notes), shows a preview of every row checked against the journey it goes into, and then becomes
//! one undoable edit of the accepted rows. Exports write a journey's cards in the same columns, and
//! any other table (ownership, checks) with the same care for spreadsheets.
//!
//! Everything here works on bytes in memory; reading and writing files is the API's job.

pub(crate) mod cells;
mod columns;
mod plan;
mod preview;
mod read;
mod write;

#[cfg(test)]
mod tests;

pub use cells::{escape_formula, unescape_formula, BOOLEAN_WORDS};
pub use columns::{map_column, mapping_problems, suggest, CsvField, Mapping};
pub use preview::{CsvColumn, CsvPreview, CsvRow, CsvTarget};
pub use read::{read_table, CsvError, Record, Table, MAX_CSV_BYTES, MAX_CSV_COLUMNS, MAX_CSV_ROWS};
pub(crate) use write::step_cells;
pub use write::{steps_csv, write_table};

use crate::edit::Edit;
use crate::{Id, Workspace};

/// What importing the CSV `bytes` into `target` would do, with `mapping` from the file's columns to
/// fields (the one the headers suggest when `None`). Nothing is changed.
pub fn preview(
    ws: &Workspace,
    bytes: &[u8],
    target: &CsvTarget,
    mapping: Option<&[Option<CsvField>]>,
) -> Result<CsvPreview, CsvError> {
    let table = read_table(bytes)?;
    Ok(preview::analyse(ws, &table, target, mapping).preview)
}

/// The edit importing the rows [`preview`] accepts, with that preview; the edit's new ids are derived
/// from `seed`. Refused when the preview has a problem or accepts no row.
pub fn import(
    ws: &Workspace,
    bytes: &[u8],
    target: &CsvTarget,
    mapping: Option<&[Option<CsvField>]>,
    seed: Id,
) -> Result<(Edit, CsvPreview), CsvError> {
    let table = read_table(bytes)?;
    let analysis = preview::analyse(ws, &table, target, mapping);
    if let Some(problem) = analysis.preview.problems.first() {
        return Err(CsvError::NothingToImport(problem.clone()));
    }
    if analysis.cards.is_empty() {
        return Err(CsvError::NothingToImport(
            if analysis.preview.rows.is_empty() {
                "the file has a header row but no rows of cards".to_owned()
            } else {
                format!(
                    "every row is rejected; the first, row {}: {}",
                    analysis.preview.rows[0].row, analysis.preview.rows[0].reason
                )
            },
        ));
    }
    let edit = plan::build(ws, &analysis, target, seed);
    Ok((edit, analysis.preview))
}
