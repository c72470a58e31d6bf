//! `FILE@version`: a workspace named on a command line, as it is now or at one of its named versions.
//! FILE is a workspace file or a text-form folder; what follows the last `@` is a version's name (or
//! id). A path that exists as written is taken whole, so a file whose name holds an `@` still works.

use std::path::Path;

use throughline_core::Workspace;

use crate::versions::find_version;
use crate::{open_text, read_text_versions, ApiError, ErrorCode, OpenWorkspace, Version};

/// The workspace `spec` names: `FILE` or `FOLDER` as it is now, `FILE@version` or `FOLDER@version` as
/// that named version holds it. Files are only read.
pub fn resolve_at(spec: &str) -> Result<Workspace, ApiError> {
    let whole = Path::new(spec);
    if whole.exists() {
        return current(whole);
    }
    let Some((path, version)) = spec.rsplit_once('@').filter(|(p, _)| Path::new(p).exists()) else {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            format!(
                "{spec}: no such workspace file or text-form folder (write FILE or FILE@version)"
            ),
        ));
    };
    let path = Path::new(path);
    if path.is_dir() {
        let versions = read_text_versions(path)?;
        let listed: Vec<Version> = versions.iter().map(|(v, _)| v.clone()).collect();
        let wanted = find_version(&listed, version)
            .map_err(|e| ApiError::new(e.code, format!("{}: {}", path.display(), e.message)))?;
        let at = listed
            .iter()
            .position(|v| v.id == wanted.id)
            .expect("found in this list");
        Ok(versions.into_iter().nth(at).expect("same length").1)
    } else {
        OpenWorkspace::open_read_only(path)?
            .workspace_at_version(version)
            .map_err(
                |e| match e.message.starts_with(&path.display().to_string()) {
                    true => e,
                    false => ApiError::new(e.code, format!("{}: {}", path.display(), e.message)),
                },
            )
    }
}

fn current(path: &Path) -> Result<Workspace, ApiError> {
    if path.is_dir() {
        Ok(open_text(path)?.0)
    } else {
        Ok(OpenWorkspace::open_read_only(path)?.model().clone())
    }
}
