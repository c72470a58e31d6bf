//! Writing an exported file: never over a workspace, never over another file unless asked, and never
//! half-written under the final name.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use throughline_store::APPLICATION_ID;

use crate::{ApiError, ErrorCode};

/// Files SQLite keeps beside a database while it is open; replacing one corrupts the workspace.
const SIDECARS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Refuses `path` as the target of a write: always when it is a Throughline workspace, the companion
/// file of one, or the same file as `workspace` (whatever name it is reached by: a symbolic or hard
/// link, a relative path); and when any other file is there unless `force`.
pub fn check_target(path: &Path, force: bool, workspace: Option<&Path>) -> Result<(), ApiError> {
    let shown = path.display();
    let refuse = |why: &str| {
        Err(ApiError::new(
            ErrorCode::Invalid,
            format!("{shown}: {why}; an export never replaces a workspace, so choose another file"),
        ))
    };
    if let Some(ws) = workspace {
        if is_same_file(path, ws) {
            return refuse("is the workspace being exported");
        }
        if SIDECARS
            .iter()
            .any(|s| is_same_file(path, &with_suffix(ws, s)))
        {
            return refuse("is a file SQLite keeps beside the workspace being exported");
        }
    }
    if is_workspace(path) {
        return refuse("is a Throughline workspace");
    }
    if let Some(base) = SIDECARS.iter().find_map(|s| {
        let name = path.file_name()?.to_str()?;
        name.strip_suffix(s).map(|b| path.with_file_name(b))
    }) {
        if is_workspace(&base) {
            return refuse("is a file SQLite keeps beside a Throughline workspace");
        }
    }
    if path.symlink_metadata().is_ok() && !force {
        return Err(ApiError::new(
            ErrorCode::Invalid,
            format!("{shown}: a file is already there; use --force to replace it"),
        ));
    }
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so the final name
/// holds either the whole new file or what was there before. Refuses what [`check_target`] refuses
/// (with no workspace of its own to spare). The new file gets the permissions a newly created file gets
/// (0644 under the usual umask 022), or those of the file it replaces.
pub fn write_atomically(path: &Path, bytes: &[u8], force: bool) -> Result<(), ApiError> {
    write_export(path, bytes, force, None)
}

/// [`write_atomically`], never over `workspace` (the workspace being exported) or its companion files.
pub fn write_export(
    path: &Path,
    bytes: &[u8],
    force: bool,
    workspace: Option<&Path>,
) -> Result<(), ApiError> {
    check_target(path, force, workspace)?;
    let shown = path.display();
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let storage = |e: std::io::Error| {
        ApiError::new(ErrorCode::Storage, format!("{shown}: cannot write: {e}"))
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".throughline-");
    // Read and write for everyone, as `File::create` asks, so the umask takes away what the user
    // wants taken away, as for any new file (the temporary file's own default is owner-only).
    #[cfg(unix)]
    builder
        .permissions(<std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o666));
    let mut tmp = builder.tempfile_in(&dir).map_err(storage)?;
    if force {
        if let Ok(old) = std::fs::metadata(path) {
            tmp.as_file()
                .set_permissions(old.permissions())
                .map_err(storage)?;
        }
    }
    tmp.write_all(bytes).map_err(storage)?;
    tmp.as_file().sync_all().map_err(storage)?;
    if force {
        tmp.persist(path).map_err(|e| storage(e.error))?;
    } else {
        // Not even a file made meanwhile by someone else is replaced.
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                ApiError::new(
                    ErrorCode::Invalid,
                    format!("{shown}: a file is already there; use --force to replace it"),
                )
            } else {
                storage(e.error)
            }
        })?;
    }
    Ok(())
}

/// `path` with `suffix` appended to its file name (`w.throughline` → `w.throughline-wal`).
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether the file at `path` starts with the header of a Throughline workspace (an SQLite database
/// whose application id is Throughline's).
pub fn is_workspace(path: &Path) -> bool {
    let mut header = Vec::with_capacity(72);
    let read = std::fs::File::open(path).and_then(|f| f.take(72).read_to_end(&mut header));
    read.is_ok()
        && header.len() == 72
        && header.starts_with(b"SQLite format 3\0")
        && header[68..72] == APPLICATION_ID.to_be_bytes()
}

/// Whether `a` and `b` name the same existing file: the same device and inode on Unix (so hard links
/// count), else the same canonical path.
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    matches!(
        (a.canonicalize(), b.canonicalize()),
        (Ok(x), Ok(y)) if x == y
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OpenWorkspace;

    #[test]
    fn writes_replace_only_when_forced_and_leave_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.svg");
        write_atomically(&path, b"one", false).unwrap();
        let err = write_atomically(&path, b"two", false).unwrap_err();
        assert!(err.message.contains("--force"), "{}", err.message);
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_atomically(&path, b"two", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let missing = dir.path().join("no/such/dir/a.svg");
        assert_eq!(
            write_atomically(&missing, b"x", false).unwrap_err().code,
            ErrorCode::Storage
        );
    }

    #[test]
    fn no_workspace_is_ever_replaced_by_any_name() {
        let dir = tempfile::tempdir().unwrap();
        let ws_path = dir.path().join("hotel.throughline");
        let ws = OpenWorkspace::create_sample(&ws_path).unwrap();
        let before = ws.model().clone();
        let hard = dir.path().join("hard-link.svg");
        std::fs::hard_link(&ws_path, &hard).unwrap();
        let relative = dir.path().join(".").join("hotel.throughline");
        let mut targets = vec![ws_path.clone(), hard, relative];
        #[cfg(unix)]
        {
            let soft = dir.path().join("soft.png");
            std::os::unix::fs::symlink(&ws_path, &soft).unwrap();
            targets.push(soft);
        }
        for target in &targets {
            for workspace in [None, Some(ws_path.as_path())] {
                let err = write_export(target, b"<svg/>", true, workspace).unwrap_err();
                assert_eq!(err.code, ErrorCode::Invalid);
                assert!(
                    err.message.contains("never replaces a workspace"),
                    "{}",
                    err.message
                );
            }
        }
        // An unrelated workspace, open or not, is refused too.
        let other = dir.path().join("coffee.throughline");
        drop(OpenWorkspace::create_sample(&other).unwrap());
        assert!(write_atomically(&other, b"x", true).is_err());
        // The companion files SQLite keeps while the workspace is open.
        let wal = with_suffix(&ws_path, "-wal");
        let err = write_export(&wal, b"x", true, Some(&ws_path)).unwrap_err();
        assert!(err.message.contains("beside"), "{}", err.message);
        assert!(write_atomically(&with_suffix(&ws_path, "-shm"), b"x", true).is_err());
        drop(ws);
        let after = OpenWorkspace::open_read_only(&ws_path).unwrap();
        assert_eq!(after.model(), &before, "the workspace is still whole");
    }

    #[cfg(unix)]
    #[test]
    fn exported_files_get_the_mode_of_a_newly_created_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let plain = dir.path().join("made-normally");
        std::fs::File::create(&plain).unwrap();
        let exported = dir.path().join("export.png");
        write_atomically(&exported, b"x", false).unwrap();
        assert_eq!(
            mode(&exported),
            mode(&plain),
            "not the temporary file's 0600"
        );
        std::fs::set_permissions(&exported, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&exported, b"y", true).unwrap();
        assert_eq!(mode(&exported), 0o640, "a replaced file keeps its mode");
    }
}
