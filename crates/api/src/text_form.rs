//! The text form on disk: a workspace saved to, and opened from, a folder a team keeps in Git (see
//! [`throughline_core::text_form`] for the layout). Saving writes each file through a temporary file and
//! a rename, removes the files of journeys that are gone, and touches nothing else in the folder, which
//! may be a Git repository. Opening reads only what the text form holds, with every size capped before
//! it is read.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use throughline_core::text_form::{
    from_files, to_files, TextFormError, TextFormErrorKind, ENTITIES_FILE, JOURNEYS_DIR,
    MAX_FILE_BYTES, MAX_TOTAL_BYTES, TEXT_FORMAT, TEXT_VERSION, WORKSPACE_FILE,
};
use throughline_core::Workspace;

use crate::{write_atomically, ApiError, ErrorCode, OpenWorkspace};

/// What [`save_text`] did, for a client to report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextSaved {
    /// Files written because they were new or changed.
    pub written: usize,
    /// Files already holding exactly what would be written, left alone.
    pub unchanged: usize,
    /// Files of journeys no longer in the workspace, removed.
    pub removed: usize,
}

pub(crate) fn storage(path: &Path, doing: &str, e: std::io::Error) -> ApiError {
    ApiError::new(
        ErrorCode::Storage,
        format!("{}: cannot {doing}: {e}", path.display()),
    )
}

/// Saves `model`, named `name`, as a text form in `dir`. The folder is created if missing. An existing
/// folder is written into only when it already holds a text form this Throughline can read, or holds
/// nothing but hidden entries (a fresh `git init` folder); otherwise `force` is needed. Only
/// `workspace.json`, `entities.json` and `journeys/*.json` are ever written or removed.
pub fn save_text(
    model: &Workspace,
    name: &str,
    dir: &Path,
    force: bool,
) -> Result<TextSaved, ApiError> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(ApiError::new(
                ErrorCode::Invalid,
                format!("{}: is a file, not a folder", dir.display()),
            ));
        }
        if !force {
            check_destination(dir)?;
        }
    }
    let journeys = dir.join(JOURNEYS_DIR);
    std::fs::create_dir_all(&journeys).map_err(|e| storage(&journeys, "create the folder", e))?;
    let files = to_files(model, name);
    let mut saved = TextSaved::default();
    for (relative, text) in &files {
        let path = dir.join(relative);
        if std::fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
            saved.unchanged += 1;
        } else {
            write_atomically(&path, text.as_bytes(), true)?;
            saved.written += 1;
        }
    }
    for entry in std::fs::read_dir(&journeys).map_err(|e| storage(&journeys, "list", e))? {
        let entry = entry.map_err(|e| storage(&journeys, "list", e))?;
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let relative = format!("{JOURNEYS_DIR}/{file_name}");
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && file_name.ends_with(".json") && !files.contains_key(&relative) {
            std::fs::remove_file(entry.path()).map_err(|e| storage(&entry.path(), "remove", e))?;
            saved.removed += 1;
        }
    }
    Ok(saved)
}

/// Refuses a folder that holds something other than a text form this build can overwrite.
fn check_destination(dir: &Path) -> Result<(), ApiError> {
    let head = dir.join(WORKSPACE_FILE);
    if head.exists() {
        #[derive(serde::Deserialize)]
        struct Header {
            format: Option<String>,
            version: Option<u64>,
        }
        let header = read_capped(&head, MAX_FILE_BYTES)
            .ok()
            .and_then(|b| serde_json::from_slice::<Header>(&b).ok());
        return match header {
            Some(Header {
                format: Some(f),
                version: Some(v),
            }) if f == TEXT_FORMAT && v <= u64::from(TEXT_VERSION) => Ok(()),
            Some(Header {
                format: Some(f),
                version: Some(v),
            }) if f == TEXT_FORMAT => Err(ApiError::new(
                ErrorCode::NewerVersion,
                format!(
                    "{}: holds a text form written by a newer Throughline (version {v}); saving would lose what it added; use --force to overwrite it",
                    dir.display()
                ),
            )),
            _ => Err(ApiError::new(
                ErrorCode::Invalid,
                format!(
                    "{}: its workspace.json is not a Throughline text form; use --force to write into this folder anyway",
                    dir.display()
                ),
            )),
        };
    }
    let listing = std::fs::read_dir(dir).map_err(|e| storage(dir, "list", e))?;
    for entry in listing {
        let entry = entry.map_err(|e| storage(dir, "list", e))?;
        if !entry.file_name().to_string_lossy().starts_with('.') {
            return Err(ApiError::new(
                ErrorCode::Invalid,
                format!(
                    "{}: the folder holds other files (\"{}\") and no Throughline text form; use --force to write into it anyway",
                    dir.display(),
                    entry.file_name().to_string_lossy()
                ),
            ));
        }
    }
    Ok(())
}

