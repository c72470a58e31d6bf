//! A diff as text a reviewer reads in a terminal or a pull request, one line per change:
//! "Report claim: card 'Calls claims line' moved from Frontstage to Backstage",
//! "owner of 'Calls claims line': Claims team → Support team".

use std::fmt::Write;

use super::values::label;
use super::{
    CardDiff, Change, EntityDiff, FieldChange, HeadingDiff, JourneyDiff, LinkDiff, WorkspaceDiff,
};
use crate::LinkKind;

/// Longest card text quoted in a line before it is cut with "…".
const QUOTE_CHARS: usize = 60;

/// The diff as lines of text, journeys first, then entities and the links between them; an empty
/// string when nothing differs.
pub fn to_text(diff: &WorkspaceDiff) -> String {
    let mut out = String::new();
    if diff.unrelated {
        out.push_str("note: the two versions have no journey in common\n");
    }
    for j in &diff.journeys {
        journey(&mut out, j);
    }
    if !diff.entities.is_empty() {
        out.push_str("Entities:\n");
        for e in &diff.entities {
            entity(&mut out, e);
        }
    }
    if !diff.links.is_empty() {
        out.push_str("Links between entities:\n");
        for l in &diff.links {
            link(&mut out, l);
        }
    }
    out
}

/// `text` in single quotes, cut to [`QUOTE_CHARS`].
fn quote(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    if line.chars().count() > QUOTE_CHARS || line.len() < text.len() {
        format!("'{}…'", line.chars().take(QUOTE_CHARS).collect::<String>())
    } else {
        format!("'{line}'")
    }
}

fn change(c: Change) -> &'static str {
    match c {
        Change::Added => "added",
        Change::Removed => "removed",
        Change::Changed => "changed",
    }
}

fn field_line(out: &mut String, indent: &str, of: &str, f: &FieldChange) {
    let _ = writeln!(
        out,
        "{indent}{} of {of}: {} → {}",
        label(&f.field),
        f.old,
        f.new
    );
}

fn journey(out: &mut String, j: &JourneyDiff) {
    if j.change != Change::Changed {
        let _ = writeln!(
            out,
            "Journey \"{}\": {} ({} cards)",
            j.name,
            change(j.change),
            j.card_count
        );
        return;
    }
    let _ = writeln!(out, "Journey \"{}\":", j.name);
    for f in &j.fields {
        field_line(out, "  ", "the journey", f);
    }
    for h in &j.stages {
        heading(out, "stage", h);
    }
    for h in &j.lanes {
        heading(out, "lane", h);
    }
    for c in &j.cards {
        card(out, c);
    }
    for l in &j.links {
        link(out, l);
    }
}

fn heading(out: &mut String, what: &str, h: &HeadingDiff) {
    let name = &h.name;
    match h.change {
        Change::Added | Change::Removed => {
            let _ = writeln!(out, "  {what} \"{name}\" {}", change(h.change));
        }
        Change::Changed => {
            if let Some(old) = &h.renamed_from {
                let _ = writeln!(out, "  {what} \"{old}\" renamed to \"{name}\"");
            }
            if h.reordered {
                let _ = writeln!(out, "  {what} \"{name}\" reordered");
            }
            for f in &h.fields {
                if !matches!(f.field.as_str(), "name" | "position") {
                    field_line(out, "  ", &format!("{what} \"{name}\""), f);
                }
            }
        }
    }
}

fn card(out: &mut String, c: &CardDiff) {
    let text = quote(&c.text);
    let (stage, lane) = (&c.place.stage_name, &c.place.lane_name);
    match c.change {
        Change::Added => {
            let _ = writeln!(out, "  {stage}: card {text} added in {lane}");
        }
        Change::Removed => {
            let _ = writeln!(out, "  {stage}: card {text} removed from {lane}");
        }
        Change::Changed => {
            if let Some(from) = &c.moved_from {
                let (was, now) = if from.stage == c.place.stage {
                    (from.lane_name.clone(), lane.clone())
                } else if from.lane == c.place.lane {
                    (from.stage_name.clone(), stage.clone())
                } else {
                    (
                        format!("{}, {}", from.lane_name, from.stage_name),
                        format!("{lane}, {stage}"),
                    )
                };
                let _ = writeln!(out, "  {stage}: card {text} moved from {was} to {now}");
            } else if c.fields.iter().any(|f| f.field == "position") {
                let _ = writeln!(out, "  {stage}: card {text} reordered within {lane}");
            }
            for f in &c.fields {
                if !matches!(f.field.as_str(), "lane" | "stage" | "position") {
                    field_line(out, "  ", &text, f);
                }
            }
        }
    }
}

fn relation(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Flow => "→",
        LinkKind::PerformedBy => "performed by",
        LinkKind::Uses => "uses",
        LinkKind::PartOf => "part of",
        LinkKind::DependsOn => "depends on",
        LinkKind::MemberOf => "member of",
    }
}

fn link(out: &mut String, l: &LinkDiff) {
    let what = if l.kind == LinkKind::Flow {
        "flow "
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "  {what}{} {} {}: {}",
        quote(&l.from_name),
        relation(l.kind),
        quote(&l.to_name),
        change(l.change)
    );
    for f in &l.fields {
        field_line(out, "    ", "the link", f);
    }
}

fn entity(out: &mut String, e: &EntityDiff) {
    let kind = format!("{:?}", e.kind).to_lowercase();
    if e.change != Change::Changed {
        let _ = writeln!(out, "  {kind} {}: {}", quote(&e.name), change(e.change));
        return;
    }
    for f in &e.fields {
        field_line(out, "  ", &format!("{kind} {}", quote(&e.name)), f);
    }
}
