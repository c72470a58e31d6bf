import { describe, expect, it } from 'vitest';
import { cardAt, laneId, scene, stageId } from '../../test/grid';
import { indexScene } from '../scene/sceneIndex';
import { navigate, nextCardInLane, type Spot } from './navigation';

const index = indexScene(scene);
const on = (lane: number, stage: number, row = 0): Spot => ({ kind: 'card', id: cardAt(lane, stage, row).id });
const cell = (lane: number, stage: number): Spot => ({ kind: 'cell', lane: laneId(lane), stage: stageId(stage) });

describe('navigate', () => {
  it('goes left and right to the same row of the neighbouring stage', () => {
    expect(navigate(index, on(1, 0, 1), 'right')).toEqual(on(1, 1, 1));
    expect(navigate(index, on(1, 1, 0), 'left')).toEqual(on(1, 0, 0));
    expect(navigate(index, on(3, 2, 1), 'right')).toEqual(on(3, 3, 0));
  });

  it('stops at the first and last stage', () => {
    expect(navigate(index, on(1, 0), 'left')).toEqual(on(1, 0));
    expect(navigate(index, on(1, 5), 'right')).toEqual(on(1, 5));
  });

  it('goes down through a cell, then to the top of the lane below', () => {
    expect(navigate(index, on(1, 0, 0), 'down')).toEqual(on(1, 0, 1));
    expect(navigate(index, on(1, 0, 1), 'down')).toEqual(on(2, 0));
  });

  it('goes up through a cell, then to the bottom of the lane above', () => {
    expect(navigate(index, on(1, 0, 1), 'up')).toEqual(on(1, 0, 0));
    expect(navigate(index, on(2, 0), 'up')).toEqual(on(1, 0, 1));
    expect(navigate(index, on(0, 0), 'up')).toEqual(on(0, 0));
  });

  it('stands on an empty cell and moves on from it', () => {
    expect(navigate(index, on(3, 0), 'down')).toEqual(cell(4, 0));
    expect(navigate(index, cell(4, 0), 'right')).toEqual(on(4, 1));
    expect(navigate(index, cell(4, 0), 'up')).toEqual(on(3, 0));
    expect(navigate(index, on(4, 1), 'left')).toEqual(cell(4, 0));
  });

  it('goes to the next and previous lane with Tab', () => {
    expect(navigate(index, on(1, 2, 1), 'next-lane')).toEqual(on(2, 2));
    expect(navigate(index, on(1, 2, 1), 'previous-lane')).toEqual(on(0, 2));
    expect(navigate(index, on(4, 2), 'next-lane')).toEqual(on(4, 2));
  });

  it('stays put on a card that is gone', () => {
    const gone: Spot = { kind: 'card', id: 'gone' };
    expect(navigate(index, gone, 'right')).toBe(gone);
  });
});

describe('nextCardInLane', () => {
  it('finds the first card of the nearest later stage that has one', () => {
    expect(nextCardInLane(index, cardAt(1, 0, 1).id)).toBe(cardAt(1, 1, 0).id);
    expect(nextCardInLane(index, cardAt(1, 5).id)).toBeNull();
    expect(nextCardInLane(index, 'gone')).toBeNull();
  });
});
