//! Identifiers for every record in a workspace.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// A record's identity: a UUID (v7 for new records, so ids sort by creation time) that stays the same
/// across renames, moves and journeys, and is what SQLite, the graph and the UI all key on.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(type = "string")]
pub struct Id(Uuid);

impl Id {
    /// A fresh, time-ordered id for a new record.
    pub fn new() -> Self {
        Id(Uuid::now_v7())
    }

    /// A stable id derived from a name, so seeded content (the sample workspace, synthetic benchmarks)
    /// has the same ids on every run and renders to the same bytes.
    pub fn derived(namespace: &str, key: &str) -> Self {
        let ns = Uuid::new_v5(&Uuid::NAMESPACE_URL, namespace.as_bytes());
        Id(Uuid::new_v5(&ns, key.as_bytes()))
    }

    /// Wraps an existing UUID, e.g. one read back from storage.
    pub fn from_uuid(uuid: Uuid) -> Self {
        Id(uuid)
    }

    /// The UUID inside, for storage.
    pub fn as_uuid(&self) -> &Uuid {
        &self.0
    }
}

impl Default for Id {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({})", self.0.hyphenated())
    }
}

impl FromStr for Id {
    type Err = uuid::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s).map(Id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_are_stable_and_distinct() {
        assert_eq!(Id::derived("sample", "a"), Id::derived("sample", "a"));
        assert_ne!(Id::derived("sample", "a"), Id::derived("sample", "b"));
        assert_ne!(Id::derived("sample", "a"), Id::derived("other", "a"));
    }

    #[test]
    fn ids_round_trip_through_text() {
        let id = Id::new();
        assert_eq!(id.to_string().parse::<Id>().unwrap(), id);
    }
}
