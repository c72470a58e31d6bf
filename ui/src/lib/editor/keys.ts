// Which key does what in the editor, as pure functions of the key press and what is selected, so the
// whole keyboard map can be tested and listed. Panning and zooming keys live in viewport/keys.ts.
import type { KeyPress } from '../viewport/keys';
import { emotionForDigit, type MarkerChange } from './markers';
import type { Direction } from './navigation';
import type { Selection } from './selection';

/** Commands that work wherever the focus is, except in a text field. */
export type GlobalCommand =
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'help' }
  | { kind: 'export' }
  /** Ctrl+F: open the find bar. */
  | { kind: 'find' }
  /** F5: present the journey to the room, stage by stage. */
  | { kind: 'present' };

/** Commands about the selection on the blueprint. */
export type CanvasCommand =
  | { kind: 'navigate'; direction: Direction }
  /**
   * Enter: type a new card in the selected cell (or, with nothing selected, in the first stage of the
   * customer lane), edit the selected card, rename a heading.
   */
  | { kind: 'open' }
  /** F2: edit the selected card's text or rename the selected heading. */
  | { kind: 'rename' }
  /** Shift+Enter: type a new card under the selected card (or at the end of the selected cell). */
  | { kind: 'new-card-below' }
  | { kind: 'delete' }
  /** A: draw a flow arrow from the selected card. */
  | { kind: 'link' }
  | { kind: 'select-all' }
  /** Ctrl+D: duplicate the selected cards (copy, cut and paste come as clipboard events instead). */
  | { kind: 'duplicate' }
  /** Alt+arrows: move the selected stage or lane one place. */
  | { kind: 'move'; offset: -1 | 1 }
  /** N / Shift+N: add a stage or lane after (below) or before (above) the selected one. */
  | { kind: 'add'; after: boolean }
  | { kind: 'zoom-selection' }
  /** M, P, Shift+P, 1–5, −, +, 0 on selected cards: set a marker (see markers.ts). */
  | { kind: 'mark'; change: MarkerChange }
  | { kind: 'escape' };

function command(e: KeyPress): boolean {
  return e.ctrlKey || e.metaKey;
}

export function globalCommandForKey(e: KeyPress): GlobalCommand | null {
  if (command(e) && !e.altKey) {
    const key = e.key.toLowerCase();
    if (key === 'z') return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
    if (key === 'y' && !e.shiftKey) return { kind: 'redo' };
    if (key === 'e' && !e.shiftKey) return { kind: 'export' };
    if (key === 'f' && !e.shiftKey) return { kind: 'find' };
    return null;
  }
  if (e.key === '?' && !e.altKey) return { kind: 'help' };
  if (e.key === 'F5' && !e.altKey && !e.shiftKey) return { kind: 'present' };
  return null;
}

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** Alt+arrow moves a stage sideways and a lane up or down. */
function moveOffset(e: KeyPress, selection: Selection['kind']): CanvasCommand | null {
  const horizontal = e.key === 'ArrowLeft' || e.key === 'ArrowRight';
  if (selection === 'stage' && horizontal) return { kind: 'move', offset: e.key === 'ArrowLeft' ? -1 : 1 };
  if (selection === 'lane' && !horizontal) return { kind: 'move', offset: e.key === 'ArrowUp' ? -1 : 1 };
  return null;
}

/**
 * The marker a key sets on selected cards: M moment of truth, P pain point, Shift+P its severity,
 * 1–5 emotion −2…+2, − and + one step, 0 none. With cards selected these win over the zoom keys.
 */
function markerForKey(e: KeyPress): MarkerChange | null {
  const key = e.key.toLowerCase();
  if (key === 'm' && !e.shiftKey) return { kind: 'moment-of-truth' };
  if (key === 'p') return e.shiftKey ? { kind: 'pain-severity' } : { kind: 'pain-point' };
  if (e.key === '-') return { kind: 'emotion-step', by: -1 };
  if (e.key === '+' || e.key === '=') return { kind: 'emotion-step', by: 1 };
  if (e.shiftKey) return null;
  if (e.key === '0') return { kind: 'emotion', score: null };
  if (/^[1-5]$/.test(e.key)) return { kind: 'emotion', score: emotionForDigit(Number(e.key)) };
  return null;
}

/**
 * The command for a key press on the blueprint with `selection` selected, or null when the key does
 * nothing there (arrows with nothing selected pan the view instead).
 */
export function canvasCommandForKey(e: KeyPress, selection: Selection['kind']): CanvasCommand | null {
  const onGrid = selection === 'cards' || selection === 'cell';
  const onHeading = selection === 'stage' || selection === 'lane';
  const direction = ARROWS[e.key];
  if (direction && !command(e)) {
    if (e.altKey) return moveOffset(e, selection);
    if (onGrid || onHeading) return { kind: 'navigate', direction };
    return null;
  }
  if (command(e)) {
    if (e.altKey || e.shiftKey) return null;
    const key = e.key.toLowerCase();
    if (key === 'a') return { kind: 'select-all' };
    return key === 'd' && selection === 'cards' ? { kind: 'duplicate' } : null;
  }
  if (e.altKey) return null;
  const marker = selection === 'cards' ? markerForKey(e) : null;
  if (marker) return { kind: 'mark', change: marker };
  switch (e.key) {
    case 'Tab':
      return onGrid ? { kind: 'navigate', direction: e.shiftKey ? 'previous-lane' : 'next-lane' } : null;
    case 'Enter':
      if (e.shiftKey) return onGrid ? { kind: 'new-card-below' } : null;
      return selection === 'arrow' ? null : { kind: 'open' };
    case 'F2':
      return selection === 'cards' || onHeading ? { kind: 'rename' } : null;
    case 'Delete':
    case 'Backspace':
      return selection === 'none' || selection === 'cell' ? null : { kind: 'delete' };
    case 'a':
    case 'A':
      return selection === 'cards' ? { kind: 'link' } : null;
    case 'n':
    case 'N':
      return onHeading ? { kind: 'add', after: !e.shiftKey } : null;
    case 'z':
    case 'Z':
      return { kind: 'zoom-selection' };
    case 'Escape':
      return { kind: 'escape' };
  }
  if (e.shiftKey && e.code === 'Digit2') return { kind: 'zoom-selection' };
  return null;
}
