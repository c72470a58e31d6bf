import { describe, expect, it } from 'vitest';
import type { CardMark } from '../bindings/CardMark';
import type { FieldChange } from '../bindings/FieldChange';
import type { HeadingDiff } from '../bindings/HeadingDiff';
import { cardMarkClass, cardMarkTitle, headingMarkClass, headingMarkTitle, trailPath } from './marks';

function field(name: string, old: string, now: string): FieldChange {
  return { field: name, old, new: now, old_value: old, new_value: now };
}

function mark(change: CardMark['change'], fields: FieldChange[], moved = false): CardMark {
  return { id: 'c', change, moved, from: null, fields };
}

describe('card marks', () => {
  it('tells added and removed cards apart from changed ones', () => {
    expect(cardMarkClass(mark('added', []))).toBe('added');
    expect(cardMarkClass(mark('removed', []))).toBe('removed');
    expect(cardMarkClass(mark('changed', [field('owner', 'Front desk', 'Housekeeping')]))).toBe('changed');
  });

  it('calls a card that only changed place moved, and one moved and reworded changed', () => {
    const place = [field('lane', 'Frontstage', 'Backstage'), field('position', '1', '2')];
    expect(cardMarkClass(mark('changed', place, true))).toBe('moved');
    expect(cardMarkClass(mark('changed', [...place, field('text', 'a', 'b')], true))).toBe('changed');
  });

  it('puts each old value in the tooltip, leaving out the sort key', () => {
    const title = cardMarkTitle(
      mark('changed', [field('owner', 'Front desk', 'Housekeeping'), field('position', '1', '2')]),
    );
    expect(title).toBe('Changed since then\nOwner: Front desk → Housekeeping');
  });
});

describe('heading marks', () => {
  const heading = (renamed: string | null, reordered: boolean): HeadingDiff => ({
    id: 'h',
    change: 'changed',
    name: 'Check in',
    renamed_from: renamed,
    reordered,
    fields: [],
  });

  it('says what a heading was called', () => {
    expect(headingMarkClass(heading('Arrival', false))).toBe('changed');
    expect(headingMarkTitle('Stage', heading('Arrival', false))).toContain('Was called “Arrival”');
    expect(headingMarkClass(heading(null, true))).toBe('reordered');
  });
});

describe('trailPath', () => {
  it('runs from the middle of the old cell to the middle of the card', () => {
    const d = trailPath({ x: 0, y: 0, width: 100, height: 50 }, { x: 200, y: 100, width: 40, height: 20 });
    expect(d.startsWith('M50,25 ')).toBe(true);
    expect(d.endsWith(' 220,110')).toBe(true);
  });
});
