import { describe, expect, it } from 'vitest';
import type { EmotionBand } from '../bindings/EmotionBand';
import { bandCurves } from './emotion';

const rect = { x: 0, y: 0, width: 10, height: 10 };
const point = (step: string, score: number) => ({ step, at: { x: 1, y: 2 }, score, colour: '#000' });

const band: EmotionBand = {
  band: rect,
  header: rect,
  title: { text: 'Emotion', x: 0, y: 0 },
  ticks: [],
  grid: [],
  path: 'M0 0',
  points: [point('a', 1)],
  stroke: '#0072b2',
  curves: [{ persona: 'family', colour: '#d55e00', path: 'M1 1', points: [point('a', -2)] }],
  key: [
    { persona: 'business', colour: '#0072b2', swatch: { x: 0, y: 0 }, label: { text: 'Business', x: 0, y: 0 } },
    { persona: 'family', colour: '#d55e00', swatch: { x: 0, y: 0 }, label: { text: 'Family', x: 0, y: 0 } },
  ],
};

describe('emotion curves', () => {
  it('lists the first persona then the others, each in its colour', () => {
    const curves = bandCurves(band, null);
    expect(curves.map((c) => [c.persona, c.colour])).toEqual([
      ['business', '#0072b2'],
      ['family', '#d55e00'],
    ]);
  });

  it('shows one persona alone when chosen, and all when the choice is gone', () => {
    expect(bandCurves(band, 'family').map((c) => c.persona)).toEqual(['family']);
    expect(bandCurves(band, 'business').map((c) => c.persona)).toEqual(['business']);
    expect(bandCurves(band, 'someone else')).toHaveLength(2);
  });

  it('draws a journey without personas as its one curve', () => {
    const plain = { ...band, curves: [], key: [], stroke: '#2f64d6' };
    expect(bandCurves(plain, null)).toEqual([
      { key: 'main', persona: null, colour: '#2f64d6', path: 'M0 0', points: [point('a', 1)] },
    ]);
  });
});
