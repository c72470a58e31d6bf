import { describe, expect, it } from 'vitest';
import type { EntitySummary } from '../bindings/EntitySummary';
import type { StepRef } from '../bindings/StepRef';
import { cardLinkKind, groupEntities, kindsForLink, namesById, usageMessage } from './entities';

function summary(name: string, kind: EntitySummary['entity']['kind']): EntitySummary {
  return {
    entity: { id: `id-${name}`, kind, name, description: '', owner: null },
    teams: [],
    members: [],
    depends_on: [],
    linked_steps: 0,
    owned_steps: 0,
  };
}

function step(text: string): StepRef {
  return {
    step: text,
    journey: 'j',
    journey_name: 'Claim',
    stage: 's',
    stage_name: 'Report',
    lane_name: 'Backstage',
    lane_kind: 'backstage',
    text,
    moment_of_truth: false,
  };
}

const all = [summary('CRM', 'system'), summary('Zoe', 'person'), summary('Ana', 'person'), summary('Billing', 'process')];

describe('groupEntities', () => {
  it('groups by kind in panel order, sorted by name, leaving out empty kinds', () => {
    const groups = groupEntities(all, '');
    expect(groups.map((g) => g.kind)).toEqual(['person', 'system', 'process']);
    expect(groups[0].entities.map((s) => s.entity.name)).toEqual(['Ana', 'Zoe']);
  });

  it('keeps only what the search matches', () => {
    expect(groupEntities(all, 'bil').map((g) => g.kind)).toEqual(['process']);
    expect(groupEntities(all, 'nothing')).toEqual([]);
  });
});

describe('links', () => {
  it('picks the link a card gets to each kind and the kinds each link takes', () => {
    expect(cardLinkKind('team')).toBe('performed_by');
    expect(cardLinkKind('system')).toBe('uses');
    expect(cardLinkKind('process')).toBe('part_of');
    expect(kindsForLink('performed_by')).toEqual(['person', 'team']);
    expect(kindsForLink('uses')).toEqual(['system']);
  });

  it('maps ids to names', () => {
    expect(namesById(all).get('id-CRM')).toBe('CRM');
  });
});

describe('usageMessage', () => {
  it('names a few cards and counts the rest', () => {
    const usage = { entity: 'e', steps: ['A', 'B', 'C', 'D'].map(step), entities: ['x'], links: 5 };
    expect(usageMessage(usage)).toBe(
      'It is used by 4 cards: “A” (Claim), “B” (Claim), “C” (Claim) and 1 more. 1 other entity refers to it. ' +
        '5 links will be removed and owners pointing at it cleared. You can undo this with Ctrl+Z.',
    );
  });

  it('says when nothing uses it', () => {
    expect(usageMessage({ entity: 'e', steps: [], entities: [], links: 0 })).toBe(
      'No card uses it. You can undo this with Ctrl+Z.',
    );
  });
});
