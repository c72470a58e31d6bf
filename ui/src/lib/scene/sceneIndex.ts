// Lookups over one scene that the editor needs again and again — a card by id, the cards of a cell in
// order, a stage's or lane's place — built once per scene so that no key press or pointer move scans
// every card.
import { LAYOUT_METRICS } from '../bindings/layoutMetricValues';
import type { Card } from '../bindings/Card';
import type { Id } from '../bindings/Id';
import type { LaneBand } from '../bindings/LaneBand';
import type { Rect } from '../bindings/Rect';
import type { Scene } from '../bindings/Scene';
import type { StageColumn } from '../bindings/StageColumn';

/** A cell of the grid: one lane in one stage. */
export interface Cell {
  lane: Id;
  stage: Id;
}

export interface SceneIndex {
  scene: Scene;
  cards: Map<Id, Card>;
  stages: Map<Id, StageColumn>;
  lanes: Map<Id, LaneBand>;
  stageIndex: Map<Id, number>;
  laneIndex: Map<Id, number>;
  /** Cards of each cell, top to bottom, keyed by `cellKey`. */
  cells: Map<string, Card[]>;
  /** How many cards each stage and each lane holds. */
  cardsPerStage: Map<Id, number>;
  cardsPerLane: Map<Id, number>;
}

function cellKey(lane: Id, stage: Id): string {
  return `${lane}/${stage}`;
}

function increment(counts: Map<Id, number>, id: Id) {
  counts.set(id, (counts.get(id) ?? 0) + 1);
}

export function indexScene(scene: Scene): SceneIndex {
  const cards = new Map<Id, Card>();
  const cells = new Map<string, Card[]>();
  const cardsPerStage = new Map<Id, number>();
  const cardsPerLane = new Map<Id, number>();
  for (const card of scene.cards) {
    cards.set(card.id, card);
    const key = cellKey(card.lane, card.stage);
    const cell = cells.get(key);
    if (cell) cell.push(card);
    else cells.set(key, [card]);
    increment(cardsPerStage, card.stage);
    increment(cardsPerLane, card.lane);
  }
  for (const cell of cells.values()) cell.sort((a, b) => a.rect.y - b.rect.y);
  return {
    scene,
    cards,
    stages: new Map(scene.stages.map((s) => [s.id, s])),
    lanes: new Map(scene.lanes.map((l) => [l.id, l])),
    stageIndex: new Map(scene.stages.map((s, i) => [s.id, i])),
    laneIndex: new Map(scene.lanes.map((l, i) => [l.id, i])),
    cells,
    cardsPerStage,
    cardsPerLane,
  };
}

/** The cards of a cell, top to bottom. */
export function cellCards(index: SceneIndex, cell: Cell): Card[] {
  return index.cells.get(cellKey(cell.lane, cell.stage)) ?? [];
}

/** A cell's box: its stage column across its lane band. */
export function cellRect(index: SceneIndex, cell: Cell): Rect | null {
  const stage = index.stages.get(cell.stage);
  const lane = index.lanes.get(cell.lane);
  if (!stage || !lane) return null;
  return { x: stage.x, y: lane.band.y, width: stage.width, height: lane.band.height };
}

/** Room above the first card of a lane, as laid out (its top is the lane's top plus this). */
export const LANE_PADDING = LAYOUT_METRICS.lane_padding;

/** Space between a stage column's edge and its cards, as laid out, for scenes with no card to measure. */
const CARD_INSET = LAYOUT_METRICS.card_inset;

/**
 * Where cards sit across a stage column: every card has the same width and inset, so any card of the
 * scene tells; a scene without cards uses the layout's inset.
 */
export function cardColumn(index: SceneIndex, column: StageColumn): { x: number; width: number } {
  const sample = index.scene.cards[0];
  const sampleStage = sample && index.stages.get(sample.stage);
  if (!sample || !sampleStage) return { x: column.x + CARD_INSET, width: column.width - 2 * CARD_INSET };
  return { x: column.x + sample.rect.x - sampleStage.x, width: sample.rect.width };
}

/** The stage `offset` columns away from `stage`, if there is one. */
export function stageAt(index: SceneIndex, stage: Id, offset: number): Id | null {
  const i = index.stageIndex.get(stage);
  if (i === undefined) return null;
  return index.scene.stages[i + offset]?.id ?? null;
}

/** The lane `offset` rows away from `lane`, if there is one. */
export function laneAt(index: SceneIndex, lane: Id, offset: number): Id | null {
  const i = index.laneIndex.get(lane);
  if (i === undefined) return null;
  return index.scene.lanes[i + offset]?.id ?? null;
}

/** The smallest box around `rects`, or null for none. */
export function boundingBox(rects: Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}
