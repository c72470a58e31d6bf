// The opportunities view's logic: which opportunities the filters keep, where each sits on the
// value-versus-effort matrix (several in one cell side by side), which cell a dragged dot lands in,
// and the opportunity as re-rated, moved along or tied to other cards. Pure, so it is tested here;
// the rules (scores 1–5, owners that can own) are Rust's.
import type { Id } from '../bindings/Id';
import type { Opportunity } from '../bindings/Opportunity';
import type { OpportunityStatus } from '../bindings/OpportunityStatus';
import type { OpportunityView } from '../bindings/OpportunityView';
import { newId } from '../edits';

/** The scale value and effort are rated on. */
export const SCORES = [1, 2, 3, 4, 5] as const;

/** What the view shows: '' for any journey, status or owner. */
export interface OpportunityFilters {
  journey: Id | '';
  status: OpportunityStatus | '';
  /** An owner's id, '' for anyone, or 'none' for the unowned. */
  owner: Id | '' | 'none';
}

export const NO_FILTERS: OpportunityFilters = { journey: '', status: '', owner: '' };

/** The opportunities the filters keep, in the order listed. */
export function filtered(views: OpportunityView[], f: OpportunityFilters): OpportunityView[] {
  return views.filter(
    (v) =>
      (f.journey === '' || v.journey.id === f.journey) &&
      (f.status === '' || v.opportunity.status === f.status) &&
      (f.owner === '' || (f.owner === 'none' ? v.opportunity.owner === null : v.opportunity.owner === f.owner)),
  );
}

/** The matrix's geometry: a square cell per score pair, effort left to right, value bottom to top. */
export const CELL = 64;
export const MATRIX_MARGIN = 36;
export const MATRIX_SIZE = MATRIX_MARGIN + SCORES.length * CELL;

/** The centre of the dot of the `slot`-th of `count` opportunities sharing the cell of `value` and `effort`. */
export function dotAt(value: number, effort: number, slot = 0, count = 1): { x: number; y: number } {
  const cx = MATRIX_MARGIN + (effort - 0.5) * CELL;
  const cy = (SCORES.length - value + 0.5) * CELL;
  const perRow = Math.min(count, 3);
  const row = Math.floor(slot / 3);
  const col = slot % 3;
  const rows = Math.ceil(count / 3);
  return { x: cx + (col - (perRow - 1) / 2) * 18, y: cy + (row - (rows - 1) / 2) * 18 };
}

/** The value and effort of the cell under a point of the matrix, kept on the scale. */
export function cellAt(x: number, y: number): { value: number; effort: number } {
  const clamp = (n: number) => Math.min(SCORES.length, Math.max(1, n));
  return {
    effort: clamp(Math.floor((x - MATRIX_MARGIN) / CELL) + 1),
    value: clamp(SCORES.length - Math.floor(y / CELL)),
  };
}

/** Each opportunity's dot: its place in its cell among the others there. */
export function dots(views: OpportunityView[]): { view: OpportunityView; x: number; y: number }[] {
  const cells = new Map<string, OpportunityView[]>();
  for (const v of views) {
    const key = `${v.opportunity.value}:${v.opportunity.effort}`;
    cells.set(key, [...(cells.get(key) ?? []), v]);
  }
  return views.map((view) => {
    const here = cells.get(`${view.opportunity.value}:${view.opportunity.effort}`) ?? [view];
    const at = dotAt(view.opportunity.value, view.opportunity.effort, here.indexOf(view), here.length);
    return { view, ...at };
  });
}

/** A new opportunity on `journey`: an idea of middling value and effort, addressing `cards`. */
export function newOpportunity(title: string, cards: Id[] = []): Opportunity {
  return { id: newId(), title: title.trim(), description: '', owner: null, status: 'idea', value: 3, effort: 3, addresses: cards };
}

/** `o` addressing `card` too, or no longer. */
export function toggleAddress(o: Opportunity, card: Id): Opportunity {
  const addresses = o.addresses.includes(card) ? o.addresses.filter((c) => c !== card) : [...o.addresses, card];
  return { ...o, addresses };
}
