//! Three-way merge of a workspace, record by record (by id) and field by field: two people's changes to
//! different records, or to different fields of one record, combine; both changing one field
//! differently is a conflict resolved to ours and listed with both values; a record deleted on one
//! side and edited on the other is kept as edited and listed. The result then passes every rule of
//! [`crate::validate`]: whatever the combination would break (two cards at one place, a card in a
//! deleted stage, an owner deleted by the other side) is repaired the same way every time and listed.

mod records;
mod repair;
mod report;
mod tables;

pub use report::{describe, to_text};

use serde::Serialize;

use crate::text_form::canonical;
use crate::{validate_workspace, Id, ValidationError, Workspace};

/// What kind of record a conflict or a repair is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// The workspace itself (its name).
    Workspace,
    /// A journey's own fields.
    Journey,
    /// A stage (column).
    Stage,
    /// A lane (row).
    Lane,
    /// A card.
    Card,
    /// A person, team, system or process.
    Entity,
    /// A link.
    Link,
    /// A persona.
    Persona,
    /// A comment on a journey, stage or card.
    Comment,
    /// An opportunity.
    Opportunity,
}

/// The record a conflict or a repair is about, with a name a person recognises.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordRef {
    /// What kind of record.
    pub kind: RecordKind,
    /// Its id.
    pub id: Id,
    /// Its name or, for a card, its text.
    pub name: String,
}

/// How the two sides disagreed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// Both sides changed (or both added) one field with different values; ours was kept.
    BothChanged,
    /// Ours deleted the record and theirs edited it; the edited record was kept.
    DeletedByOurs,
    /// Theirs deleted the record and ours edited it; the edited record was kept.
    DeletedByTheirs,
}

/// A place where the two sides disagreed, and both values.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// The record.
    pub record: RecordRef,
    /// The field both changed (none for a delete/edit conflict).
    pub field: Option<String>,
    /// How they disagreed.
    pub kind: ConflictKind,
    /// Our value, as a person reads it ("deleted" when ours deleted it).
    pub ours: String,
    /// Their value, as a person reads it.
    pub theirs: String,
}

/// A change the merge made so the result keeps every rule, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Repair {
    /// The record changed, restored or removed.
    pub record: RecordRef,
    /// What was done and why, in a sentence.
    pub action: String,
}

/// A merged workspace with what needed a decision.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Merged {
    /// The result, valid by every rule.
    pub workspace: Workspace,
    /// Where the two sides disagreed.
    pub conflicts: Vec<Conflict>,
    /// What was changed to keep the rules.
    pub repairs: Vec<Repair>,
}

/// Merges the changes from `base` to `ours` and from `base` to `theirs`. Deterministic: the same three
/// versions give the same result, conflicts and repairs. Fails only when an input itself breaks a rule
/// the merge cannot repair (the error names it).
pub fn merge(
    base: &Workspace,
    ours: &Workspace,
    theirs: &Workspace,
) -> Result<Merged, ValidationError> {
    let (base, ours, theirs) = (canonical(base), canonical(ours), canonical(theirs));
    let mut merged = records::merge_records(&base, &ours, &theirs);
    repair::repair(&mut merged, [&base, &ours, &theirs]);
    merged.workspace = canonical(&merged.workspace);
    validate_workspace(&merged.workspace)?;
    Ok(merged)
}

/// Merges one text value (a workspace's name): a change on one side wins; both changing it differently
/// keeps ours and gives the conflict.
pub fn merge_name(base: &str, ours: &str, theirs: &str) -> (String, Option<Conflict>) {
    if ours == theirs || theirs == base {
        return (ours.to_owned(), None);
    }
    if ours == base {
        return (theirs.to_owned(), None);
    }
    let conflict = Conflict {
        record: RecordRef {
            kind: RecordKind::Workspace,
            id: Id::derived("throughline", "workspace"),
            name: ours.to_owned(),
        },
        field: Some("name".into()),
        kind: ConflictKind::BothChanged,
        ours: ours.to_owned(),
        theirs: theirs.to_owned(),
    };
    (ours.to_owned(), Some(conflict))
}

#[cfg(test)]
mod tests;
