//! `throughline analyze`: the checks panel and the impact query on the command line, as text for people
//! and JSON for scripts, with `--fail-on` so a team's CI can refuse a workspace that breaks its rules.

use serde::Serialize;
use throughline_api::{ApiError, CheckGroup, FindingKind, Id, Impact, OpenWorkspace};

/// How the report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Headings and lists, for reading.
    Text,
    /// One JSON document, for scripts.
    Json,
}

/// Findings listed per group in the text report; JSON always has all of them.
const TEXT_LIMIT: usize = 10;

#[derive(Serialize)]
struct Report<'a> {
    workspace: String,
    journey: Option<String>,
    checks: &'a [CheckGroup],
    impact: Option<&'a Impact>,
    failed: Vec<String>,
}

/// What the run asks for.
pub struct Request {
    /// Journey name or id, to limit card findings to it.
    pub journey: Option<String>,
    /// Entity name or id to ask the impact of.
    pub impact: Option<String>,
    /// Finding kinds (slugs) that make the run fail, or `any`.
    pub fail_on: Vec<String>,
    /// Output format.
    pub format: Format,
}

/// Parses `--fail-on` values into finding kinds, refusing unknown names with the list of known ones.
fn fail_kinds(names: &[String]) -> Result<Vec<FindingKind>, String> {
    let mut kinds = Vec::new();
    for name in names {
        if name == "any" {
            kinds.extend(FindingKind::ALL);
            continue;
        }
        match FindingKind::ALL.iter().find(|k| k.slug() == name) {
            Some(k) => kinds.push(*k),
            None => {
                let known: Vec<&str> = FindingKind::ALL.iter().map(|k| k.slug()).collect();
                return Err(format!(
                    "--fail-on {name}: unknown check; use any, {}",
                    known.join(", ")
                ));
            }
        }
    }
    Ok(kinds)
}

/// Runs the analysis and prints it; returns whether a `--fail-on` check found something.
pub fn run(ws: &OpenWorkspace, req: &Request) -> Result<bool, String> {
    let fail = |e: ApiError| e.message;
    let fail_on = fail_kinds(&req.fail_on)?;
    let journey: Option<Id> = req
        .journey
        .as_deref()
        .map(|name| ws.find_journey(name))
        .transpose()
        .map_err(fail)?;
    let impact = req
        .impact
        .as_deref()
        .map(|name| ws.find_entity(name).and_then(|id| ws.impact(id)))
        .transpose()
        .map_err(fail)?;
    let checks = ws.checks(journey);
    let failed: Vec<String> = checks
        .iter()
        .filter(|g| fail_on.contains(&g.kind) && !g.findings.is_empty())
        .map(|g| g.slug.clone())
        .collect();
    let journey_name = journey.and_then(|id| {
        ws.journeys()
            .into_iter()
            .find(|j| j.id == id)
            .map(|j| j.name)
    });
    match req.format {
        Format::Json => {
            let report = Report {
                workspace: ws.info().path,
                journey: journey_name,
                checks: &checks,
                impact: impact.as_ref(),
                failed: failed.clone(),
            };
            let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
            println!("{json}");
        }
        Format::Text => print_text(
            ws,
            journey_name.as_deref(),
            &checks,
            impact.as_ref(),
            &failed,
        ),
    }
    Ok(!failed.is_empty())
}

fn print_text(
    ws: &OpenWorkspace,
    journey: Option<&str>,
    checks: &[CheckGroup],
    impact: Option<&Impact>,
    failed: &[String],
) {
    let info = ws.info();
    match journey {
        Some(j) => println!("{} — journey \"{j}\"", info.name),
        None => println!("{} — {} journeys", info.name, ws.journeys().len()),
    }
    for group in checks {
        let n = group.findings.len();
        let mark = if n == 0 { "ok" } else { "!!" };
        println!("\n[{mark}] {} ({n})  --fail-on {}", group.title, group.slug);
        for finding in group.findings.iter().take(TEXT_LIMIT) {
            let names: Vec<String> = finding
                .subjects
                .iter()
                .map(|s| format!("\"{}\" ({})", s.label, s.place))
                .collect();
            println!("  - {}", names.join(" → "));
        }
        if n > TEXT_LIMIT {
            println!("  … and {} more (--format json lists all)", n - TEXT_LIMIT);
        }
    }
    if let Some(impact) = impact {
        println!(
            "\nIf {} fails: {} steps, {} moments of truth, {} stages, {} entities that depend on it",
            impact.name,
            impact.steps.len(),
            impact.moments,
            impact.stages.len(),
            impact.entities.len()
        );
        for s in &impact.steps {
            let star = if s.moment_of_truth { " ★" } else { "" };
            println!(
                "  - {} › {} › {}: \"{}\"{star}",
                s.journey_name, s.stage_name, s.lane_name, s.text
            );
        }
    }
    if !failed.is_empty() {
        println!("\nfailed: {}", failed.join(", "));
    }
}
