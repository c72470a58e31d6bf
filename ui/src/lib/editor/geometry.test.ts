import { describe, expect, it } from 'vitest';
import { cardAt, laneId, scene, stageId } from '../../test/grid';
import { indexScene } from '../scene/sceneIndex';
import { DRAFT_MIN_HEIGHT, draftRect, linkHandleCentre, revealBox, selectionBox } from './geometry';
import { NOTHING, selectCards } from './selection';

const index = indexScene(scene);

describe('selectionBox', () => {
  it('boxes selected cards, a cell, a stage column, a lane and an arrow', () => {
    const [a, b] = [cardAt(1, 0, 0), cardAt(1, 1, 1)];
    expect(selectionBox(index, selectCards([a.id, b.id]))).toEqual({
      x: a.rect.x,
      y: a.rect.y,
      width: b.rect.x + b.rect.width - a.rect.x,
      height: b.rect.y + b.rect.height - a.rect.y,
    });
    expect(selectionBox(index, { kind: 'cell', lane: laneId(4), stage: stageId(0) })).toEqual({
      x: 208,
      y: 1194,
      width: 232,
      height: 167,
    });
    expect(selectionBox(index, { kind: 'stage', id: stageId(0) })).toEqual({ x: 208, y: 108, width: 232, height: 1253 });
    expect(selectionBox(index, { kind: 'lane', id: laneId(0) })).toBe(scene.lanes[0].band);
    const bent = scene.arrows.find((a) => a.path.includes('Q'))!;
    const arrowBox = selectionBox(index, { kind: 'arrow', id: bent.id });
    expect(arrowBox?.width).toBeGreaterThan(0);
    expect(arrowBox?.height).toBeGreaterThan(0);
    expect(selectionBox(index, NOTHING)).toBeNull();
  });
});

describe('revealBox', () => {
  it('scrolls to a heading itself, and to anything else as a whole', () => {
    expect(revealBox(index, { kind: 'stage', id: stageId(2) })).toBe(scene.stages[2].header);
    expect(revealBox(index, { kind: 'lane', id: laneId(1) })).toBe(scene.lanes[1].header);
    expect(revealBox(index, selectCards([cardAt(1, 0).id]))).toEqual(cardAt(1, 0).rect);
  });
});

describe('draftRect', () => {
  it('places a new card under the last card of its cell', () => {
    const last = cardAt(1, 0, 1);
    expect(draftRect(index, { lane: laneId(1), stage: stageId(0) }, null)).toEqual({
      x: last.rect.x,
      y: last.rect.y + last.rect.height + 10,
      width: 204,
      height: DRAFT_MIN_HEIGHT,
    });
  });

  it('places it over the card it goes before, or at the top of an empty cell', () => {
    const next = cardAt(1, 0, 1);
    expect(draftRect(index, { lane: laneId(1), stage: stageId(0) }, next.id)?.y).toBe(next.rect.y);
    expect(draftRect(index, { lane: laneId(4), stage: stageId(0) }, null)).toMatchObject({ x: 222, y: 1212 });
    expect(draftRect(index, { lane: 'gone', stage: stageId(0) }, null)).toBeNull();
  });
});

describe('linkHandleCentre', () => {
  it('sits off the top-right corner, clear of the right edge where arrows to neighbours leave', () => {
    const rect = { x: 100, y: 200, width: 180, height: 60 };
    for (const k of [0.5, 1, 2]) {
      const at = linkHandleCentre(rect, k);
      expect(at.x).toBeGreaterThan(rect.x + rect.width);
      expect(at.y).toBeLessThan(rect.y);
    }
    expect(linkHandleCentre(rect, 1)).toEqual({ x: 289, y: 191 });
  });
});
