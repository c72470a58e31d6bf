//! The plumbing of an export in the window: the picture is rendered on a thread of its own (the
//! workspace is not held meanwhile, so the window goes on answering), one export at a time, with its
//! progress, end and failure sent to the UI as events and a flag the UI can set to cancel it. What is
//! rendered and how is all `crates/api` ([`ExportJob`]).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use serde::Serialize;
use tauri::{Emitter, Manager, Runtime};
use throughline_api::{check_target, write_atomically, ApiError, ErrorCode, ExportJob};

/// Event: how far the export has come, [`ExportProgress`].
pub const PROGRESS: &str = "export-progress";
/// Event: the file is written, [`ExportFinished`].
pub const FINISHED: &str = "export-finished";
/// Event: the export failed or was cancelled, an [`ApiError`] (code `cancelled` for the latter).
pub const FAILED: &str = "export-failed";

/// Progress events come at most this often, so a fine-grained renderer cannot flood the IPC.
const PROGRESS_EVERY: Duration = Duration::from_millis(50);

/// `(done, total)` steps of the export under way.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct ExportProgress {
    /// Steps done.
    pub done: u32,
    /// Steps in all.
    pub total: u32,
}

/// An export that ended well.
#[derive(Clone, Debug, Serialize)]
pub struct ExportFinished {
    /// The file written.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The export under way, if any (its cancel flag), and the file the last one wrote.
#[derive(Default)]
pub struct Exports {
    running: Mutex<Option<Arc<AtomicBool>>>,
    /// The file the last finished export wrote: the only file the finished-export notice's "Open" and
    /// "Show in folder" act on, so the window cannot ask to open any other path.
    written: Mutex<Option<PathBuf>>,
}

impl Exports {
    /// The file the last finished export wrote, or why there is none.
    pub fn written(&self) -> Result<PathBuf, ApiError> {
        self.written
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "no export has finished yet"))
    }

    fn finished(&self, path: &Path) {
        *self.written.lock().unwrap_or_else(PoisonError::into_inner) = Some(path.to_owned());
    }

    /// Asks the export under way, if any, to stop; it then fails with code `cancelled`.
    pub fn cancel(&self) {
        if let Some(flag) = self
            .running
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
        {
            flag.store(true, Ordering::Relaxed);
        }
    }

    /// Takes the one export slot, or says why not.
    fn claim(&self) -> Result<Arc<AtomicBool>, ApiError> {
        let mut running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
        if running.is_some() {
            return Err(ApiError::new(
                ErrorCode::InUse,
                "an export is already under way; wait for it to finish or cancel it",
            ));
        }
        let flag = Arc::new(AtomicBool::new(false));
        *running = Some(flag.clone());
        Ok(flag)
    }

    /// Frees the slot for the next export.
    fn release(&self) {
        *self.running.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

/// Starts rendering `job` into `path` on its own thread and returns at once; the outcome comes as an
/// [`FINISHED`] or [`FAILED`] event. Refuses a second export while one runs, and a file that is already
/// there unless `overwrite` (the native save dialog has asked the person by then).
pub fn start<R: Runtime>(
    app: tauri::AppHandle<R>,
    exports: &Exports,
    job: ExportJob,
    path: PathBuf,
    overwrite: bool,
) -> Result<(), ApiError> {
    check_target(&path, overwrite, None)?;
    let cancelled = exports.claim()?;
    let spawned = std::thread::Builder::new()
        .name("export".into())
        .spawn(move || {
            let outcome = render_and_write(&app, &job, &path, overwrite, &cancelled);
            let exports = app.state::<Exports>();
            if outcome.is_ok() {
                exports.finished(&path);
            }
            exports.release();
            let _ = match outcome {
                Ok(bytes) => app.emit(FINISHED, ExportFinished { path, bytes }),
                Err(e) => app.emit(FAILED, e),
            };
        });
    spawned.map(|_| ()).map_err(|e| {
        ApiError::new(
            ErrorCode::Storage,
            format!("the export could not start: {e}"),
        )
    })
}

/// Renders the picture, reporting progress to the UI, and writes it; the file's size.
fn render_and_write<R: Runtime>(
    app: &tauri::AppHandle<R>,
    job: &ExportJob,
    path: &Path,
    overwrite: bool,
    cancelled: &AtomicBool,
) -> Result<u64, ApiError> {
    let last = Mutex::new(None::<Instant>);
    let progress = |done: u32, total: u32| {
        let mut last = last.lock().unwrap_or_else(PoisonError::into_inner);
        if done >= total || last.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY) {
            *last = Some(Instant::now());
            let _ = app.emit(PROGRESS, ExportProgress { done, total });
        }
        !cancelled.load(Ordering::Relaxed)
    };
    let bytes = job.run(&progress)?;
    if cancelled.load(Ordering::Relaxed) {
        return Err(ApiError::new(
            ErrorCode::Cancelled,
            "the export was cancelled",
        ));
    }
    write_atomically(path, &bytes, overwrite)?;
    Ok(bytes.len() as u64)
}
