import { describe, expect, it } from 'vitest';
import { isTypingTarget, PAN_STEP, PAN_STEP_LARGE, viewCommandForKey, type KeyPress } from './keys';

function press(key: string, extra: Partial<KeyPress> = {}): KeyPress {
  return { key, code: '', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...extra };
}

describe('viewCommandForKey', () => {
  it('zooms in with + and =, out with -', () => {
    expect(viewCommandForKey(press('+', { shiftKey: true }))).toEqual({ kind: 'zoom-in' });
    expect(viewCommandForKey(press('='))).toEqual({ kind: 'zoom-in' });
    expect(viewCommandForKey(press('-'))).toEqual({ kind: 'zoom-out' });
  });

  it('goes to 100 % with 0', () => {
    expect(viewCommandForKey(press('0', { code: 'Digit0' }))).toEqual({ kind: 'actual-size' });
  });

  it('fits with F, f and Shift+1 whatever the layout makes of it', () => {
    expect(viewCommandForKey(press('f'))).toEqual({ kind: 'fit' });
    expect(viewCommandForKey(press('F', { shiftKey: true }))).toEqual({ kind: 'fit' });
    expect(viewCommandForKey(press('!', { code: 'Digit1', shiftKey: true }))).toEqual({ kind: 'fit' });
    expect(viewCommandForKey(press('w'))).toEqual({ kind: 'fit-width' });
    expect(viewCommandForKey(press('1', { code: 'Digit1' }))).toBeNull();
  });

  it('pans with the arrow keys, further with Shift', () => {
    expect(viewCommandForKey(press('ArrowLeft'))).toEqual({ kind: 'pan', dx: -PAN_STEP, dy: 0 });
    expect(viewCommandForKey(press('ArrowRight'))).toEqual({ kind: 'pan', dx: PAN_STEP, dy: 0 });
    expect(viewCommandForKey(press('ArrowUp'))).toEqual({ kind: 'pan', dx: 0, dy: -PAN_STEP });
    expect(viewCommandForKey(press('ArrowDown', { shiftKey: true }))).toEqual({
      kind: 'pan',
      dx: 0,
      dy: PAN_STEP_LARGE,
    });
  });

  it('leaves system shortcuts and other keys alone', () => {
    expect(viewCommandForKey(press('0', { ctrlKey: true }))).toBeNull();
    expect(viewCommandForKey(press('f', { metaKey: true }))).toBeNull();
    expect(viewCommandForKey(press('ArrowLeft', { altKey: true }))).toBeNull();
    expect(viewCommandForKey(press('a'))).toBeNull();
    expect(viewCommandForKey(press('Enter'))).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('is true for text fields and editable content only', () => {
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(isTypingTarget(document.createElement('input'))).toBe(true);
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true);
    expect(isTypingTarget(document.createElement('select'))).toBe(true);
    expect(isTypingTarget(editable)).toBe(true);
    expect(isTypingTarget(document.createElement('button'))).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
