//! Journeys travelling in pictures: the package an export embeds, and the import that turns a picture
//! (dropped on the app, or given to `throughline import`) back into a journey of this workspace.

use throughline_core::package::{package, unpack, JourneyPackage, PackageError};
use throughline_core::Id;
use throughline_render::embed::{journey_in_picture, EmbedError};

use crate::{ApiError, EditResult, ErrorCode, OpenWorkspace};

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
    /// The journey packed with what it refers to, as JSON: what an export embeds. The same journey
    /// always gives the same text, so exports stay byte-identical.
    pub fn package_json(&self, journey: Id) -> Result<String, ApiError> {
        package(self.model(), journey)
            .map(|p| p.to_json())
            .map_err(package_error)
    }

    /// Imports the journey embedded in a PNG or SVG picture as a new journey (entities matched by kind
    /// and name, created when missing), in one undoable edit. The result names the new journey. If the
    /// picture carries no journey, or a bad one, nothing changes.
    pub fn import_picture(&mut self, bytes: &[u8]) -> Result<EditResult, ApiError> {
        let pkg = journey_in_bytes(bytes)?;
        self.import_package(&pkg)
    }

    /// Imports a journey package (see [`OpenWorkspace::import_picture`]).
    pub fn import_package(&mut self, pkg: &JourneyPackage) -> Result<EditResult, ApiError> {
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
}
