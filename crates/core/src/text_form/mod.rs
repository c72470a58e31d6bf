//! The canonical text form of a workspace: a folder of pretty-printed JSON files (`workspace.json`,
//! `entities.json`, one `journeys/<slug>-<short id>.json` per journey) that a team keeps in Git. Every
//! record is written in a stable order with its keys in a fixed order, one field per line, so `git diff`
//! shows one line per changed field and edits to different cards merge with Git's line merge; writing
//! what was read gives the same bytes.
//!
//! This module only converts between a [`Workspace`] and a map of relative path → file contents; the api
//! crate reads and writes the folder. Reading trusts nothing: sizes are capped before parsing, every
//! field is typed and required, every reference is checked, and each error names the file, the line,
//! the field and what was expected.

mod error;
mod one_file;
mod read;
mod records;
mod slug;
mod write;

pub use error::{TextFormError, TextFormErrorKind};
pub use one_file::{merge_file, MergedFile, TextFile};
pub use read::from_files;
pub use slug::{journey_file_name, slug};
pub use write::to_files;

use crate::Workspace;

/// What the `format` field of `workspace.json` says, so another program's JSON is not taken for ours.
pub const TEXT_FORMAT: &str = "throughline-workspace";

/// The text form version this build writes and the newest it reads.
pub const TEXT_VERSION: u32 = 1;

/// The file that says a folder holds a text form, with its format, version and the workspace's name.
pub const WORKSPACE_FILE: &str = "workspace.json";

/// The file of people, teams, systems and processes and the links among them.
pub const ENTITIES_FILE: &str = "entities.json";

/// The folder of journey files.
pub const JOURNEYS_DIR: &str = "journeys";

/// Largest file read, in bytes (64 MiB), checked before parsing: ten times a 10,000-card journey.
pub const MAX_FILE_BYTES: usize = 64 << 20;

/// Largest text form read, all files together, in bytes (256 MiB), checked before parsing, so a hostile
/// folder cannot make a read allocate without bound.
pub const MAX_TOTAL_BYTES: usize = 256 << 20;

/// Most records (journeys, stages, lanes, cards, metrics, entities, links) one text form may hold.
pub const MAX_RECORDS: usize = 2_000_000;

/// The workspace in the order the text form reads it back: journeys by position then id; stages and
/// lanes by position then id; cards by id; entities by kind then id; links by id. Two workspaces that
/// differ only in the order of their lists are equal once both are in this order.
pub fn canonical(ws: &Workspace) -> Workspace {
    let mut ws = ws.clone();
    ws.journeys
        .sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    for j in &mut ws.journeys {
        j.stages
            .sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
        j.lanes
            .sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
        j.steps.sort_by_key(|s| s.id);
        crate::comment::sort(&mut j.comments);
    }
    ws.entities.sort_by_key(|e| (e.kind, e.id));
    ws.links.sort_by_key(|l| l.id);
    ws.personas.sort_by_key(|p| p.id);
    ws
}
