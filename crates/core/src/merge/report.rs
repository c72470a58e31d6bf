//! A merge's conflicts and repairs as lines a person reads after `throughline merge` or `git merge`.

use std::fmt::Write;

use super::{Conflict, ConflictKind, Merged, RecordKind, Repair};
use crate::diff::label;

/// One line per conflict, then one per repair; an empty string for a clean merge.
pub fn to_text(merged: &Merged) -> String {
    describe(&merged.conflicts, &merged.repairs)
}

/// [`to_text`] for conflicts and repairs held apart from a workspace (one file's merge).
pub fn describe(conflicts: &[Conflict], repairs: &[Repair]) -> String {
    let mut out = String::new();
    for c in conflicts {
        conflict(&mut out, c);
    }
    for r in repairs {
        repair(&mut out, r);
    }
    out
}

fn record(kind: RecordKind, name: &str) -> String {
    let kind = match kind {
        RecordKind::Workspace => "workspace",
        RecordKind::Journey => "journey",
        RecordKind::Stage => "stage",
        RecordKind::Lane => "lane",
        RecordKind::Card => "card",
        RecordKind::Entity => "entity",
        RecordKind::Link => "link",
        RecordKind::Persona => "persona",
        RecordKind::Comment => "comment",
        RecordKind::Opportunity => "opportunity",
    };
    let line = name.lines().next().unwrap_or_default();
    let short: String = line.chars().take(60).collect();
    let cut = if short.len() < name.len() { "…" } else { "" };
    format!("{kind} '{short}{cut}'")
}

fn conflict(out: &mut String, c: &Conflict) {
    let what = record(c.record.kind, &c.record.name);
    let _ = match (c.kind, &c.field) {
        (ConflictKind::BothChanged, Some(field)) => writeln!(
            out,
            "conflict: {} of {what} changed on both sides: ours {}, theirs {}; kept ours",
            label(field),
            c.ours,
            c.theirs
        ),
        (ConflictKind::DeletedByOurs, _) => writeln!(
            out,
            "conflict: {what} deleted by ours and edited by theirs; kept their edit"
        ),
        (ConflictKind::DeletedByTheirs, _) => writeln!(
            out,
            "conflict: {what} deleted by theirs and edited by ours; kept our edit"
        ),
        (ConflictKind::BothChanged, None) => {
            writeln!(out, "conflict: {what} changed on both sides; kept ours")
        }
    };
}

fn repair(out: &mut String, r: &Repair) {
    let _ = writeln!(
        out,
        "repaired: {} {}",
        record(r.record.kind, &r.record.name),
        r.action
    );
}
