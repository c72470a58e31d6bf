//! Named versions of a workspace ("after workshop 2"): a name and a moment, with the whole workspace as
//! it was then stored beside it as its text form (deflated), so a version outlives the history's bound,
//! travels with Save a Copy, and reads back through the same checks as any text form.

use std::collections::BTreeMap;
use std::io::{Read, Write};

use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use flate2::Compression;
use serde::Serialize;
use throughline_core::text::{is_noncharacter, MAX_NAME_CHARS};
use throughline_core::text_form::{from_files, to_files, MAX_TOTAL_BYTES};
use throughline_core::validate::check_name;
use throughline_core::Workspace;
use throughline_store::VersionRow;
use ts_rs::TS;

use crate::history::format_time;
use crate::{ApiError, EditResult, ErrorCode, OpenWorkspace};

/// Most named versions one workspace keeps: one per workshop for years.
pub const MAX_VERSIONS: usize = 1_000;

/// Longest version name, in characters (as for every other name).
pub const MAX_VERSION_NAME_CHARS: usize = MAX_NAME_CHARS;

/// A named version as listed.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Version {
    /// Its id in this workspace file.
    #[ts(type = "number")]
    pub id: i64,
    /// Its name, unique in the workspace.
    pub name: String,
    /// When it was saved (unix ms).
    #[ts(type = "number")]
    pub at: i64,
    /// The history entry it was saved after (`None` with an empty history); the entry may since have
    /// left the history, the version stays.
    #[ts(type = "number | null")]
    pub seq: Option<i64>,
}

impl From<VersionRow> for Version {
    fn from(r: VersionRow) -> Self {
        Version {
            id: r.id,
            name: r.name,
            at: r.at,
            seq: r.seq,
        }
    }
}

/// Checks a version name and returns it trimmed: not empty, at most [`MAX_VERSION_NAME_CHARS`]
/// characters, and free of control characters and Unicode noncharacters (U+FFFE and the like), which
/// are refused rather than silently dropped so the name saved is the name typed.
pub fn check_version_name(name: &str) -> Result<String, ApiError> {
    let trimmed = name.trim();
    let invalid = |m: String| ApiError::new(ErrorCode::Invalid, m);
    if let Some(c) = trimmed
        .chars()
        .find(|c| c.is_control() || is_noncharacter(*c))
    {
        return Err(invalid(format!(
            "a version name is one line of visible text; it cannot hold the character U+{:04X} (a control character or noncharacter)",
            c as u32
        )));
    }
    check_name("version name", trimmed).map_err(|e| invalid(e.to_string()))?;
    Ok(trimmed.to_owned())
}

/// The stored form of a snapshot: its text form's files as one JSON object, deflated.
pub(crate) fn encode_snapshot(ws: &Workspace, name: &str) -> Result<Vec<u8>, ApiError> {
    let json = serde_json::to_vec(&to_files(ws, name))
        .map_err(|e| ApiError::new(ErrorCode::Invalid, e.to_string()))?;
    let mut z = ZlibEncoder::new(Vec::new(), Compression::default());
    z.write_all(&json)
        .and_then(|_| z.finish())
        .map_err(|e| ApiError::new(ErrorCode::Storage, format!("cannot pack a version: {e}")))
}

/// Reads a stored snapshot back, through every check of the text form; `what` names it in errors.
pub(crate) fn decode_snapshot(bytes: &[u8], what: &str) -> Result<Workspace, ApiError> {
    let damaged = |m: String| ApiError::new(ErrorCode::NotAWorkspace, format!("{what}: {m}"));
    let mut json = Vec::new();
    ZlibDecoder::new(bytes)
        .take(MAX_TOTAL_BYTES as u64 + 1)
        .read_to_end(&mut json)
        .map_err(|e| damaged(format!("the stored snapshot cannot be unpacked: {e}")))?;
    if json.len() > MAX_TOTAL_BYTES {
        return Err(damaged(format!(
            "the stored snapshot is over {MAX_TOTAL_BYTES} bytes"
        )));
    }
    let files: BTreeMap<String, String> = serde_json::from_slice(&json)
        .map_err(|e| damaged(format!("the stored snapshot is not a text form: {e}")))?;
    from_files(&files)
        .map(|(ws, _)| ws)
        .map_err(|e| damaged(format!("the stored snapshot is damaged: {e}")))
}

impl OpenWorkspace {
    /// Saves the workspace as it is now as a named version. Refused with a clear error when the name
    /// is empty, too long, holds a control character or noncharacter, or is taken, or when the
    /// workspace already has [`MAX_VERSIONS`] versions.
    pub fn save_version(&mut self, name: &str) -> Result<Version, ApiError> {
        self.refuse_if_read_only()?;
        let name = check_version_name(name)?;
        let existing = self.versions()?;
        self.refuse_taken(&existing, &name, None)?;
        if existing.len() >= MAX_VERSIONS {
            return Err(ApiError::new(
                ErrorCode::Invalid,
                format!(
                    "a workspace keeps at most {MAX_VERSIONS} named versions; delete one first"
                ),
            ));
        }
        let snapshot = encode_snapshot(self.model(), &name)?;
        let at = throughline_store::now_ms();
        let seq = self.store().newest_applied()?;
        let id = self.store_mut().insert_version(&name, at, seq, &snapshot)?;
        Ok(Version { id, name, at, seq })
    }

