//! The workspaces a person opened lately, newest first, for File › Open Recent. Kept in a small JSON
//! file in the user's config folder; a damaged or missing file only means an empty list.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use throughline_core::Id;
use ts_rs::TS;

use crate::{write_atomically, ApiError, ErrorCode};

/// How many workspaces the list keeps.
pub const RECENT_LIMIT: usize = 10;

/// The version written in the file, so a later format can tell old files apart.
const FORMAT: u32 = 1;

/// One workspace in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecentEntry {
    /// The file, as an absolute path with links resolved, so one file is listed once.
    pub path: PathBuf,
    /// The journey shown last in it, opened again when the workspace is.
    #[serde(default)]
    pub last_journey: Option<Id>,
}

/// A workspace as Open Recent shows it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct RecentWorkspace {
    /// Full path of the file.
    pub path: String,
    /// File name without its extension.
    pub name: String,
}

/// The file as written.
#[derive(Serialize, Deserialize)]
struct RecentFile {
    version: u32,
    workspaces: Vec<RecentEntry>,
}

/// The recent workspaces, newest first, at most [`RECENT_LIMIT`], each file once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecentWorkspaces {
    entries: Vec<RecentEntry>,
}

/// Where the list is kept: `throughline/recent.json` in the user's config folder
/// (`~/.config/throughline/recent.json` on Linux).
pub fn recent_list_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("throughline").join("recent.json"))
}

