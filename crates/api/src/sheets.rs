//! CSV files in and out, shared by the app and the CLI: steps imported from a spreadsheet after a
//! preview, and a journey's steps, the ownership table and the checks written for one. Files are read
//! with the size limit checked before any byte is parsed, and written through a temporary file and a
//! rename, never over a file unless asked, and never over the workspace itself.

use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};
use throughline_core::sheet::{self, CsvError, MAX_CSV_BYTES};
use throughline_core::Id;
use ts_rs::TS;

pub use throughline_core::sheet::{map_column, CsvColumn, CsvField, CsvPreview, CsvRow, CsvTarget};

use crate::{write_atomically, ApiError, EditResult, ErrorCode, OpenWorkspace};

/// A table that can be written as CSV.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "table", rename_all = "snake_case")]
pub enum CsvTable {
    /// A journey's cards, in the columns an import reads.
    Steps {
        /// The journey.
        journey: Id,
    },
    /// Every card of every journey with its owner and the owner's teams.
    Ownership,
    /// The checks' findings, for one journey or (`None`) the whole workspace.
    Checks {
        /// The journey whose cards to check, or every journey.
        journey: Option<Id>,
    },
}

fn invalid(path: &Path, e: CsvError) -> ApiError {
    ApiError::new(ErrorCode::Invalid, format!("{}: {e}", path.display()))
}

