// Keeps what did not change between two scenes of the same journey as the very same objects, so the
// keyed `{#each}` blocks of the drawing skip every card, lane and arrow an edit left alone and only the
// changed ones touch the DOM.
import type { Scene } from '../bindings/Scene';

/** Structural equality of JSON-like values (what crosses the IPC). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.every((key) => key in recordB && sameValue(recordA[key], recordB[key]));
}

/** `next`, with every item equal to the item of `previous` that has its key replaced by that item. */
function shareList<T>(previous: T[], next: T[], key: (item: T) => string): T[] {
  const old = new Map(previous.map((item) => [key(item), item]));
  let allKept = previous.length === next.length;
  const merged = next.map((item, i) => {
    const before = old.get(key(item));
    if (before !== undefined && sameValue(before, item)) {
      if (previous[i] !== before) allKept = false;
      return before;
    }
    allKept = false;
    return item;
  });
  return allKept ? previous : merged;
}

function shareValue<T>(previous: T, next: T): T {
  return sameValue(previous, next) ? previous : next;
}

/**
 * `next` with the unchanged parts of `previous` reused. Scenes of different journeys share nothing.
 */
export function shareScene(previous: Scene | null, next: Scene): Scene {
  if (!previous || previous.journey !== next.journey) return next;
  return {
    ...next,
    title: shareValue(previous.title, next.title),
    subtitle: shareValue(previous.subtitle, next.subtitle),
    stages: shareList(previous.stages, next.stages, (s) => s.id),
    lanes: shareList(previous.lanes, next.lanes, (l) => l.id),
    emotion: shareValue(previous.emotion, next.emotion),
    separators: shareList(previous.separators, next.separators, (s) => s.kind),
    cards: shareList(previous.cards, next.cards, (c) => c.id),
    arrows: shareList(previous.arrows, next.arrows, (a) => a.id),
    rules: shareValue(previous.rules, next.rules),
    styles: shareValue(previous.styles, next.styles),
    colours: shareValue(previous.colours, next.colours),
  };
}
