//! The editing lock: one process at a time may write a workspace. It is an advisory `flock` on the
//! workspace file itself, taken before SQLite opens the file, so a refused opener has read the header
//! and nothing else. The kernel drops the lock when its holder exits, however it exits, so the lock is
//! never stale.
//!
//! Who holds it is written, after the lock is taken, to a small sidecar beside the file
//! (`<file>-lock`: process id, program, user and host), so a refusal can name the holder. The sidecar
//! is only a label: it is removed when the holder closes the workspace, overwritten by the next holder
//! if a crash left it behind, and ignored when it names a process of this host that no longer runs. On
//! Linux the holder's process id is also read from `/proc/locks` when there is no usable sidecar.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

use crate::StoreError;

/// Held while a process may write the workspace; released when dropped.
pub struct EditLock {
    file: File,
    sidecar: PathBuf,
    label: String,
}

/// Where the holder of `path`'s lock describes itself.
pub fn sidecar_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-lock");
    PathBuf::from(name)
}

impl EditLock {
    /// Takes the lock on `path`, or says who holds it. Opens the file only to lock it: nothing is
    /// written to the workspace itself.
    pub fn acquire(path: &Path) -> Result<EditLock, StoreError> {
        let file = File::open(path).map_err(|e| StoreError::Unreadable {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(match flock_holder(&file) {
                    Some((pid, false)) => StoreError::BeingRead {
                        path: path.to_owned(),
                        reader: describe_process(pid),
                    },
                    _ => StoreError::InUse {
                        path: path.to_owned(),
                        holder: holder(path, &file),
                    },
                })
            }
            Err(TryLockError::Error(e)) => {
                return Err(StoreError::Sqlite {
                    path: path.to_owned(),
                    message: format!("cannot be locked for editing: {e}"),
                })
            }
        }
        let sidecar = sidecar_path(path);
        let label = Owner::this_process().to_string();
        // The label is a courtesy for the next opener; a folder that refuses it still gets the lock.
        let _ = std::fs::write(&sidecar, &label);
        Ok(EditLock {
            file,
            sidecar,
            label,
        })
    }
}

impl Drop for EditLock {
    fn drop(&mut self) {
        if std::fs::read_to_string(&self.sidecar).is_ok_and(|s| s == self.label) {
            let _ = std::fs::remove_file(&self.sidecar);
        }
        let _ = self.file.unlock();
    }
}

/// A process as the sidecar records it.
#[derive(Debug, PartialEq)]
struct Owner {
    pid: u32,
    program: String,
    user: String,
    host: String,
}

impl Owner {
    fn this_process() -> Owner {
        Owner {
            pid: std::process::id(),
            program: std::env::current_exe()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_default(),
            user: std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_default(),
            host: host_name(),
        }
    }

    fn parse(text: &str) -> Option<Owner> {
        let field = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
                .map(str::to_owned)
        };
        Some(Owner {
            pid: field("pid")?.parse().ok()?,
            program: field("program").unwrap_or_default(),
            user: field("user").unwrap_or_default(),
            host: field("host").unwrap_or_default(),
        })
    }

    /// Whether the recorded process is known to be gone (only knowable for this host's processes).
    fn is_gone(&self) -> bool {
        self.host == host_name()
            && Path::new("/proc/self").exists()
            && !Path::new(&format!("/proc/{}", self.pid)).exists()
    }

    fn describe(&self) -> String {
        let mut s = format!("process {}", self.pid);
        if !self.program.is_empty() {
            s.push_str(&format!(" ({})", self.program));
        }
        match (self.user.is_empty(), self.host.is_empty()) {
            (false, false) => s.push_str(&format!(" of {} on {}", self.user, self.host)),
            (false, true) => s.push_str(&format!(" of {}", self.user)),
            (true, false) => s.push_str(&format!(" on {}", self.host)),
            (true, true) => {}
        }
        s
    }
}

impl std::fmt::Display for Owner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "pid={}", self.pid)?;
        writeln!(f, "program={}", self.program)?;
        writeln!(f, "user={}", self.user)?;
        writeln!(f, "host={}", self.host)
    }
}

fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|s| s.trim().to_owned())
        .or_else(|_| std::env::var("HOSTNAME").or_else(|_| std::env::var("COMPUTERNAME")))
        .unwrap_or_default()
}

/// Who holds the lock on `path`, in words, when that can be found out.
fn holder(path: &Path, file: &File) -> Option<String> {
    let recorded = std::fs::read_to_string(sidecar_path(path))
        .ok()
        .and_then(|t| Owner::parse(&t))
        .filter(|o| !o.is_gone());
    recorded
        .map(|o| o.describe())
        .or_else(|| flock_holder(file).map(|(pid, _)| describe_process(pid)))
}

/// A process of this host in words: its id and, where the system says, its program.
fn describe_process(pid: u32) -> String {
    match std::fs::read_to_string(format!("/proc/{pid}/comm")) {
        Ok(name) if !name.trim().is_empty() => format!("process {pid} ({})", name.trim()),
        _ => format!("process {pid}"),
    }
}

/// Held by a reader that relies on no editor changing the file while it reads (see
/// `Store::open_read_only`). Editors wait for it like for each other: the refusal names the reader.
pub struct ReadLock {
    _file: File,
}

impl ReadLock {
    /// Takes a shared hold on `path`, if no editor has it.
    pub fn try_acquire(path: &Path) -> Option<ReadLock> {
        let file = File::open(path).ok()?;
        file.try_lock_shared().ok()?;
        Some(ReadLock { _file: file })
    }
}

/// The process holding an flock on `file`, and whether it holds it to write, from `/proc/locks`
/// (Linux only).
#[cfg(unix)]
fn flock_holder(file: &File) -> Option<(u32, bool)> {
    use std::os::unix::fs::MetadataExt;
    let inode = file.metadata().ok()?.ino();
    let locks = std::fs::read_to_string("/proc/locks").ok()?;
    locks.lines().find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        // "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"
        let (kind, mode) = (fields.get(1)?, fields.get(3)?);
        let (pid, device) = (fields.get(4)?, fields.get(5)?);
        (*kind == "FLOCK" && device.rsplit(':').next()? == inode.to_string())
            .then(|| Some((pid.parse().ok()?, *mode == "WRITE")))
            .flatten()
    })
}

/// Elsewhere the kernel does not say who holds a lock.
#[cfg(not(unix))]
fn flock_holder(_file: &File) -> Option<(u32, bool)> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sidecar_names_the_holder_and_goes_away_with_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.throughline");
        std::fs::write(&path, b"x").unwrap();
        let lock = EditLock::acquire(&path).unwrap();
        let owner = Owner::parse(&std::fs::read_to_string(sidecar_path(&path)).unwrap()).unwrap();
        assert_eq!(owner, Owner::this_process());
        let err = EditLock::acquire(&path).err().expect("refused");
        let pid = std::process::id().to_string();
        assert!(err.to_string().contains(&format!("process {pid}")), "{err}");
        drop(lock);
        assert!(!sidecar_path(&path).exists());
        drop(EditLock::acquire(&path).unwrap());
    }

    /// A sidecar left by a crashed process is overwritten by the next holder, and one naming a process
    /// that is gone is not believed: the holder is then read from the kernel's lock table.
    #[test]
    fn a_stale_sidecar_is_replaced_or_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.throughline");
        std::fs::write(&path, b"x").unwrap();
        let gone = Owner {
            pid: u32::MAX - 1,
            program: "throughline-app".into(),
            user: "nobody".into(),
            host: host_name(),
        };
        std::fs::write(sidecar_path(&path), gone.to_string()).unwrap();
        let lock = EditLock::acquire(&path).unwrap();
        let now = std::fs::read_to_string(sidecar_path(&path)).unwrap();
        assert_eq!(Owner::parse(&now).unwrap(), Owner::this_process());
        std::fs::write(sidecar_path(&path), gone.to_string()).unwrap();
        let err = EditLock::acquire(&path).err().expect("refused").to_string();
        assert!(!err.contains("nobody"), "{err}");
        assert!(
            err.contains(&format!("process {}", std::process::id())),
            "{err}"
        );
        drop(lock);
    }
}
