import { describe, expect, it } from 'vitest';
import { broadbandInstallation as scene } from '../../test/fixtures';
import { caption, dimmed, FIRST, move, stepForKey, stopBox, stopTransform } from './present';

describe('stepping through a presentation', () => {
  it('goes stage by stage and stops at both ends', () => {
    const stages = scene.stages.length;
    let stop = FIRST;
    for (let i = 0; i < stages + 2; i++) stop = move(stop, 'next-stage', stages, scene.lanes.length);
    expect(stop).toEqual({ stage: stages - 1, lane: null });
    expect(move(FIRST, 'previous-stage', stages, 5)).toEqual(FIRST);
    expect(move({ stage: 3, lane: 2 }, 'first', stages, 5)).toEqual(FIRST);
    expect(move(FIRST, 'last', stages, 5)).toEqual({ stage: stages - 1, lane: null });
  });

  it('goes down into the lanes of a stage and back up to the whole stage, keeping the lane across stages', () => {
    let stop = move(FIRST, 'next-lane', 5, 5);
    expect(stop).toEqual({ stage: 0, lane: 0 });
    stop = move(move(stop, 'next-lane', 5, 5), 'next-stage', 5, 5);
    expect(stop).toEqual({ stage: 1, lane: 1 });
    for (let i = 0; i < 9; i++) stop = move(stop, 'next-lane', 5, 5);
    expect(stop.lane).toBe(4);
    for (let i = 0; i < 5; i++) stop = move(stop, 'previous-lane', 5, 5);
    expect(stop.lane).toBeNull();
    expect(move(FIRST, 'next-lane', 5, 0)).toEqual(FIRST);
  });

  it('answers the keys a clicker and a keyboard send', () => {
    expect(stepForKey('ArrowRight', false)).toBe('next-stage');
    expect(stepForKey('PageDown', false)).toBe('next-stage');
    expect(stepForKey(' ', false)).toBe('next-stage');
    expect(stepForKey(' ', true)).toBe('previous-stage');
    expect(stepForKey('PageUp', false)).toBe('previous-stage');
    expect(stepForKey('ArrowDown', false)).toBe('next-lane');
    expect(stepForKey('ArrowUp', false)).toBe('previous-lane');
    expect(stepForKey('Home', false)).toBe('first');
    expect(stepForKey('x', false)).toBeNull();
  });
});

describe('what a stop shows', () => {
  it('frames a stage from its heading to the last lane, and one lane with the emotion band over the customers', () => {
    const whole = stopBox(scene, { stage: 1, lane: null });
    const stage = scene.stages[1];
    const last = scene.lanes[scene.lanes.length - 1];
    expect(whole).toEqual({
      x: stage.x,
      y: stage.header.y,
      width: stage.width,
      height: last.band.y + last.band.height - stage.header.y,
    });
    const customers = scene.lanes.findIndex((l) => l.kind === 'customer');
    const box = stopBox(scene, { stage: 1, lane: customers });
    expect(box?.y).toBe(scene.emotion?.band.y);
    expect(box && box.y + box.height).toBe(scene.lanes[customers].band.y + scene.lanes[customers].band.height);
    const backstage = scene.lanes.findIndex((l) => l.kind === 'backstage');
    expect(stopBox(scene, { stage: 1, lane: backstage })?.y).toBe(scene.lanes[backstage].band.y);
    expect(stopBox(scene, { stage: 99, lane: null })).toBeNull();
  });

  it('dims everything else of the sheet and nothing of the stop', () => {
    const box = { x: 100, y: 50, width: 200, height: 300 };
    const parts = dimmed(box, 1000, 800);
    const area = parts.reduce((a, r) => a + r.width * r.height, 0);
    expect(area).toBe(1000 * 800 - 200 * 300);
    for (const r of parts) {
      const overlapX = Math.min(r.x + r.width, 300) - Math.max(r.x, 100);
      const overlapY = Math.min(r.y + r.height, 350) - Math.max(r.y, 50);
      expect(overlapX <= 0 || overlapY <= 0).toBe(true);
    }
  });

  it('names the stage and lane in the caption', () => {
    expect(caption(scene, { stage: 0, lane: null })).toBe(`Stage 1 of ${scene.stages.length} · ${scene.stages[0].name}`);
    expect(caption(scene, { stage: 0, lane: 1 })).toContain(scene.lanes[1].name);
  });
});

describe('how a stop is shown', () => {
  it('fits a small box whole and centred, up to the largest zoom', () => {
    const t = stopTransform({ x: 100, y: 200, width: 200, height: 100 }, 1000, 800, 20, 0.8, 2);
    expect(t.k).toBe(2);
    expect(t.x + 100 * t.k + (200 * t.k) / 2).toBeCloseTo(500);
    expect(t.y + 200 * t.k + (100 * t.k) / 2).toBeCloseTo(400);
  });

  it('keeps a tall stage column readable, centred across and shown from its top', () => {
    const t = stopTransform({ x: 400, y: 100, width: 232, height: 1400 }, 1280, 720, 20, 0.9, 2);
    expect(t.k).toBe(0.9);
    expect(t.y + 100 * t.k).toBeCloseTo(20);
    expect(t.x + 400 * t.k + (232 * t.k) / 2).toBeCloseTo(640);
  });
});
