//! The UI's patch tests apply real scene diffs: those of a run of edits, undos and redos on the sample's
//! home insurance claim, starting from `home-insurance-claim.scene.json`, and compare the result with
//! the scene laid out after the last of them. This keeps that fixture equal to what the app would send today;
//! regenerate it with `UPDATE_GOLDEN=1 cargo test -p throughline-api --test ui_patch_fixtures`.

use std::path::PathBuf;

use serde::Serialize;
use throughline_api::{Edit, OpenWorkspace, Scene, SceneDiff, Slot, StepDetails};
use throughline_core::sample::sample_workspace;
use throughline_core::{Id, Link, LinkKind};

/// What the UI test reads: the patches in order and the scene they must give.
#[derive(Serialize)]
struct Patches {
    steps: Vec<PatchStep>,
    after: Scene,
}

#[derive(Serialize)]
struct PatchStep {
    /// What the edit was, for the test's messages.
    edit: String,
    patch: SceneDiff,
}

#[test]
fn ui_patch_fixture_matches_the_current_layout() {
    let mut ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
    let claim = ws.find_journey("Home insurance claim").unwrap();
    let j = ws.model().journey(claim).unwrap().clone();
    let step = |i: usize| j.steps[i].id;
    let mut details = StepDetails::of(&j.steps[0]);
    details.pain_point = Some("Nobody says how long it takes".into());
    details.fail_point = true;
    let edits = [
        (
            "a card grows by a few lines",
            Edit::SetStepText {
                step: step(1),
                text: format!(
                    "{} — and then waits on hold for a long while, twice",
                    j.steps[1].text
                ),
            },
        ),
        (
            "a card is added at the end of a cell",
            Edit::AddStep {
                journey: claim,
                step: Id::derived("ui-patch-fixture", "added"),
                lane: j.steps[2].lane,
                stage: j.steps[2].stage,
                to: Slot::END,
                text: "Checks the claim portal".into(),
            },
        ),
        (
            "a card moves to another stage",
            Edit::MoveSteps {
                steps: vec![step(3)],
                lane: j.steps[3].lane,
                stage: j.stages[j.stages.len() - 1].id,
                to: Slot::END,
            },
        ),
        (
            "an arrow is drawn",
            Edit::AddLink {
                link: Link {
                    id: Id::derived("ui-patch-fixture", "arrow"),
                    kind: LinkKind::Flow,
                    from: step(0),
                    to: step(4),
                },
            },
        ),
        (
            "a card gets a pain point and a fail point",
            Edit::SetStepDetails {
                step: step(0),
                details,
            },
        ),
        (
            "a stage is renamed",
            Edit::RenameStage {
                stage: j.stages[0].id,
                name: "First notice of loss".into(),
            },
        ),
        (
            "a card is deleted",
            Edit::DeleteSteps {
                steps: vec![step(5)],
            },
        ),
    ];
    let mut version = ws.shown_scene(claim).unwrap().version;
    let mut steps = Vec::new();
    let mut take = |name: &str, update: throughline_api::SceneUpdate| {
        steps.push(PatchStep {
            edit: name.to_owned(),
            patch: update.patch.expect("a patch"),
        });
        update.version
    };
    for (name, edit) in &edits {
        let update = ws.apply_for_view(edit, version).unwrap();
        version = take(name, update);
    }
    let update = ws.undo_for_view(version).unwrap();
    version = take("undo the deletion", update);
    let update = ws.redo_for_view(version).unwrap();
    take("redo the deletion", update);

    // The UI test relies on the fixture moving cards and arrows as well as replacing them.
    assert!(steps[0].patch.shifted.len() > 1 && steps[0].patch.shifted_arrows.len() > 1);
    let fresh = serde_json::to_string(&Patches {
        steps,
        after: ws.scene(claim).unwrap(),
    })
    .unwrap();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/src/test/fixtures/home-insurance-claim.patches.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == fresh,
        "ui/src/test/fixtures/home-insurance-claim.patches.json is stale; run UPDATE_GOLDEN=1 cargo test -p throughline-api --test ui_patch_fixtures"
    );
}
