//! Journeys travelling in pictures: the package an export embeds, and the import that turns a picture
//! (dropped on the app, or given to `throughline import`) back into a journey of this workspace.

use std::io::Read;
use std::path::Path;

use throughline_core::package::{package, unpack, JourneyPackage, PackageError};
use throughline_core::Id;
use throughline_render::embed::{journey_in_picture, EmbedError};

use crate::{ApiError, EditResult, ErrorCode, OpenWorkspace};

/// Largest picture file read for import, in bytes: the most a package may hold
/// ([`throughline_core::package::MAX_PACKAGE_BYTES`], 64 MiB), since a picture carrying a bigger one
/// would be refused anyway. Checked from the file's length before reading, and again while reading.
pub const MAX_PICTURE_BYTES: u64 = 64 << 20;

/// Most cards one import brings in: ten times the biggest blueprint the app is measured drawing, and
/// what a picture within [`MAX_PICTURE_BYTES`] can hold with room to spare (a card takes 200–400
/// bytes of package). Imported in a few seconds; a bigger journey is refused before anything changes.
pub const MAX_IMPORT_CARDS: usize = 200_000;

/// Most records one import brings in: stages, lanes, cards, links and entities together.
pub const MAX_IMPORT_RECORDS: usize = 1_000_000;

/// Refuses a package bigger than [`MAX_IMPORT_CARDS`] or [`MAX_IMPORT_RECORDS`], saying which.
fn check_size(pkg: &JourneyPackage) -> Result<(), ApiError> {
    let j = &pkg.journey;
    let records =
        1 + j.stages.len() + j.lanes.len() + j.steps.len() + pkg.links.len() + pkg.entities.len();
    let over = |what: &str, n: usize, max: usize| {
        Err(ApiError::new(
            ErrorCode::Invalid,
            format!(
                "the embedded journey has {n} {what}, more than the {max} one import may bring in"
            ),
        ))
    };
    if j.steps.len() > MAX_IMPORT_CARDS {
        return over("cards", j.steps.len(), MAX_IMPORT_CARDS);
    }
    if records > MAX_IMPORT_RECORDS {
        return over(
            "records (stages, lanes, cards, links and entities)",
            records,
            MAX_IMPORT_RECORDS,
        );
    }
    Ok(())
}

