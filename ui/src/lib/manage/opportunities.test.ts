import { describe, expect, it } from 'vitest';
import type { OpportunityView } from '../bindings/OpportunityView';
import { cellAt, dotAt, dots, filtered, newOpportunity, NO_FILTERS, toggleAddress } from './opportunities';

function view(id: string, journey: string, value: number, effort: number, extra = {}): OpportunityView {
  return {
    opportunity: { ...newOpportunity(id), id, value, effort, ...extra },
    journey: { id: journey, name: journey },
    owner: null,
    addresses: [],
  };
}

describe('opportunities', () => {
  const all = [
    view('a', 'claims', 5, 1, { status: 'planned', owner: 't1' }),
    view('b', 'claims', 2, 4),
    view('c', 'onboarding', 5, 1, { status: 'done' }),
  ];

  it('filters by journey, status and owner', () => {
    expect(filtered(all, NO_FILTERS)).toHaveLength(3);
    expect(filtered(all, { ...NO_FILTERS, journey: 'claims' }).map((v) => v.opportunity.id)).toEqual(['a', 'b']);
    expect(filtered(all, { ...NO_FILTERS, status: 'done' }).map((v) => v.opportunity.id)).toEqual(['c']);
    expect(filtered(all, { ...NO_FILTERS, owner: 'none' }).map((v) => v.opportunity.id)).toEqual(['b', 'c']);
    expect(filtered(all, { ...NO_FILTERS, owner: 't1' }).map((v) => v.opportunity.id)).toEqual(['a']);
  });

  it('puts high value at the top and low effort at the left, and finds the cell under a point', () => {
    const quickWin = dotAt(5, 1);
    const moneyPit = dotAt(1, 5);
    expect(quickWin.x).toBeLessThan(moneyPit.x);
    expect(quickWin.y).toBeLessThan(moneyPit.y);
    for (const value of [1, 2, 3, 4, 5]) {
      for (const effort of [1, 2, 3, 4, 5]) {
        const at = dotAt(value, effort);
        expect(cellAt(at.x, at.y)).toEqual({ value, effort });
      }
    }
    expect(cellAt(-50, -50)).toEqual({ value: 5, effort: 1 });
    expect(cellAt(9999, 9999)).toEqual({ value: 1, effort: 5 });
  });

  it('sets two opportunities of one cell side by side, still inside it', () => {
    const [a, , c] = dots(all);
    expect(a.y).toBe(c.y);
    expect(a.x).not.toBe(c.x);
    expect(cellAt(a.x, a.y)).toEqual(cellAt(c.x, c.y));
  });

  it('ties a card to an opportunity and unties it', () => {
    const o = newOpportunity('  Call back  ', ['c1']);
    expect(o).toMatchObject({ title: 'Call back', status: 'idea', value: 3, effort: 3, owner: null });
    expect(toggleAddress(o, 'c2').addresses).toEqual(['c1', 'c2']);
    expect(toggleAddress(o, 'c1').addresses).toEqual([]);
  });
});
