// What is selected on the blueprint: view state only, naming records by id. A selection that names
// records a newer scene no longer has is narrowed to what is still there rather than dropped, so an
// undo that brings cards back finds them selected again.
import type { Id } from '../bindings/Id';
import type { Cell, SceneIndex } from '../scene/sceneIndex';

export type Selection =
  | { kind: 'none' }
  /** Cards in the order they were selected; the first is the "from" of a new arrow. */
  | { kind: 'cards'; ids: Id[] }
  | ({ kind: 'cell' } & Cell)
  | { kind: 'stage'; id: Id }
  | { kind: 'lane'; id: Id }
  | { kind: 'arrow'; id: Id };

export const NOTHING: Selection = { kind: 'none' };

export function selectCards(ids: Id[]): Selection {
  return ids.length === 0 ? NOTHING : { kind: 'cards', ids };
}

/** Adds a card to a card selection, or takes it out if it is in already (Shift/Ctrl+click). */
export function toggleCard(selection: Selection, id: Id): Selection {
  if (selection.kind !== 'cards') return selectCards([id]);
  return selection.ids.includes(id)
    ? selectCards(selection.ids.filter((s) => s !== id))
    : selectCards([...selection.ids, id]);
}

/** Adds cards to a card selection, keeping its order (box select with cards already selected). */
export function addCards(selection: Selection, ids: Id[]): Selection {
  const kept = selection.kind === 'cards' ? selection.ids : [];
  const seen = new Set(kept);
  return selectCards([...kept, ...ids.filter((id) => !seen.has(id))]);
}

/** The part of `selection` that still exists in the scene `index` describes. */
export function liveSelection(selection: Selection, index: SceneIndex): Selection {
  switch (selection.kind) {
    case 'none':
      return selection;
    case 'cards': {
      const ids = selection.ids.filter((id) => index.cards.has(id));
      return ids.length === selection.ids.length ? selection : selectCards(ids);
    }
    case 'cell':
      return index.lanes.has(selection.lane) && index.stages.has(selection.stage) ? selection : NOTHING;
    case 'stage':
      return index.stages.has(selection.id) ? selection : NOTHING;
    case 'lane':
      return index.lanes.has(selection.id) ? selection : NOTHING;
    case 'arrow':
      return index.scene.arrows.some((a) => a.id === selection.id) ? selection : NOTHING;
  }
}
