//! The whole-app start-up measurement: how long a release build takes from launch to its first painted
//! blueprint, and how much memory the app and its WebKit processes hold at that moment, each beside an
//! empty Tauri 2 window (`bench/empty-window`) launched in the same run, so the figures say how much
//! the app adds to what any Tauri window costs on the machine at hand.

mod launch;
mod memory;
mod scratch;

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::failure::{Failure, Result};
use crate::paths;
use crate::process::{self, progress};

use launch::Sample;
use memory::Memory;

/// Measured launches of each binary; the median of five shrugs off one slow outlier.
const RUNS: usize = 5;

/// How long one launch may take to paint before it counts as hung.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The package of the empty baseline window.
const BASELINE: &str = "throughline-empty-window";

/// The medians over [`RUNS`] launches of one binary.
pub struct Summary {
    /// Launch-to-paint time of every run, in milliseconds, sorted.
    paint_ms: Vec<u64>,
    /// Median proportional memory of the binary and its descendants, in KiB.
    pss_kib: u64,
    /// The run with the median resident memory, shown process by process.
    median_rss: Memory,
}

/// The app's start-up beside the empty window's, both measured in one run.
pub struct Comparison {
    /// The app's medians.
    app: Summary,
    /// The empty Tauri window's medians.
    baseline: Summary,
}

/// Builds the release app and the empty window, then measures both.
pub fn measure() -> Result<Comparison> {
    process::build_release(&["throughline-app", BASELINE])?;
    compare(&release_binary("throughline-app"))
}

/// Builds the empty window and measures `binary` (the installed app, say) beside it.
pub fn measure_binary(binary: &Path) -> Result<Comparison> {
    if !binary.is_file() {
        return Err(Failure::new(format!(
            "start-up: {} is not there to measure",
            binary.display()
        )));
    }
    process::build_release(&[BASELINE])?;
    compare(binary)
}

/// Where `cargo build --release` leaves the binary `name`.
fn release_binary(name: &str) -> PathBuf {
    paths::target_dir().join("release").join(name)
}

/// Launches the empty window and `app` once each to warm caches, then [`RUNS`] times each, taking
/// turns so that a busy moment on the machine falls on both alike.
fn compare(app: &Path) -> Result<Comparison> {
    let baseline = release_binary(BASELINE);
    progress("start-up: warm-up launches …");
    launch::once(&baseline, TIMEOUT)?;
    launch::once(app, TIMEOUT)?;
    let (mut app_samples, mut baseline_samples) = (Vec::new(), Vec::new());
    for run in 1..=RUNS {
        for (binary, samples) in [
            (baseline.as_path(), &mut baseline_samples),
            (app, &mut app_samples),
        ] {
            let sample = launch::once(binary, TIMEOUT)?;
            progress(&format!(
                "start-up: run {run}/{RUNS} of {}: painted after {} ms, RSS {} / PSS {} over {} processes",
                binary.file_name().unwrap_or_default().to_string_lossy(),
                sample.paint_ms,
                mib(sample.memory.rss_kib()),
                mib(sample.memory.pss_kib()),
                sample.memory.processes.len()
            ));
            samples.push(sample);
        }
    }
    Ok(Comparison {
        app: Summary::of(app_samples),
        baseline: Summary::of(baseline_samples),
    })
}

impl Summary {
    /// Takes medians over the samples (at least one).
    fn of(samples: Vec<Sample>) -> Summary {
        let mut paint_ms: Vec<u64> = samples.iter().map(|s| s.paint_ms).collect();
        paint_ms.sort_unstable();
        let mut pss: Vec<u64> = samples.iter().map(|s| s.memory.pss_kib()).collect();
        pss.sort_unstable();
        let mut memories: Vec<Memory> = samples.into_iter().map(|s| s.memory).collect();
        memories.sort_unstable_by_key(Memory::rss_kib);
        Summary {
            paint_ms,
            pss_kib: pss[pss.len() / 2],
            median_rss: memories.swap_remove(memories.len() / 2),
        }
    }
}

