// Where "zoom to fit" puts a scene: the largest scale at which it fits the view, centred.

/** A pan/zoom state: screen = scene × k + (x, y). */
export interface ViewTransform {
  k: number;
  x: number;
  y: number;
}

/** Smallest and largest zoom. */
export const MIN_SCALE = 0.1;
export const MAX_SCALE = 4;

/**
 * The transform that shows a whole `sceneW`×`sceneH` scene centred in a `viewW`×`viewH` view with at
 * least `padding` around it, never above `maxScale` nor below `MIN_SCALE`.
 */
export function fitTransform(
  sceneW: number,
  sceneH: number,
  viewW: number,
  viewH: number,
  padding: number,
  maxScale: number,
): ViewTransform {
  const roomW = Math.max(viewW - 2 * padding, 1);
  const roomH = Math.max(viewH - 2 * padding, 1);
  const fits = sceneW > 0 && sceneH > 0 ? Math.min(roomW / sceneW, roomH / sceneH) : maxScale;
  const k = Math.max(MIN_SCALE, Math.min(fits, maxScale));
  return { k, x: (viewW - sceneW * k) / 2, y: (viewH - sceneH * k) / 2 };
}
