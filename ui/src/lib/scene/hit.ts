// What is under the pointer, from the scene's geometry alone (no DOM): a card, an empty spot of a cell,
// a stage or lane heading; where a dragged card would land; which cards a selection box catches.
import type { Card } from '../bindings/Card';
import type { Id } from '../bindings/Id';
import type { Point } from '../bindings/Point';
import type { Rect } from '../bindings/Rect';
import type { StageColumn } from '../bindings/StageColumn';
import { cardColumn, cellCards, type Cell, type SceneIndex } from './sceneIndex';

export type Hit =
  | { kind: 'card'; id: Id }
  | { kind: 'cell'; lane: Id; stage: Id }
  | { kind: 'stage'; id: Id }
  | { kind: 'lane'; id: Id }
  | { kind: 'none' };

function contains(r: Rect, p: Point): boolean {
  return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** The cell under `p`, if it is inside the grid (lane headings excluded). */
function cellAt(index: SceneIndex, p: Point): Cell | null {
  const lane = index.scene.lanes.find((l) => p.y >= l.band.y && p.y <= l.band.y + l.band.height);
  // A side-by-side scene has two stage columns at each x, one per state: the one whose heading is
  // the nearest above the point is the column it is in.
  let stage: StageColumn | undefined;
  for (const s of index.scene.stages) {
    if (p.x < s.x || p.x >= s.x + s.width) continue;
    if (!stage || (s.header.y <= p.y && (stage.header.y > p.y || s.header.y > stage.header.y))) stage = s;
  }
  if (!lane || !stage || contains(lane.header, p)) return null;
  return { lane: lane.id, stage: stage.id };
}

/** The thing under a point given in scene coordinates. */
export function hitTest(index: SceneIndex, p: Point): Hit {
  const stage = index.scene.stages.find((s) => contains(s.header, p));
  if (stage) return { kind: 'stage', id: stage.id };
  const lane = index.scene.lanes.find((l) => contains(l.header, p));
  if (lane) return { kind: 'lane', id: lane.id };
  const cell = cellAt(index, p);
  if (!cell) return { kind: 'none' };
  const card = cellCards(index, cell).find((c) => contains(c.rect, p));
  return card ? { kind: 'card', id: card.id } : { kind: 'cell', ...cell };
}

/** Where dragged cards would go: a cell, the card to go before (null: the end) and a line to show it. */
export interface DropTarget extends Cell {
  before: Id | null;
  /** The drop indicator: a horizontal line across the cell's card column. */
  line: { x1: number; x2: number; y: number };
}

function nearest<T>(items: T[], distance: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const item of items) {
    const d = distance(item);
    if (d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

function distanceOutside(value: number, start: number, size: number): number {
  return value < start ? start - value : value > start + size ? value - start - size : 0;
}

/**
 * The drop target for a pointer at `p` while `moving` cards are dragged: the nearest cell, and among its
 * other cards the first whose middle is below the pointer.
 */
export function dropTarget(index: SceneIndex, p: Point, moving: ReadonlySet<Id>): DropTarget | null {
  const lane = nearest(index.scene.lanes, (l) => distanceOutside(p.y, l.band.y, l.band.height));
  const stage = nearest(index.scene.stages, (s) => distanceOutside(p.x, s.x, s.width));
  if (!lane || !stage) return null;
  const others = cellCards(index, { lane: lane.id, stage: stage.id }).filter((c) => !moving.has(c.id));
  const before = others.find((c) => c.rect.y + c.rect.height / 2 > p.y) ?? null;
  const last = others.at(-1);
  const column = cardColumn(index, stage);
  const y = before ? before.rect.y - 5 : last ? last.rect.y + last.rect.height + 5 : lane.band.y + 9;
  return {
    lane: lane.id,
    stage: stage.id,
    before: before?.id ?? null,
    line: { x1: column.x, x2: column.x + column.width, y },
  };
}

/** True when dropping `moving` at `target` would leave every card where it is. */
export function dropChangesNothing(index: SceneIndex, moving: Id[], target: DropTarget): boolean {
  if (moving.length !== 1) return false;
  const card = index.cards.get(moving[0]);
  if (!card || card.lane !== target.lane || card.stage !== target.stage) return false;
  const cell = cellCards(index, target);
  const next = cell[cell.indexOf(card) + 1];
  return target.before === (next?.id ?? null);
}

/** The cards a selection box touches, in scene order. */
export function cardsInBox(cards: Card[], box: Rect): Id[] {
  return cards.filter((c) => intersects(c.rect, box)).map((c) => c.id);
}

/** The box spanned by two corners. */
export function boxFrom(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/** Where a stage or lane dragged by its heading would go: before `before` (null: the end). */
export interface HeadingDrop {
  before: Id | null;
  /** The insertion line, across the grid. */
  line: { x1: number; y1: number; x2: number; y2: number };
}

/** The heading drop target for a pointer at `p`: before the first stage (lane) whose middle is past it. */
export function headingDrop(index: SceneIndex, kind: 'stage' | 'lane', p: Point): HeadingDrop | null {
  const { stages, lanes } = index.scene;
  const first = lanes[0];
  const last = lanes.at(-1);
  const left = stages[0];
  const right = stages.at(-1);
  if (!first || !last || !left || !right) return null;
  const top = stages[0].header.y;
  const bottom = last.band.y + last.band.height;
  if (kind === 'stage') {
    const before = stages.find((s) => s.x + s.width / 2 > p.x) ?? null;
    const x = before ? before.x : right.x + right.width;
    return { before: before?.id ?? null, line: { x1: x, y1: top, x2: x, y2: bottom } };
  }
  const before = lanes.find((l) => l.band.y + l.band.height / 2 > p.y) ?? null;
  const y = before ? before.band.y - 2 : bottom + 2;
  return { before: before?.id ?? null, line: { x1: first.band.x, y1: y, x2: first.band.x + first.band.width, y2: y } };
}
