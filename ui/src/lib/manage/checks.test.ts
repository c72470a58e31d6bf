import { describe, expect, it } from 'vitest';
import type { CheckGroup } from '../bindings/CheckGroup';
import type { Subject } from '../bindings/Subject';
import { QUIET_MS, quietNewCards } from './checks';

const card = (id: string): Subject => ({ id, label: id, journey: 'j', place: 'Stage' });
const entity = (id: string): Subject => ({ id, label: id, journey: null, place: 'system' });

const groups: CheckGroup[] = [
  {
    kind: 'serves_no_customer',
    title: 'Serves no customer step',
    slug: 'serves-no-customer',
    findings: [{ kind: 'serves_no_customer', subjects: [card('new')] }, { kind: 'serves_no_customer', subjects: [card('old')] }],
  },
  {
    kind: 'dead_end',
    title: 'Dead ends',
    slug: 'dead-ends',
    findings: [{ kind: 'dead_end', subjects: [card('old'), card('new')] }],
  },
  {
    kind: 'unowned_entity',
    title: 'Entities without an owner',
    slug: 'unowned-entities',
    findings: [{ kind: 'unowned_entity', subjects: [entity('crm')] }],
  },
];

describe('findings about cards just added', () => {
  const now = 1_000_000;
  const added = new Map([['new', now - 60_000]]);

  it('are held back while every card they name is new, and counted', () => {
    const { groups: shown, quiet } = quietNewCards(groups, added, now, false);
    expect(quiet).toBe(1);
    expect(shown[0].findings.map((f) => f.subjects[0].id)).toEqual(['old']);
    // A finding that also names an older card is about that card too: it stays.
    expect(shown[1].findings).toHaveLength(1);
    // Entities are never new cards.
    expect(shown[2]).toBe(groups[2]);
  });

  it('come back when asked for, and once the cards are a few minutes old', () => {
    expect(quietNewCards(groups, added, now, true)).toEqual({ groups, quiet: 0 });
    const later = quietNewCards(groups, added, now - 60_000 + QUIET_MS, false);
    expect(later.quiet).toBe(0);
    expect(later.groups[0].findings).toHaveLength(2);
  });

  it('are none when nothing was added', () => {
    expect(quietNewCards(groups, new Map(), now, false)).toEqual({ groups, quiet: 0 });
  });
});
