//! Copy, paste and duplicate of cards for every client: the model's clipboard
//! ([`throughline_core::clip`]) over the open workspace, each paste or duplicate one committed edit
//! that one undo takes away.

use serde::Serialize;
use throughline_core::clip::{self, Clip, ClipError, Pasting, Target};
use throughline_core::Id;
use ts_rs::TS;

use crate::{ApiError, EditResult, ErrorCode, OpenWorkspace};

/// What a paste or duplicate did, with the new cards in reading order so the window can select them.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Pasted {
    /// The edit's result, as for any edit.
    pub result: EditResult,
    /// The new cards.
    pub steps: Vec<Id>,
}

impl From<ClipError> for ApiError {
    fn from(e: ClipError) -> Self {
        let code = match e {
            ClipError::Missing { .. } => ErrorCode::NotFound,
            _ => ErrorCode::Invalid,
        };
        ApiError::new(code, e.to_string())
    }
}

impl OpenWorkspace {
    /// The cards `steps` of `journey` as the clipboard carries them (rich, lines, table); nothing
    /// changes, so a cut is this followed by deleting the cards.
    pub fn copy_cards(&self, journey: Id, steps: &[Id]) -> Result<Clip, ApiError> {
        Ok(clip::copy(self.model(), journey, steps)?)
    }

    /// Pastes a rich clip or plain text into the cell (`lane`, `stage`) of `journey` as one edit.
    pub fn paste_cards(
        &mut self,
        journey: Id,
        lane: Id,
        stage: Id,
        pasting: &Pasting,
    ) -> Result<Pasted, ApiError> {
        let target = Target {
            journey,
            lane,
            stage,
        };
        let pasted = clip::paste(self.model(), &target, pasting, Id::new())?;
        self.apply_pasted(pasted)
    }

    /// Duplicates the cards `steps` of `journey` right after themselves, as one edit.
    pub fn duplicate_cards(&mut self, journey: Id, steps: &[Id]) -> Result<Pasted, ApiError> {
        let pasted = clip::duplicate(self.model(), journey, steps, Id::new())?;
        self.apply_pasted(pasted)
    }

    fn apply_pasted(&mut self, pasted: clip::Pasted) -> Result<Pasted, ApiError> {
        let result = self.apply(&pasted.edit)?;
        Ok(Pasted {
            result,
            steps: pasted.steps,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_core::sample::sample_workspace;

    #[test]
    fn a_paste_is_one_edit_undone_with_its_account() {
        let mut ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let before = ws.model().clone();
        let j = before.journeys[0].clone();
        let picked: Vec<Id> = j.steps.iter().take(2).map(|s| s.id).collect();
        let clip = ws.copy_cards(j.id, &picked).unwrap();
        let pasted = ws
            .paste_cards(
                j.id,
                j.lanes[0].id,
                j.stages[0].id,
                &Pasting::Rich { rich: clip.rich },
            )
            .unwrap();
        assert_eq!(pasted.steps.len(), 2);
        assert_eq!(pasted.result.journey, Some(j.id));
        let text = "One\nTwo\nThree".to_owned();
        let lines = ws
            .paste_cards(j.id, j.lanes[0].id, j.stages[0].id, &Pasting::Text { text })
            .unwrap();
        assert_eq!(lines.steps.len(), 3);
        let twin = ws.duplicate_cards(j.id, &lines.steps[..1]).unwrap();
        assert_eq!(twin.steps.len(), 1);
        assert_eq!(
            ws.undo().unwrap().described.as_deref(),
            Some("duplicated 'One'")
        );
        assert_eq!(
            ws.undo().unwrap().described.as_deref(),
            Some("pasted 3 cards")
        );
        assert_eq!(
            ws.undo().unwrap().described.as_deref(),
            Some("pasted 2 cards")
        );
        assert_eq!(ws.model(), &before);
    }

    #[test]
    fn refused_pastes_say_why_and_change_nothing() {
        let mut ws = OpenWorkspace::in_memory(&sample_workspace().unwrap()).unwrap();
        let before = ws.model().clone();
        let j = before.journeys[0].clone();
        let text = "x".repeat(clip::MAX_PASTE_BYTES + 1);
        let err = ws
            .paste_cards(j.id, j.lanes[0].id, j.stages[0].id, &Pasting::Text { text })
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Invalid);
        assert!(err.message.contains("1 MiB"), "{}", err.message);
        let err = ws
            .paste_cards(
                j.id,
                Id::new(),
                j.stages[0].id,
                &Pasting::Text { text: "a".into() },
            )
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::NotFound);
        assert_eq!(ws.model(), &before);
        assert!(!ws.status(None).can_undo);
    }
}
