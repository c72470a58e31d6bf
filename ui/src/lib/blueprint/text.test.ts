import { describe, expect, it } from 'vitest';
import { handoffDiamond, svgNumber } from './text';

describe('svgNumber', () => {
  it('prints numbers as the Rust writer does', () => {
    expect(svgNumber(12)).toBe('12');
    expect(svgNumber(12.345)).toBe('12.35');
    expect(svgNumber(0.1 + 0.2)).toBe('0.3');
    expect(svgNumber(-0.001)).toBe('0');
  });
});

describe('handoffDiamond', () => {
  it('centres a 14-pixel diamond on the point', () => {
    expect(handoffDiamond({ x: 1136, y: 512 })).toBe('M1136 505l7 7l-7 7l-7-7z');
  });
});
