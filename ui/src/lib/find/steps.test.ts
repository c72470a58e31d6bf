import { describe, expect, it } from 'vitest';
import type { FindHit } from '../bindings/FindHit';
import { cardsIn, countLabel, Latest, stepHit } from './steps';

describe('stepping through hits', () => {
  it('moves forwards and backwards, wrapping at both ends', () => {
    expect(stepHit(0, 3, 1)).toBe(1);
    expect(stepHit(2, 3, 1)).toBe(0);
    expect(stepHit(0, 3, -1)).toBe(2);
    expect(stepHit(1, 3, -1)).toBe(0);
  });

  it('starts at the first or last hit when none is current, and finds nothing in nothing', () => {
    expect(stepHit(-1, 4, 1)).toBe(0);
    expect(stepHit(-1, 4, -1)).toBe(3);
    expect(stepHit(9, 4, 1)).toBe(0);
    expect(stepHit(0, 0, 1)).toBe(-1);
    expect(stepHit(-1, 0, -1)).toBe(-1);
  });

  it('stays on a single hit', () => {
    expect(stepHit(0, 1, 1)).toBe(0);
    expect(stepHit(0, 1, -1)).toBe(0);
  });
});

describe('the count', () => {
  it('says where the current hit is among them all', () => {
    expect(countLabel(2, 12, 12)).toBe('3 of 12');
    expect(countLabel(-1, 12, 12)).toBe('12 found');
    expect(countLabel(-1, 0, 0)).toBe('No results');
  });

  it('marks a capped list', () => {
    expect(countLabel(0, 1000, 8421)).toBe('1 of 1,000+');
  });
});

describe('the stale-answer guard', () => {
  it('takes only the answer to the newest request, whatever order answers come in', () => {
    const latest = new Latest();
    const first = latest.next();
    const second = latest.next();
    expect(latest.isLatest(first)).toBe(false);
    expect(latest.isLatest(second)).toBe(true);
    const third = latest.next();
    expect(latest.isLatest(second)).toBe(false);
    expect(latest.isLatest(third)).toBe(true);
  });
});

describe('the cards to mark', () => {
  it('are the hits in the journey drawn', () => {
    const hit = (journey: string, step: string): FindHit => ({
      step,
      journey,
      journey_name: journey,
      found_in: 'text',
      snippet: { before: '', matched: step, after: '' },
    });
    const hits = [hit('a', '1'), hit('b', '2'), hit('a', '3')];
    expect([...cardsIn(hits, 'a')]).toEqual(['1', '3']);
    expect(cardsIn(hits, 'c').size).toBe(0);
  });
});
