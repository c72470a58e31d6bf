//! The one API every Throughline client calls. The app's commands and the CLI's subcommands are thin
//! layers over [`OpenWorkspace`], so a journey looks the same and an edit behaves the same wherever it
//! comes from.

mod annotate;
mod clipboard;
mod comments;
mod compare_view;
mod error;
mod export;
mod file_name;
mod files;
mod find;
mod future_state;
mod git_merge;
mod history;
mod import;
mod limits;
mod manage;
mod merge_versions;
mod opportunities;
mod outage;
mod patience;
mod personas;
mod recent;
mod resolve;
mod safe_write;
mod scene_update;
mod sheets;
mod system_fonts;
mod text_form;
mod types;
mod version_folders;
mod version_spec;
mod versions;
mod window_start;
mod workspace;

pub use clipboard::Pasted;
pub use comments::{os_user_name, CommentView};
pub use compare_view::{compare_journey, CardMark, CompareCounts, Comparison, Older, ThenScene};
pub use error::{ApiError, ErrorCode};
pub use export::{render, render_with_journey, today_utc, ExportFormat, ExportJob, Progress};
pub use file_name::{file_stem, MAX_STEM_BYTES};
pub use files::{with_workspace_extension, NewWorkspace, WORKSPACE_EXTENSION};
pub use find::{FindHit, Found, MAX_FIND_HITS};
pub use future_state::{FutureStateSummary, FutureStateView};
pub use git_merge::{
    git_setup, merge_file_in_place, FileMerged, GitSetup, GIT_ATTRIBUTES, GIT_DRIVER,
};
pub use history::{format_time, HistoryEntry, HistoryList, HistoryPage, MAX_HISTORY_PAGE};
pub use import::{
    journey_in_bytes, read_picture, MAX_IMPORT_CARDS, MAX_IMPORT_RECORDS, MAX_PICTURE_BYTES,
    NO_JOURNEY,
};
pub use limits::{Limits, LIMITS};
pub use manage::{
    CheckGroup, EntitySummary, EntityUsage, FindingView, HandoffView, JourneyHandoffs,
    OwnerSummary, Ownership, OwnershipRow, StageRef, StepRef, Subject,
};
pub use merge_versions::{merge_versions, write_workspace_to, VersionsMerged, Written};
pub use opportunities::{AddressedCard, OpportunityView};
pub use outage::{is_customer, CriticalityRow, Impact, ImpactCard};
pub use patience::{retry_while_in_use, OPEN_PATIENCE};
pub use personas::{JourneyRef, PersonaSummary};
pub use recent::{
    canonical_path, recent_list_path, RecentEntry, RecentWorkspace, RecentWorkspaces, RECENT_LIMIT,
};
pub use resolve::{resolve_at, split_version_spec};
pub use safe_write::{check_target, is_same_file, is_workspace, write_atomically, write_export};
pub use scene_update::{Changed, SceneUpdate, ShownScene};
pub use sheets::{
    map_column, read_csv_file, CsvColumn, CsvField, CsvPreview, CsvRow, CsvTable, CsvTarget,
};
pub use system_fonts::use_system_fonts;
pub use text_form::{
    create_workspace_file, create_workspace_file_with_versions, open_text, save_text, TextSaved,
};
pub use throughline_core::analysis::FindingKind;
pub use throughline_core::clip::{Clip, Pasting};
pub use throughline_core::comment::CommentTarget;
pub use throughline_core::diff;
pub use throughline_core::edit::Edit;
pub use throughline_core::edit::{Slot, StepDetails, Template};
pub use throughline_core::evidence::EvidenceCoverage;
pub use throughline_core::find::{FindScope, FoundIn, Snippet};
pub use throughline_core::future::FutureSummary;
pub use throughline_core::impact::Reason;
pub use throughline_core::merge;
pub use throughline_core::package::JourneyPackage;
pub use throughline_core::{synthetic, Id, Step};
pub use throughline_core::{
    Comment, Entity, EntityKind, EvidenceSource, Insight, Journey, LaneKind, Link, LinkKind,
    Opportunity, OpportunityStatus, Persona, StateChange, Workspace,
};
pub use throughline_render::{ExportOptions, PageLayout, Paper};
pub use throughline_render::{NetworkScene, Scene, SceneDiff};
pub use types::{EditResult, JourneySummary, WorkspaceInfo};
pub use version_folders::{read_versions as read_text_versions, VERSIONS_DIR, VERSION_FILE};
pub use version_spec::{compare, read_version, WorkspaceVersion};
pub use versions::{check_version_name, Version, MAX_VERSIONS, MAX_VERSION_NAME_CHARS};
pub use window_start::WindowStart;
pub use workspace::{default_workspace_path, OpenWorkspace};

#[cfg(test)]
mod bindings;
