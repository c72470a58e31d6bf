// Which keyboard shortcut does what on the blueprint canvas, as a pure function so it can be tested.

/** What a key asks the canvas to do; `pan` scrolls the view by screen pixels. */
export type ViewCommand =
  | { kind: 'zoom-in' }
  | { kind: 'zoom-out' }
  | { kind: 'actual-size' }
  | { kind: 'fit' }
  /** The scene as wide as the view, but never with text too small to read (W). */
  | { kind: 'fit-width' }
  | { kind: 'pan'; dx: number; dy: number };

/** The parts of a KeyboardEvent the shortcuts look at. */
export interface KeyPress {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** How far an arrow key scrolls, and with Shift held. */
export const PAN_STEP = 80;
export const PAN_STEP_LARGE = 320;

/**
 * The command for a key press, or null when the key is not a canvas shortcut. Presses with Ctrl, Cmd or
 * Alt are left to the system.
 */
export function viewCommandForKey(e: KeyPress): ViewCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const step = e.shiftKey ? PAN_STEP_LARGE : PAN_STEP;
  switch (e.key) {
    case '+':
    case '=':
      return { kind: 'zoom-in' };
    case '-':
      return { kind: 'zoom-out' };
    case '0':
      return { kind: 'actual-size' };
    case 'f':
    case 'F':
      return { kind: 'fit' };
    case 'w':
    case 'W':
      return { kind: 'fit-width' };
    case 'ArrowLeft':
      return { kind: 'pan', dx: -step, dy: 0 };
    case 'ArrowRight':
      return { kind: 'pan', dx: step, dy: 0 };
    case 'ArrowUp':
      return { kind: 'pan', dx: 0, dy: -step };
    case 'ArrowDown':
      return { kind: 'pan', dx: 0, dy: step };
  }
  if (e.shiftKey && e.code === 'Digit1') return { kind: 'fit' };
  return null;
}

/** True when a key press goes to something the user types in, which keeps its keys. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
