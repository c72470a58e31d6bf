//! `throughline export`: every (journey, format) pair rendered on all cores, with a progress bar and a
//! summary of what was written.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use throughline_api::{
    check_target, file_stem, today_utc, write_export, ExportFormat, ExportJob, ExportOptions, Id,
    OpenWorkspace, PageLayout, Paper,
};

/// How PDF pages are laid out, as typed on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Pages {
    /// One page the size of the blueprint.
    Fit,
    /// Tiled across A4 sheets.
    A4,
    /// Tiled across A3 sheets.
    A3,
    /// Tiled across US Letter sheets.
    Letter,
}

/// The export's choices as flags, mapped onto the [`ExportOptions`] the app's dialog sends too, so a
/// command-line export and an app export with the same choices are the same picture.
#[derive(Args, Debug)]
pub struct PictureFlags {
    /// Leave out the title block (journey, persona, workspace, date).
    #[arg(long)]
    no_title_block: bool,
    /// Leave out the legend.
    #[arg(long)]
    no_legend: bool,
    /// Leave out the emotion curve (and its band).
    #[arg(long)]
    no_emotion: bool,
    /// Leave out the owner and entity chips on cards.
    #[arg(long)]
    no_owners: bool,
    /// Leave out the hand-off markers on arrows.
    #[arg(long)]
    no_handoffs: bool,
    /// Leave out the pain points' text written under the blueprint.
    #[arg(long)]
    no_pain_notes: bool,
    /// Write the open comments as numbered notes under the blueprint, each card's number on the
    /// card (comments are left out unless asked).
    #[arg(long)]
    comments: bool,
    /// Draw a future state under the current state it was made from, stage under stage, each card
    /// that changes tagged changed, removed or new (only future states can be exported so).
    #[arg(long)]
    beside_current: bool,
    /// PNG: a transparent background instead of white.
    #[arg(long)]
    transparent: bool,
    /// PNG: the width in pixels (the height follows); overrides --scale.
    #[arg(long, value_name = "PX")]
    width: Option<u32>,
    /// PDF: one page fitted to the blueprint, or tiled across sheets of paper for a wall.
    #[arg(long, value_enum, default_value = "fit")]
    pages: Pages,
    /// PDF: tiled sheets turned sideways.
    #[arg(long)]
    landscape: bool,
    /// The date in the title block, YYYY-MM-DD (default: today, UTC), for reproducible exports.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
}

impl PictureFlags {
    /// The options these flags choose, PNGs at `scale`.
    pub fn options(&self, scale: f64) -> Result<ExportOptions, String> {
        let paper = |paper| PageLayout::Tiled {
            paper,
            landscape: self.landscape,
        };
        let pages = match self.pages {
            Pages::Fit if self.landscape => {
                return Err("--landscape needs --pages a4, a3 or letter".into())
            }
            Pages::Fit => PageLayout::Fit,
            Pages::A4 => paper(Paper::A4),
            Pages::A3 => paper(Paper::A3),
            Pages::Letter => paper(Paper::Letter),
        };
        let options = ExportOptions {
            title_block: !self.no_title_block,
            legend: !self.no_legend,
            emotion: !self.no_emotion,
            owners: !self.no_owners,
            handoffs: !self.no_handoffs,
            pain_notes: !self.no_pain_notes,
            comments: self.comments,
            beside_current: self.beside_current,
            transparent: self.transparent,
            scale,
            width: self.width,
            pages,
        };
        match options.problem() {
            Some(problem) => Err(problem),
            None => Ok(options),
        }
    }

    /// The title block's date: `--date` when given (checked), else today in UTC.
    pub fn date(&self) -> Result<String, String> {
        match &self.date {
            None => Ok(today_utc()),
            Some(d) if is_date(d) => Ok(d.clone()),
            Some(d) => Err(format!("--date {d:?} is not a date like 2025-03-14")),
        }
    }
}

