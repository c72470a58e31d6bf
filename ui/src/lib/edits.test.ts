import { describe, expect, it } from 'vitest';
import { after, before, deleteSelection, dropSlot, flowLink, newId, shiftSlot } from './edits';

const order = ['a', 'b', 'c', 'd'];

describe('slots', () => {
  it('places after a sibling by going before the next one', () => {
    expect(after(order, 'b')).toEqual(before('c'));
    expect(after(order, 'd')).toEqual({ slot: 'before', id: null });
  });

  it('moves one place up or down, and not past the ends', () => {
    expect(shiftSlot(order, 'c', -1)).toEqual(before('b'));
    expect(shiftSlot(order, 'b', 1)).toEqual(before('d'));
    expect(shiftSlot(order, 'c', 1)).toEqual(before(null));
    expect(shiftSlot(order, 'a', -1)).toBeNull();
    expect(shiftSlot(order, 'd', 1)).toBeNull();
    expect(shiftSlot(order, 'x', 1)).toBeNull();
  });

  it('drops before a target, or nowhere when that is where it is', () => {
    expect(dropSlot(order, 'a', 'd')).toEqual(before('d'));
    expect(dropSlot(order, 'c', null)).toEqual(before(null));
    expect(dropSlot(order, 'b', 'b')).toBeNull();
    expect(dropSlot(order, 'b', 'c')).toBeNull();
    expect(dropSlot(order, 'd', null)).toBeNull();
  });
});

describe('edits', () => {
  it('makes fresh UUIDs', () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId()).not.toBe(newId());
  });

  it('deletes selected cards or an arrow, and nothing else', () => {
    expect(deleteSelection({ kind: 'cards', ids: ['a', 'b'] })).toEqual({ type: 'delete_steps', steps: ['a', 'b'] });
    expect(deleteSelection({ kind: 'arrow', id: 'l' })).toEqual({ type: 'delete_links', links: ['l'] });
    expect(deleteSelection({ kind: 'stage', id: 's' })).toBeNull();
    expect(deleteSelection({ kind: 'none' })).toBeNull();
  });

  it('draws flow arrows', () => {
    expect(flowLink('a', 'b', 'l')).toEqual({ type: 'add_link', link: { id: 'l', kind: 'flow', from: 'a', to: 'b' } });
  });
});
