//! The blueprint drawn against an older version of itself, for View › Compare and the History panel.
//! The scene is the journey as it is now with what the older version had and this one lost put back
//! where it stood (removed cards, stages and lanes), so a removed card can be drawn as a ghost in its
//! place; each card that differs is listed with how, and a moved card with the cell it came from.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use throughline_core::diff::{diff_journey, CardDiff, Change, FieldChange, JourneyDiff};
use throughline_core::graph::WorkspaceGraph;
use throughline_core::{Id, Journey, LinkKind, Workspace};
use throughline_render::{layout_cached, Fonts, Rect, Scene, WrapCache};
use ts_rs::TS;

use crate::annotate::annotations;
use crate::{read_version, ApiError, ErrorCode, OpenWorkspace};

/// Where the older side of a comparison comes from.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Older {
    /// This workspace as it was just after a history entry.
    History {
        /// The entry's sequence number.
        #[ts(type = "number")]
        seq: i64,
    },
    /// A named version of this workspace, by name or id.
    Version {
        /// Its name or id.
        name: String,
    },
    /// Another workspace file or a text-form folder (only read), or `FILE@version`.
    Path {
        /// What the user chose or typed.
        path: String,
    },
}

/// How one card of the compared scene differs from the older version.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CardMark {
    /// The card.
    pub id: Id,
    /// Added (outlined green), removed (a ghost in red) or changed (amber).
    pub change: Change,
    /// Whether it moved to another lane or stage.
    pub moved: bool,
    /// For a moved card, the cell it came from in this scene, for the trail drawn from it.
    pub from: Option<Rect>,
    /// Each changed field with its old and new value, as a person reads them.
    pub fields: Vec<FieldChange>,
}

/// How many cards differ, by kind, for the banner.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, TS)]
pub struct CompareCounts {
    /// Cards only in this version.
    pub added: u32,
    /// Cards only in the older one.
    pub removed: u32,
    /// Cards in both whose words, markers, owner or details differ.
    pub changed: u32,
    /// Cards in another lane or stage.
    pub moved: u32,
    /// Stages and lanes added, removed, renamed or reordered.
    pub headings: u32,
    /// Flows and links of cards to people, teams, systems and processes added or removed.
    pub links: u32,
}

/// A journey compared with an older version: the scene to draw, the marks on it and what changed.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Comparison {
    /// What the journey is compared with, in words ("the version “after workshop 2”").
    pub against: String,
    /// The journey now, with what the older version lost put back where it stood.
    pub scene: Scene,
    /// The cards that differ.
    pub cards: Vec<CardMark>,
    /// Everything that differs in the journey, for the side list (headings, owners, links).
    pub journey: Option<JourneyDiff>,
    /// The counts the banner shows.
    pub counts: CompareCounts,
}

/// The journey as an older version had it, drawn read-only (History › view as it was).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ThenScene {
    /// When or what it is, in words.
    pub label: String,
    /// The journey as it was.
    pub scene: Scene,
}

impl OpenWorkspace {
    /// The older workspace `older` names, and how to say it.
    fn older(&self, older: &Older) -> Result<(Workspace, String), ApiError> {
        match older {
            Older::History { seq } => Ok((
                self.workspace_at(*seq)?,
                format!("the blueprint before the edits after entry {seq}"),
            )),
            Older::Version { name } => Ok((
                self.workspace_at_version(name)?,
                format!("the version “{name}”"),
            )),
            Older::Path { path } => {
                let version = read_version(path)?;
                Ok((version.workspace, format!("“{}”", version.name)))
            }
        }
    }

    /// Journey `journey` as it is now, compared with the older version `older`.
    pub fn compare_with(&self, older: &Older, journey: Id) -> Result<Comparison, ApiError> {
        let (old, against) = self.older(older)?;
        compare_journey(&old, self.model(), journey, against, self.fonts())
    }

    /// Journey `journey` as the older version `older` had it, for viewing read-only.
    pub fn scene_then(&self, older: &Older, journey: Id) -> Result<ThenScene, ApiError> {
        let (old, label) = self.older(older)?;
        let j = old.journey(journey).ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("this journey is not in {label}: it was added later"),
            )
        })?;
        let scene = draw(&old, j, self.fonts());
        Ok(ThenScene { label, scene })
    }
}

/// Compares journey `journey` of `new` with `old`: the scene of `new` with the removed records of
/// `old` put back, and a mark for every card that differs.
pub fn compare_journey(
    old: &Workspace,
    new: &Workspace,
    journey: Id,
    against: String,
    fonts: &Fonts,
) -> Result<Comparison, ApiError> {
    let now = new
        .journey(journey)
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "that journey no longer exists"))?;
    let diff = diff_journey(old, new, journey);
    let journey_diff = diff.journeys.into_iter().find(|j| j.id == journey);
    let shown = with_ghosts(old, new, now, journey_diff.as_ref());
    let drawn = shown.journey(journey).expect("the journey was just put in");
    let scene = draw(&shown, drawn, fonts);
    let cards: Vec<CardMark> = journey_diff
        .as_ref()
        .map(|d| d.cards.iter().map(|c| mark(c, &scene)).collect())
        .unwrap_or_default();
    let counts = counts(&cards, journey_diff.as_ref());
    Ok(Comparison {
        against,
        scene,
        cards,
        journey: journey_diff,
        counts,
    })
}

