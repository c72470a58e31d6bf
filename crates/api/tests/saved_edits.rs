//! Random edits made on an open workspace file, each saved by itself as the window saves it, with
//! undos and redos among them; then the file is opened again. What comes back must be the model the
//! edits left, for every kind of record the edits reach: cards, stages, lanes, links, entities,
//! personas and their scores. The random edits are the core's property-test generator.

#[path = "../../core/tests/common/mod.rs"]
mod common;

use common::{canonical, random_edit};
use throughline_api::OpenWorkspace;
use throughline_core::sample::sample_workspace;
use throughline_core::synthetic::Rng;

/// How many workspaces are edited, each from its own seed, and how many edits each takes.
const SEEDS: u64 = 24;
const EDITS: usize = 40;

#[test]
fn random_edits_saved_one_at_a_time_load_back_as_the_same_model() {
    for seed in 0..SEEDS {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("edited.throughline");
        let start = sample_workspace().expect("the sample");
        let mut open = OpenWorkspace::create_from(&path, &start).expect("create the file");
        let mut rng = Rng::new(seed);
        let mut applied = 0;
        for n in 0..EDITS {
            let edit = random_edit(open.model(), &mut rng);
            if open.apply(&edit).is_ok() {
                applied += 1;
            }
            // Now and then the room changes its mind: an undo, sometimes taken back.
            if n % 7 == 6 {
                open.undo().expect("undo");
                if rng.below(2) == 0 {
                    open.redo().expect("redo");
                }
            }
        }
        assert!(
            applied > EDITS / 4,
            "seed {seed}: a fair share of the random edits apply ({applied} of {EDITS})"
        );
        let edited = canonical(open.model());
        drop(open);
        let reopened = OpenWorkspace::open(&path).expect("open the file again");
        assert!(
            canonical(reopened.model()) == edited,
            "seed {seed}: the file holds another model than the edits left"
        );
    }
}
