//! The one API every Throughline client calls. The app's commands and the CLI's subcommands are thin
//! layers over [`OpenWorkspace`], so a journey looks the same and an edit behaves the same wherever it
//! comes from.

mod error;
mod export;
mod files;
mod import;
mod manage;
mod recent;
mod types;
mod workspace;

pub use error::{ApiError, ErrorCode};
pub use export::{
    file_stem, render, render_with_journey, today_utc, write_atomically, ExportFormat, ExportJob,
    Progress,
};
pub use files::{with_workspace_extension, NewWorkspace, WORKSPACE_EXTENSION};
pub use import::{journey_in_bytes, NO_JOURNEY};
pub use manage::{
    CheckGroup, EntitySummary, EntityUsage, FindingView, Impact, JourneyHandoffs, OwnerSummary,
    Ownership, OwnershipRow, StageRef, StepRef, Subject,
};
pub use recent::{
    canonical_path, recent_list_path, RecentEntry, RecentWorkspace, RecentWorkspaces, RECENT_LIMIT,
};
pub use throughline_core::analysis::FindingKind;
pub use throughline_core::edit::Edit;
pub use throughline_core::edit::{Slot, StepDetails, Template};
pub use throughline_core::package::JourneyPackage;
pub use throughline_core::{synthetic, Id, Step};
pub use throughline_core::{Entity, EntityKind, Link, LinkKind};
pub use throughline_render::{ExportOptions, PageLayout, Paper};
pub use throughline_render::{NetworkScene, Scene};
pub use types::{EditResult, JourneySummary, WorkspaceInfo};
pub use workspace::{default_workspace_path, OpenWorkspace};

#[cfg(test)]
mod bindings;