/// Lays out journey `j` of `ws` with its chips and hand-offs, as the live blueprint draws it.
fn draw(ws: &Workspace, j: &Journey, fonts: &Fonts) -> Scene {
    let graph = WorkspaceGraph::build(ws);
    let notes = annotations(ws, &graph, j);
    layout_cached(
        j,
        &ws.flows_of(j),
        &notes,
        fonts,
        &mut WrapCache::single_use(),
    )
}

/// `new` with journey `now` widened by what `old` had and `now` lost: removed stages, lanes and cards
/// (with their links and the entities they name), so the layout puts each where it stood.
fn with_ghosts(
    old: &Workspace,
    new: &Workspace,
    now: &Journey,
    diff: Option<&JourneyDiff>,
) -> Workspace {
    let mut shown = new.clone();
    let (Some(diff), Some(then)) = (diff, old.journey(now.id)) else {
        return shown;
    };
    let removed = |list: &[throughline_core::diff::HeadingDiff]| -> HashSet<Id> {
        list.iter()
            .filter(|h| h.change == Change::Removed)
            .map(|h| h.id)
            .collect()
    };
    let (stages, lanes) = (removed(&diff.stages), removed(&diff.lanes));
    let cards: HashSet<Id> = diff
        .cards
        .iter()
        .filter(|c| c.change == Change::Removed)
        .map(|c| c.id)
        .collect();
    let j = shown
        .journeys
        .iter_mut()
        .find(|j| j.id == now.id)
        .expect("the journey is in the new version");
    j.stages.extend(
        then.stages
            .iter()
            .filter(|s| stages.contains(&s.id))
            .cloned(),
    );
    j.lanes
        .extend(then.lanes.iter().filter(|l| lanes.contains(&l.id)).cloned());
    j.stages
        .sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    j.lanes
        .sort_by(|a, b| a.position.total_cmp(&b.position).then(a.id.cmp(&b.id)));
    let cells: HashSet<(Id, Id)> = j
        .lanes
        .iter()
        .flat_map(|l| j.stages.iter().map(move |s| (l.id, s.id)))
        .collect();
    let ghosts: Vec<_> = then
        .steps
        .iter()
        .filter(|s| cards.contains(&s.id) && cells.contains(&(s.lane, s.stage)))
        .cloned()
        .collect();
    let ghost_ids: HashSet<Id> = ghosts.iter().map(|s| s.id).collect();
    j.steps.extend(ghosts);
    let known: HashSet<Id> = shown.entities.iter().map(|e| e.id).collect();
    let named: Vec<_> = old
        .entities
        .iter()
        .filter(|e| !known.contains(&e.id))
        .cloned()
        .collect();
    shown.entities.extend(named);
    let link_ids: HashSet<Id> = shown.links.iter().map(|l| l.id).collect();
    let steps: HashSet<Id> = shown
        .journeys
        .iter()
        .flat_map(|j| j.steps.iter().map(|s| s.id))
        .collect();
    let entities: HashSet<Id> = shown.entities.iter().map(|e| e.id).collect();
    let ends = |id: &Id| steps.contains(id) || entities.contains(id);
    let lost: Vec<_> = old
        .links
        .iter()
        .filter(|l| !link_ids.contains(&l.id))
        .filter(|l| {
            ghost_ids.contains(&l.from) || (l.kind == LinkKind::Flow && ghost_ids.contains(&l.to))
        })
        .filter(|l| ends(&l.from) && ends(&l.to))
        .cloned()
        .collect();
    shown.links.extend(lost);
    shown
}

/// The mark of one card, with the cell a moved card came from located in `scene`.
fn mark(card: &CardDiff, scene: &Scene) -> CardMark {
    let from = card.moved_from.as_ref().and_then(|place| {
        let lane = scene.lanes.iter().find(|l| l.id == place.lane)?;
        let stage = scene.stages.iter().find(|s| s.id == place.stage)?;
        Some(Rect {
            x: stage.x,
            y: lane.band.y,
            width: stage.width,
            height: lane.band.height,
        })
    });
    CardMark {
        id: card.id,
        change: card.change,
        moved: card.moved_from.is_some(),
        from,
        fields: card.fields.clone(),
    }
}

fn counts(cards: &[CardMark], diff: Option<&JourneyDiff>) -> CompareCounts {
    let count = |f: &dyn Fn(&CardMark) -> bool| cards.iter().filter(|c| f(c)).count() as u32;
    CompareCounts {
        added: count(&|c| c.change == Change::Added),
        removed: count(&|c| c.change == Change::Removed),
        changed: count(&|c| {
            c.change == Change::Changed && c.fields.iter().any(|f| !is_place(&f.field))
        }),
        moved: count(&|c| c.moved),
        headings: diff.map_or(0, |d| (d.stages.len() + d.lanes.len()) as u32),
        links: diff.map_or(0, |d| d.links.len() as u32),
    }
}

/// Whether a changed field only says where the card sits (counted as a move, not a change).
fn is_place(field: &str) -> bool {
    matches!(field, "lane" | "stage" | "position")
}