/// The bytes of the picture file at `path`, refused without reading it when it is larger than
/// [`MAX_PICTURE_BYTES`] (a file that grows while it is read is cut off at the limit and refused too),
/// so a huge file costs neither time nor memory.
pub fn read_picture(path: &Path) -> Result<Vec<u8>, ApiError> {
    let shown = path.display();
    let unreadable = |e: std::io::Error| {
        let code = if e.kind() == std::io::ErrorKind::NotFound {
            ErrorCode::NotFound
        } else {
            ErrorCode::Storage
        };
        ApiError::new(code, format!("{shown}: cannot be read: {e}"))
    };
    let too_big = |len: u64| {
        ApiError::new(
            ErrorCode::Invalid,
            format!(
                "{shown}: {} MB is more than the {} MB a picture to import may be",
                len.div_ceil(1 << 20),
                MAX_PICTURE_BYTES >> 20
            ),
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(ApiError::new(
            ErrorCode::Invalid,
            format!("{shown}: not a file, so not a picture"),
        ));
    }
    if meta.len() > MAX_PICTURE_BYTES {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_PICTURE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_PICTURE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// What [`journey_in_bytes`] says of a picture exported without its journey (or by another program).
pub const NO_JOURNEY: &str = "no Throughline journey is embedded in this picture";

fn package_error(e: PackageError) -> ApiError {
    let code = match e {
        PackageError::NoJourney => ErrorCode::NotFound,
        PackageError::Newer(_) => ErrorCode::NewerVersion,
        PackageError::Malformed(_) | PackageError::Inconsistent(_) => ErrorCode::Invalid,
    };
    ApiError::new(code, e.to_string())
}

/// The journey package embedded in a PNG or SVG picture, recognised by content. A picture without
/// one, a file that is no picture and a damaged package are each refused with their own message.
pub fn journey_in_bytes(bytes: &[u8]) -> Result<JourneyPackage, ApiError> {
    let json = journey_in_picture(bytes)
        .map_err(|e| {
            let message = match e {
                EmbedError::NotAPicture => {
                    "not a PNG or SVG picture, so no Throughline journey can be in it".to_owned()
                }
                e => e.to_string(),
            };
            ApiError::new(ErrorCode::Invalid, message)
        })?
        .ok_or_else(|| ApiError::new(ErrorCode::Invalid, NO_JOURNEY))?;
    JourneyPackage::from_json(&json).map_err(package_error)
}

impl OpenWorkspace {
    /// The journey packed with what it refers to, comments included, as JSON. The same journey always
    /// gives the same text, so exports stay byte-identical.
    pub fn package_json(&self, journey: Id) -> Result<String, ApiError> {
        self.picture_package_json(journey, true)
    }

    /// The package a picture of `journey` carries: without its comments unless the export shows
    /// them, since comments leave the workspace only when asked.
    pub(crate) fn picture_package_json(
        &self,
        journey: Id,
        with_comments: bool,
    ) -> Result<String, ApiError> {
        let mut pkg = package(self.model(), journey).map_err(package_error)?;
        if !with_comments {
            pkg.journey.comments.clear();
        }
        Ok(pkg.to_json())
    }

    /// Imports the journey embedded in a PNG or SVG picture as a new journey (entities matched by kind
    /// and name, created when missing), in one undoable edit. The result names the new journey. If the
    /// picture carries no journey, or a bad one, nothing changes.
    pub fn import_picture(&mut self, bytes: &[u8]) -> Result<EditResult, ApiError> {
        let pkg = journey_in_bytes(bytes)?;
        self.import_package(&pkg)
    }

    /// Imports the journey embedded in the picture file at `path` (see [`OpenWorkspace::import_picture`]),
    /// read within [`MAX_PICTURE_BYTES`]; errors name the file.
    pub fn import_picture_file(&mut self, path: &Path) -> Result<EditResult, ApiError> {
        let bytes = read_picture(path)?;
        self.import_picture(&bytes).map_err(|e| ApiError {
            message: format!("{}: {}", path.display(), e.message),
            ..e
        })
    }

    /// Imports a journey package (see [`OpenWorkspace::import_picture`]).
    pub fn import_package(&mut self, pkg: &JourneyPackage) -> Result<EditResult, ApiError> {
        check_size(pkg)?;
        let edit = unpack(self.model(), pkg, Id::new()).map_err(package_error)?;
        self.apply(&edit).map_err(|e| ApiError {
            message: format!("the embedded journey cannot be imported: {}", e.message),
            ..e
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ExportFormat;
    use throughline_core::sample::sample_workspace;

    #[test]
    fn pictures_without_a_journey_are_refused_and_change_nothing() {
        let mut ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let j = ws.journeys()[0].id;
        let before = ws.model().clone();
        let plain = ws.svg(j).unwrap();
        let pdf = ws.export(j, ExportFormat::Pdf, 1.0).unwrap();
        for (bytes, says) in [
            (plain.as_bytes(), NO_JOURNEY),
            (&pdf[..], "not a PNG or SVG"),
            (b"<svg><metadata>".as_slice(), "cannot be read"),
        ] {
            let err = ws.import_picture(bytes).unwrap_err();
            assert!(err.message.contains(says), "{}", err.message);
            assert_eq!(err.code, ErrorCode::Invalid);
        }
        assert_eq!(ws.model(), &before);
        assert!(!ws.status(None).can_undo);
    }

    #[test]
    fn packages_over_the_record_limits_are_refused() {
        let mut ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let j = ws.journeys()[0].id;
        let mut pkg = JourneyPackage::from_json(&ws.package_json(j).unwrap()).unwrap();
        let before = ws.model().clone();
        let card = pkg.journey.steps[0].clone();
        let mut big = pkg.clone();
        big.journey.steps = vec![card; MAX_IMPORT_CARDS + 1];
        let err = ws.import_package(&big).unwrap_err();
        assert!(
            err.message.contains("200001 cards, more than the 200000"),
            "{}",
            err.message
        );
        let link = pkg.links[0].clone();
        pkg.links = vec![link; MAX_IMPORT_RECORDS];
        let err = ws.import_package(&pkg).unwrap_err();
        assert!(err.message.contains("records"), "{}", err.message);
        assert_eq!(ws.model(), &before);
    }

    #[test]
    fn huge_files_are_refused_before_reading() {
        let mut ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let before = ws.model().clone();
        let dir = tempfile::tempdir().unwrap();
        let huge = dir.path().join("huge.svg");
        let file = std::fs::File::create(&huge).unwrap();
        file.set_len(100 << 20).unwrap();
        let started = std::time::Instant::now();
        let err = ws.import_picture_file(&huge).unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_millis(200));
        assert_eq!(err.code, ErrorCode::Invalid);
        assert!(err.message.contains("huge.svg"), "{}", err.message);
        assert!(
            err.message.contains("100 MB is more than the 64 MB"),
            "{}",
            err.message
        );
        let limit = dir.path().join("limit.svg");
        std::fs::File::create(&limit)
            .unwrap()
            .set_len(MAX_PICTURE_BYTES)
            .unwrap();
        assert!(ws
            .import_picture_file(&limit)
            .unwrap_err()
            .message
            .contains("not a PNG or SVG"));
        let missing = ws
            .import_picture_file(&dir.path().join("gone.png"))
            .unwrap_err();
        assert_eq!(missing.code, ErrorCode::NotFound);
        for endless in [dir.path(), Path::new("/dev/zero")] {
            let err = ws.import_picture_file(endless).unwrap_err();
            assert!(err.message.contains("not a file"), "{}", err.message);
        }
        assert_eq!(ws.model(), &before);
    }
}
