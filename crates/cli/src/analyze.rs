//! `throughline analyze`: the checks panel and the impact query on the command line, as text for people
//! and JSON for scripts, with `--fail-on` so a team's CI can refuse a workspace that breaks its rules.

use serde::Serialize;
use throughline_api::{
    is_customer, ApiError, CheckGroup, CriticalityRow, EvidenceCoverage, FindingKind,
    FutureStateSummary, Id, Impact, ImpactCard, JourneyHandoffs, OpenWorkspace, Reason,
};

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
    handoffs: &'a [JourneyHandoffs],
    impact: Option<&'a Impact>,
    criticality: Option<&'a [CriticalityRow]>,
    evidence: &'a [JourneyEvidence],
    future_states: &'a [FutureStateSummary],
    failed: Vec<String>,
}

/// How much of one journey research backs, for the report.
#[derive(Serialize)]
struct JourneyEvidence {
    journey: String,
    #[serde(flatten)]
    coverage: EvidenceCoverage,
}

/// What the run asks for.
pub struct Request {
    /// Journey name or id, to limit card findings to it.
    pub journey: Option<String>,
    /// Entity names or ids taken down together, to ask what fails with them.
    pub impact: Vec<String>,
    /// Whether to rank every entity by what its failure costs the customer.
    pub criticality: bool,
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
    let impact = if req.impact.is_empty() {
        None
    } else {
        let down = req
            .impact
            .iter()
            .map(|name| ws.find_entity(name))
            .collect::<Result<Vec<Id>, ApiError>>()
            .map_err(fail)?;
        Some(ws.impact_of(&down).map_err(fail)?)
    };
    let criticality = req.criticality.then(|| ws.criticality());
    let checks = ws.checks(journey);
    let handoffs = ws.handoffs(journey);
    let failed: Vec<String> = checks
        .iter()
        .filter(|g| fail_on.contains(&g.kind) && !g.findings.is_empty())
        .map(|g| g.slug.clone())
        .collect();
    let evidence: Vec<JourneyEvidence> = ws
        .journeys()
        .into_iter()
        .filter(|j| journey.is_none_or(|id| id == j.id))
        .map(|j| JourneyEvidence {
            journey: j.name,
            coverage: j.evidence,
        })
        .collect();
    let future_states: Vec<FutureStateSummary> = ws
        .future_summaries()
        .into_iter()
        .filter(|f| {
            journey.is_none_or(|id| {
                f.future.id == id || f.current.as_ref().is_some_and(|c| c.id == id)
            })
        })
        .collect();
    let journey_name = journey.and_then(|id| {
        ws.journeys()
            .into_iter()
            .find(|j| j.id == id)
            .map(|j| j.name)
    });
    let report = Report {
        workspace: ws.info().path,
        journey: journey_name,
        checks: &checks,
        handoffs: &handoffs,
        impact: impact.as_ref(),
        criticality: criticality.as_deref(),
        evidence: &evidence,
        future_states: &future_states,
        failed,
    };
    match req.format {
        Format::Json => {
            let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
            println!("{json}");
        }
        Format::Text => print_text(ws, &report),
    }
    Ok(!report.failed.is_empty())
}

