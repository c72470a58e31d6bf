import { describe, expect, it } from 'vitest';
import {
  drawnBox,
  fitBoxTransform,
  fitTransform,
  sameTransform,
  fitWidthTransform,
  MIN_SCALE,
  openingTransform,
  readableRevealTransform,
  readableScale,
  revealScroll,
  visibleBox,
} from './fit';

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

describe('fitBoxTransform', () => {
  it('shows a box of the scene centred in the view', () => {
    const t = fitBoxTransform({ x: 100, y: 200, width: 400, height: 100 }, 800, 600, 0, 4);
    expect(t.k).toBe(2);
    expect(t.x + 100 * t.k).toBe(0);
    expect(t.y + 200 * t.k).toBe((600 - 200) / 2);
  });
});

describe('revealScroll', () => {
  const t = { k: 2, x: -100, y: 0 };

  it('does not scroll when the box is in view', () => {
    expect(revealScroll({ x: 100, y: 100, width: 50, height: 50 }, t, 800, 600, 10)).toEqual({ dx: 0, dy: 0 });
  });

  it('scrolls just enough to bring the box in, with the margin', () => {
    expect(revealScroll({ x: 500, y: 100, width: 50, height: 50 }, t, 800, 600, 10)).toEqual({ dx: 210, dy: 0 });
    expect(revealScroll({ x: 20, y: -40, width: 50, height: 50 }, t, 800, 600, 10)).toEqual({ dx: -70, dy: -90 });
  });

  it('shows the start of a box bigger than the view', () => {
    expect(revealScroll({ x: 100, y: 0, width: 2000, height: 10 }, t, 800, 600, 10).dx).toBe(90);
  });
});

describe('visibleBox', () => {
  it('is the part of the scene the view shows, grown by the margin', () => {
    expect(visibleBox({ k: 2, x: -100, y: 50 }, 800, 600, 20)).toEqual({ x: 40, y: -35, width: 420, height: 320 });
  });
});

describe('drawnBox', () => {
  it('draws three views across around the view, and keeps that while the view stays inside', () => {
    const first = drawnBox(null, { x: 100, y: 100, width: 50, height: 40 });
    expect(first).toEqual({ x: 50, y: 60, width: 150, height: 120 });
    expect(drawnBox(first, { x: 140, y: 130, width: 50, height: 40 })).toBe(first);
    expect(drawnBox(first, { x: 160, y: 130, width: 50, height: 40 })).toEqual({
      x: 110,
      y: 90,
      width: 150,
      height: 120,
    });
  });

  it('draws less again after zooming in far', () => {
    const wide = drawnBox(null, { x: 0, y: 0, width: 1000, height: 1000 });
    expect(drawnBox(wide, { x: 100, y: 100, width: 200, height: 200 })).toEqual({
      x: -100,
      y: -100,
      width: 600,
      height: 600,
    });
  });
});

describe('readable zoom', () => {
  it('keeps card text at least 12 px on screen, 18 px for a projector', () => {
    expect(readableScale(13, false) * 13).toBeCloseTo(12);
    expect(readableScale(13, true) * 13).toBeCloseTo(18);
    expect(readableScale(0, false)).toBe(1);
  });

  it('fits the width down to the readable floor, then starts at the left edge', () => {
    expect(fitWidthTransform(1000, 1232, 16, 0.9, 4)).toEqual({ k: 1.2, x: 16, y: 16 });
    const wide = fitWidthTransform(4000, 1232, 16, 0.9, 4);
    expect(wide).toEqual({ k: 0.9, x: 16, y: 16 });
    const narrow = fitWidthTransform(400, 1232, 16, 0.5, 1);
    expect(narrow).toEqual({ k: 1, x: (1232 - 400) / 2, y: 16 });
  });

  it('opens a journey whole when readable so, else at the floor from its top-left', () => {
    expect(openingTransform(800, 400, 1232, 800, 32, 0.9).k).toBe(1);
    const wide = openingTransform(2100, 1400, 1232, 800, 32, 0.92);
    expect(wide.k).toBeCloseTo(0.92);
    expect(wide.x).toBe(32);
    expect(wide.y).toBe(32);
  });
});

describe('following the card being typed', () => {
  it('pans a new card typed off the right edge into view, and leaves one in view alone', () => {
    const t = { k: 0.92, x: 32, y: 32 };
    const offRight = { x: 1400, y: 300, width: 180, height: 44 };
    const { dx, dy } = revealScroll(offRight, t, 1232, 800, 24);
    expect(dy).toBe(0);
    const right = (offRight.x + offRight.width) * t.k + t.x - dx;
    expect(right).toBeCloseTo(1232 - 24);
    expect(revealScroll({ x: 100, y: 300, width: 180, height: 44 }, t, 1232, 800, 24)).toEqual({ dx: 0, dy: 0 });
  });
});

describe('showing a found card readably', () => {
  const card = { x: 1000, y: 400, width: 200, height: 80 };

  it('leaves a view that already shows the card readably as it is', () => {
    const t = { k: 1, x: -800, y: -200 };
    expect(readableRevealTransform(card, t, 1000, 800, 0.8, 24)).toBe(t);
  });

  it('centres a card out of view at the current zoom when that is readable', () => {
    const t = readableRevealTransform(card, { k: 1.5, x: 0, y: 0 }, 1000, 800, 0.8, 24);
    expect(t).toEqual({ k: 1.5, x: 500 - 1100 * 1.5, y: 400 - 440 * 1.5 });
  });

  it('zooms in to the readable floor, centred on the card, even when it was in view', () => {
    const t = readableRevealTransform(card, { k: 0.2, x: 0, y: 0 }, 1000, 800, 0.8, 24);
    expect(t.k).toBe(0.8);
    expect(t.x + 1100 * t.k).toBeCloseTo(500);
    expect(t.y + 440 * t.k).toBeCloseTo(400);
  });
});

describe('sameTransform', () => {
  it('takes a view moved by less than a tenth of a pixel as unmoved', () => {
    expect(sameTransform({ k: 0.8, x: 10, y: 20 }, { k: 0.8, x: 10.05, y: 19.96 })).toBe(true);
  });

  it('takes a pan or a zoom as a move', () => {
    expect(sameTransform({ k: 0.8, x: 10, y: 20 }, { k: 0.8, x: 12, y: 20 })).toBe(false);
    expect(sameTransform({ k: 0.8, x: 10, y: 20 }, { k: 0.81, x: 10, y: 20 })).toBe(false);
  });
});
