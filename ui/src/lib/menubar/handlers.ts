// What each item of the Edit, View and Help menus does: the same function as its keyboard shortcut or
// toolbar control. An accelerator takes its key before the page sees it, so the items that stand for
// a key press the key again in the page, where the focus is; when nothing on the page acted on it and a
// text field has the focus, the field gets its own edit (undo, select all, delete) from WebKit. Cut,
// copy and paste always go through WebKit's own commands, which raise the page's clipboard events
// (the blueprint's copy and paste listen to those).
import type { DockPanel } from '../dock/dock';
import type { ViewCommand } from '../viewport/keys';
import { MENU_ACTIONS, type MenuAction } from './actions';

/** A text field's own editing commands (src-tauri/src/text_editing.rs). */
export type TextEdit = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'select-all' | 'delete-forward';

/** A key press an item stands for, as the page's keyboard handlers read it. */
export interface Chord {
  key: string;
  code: string;
  ctrlKey?: boolean;
  shiftKey?: boolean;
}

/** What the items act on; the window supplies each from the code its own controls call. */
export interface MenuTargets {
  /** Presses `chord` where the focus is; true when something on the page acted on it. */
  press(chord: Chord): boolean;
  /** Whether a text field has the keyboard. */
  typing(): boolean;
  editText(edit: TextEdit): void;
  find(): void;
  view(command: Extract<ViewCommand['kind'], 'zoom-in' | 'zoom-out' | 'fit' | 'actual-size'>): void;
  panel(panel: DockPanel): void;
  toggleHandoffs(): void;
  present(): void;
  shortcuts(): void;
  about(): void;
}

const ctrl = (key: string): Chord => ({ key, code: `Key${key.toUpperCase()}`, ctrlKey: true });

/** The key presses behind the items that have one. */
export const CHORDS = {
  undo: ctrl('z'),
  redo: { key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true },
  duplicate: ctrl('d'),
  selectAll: ctrl('a'),
  delete: { key: 'Delete', code: 'Delete' },
  present: { key: 'F5', code: 'F5' },
} satisfies Record<string, Chord>;

/** Whether `value` is the id of an Edit, View or Help item. */
export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}

/** Every item's handler; the type makes the table name every item the menu bar has. */
export function menuHandlers(t: MenuTargets): Record<MenuAction, () => void> {
  /** The key, or else the text field's own edit. */
  const keyOrField = (chord: Chord, edit: TextEdit) => () => {
    if (!t.press(chord) && t.typing()) t.editText(edit);
  };
  return {
    'undo': keyOrField(CHORDS.undo, 'undo'),
    'redo': keyOrField(CHORDS.redo, 'redo'),
    'cut': () => t.editText('cut'),
    'copy': () => t.editText('copy'),
    'paste': () => t.editText('paste'),
    'duplicate': () => void t.press(CHORDS.duplicate),
    'delete': keyOrField(CHORDS.delete, 'delete-forward'),
    'select-all': keyOrField(CHORDS.selectAll, 'select-all'),
    'find': () => t.find(),
    'zoom-in': () => t.view('zoom-in'),
    'zoom-out': () => t.view('zoom-out'),
    'fit': () => t.view('fit'),
    'actual-size': () => t.view('actual-size'),
    'panel-details': () => t.panel('details'),
    'panel-comments': () => t.panel('comments'),
    'panel-impact': () => t.panel('impact'),
    'panel-checks': () => t.panel('checks'),
    'panel-history': () => t.panel('history'),
    'panel-changes': () => t.panel('changes'),
    'handoffs': () => t.toggleHandoffs(),
    'present': () => t.present(),
    'shortcuts': () => t.shortcuts(),
    'about': () => t.about(),
  };
}

/**
 * Presses `chord` on the element with the focus (or the page), through the same keydown listeners a
 * real press reaches; true when one of them acted on it.
 */
export function pressIn(doc: Document, chord: Chord): boolean {
  const target = doc.activeElement instanceof HTMLElement ? doc.activeElement : doc.body;
  const event = new KeyboardEvent('keydown', {
    key: chord.key,
    code: chord.code,
    ctrlKey: chord.ctrlKey ?? false,
    shiftKey: chord.shiftKey ?? false,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}
