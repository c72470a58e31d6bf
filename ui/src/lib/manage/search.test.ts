import { describe, expect, it } from 'vitest';
import type { Entity } from '../bindings/Entity';
import { exactMatch, fold, matches, rankEntities } from './search';

function entity(name: string, kind: Entity['kind'] = 'system'): Entity {
  return { id: name, kind, name, description: '', owner: null };
}

const all = [
  entity('CRM'),
  entity('Claims management system'),
  entity('Payment gateway'),
  entity('Maria Okafor', 'person'),
  entity('Claims contact centre', 'team'),
];

describe('search', () => {
  it('folds case, accents and spaces', () => {
    expect(fold('  Zoë   Ávila ')).toBe('zoe avila');
  });

  it('matches every word anywhere in the name', () => {
    expect(matches('Claims management system', 'cla sys')).toBe(true);
    expect(matches('Claims management system', 'crm')).toBe(false);
    expect(matches('anything', '  ')).toBe(true);
  });

  it('ranks names starting with the query first and filters by kind', () => {
    expect(rankEntities(all, 'c').map((e) => e.name)).toEqual([
      'Claims contact centre',
      'Claims management system',
      'CRM',
    ]);
    expect(rankEntities(all, 'ga').map((e) => e.name)).toEqual(['Payment gateway']);
    expect(rankEntities([entity('Old gateway'), entity('Legacy')], 'g').map((e) => e.name)).toEqual([
      'Old gateway',
      'Legacy',
    ]);
    expect(rankEntities(all, '', ['person', 'team']).map((e) => e.name)).toEqual([
      'Claims contact centre',
      'Maria Okafor',
    ]);
  });

  it('finds an exact name of the kinds asked', () => {
    expect(exactMatch(all, 'crm ')?.name).toBe('CRM');
    expect(exactMatch(all, 'crm', ['person'])).toBeUndefined();
  });
});
