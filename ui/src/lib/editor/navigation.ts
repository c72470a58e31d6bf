// Moving the selection by keyboard across the grid: left/right go to the neighbouring stage, up/down
// through the cards of a cell and then into the lane above or below, Tab to the next lane. An empty
// cell is a place the selection can stand on, so a new card can be typed there.
import type { Id } from '../bindings/Id';
import { cellCards, laneAt, stageAt, type Cell, type SceneIndex } from '../scene/sceneIndex';

/** Where a keyboard selection stands: on a card, or on a cell (empty, or before its first card). */
export type Spot = { kind: 'card'; id: Id } | ({ kind: 'cell' } & Cell);

export type Direction = 'left' | 'right' | 'up' | 'down' | 'next-lane' | 'previous-lane';

function cellOf(index: SceneIndex, spot: Spot): (Cell & { row: number }) | null {
  if (spot.kind === 'cell') return { lane: spot.lane, stage: spot.stage, row: -1 };
  const card = index.cards.get(spot.id);
  if (!card) return null;
  return { lane: card.lane, stage: card.stage, row: cellCards(index, card).indexOf(card) };
}

/** A spot in `cell`: its card at `row` (clamped), or the cell when it is empty. */
function spotIn(index: SceneIndex, cell: Cell, row: number | 'last'): Spot {
  const cards = cellCards(index, cell);
  if (cards.length === 0) return { kind: 'cell', ...cell };
  const i = row === 'last' ? cards.length - 1 : Math.min(Math.max(row, 0), cards.length - 1);
  return { kind: 'card', id: cards[i].id };
}

/** The spot one step from `spot` in `direction`; the same spot at the edge of the grid. */
export function navigate(index: SceneIndex, spot: Spot, direction: Direction): Spot {
  const at = cellOf(index, spot);
  if (!at) return spot;
  const { lane, stage, row } = at;
  const cards = cellCards(index, at);
  switch (direction) {
    case 'left':
    case 'right': {
      const next = stageAt(index, stage, direction === 'left' ? -1 : 1);
      return next ? spotIn(index, { lane, stage: next }, row) : spot;
    }
    case 'up': {
      if (row > 0) return { kind: 'card', id: cards[row - 1].id };
      const above = laneAt(index, lane, -1);
      return above ? spotIn(index, { lane: above, stage }, 'last') : spot;
    }
    case 'down': {
      if (row >= 0 && row + 1 < cards.length) return { kind: 'card', id: cards[row + 1].id };
      const below = laneAt(index, lane, 1);
      return below ? spotIn(index, { lane: below, stage }, 0) : spot;
    }
    case 'next-lane':
    case 'previous-lane': {
      const next = laneAt(index, lane, direction === 'next-lane' ? 1 : -1);
      return next ? spotIn(index, { lane: next, stage }, 0) : spot;
    }
  }
}

/** The first card to the right of `card` in its lane: in the nearest later stage that has one. */
export function nextCardInLane(index: SceneIndex, card: Id): Id | null {
  const from = index.cards.get(card);
  if (!from) return null;
  for (let stage = stageAt(index, from.stage, 1); stage; stage = stageAt(index, stage, 1)) {
    const cards = cellCards(index, { lane: from.lane, stage });
    if (cards.length > 0) return cards[0].id;
  }
  return null;
}
