// Where the keyboard goes after a click: back to the blueprint, so Enter types the next card at once,
// unless the click put it somewhere that takes keys of its own.
import { isTypingTarget } from '../viewport/keys';

/** Elements that keep the keyboard after a click: open dialogs and menus, and the buttons opening them. */
const KEEPS_KEYS = '[role="dialog"], [role="menu"], [role="listbox"], [aria-haspopup][aria-expanded="true"]';

/**
 * Whether `focused` keeps the keyboard rather than handing it back to the blueprint: a text field
 * (input, textarea, select, contenteditable), or anything inside an open dialog or menu. The page
 * itself (nothing focused) and plain buttons, tabs and list items do not.
 */
export function keepsKeyboard(focused: Element | null): boolean {
  if (!focused || focused === focused.ownerDocument.body) return false;
  return isTypingTarget(focused) || focused.closest(KEEPS_KEYS) !== null;
}

/**
 * Whether a click gives the keyboard back to the blueprint: a pointer click (not Enter or Space on a
 * focused button, whose user is moving with the keyboard) that left the focus on nothing that keeps it,
 * and did not land in a dialog or menu — a menu item's own action says where the keyboard goes (New
 * journey puts it in the name field), even though the menu is gone by the time the click is handled.
 * While a modal dialog is open nothing goes back: a press beside it (on its backdrop) keeps the
 * keyboard with the dialog, so Esc still closes it.
 */
export function clickReturnsKeyboard(
  click: Pick<MouseEvent, 'detail'> & { landedIn: Element | null },
  focused: Element | null,
): boolean {
  const modalOpen = (click.landedIn ?? focused)?.ownerDocument.querySelector('[aria-modal="true"]') != null;
  return click.detail > 0 && !modalOpen && !click.landedIn?.closest(KEEPS_KEYS) && !keepsKeyboard(focused);
}
