import { describe, expect, it } from 'vitest';
import { personaUsage } from './personas';

const persona = { id: 'p', name: 'Family', description: '', goals: '', needs: '', pains: '', quote: '' };

describe('persona usage', () => {
  it('names every journey that loses the persona', () => {
    const summary = {
      persona,
      journeys: [
        { id: 'a', name: 'Hotel stay' },
        { id: 'b', name: 'Spa visit' },
        { id: 'c', name: 'Checkout' },
      ],
    };
    expect(personaUsage(summary)).toBe(
      'It is taken off “Hotel stay”, “Spa visit” and “Checkout”, with its emotion scores there. One undo puts it all back.',
    );
  });

  it('says when no journey uses it', () => {
    expect(personaUsage({ persona, journeys: [] })).toMatch(/No journey/);
  });
});
