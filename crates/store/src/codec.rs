//! How model values are stored: ids as 16-byte blobs, kinds as their snake_case names.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};
use throughline_core::{EntityKind, Id, LaneKind, LinkKind, Severity, StateChange};
use uuid::Uuid;

/// An id as stored.
pub struct Blob(pub Id);

impl rusqlite::ToSql for Blob {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Blob(
            self.0.as_uuid().as_bytes(),
        )))
    }
}

impl Blob {
    /// A stored id as a person reads it: the UUID, or the bytes in hex when they are not one.
    pub fn describe(bytes: &[u8]) -> String {
        Uuid::from_slice(bytes)
            .map(|u| u.to_string())
            .unwrap_or_else(|_| bytes.iter().map(|b| format!("{b:02x}")).collect())
    }
}

impl FromSql for Blob {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let bytes = value.as_blob()?;
        Uuid::from_slice(bytes)
            .map(|u| Blob(Id::from_uuid(u)))
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// A kind enum stored as text.
pub trait Named: Sized + Copy + 'static {
    /// Every variant with its stored name.
    const NAMES: &'static [(Self, &'static str)];
}

impl Named for LaneKind {
    const NAMES: &'static [(Self, &'static str)] = &[
        (LaneKind::Evidence, "evidence"),
        (LaneKind::Customer, "customer"),
        (LaneKind::Frontstage, "frontstage"),
        (LaneKind::Backstage, "backstage"),
        (LaneKind::Support, "support"),
    ];
}

impl Named for EntityKind {
    const NAMES: &'static [(Self, &'static str)] = &[
        (EntityKind::Person, "person"),
        (EntityKind::Team, "team"),
        (EntityKind::System, "system"),
        (EntityKind::Process, "process"),
    ];
}

impl Named for StateChange {
    const NAMES: &'static [(Self, &'static str)] = &[
        (StateChange::Kept, "kept"),
        (StateChange::Changed, "changed"),
        (StateChange::Removed, "removed"),
        (StateChange::New, "new"),
    ];
}

impl Named for LinkKind {
    const NAMES: &'static [(Self, &'static str)] = &[
        (LinkKind::Flow, "flow"),
        (LinkKind::PerformedBy, "performed_by"),
        (LinkKind::Uses, "uses"),
        (LinkKind::PartOf, "part_of"),
        (LinkKind::DependsOn, "depends_on"),
        (LinkKind::MemberOf, "member_of"),
    ];
}

impl Named for Severity {
    const NAMES: &'static [(Self, &'static str)] = &[
        (Severity::Low, "low"),
        (Severity::Medium, "medium"),
        (Severity::High, "high"),
    ];
}

/// The stored name of a kind.
pub fn name_of<T: Named + PartialEq>(v: T) -> &'static str {
    T::NAMES
        .iter()
        .find(|(k, _)| *k == v)
        .map(|(_, n)| *n)
        .unwrap_or("")
}

/// A kind read back from its stored name.
pub struct Kind<T>(pub T);

impl<T: Named> FromSql for Kind<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let s = value.as_str()?;
        T::NAMES
            .iter()
            .find(|(_, n)| *n == s)
            .map(|(k, _)| Kind(*k))
            .ok_or_else(|| FromSqlError::Other(format!("unknown kind {s:?}").into()))
    }
}

/// An optional id as stored.
pub fn opt(id: Option<Id>) -> Option<Blob> {
    id.map(Blob)
}
