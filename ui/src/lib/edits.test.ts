import { describe, expect, it } from 'vitest';
import { after, before, changesEntities, changesJourneyList, deleteSelection, dropSlot, flowLink, newId, shiftSlot } from './edits';

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

  it('knows which edits change the journey list', () => {
    expect(changesJourneyList({ type: 'set_step_text', step: 's', text: 't' })).toBe(false);
    expect(changesJourneyList({ type: 'move_lane', lane: 'l', to: before(null) })).toBe(false);
    expect(changesJourneyList({ type: 'delete_steps', steps: ['s'] })).toBe(true);
    expect(changesJourneyList({ type: 'update_journey', journey: 'j', name: 'n', persona: '', description: '' })).toBe(
      true,
    );
    expect(changesJourneyList({ type: 'batch', edits: [{ type: 'delete_links', links: ['l'] }] })).toBe(false);
    expect(
      changesJourneyList({
        type: 'batch',
        edits: [
          { type: 'delete_links', links: ['l'] },
          { type: 'delete_stage', stage: 's' },
        ],
      }),
    ).toBe(true);
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

describe('changesEntities', () => {
  it('is true for edits whose chips can show in any journey', () => {
    expect(changesEntities({ type: 'set_owner', steps: ['s'], owner: null })).toBe(true);
    expect(changesEntities({ type: 'delete_entity', entity: 'e' })).toBe(true);
    expect(changesEntities({ type: 'add_link', link: { id: 'l', kind: 'uses', from: 's', to: 'e' } })).toBe(true);
    expect(changesEntities({ type: 'batch', edits: [{ type: 'delete_entity', entity: 'e' }] })).toBe(true);
  });

  it('is false for edits inside one journey', () => {
    expect(changesEntities({ type: 'add_link', link: { id: 'l', kind: 'flow', from: 'a', to: 'b' } })).toBe(false);
    expect(changesEntities({ type: 'set_step_text', step: 's', text: 't' })).toBe(false);
  });
});
