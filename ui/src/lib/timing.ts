// Measurement hook for the end-to-end benchmark: how long a key press that edits takes to show.
// The time from the keydown (`performance.now()` there) to the end of the frame that draws the new
// scene is pushed, in ms, to `window.__throughlineTimings`, which the benchmark reads through
// WebDriver. The same press's keydown and the start of that frame go to `window.__throughlineFrames`
// in ms since the Unix epoch, so the benchmark can find when the frame reached the screen, which the
// page cannot see. Both are recorded only once the benchmark has put the two arrays there: a window
// in use keeps no figures and asks for no frame for them.

import { afterNextFrame } from './frames';

/** A timed key press on the wall clock: its keydown and the start of the frame that drew its edit. */
export interface FrameTimes {
  keydown: number;
  frame: number;
}

declare global {
  interface Window {
    __throughlineTimings?: number[];
    __throughlineFrames?: FrameTimes[];
  }
}

/** Records one key-to-screen time once the scene just applied has been painted, if measuring. */
export function recordAfterPaint(keydownAt: number) {
  if (!window.__throughlineTimings || !window.__throughlineFrames) return;
  let frameAt = 0;
  requestAnimationFrame(() => (frameAt = performance.now()));
  afterNextFrame(() => {
    window.__throughlineTimings?.push(performance.now() - keydownAt);
    const origin = performance.timeOrigin;
    window.__throughlineFrames?.push({ keydown: origin + keydownAt, frame: origin + frameAt });
  });
}

declare global {
  interface Window {
    /** Milliseconds from asking for another workspace to its first blueprint painted, one per switch. */
    __throughlineSwitchTimings?: number[];
  }
}

/** Records how long a workspace switch asked at `startedAt` took, once its first scene is painted. */
export function recordSwitchAfterPaint(startedAt: number) {
  afterNextFrame(() => (window.__throughlineSwitchTimings ??= []).push(performance.now() - startedAt));
}