/// Reads at most `limit` bytes of `path`, refusing a larger file before reading it.
pub(crate) fn read_capped(path: &Path, limit: usize) -> Result<Vec<u8>, ApiError> {
    let file = std::fs::File::open(path).map_err(|e| storage(path, "be read", e))?;
    let len = file
        .metadata()
        .map_err(|e| storage(path, "be read", e))?
        .len();
    let too_big = || {
        ApiError::new(
            ErrorCode::NotAWorkspace,
            format!(
                "{}: over {limit} bytes, more than a text form file may hold",
                path.display()
            ),
        )
    };
    if len > limit as u64 {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| storage(path, "be read", e))?;
    if bytes.len() > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Opens the text form in `dir`: the workspace (checked against every rule of the model) and its name.
/// Hidden files (a `.gitkeep`) are ignored; any other file in `journeys/` that is not a `*.json` file is
/// refused by name, so a stray file is noticed rather than skipped.
pub fn open_text(dir: &Path) -> Result<(Workspace, String), ApiError> {
    if !dir.is_dir() {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            format!("{}: no such folder", dir.display()),
        ));
    }
    if !dir.join(WORKSPACE_FILE).is_file() {
        return Err(ApiError::new(
            ErrorCode::NotAWorkspace,
            format!(
                "{}: has no {WORKSPACE_FILE}, so it holds no Throughline text form",
                dir.display()
            ),
        ));
    }
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut total = 0usize;
    let mut add = |relative: String, path: &Path| -> Result<(), ApiError> {
        let bytes = read_capped(path, MAX_FILE_BYTES)?;
        total += bytes.len();
        if total > MAX_TOTAL_BYTES {
            return Err(ApiError::new(
                ErrorCode::NotAWorkspace,
                format!(
                    "{}: the text form is over {MAX_TOTAL_BYTES} bytes, the limit",
                    dir.display()
                ),
            ));
        }
        files.insert(relative, bytes);
        Ok(())
    };
    for name in [WORKSPACE_FILE, ENTITIES_FILE] {
        let path = dir.join(name);
        if path.exists() {
            add(name.to_owned(), &path)?;
        }
    }
    let journeys = dir.join(JOURNEYS_DIR);
    // Git keeps no empty folders, so a workspace without journeys may come back without `journeys/`.
    if journeys.exists() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&journeys)
            .map_err(|e| storage(&journeys, "list", e))?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .map_err(|e| storage(&journeys, "list", e))?;
        entries.sort();
        for path in entries {
            let file_name = path.file_name().unwrap_or_default().to_string_lossy();
            if file_name.starts_with('.') {
                continue;
            }
            let is_json_file = path.is_file()
                && path.extension().is_some_and(|e| e == "json")
                && path.file_name().and_then(|n| n.to_str()).is_some();
            if !is_json_file {
                return Err(ApiError::new(
                    ErrorCode::NotAWorkspace,
                    format!(
                        "{}: not a journey file; {JOURNEYS_DIR}/ holds only <name>.json files (move it out of the folder)",
                        path.display()
                    ),
                ));
            }
            add(format!("{JOURNEYS_DIR}/{file_name}"), &path)?;
        }
    }
    from_files(&files).map_err(|e| text_form_error(dir, e))
}

fn text_form_error(dir: &Path, e: TextFormError) -> ApiError {
    let code = match e.kind {
        TextFormErrorKind::Newer => ErrorCode::NewerVersion,
        TextFormErrorKind::Foreign | TextFormErrorKind::Invalid => ErrorCode::NotAWorkspace,
    };
    ApiError::new(code, format!("{}/{e}", dir.display()))
}

/// Writes `model` as a new workspace file at `path`. An existing file is replaced only with `force`,
/// and never while a window has it open; the new file is made beside it and renamed over it, so
/// `path` holds either the old workspace or the whole new one.
pub fn create_workspace_file(path: &Path, model: &Workspace, force: bool) -> Result<(), ApiError> {
    create_workspace_file_with_versions(path, model, &[], force)
}

/// [`create_workspace_file`] that also stores named versions (as read by
/// [`crate::read_text_versions`]) in the new file.
pub fn create_workspace_file_with_versions(
    path: &Path,
    model: &Workspace,
    versions: &[(crate::Version, Workspace)],
    force: bool,
) -> Result<(), ApiError> {
    let create = |at: &Path| -> Result<(), ApiError> {
        let mut ws = OpenWorkspace::create_from(at, model)?;
        ws.import_versions(versions)?;
        Ok(())
    };
    if !path.exists() {
        return create(path);
    }
    if !force {
        return Err(ApiError::new(
            ErrorCode::Invalid,
            format!(
                "{}: a file is already there; use --force to replace it",
                path.display()
            ),
        ));
    }
    let _lock = throughline_store::EditLock::acquire(path)?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let scratch = tempfile::Builder::new()
        .prefix(".throughline-")
        .tempdir_in(dir)
        .map_err(|e| storage(dir, "make a temporary folder", e))?;
    let fresh = scratch.path().join("new.throughline");
    create(&fresh)?;
    let wal = |p: &Path| {
        let mut s = p.as_os_str().to_owned();
        s.push("-wal");
        PathBuf::from(s)
    };
    if wal(&fresh).metadata().is_ok_and(|m| m.len() > 0) {
        return Err(ApiError::new(
            ErrorCode::Storage,
            format!(
                "{}: the new workspace could not be finished",
                path.display()
            ),
        ));
    }
    // A log left by a crash belongs to the file being replaced; SQLite must not replay it into the new one.
    for suffix in ["-wal", "-shm"] {
        let mut stale = path.as_os_str().to_owned();
        stale.push(suffix);
        let stale = PathBuf::from(stale);
        if stale.exists() {
            std::fs::remove_file(&stale).map_err(|e| storage(&stale, "remove", e))?;
        }
    }
    std::fs::rename(&fresh, path).map_err(|e| storage(path, "be replaced", e))?;
    Ok(())
}
