import { describe, expect, it } from 'vitest';
import { deltaPixels, wheelScroll, wheelZoomExponent, type WheelInput } from './wheel';

function wheel(deltaY: number, extra: Partial<WheelInput> = {}): WheelInput {
  return { deltaX: 0, deltaY, deltaMode: 0, shiftKey: false, ...extra };
}

describe('wheelScroll', () => {
  it('scrolls vertically by the wheel delta', () => {
    expect(wheelScroll(wheel(100))).toEqual({ dx: 0, dy: 100 });
  });

  it('scrolls sideways with Shift', () => {
    expect(wheelScroll(wheel(-100, { shiftKey: true }))).toEqual({ dx: -100, dy: 0 });
  });

  it('keeps a horizontal delta the system already turned sideways', () => {
    expect(wheelScroll(wheel(0, { deltaX: 60, shiftKey: true }))).toEqual({ dx: 60, dy: 0 });
  });

  it('passes trackpad deltas in both directions', () => {
    expect(wheelScroll(wheel(7, { deltaX: -3 }))).toEqual({ dx: -3, dy: 7 });
  });

  it('converts line and page deltas to pixels', () => {
    expect(deltaPixels(3, 1)).toBe(120);
    expect(deltaPixels(1, 2)).toBe(800);
    expect(deltaPixels(5, 0)).toBe(5);
  });
});

describe('wheelZoomExponent', () => {
  it('zooms in when the wheel moves up and out when it moves down', () => {
    expect(wheelZoomExponent(wheel(-10))).toBeGreaterThan(0);
    expect(wheelZoomExponent(wheel(10))).toBeLessThan(0);
  });

  it('zooms a mouse notch by at most √2', () => {
    expect(wheelZoomExponent(wheel(-120))).toBe(0.5);
    expect(wheelZoomExponent(wheel(3, { deltaMode: 1 }))).toBe(-0.5);
  });

  it('zooms small pinch steps in proportion', () => {
    expect(wheelZoomExponent(wheel(-4))).toBeCloseTo(0.04);
  });
});
