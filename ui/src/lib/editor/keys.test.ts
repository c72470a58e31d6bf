import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../viewport/keys';
import { canvasCommandForKey, globalCommandForKey } from './keys';

function press(key: string, extra: Partial<KeyPress> = {}): KeyPress {
  return { key, code: '', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...extra };
}

describe('globalCommandForKey', () => {
  it('undoes with Ctrl+Z or Cmd+Z and redoes with Shift or Y', () => {
    expect(globalCommandForKey(press('z', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(globalCommandForKey(press('z', { metaKey: true }))).toEqual({ kind: 'undo' });
    expect(globalCommandForKey(press('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'redo' });
    expect(globalCommandForKey(press('y', { ctrlKey: true }))).toEqual({ kind: 'redo' });
    expect(globalCommandForKey(press('z'))).toBeNull();
    expect(globalCommandForKey(press('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('opens the export dialog with Ctrl+E or Cmd+E', () => {
    expect(globalCommandForKey(press('e', { ctrlKey: true }))).toEqual({ kind: 'export' });
    expect(globalCommandForKey(press('e', { metaKey: true }))).toEqual({ kind: 'export' });
    expect(globalCommandForKey(press('e'))).toBeNull();
  });

  it('opens the find bar with Ctrl+F or Cmd+F, and a plain F stays with the blueprint', () => {
    expect(globalCommandForKey(press('f', { ctrlKey: true }))).toEqual({ kind: 'find' });
    expect(globalCommandForKey(press('F', { metaKey: true }))).toEqual({ kind: 'find' });
    expect(globalCommandForKey(press('f'))).toBeNull();
  });

  it('opens the shortcut sheet with ? and presents with F5', () => {
    expect(globalCommandForKey(press('?', { shiftKey: true }))).toEqual({ kind: 'help' });
    expect(globalCommandForKey(press('F5'))).toEqual({ kind: 'present' });
    expect(globalCommandForKey(press('F5', { shiftKey: true }))).toBeNull();
  });
});

describe('canvasCommandForKey', () => {
  it('moves the selection with arrows and Tab on the grid, and leaves arrows to panning otherwise', () => {
    expect(canvasCommandForKey(press('ArrowRight'), 'cards')).toEqual({ kind: 'navigate', direction: 'right' });
    expect(canvasCommandForKey(press('ArrowUp'), 'cell')).toEqual({ kind: 'navigate', direction: 'up' });
    expect(canvasCommandForKey(press('Tab'), 'cards')).toEqual({ kind: 'navigate', direction: 'next-lane' });
    expect(canvasCommandForKey(press('Tab', { shiftKey: true }), 'cell')).toEqual({
      kind: 'navigate',
      direction: 'previous-lane',
    });
    expect(canvasCommandForKey(press('ArrowRight'), 'none')).toBeNull();
    expect(canvasCommandForKey(press('Tab'), 'none')).toBeNull();
  });

  it('moves stages sideways and lanes up and down with Alt+arrows', () => {
    expect(canvasCommandForKey(press('ArrowLeft', { altKey: true }), 'stage')).toEqual({ kind: 'move', offset: -1 });
    expect(canvasCommandForKey(press('ArrowDown', { altKey: true }), 'lane')).toEqual({ kind: 'move', offset: 1 });
    expect(canvasCommandForKey(press('ArrowUp', { altKey: true }), 'stage')).toBeNull();
    expect(canvasCommandForKey(press('ArrowLeft', { altKey: true }), 'cards')).toBeNull();
  });

  it('opens with Enter and F2, types a card below with Shift+Enter', () => {
    expect(canvasCommandForKey(press('Enter'), 'cell')).toEqual({ kind: 'open' });
    expect(canvasCommandForKey(press('Enter'), 'stage')).toEqual({ kind: 'open' });
    expect(canvasCommandForKey(press('Enter'), 'none')).toEqual({ kind: 'open' });
    expect(canvasCommandForKey(press('Enter'), 'arrow')).toBeNull();
    expect(canvasCommandForKey(press('F2'), 'lane')).toEqual({ kind: 'rename' });
    expect(canvasCommandForKey(press('F2'), 'cell')).toBeNull();
    expect(canvasCommandForKey(press('Enter', { shiftKey: true }), 'cards')).toEqual({ kind: 'new-card-below' });
  });

  it('deletes with Delete or Backspace when something deletable is selected', () => {
    expect(canvasCommandForKey(press('Delete'), 'cards')).toEqual({ kind: 'delete' });
    expect(canvasCommandForKey(press('Backspace'), 'arrow')).toEqual({ kind: 'delete' });
    expect(canvasCommandForKey(press('Delete'), 'cell')).toBeNull();
  });

  it('links with A, selects all with Ctrl+A, adds headings with N', () => {
    expect(canvasCommandForKey(press('a'), 'cards')).toEqual({ kind: 'link' });
    expect(canvasCommandForKey(press('a'), 'cell')).toBeNull();
    expect(canvasCommandForKey(press('a', { ctrlKey: true }), 'none')).toEqual({ kind: 'select-all' });
    expect(canvasCommandForKey(press('n'), 'stage')).toEqual({ kind: 'add', after: true });
    expect(canvasCommandForKey(press('N', { shiftKey: true }), 'lane')).toEqual({ kind: 'add', after: false });
    expect(canvasCommandForKey(press('n'), 'cards')).toBeNull();
  });

  it('duplicates selected cards with Ctrl+D and leaves Ctrl+C, X and V to the clipboard events', () => {
    expect(canvasCommandForKey(press('d', { ctrlKey: true }), 'cards')).toEqual({ kind: 'duplicate' });
    expect(canvasCommandForKey(press('d', { metaKey: true }), 'cards')).toEqual({ kind: 'duplicate' });
    expect(canvasCommandForKey(press('d', { ctrlKey: true }), 'cell')).toBeNull();
    for (const key of ['c', 'x', 'v']) {
      expect(canvasCommandForKey(press(key, { ctrlKey: true }), 'cards')).toBeNull();
    }
  });

  it('zooms to the selection with Z or Shift+2 and clears it with Escape', () => {
    expect(canvasCommandForKey(press('z'), 'cards')).toEqual({ kind: 'zoom-selection' });
    expect(canvasCommandForKey(press('@', { shiftKey: true, code: 'Digit2' }), 'none')).toEqual({
      kind: 'zoom-selection',
    });
    expect(canvasCommandForKey(press('Escape'), 'cards')).toEqual({ kind: 'escape' });
  });

  it('sets markers on selected cards with M, P, Shift+P, 1–5, −, + and 0', () => {
    const mark = (key: string, extra: Partial<KeyPress> = {}) => canvasCommandForKey(press(key, extra), 'cards');
    expect(mark('m')).toEqual({ kind: 'mark', change: { kind: 'moment-of-truth' } });
    expect(mark('M')).toEqual({ kind: 'mark', change: { kind: 'moment-of-truth' } });
    expect(mark('p')).toEqual({ kind: 'mark', change: { kind: 'pain-point' } });
    expect(mark('P', { shiftKey: true })).toEqual({ kind: 'mark', change: { kind: 'pain-severity' } });
    expect(mark('1')).toEqual({ kind: 'mark', change: { kind: 'emotion', score: -2 } });
    expect(mark('3')).toEqual({ kind: 'mark', change: { kind: 'emotion', score: 0 } });
    expect(mark('5')).toEqual({ kind: 'mark', change: { kind: 'emotion', score: 2 } });
    expect(mark('0')).toEqual({ kind: 'mark', change: { kind: 'emotion', score: null } });
    expect(mark('-')).toEqual({ kind: 'mark', change: { kind: 'emotion-step', by: -1 } });
    expect(mark('+', { shiftKey: true })).toEqual({ kind: 'mark', change: { kind: 'emotion-step', by: 1 } });
    expect(mark('6')).toBeNull();
    expect(mark('!', { shiftKey: true, code: 'Digit1' })).toBeNull();
    expect(mark('m', { ctrlKey: true })).toBeNull();
  });

  it('leaves the marker keys to zooming when no card is selected', () => {
    for (const key of ['m', 'p', '1', '0', '-', '+']) {
      expect(canvasCommandForKey(press(key), 'cell'), key).toBeNull();
      expect(canvasCommandForKey(press(key), 'none'), key).toBeNull();
    }
  });

  it('leaves other keys alone', () => {
    expect(canvasCommandForKey(press('f'), 'cards')).toBeNull();
    expect(canvasCommandForKey(press('x', { ctrlKey: true }), 'cards')).toBeNull();
    expect(canvasCommandForKey(press('Enter', { altKey: true }), 'cards')).toBeNull();
  });
});
