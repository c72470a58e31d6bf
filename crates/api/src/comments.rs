//! The comments panel's view of a journey: every comment with what it is about, open ones first, and
//! the name a new comment is signed with until the person gives their own.

use serde::Serialize;
use throughline_core::comment::{target_of, CommentTarget};
use throughline_core::{Comment, Id};
use ts_rs::TS;

use crate::{ApiError, ErrorCode, OpenWorkspace};

/// A comment as the panel lists it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CommentView {
    /// The comment.
    pub comment: Comment,
    /// What it is about, named.
    pub about: CommentTarget,
}

impl OpenWorkspace {
    /// The comments of `journey`: open ones first, each group oldest first, as a conversation reads.
    pub fn comments(&self, journey: Id) -> Result<Vec<CommentView>, ApiError> {
        let j = self
            .model()
            .journey(journey)
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "that journey no longer exists"))?;
        let mut out: Vec<CommentView> = j
            .comments
            .iter()
            .map(|c| CommentView {
                comment: c.clone(),
                about: target_of(j, c.target),
            })
            .collect();
        out.sort_by_key(|v| (v.comment.resolved, v.comment.at, v.comment.id));
        Ok(out)
    }
}

/// The name the operating system knows the person by, to sign comments with until they give their own
/// (an empty text when it knows none).
pub fn os_user_name() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .map(|n| throughline_core::text::clean_name(&n))
        .find(|n| !n.is_empty())
        .unwrap_or_default()
}
