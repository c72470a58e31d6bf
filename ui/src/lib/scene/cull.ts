// Which cards and arrows a view can show, so a journey of thousands of cards draws only the few
// hundred on screen. Arrow bounds come from their path data, computed once per arrow object.
import type { Arrow } from '../bindings/Arrow';
import type { Card } from '../bindings/Card';
import type { Rect } from '../bindings/Rect';
import { intersects } from './hit';

/** The bounding box of every coordinate in SVG path data made of absolute commands (M, L, C, Q…). */
export function pathBounds(d: string): Rect {
  const numbers = d.match(/-?\d*\.?\d+(?:e-?\d+)?/gi)?.map(Number) ?? [];
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    left = Math.min(left, numbers[i]);
    right = Math.max(right, numbers[i]);
    top = Math.min(top, numbers[i + 1]);
    bottom = Math.max(bottom, numbers[i + 1]);
  }
  if (left > right) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: left, y: top, width: right - left, height: bottom - top };
}

const arrowBounds = new WeakMap<Arrow, Rect>();

function boundsOf(arrow: Arrow): Rect {
  let bounds = arrowBounds.get(arrow);
  if (!bounds) {
    bounds = pathBounds(arrow.path);
    arrowBounds.set(arrow, bounds);
  }
  return bounds;
}

/** The cards that touch `view`, in scene order. */
export function visibleCards(cards: Card[], view: Rect): Card[] {
  return cards.filter((c) => intersects(c.rect, view));
}

/** The arrows whose path may cross `view`, in scene order. */
export function visibleArrows(arrows: Arrow[], view: Rect): Arrow[] {
  return arrows.filter((a) => intersects(boundsOf(a), view));
}
