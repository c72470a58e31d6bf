//! Records as named fields, and field values as a reviewer reads them: a lane by its name, an owner by
//! the entity's name, an emotion as "+1". Diff and merge compare records field by field through this.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::{EvidenceSource, Id, Workspace};

/// A record's fields by their names in the model (`text`, `owner`, `pain_point`…).
pub type Fields = Map<String, Value>;

/// The fields of a record, as serde writes them.
pub fn fields<T: Serialize>(record: &T) -> Fields {
    match serde_json::to_value(record) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// The order fields are listed in: what a card says and where it is first, then its markers, notes,
/// metrics and owner, as the details panel shows them.
const FIELD_ORDER: [&str; 24] = [
    "name",
    "text",
    "kind",
    "persona",
    "description",
    "lane",
    "stage",
    "position",
    "channel",
    "moment_of_truth",
    "emotion",
    "pain_point",
    "pain_severity",
    "fail_point",
    "wait_point",
    "notes",
    "metrics",
    "evidence",
    "assumption",
    "change",
    "origin",
    "owner",
    "from",
    "to",
];

/// The names of the fields whose values differ between two records, in [`FIELD_ORDER`] (any other
/// field after those, by name).
pub fn changed_fields<'a>(old: &'a Fields, new: &'a Fields) -> Vec<&'a str> {
    let mut changed: Vec<&str> = new
        .iter()
        .filter(|(k, v)| old.get(k.as_str()) != Some(v))
        .map(|(k, _)| k.as_str())
        .chain(
            old.keys()
                .filter(|k| !new.contains_key(k.as_str()))
                .map(String::as_str),
        )
        .collect();
    changed.sort_by_key(|f| {
        (
            FIELD_ORDER
                .iter()
                .position(|o| o == f)
                .unwrap_or(usize::MAX),
            *f,
        )
    });
    changed
}

/// The names of a workspace's records by id (journeys, stages, lanes, cards, entities), so a value
/// that is an id can be shown as what it names.
#[derive(Default)]
pub struct Names(HashMap<Id, String>);

impl Names {
    /// Indexes every named record of `ws`.
    pub fn of(ws: &Workspace) -> Names {
        let mut names = HashMap::new();
        for j in &ws.journeys {
            names.insert(j.id, j.name.clone());
            names.extend(j.stages.iter().map(|s| (s.id, s.name.clone())));
            names.extend(j.lanes.iter().map(|l| (l.id, l.name.clone())));
            names.extend(j.steps.iter().map(|s| (s.id, s.text.clone())));
        }
        names.extend(ws.entities.iter().map(|e| (e.id, e.name.clone())));
        Names(names)
    }

    /// The name of the record with this id, or the id itself when it names nothing known.
    pub fn name(&self, id: Id) -> String {
        self.0.get(&id).cloned().unwrap_or_else(|| id.to_string())
    }
}

/// A field name as words: `pain_point` → "pain point".
pub fn label(field: &str) -> String {
    field.replace('_', " ")
}

/// A field's value as a reviewer reads it. Ids are shown by what they name, metrics as
/// "name actual/target unit", emotions with their sign, and absent values as "(none)".
pub fn show(field: &str, value: &Value, names: &Names) -> String {
    match (field, value) {
        (_, Value::Null) => "(none)".into(),
        ("emotion", Value::Number(n)) => match n.as_i64() {
            Some(v) if v > 0 => format!("+{v}"),
            _ => n.to_string(),
        },
        ("metrics", Value::Array(items)) if items.is_empty() => "(none)".into(),
        ("metrics", Value::Array(items)) => {
            items.iter().map(show_metric).collect::<Vec<_>>().join("; ")
        }
        ("evidence", Value::Array(items)) if items.is_empty() => "(none)".into(),
        ("evidence", Value::Array(items)) => items
            .iter()
            .map(show_insight)
            .collect::<Vec<_>>()
            .join("; "),
        (_, Value::String(s)) => match s.parse::<Id>() {
            Ok(id)
                if matches!(
                    field,
                    "owner" | "lane" | "stage" | "from" | "to" | "journey"
                ) =>
            {
                names.name(id)
            }
            _ if s.is_empty() => "(empty)".into(),
            _ => s.clone(),
        },
        (_, Value::Bool(b)) => if *b { "yes" } else { "no" }.into(),
        (_, other) => other.to_string(),
    }
}

/// An insight as "“text” (source, date)".
fn show_insight(insight: &Value) -> String {
    let text = |k: &str| insight.get(k).and_then(Value::as_str).unwrap_or_default();
    let source = serde_json::from_value::<EvidenceSource>(insight["source"].clone())
        .map_or("Other", EvidenceSource::label);
    match text("date") {
        "" => format!("“{}” ({source})", text("text")),
        date => format!("“{}” ({source}, {date})", text("text")),
    }
}

fn show_metric(metric: &Value) -> String {
    let text = |k: &str| metric.get(k).and_then(Value::as_str).unwrap_or_default();
    let number = |k: &str| {
        metric
            .get(k)
            .and_then(Value::as_f64)
            .map_or("–".to_owned(), |v| v.to_string())
    };
    let unit = text("unit");
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    format!(
        "{} {}/{}{unit}",
        text("name"),
        number("actual"),
        number("target")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_read_as_words() {
        let names = Names::default();
        assert_eq!(show("emotion", &json!(2), &names), "+2");
        assert_eq!(show("emotion", &json!(-1), &names), "-1");
        assert_eq!(show("owner", &Value::Null, &names), "(none)");
        assert_eq!(show("notes", &json!(""), &names), "(empty)");
        assert_eq!(show("fail_point", &json!(true), &names), "yes");
        assert_eq!(
            show(
                "metrics",
                &json!([{"name": "Wait", "unit": "min", "target": 5.0, "actual": 12.0, "kind": "leading"}]),
                &names
            ),
            "Wait 12/5 min"
        );
        assert_eq!(
            show(
                "evidence",
                &json!([
                    {"text": "Queues at 3 pm", "source": "analytics", "date": "2026-03-02", "reference": ""},
                    {"text": "I gave up", "source": "support_tickets", "date": null, "reference": "T-12"}
                ]),
                &names
            ),
            "“Queues at 3 pm” (Analytics, 2026-03-02); “I gave up” (Support tickets)"
        );
        assert_eq!(show("evidence", &json!([]), &names), "(none)");
        assert_eq!(label("moment_of_truth"), "moment of truth");
    }
}
