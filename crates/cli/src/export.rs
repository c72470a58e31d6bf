//! `throughline export`: every (journey, format) pair rendered on all cores, with a progress bar and a
//! summary of what was written.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use throughline_api::{
    file_stem, render_with_journey, write_atomically, ExportFormat, Id, OpenWorkspace, Scene,
};

/// Exports `journeys` × `formats` into `out`, spreading the work over the machine's cores. SVG and PNG
/// files carry their journey, so `throughline import` (or the app) can open them again.
pub fn run(
    ws: &OpenWorkspace,
    journeys: &[Id],
    formats: &[ExportFormat],
    out: &Path,
    scale: f64,
    force: bool,
) -> Result<(), String> {
    std::fs::create_dir_all(out)
        .map_err(|e| format!("{}: cannot create the folder: {e}", out.display()))?;
    let names: Vec<(Id, String)> = ws
        .journeys()
        .into_iter()
        .filter(|j| journeys.contains(&j.id))
        .map(|j| (j.id, j.name))
        .collect();
    let stems = unique_stems(&names);
    // Layout and packing are quick and need the workspace; rendering is slow and needs only the scene
    // and the package, so those are made here and rendered on every core.
    let scenes = names
        .iter()
        .map(|(id, _)| Ok((ws.scene(*id)?, ws.package_json(*id)?)))
        .collect::<Result<Vec<(Scene, String)>, throughline_api::ApiError>>()
        .map_err(|e| e.message)?;
    let jobs: Vec<(&Scene, &str, &str, ExportFormat)> = scenes
        .iter()
        .zip(&stems)
        .flat_map(|((scene, package), stem)| {
            formats
                .iter()
                .map(move |f| (scene, package.as_str(), stem.as_str(), *f))
        })
        .collect();
    let bar = ProgressBar::new(jobs.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:32} {pos}/{len} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let written: Mutex<Vec<(PathBuf, usize)>> = Mutex::new(Vec::new());
    let failed: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(jobs.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                while let Some(&(scene, package, stem, format)) =
                    jobs.get(next.fetch_add(1, Ordering::Relaxed))
                {
                    let path = out.join(format!("{stem}.{}", format.extension()));
                    let result =
                        render_with_journey(scene, format, scale, package).and_then(|bytes| {
                            write_atomically(&path, &bytes, force).map(|()| bytes.len())
                        });
                    match result {
                        Ok(size) => written
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .push((path, size)),
                        Err(e) => failed
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .push(e.message),
                    }
                    bar.set_message(stem.to_owned());
                    bar.inc(1);
                }
            });
        }
    });
    bar.finish_and_clear();
    let mut written = written.into_inner().unwrap_or_else(|p| p.into_inner());
    written.sort();
    for (path, size) in &written {
        println!("wrote {} ({})", path.display(), human(*size));
    }
    println!(
        "{} files for {} journeys in {:.2} s",
        written.len(),
        names.len(),
        started.elapsed().as_secs_f64()
    );
    let failed = failed.into_inner().unwrap_or_else(|p| p.into_inner());
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} exports failed:\n  {}",
            failed.len(),
            failed.join("\n  ")
        ))
    }
}

/// File stems for the journeys, with a number added where two names would give the same file.
fn unique_stems(names: &[(Id, String)]) -> Vec<String> {
    let mut seen = std::collections::HashMap::new();
    names
        .iter()
        .map(|(_, name)| {
            let stem = file_stem(name);
            let n = seen
                .entry(stem.clone())
                .and_modify(|n| *n += 1)
                .or_insert(1);
            if *n == 1 {
                stem
            } else {
                format!("{stem}-{n}")
            }
        })
        .collect()
}

fn human(bytes: usize) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / f64::from(1 << 20)),
        b if b >= 1 << 10 => format!("{:.0} KB", b as f64 / 1024.0),
        b => format!("{b} B"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_names_get_numbered_files() {
        let names = vec![
            (Id::new(), "Claim".into()),
            (Id::new(), "claim".into()),
            (Id::new(), "Other".into()),
        ];
        assert_eq!(unique_stems(&names), vec!["claim", "claim-2", "other"]);
    }
}
