// Building the edits the UI sends: new ids, where a reordered record goes (a `Slot` among its
// siblings, or nothing when it would not move). What an edit changed beyond the scene is the backend's
// answer to say.
import type { Edit } from './bindings/Edit';
import type { Id } from './bindings/Id';
import type { Slot } from './bindings/Slot';
import type { Selection } from './editor/selection';

/** A fresh record id (UUID v4; the store accepts any UUID). */
export function newId(): Id {
  return crypto.randomUUID();
}

/** Before `id` among the siblings, or at the end for null. */
export function before(id: Id | null): Slot {
  return { slot: 'before', id };
}

/** Right after `id` in `order`: before the sibling that follows it, or at the end. */
export function after(order: Id[], id: Id): Slot {
  const i = order.indexOf(id);
  return before(i >= 0 ? (order[i + 1] ?? null) : null);
}

/**
 * Where `moving` goes when dropped before `target` (null: at the end) of `order`, or null when that is
 * where it already is.
 */
export function dropSlot(order: Id[], moving: Id, target: Id | null): Slot | null {
  const i = order.indexOf(moving);
  if (target === moving || (order[i + 1] ?? null) === target) return null;
  return before(target);
}

/** Where `moving` goes one place up (-1) or down (+1) in `order`, or null at the edge. */
export function shiftSlot(order: Id[], moving: Id, offset: -1 | 1): Slot | null {
  const i = order.indexOf(moving);
  if (i < 0) return null;
  if (offset < 0) return i === 0 ? null : before(order[i - 1]);
  return i === order.length - 1 ? null : before(order[i + 2] ?? null);
}

/** The edit that deletes what is selected: cards or an arrow (stages and lanes are confirmed first). */
export function deleteSelection(selection: Selection): Edit | null {
  if (selection.kind === 'cards') return { type: 'delete_steps', steps: selection.ids };
  if (selection.kind === 'arrow') return { type: 'delete_links', links: [selection.id] };
  return null;
}

/** A flow arrow from one card to another. */
export function flowLink(from: Id, to: Id, id: Id = newId()): Edit {
  return { type: 'add_link', link: { id, kind: 'flow', from, to } };
}
