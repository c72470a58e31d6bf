// The right-click menus of the blueprint: for a card, a cell, a stage, a lane, an arrow or the empty
// sheet, the actions that apply there, each labelled with its shortcut.
import type { Id } from '../bindings/Id';
import { countLabel, LANE_KINDS, laneKindLabel } from '../format';
import type { Hit } from '../scene/hit';
import type { SceneIndex } from '../scene/sceneIndex';
import type { Editor } from './editor.svelte';
import { EMOTION_MAX, EMOTION_MIN } from './markers';
import { nextCardInLane } from './navigation';

export interface MenuItem {
  label: string;
  /** The shortcut, shown at the right ("Del"). */
  keys?: string;
  run: () => void;
  disabled?: boolean;
  danger?: boolean;
  /** Shown with a check mark when true (one choice among several); undefined for plain actions. */
  checked?: boolean;
  /** Starts a new group, with a rule above it. */
  group?: boolean;
  /** A title shown above the item (over its group, e.g. "Open Recent"). */
  heading?: string;
}

/** What was right-clicked. */
export type MenuTarget = Hit | { kind: 'arrow'; id: Id };

/**
 * The menu for `target`. Right-clicking selects what is under the pointer first (a card already in a
 * multi-selection keeps the selection), so the items act on the selection.
 */
export function menuFor(target: MenuTarget, editor: Editor, index: SceneIndex, fit: () => void): MenuItem[] {
  switch (target.kind) {
    case 'card': {
      const live = editor.live;
      const ids = live.kind === 'cards' && live.ids.includes(target.id) ? live.ids : [target.id];
      if (ids.length === 1) editor.select({ kind: 'cards', ids });
      const next = nextCardInLane(index, ids[0]);
      return [
        { label: 'Edit text', keys: 'Enter', run: () => editor.editCard(target.id), disabled: ids.length > 1 },
        { label: 'Add card below', keys: 'Shift+Enter', run: () => editor.newCardBelow() },
        {
          label: ids.length === 2 ? 'Draw arrow to the other card' : 'Draw arrow to next card in lane',
          keys: 'A',
          run: () => editor.link(),
          disabled: ids.length > 2 || (ids.length === 1 && next === null),
          group: true,
        },
        ...markerItems(index, ids, editor),
        { label: 'Cut', keys: 'Ctrl+X', run: () => editor.copyLate(true), group: true },
        { label: 'Copy', keys: 'Ctrl+C', run: () => editor.copyLate(false) },
        { label: 'Paste', keys: 'Ctrl+V', run: () => editor.pasteFromMenu() },
        {
          label: ids.length > 1 ? `Duplicate ${countLabel(ids.length, 'card')}` : 'Duplicate',
          keys: 'Ctrl+D',
          run: () => editor.duplicate(),
        },
        {
          label: ids.length > 1 ? `Delete ${countLabel(ids.length, 'card')}` : 'Delete card',
          keys: 'Del',
          run: () => editor.deleteSelected(),
          danger: true,
          group: true,
        },
      ];
    }
    case 'cell':
      editor.select(target);
      return [
        { label: 'Add card here', keys: 'Enter', run: () => editor.startDraft(target, null) },
        { label: 'Paste here', keys: 'Ctrl+V', run: () => editor.pasteFromMenu() },
      ];
    case 'stage':
    case 'lane':
      editor.select({ kind: target.kind, id: target.id });
      return headingMenu(target.kind, target.id, editor, index);
    case 'arrow':
      editor.select(target);
      return [{ label: 'Delete arrow', keys: 'Del', run: () => editor.deleteSelected(), danger: true }];
    case 'none':
      editor.clear();
      return [
        { label: 'Add stage at the end', run: () => editor.addStage(null, true) },
        {
          label: 'Add lane at the bottom',
          run: () => editor.addLane(null, true, index.scene.lanes.at(-1)?.kind ?? 'customer'),
        },
        { label: 'Zoom to fit', keys: 'F', run: fit, group: true },
      ];
  }
}

/** Words for the emotion scores, saddest first. */
const EMOTION_WORDS = ['very negative', 'negative', 'neutral', 'positive', 'very positive'];

/** The marker items of a card menu, each with its key; the first card shows what is set. */
function markerItems(index: SceneIndex, ids: Id[], editor: Editor): MenuItem[] {
  const card = index.cards.get(ids[0]);
  const items: MenuItem[] = [
    {
      label: card?.moment_of_truth ? 'Unmark moment of truth' : 'Mark moment of truth',
      keys: 'M',
      run: () => editor.mark({ kind: 'moment-of-truth' }),
      group: true,
    },
    {
      label: card?.pain_point ? 'Remove pain point' : 'Mark pain point',
      keys: 'P',
      run: () => editor.mark({ kind: 'pain-point' }),
    },
    { label: 'Next pain severity', keys: 'Shift+P', run: () => editor.mark({ kind: 'pain-severity' }) },
  ];
  if (card?.kind !== 'customer') return items;
  for (let score = EMOTION_MIN; score <= EMOTION_MAX; score += 1) {
    items.push({
      label: `${score > 0 ? '+' : ''}${score} ${EMOTION_WORDS[score - EMOTION_MIN]}`,
      keys: String(score - EMOTION_MIN + 1),
      checked: card.emotion === score,
      run: () => editor.mark({ kind: 'emotion', score }),
      group: score === EMOTION_MIN,
      heading: score === EMOTION_MIN ? 'Emotion' : undefined,
    });
  }
  items.push({ label: 'No emotion', keys: '0', run: () => editor.mark({ kind: 'emotion', score: null }) });
  return items;
}

function headingMenu(kind: 'stage' | 'lane', id: Id, editor: Editor, index: SceneIndex): MenuItem[] {
  const order = kind === 'stage' ? index.scene.stages : index.scene.lanes;
  const at = order.findIndex((h) => h.id === id);
  const cards = (kind === 'stage' ? index.cardsPerStage : index.cardsPerLane).get(id) ?? 0;
  const stage = kind === 'stage';
  const items: MenuItem[] = [
    { label: 'Rename', keys: 'F2', run: () => editor.renameHeading(kind, id) },
    {
      label: stage ? 'Add stage before' : 'Add lane above',
      keys: 'Shift+N',
      run: () => editor.addNextToHeading(false),
      group: true,
    },
    { label: stage ? 'Add stage after' : 'Add lane below', keys: 'N', run: () => editor.addNextToHeading(true) },
    {
      label: stage ? 'Move left' : 'Move up',
      keys: stage ? 'Alt+←' : 'Alt+↑',
      run: () => editor.moveHeading(-1),
      disabled: at <= 0,
      group: true,
    },
    {
      label: stage ? 'Move right' : 'Move down',
      keys: stage ? 'Alt+→' : 'Alt+↓',
      run: () => editor.moveHeading(1),
      disabled: at === order.length - 1,
    },
  ];
  if (!stage) {
    const current = index.lanes.get(id)?.kind;
    LANE_KINDS.forEach((laneKind, i) =>
      items.push({
        label: laneKindLabel(laneKind),
        checked: laneKind === current,
        run: () => editor.setLaneKind(id, laneKind),
        group: i === 0,
      }),
    );
  }
  items.push({
    label: `Delete ${kind}${cards > 0 ? ` and ${countLabel(cards, 'card')}` : ''}`,
    keys: 'Del',
    run: () => editor.deleteHeading(kind, id),
    danger: true,
    group: true,
  });
  return items;
}