/// `path` made absolute with links resolved; a path that no longer exists is only made absolute.
pub fn canonical_path(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

impl RecentWorkspaces {
    /// Reads the list from `file`. A missing file is an empty list; an unreadable or damaged one is
    /// an empty list too, with the reason (naming the file) to log, since losing this list loses
    /// nothing of the workspaces themselves.
    pub fn load(file: &Path) -> (RecentWorkspaces, Option<String>) {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Default::default(),
            Err(e) => {
                let why = format!(
                    "{}: cannot be read, starting a new list: {e}",
                    file.display()
                );
                return (RecentWorkspaces::default(), Some(why));
            }
        };
        match serde_json::from_str::<RecentFile>(&text) {
            Ok(parsed) => {
                let mut list = RecentWorkspaces::default();
                for entry in parsed.workspaces.into_iter().rev() {
                    let last = entry.last_journey;
                    list.opened(&entry.path);
                    list.entries[0].last_journey = last;
                }
                (list, None)
            }
            Err(e) => {
                let why = format!(
                    "{}: is not a list of recent workspaces ({e}), starting a new list",
                    file.display()
                );
                (RecentWorkspaces::default(), Some(why))
            }
        }
    }

    /// Writes the list to `file` (creating its folder), replacing the old one in one rename so a
    /// crash never leaves half a file.
    pub fn save(&self, file: &Path) -> Result<(), ApiError> {
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                ApiError::new(
                    ErrorCode::Storage,
                    format!("{}: cannot create the folder: {e}", dir.display()),
                )
            })?;
        }
        let contents = RecentFile {
            version: FORMAT,
            workspaces: self.entries.clone(),
        };
        let mut json = serde_json::to_vec_pretty(&contents)
            .map_err(|e| ApiError::new(ErrorCode::Invalid, e.to_string()))?;
        json.push(b'\n');
        write_atomically(file, &json, true)
    }

    /// The entries, newest first.
    pub fn entries(&self) -> &[RecentEntry] {
        &self.entries
    }

    /// The list as Open Recent shows it.
    pub fn shown(&self) -> Vec<RecentWorkspace> {
        self.entries
            .iter()
            .map(|e| RecentWorkspace {
                path: e.path.display().to_string(),
                name: e
                    .path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// Puts `path` first (moving it up if it is listed, keeping its last journey) and drops the
    /// oldest beyond [`RECENT_LIMIT`].
    pub fn opened(&mut self, path: &Path) {
        let path = canonical_path(path);
        let last_journey = match self.entries.iter().position(|e| e.path == path) {
            Some(at) => self.entries.remove(at).last_journey,
            None => None,
        };
        self.entries.insert(0, RecentEntry { path, last_journey });
        self.entries.truncate(RECENT_LIMIT);
    }

    /// Takes `path` off the list (a file that is gone); whether it was listed.
    pub fn forget(&mut self, path: &Path) -> bool {
        let path = canonical_path(path);
        let before = self.entries.len();
        self.entries.retain(|e| e.path != path);
        self.entries.len() != before
    }

    /// Takes every file that no longer exists off the list and returns them.
    pub fn drop_missing(&mut self) -> Vec<PathBuf> {
        let (kept, gone): (Vec<_>, Vec<_>) = self.entries.drain(..).partition(|e| e.path.is_file());
        self.entries = kept;
        gone.into_iter().map(|e| e.path).collect()
    }

    /// The journey shown last in the workspace at `path`, if it is listed with one.
    pub fn last_journey(&self, path: &Path) -> Option<Id> {
        let path = canonical_path(path);
        self.entries
            .iter()
            .find(|e| e.path == path)
            .and_then(|e| e.last_journey)
    }

    /// Remembers `journey` as the one shown last in the workspace at `path` (listed first if it was
    /// not listed); whether anything changed, so callers write the file only then.
    pub fn set_last_journey(&mut self, path: &Path, journey: Id) -> bool {
        let canonical = canonical_path(path);
        if !self.entries.iter().any(|e| e.path == canonical) {
            self.opened(path);
        }
        match self.entries.iter_mut().find(|e| e.path == canonical) {
            Some(entry) if entry.last_journey != Some(journey) => {
                entry.last_journey = Some(journey);
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, b"x").unwrap();
        path
    }

    fn names(list: &RecentWorkspaces) -> Vec<String> {
        list.shown().into_iter().map(|w| w.name).collect()
    }

    #[test]
    fn newest_first_each_file_once_and_at_most_ten() {
        let dir = tempfile::tempdir().unwrap();
        let mut list = RecentWorkspaces::default();
        for i in 0..12 {
            list.opened(&touch(dir.path(), &format!("ward-{i}.throughline")));
        }
        assert_eq!(list.entries().len(), RECENT_LIMIT);
        assert_eq!(names(&list)[0], "ward-11");
        assert_eq!(names(&list)[9], "ward-2");
        // The same file through another spelling of its path moves up instead of being listed twice.
        let again = dir.path().join(".").join("ward-5.throughline");
        list.opened(&again);
        assert_eq!(list.entries().len(), RECENT_LIMIT);
        assert_eq!(names(&list)[0], "ward-5");
        assert_eq!(names(&list).iter().filter(|n| *n == "ward-5").count(), 1);
    }

    #[test]
    fn files_that_are_gone_are_dropped_and_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let stay = touch(dir.path(), "coffee-shop.throughline");
        let gone = touch(dir.path(), "hotel-stay.throughline");
        let mut list = RecentWorkspaces::default();
        list.opened(&stay);
        list.opened(&gone);
        std::fs::remove_file(&gone).unwrap();
        let dropped = list.drop_missing();
        assert_eq!(dropped, vec![canonical_path(&gone)]);
        assert_eq!(names(&list), ["coffee-shop"]);
        assert!(list.forget(&stay));
        assert!(!list.forget(&stay));
        assert!(list.entries().is_empty());
    }

    #[test]
    fn the_list_and_last_journeys_survive_a_save_and_load() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config/throughline/recent.json");
        let clinic = touch(dir.path(), "clinic.throughline");
        let bakery = touch(dir.path(), "bakery.throughline");
        let mut list = RecentWorkspaces::default();
        list.opened(&clinic);
        list.opened(&bakery);
        let journey = Id::new();
        assert!(list.set_last_journey(&clinic, journey));
        assert!(!list.set_last_journey(&clinic, journey), "unchanged");
        list.save(&file).unwrap();
        let (loaded, warning) = RecentWorkspaces::load(&file);
        assert_eq!(warning, None);
        assert_eq!(loaded, list);
        assert_eq!(names(&loaded), ["bakery", "clinic"]);
        assert_eq!(loaded.last_journey(&clinic), Some(journey));
        assert_eq!(loaded.last_journey(&bakery), None);
        // Opening it again keeps its last journey.
        let mut moved = loaded.clone();
        moved.opened(&clinic);
        assert_eq!(moved.last_journey(&clinic), Some(journey));
    }

    #[test]
    fn a_damaged_or_missing_list_is_an_empty_one() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("recent.json");
        assert_eq!(RecentWorkspaces::load(&file), Default::default());
        std::fs::write(&file, b"{\"version\": 1, \"workspaces\": [tru").unwrap();
        let (list, warning) = RecentWorkspaces::load(&file);
        assert!(list.entries().is_empty());
        let warning = warning.expect("a reason to log");
        assert!(warning.contains("recent.json"), "{warning}");
        std::fs::write(&file, b"[1, 2, 3]").unwrap();
        assert!(RecentWorkspaces::load(&file).1.is_some());
    }

    #[test]
    fn an_over_long_list_on_disk_is_cut_to_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("recent.json");
        let workspaces: Vec<_> = (0..15)
            .map(|i| serde_json::json!({ "path": dir.path().join(format!("w{i}.throughline")) }))
            .collect();
        std::fs::write(
            &file,
            serde_json::to_vec(&serde_json::json!({ "version": 1, "workspaces": workspaces }))
                .unwrap(),
        )
        .unwrap();
        let (list, _) = RecentWorkspaces::load(&file);
        assert_eq!(
            names(&list),
            (0..10).map(|i| format!("w{i}")).collect::<Vec<_>>()
        );
    }
}
