//! Summaries the clients list and show.

use serde::Serialize;
use throughline_core::evidence::EvidenceCoverage;
use throughline_core::Id;
use ts_rs::TS;

/// A journey as the sidebar lists it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct JourneySummary {
    /// The journey.
    pub id: Id,
    /// Its name.
    pub name: String,
    /// Its persona or segment.
    pub persona: String,
    /// What it covers.
    pub description: String,
    /// How many stages it has.
    pub stages: u32,
    /// How many cards it has.
    pub steps: u32,
    /// The shared personas it is drawn for, in order (the first scores the cards' emotion).
    pub personas: Vec<Id>,
    /// How many of its cards evidence backs and how many are marked as assumptions.
    pub evidence: EvidenceCoverage,
    /// How many of its comments are not resolved yet.
    pub open_comments: u32,
    /// For a future state, the journey it was made from (which may since have been deleted).
    pub future_of: Option<Id>,
}

/// The open workspace, for the window title and the sidebar header.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct WorkspaceInfo {
    /// Full path of the file.
    pub path: String,
    /// File name without its extension.
    pub name: String,
    /// Whether the workspace can only be read (its file or folder may not be written): edits are
    /// refused and the window says so.
    pub read_only: bool,
}

/// What an edit, undo or redo did, for the UI to follow it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EditResult {
    /// The journey it happened in (`None` when nothing happened), which the UI shows.
    pub journey: Option<Id>,
    /// Whether there is an edit to undo now.
    pub can_undo: bool,
    /// Whether there is an edit to redo now.
    pub can_redo: bool,
    /// What an undo or redo undid or redid, or what a restore brought back, in a few words ("moved
    /// 'Calls claims line'"), for the window to say; `None` for other new edits and when there was
    /// nothing to undo or redo.
    pub described: Option<String>,
}
