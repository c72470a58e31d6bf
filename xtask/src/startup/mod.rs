//! The whole-app start-up measurement: how long a release build takes from launch to its first painted
//! blueprint, and how much memory the app and its WebKit processes hold at that moment.

mod launch;
mod memory;
mod scratch;

use std::fmt;
use std::time::Duration;

use crate::failure::Result;
use crate::paths;
use crate::process::{self, progress};

use launch::Sample;

/// Measured launches; the median of five shrugs off one slow outlier.
const RUNS: usize = 5;

/// How long one launch may take to paint before it counts as hung.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The medians over [`RUNS`] launches.
pub struct Summary {
    /// Launch-to-paint time of every run, in milliseconds, sorted.
    paint_ms: Vec<u64>,
    /// Median resident memory of the app and its descendants, in KiB.
    rss_kib: u64,
    /// Median proportional memory of the same processes, in KiB.
    pss_kib: u64,
    /// How many processes the median run counted (the app plus its WebKit helpers).
    processes: usize,
}

/// Builds the release app, launches it once to warm caches, then [`RUNS`] times for the numbers.
pub fn measure() -> Result<Summary> {
    progress("building the release app for the start-up measurement …");
    process::step(
        "cargo build --release -p throughline-app",
        &mut process::cargo(["build", "--release", "--locked", "-p", "throughline-app"]),
    )?;
    let binary = paths::target_dir().join("release").join("throughline-app");
    progress("start-up: warm-up launch …");
    launch::once(&binary, TIMEOUT)?;
    let mut samples = Vec::with_capacity(RUNS);
    for run in 1..=RUNS {
        let sample = launch::once(&binary, TIMEOUT)?;
        progress(&format!(
            "start-up: run {run}/{RUNS}: painted after {} ms, RSS {} / PSS {} over {} processes",
            sample.paint_ms,
            mib(sample.memory.rss_kib),
            mib(sample.memory.pss_kib),
            sample.memory.processes
        ));
        samples.push(sample);
    }
    Ok(Summary::of(samples))
}

impl Summary {
    /// Takes medians over the samples (at least one).
    fn of(samples: Vec<Sample>) -> Summary {
        let mut paint_ms: Vec<u64> = samples.iter().map(|s| s.paint_ms).collect();
        paint_ms.sort_unstable();
        let mut by_rss: Vec<&Sample> = samples.iter().collect();
        by_rss.sort_unstable_by_key(|s| s.memory.rss_kib);
        let median_run = by_rss[by_rss.len() / 2];
        let mut pss: Vec<u64> = samples.iter().map(|s| s.memory.pss_kib).collect();
        pss.sort_unstable();
        Summary {
            rss_kib: median_run.memory.rss_kib,
            processes: median_run.memory.processes,
            pss_kib: pss[pss.len() / 2],
            paint_ms,
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let runs: Vec<String> = self.paint_ms.iter().map(u64::to_string).collect();
        writeln!(
            f,
            "start-up, release build under Xvfb, median of {} launches:",
            self.paint_ms.len()
        )?;
        writeln!(
            f,
            "  launch to first painted blueprint: {} ms (runs: {} ms)",
            self.paint_ms[self.paint_ms.len() / 2],
            runs.join(", ")
        )?;
        write!(
            f,
            "  memory at first paint: RSS {}, PSS {} (app and {} descendant processes)",
            mib(self.rss_kib),
            mib(self.pss_kib),
            self.processes.saturating_sub(1)
        )
    }
}

/// Formats KiB as MiB with one decimal.
fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use memory::Memory;

    fn sample(paint_ms: u64, rss_kib: u64, pss_kib: u64) -> Sample {
        Sample {
            paint_ms,
            memory: Memory {
                rss_kib,
                pss_kib,
                processes: 3,
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
        assert_eq!(summary.rss_kib, 200);
        assert_eq!(summary.pss_kib, 200);
        assert!(summary.to_string().contains("800 ms"));
    }
}
