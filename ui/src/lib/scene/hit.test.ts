import { describe, expect, it } from 'vitest';
import { cardAt, laneId, middleOf, scene, stageId } from '../../test/grid';
import { boxFrom, cardsInBox, dropChangesNothing, dropTarget, headingDrop, hitTest } from './hit';
import { indexScene } from './sceneIndex';

const index = indexScene(scene);
const none = new Set<string>();

describe('hitTest', () => {
  it('finds a card, the empty part of a cell, and headings', () => {
    expect(hitTest(index, middleOf(cardAt(1, 0, 1)))).toEqual({ kind: 'card', id: cardAt(1, 0, 1).id });
    expect(hitTest(index, { x: 300, y: 1300 })).toEqual({ kind: 'cell', lane: laneId(4), stage: stageId(0) });
    expect(hitTest(index, { x: 700, y: 120 })).toEqual({ kind: 'stage', id: stageId(2) });
    expect(hitTest(index, { x: 100, y: 400 })).toEqual({ kind: 'lane', id: laneId(1) });
  });

  it('finds nothing in the margins, the title, the emotion band or between lanes', () => {
    expect(hitTest(index, { x: 5, y: 5 })).toEqual({ kind: 'none' });
    expect(hitTest(index, { x: 700, y: 300 })).toEqual({ kind: 'none' });
    expect(hitTest(index, { x: 700, y: 640 })).toEqual({ kind: 'none' });
  });
});

describe('hitTest on a side-by-side scene', () => {
  it('finds a card of the lower state, whose stage columns stand at the same x as the upper ones', () => {
    const dy = scene.height;
    const down = <T extends { y: number }>(r: T): T => ({ ...r, y: r.y + dy });
    const below = (id: string) => `${id}-future`;
    const stacked = {
      ...scene,
      height: scene.height * 2,
      stages: [
        ...scene.stages,
        ...scene.stages.map((s) => ({ ...s, id: below(s.id), header: down(s.header) })),
      ],
      lanes: [
        ...scene.lanes,
        ...scene.lanes.map((l) => ({ ...l, id: below(l.id), band: down(l.band), header: down(l.header) })),
      ],
      cards: [
        ...scene.cards,
        ...scene.cards.map((c) => ({ ...c, id: below(c.id), lane: below(c.lane), stage: below(c.stage), rect: down(c.rect) })),
      ],
    };
    const twin = stacked.cards.find((c) => c.id === below(cardAt(1, 0, 1).id))!;
    expect(hitTest(indexScene(stacked), middleOf(twin))).toEqual({ kind: 'card', id: twin.id });
    expect(hitTest(indexScene(stacked), middleOf(cardAt(1, 0, 1)))).toEqual({ kind: 'card', id: cardAt(1, 0, 1).id });
  });
});

describe('dropTarget', () => {
  it('puts a card before the first card whose middle is below the pointer', () => {
    const target = dropTarget(index, { x: 300, y: 480 }, none);
    expect(target).toMatchObject({ lane: laneId(1), stage: stageId(0), before: cardAt(1, 0, 1).id });
    expect(target?.line).toEqual({ x1: 222, x2: 426, y: cardAt(1, 0, 1).rect.y - 5 });
  });

  it('puts a card at the end under the last card, and at the top of an empty cell', () => {
    expect(dropTarget(index, { x: 300, y: 580 }, none)).toMatchObject({ before: null, line: { y: 615 } });
    expect(dropTarget(index, { x: 300, y: 1250 }, none)).toMatchObject({
      lane: laneId(4),
      stage: stageId(0),
      before: null,
      line: { y: 1203 },
    });
  });

  it('ignores the cards being moved and takes the nearest cell from outside the grid', () => {
    const moving = new Set([cardAt(1, 0, 1).id]);
    expect(dropTarget(index, { x: 300, y: 480 }, moving)?.before).toBeNull();
    expect(dropTarget(index, { x: 5000, y: 583 }, none)).toMatchObject({ lane: laneId(1), stage: stageId(5) });
  });

  it('knows a drop that leaves a card where it is', () => {
    const first = cardAt(1, 0, 0);
    const target = dropTarget(index, middleOf(first), new Set([first.id]));
    expect(target && dropChangesNothing(index, [first.id], target)).toBe(true);
    const below = dropTarget(index, { x: 300, y: 580 }, new Set([first.id]));
    expect(below && dropChangesNothing(index, [first.id], below)).toBe(false);
    expect(target && dropChangesNothing(index, [first.id, cardAt(1, 1).id], target)).toBe(false);
  });
});

describe('headingDrop', () => {
  it('places a stage before the first stage whose middle is right of the pointer', () => {
    expect(headingDrop(index, 'stage', { x: 600, y: 0 })).toMatchObject({ before: stageId(2), line: { x1: 672 } });
    expect(headingDrop(index, 'stage', { x: 9999, y: 0 })).toMatchObject({ before: null, line: { x1: 1620 } });
  });

  it('places a lane before the first lane whose middle is below the pointer', () => {
    expect(headingDrop(index, 'lane', { x: 0, y: 0 })?.before).toBe(laneId(0));
    expect(headingDrop(index, 'lane', { x: 0, y: 800 })?.before).toBe(laneId(3));
    expect(headingDrop(index, 'lane', { x: 0, y: 5000 })?.before).toBeNull();
  });
});

describe('box selection', () => {
  it('catches every card the box touches', () => {
    const box = boxFrom({ x: 430, y: 600 }, { x: 300, y: 400 });
    expect(box).toEqual({ x: 300, y: 400, width: 130, height: 200 });
    expect(cardsInBox(scene.cards, box)).toEqual([cardAt(1, 0, 0).id, cardAt(1, 0, 1).id]);
  });
});
