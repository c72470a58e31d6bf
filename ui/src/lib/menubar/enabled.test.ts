import { describe, expect, it } from 'vitest';
import { editFocus, editItems, type EditContext } from './enabled';

const idle: EditContext = {
  focus: 'blueprint',
  canUndo: false,
  canRedo: false,
  cards: 0,
  deletable: false,
  textSelected: false,
};
const offered = (c: Partial<EditContext>) =>
  editItems({ ...idle, ...c })
    .filter((i) => i.enabled)
    .map((i) => i.id);

describe('editItems', () => {
  it('greys out every item with nothing done and nothing selected on the blueprint', () => {
    expect(offered({})).toEqual([]);
  });

  it('offers Undo and Redo as the history allows', () => {
    expect(offered({ canUndo: true })).toEqual(['undo']);
    expect(offered({ canRedo: true })).toEqual(['redo']);
  });

  it('offers the card items for selected cards', () => {
    expect(offered({ cards: 2, deletable: true })).toEqual(['cut', 'copy', 'duplicate', 'delete']);
  });

  it('offers only Delete for a selected arrow, stage or lane', () => {
    expect(offered({ deletable: true })).toEqual(['delete']);
  });

  it('offers Copy for text selected on the page', () => {
    expect(offered({ textSelected: true })).toEqual(['copy']);
  });

  it("leaves Delete to another control's own key", () => {
    expect(offered({ focus: 'control' })).toEqual(['delete']);
  });

  it('offers the text editing items while a field has the keyboard, but no card duplicate', () => {
    expect(offered({ focus: 'text' })).toEqual(['undo', 'redo', 'cut', 'copy', 'delete']);
  });
});

describe('editFocus', () => {
  it('tells a text field, the blueprint and another control apart', () => {
    const input = document.createElement('input');
    const canvas = document.createElement('div');
    canvas.setAttribute('role', 'application');
    const button = document.createElement('button');
    expect(editFocus(input)).toBe('text');
    expect(editFocus(canvas)).toBe('blueprint');
    expect(editFocus(document.body)).toBe('blueprint');
    expect(editFocus(null)).toBe('blueprint');
    expect(editFocus(button)).toBe('control');
  });
});