fn print_text(ws: &OpenWorkspace, report: &Report) {
    let info = ws.info();
    match &report.journey {
        Some(j) => println!("{} — journey \"{j}\"", info.name),
        None => println!("{} — {} journeys", info.name, ws.journeys().len()),
    }
    for group in report.checks {
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
    print_handoffs(report.handoffs);
    print_evidence(report.evidence);
    print_future_states(report.future_states);
    if let Some(impact) = report.impact {
        print_impact(impact);
    }
    if let Some(rows) = report.criticality {
        print_criticality(rows);
    }
    if !report.failed.is_empty() {
        println!("\nfailed: {}", report.failed.join(", "));
    }
}

/// What each future state changes against its current state, in the numbers a room asks for.
fn print_future_states(futures: &[FutureStateSummary]) {
    if futures.is_empty() {
        return;
    }
    println!("\nFuture states");
    for f in futures {
        let s = &f.summary;
        match &f.current {
            Some(c) => println!("  {} (of \"{}\")", f.future.name, c.name),
            None => println!("  {} (its current state has been deleted)", f.future.name),
        }
        println!(
            "    {} removed, {} changed, {} new, {} kept",
            s.removed, s.changed, s.added, s.kept
        );
        println!(
            "    {} resolved, {} left; moments of truth: {} gained, {} lost",
            counted(s.pain_points_resolved, "pain point", "pain points"),
            s.pain_points_left,
            s.moments_gained,
            s.moments_lost
        );
        let score =
            |v: Option<f64>| v.map_or_else(|| "not scored".to_owned(), |v| format!("{v:+.1}"));
        println!(
            "    average emotion {} → {}",
            score(s.emotion_before),
            score(s.emotion_after)
        );
    }
}

/// How many cards of each journey research backs and how many the room marked as guesses, so a
/// reader knows how far to trust the map.
fn print_evidence(journeys: &[JourneyEvidence]) {
    println!("\nEvidence");
    for j in journeys {
        let c = &j.coverage;
        let mut line = format!(
            "  {}: {} of {} backed by evidence",
            j.journey,
            c.backed,
            counted(c.steps, "card", "cards")
        );
        if c.assumptions > 0 {
            line.push_str(&format!(
                ", {}",
                counted(c.assumptions, "assumption", "assumptions")
            ));
        }
        if c.assumed_moments > 0 {
            line.push_str(&format!(
                ", {} of them {}",
                c.assumed_moments,
                if c.assumed_moments == 1 {
                    "a moment of truth"
                } else {
                    "moments of truth"
                }
            ));
        }
        println!("{line}");
    }
}

/// Where the work changes hands along each journey's flow, as the blueprint's diamonds show it, with
/// the hand-offs to or from a card without a team called out as unassigned.
fn print_handoffs(journeys: &[JourneyHandoffs]) {
    let total: usize = journeys.iter().map(|j| j.handoffs.len()).sum();
    let unassigned = journeys
        .iter()
        .flat_map(|j| &j.handoffs)
        .filter(|h| h.unassigned)
        .count();
    println!(
        "\nHand-offs ({total}, {})",
        counted(unassigned as u32, "unassigned", "unassigned")
    );
    for j in journeys.iter().filter(|j| !j.handoffs.is_empty()) {
        println!("  {}", j.name);
        for h in j.handoffs.iter().take(TEXT_LIMIT * 2) {
            let team = |t: &Option<String>| t.as_deref().unwrap_or("no team").to_string();
            let label = if h.unassigned {
                "unassigned hand-off"
            } else {
                "hand-off"
            };
            println!(
                "  - {label}: \"{}\" ({}) → \"{}\" ({}), {} → {}",
                h.from.text,
                h.from.stage_name,
                h.to.text,
                h.to.stage_name,
                team(&h.from_team),
                team(&h.to_team),
            );
        }
        if j.handoffs.len() > TEXT_LIMIT * 2 {
            println!(
                "  … and {} more (--format json lists all)",
                j.handoffs.len() - TEXT_LIMIT * 2
            );
        }
    }
}

/// The impact as a manager reads it: what the customer feels first, then the internal cards by why.
fn print_impact(impact: &Impact) {
    let verb = if impact.asked.len() == 1 {
        "fails"
    } else {
        "fail"
    };
    let stages: Vec<&str> = impact
        .stages
        .iter()
        .map(|s| s.stage_name.as_str())
        .collect();
    println!(
        "\nIf {} {verb}: {} moments of truth and {} customer steps at risk, in {} stages{}",
        impact.name,
        impact.moments,
        impact.customer_steps,
        impact.stages.len(),
        if stages.is_empty() {
            String::new()
        } else {
            format!(" ({})", stages.join(", "))
        }
    );
    let at_risk = |c: &&ImpactCard| c.reason.at_risk();
    let section = |title: &str, cards: Vec<&ImpactCard>| {
        if cards.is_empty() {
            return;
        }
        println!("  {title}:");
        for c in cards {
            println!("    - {}", card_line(c));
        }
    };
    section(
        "Moments of truth at risk",
        impact
            .cards
            .iter()
            .filter(at_risk)
            .filter(|c| c.step.moment_of_truth)
            .collect(),
    );
    section(
        "Other customer steps at risk",
        impact
            .cards
            .iter()
            .filter(at_risk)
            .filter(|c| !c.step.moment_of_truth && is_customer(&c.step))
            .collect(),
    );
    for (reason, title) in [
        (Reason::ReliesDirectly, "Relies directly"),
        (Reason::Downstream, "Downstream (fed only by failed work)"),
        (Reason::CustomerDelivery, "Evidence not delivered"),
        (Reason::Degraded, "Degraded (another path still feeds it)"),
    ] {
        section(
            title,
            impact
                .cards
                .iter()
                .filter(|c| c.reason == reason)
                .filter(|c| !c.step.moment_of_truth && !is_customer(&c.step))
                .collect(),
        );
    }
    if !impact.entities.is_empty() {
        println!(
            "  {} that depend on it go down too",
            counted(impact.entities.len() as u32, "entity", "entities")
        );
    }
}

/// One card with its place and the reason it is in the answer.
fn card_line(c: &ImpactCard) -> String {
    let s = &c.step;
    let why = match c.reason {
        Reason::ReliesDirectly => format!("relies on {}", c.because),
        Reason::Downstream => format!("fed only by failed \"{}\"", c.because),
        Reason::CustomerRequest => format!("its request lands on failed \"{}\"", c.because),
        Reason::CustomerDelivery => format!("delivered by failed \"{}\"", c.because),
        Reason::Degraded => format!("loses \"{}\", still fed another way", c.because),
    };
    let emotion = c
        .emotion
        .map(|e| format!("; emotion {e:+}"))
        .unwrap_or_default();
    let star = if s.moment_of_truth { "★ " } else { "" };
    format!(
        "{star}{} › {} › {}: \"{}\" ({why}{emotion})",
        s.journey_name, s.stage_name, s.lane_name, s.text
    )
}

/// The ranking of single points of failure, most critical first.
fn print_criticality(rows: &[CriticalityRow]) {
    println!("\nSingle points of failure (what each one's failure alone puts at risk):");
    for (i, r) in rows.iter().take(TEXT_LIMIT * 2).enumerate() {
        println!(
            "  {:>2}. {} ({:?}): {}, {}, {}, {}",
            i + 1,
            r.name,
            r.kind,
            counted(r.moments, "moment of truth", "moments of truth"),
            counted(r.customer_steps, "customer step", "customer steps"),
            counted(r.cards, "card", "cards"),
            counted(r.dependents, "dependent", "dependents"),
        );
    }
    if rows.len() > TEXT_LIMIT * 2 {
        println!(
            "  … and {} more (--format json lists all)",
            rows.len() - TEXT_LIMIT * 2
        );
    }
}

/// "1 card", "3 cards".
fn counted(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
