//! A future state beside its current state, for the Future state view and its export: the two
//! blueprints as one scene (the future under the current, stage under stage, the cards that change tagged), the
//! summary of what the future changes, and which journey is which.

use serde::Serialize;
use throughline_core::diff::{FieldChange, Names};
use throughline_core::future::{pair, FutureSummary, Pairing};
use throughline_core::{Id, Journey, StateChange};
use throughline_render::{
    export_states_scene, side_by_side, Annotations, ExportOptions, LayoutOptions, Scene, StateSide,
    StatesInput, TitleInfo,
};
use ts_rs::TS;

use crate::annotate::annotations;
use crate::{ApiError, ErrorCode, JourneyRef, OpenWorkspace};

/// A future state and its current state, drawn and counted.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct FutureStateView {
    /// The future state.
    pub future: JourneyRef,
    /// The current state it was made from; `None` when that journey has been deleted.
    pub current: Option<JourneyRef>,
    /// Both blueprints as one scene, the future state under the current one.
    pub scene: Scene,
    /// What the future changes.
    pub summary: FutureSummary,
    /// Each tagged card (changed, removed or new, on either state) with what changed on it.
    pub cards: Vec<FutureCard>,
}

/// One tagged card of the pair and how it differs from the card it came from.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct FutureCard {
    /// The card (of the future state, or of the current state for a card the future does without).
    pub id: Id,
    /// Its mark.
    pub change: StateChange,
    /// The text of the card it came from, when it came from one that is still there.
    pub came_from: Option<String>,
    /// For a changed card, each difference in words, markers, owner, place and ties.
    pub fields: Vec<FieldChange>,
}

/// What one future state changes, without drawing it, for `analyze`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FutureStateSummary {
    /// The future state.
    pub future: JourneyRef,
    /// Its current state; `None` when that journey has been deleted.
    pub current: Option<JourneyRef>,
    /// What it changes.
    pub summary: FutureSummary,
}

impl OpenWorkspace {
    /// Every future state of the workspace with what it changes, in sidebar order.
    pub fn future_summaries(&self) -> Vec<FutureStateSummary> {
        let ws = self.model();
        let named = |j: &Journey| JourneyRef {
            id: j.id,
            name: j.name.clone(),
        };
        ws.journeys
            .iter()
            .filter(|j| j.future_of.is_some())
            .map(|j| {
                let p = pair(ws, j);
                FutureStateSummary {
                    future: named(j),
                    current: p.current.map(named),
                    summary: p.summary(),
                }
            })
            .collect()
    }

    /// The future state to show for `journey`: the journey itself when it is a future state, else
    /// its first future state in sidebar order, else `None`.
    pub fn future_state_of(&self, journey: Id) -> Option<Id> {
        let ws = self.model();
        let j = ws.journey(journey)?;
        if j.future_of.is_some() {
            return Some(j.id);
        }
        ws.journeys
            .iter()
            .find(|f| f.future_of == Some(journey))
            .map(|f| f.id)
    }

    /// The future state `journey` beside its current state, as the Future state view shows it.
    pub fn future_state(&self, journey: Id) -> Result<FutureStateView, ApiError> {
        let future = self.future_journey(journey)?;
        let p = pair(self.model(), future);
        let scene = self.with_states(&p, |input, fonts, cache| {
            side_by_side(input, LayoutOptions::default(), fonts, cache)
        });
        let names = Names::of(self.model());
        let mut cards: Vec<FutureCard> = future
            .steps
            .iter()
            .filter_map(|step| {
                let change = *p.marks.get(&step.id)?;
                (change != StateChange::Kept).then(|| FutureCard {
                    id: step.id,
                    change,
                    came_from: step
                        .origin
                        .and_then(|o| p.current?.step(o))
                        .map(|s| s.text.clone()),
                    fields: if change == StateChange::Changed {
                        p.what_changed(&names, step.id)
                    } else {
                        Vec::new()
                    },
                })
            })
            .collect();
        cards.extend(p.dropped.iter().map(|&id| FutureCard {
            id,
            change: StateChange::Removed,
            came_from: None,
            fields: Vec::new(),
        }));
        Ok(FutureStateView {
            cards,
            future: JourneyRef {
                id: future.id,
                name: future.name.clone(),
            },
            current: p.current.map(|c| JourneyRef {
                id: c.id,
                name: c.name.clone(),
            }),
            summary: p.summary(),
            scene,
        })
    }

    /// The future state `journey` beside its current state as an export with `options` draws it.
    pub(crate) fn export_states_scene(
        &self,
        journey: Id,
        options: &ExportOptions,
        date: &str,
    ) -> Result<Scene, ApiError> {
        let future = self.future_journey(journey)?;
        let info = TitleInfo {
            workspace: self.info().name,
            date: date.to_owned(),
        };
        let p = pair(self.model(), future);
        Ok(self.with_states(&p, |input, fonts, cache| {
            export_states_scene(input, options, &info, fonts, cache)
        }))
    }

    fn future_journey(&self, journey: Id) -> Result<&Journey, ApiError> {
        let j = self
            .model()
            .journey(journey)
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "that journey no longer exists"))?;
        if j.future_of.is_none() {
            return Err(ApiError::new(
                ErrorCode::Invalid,
                format!(
                    "“{}” is not a future state; create one from it with Journey › Create future state",
                    j.name
                ),
            ));
        }
        Ok(j)
    }

    /// Runs `draw` over the pair's journeys with their flows and annotations.
    fn with_states<T>(
        &self,
        p: &Pairing,
        draw: impl FnOnce(
            &StatesInput,
            &throughline_render::Fonts,
            &mut throughline_render::WrapCache,
        ) -> T,
    ) -> T {
        let ws = self.model();
        let graph = self.graph();
        let notes = |j: &Journey| annotations(ws, &graph, j);
        let current = p.current.map(|c| (c, ws.flows_of(c), notes(c)));
        let (future_flows, future_notes): (_, Annotations) =
            (ws.flows_of(p.future), notes(p.future));
        let input = StatesInput {
            current: current.as_ref().map(|(journey, flows, notes)| StateSide {
                journey,
                flows,
                notes,
            }),
            future: StateSide {
                journey: p.future,
                flows: &future_flows,
                notes: &future_notes,
            },
            columns: &p.columns,
            marks: &p.marks,
            dropped: &p.dropped,
        };
        let mut cache = self.wrapped.borrow_mut();
        draw(&input, &self.fonts, &mut cache)
    }
}
