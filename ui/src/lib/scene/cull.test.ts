import { describe, expect, it } from 'vitest';
import { homeInsuranceClaim as scene } from '../../test/fixtures';
import { pathBounds, visibleArrows, visibleCards } from './cull';

describe('pathBounds', () => {
  it('boxes every point of a path, control points included', () => {
    expect(pathBounds('M1122 515L1130 515Q1136 515 1136 509L1136 439Q1136 433 1142 433L1150 433')).toEqual({
      x: 1122,
      y: 433,
      width: 28,
      height: 82,
    });
    expect(pathBounds('M-5 2.5L10 -7.25')).toEqual({ x: -5, y: -7.25, width: 15, height: 9.75 });
    expect(pathBounds('')).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });
});

describe('culling', () => {
  it('keeps the cards and arrows that touch the view, in scene order', () => {
    const view = { x: 200, y: 370, width: 260, height: 200 };
    expect(visibleCards(scene.cards, view).map((c) => c.lines[0].text)).toEqual([
      'Finds leak and turns off',
      'Searches policy',
      "Calls insurer's claims line",
      'Sends photos of the',
    ]);
    const arrows = visibleArrows(scene.arrows, view);
    expect(arrows.length).toBeGreaterThan(0);
    expect(arrows.length).toBeLessThan(scene.arrows.length);
    expect(visibleArrows(scene.arrows, { x: 0, y: 0, width: 10, height: 10 })).toEqual([]);
  });
});