/// The bytes of the CSV file at `path`, refused without reading it when it is over the import's size
/// limit (20 MB).
pub fn read_csv_file(path: &Path) -> Result<Vec<u8>, ApiError> {
    let shown = path.display();
    let unreadable = |e: std::io::Error| {
        ApiError::new(ErrorCode::NotFound, format!("{shown}: cannot be read: {e}"))
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if meta.is_dir() {
        return Err(ApiError::new(
            ErrorCode::Invalid,
            format!("{shown}: is a folder, not a CSV file"),
        ));
    }
    if meta.len() > MAX_CSV_BYTES as u64 {
        return Err(invalid(path, CsvError::TooLarge { size: meta.len() }));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow between the check and the read; never read past the limit.
    file.take(MAX_CSV_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() > MAX_CSV_BYTES {
        return Err(invalid(
            path,
            CsvError::TooLarge {
                size: bytes.len() as u64,
            },
        ));
    }
    Ok(bytes)
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

impl OpenWorkspace {
    /// What importing the CSV `bytes` into `target` would do (see [`sheet::preview`]); changes nothing.
    pub fn csv_preview(
        &self,
        bytes: &[u8],
        target: &CsvTarget,
        mapping: Option<&[Option<CsvField>]>,
    ) -> Result<CsvPreview, ApiError> {
        sheet::preview(self.model(), bytes, target, mapping)
            .map_err(|e| ApiError::new(ErrorCode::Invalid, e.to_string()))
    }

    /// Imports the rows of the CSV `bytes` that the preview accepts, in one undoable edit; the result
    /// names the journey they went into. Refused, changing nothing, when no row can be imported.
    pub fn import_csv(
        &mut self,
        bytes: &[u8],
        target: &CsvTarget,
        mapping: Option<&[Option<CsvField>]>,
    ) -> Result<EditResult, ApiError> {
        let (edit, _) = sheet::import(self.model(), bytes, target, mapping, Id::new())
            .map_err(|e| ApiError::new(ErrorCode::Invalid, e.to_string()))?;
        self.apply(&edit)
    }

    /// [`OpenWorkspace::csv_preview`] of the file at `path`; errors name the file.
    pub fn csv_preview_file(
        &self,
        path: &Path,
        target: &CsvTarget,
        mapping: Option<&[Option<CsvField>]>,
    ) -> Result<CsvPreview, ApiError> {
        let bytes = read_csv_file(path)?;
        sheet::preview(self.model(), &bytes, target, mapping).map_err(|e| invalid(path, e))
    }

    /// [`OpenWorkspace::import_csv`] of the file at `path`; errors name the file.
    pub fn import_csv_file(
        &mut self,
        path: &Path,
        target: &CsvTarget,
        mapping: Option<&[Option<CsvField>]>,
    ) -> Result<EditResult, ApiError> {
        let bytes = read_csv_file(path)?;
        let (edit, _) = sheet::import(self.model(), &bytes, target, mapping, Id::new())
            .map_err(|e| invalid(path, e))?;
        self.apply(&edit).map_err(|e| ApiError {
            message: format!("{}: cannot be imported: {}", path.display(), e.message),
            ..e
        })
    }

    /// A journey's cards as CSV, in exactly the columns an import reads.
    pub fn steps_csv(&self, journey: Id) -> Result<Vec<u8>, ApiError> {
        sheet::steps_csv(self.model(), journey)
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "that journey no longer exists"))
    }

    /// The ownership table as CSV: every card with its journey, stage, lane, text, owner, the owner's
    /// teams and whether it is a moment of truth.
    pub fn ownership_csv(&self) -> Vec<u8> {
        let ws = self.model();
        let name = |id: Id| ws.entity(id).map_or_else(String::new, |e| e.name.clone());
        let rows = self.ownership().rows.into_iter().map(|r| {
            let teams: Vec<String> = r.owner_teams.iter().map(|t| name(*t)).collect();
            [
                r.step.journey_name,
                r.step.stage_name,
                r.step.lane_name,
                r.step.text,
                r.owner.map(name).unwrap_or_default(),
                teams.join("; "),
                yes_no(r.step.moment_of_truth),
            ]
        });
        sheet::write_table(
            &[
                "journey",
                "stage",
                "lane",
                "text",
                "owner",
                "owner's team",
                "moment of truth",
            ],
            rows,
        )
    }

    /// The checks' findings as CSV, one row per finding: which check, the journey of the card (empty
    /// for an entity), the card's text or the entities' names, and what is wrong where.
    pub fn checks_csv(&self, journey: Option<Id>) -> Vec<u8> {
        let ws = self.model();
        let journey_name = |id: Option<Id>| {
            id.and_then(|j| ws.journey(j))
                .map_or_else(String::new, |j| j.name.clone())
        };
        let mut rows = Vec::new();
        for group in self.checks(journey) {
            for finding in group.findings {
                let first = finding.subjects.first();
                let names: Vec<&str> = finding.subjects.iter().map(|s| s.label.as_str()).collect();
                let places: Vec<&str> = finding.subjects.iter().map(|s| s.place.as_str()).collect();
                rows.push([
                    group.slug.clone(),
                    journey_name(first.and_then(|s| s.journey)),
                    names.join(" → "),
                    format!("{} ({})", group.title, places.join(", ")),
                ]);
            }
        }
        sheet::write_table(&["finding", "journey", "card or entity", "message"], rows)
    }

    /// The bytes of `table` as CSV.
    pub fn csv_table(&self, table: &CsvTable) -> Result<Vec<u8>, ApiError> {
        match table {
            CsvTable::Steps { journey } => self.steps_csv(*journey),
            CsvTable::Ownership => Ok(self.ownership_csv()),
            CsvTable::Checks { journey } => Ok(self.checks_csv(*journey)),
        }
    }

    /// Writes `table` as CSV to `path` (through a temporary file and a rename), returning its size in
    /// bytes. Refuses a file already there unless `overwrite`, and the workspace's own file always.
    pub fn export_csv(
        &self,
        table: &CsvTable,
        path: &Path,
        overwrite: bool,
    ) -> Result<u64, ApiError> {
        let own = self.info().path;
        let same = |p: &Path| p.canonicalize().ok();
        if !own.is_empty() && same(path).is_some() && same(path) == same(Path::new(&own)) {
            return Err(ApiError::new(
                ErrorCode::Invalid,
                format!(
                    "{}: is the open workspace itself; choose another file",
                    path.display()
                ),
            ));
        }
        let bytes = self.csv_table(table)?;
        write_atomically(path, &bytes, overwrite)?;
        Ok(bytes.len() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_core::sample::sample_workspace;
    use throughline_core::sheet::MAX_CSV_BYTES;

    fn new_journey(name: &str) -> CsvTarget {
        CsvTarget::NewJourney { name: name.into() }
    }

    const CAFE: &str = "stage,lane,text,owner,emotion\n\
        Order,customer,Orders a flat white,,1\n\
        Order,frontstage,Barista takes the order,Baristas,\n\
        Wait,customer,Waits at the counter,,-1\n\
        Wait,backstage,Grinds and pulls the shot,Baristas,2\n\
        Drink,customer,Enjoys the coffee,,2\n";

    #[test]
    fn a_csv_file_previews_imports_and_undoes_in_one_step() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cafe.csv");
        std::fs::write(&file, CAFE).unwrap();
        let mut ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let before = ws.model().clone();
        let target = new_journey("Coffee shop visit");
        let p = ws.csv_preview_file(&file, &target, None).unwrap();
        assert_eq!((p.accepted, p.rejected), (4, 1));
        assert_eq!(ws.model(), &before, "a preview changes nothing");
        let done = ws.import_csv_file(&file, &target, None).unwrap();
        let j = ws.model().journey(done.journey.unwrap()).unwrap();
        assert_eq!(j.name, "Coffee shop visit");
        assert_eq!(j.steps.len(), 4);
        assert!(done.can_undo);
        ws.undo().unwrap();
        assert_eq!(ws.model(), &before);
        assert!(!ws.status(None).can_undo);
    }

    #[test]
    fn bad_files_are_refused_naming_the_file_and_change_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let before = ws.model().clone();
        let target = new_journey("X");
        let big = dir.path().join("big.csv");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(MAX_CSV_BYTES as u64 + 1)
            .unwrap();
        let latin1 = dir.path().join("latin1.csv");
        std::fs::write(&latin1, b"stage,lane,text\nCaf\xE9,customer,x\n").unwrap();
        let page = dir.path().join("page.csv");
        std::fs::write(&page, "<!DOCTYPE html>\n<html></html>").unwrap();
        let rejected = dir.path().join("rejected.csv");
        std::fs::write(&rejected, "stage,lane,text\nA,Kitchen,x\n").unwrap();
        for (file, says) in [
            (&big, "a CSV import takes at most 20971520 bytes"),
            (&latin1, "offset 19 (0xE9) is not valid UTF-8"),
            (&page, "an HTML or XML document, not CSV"),
            (
                &rejected,
                "every row is rejected; the first, row 2: lane “Kitchen”",
            ),
            (&dir.path().join("missing.csv"), "cannot be read"),
        ] {
            let err = ws.import_csv_file(file, &target, None).unwrap_err();
            assert!(
                err.message.starts_with(&file.display().to_string()) && err.message.contains(says),
                "{}",
                err.message
            );
        }
        assert_eq!(ws.model(), &before);
        assert!(!ws.status(None).can_undo);
    }

    #[test]
    fn tables_are_written_as_csv_and_never_over_a_file_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("team.throughline");
        let ws = OpenWorkspace::create_sample(&path).unwrap();
        let claim = ws.journeys()[0].id;
        let out = dir.path().join("steps.csv");
        let steps = CsvTable::Steps { journey: claim };
        let size = ws.export_csv(&steps, &out, false).unwrap();
        assert_eq!(std::fs::metadata(&out).unwrap().len(), size);
        assert!(ws.export_csv(&steps, &out, false).is_err());
        ws.export_csv(&CsvTable::Ownership, &out, true).unwrap();
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text
            .starts_with("\u{FEFF}journey,stage,lane,text,owner,owner's team,moment of truth\r\n"));
        assert_eq!(
            text.matches("\r\n").count(),
            1 + ws
                .model()
                .journeys
                .iter()
                .map(|j| j.steps.len())
                .sum::<usize>()
        );
        let err = ws
            .export_csv(&CsvTable::Ownership, &path, true)
            .unwrap_err();
        assert!(err.message.contains("is the open workspace itself"));
        let checks = String::from_utf8(ws.checks_csv(None)).unwrap();
        assert!(checks.starts_with("\u{FEFF}finding,journey,card or entity,message\r\n"));
        let groups = ws.checks(None);
        let findings: usize = groups.iter().map(|g| g.findings.len()).sum();
        assert_eq!(checks.matches("\r\n").count(), 1 + findings);
        let group = groups.iter().find(|g| !g.findings.is_empty()).unwrap();
        assert!(checks.contains(&format!("{},", group.slug)));
    }
}
