//! The whole-app start-up measurement: how long a release build takes from launch to its first painted
//! blueprint, and how much memory the app and its WebKit processes hold at that moment.

mod launch;
mod memory;
mod scratch;

use std::fmt;
use std::path::Path;
use std::time::Duration;

use crate::failure::{Failure, Result};
use crate::paths;
use crate::process::{self, progress};

use launch::Sample;
use memory::Memory;

/// Measured launches; the median of five shrugs off one slow outlier.
const RUNS: usize = 5;

/// How long one launch may take to paint before it counts as hung.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The medians over [`RUNS`] launches.
pub struct Summary {
    /// Launch-to-paint time of every run, in milliseconds, sorted.
    paint_ms: Vec<u64>,
    /// Median proportional memory of the app and its descendants, in KiB.
    pss_kib: u64,
    /// The run with the median resident memory, shown process by process.
    median_rss: Memory,
}

/// Builds the release app, launches it once to warm caches, then [`RUNS`] times for the numbers.
pub fn measure() -> Result<Summary> {
    progress("building the release app for the start-up measurement …");
    process::step(
        "cargo build --release -p throughline-app",
        &mut process::cargo(["build", "--release", "--locked", "-p", "throughline-app"]),
    )?;
    measure_binary(&paths::target_dir().join("release").join("throughline-app"))
}

/// Launches `binary` once to warm caches, then [`RUNS`] times for the numbers.
pub fn measure_binary(binary: &Path) -> Result<Summary> {
    if !binary.is_file() {
        return Err(Failure::new(format!(
            "start-up: {} is not there to measure",
            binary.display()
        )));
    }
    progress(&format!(
        "start-up of {}: warm-up launch …",
        binary.display()
    ));
    launch::once(binary, TIMEOUT)?;
    let mut samples = Vec::with_capacity(RUNS);
    for run in 1..=RUNS {
        let sample = launch::once(binary, TIMEOUT)?;
        progress(&format!(
            "start-up: run {run}/{RUNS}: painted after {} ms, RSS {} / PSS {} over {} processes",
            sample.paint_ms,
            mib(sample.memory.rss_kib()),
            mib(sample.memory.pss_kib()),
            sample.memory.processes.len()
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
        writeln!(
            f,
            "  memory at first paint: RSS {}, PSS {} (the app and its descendant processes)",
            mib(self.median_rss.rss_kib()),
            mib(self.pss_kib)
        )?;
        let parts: Vec<String> = self
            .median_rss
            .processes
            .iter()
            .map(|p| format!("{} {} / {}", p.name, mib(p.rss_kib), mib(p.pss_kib)))
            .collect();
        write!(
            f,
            "  RSS / PSS by process (median run): {}",
            parts.join(", ")
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
        let text = summary.to_string();
        assert!(text.contains("800 ms"), "{text}");
        assert!(text.contains("WebKitWebProcess"), "{text}");
    }
}
