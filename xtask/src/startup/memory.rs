//! Memory of a process tree, read from /proc: the app plus every process below it (WebKit's web and
//! network processes, the sandbox helpers), since the WebView's cost is most of the app's.

use std::fs;
use std::path::Path;

/// Memory of one process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Process {
    /// File name of its executable, e.g. `WebKitWebProcess`.
    pub name: String,
    /// Resident set size, KiB (counts shared pages in full).
    pub rss_kib: u64,
    /// Proportional set size, KiB (shared pages split between their users).
    pub pss_kib: u64,
}

/// Memory of a set of processes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Memory {
    /// Each process, parents before children.
    pub processes: Vec<Process>,
}

impl Memory {
    /// Summed resident set size, KiB.
    pub fn rss_kib(&self) -> u64 {
        self.processes.iter().map(|p| p.rss_kib).sum()
    }

    /// Summed proportional set size, KiB: what the processes together really cost.
    pub fn pss_kib(&self) -> u64 {
        self.processes.iter().map(|p| p.pss_kib).sum()
    }
}

/// Reads `Rss` and `Pss` from `smaps_rollup` for `root` and all its descendants; processes that exit
/// meanwhile are skipped.
pub fn of_tree(root: u32) -> Memory {
    let processes = tree(root)
        .into_iter()
        .filter_map(|pid| {
            let (rss_kib, pss_kib) = rollup(pid)?;
            let exe = fs::read_link(format!("/proc/{pid}/exe")).ok()?;
            let name = exe.file_name()?.to_string_lossy().into_owned();
            Some(Process {
                name,
                rss_kib,
                pss_kib,
            })
        })
        .collect();
    Memory { processes }
}

/// The first process in the tree under `root` (root included) whose executable is `exe`.
pub fn find_in_tree(root: u32, exe: &Path) -> Option<u32> {
    let exe = fs::canonicalize(exe).ok()?;
    tree(root)
        .into_iter()
        .find(|pid| fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|p| p == exe))
}

/// `root` and every process descended from it, parents before children.
pub fn tree(root: u32) -> Vec<u32> {
    let parents = parent_links();
    let mut found = vec![root];
    let mut next = 0;
    while next < found.len() {
        let parent = found[next];
        found.extend(
            parents
                .iter()
                .filter(|&&(_, ppid)| ppid == parent)
                .map(|&(pid, _)| pid),
        );
        next += 1;
    }
    found
}

/// Every running process as (pid, parent pid).
fn parent_links() -> Vec<(u32, u32)> {
    let Ok(entries) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            Some((
                pid,
                parent_of(&fs::read_to_string(format!("/proc/{pid}/stat")).ok()?)?,
            ))
        })
        .collect()
}

/// The parent pid in a `/proc/PID/stat` line; the command name in parentheses may itself hold spaces
/// or parentheses, so fields are counted from the last `)`.
fn parent_of(stat: &str) -> Option<u32> {
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// `Rss` and `Pss` of one process, KiB.
fn rollup(pid: u32) -> Option<(u64, u64)> {
    parse_rollup(&fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?)
}

/// Reads the `Rss:` and `Pss:` lines of a `smaps_rollup` file.
fn parse_rollup(text: &str) -> Option<(u64, u64)> {
    let field = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next()?.parse::<u64>().ok())
    };
    Some((field("Rss:")?, field("Pss:")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_parent_even_when_the_name_has_parentheses() {
        assert_eq!(parent_of("42 (Web (Content)) S 7 42 42 0 -1"), Some(7));
    }

    #[test]
    fn parses_rss_and_pss() {
        let text = "55d0-7ffd ---p 00000000 00:00 0 [rollup]\nRss:  1024 kB\nPss:   512 kB\nPss_Anon: 100 kB\n";
        assert_eq!(parse_rollup(text), Some((1024, 512)));
    }

    #[test]
    fn the_tree_of_this_process_includes_a_child() {
        let mut child = std::process::Command::new("sleep")
            .arg("5")
            .spawn()
            .unwrap();
        let tree = tree(std::process::id());
        let _ = child.kill();
        let _ = child.wait();
        assert!(tree.contains(&child.id()));
        assert!(of_tree(std::process::id()).rss_kib() > 0);
    }
}
