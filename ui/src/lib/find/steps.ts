// The find bar's pure logic: stepping through hits with wrapping, the "n of m" count, the cards to
// mark, and the guard that keeps an older answer from replacing a newer one while the person types.
import type { FindHit } from '../bindings/FindHit';
import type { Id } from '../bindings/Id';

/**
 * The hit after (`by` 1) or before (`by` -1) `current` among `count` hits, wrapping at either end; -1
 * when there are none. With no current hit, the first going forwards and the last going backwards.
 */
export function stepHit(current: number, count: number, by: 1 | -1): number {
  if (count <= 0) return -1;
  if (current < 0 || current >= count) return by === 1 ? 0 : count - 1;
  return (current + by + count) % count;
}

/**
 * The count the bar shows: "3 of 12"; "No results" for none; "3 of 1,000+" style when only the first
 * hits came back (`returned` of `total`), since only those can be stepped through.
 */
export function countLabel(current: number, returned: number, total: number): string {
  if (total === 0) return 'No results';
  const all = returned < total ? `${returned.toLocaleString('en')}+` : total.toLocaleString('en');
  return current < 0 ? `${all} found` : `${(current + 1).toLocaleString('en')} of ${all}`;
}

/** The cards among `hits` that lie in `journey`, for the blueprint to mark. */
export function cardsIn(hits: readonly FindHit[], journey: Id): ReadonlySet<Id> {
  return new Set(hits.filter((h) => h.journey === journey).map((h) => h.step));
}

/**
 * Numbers requests as they are sent so that only the answer to the newest one is used: answers can
 * come back out of order, and a slow answer for "su" must not replace the one for "sup".
 */
export class Latest {
  private sent = 0;

  /** The ticket of a request about to be sent. */
  next(): number {
    this.sent += 1;
    return this.sent;
  }

  /** Whether the answer to the request with `ticket` is still the one to show. */
  isLatest(ticket: number): boolean {
    return ticket === this.sent;
  }
}
