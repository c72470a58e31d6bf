// Which cards and arrows a view can show, so a journey of thousands of cards draws only the few
// hundred on screen. Each arrow carries its bounds, read by the Rust side from the path it wrote.
import type { Arrow } from '../bindings/Arrow';
import type { Card } from '../bindings/Card';
import type { Rect } from '../bindings/Rect';
import { intersects } from './hit';

/** The cards that touch `view`, in scene order. */
export function visibleCards(cards: Card[], view: Rect): Card[] {
  return cards.filter((c) => intersects(c.rect, view));
}

/** The arrows whose path may cross `view`, in scene order. */
export function visibleArrows(arrows: Arrow[], view: Rect): Arrow[] {
  return arrows.filter((a) => intersects(a.bounds, view));
}