/// Whether `s` is a plausible YYYY-MM-DD date.
fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let number = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().ok())
    };
    match parts.as_slice() {
        [y, m, d] => matches!(
            (number(y, 4), number(m, 2), number(d, 2)),
            (Some(Some(_)), Some(Some(1..=12)), Some(Some(1..=31)))
        ),
        _ => false,
    }
}

/// Exports `journeys` × `formats` into `out` with `options` (the title block dated `date`), through the
/// same export jobs the app runs, spreading the work over the machine's cores. SVG and PNG files carry
/// their journey, so `throughline import` (or the app) can open them again.
#[allow(clippy::too_many_arguments)]
pub fn run(
    ws: &OpenWorkspace,
    journeys: &[Id],
    formats: &[ExportFormat],
    out: &Path,
    options: &ExportOptions,
    date: &str,
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
    // Every target is checked before anything is rendered, so a refusal costs nothing and the files
    // written are all or none of what is refused.
    let workspace = PathBuf::from(ws.info().path);
    let refused: Vec<String> = stems
        .iter()
        .flat_map(|stem| {
            formats
                .iter()
                .map(move |f| out.join(format!("{stem}.{}", f.extension())))
        })
        .filter_map(|path| check_target(&path, force, Some(workspace.as_path())).err())
        .map(|e| e.message)
        .collect();
    if !refused.is_empty() {
        return Err(refused.join("\nthroughline: "));
    }
    // Layout and packing are quick and need the workspace; rendering is slow and needs only what the
    // job took, so the jobs are made here and run on every core.
    let jobs = names
        .iter()
        .zip(&stems)
        .flat_map(|((id, _), stem)| {
            formats.iter().map(move |f| {
                ws.export_job_dated(*id, *f, options, date)
                    .map(|job| (job, stem.clone()))
            })
        })
        .collect::<Result<Vec<(ExportJob, String)>, throughline_api::ApiError>>()
        .map_err(|e| e.message)?;
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
                while let Some((job, stem)) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let path = out.join(format!("{stem}.{}", job.format().extension()));
                    let result = job.run(&|_, _| true).and_then(|bytes| {
                        write_export(&path, &bytes, force, Some(workspace.as_path()))
                            .map(|()| bytes.len())
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

    #[derive(clap::Parser)]
    struct Flags {
        #[command(flatten)]
        picture: PictureFlags,
    }

    fn options(args: &[&str]) -> Result<ExportOptions, String> {
        use clap::Parser;
        let flags = Flags::try_parse_from(std::iter::once("export").chain(args.iter().copied()))
            .map_err(|e| e.to_string())?;
        flags.picture.options(2.0)
    }

    #[test]
    fn flags_map_onto_the_export_options() {
        assert_eq!(
            options(&[]).unwrap(),
            ExportOptions {
                scale: 2.0,
                ..ExportOptions::default()
            }
        );
        let all = options(&[
            "--no-title-block",
            "--no-legend",
            "--no-emotion",
            "--no-owners",
            "--no-handoffs",
            "--no-pain-notes",
            "--comments",
            "--beside-current",
            "--transparent",
            "--width",
            "3000",
            "--pages",
            "a3",
            "--landscape",
        ])
        .unwrap();
        assert_eq!(
            all,
            ExportOptions {
                title_block: false,
                legend: false,
                emotion: false,
                owners: false,
                handoffs: false,
                pain_notes: false,
                comments: true,
                beside_current: true,
                transparent: true,
                scale: 2.0,
                width: Some(3000),
                pages: PageLayout::Tiled {
                    paper: Paper::A3,
                    landscape: true,
                },
            }
        );
        assert!(options(&["--landscape"]).is_err(), "landscape needs paper");
        assert!(options(&["--pages", "a5"]).is_err());
        assert_eq!(
            options(&["--width", "0"]),
            Err("The PNG width must be a whole number of pixels from 1 to 20,000.".into())
        );
    }

    #[test]
    fn dates_are_checked() {
        assert!(is_date("2025-03-14"));
        for bad in [
            "2025-3-14",
            "2025-13-01",
            "20250314",
            "2025-03-14x",
            "yyyy-mm-dd",
            "",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
