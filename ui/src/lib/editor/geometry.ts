// Boxes of what is selected or edited, in scene coordinates: for zooming to the selection, scrolling it
// into view, and placing the in-place editors.
import { LAYOUT_METRICS } from '../bindings/layoutMetricValues';
import type { Id } from '../bindings/Id';
import type { Rect } from '../bindings/Rect';
import {
  boundingBox,
  cardColumn,
  cellCards,
  cellRect,
  LANE_PADDING,
  type Cell,
  type SceneIndex,
} from '../scene/sceneIndex';
import type { Selection } from './selection';

/** Smallest height of a new card being typed (one line and its padding, like the shortest card). */
export const DRAFT_MIN_HEIGHT = 44;

/**
 * Screen pixels from a selected card's top-right corner, out right and up, to the centre of the handle
 * that draws an arrow: off the card's right edge, where arrows to its neighbours start.
 */
export const LINK_HANDLE_OFFSET = 9;

/** Distance between the baselines of a card's lines, as laid out. */
export const CARD_LINE_HEIGHT = LAYOUT_METRICS.card_line_height;

/** Distance from a card's left edge to its text (accent strip and padding), as laid out. */
export const CARD_TEXT_INSET = LAYOUT_METRICS.card_text_inset;

/** The centre of the arrow handle of a selected card with box `rect`, at zoom `k`. */
export function linkHandleCentre(rect: Rect, k: number): { x: number; y: number } {
  return { x: rect.x + rect.width + LINK_HANDLE_OFFSET / k, y: rect.y - LINK_HANDLE_OFFSET / k };
}

/** The box around `selection`, or null when nothing (that still exists) is selected. */
export function selectionBox(index: SceneIndex, selection: Selection): Rect | null {
  switch (selection.kind) {
    case 'none':
      return null;
    case 'cards':
      return boundingBox(selection.ids.flatMap((id) => index.cards.get(id)?.rect ?? []));
    case 'cell':
      return cellRect(index, selection);
    case 'stage': {
      const stage = index.stages.get(selection.id);
      if (!stage) return null;
      const bottom = index.scene.lanes.at(-1);
      const height = bottom ? bottom.band.y + bottom.band.height - stage.header.y : stage.header.height;
      return { x: stage.x, y: stage.header.y, width: stage.width, height };
    }
    case 'lane':
      return index.lanes.get(selection.id)?.band ?? null;
    case 'arrow': {
      const arrow = index.scene.arrows.find((a) => a.id === selection.id);
      return arrow ? arrow.bounds : null;
    }
  }
}

/** What to scroll into view for a selection made by keyboard: a heading itself, else the selection. */
export function revealBox(index: SceneIndex, selection: Selection): Rect | null {
  if (selection.kind === 'stage') return index.stages.get(selection.id)?.header ?? null;
  if (selection.kind === 'lane') return index.lanes.get(selection.id)?.header ?? null;
  return selectionBox(index, selection);
}

/**
 * Where a new card typed into `cell` is shown: in the cell's card column, over the card it goes before,
 * or under the cell's last card.
 */
export function draftRect(index: SceneIndex, cell: Cell, before: Id | null): Rect | null {
  const stage = index.stages.get(cell.stage);
  const lane = index.lanes.get(cell.lane);
  if (!stage || !lane) return null;
  const column = cardColumn(index, stage);
  const cards = cellCards(index, cell);
  const next = before === null ? undefined : cards.find((c) => c.id === before);
  const last = cards.at(-1);
  const y = next ? next.rect.y : last ? last.rect.y + last.rect.height + 10 : lane.band.y + LANE_PADDING;
  return { x: column.x, y, width: column.width, height: DRAFT_MIN_HEIGHT };
}
