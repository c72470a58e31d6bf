import { describe, expect, it } from 'vitest';
import type { OwnershipRow } from '../bindings/OwnershipRow';
import {
  allShownSelected,
  filterRows,
  filterValue,
  parseFilter,
  selectRange,
  selectedShown,
  toggleAllShown,
  toggleStep,
} from './ownership';

function row(step: string, owner: string | null, moment = false, teams: string[] = [], journey = 'j1'): OwnershipRow {
  return {
    step: {
      step,
      journey,
      journey_name: journey,
      stage: 's',
      stage_name: 'Stage',
      lane_name: 'Lane',
      lane_kind: 'frontstage',
      text: step,
      moment_of_truth: moment,
    },
    owner,
    owner_teams: teams,
    entities: [],
  };
}

const rows = [
  row('a', null, true),
  row('b', null),
  row('c', 'maria', true, ['claims']),
  row('d', 'claims', false, ['claims'], 'j2'),
];

const ids = (list: OwnershipRow[]) => list.map((r) => r.step.step);

describe('filters', () => {
  it('round-trips through the select value', () => {
    for (const value of ['all', 'unowned', 'unowned-moments', 'owner:maria', 'team:claims']) {
      expect(filterValue(parseFilter(value))).toBe(value);
    }
    expect(parseFilter('owner:')).toEqual({ kind: 'all' });
    expect(parseFilter('nonsense')).toEqual({ kind: 'all' });
  });

  it('keeps the rows each filter asks for', () => {
    expect(ids(filterRows(rows, { kind: 'all' }))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(filterRows(rows, { kind: 'unowned' }))).toEqual(['a', 'b']);
    expect(ids(filterRows(rows, { kind: 'unowned-moments' }))).toEqual(['a']);
    expect(ids(filterRows(rows, { kind: 'owner', id: 'maria' }))).toEqual(['c']);
    expect(ids(filterRows(rows, { kind: 'team', id: 'claims' }))).toEqual(['c', 'd']);
  });
});

describe('selection', () => {
  it('toggles one card', () => {
    expect([...toggleStep(new Set(['a']), 'b')]).toEqual(['a', 'b']);
    expect([...toggleStep(new Set(['a']), 'a')]).toEqual([]);
  });

  it('selects all shown rows, or clears them when all are', () => {
    const shown = rows.slice(0, 2);
    expect(allShownSelected(new Set(), [])).toBe(false);
    const all = toggleAllShown(new Set(['d']), shown);
    expect([...all]).toEqual(['a', 'b']);
    expect(allShownSelected(all, shown)).toBe(true);
    expect([...toggleAllShown(all, shown)]).toEqual([]);
  });

  it('assigns only the selected rows still shown, in table order', () => {
    expect(selectedShown(new Set(['c', 'a', 'zzz']), rows)).toEqual(['a', 'c']);
  });
});

describe('one journey and ranges', () => {
  it('asks a filter of one journey', () => {
    expect(ids(filterRows(rows, { kind: 'unowned' }, 'j1'))).toEqual(['a', 'b']);
    expect(ids(filterRows(rows, { kind: 'all' }, 'j2'))).toEqual(['d']);
    expect(ids(filterRows(rows, { kind: 'unowned' }, 'j2'))).toEqual([]);
  });

  it('selects every shown row between the last clicked and a Shift+clicked one, either way', () => {
    expect([...selectRange(new Set(['a']), rows, 'a', 'c')].sort()).toEqual(['a', 'b', 'c']);
    expect([...selectRange(new Set(['z']), rows, 'd', 'b')].sort()).toEqual(['b', 'c', 'd', 'z']);
    // No anchor on screen: the row alone.
    expect([...selectRange(new Set(), rows, 'gone', 'b')]).toEqual(['b']);
    expect([...selectRange(new Set(), rows, null, 'b')]).toEqual(['b']);
  });
});