impl Summary {
    /// The median launch-to-paint time in milliseconds.
    fn median_paint_ms(&self) -> u64 {
        self.paint_ms[self.paint_ms.len() / 2]
    }

    /// The launches' times, for the reader to judge the spread.
    fn runs(&self) -> String {
        let runs: Vec<String> = self.paint_ms.iter().map(u64::to_string).collect();
        runs.join(", ")
    }

    /// The median run's memory process by process, as `name RSS / PSS`.
    fn by_process(&self) -> String {
        let parts: Vec<String> = self
            .median_rss
            .processes
            .iter()
            .map(|p| format!("{} {} / {}", p.name, mib(p.rss_kib), mib(p.pss_kib)))
            .collect();
        parts.join(", ")
    }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (app, empty) = (&self.app, &self.baseline);
        writeln!(
            f,
            "start-up, release builds under Xvfb, median of {} launches each, the app beside an empty \
             Tauri 2 window launched in turn with it:",
            app.paint_ms.len()
        )?;
        writeln!(
            f,
            "  launch to first paint: app {} ms (runs: {} ms), empty window {} ms (runs: {} ms): {}",
            app.median_paint_ms(),
            app.runs(),
            empty.median_paint_ms(),
            empty.runs(),
            ratio(app.median_paint_ms(), empty.median_paint_ms())
        )?;
        writeln!(
            f,
            "  memory at first paint, all processes: RSS app {}, empty window {}: {}; PSS app {}, \
             empty window {}: {}",
            mib(app.median_rss.rss_kib()),
            mib(empty.median_rss.rss_kib()),
            ratio(app.median_rss.rss_kib(), empty.median_rss.rss_kib()),
            mib(app.pss_kib),
            mib(empty.pss_kib),
            ratio(app.pss_kib, empty.pss_kib)
        )?;
        writeln!(f, "  RSS / PSS by process, app: {}", app.by_process())?;
        write!(
            f,
            "  RSS / PSS by process, empty window: {}",
            empty.by_process()
        )
    }
}

/// `a` as a multiple of `b`, to two decimals (`—` when `b` is zero).
fn ratio(a: u64, b: u64) -> String {
    if b == 0 {
        return String::from("—");
    }
    format!("{:.2}×", a as f64 / b as f64)
}

/// Formats KiB as MiB with one decimal.
fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sample whose memory is split evenly over the app and one WebKit process.
    fn sample(paint_ms: u64, rss_kib: u64, pss_kib: u64) -> Sample {
        let process = |name: &str| memory::Process {
            name: name.into(),
            rss_kib: rss_kib / 2,
            pss_kib: pss_kib / 2,
        };
        Sample {
            paint_ms,
            memory: Memory {
                processes: vec![process("throughline-app"), process("WebKitWebProcess")],
            },
        }
    }

    #[test]
    fn summary_takes_medians() {
        let summary = Summary::of(vec![
            sample(900, 300, 200),
            sample(700, 100, 50),
            sample(800, 200, 400),
        ]);
        assert_eq!(summary.paint_ms, vec![700, 800, 900]);
        assert_eq!(summary.median_rss.rss_kib(), 200);
        assert_eq!(summary.pss_kib, 200);
        assert_eq!(summary.median_paint_ms(), 800);
    }

    #[test]
    fn comparison_reports_the_app_as_a_multiple_of_the_empty_window() {
        let comparison = Comparison {
            app: Summary::of(vec![sample(900, 600, 400)]),
            baseline: Summary::of(vec![sample(300, 400, 400)]),
        };
        let text = comparison.to_string();
        assert!(text.contains("app 900 ms"), "{text}");
        assert!(text.contains("empty window 300 ms"), "{text}");
        assert!(text.contains(": 3.00×"), "{text}");
        assert!(text.contains(": 1.50×"), "{text}");
        assert!(text.contains("WebKitWebProcess"), "{text}");
    }
}
