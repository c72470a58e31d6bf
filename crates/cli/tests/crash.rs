//! Crash safety: a process streaming edits through the API is killed with SIGKILL at a random moment,
//! a hundred times over. After every kill the file passes SQLite's integrity check and holds every
//! edit the process had reported saved.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use throughline_api::OpenWorkspace;

const TRIALS: u64 = 100;

/// Edit numbers of one trial start at `trial * STRIDE`, so every trial's texts are its own.
const STRIDE: u64 = 1_000_000;

/// A small xorshift generator, seeded from the clock (the seed is printed to replay a failure).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The card texts in the file, in card order, after a kill; also runs SQLite's full integrity check.
fn reopen(ws: &Path) -> Vec<String> {
    let opened = OpenWorkspace::open_for_editing(ws).expect("the workspace opens after a kill");
    let cards = opened
        .model()
        .journeys
        .iter()
        .flat_map(|j| j.steps.iter().map(|s| s.text.clone()))
        .collect();
    drop(opened);
    let check: String = rusqlite::Connection::open(ws)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    cards
}

#[test]
fn no_edit_reported_saved_is_lost_when_the_process_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("crash.throughline");
    let out = Command::new(env!("CARGO_BIN_EXE_throughline"))
        .args([
            "generate",
            ws.to_str().unwrap(),
            "--stages",
            "3",
            "--cards",
            "24",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let order: Vec<_> = OpenWorkspace::open_read_only(&ws)
        .unwrap()
        .model()
        .journeys
        .iter()
        .flat_map(|j| j.steps.iter().map(|s| s.id))
        .collect();
    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut rng = Rng(seed);
    let started = Instant::now();
    let (mut saved_total, mut lost) = (0u64, Vec::new());
    for trial in 0..TRIALS {
        let start = trial * STRIDE;
        let mut child = Command::new(env!("CARGO_BIN_EXE_throughline"))
            .args([
                "edit-stream",
                ws.to_str().unwrap(),
                "--start",
                &start.to_string(),
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.parse::<u64>().ok())
                .last()
        });
        std::thread::sleep(Duration::from_millis(5 + rng.below(196)));
        child.kill().unwrap();
        child.wait().unwrap();
        let texts = reopen(&ws);
        let Some(last) = reader.join().unwrap() else {
            continue;
        };
        saved_total += last - start + 1;
        // Card `c` was last written, among the edits reported saved, by the largest n <= last with
        // n = c (mod card count); a later, unreported edit may have overwritten it since.
        let count = order.len() as u64;
        for (card, text) in texts.iter().enumerate() {
            let Some(expected) = (start..=last).rev().find(|n| n % count == card as u64) else {
                continue;
            };
            let found = text
                .strip_prefix("edit ")
                .and_then(|n| n.parse::<u64>().ok());
            if !found.is_some_and(|n| n >= expected && n % count == card as u64) {
                lost.push(format!(
                    "trial {trial}: card {card} says {text:?}, expected edit {expected} or later"
                ));
            }
        }
    }
    eprintln!(
        "{TRIALS} kills (seed {seed}), {saved_total} edits reported saved, {} lost, {:.1} s",
        lost.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(lost.is_empty(), "{lost:#?}");
    assert!(saved_total > TRIALS, "the stream made progress");
}
