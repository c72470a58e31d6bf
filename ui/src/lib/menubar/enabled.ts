// Which Edit items can be chosen now, so the menu bar greys out what would do nothing. Undo and Redo
// follow the workspace's history; Cut and Duplicate need cards selected on the blueprint, Copy cards or
// text selected on the page, Delete something the Delete key removes. In a text field every one of
// them edits the text instead, so all are offered while one has the keyboard; on another control
// (a journey in the sidebar, a row of a table) Delete is that control's key, so it stays offered. The
// rest (Paste, Select All, the View and Help items) always have something to do.
import { isTypingTarget } from '../viewport/keys';
import type { MenuItemState } from './actions';

/** Where the keyboard is, as the Edit items see it. */
export type EditFocus = 'text' | 'blueprint' | 'control';

/** What the window knows that decides the Edit items. */
export interface EditContext {
  focus: EditFocus;
  canUndo: boolean;
  canRedo: boolean;
  /** How many cards are selected on the blueprint shown (0 when another view is shown). */
  cards: number;
  /** Something the Delete key removes is selected on the blueprint shown: cards, an arrow, a stage or a lane. */
  deletable: boolean;
  /** Text of the page is selected, which Copy copies. */
  textSelected: boolean;
}

/** Where `focused` (the document's active element) puts the keyboard: nothing or the canvas is the blueprint. */
export function editFocus(focused: Element | null): EditFocus {
  if (isTypingTarget(focused)) return 'text';
  if (!focused || focused === focused.ownerDocument.body || focused.getAttribute('role') === 'application') {
    return 'blueprint';
  }
  return 'control';
}

/** The state of every Edit item that can be greyed out, in menu order. */
export function editItems(c: EditContext): MenuItemState[] {
  const text = c.focus === 'text';
  return [
    { id: 'undo', enabled: text || c.canUndo },
    { id: 'redo', enabled: text || c.canRedo },
    { id: 'cut', enabled: text || c.cards > 0 },
    { id: 'copy', enabled: text || c.cards > 0 || c.textSelected },
    { id: 'duplicate', enabled: c.cards > 0 },
    { id: 'delete', enabled: text || c.deletable || c.focus === 'control' },
  ];
}
