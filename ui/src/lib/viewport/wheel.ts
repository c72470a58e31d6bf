// What the mouse wheel does on the canvas: a plain wheel scrolls (Shift for sideways), Ctrl+wheel and
// pinch zoom. Pure functions so both can be tested without a browser.

/** The parts of a WheelEvent looked at. */
export interface WheelInput {
  deltaX: number;
  deltaY: number;
  deltaMode: number;
  shiftKey: boolean;
}

const LINE_PX = 40;
const PAGE_PX = 800;

/** A wheel delta in pixels, whatever unit the device reported it in. */
export function deltaPixels(delta: number, deltaMode: number): number {
  if (deltaMode === 1) return delta * LINE_PX;
  if (deltaMode === 2) return delta * PAGE_PX;
  return delta;
}

/** How far a wheel event scrolls the view, in screen pixels. Shift turns a vertical wheel sideways. */
export function wheelScroll(e: WheelInput): { dx: number; dy: number } {
  const dx = deltaPixels(e.deltaX, e.deltaMode);
  const dy = deltaPixels(e.deltaY, e.deltaMode);
  if (e.shiftKey && dx === 0) return { dx: dy, dy: 0 };
  return { dx, dy };
}

/** Largest zoom step of one wheel event, as a power of two (one notch at most ×1.41). */
const MAX_STEP = 0.5;
const PER_PIXEL = 0.01;

/**
 * The zoom change of a Ctrl+wheel or pinch event as a power of two (the scale is multiplied by 2^result):
 * small pinch deltas zoom smoothly, a mouse notch by at most ×1.41.
 */
export function wheelZoomExponent(e: WheelInput): number {
  const step = -deltaPixels(e.deltaY, e.deltaMode) * PER_PIXEL;
  return Math.max(-MAX_STEP, Math.min(MAX_STEP, step));
}
