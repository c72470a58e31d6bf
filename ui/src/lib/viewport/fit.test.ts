import { describe, expect, it } from 'vitest';
import { fitTransform, MIN_SCALE } from './fit';

describe('fitTransform', () => {
  it('scales a wide scene down to the view width and centres it vertically', () => {
    const t = fitTransform(2000, 500, 1000, 800, 0, 4);
    expect(t.k).toBe(0.5);
    expect(t.x).toBe(0);
    expect(t.y).toBe((800 - 250) / 2);
  });

  it('scales a tall scene down to the view height and centres it horizontally', () => {
    const t = fitTransform(500, 2000, 1000, 800, 0, 4);
    expect(t.k).toBe(0.4);
    expect(t.x).toBe((1000 - 200) / 2);
    expect(t.y).toBe(0);
  });

  it('keeps the padding free on the side that limits', () => {
    const t = fitTransform(1000, 100, 1064, 800, 32, 4);
    expect(t.k).toBe(1);
    expect(t.x).toBe(32);
  });

  it('never zooms above the maximum', () => {
    const t = fitTransform(400, 300, 1600, 1200, 20, 1);
    expect(t).toEqual({ k: 1, x: 600, y: 450 });
  });

  it('never zooms below the minimum scale', () => {
    expect(fitTransform(100_000, 100_000, 800, 600, 20, 1).k).toBe(MIN_SCALE);
  });

  it('copes with a view smaller than its padding and with an empty scene', () => {
    expect(Number.isFinite(fitTransform(1000, 800, 10, 10, 32, 1).k)).toBe(true);
    expect(fitTransform(0, 0, 800, 600, 20, 1)).toEqual({ k: 1, x: 400, y: 300 });
  });
});
