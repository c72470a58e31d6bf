import { describe, expect, it } from 'vitest';
import { cardAt, laneId, scene, stageId } from '../../test/grid';
import { boundingBox, cardColumn, cellCards, cellRect, indexScene, laneAt, stageAt } from './sceneIndex';

const index = indexScene(scene);

describe('indexScene', () => {
  it('finds cards by id and lists each cell top to bottom', () => {
    expect(index.cards.get(cardAt(1, 0).id)).toBe(cardAt(1, 0));
    expect(cellCards(index, { lane: laneId(1), stage: stageId(0) }).map((c) => c.id)).toEqual([
      cardAt(1, 0, 0).id,
      cardAt(1, 0, 1).id,
    ]);
    expect(cellCards(index, { lane: laneId(4), stage: stageId(0) })).toEqual([]);
  });

  it('counts the cards of each stage and lane', () => {
    expect(index.cardsPerStage.get(stageId(2))).toBe(7);
    expect(index.cardsPerLane.get(laneId(1))).toBe(12);
    expect(index.cardsPerStage.get('nope')).toBeUndefined();
  });

  it('gives a cell its stage column across its lane band', () => {
    expect(cellRect(index, { lane: laneId(1), stage: stageId(2) })).toEqual({
      x: 672,
      y: 398,
      width: 244,
      height: 230,
    });
    expect(cellRect(index, { lane: 'gone', stage: stageId(2) })).toBeNull();
  });

  it('steps to neighbouring stages and lanes, stopping at the edges', () => {
    expect(stageAt(index, stageId(0), 1)).toBe(stageId(1));
    expect(stageAt(index, stageId(5), 1)).toBeNull();
    expect(laneAt(index, laneId(1), -1)).toBe(laneId(0));
    expect(laneAt(index, laneId(0), -1)).toBeNull();
  });

  it('measures where cards sit in a column, also without any card', () => {
    expect(cardColumn(index, scene.stages[3])).toEqual({ x: 930, width: 204 });
    const empty = indexScene({ ...scene, cards: [] });
    expect(cardColumn(empty, scene.stages[3])).toEqual({ x: 930, width: 204 });
  });

  it('boxes rects together', () => {
    expect(boundingBox([])).toBeNull();
    expect(
      boundingBox([
        { x: 10, y: 20, width: 5, height: 5 },
        { x: 0, y: 30, width: 4, height: 10 },
      ]),
    ).toEqual({ x: 0, y: 20, width: 15, height: 20 });
  });
});
