import { describe, expect, it } from 'vitest';
import { homeInsuranceClaim as scene } from '../../test/fixtures';
import { visibleArrows, visibleCards } from './cull';

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