    /// Every named version, oldest first.
    pub fn versions(&self) -> Result<Vec<Version>, ApiError> {
        Ok(self
            .store()
            .versions()?
            .into_iter()
            .map(Version::from)
            .collect())
    }

    /// Renames a version (found by name or id), with the same rules as [`OpenWorkspace::save_version`].
    pub fn rename_version(
        &mut self,
        name_or_id: &str,
        new_name: &str,
    ) -> Result<Version, ApiError> {
        self.refuse_if_read_only()?;
        let new_name = check_version_name(new_name)?;
        let existing = self.versions()?;
        let mut version = find_version(&existing, name_or_id)?.clone();
        self.refuse_taken(&existing, &new_name, Some(version.id))?;
        self.store_mut().rename_version(version.id, &new_name)?;
        version.name = new_name;
        Ok(version)
    }

    /// Deletes a version (found by name or id); the history and the workspace are not touched.
    pub fn delete_version(&mut self, name_or_id: &str) -> Result<Version, ApiError> {
        self.refuse_if_read_only()?;
        let version = find_version(&self.versions()?, name_or_id)?.clone();
        self.store_mut().delete_version(version.id)?;
        Ok(version)
    }

    /// The workspace as it was when a version (found by name or id) was saved.
    pub fn workspace_at_version(&self, name_or_id: &str) -> Result<Workspace, ApiError> {
        let version = find_version(&self.versions()?, name_or_id)?.clone();
        let bytes = self.store().version_snapshot(version.id)?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("no version \"{}\"", version.name),
            )
        })?;
        decode_snapshot(
            &bytes,
            &format!("{}: version \"{}\"", self.info().path, version.name),
        )
    }

    /// The workspace as a version (found by name or id) holds it, open in memory and read-only (see
    /// [`OpenWorkspace::view_at`]).
    pub fn view_at_version(&self, name_or_id: &str) -> Result<OpenWorkspace, ApiError> {
        OpenWorkspace::read_only_view(&self.workspace_at_version(name_or_id)?)
    }

    /// Brings the workspace back to a version (found by name or id) as one undoable edit described
    /// "restored the version of <name>".
    pub fn restore_version(&mut self, name_or_id: &str) -> Result<EditResult, ApiError> {
        let version = find_version(&self.versions()?, name_or_id)?.clone();
        let target = self.workspace_at_version(&version.id.to_string())?;
        self.restore_to(
            &target,
            &format!("restored the version of \"{}\"", version.name),
        )
    }

    /// Adds versions read from elsewhere (a text form) as they were, keeping their names and times.
    pub(crate) fn import_versions(
        &mut self,
        versions: &[(Version, Workspace)],
    ) -> Result<(), ApiError> {
        if versions.len() > MAX_VERSIONS {
            return Err(ApiError::new(
                ErrorCode::Invalid,
                format!(
                    "{} named versions; a workspace keeps at most {MAX_VERSIONS}",
                    versions.len()
                ),
            ));
        }
        for (v, ws) in versions {
            let snapshot = encode_snapshot(ws, &v.name)?;
            self.store_mut()
                .insert_version(&v.name, v.at, None, &snapshot)?;
        }
        Ok(())
    }

    fn refuse_taken(
        &self,
        existing: &[Version],
        name: &str,
        except: Option<i64>,
    ) -> Result<(), ApiError> {
        if let Some(v) = existing
            .iter()
            .find(|v| Some(v.id) != except && v.name.to_lowercase() == name.to_lowercase())
        {
            return Err(ApiError::new(
                ErrorCode::Invalid,
                format!(
                    "a version named \"{}\" already exists (saved {}); choose another name",
                    v.name,
                    format_time(v.at)
                ),
            ));
        }
        Ok(())
    }
}

/// The version named `name_or_id` (exactly, then ignoring case), or with that id.
pub(crate) fn find_version<'a>(
    versions: &'a [Version],
    name_or_id: &str,
) -> Result<&'a Version, ApiError> {
    let lower = name_or_id.trim().to_lowercase();
    versions
        .iter()
        .find(|v| v.name == name_or_id.trim())
        .or_else(|| versions.iter().find(|v| v.name.to_lowercase() == lower))
        .or_else(|| {
            name_or_id
                .trim()
                .parse::<i64>()
                .ok()
                .and_then(|id| versions.iter().find(|v| v.id == id))
        })
        .ok_or_else(|| {
            let names: Vec<String> = versions.iter().map(|v| format!("\"{}\"", v.name)).collect();
            ApiError::new(
                ErrorCode::NotFound,
                if names.is_empty() {
                    format!("no version \"{name_or_id}\": the workspace has no named versions")
                } else {
                    format!(
                        "no version \"{name_or_id}\"; the versions are {}",
                        names.join(", ")
                    )
                },
            )
        })
}
