// Measurement hook for the end-to-end benchmark: how long a key press that edits takes to show.
// The time from the keydown (`performance.now()` there) to the end of the frame that draws the new
// scene is pushed, in ms, to `window.__throughlineTimings`, an array created on first use that the
// benchmark reads through WebDriver.

import { afterNextFrame } from './frames';

declare global {
  interface Window {
    __throughlineTimings?: number[];
  }
}

/** Records one key-to-screen time once the scene just applied has been painted. */
export function recordAfterPaint(keydownAt: number) {
  afterNextFrame(() => (window.__throughlineTimings ??= []).push(performance.now() - keydownAt));
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
