//! The history of an open workspace as the History panel shows it: its edits newest first, a page at a
//! time, each with when, in which session and what it did; the workspace as it was after any of them
//! (read-only, nothing written); and restoring that state as one undoable edit.

use serde::{Deserialize, Serialize};
use throughline_core::edit::{apply, describe, Edit};
use throughline_core::restore::restore_edit;
use throughline_core::Workspace;
use ts_rs::TS;

use crate::{ApiError, EditResult, ErrorCode, OpenWorkspace};

/// Most entries one page holds, however many are asked for.
pub const MAX_HISTORY_PAGE: u32 = 1_000;

/// Which page of the history to list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct HistoryPage {
    /// List entries older than this one (the previous page's `next_before_seq`); `None` for the
    /// newest page.
    #[ts(type = "number | null")]
    pub before_seq: Option<i64>,
    /// How many entries at most (capped at [`MAX_HISTORY_PAGE`]).
    pub limit: u32,
}

/// One edit in the history.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct HistoryEntry {
    /// Its place in the history, for [`OpenWorkspace::workspace_at`] and [`OpenWorkspace::restore`].
    #[ts(type = "number")]
    pub seq: i64,
    /// When it was made (unix ms); `None` for edits made before Throughline recorded it.
    #[ts(type = "number | null")]
    pub at: Option<i64>,
    /// The opening of the file it was made in (the unix ms of that opening, so it also says when the
    /// session began); consecutive entries with the same session form one group. `None` for edits
    /// made before sessions were recorded.
    #[ts(type = "number | null")]
    pub session: Option<i64>,
    /// What it did, in one line ("moved 'Calls claims line'").
    pub description: String,
    /// Whether it is undone (redo would make it again).
    pub undone: bool,
}

/// A page of the history, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct HistoryList {
    /// The entries, newest first.
    pub entries: Vec<HistoryEntry>,
    /// Pass as `before_seq` for the next (older) page; `None` when this was the oldest.
    #[ts(type = "number | null")]
    pub next_before_seq: Option<i64>,
    /// The session of this opening of the file, so the panel can call its group "this session" (0
    /// when the workspace was opened read-only: it makes no entries).
    #[ts(type = "number")]
    pub current_session: i64,
    /// The newest entry not undone: the one the workspace is at now (`None` when there is none).
    #[ts(type = "number | null")]
    pub current_seq: Option<i64>,
}

/// `ms` (unix milliseconds) as a person reads it: "2026-12-03 16:45 UTC".
pub fn format_time(ms: i64) -> String {
    let secs = ms.div_euclid(1_000);
    let days = secs.div_euclid(86_400);
    let of_day = secs.rem_euclid(86_400);
    format!(
        "{} {:02}:{:02} UTC",
        crate::export::civil_date(days.max(0) as u64),
        of_day / 3_600,
        of_day % 3_600 / 60
    )
}

impl OpenWorkspace {
    /// A page of the history, newest first. Entries made before descriptions were recorded are
    /// worded afresh over the current workspace (names of records since deleted are then left out).
    pub fn history(&self, page: &HistoryPage) -> Result<HistoryList, ApiError> {
        let limit = page.limit.clamp(1, MAX_HISTORY_PAGE);
        let mut rows = self.store().history_page(page.before_seq, limit + 1)?;
        let more = rows.len() > limit as usize;
        rows.truncate(limit as usize);
        let mut entries = Vec::with_capacity(rows.len());
        for row in rows {
            let description = match row.description {
                Some(d) => d,
                None => match self.store().history_edit(row.seq)? {
                    Some((edit, _)) => describe(&edit, self.model()),
                    None => "an edit".to_owned(),
                },
            };
            entries.push(HistoryEntry {
                seq: row.seq,
                at: row.at,
                session: row.session,
                description,
                undone: row.undone,
            });
        }
        Ok(HistoryList {
            next_before_seq: more.then(|| entries.last().map(|e| e.seq)).flatten(),
            entries,
            current_session: self.store().session(),
            current_seq: self.store().newest_applied()?,
        })
    }

    /// The workspace as it was just after history entry `seq` was made, computed in memory from the
    /// current one (nothing is written): the edits newer than `seq` are undone, newest first; for an
    /// undone entry, the undone edits up to it are made again.
    pub fn workspace_at(&self, seq: i64) -> Result<Workspace, ApiError> {
        let Some((_, undone)) = self.store().history_edit(seq)? else {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!(
                    "the history holds no entry {seq} (it keeps the newest {} edits)",
                    throughline_store::HISTORY_LIMIT
                ),
            ));
        };
        let edits = if undone {
            self.store().redos_through(seq)?
        } else {
            self.store().inverses_after(seq)?
        };
        let mut ws = self.model().clone();
        for edit in &edits {
            apply(&mut ws, edit).map_err(|e| {
                ApiError::new(
                    ErrorCode::NotAWorkspace,
                    format!("the history cannot be walked back to entry {seq}: {e}"),
                )
            })?;
        }
        Ok(ws)
    }

    /// The workspace as it was just after history entry `seq`, open in memory and read-only, so every
    /// view (scenes, journeys, checks) can show it as it was and every edit is refused.
    pub fn view_at(&self, seq: i64) -> Result<OpenWorkspace, ApiError> {
        OpenWorkspace::read_only_view(&self.workspace_at(seq)?)
    }

    /// Brings the workspace back to how it was just after history entry `seq`, as one undoable edit
    /// described "restored the version of <its time>".
    pub fn restore(&mut self, seq: i64) -> Result<EditResult, ApiError> {
        let target = self.workspace_at(seq)?;
        let when = self
            .store()
            .history_page(Some(seq + 1), 1)?
            .first()
            .and_then(|r| r.at)
            .map_or_else(|| format!("edit {seq}"), format_time);
        self.restore_to(&target, &format!("restored the version of {when}"))
    }

    /// Makes the workspace equal `target` by one undoable edit with `description`; nothing is written
    /// when it already is.
    pub(crate) fn restore_to(
        &mut self,
        target: &Workspace,
        description: &str,
    ) -> Result<EditResult, ApiError> {
        self.refuse_if_read_only()?;
        let edit = restore_edit(self.model(), target)
            .map_err(|e| ApiError::new(ErrorCode::Invalid, e.to_string()))?;
        if matches!(&edit, Edit::Batch { edits } if edits.is_empty()) {
            return Ok(self.status(None));
        }
        let mut result = self.apply_described(&edit, description)?;
        result.described = Some(description.to_owned());
        Ok(result)
    }
}
