import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../bindings/HistoryEntry';
import { groupBySession, sessionTitle, when } from './group';

const now = new Date(2026, 11, 3, 17, 30);
const today = new Date(2026, 11, 3, 9, 5).getTime();
const before = new Date(2026, 10, 28, 14, 0).getTime();

function entry(seq: number, session: number | null): HistoryEntry {
  return { seq, at: session, session, description: `edit ${seq}`, undone: false };
}

describe('groupBySession', () => {
  it('keeps runs of one session together, newest first, and names this window’s own', () => {
    const groups = groupBySession([entry(5, today), entry(4, today), entry(3, before), entry(2, null)], today, now);
    expect(groups.map((g) => [g.title, g.entries.map((e) => e.seq)])).toEqual([
      ['This session', [5, 4]],
      [`Opened ${when(before, now)}`, [3]],
      ['Earlier edits', [2]],
    ]);
  });

  it('starts a new group when a session comes back after another', () => {
    const groups = groupBySession([entry(3, today), entry(2, before), entry(1, today)], before, now);
    expect(groups).toHaveLength(3);
  });
});

describe('sessionTitle', () => {
  it('says today for a session begun today', () => {
    expect(sessionTitle(today, 0, now)).toMatch(/^Opened today /);
    expect(sessionTitle(before, 0, now)).toContain('2026');
  });
});
