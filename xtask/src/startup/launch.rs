//! One measured launch: start the app under Xvfb with a fresh data directory, wait for the line it
//! prints at first paint, take the memory of its process tree at that moment, then stop it.

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use super::memory::{self, Memory};
use super::scratch::ScratchDir;
use crate::failure::{Failure, Result};
use crate::test::XVFB_SCREEN;

/// What one launch measured.
pub struct Sample {
    /// Milliseconds from process start to the first painted blueprint, as the app reports it.
    pub paint_ms: u64,
    /// Memory of the app and its descendants at that moment.
    pub memory: Memory,
}

/// The starts of the lines the app and the empty baseline window print at their first paint.
const PAINT_LINES: [&str; 2] = [
    "throughline: first blueprint painted ",
    "throughline-empty-window: first paint ",
];

/// Lines of the app's stderr kept to explain a failed launch.
const KEPT_LINES: usize = 20;

/// Launches `binary` once and measures it; fails if it exits or does not paint within `timeout`.
pub fn once(binary: &Path, timeout: Duration) -> Result<Sample> {
    let data =
        ScratchDir::new().map_err(|e| Failure::new(format!("start-up: no temp directory: {e}")))?;
    let mut command = Command::new("xvfb-run");
    command
        .args(["-a", "-s", XVFB_SCREEN])
        .arg(binary)
        .env("XDG_DATA_HOME", data.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0);
    let mut child = command
        .spawn()
        .map_err(|e| Failure::new(format!("start-up: could not run xvfb-run: {e}")))?;
    let stderr = child.stderr.take();
    let running = Running(child);
    let (lines_tx, lines) = mpsc::channel();
    if let Some(stderr) = stderr {
        thread::spawn(move || {
            for line in BufReader::new(stderr)
                .lines()
                .map_while(std::io::Result::ok)
            {
                if lines_tx.send(line).is_err() {
                    break;
                }
            }
        });
    }

    let deadline = Instant::now() + timeout;
    let mut kept: Vec<String> = Vec::new();
    let paint_ms = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) => match paint_ms(&line) {
                Some(ms) => break ms,
                None => {
                    kept.push(line);
                    if kept.len() > KEPT_LINES {
                        kept.remove(0);
                    }
                }
            },
            Err(RecvTimeoutError::Timeout) => {
                return Err(launch_failure(
                    &format!("no first paint within {} s", timeout.as_secs()),
                    &kept,
                ))
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(launch_failure(
                    "the app exited before its first paint",
                    &kept,
                ))
            }
        }
    };
    let app = memory::find_in_tree(running.0.id(), binary)
        .ok_or_else(|| launch_failure("the app painted but its process was not found", &kept))?;
    let memory = memory::of_tree(app);
    running.stop(app);
    Ok(Sample { paint_ms, memory })
}

/// The milliseconds in a first-paint line, if `line` is one.
fn paint_ms(line: &str) -> Option<u64> {
    PAINT_LINES
        .iter()
        .find_map(|start| line.strip_prefix(start))?
        .strip_suffix(" ms after launch")?
        .trim()
        .parse()
        .ok()
}

/// A failure that shows the app's last stderr lines.
fn launch_failure(what: &str, kept: &[String]) -> Failure {
    let tail = if kept.is_empty() {
        String::from("  (nothing on stderr)")
    } else {
        kept.iter()
            .map(|l| format!("  {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Failure::new(format!(
        "start-up measurement failed: {what}. The app's last stderr lines:\n{tail}"
    ))
}

/// The `xvfb-run` process, leader of its own process group; dropping it kills the group.
struct Running(Child);

impl Running {
    /// Asks the app to quit so xvfb-run shuts Xvfb down and removes its files, waiting a few seconds
    /// before killing the group outright.
    fn stop(mut self, app: u32) {
        signal("-TERM", &app.to_string());
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if matches!(self.0.try_wait(), Ok(Some(_))) {
                return;
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if matches!(self.0.try_wait(), Ok(None)) {
            signal("-KILL", &format!("-{}", self.0.id()));
        }
        let _ = self.0.wait();
    }
}

/// Sends `signal` to `target` (a pid, or a negated process group id) with kill(1).
fn signal(signal: &str, target: &str) {
    let _ = Command::new("kill")
        .args([signal, "--", target])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

#[cfg(test)]
mod tests {
    use super::paint_ms;

    #[test]
    fn reads_the_first_paint_line() {
        assert_eq!(
            paint_ms("throughline: first blueprint painted 812 ms after launch"),
            Some(812)
        );
        assert_eq!(
            paint_ms("throughline-empty-window: first paint 390 ms after launch"),
            Some(390)
        );
        assert_eq!(paint_ms("throughline: something else"), None);
    }
}
