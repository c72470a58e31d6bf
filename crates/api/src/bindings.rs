//! The TypeScript the UI imports is generated from the Rust types that cross the IPC. This test fails
//! when the committed files are stale; `UPDATE_BINDINGS=1 cargo test -p throughline-api bindings`
//! rewrites them.

use std::path::{Path, PathBuf};

use throughline_core::diff::WorkspaceDiff;
use ts_rs::{Config, TS};

use crate::{
    ApiError, CheckGroup, Clip, Comparison, CriticalityRow, CsvPreview, CsvTable, CsvTarget, Edit,
    EditResult, EntitySummary, EntityUsage, ExportFormat, ExportOptions, FindScope, Found,
    HistoryList, HistoryPage, Impact, JourneySummary, Limits, Link, NetworkScene, NewWorkspace,
    Older, Ownership, Pasted, Pasting, PersonaSummary, RecentWorkspace, Scene, SceneUpdate,
    ShownScene, Step, ThenScene, Version, WindowStart, WorkspaceInfo,
};

fn export_all(dir: &Path) {
    let cfg = Config::new().with_out_dir(dir);
    Scene::export_all(&cfg).unwrap();
    throughline_render::LayoutMetrics::export_all(&cfg).unwrap();
    write_layout_metrics(dir);
    Comparison::export_all(&cfg).unwrap();
    ThenScene::export_all(&cfg).unwrap();
    Older::export_all(&cfg).unwrap();
    JourneySummary::export_all(&cfg).unwrap();
    WorkspaceInfo::export_all(&cfg).unwrap();
    ApiError::export_all(&cfg).unwrap();
    Edit::export_all(&cfg).unwrap();
    EditResult::export_all(&cfg).unwrap();
    Step::export_all(&cfg).unwrap();
    Link::export_all(&cfg).unwrap();
    EntitySummary::export_all(&cfg).unwrap();
    EntityUsage::export_all(&cfg).unwrap();
    Ownership::export_all(&cfg).unwrap();
    CheckGroup::export_all(&cfg).unwrap();
    Impact::export_all(&cfg).unwrap();
    CriticalityRow::export_all(&cfg).unwrap();
    NetworkScene::export_all(&cfg).unwrap();
    ExportOptions::export_all(&cfg).unwrap();
    ExportFormat::export_all(&cfg).unwrap();
    CsvPreview::export_all(&cfg).unwrap();
    CsvTarget::export_all(&cfg).unwrap();
    CsvTable::export_all(&cfg).unwrap();
    RecentWorkspace::export_all(&cfg).unwrap();
    NewWorkspace::export_all(&cfg).unwrap();
    Found::export_all(&cfg).unwrap();
    FindScope::export_all(&cfg).unwrap();
    Clip::export_all(&cfg).unwrap();
    Pasting::export_all(&cfg).unwrap();
    Pasted::export_all(&cfg).unwrap();
    WorkspaceDiff::export_all(&cfg).unwrap();
    HistoryPage::export_all(&cfg).unwrap();
    HistoryList::export_all(&cfg).unwrap();
    Version::export_all(&cfg).unwrap();
    SceneUpdate::export_all(&cfg).unwrap();
    ShownScene::export_all(&cfg).unwrap();
    WindowStart::export_all(&cfg).unwrap();
    PersonaSummary::export_all(&cfg).unwrap();
    crate::CommentView::export_all(&cfg).unwrap();
    crate::OpportunityView::export_all(&cfg).unwrap();
    crate::FutureStateView::export_all(&cfg).unwrap();
    write_opportunity_statuses(dir);
    Limits::export_all(&cfg).unwrap();
    write_limits(dir);
    throughline_core::EvidenceSource::export_all(&cfg).unwrap();
    write_evidence_sources(dir);
}

/// Writes the opportunity statuses with their names, in the order work moves through them.
fn write_opportunity_statuses(dir: &Path) {
    let values: Vec<serde_json::Value> = throughline_core::OpportunityStatus::ALL
        .iter()
        .map(|s| serde_json::json!({ "value": s, "label": s.label() }))
        .collect();
    let text = format!(
        "// Written by the bindings test from throughline_core::OpportunityStatus. Do not edit.\n\
         import type {{ OpportunityStatus }} from './OpportunityStatus';\n\n\
         /** Every opportunity status with its name, in the order work moves through them. */\n\
         export const OPPORTUNITY_STATUSES: {{ value: OpportunityStatus; label: string }}[] = {};\n",
        serde_json::to_string(&values).unwrap()
    );
    std::fs::write(dir.join("opportunityStatuses.ts"), text).unwrap();
}

/// Writes the evidence sources with the names the app and the exports give them, so a picker lists
/// them in the model's order and words.
fn write_evidence_sources(dir: &Path) {
    let values: Vec<serde_json::Value> = throughline_core::EvidenceSource::ALL
        .iter()
        .map(|s| serde_json::json!({ "value": s, "label": s.label() }))
        .collect();
    let text = format!(
        "// Written by the bindings test from throughline_core::EvidenceSource. Do not edit.\n\
         import type {{ EvidenceSource }} from './EvidenceSource';\n\n\
         /** Every evidence source with its name, in the order a picker lists them. */\n\
         export const EVIDENCE_SOURCES: {{ value: EvidenceSource; label: string }}[] = {};\n",
        serde_json::to_string(&values).unwrap()
    );
    std::fs::write(dir.join("evidenceSources.ts"), text).unwrap();
}

/// Writes the model's limits as a TypeScript constant beside the types, so the UI states the limits
/// Rust enforces instead of copies.
fn write_limits(dir: &Path) {
    let values = serde_json::to_string(&crate::LIMITS).unwrap();
    let text = format!(
        "// Written by the bindings test from throughline_api::LIMITS. Do not edit.\n\
         import type {{ Limits }} from './Limits';\n\n\
         /** The limits the model enforces. */\n\
         export const LIMITS: Limits = {values};\n"
    );
    std::fs::write(dir.join("limitValues.ts"), text).unwrap();
}

fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    (name, std::fs::read_to_string(e.path()).unwrap_or_default())
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Writes the layout's measures as a TypeScript constant beside the types, so the UI reads the values
/// the layout uses instead of copies.
fn write_layout_metrics(dir: &Path) {
    let values = serde_json::to_string(&throughline_render::LAYOUT_METRICS).unwrap();
    let text = format!(
        "// Written by the bindings test from throughline_render::LAYOUT_METRICS. Do not edit.\n\
         import type {{ LayoutMetrics }} from './LayoutMetrics';\n\n\
         /** The measures the layout lays cards out with. */\n\
         export const LAYOUT_METRICS: LayoutMetrics = {values};\n"
    );
    std::fs::write(dir.join("layoutMetricValues.ts"), text).unwrap();
}

#[test]
fn generated_typescript_bindings_are_current() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&committed);
        export_all(&committed);
    }
    let fresh = tempfile::tempdir().unwrap();
    export_all(fresh.path());
    let (want, have) = (files(fresh.path()), files(&committed));
    let names = |v: &[(String, String)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&have),
        names(&want),
        "binding files differ; run UPDATE_BINDINGS=1 cargo test -p throughline-api bindings"
    );
    for ((name, have), (_, want)) in have.iter().zip(&want) {
        assert!(have == want, "ui/src/lib/bindings/{name} is stale; run UPDATE_BINDINGS=1 cargo test -p throughline-api bindings");
    }
}
