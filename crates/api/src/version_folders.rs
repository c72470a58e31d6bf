//! Named versions in the text form: each version is a folder `versions/<slug>/` laid out like the main
//! folder (`workspace.json` naming the version, `entities.json`, `journeys/`), plus `version.json`
//! saying which version it is and when it was saved. Git keeps them with the rest; opening the text
//! form reads them back through the same checks as the main folder.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};
use throughline_core::text_form::{slug, MAX_FILE_BYTES};
use throughline_core::Workspace;

use crate::history::format_time;
use crate::text_form::{open_text, read_capped, save_text, storage};
use crate::versions::{check_version_name, MAX_VERSIONS};
use crate::{write_atomically, ApiError, ErrorCode, OpenWorkspace, TextSaved, Version};

/// The folder of version folders inside a text form.
pub const VERSIONS_DIR: &str = "versions";

/// The file in each version folder that says which version it holds.
pub const VERSION_FILE: &str = "version.json";

/// What `version.json` says it is, so another program's file is not taken for one.
const VERSION_FORMAT: &str = "throughline-version";

/// The contents of `version.json`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct VersionFile {
    format: String,
    name: String,
    /// When it was saved, unix ms.
    saved_at: i64,
    /// The same moment for people reading the file.
    saved: String,
}

/// Writes every version of `ws` into `dir/versions/`, and removes version folders (those holding a
/// `version.json`) of versions the workspace no longer has. Returns what it wrote.
pub(crate) fn write_versions(ws: &OpenWorkspace, dir: &Path) -> Result<TextSaved, ApiError> {
    let mut saved = TextSaved::default();
    let root = dir.join(VERSIONS_DIR);
    let versions = ws.versions()?;
    let mut used = HashSet::new();
    for v in &versions {
        let base = match slug(&v.name) {
            s if s.is_empty() => "version".to_owned(),
            s => s,
        };
        let folder = if used.contains(&base) {
            format!("{base}-{}", v.id)
        } else {
            base
        };
        used.insert(folder.clone());
        let snapshot = ws.workspace_at_version(&v.id.to_string())?;
        let at = root.join(&folder);
        let done = save_text(&snapshot, &v.name, &at, false)?;
        saved.written += done.written;
        saved.unchanged += done.unchanged;
        saved.removed += done.removed;
        let file = VersionFile {
            format: VERSION_FORMAT.to_owned(),
            name: v.name.clone(),
            saved_at: v.at,
            saved: format_time(v.at),
        };
        let text = serde_json::to_string_pretty(&file).expect("plain data serialises") + "\n";
        let path = at.join(VERSION_FILE);
        if std::fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
            saved.unchanged += 1;
        } else {
            write_atomically(&path, text.as_bytes(), true)?;
            saved.written += 1;
        }
    }
    if root.is_dir() {
        for entry in std::fs::read_dir(&root).map_err(|e| storage(&root, "list", e))? {
            let entry = entry.map_err(|e| storage(&root, "list", e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let stale = entry.path().join(VERSION_FILE).is_file() && !used.contains(&name);
            if stale {
                std::fs::remove_dir_all(entry.path())
                    .map_err(|e| storage(&entry.path(), "remove", e))?;
                saved.removed += 1;
            }
        }
    }
    Ok(saved)
}

/// Reads the version folders of the text form in `dir` (none when it has no `versions/`), oldest
/// first. A folder that is not a version, a damaged `version.json` or version text form, or two
/// folders of one name are refused naming the file.
pub fn read_versions(dir: &Path) -> Result<Vec<(Version, Workspace)>, ApiError> {
    let root = dir.join(VERSIONS_DIR);
    if !root.is_dir() {
        return Ok(Vec::new());
    }
    let mut folders: Vec<_> = std::fs::read_dir(&root)
        .map_err(|e| storage(&root, "list", e))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(|e| storage(&root, "list", e))?;
    folders.sort();
    if folders.len() > MAX_VERSIONS {
        return Err(ApiError::new(
            ErrorCode::NotAWorkspace,
            format!(
                "{}: {} folders; a workspace keeps at most {MAX_VERSIONS} named versions",
                root.display(),
                folders.len()
            ),
        ));
    }
    let mut out: Vec<(Version, Workspace)> = Vec::new();
    for folder in folders {
        let hidden = folder
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        let path = folder.join(VERSION_FILE);
        let bad =
            |m: String| ApiError::new(ErrorCode::NotAWorkspace, format!("{}: {m}", path.display()));
        if !folder.is_dir() {
            return Err(ApiError::new(
                ErrorCode::NotAWorkspace,
                format!(
                    "{}: not a version folder; {VERSIONS_DIR}/ holds only one folder per named version (move it out)",
                    folder.display()
                ),
            ));
        }
        if !path.is_file() {
            return Err(bad(format!(
                "missing; every folder in {VERSIONS_DIR}/ is a named version with a {VERSION_FILE} (move anything else out)"
            )));
        }
        let bytes = read_capped(&path, MAX_FILE_BYTES)?;
        let file: VersionFile = serde_json::from_slice(&bytes).map_err(|e| {
            bad(format!(
                "not a version file: {e}; expected {{\"format\": \"{VERSION_FORMAT}\", \"name\", \"saved_at\", \"saved\"}}"
            ))
        })?;
        if file.format != VERSION_FORMAT {
            return Err(bad(format!(
                "format is \"{}\"; expected \"{VERSION_FORMAT}\"",
                file.format
            )));
        }
        let name = check_version_name(&file.name).map_err(|e| bad(e.message))?;
        if out
            .iter()
            .any(|(v, _)| v.name.to_lowercase() == name.to_lowercase())
        {
            return Err(bad(format!("a second version named \"{name}\"")));
        }
        let (ws, _) = open_text(&folder)?;
        out.push((
            Version {
                id: out.len() as i64 + 1,
                name,
                at: file.saved_at,
                seq: None,
            },
            ws,
        ));
    }
    out.sort_by_key(|(v, _)| v.at);
    Ok(out)
}

impl OpenWorkspace {
    /// Saves this workspace as a text form in `dir` under its file's name, with its named versions in
    /// `versions/` (see [`crate::save_text`]).
    pub fn save_text(&self, dir: &Path, force: bool) -> Result<TextSaved, ApiError> {
        let mut saved = save_text(self.model(), &self.info().name, dir, force)?;
        let versions = write_versions(self, dir)?;
        saved.written += versions.written;
        saved.unchanged += versions.unchanged;
        saved.removed += versions.removed;
        Ok(saved)
    }
}
