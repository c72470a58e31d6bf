import { describe, expect, it, vi } from 'vitest';
import { MENU_ACTIONS } from './actions';
import { CHORDS, isMenuAction, menuHandlers, pressIn, type MenuTargets } from './handlers';

function targets(pressed: boolean, typing: boolean): MenuTargets {
  return {
    press: vi.fn(() => pressed),
    typing: vi.fn(() => typing),
    editText: vi.fn(),
    find: vi.fn(),
    view: vi.fn(),
    panel: vi.fn(),
    toggleHandoffs: vi.fn(),
    present: vi.fn(),
    shortcuts: vi.fn(),
    about: vi.fn(),
  };
}

describe('the Edit, View and Help menus', () => {
  it('have a handler for every item and nothing else', () => {
    expect(Object.keys(menuHandlers(targets(false, false))).sort()).toEqual([...MENU_ACTIONS].sort());
    expect(isMenuAction('zoom-in')).toBe(true);
    expect(isMenuAction('format-disk')).toBe(false);
  });

  it('press the key of undo, which the blueprint takes when it acts on it', () => {
    const t = targets(true, false);
    menuHandlers(t)['undo']();
    expect(t.press).toHaveBeenCalledWith(CHORDS.undo);
    expect(t.editText).not.toHaveBeenCalled();
  });

  it("leave undo, select all and delete to a text field's own editing when nothing acted on the key", () => {
    const t = targets(false, true);
    const run = menuHandlers(t);
    run['undo']();
    run['select-all']();
    run['delete']();
    expect(vi.mocked(t.editText).mock.calls).toEqual([['undo'], ['select-all'], ['delete-forward']]);
  });

  it('do nothing to text when the focus is not in a field and nothing acted on the key', () => {
    const t = targets(false, false);
    menuHandlers(t)['redo']();
    expect(t.editText).not.toHaveBeenCalled();
  });

  it("send cut, copy and paste through the page's clipboard events", () => {
    const t = targets(false, false);
    const run = menuHandlers(t);
    run['cut']();
    run['copy']();
    run['paste']();
    expect(vi.mocked(t.editText).mock.calls).toEqual([['cut'], ['copy'], ['paste']]);
    expect(t.press).not.toHaveBeenCalled();
  });

  it('route the view items to the zoom, panels, present and help', () => {
    const t = targets(false, false);
    const run = menuHandlers(t);
    run['zoom-in']();
    run['actual-size']();
    run['panel-checks']();
    run['present']();
    run['shortcuts']();
    run['about']();
    expect(vi.mocked(t.view).mock.calls).toEqual([['zoom-in'], ['actual-size']]);
    expect(t.panel).toHaveBeenCalledWith('checks');
    expect(t.present).toHaveBeenCalledOnce();
    expect(t.shortcuts).toHaveBeenCalledOnce();
    expect(t.about).toHaveBeenCalledOnce();
  });
});

describe('a key pressed again in the page', () => {
  it('reaches the focused element and its listeners, and tells whether one acted', () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    const seen: string[] = [];
    const listener = (e: KeyboardEvent) => seen.push(`${e.ctrlKey ? 'Ctrl+' : ''}${e.key}`);
    window.addEventListener('keydown', listener);
    expect(pressIn(document, CHORDS.undo)).toBe(false);
    const taking = (e: KeyboardEvent) => e.preventDefault();
    input.addEventListener('keydown', taking);
    expect(pressIn(document, CHORDS.delete)).toBe(true);
    window.removeEventListener('keydown', listener);
    input.remove();
    expect(seen).toEqual(['Ctrl+z', 'Delete']);
  });
});
