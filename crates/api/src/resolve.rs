//! `FILE@version`: a workspace named on a command line, as it is now or at one of its named versions.
//! FILE is a workspace file or a text-form folder; what follows the last `@` is a version's name (or
//! id). A path that exists as written is taken whole, so a file whose name holds an `@` still works.

use std::path::{Path, PathBuf};

use throughline_core::Workspace;

use crate::versions::find_version;
use crate::{open_text, read_text_versions, ApiError, ErrorCode, OpenWorkspace, Version};

/// The workspace `spec` names: `FILE` or `FOLDER` as it is now, `FILE@version` or `FOLDER@version` as
/// that named version holds it. Files are only read.
pub fn resolve_at(spec: &str) -> Result<Workspace, ApiError> {
    let (path, version) = split_version_spec(spec);
    if !path.exists() {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            format!(
                "{spec}: no such workspace file or text-form folder (write FILE or FILE@version)"
            ),
        ));
    }
    let Some(version) = version else {
        return current(&path);
    };
    let path = path.as_path();
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

/// Splits `FILE@version` into the file and the version's name. A path that exists as typed is a path
/// even when it holds an `@`, so only `name@version` forms of paths that do not exist are split.
pub fn split_version_spec(spec: &str) -> (PathBuf, Option<&str>) {
    if Path::new(spec).exists() {
        return (PathBuf::from(spec), None);
    }
    match spec.rsplit_once('@') {
        Some((file, version)) if !file.is_empty() && !version.is_empty() => {
            (PathBuf::from(file), Some(version))
        }
        _ => (PathBuf::from(spec), None),
    }
}

fn current(path: &Path) -> Result<Workspace, ApiError> {
    if path.is_dir() {
        Ok(open_text(path)?.0)
    } else {
        Ok(OpenWorkspace::open_read_only(path)?.model().clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_is_split_from_its_file_only_when_the_path_does_not_exist() {
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join("team@2026.throughline");
        std::fs::write(&odd, b"").unwrap();
        let typed = odd.to_str().unwrap();
        assert_eq!(split_version_spec(typed), (odd.clone(), None));
        let missing = format!(
            "{}@after workshop 2",
            dir.path().join("hotel.throughline").display()
        );
        assert_eq!(
            split_version_spec(&missing),
            (
                dir.path().join("hotel.throughline"),
                Some("after workshop 2")
            )
        );
        assert_eq!(split_version_spec("plain").1, None);
        assert_eq!(split_version_spec("trailing@").1, None);
    }
}
