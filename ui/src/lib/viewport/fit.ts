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

/** The smallest on-screen size (CSS px) card text may have when a journey opens or is fitted to width. */
export const MIN_TEXT_PX = 12;

/** How much bigger the readable floor is with "Larger text for projection" on. */
export const PROJECTION_FACTOR = 1.5;

/**
 * The zoom below which card text of `fontSize` (scene px) is smaller than `MIN_TEXT_PX` on screen —
 * times `PROJECTION_FACTOR` for a projector — within the zoom limits.
 */
export function readableScale(fontSize: number, projection: boolean): number {
  const px = MIN_TEXT_PX * (projection ? PROJECTION_FACTOR : 1);
  return fontSize > 0 ? Math.max(MIN_SCALE, Math.min(MAX_SCALE, px / fontSize)) : 1;
}

/**
 * "Fit width": the scene as wide as the view allows, but never below `floor` nor above `maxScale`.
 * It sits at the top; centred across when it is narrower than the view, at its left edge when the
 * floor makes it wider (the rest is a pan away).
 */
export function fitWidthTransform(
  sceneW: number,
  viewW: number,
  padding: number,
  floor: number,
  maxScale: number,
): ViewTransform {
  const fits = sceneW > 0 ? Math.max(viewW - 2 * padding, 1) / sceneW : maxScale;
  const k = Math.max(MIN_SCALE, Math.min(Math.max(fits, floor), maxScale));
  const x = sceneW * k <= viewW - 2 * padding ? (viewW - sceneW * k) / 2 : padding;
  return { k, x, y: padding };
}

/**
 * How a journey opens: fitted whole when its text is readable so, else at the readable floor from
 * its top-left corner, so a new or wide journey never opens with text too small to read.
 */
export function openingTransform(
  sceneW: number,
  sceneH: number,
  viewW: number,
  viewH: number,
  padding: number,
  floor: number,
): ViewTransform {
  const whole = fitTransform(sceneW, sceneH, viewW, viewH, padding, 1);
  if (whole.k >= floor) return whole;
  return fitWidthTransform(sceneW, viewW, padding, floor, 1);
}

/** A box in scene coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The transform that shows `box` whole and centred in the view, like `fitTransform` for a whole scene. */
export function fitBoxTransform(
  box: Box,
  viewW: number,
  viewH: number,
  padding: number,
  maxScale: number,
): ViewTransform {
  const t = fitTransform(box.width, box.height, viewW, viewH, padding, maxScale);
  return { k: t.k, x: t.x - box.x * t.k, y: t.y - box.y * t.k };
}

/**
 * How far to scroll (screen pixels, as `scrollBy` takes them) so that `box` is inside the view with
 * `margin` to spare; zero on an axis where it already is. A box bigger than the view shows its start.
 */
export function revealScroll(
  box: Box,
  t: ViewTransform,
  viewW: number,
  viewH: number,
  margin: number,
): { dx: number; dy: number } {
  const axis = (start: number, size: number, view: number) => {
    const from = start - margin;
    const to = start + size + margin;
    if (from < 0 || to - from > view) return from;
    if (to > view) return to - view;
    return 0;
  };
  return {
    dx: axis(box.x * t.k + t.x, box.width * t.k, viewW),
    dy: axis(box.y * t.k + t.y, box.height * t.k, viewH),
  };
}

/** The part of the scene a view shows (in scene coordinates), grown by `margin` screen pixels. */
export function visibleBox(t: ViewTransform, viewW: number, viewH: number, margin: number): Box {
  return {
    x: (-t.x - margin) / t.k,
    y: (-t.y - margin) / t.k,
    width: (viewW + 2 * margin) / t.k,
    height: (viewH + 2 * margin) / t.k,
  };
}

/**
 * The part of the scene to draw for a view: kept while the view stays inside it (and it is not far
 * bigger than the view, as after zooming in), else the view grown by its own size on every side.
 * Panning then redraws only when it has travelled a whole view's width or height.
 */
export function drawnBox(previous: Box | null, view: Box): Box {
  const keep =
    previous !== null &&
    view.x >= previous.x &&
    view.y >= previous.y &&
    view.x + view.width <= previous.x + previous.width &&
    view.y + view.height <= previous.y + previous.height &&
    previous.width <= view.width * 4 &&
    previous.height <= view.height * 4;
  if (keep) return previous;
  return { x: view.x - view.width, y: view.y - view.height, width: view.width * 3, height: view.height * 3 };
}

/**
 * Where to look to show `box` (a found card) readably: the view `t` as it is when the box is already
 * in it with `margin` to spare at a zoom of at least `floor`; else the box centred at that zoom, the
 * current one raised to `floor` if lower (never zooming out of a closer look).
 */
export function readableRevealTransform(
  box: Box,
  t: ViewTransform,
  viewW: number,
  viewH: number,
  floor: number,
  margin: number,
): ViewTransform {
  const k = Math.min(MAX_SCALE, Math.max(t.k, floor));
  if (k === t.k) {
    const { dx, dy } = revealScroll(box, t, viewW, viewH, margin);
    if (dx === 0 && dy === 0) return t;
  }
  return { k, x: viewW / 2 - (box.x + box.width / 2) * k, y: viewH / 2 - (box.y + box.height / 2) * k };
}

/**
 * Whether two transforms show the same view, to within a tenth of a pixel: d3-zoom hands back the
 * transform it was given with rounding, so exact comparison would call an untouched view moved.
 */
export function sameTransform(a: ViewTransform, b: ViewTransform): boolean {
  return Math.abs(a.k - b.k) < 1e-6 && Math.abs(a.x - b.x) < 0.1 && Math.abs(a.y - b.y) < 0.1;
}
