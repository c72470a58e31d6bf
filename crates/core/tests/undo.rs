//! Any sequence of edits, undone one by one, returns the workspace to where it started; redone, to where
//! it ended.

mod common;

use common::{canonical, random_edit};
use proptest::prelude::*;
use throughline_core::edit::{apply, Edit};
use throughline_core::sample::sample_workspace;
use throughline_core::synthetic::Rng;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn undo_returns_to_the_start_and_redo_to_the_end(seed in any::<u64>(), n in 1usize..30) {
        let start = sample_workspace().unwrap();
        let mut ws = start.clone();
        let mut rng = Rng::new(seed);
        let mut history: Vec<Edit> = Vec::new();
        for _ in 0..n {
            let edit = random_edit(&ws, &mut rng);
            let before = ws.clone();
            match apply(&mut ws, &edit) {
                Ok((_, inverse)) => history.push(inverse),
                Err(e) => prop_assert!(canonical(&ws) == canonical(&before), "refused {:?} ({}) changed the workspace", edit, e),
            }
            throughline_core::validate_workspace(&ws).unwrap();
        }
        let end = canonical(&ws);
        let mut redo = Vec::new();
        for inverse in history.iter().rev() {
            let (_, re) = apply(&mut ws, inverse).unwrap();
            redo.push(re);
        }
        prop_assert!(canonical(&ws) == canonical(&start), "undoing everything returns to the start");
        for re in redo.iter().rev() {
            apply(&mut ws, re).unwrap();
        }
        prop_assert!(canonical(&ws) == end, "redoing everything returns to the end");
    }
}
