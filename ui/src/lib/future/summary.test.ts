import { describe, expect, it } from 'vitest';
import type { FutureSummary } from '../bindings/FutureSummary';
import { figures, signed } from './summary';

const summary: FutureSummary = {
  kept: 0,
  changed: 2,
  removed: 2,
  added: 1,
  pain_points_resolved: 1,
  pain_points_left: 0,
  moments_gained: 1,
  moments_lost: 1,
  emotion_before: -0.5,
  emotion_after: 0.5,
};

describe('future state summary', () => {
  it('reads as a room asks: what goes, what pain is gone, moments gained and lost, the feeling', () => {
    const shown = Object.fromEntries(figures(summary).map((f) => [f.key, f.value]));
    expect(shown).toEqual({
      removed: '2',
      changed: '2',
      added: '1',
      kept: '0',
      pain: '1',
      moments: '+1 gained · −1 lost',
      emotion: '−0.5 → +0.5 (+1.0)',
    });
  });

  it('says when nothing is scored, and when only one side is', () => {
    const none = figures({ ...summary, emotion_before: null, emotion_after: null });
    expect(none.find((f) => f.key === 'emotion')?.value).toBe('not scored');
    const gone = figures({ ...summary, emotion_before: null, pain_points_left: 3 });
    expect(gone.find((f) => f.key === 'emotion')?.value).toBe('— → +0.5');
    expect(gone.find((f) => f.key === 'pain')?.value).toBe('1 · 3 left');
  });

  it('signs numbers with a true minus and no sign on zero', () => {
    expect(signed(-2)).toBe('−2');
    expect(signed(0.04, 1)).toBe('0.0');
    expect(signed(1.25, 1)).toBe('+1.3');
  });
});
