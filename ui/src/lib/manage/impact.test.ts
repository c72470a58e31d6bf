import { describe, expect, it } from 'vitest';
import type { Impact } from '../bindings/Impact';
import type { ImpactCard } from '../bindings/ImpactCard';
import type { LaneKind } from '../bindings/LaneKind';
import type { Reason } from '../bindings/Reason';
import { impactCounts, impactedIn, impactJourney, impactSections, impactStages, impactWhy } from './impact';

function card(id: string, journey: string, reason: Reason, lane: LaneKind = 'backstage', moment = false): ImpactCard {
  return {
    step: {
      step: id,
      journey,
      journey_name: journey.toUpperCase(),
      stage: 's',
      stage_name: 'Stage',
      lane_name: 'Lane',
      lane_kind: lane,
      text: id,
      moment_of_truth: moment,
    },
    reason,
    because: 'CRM',
    emotion: null,
  };
}

const impact: Impact = {
  asked: ['crm'],
  name: 'CRM',
  cards: [
    card('call', 'j1', 'customer_request', 'customer', true),
    card('log', 'j1', 'relies_directly'),
    card('assess', 'j1', 'downstream'),
    card('visit', 'j2', 'degraded'),
    card('wait', 'j2', 'customer_delivery', 'customer'),
  ],
  moments: 1,
  customer_steps: 2,
  stages: [
    { journey: 'j1', journey_name: 'Claim', stage: 's1', stage_name: 'Report' },
    { journey: 'j2', journey_name: 'Broadband', stage: 's2', stage_name: 'Install' },
  ],
  entities: [],
};

describe('impact', () => {
  it('marks the cards of one journey with why each is affected', () => {
    expect([...impactedIn(impact, 'j1')]).toEqual([
      ['call', 'customer_request'],
      ['log', 'relies_directly'],
      ['assess', 'downstream'],
    ]);
    expect(impactedIn(impact, 'j3').size).toBe(0);
  });

  it('leads with what the customer feels', () => {
    expect(impactCounts(impact)).toBe('1 moment of truth, 2 customer steps at risk');
    expect(impactCounts({ ...impact, moments: 0, customer_steps: 1 })).toBe('0 moments of truth, 1 customer step at risk');
  });

  it('groups the cards: moments first, then customer steps, then internal work by reason', () => {
    expect(impactSections(impact).map((s) => [s.key, s.cards.map((c) => c.step.step)])).toEqual([
      ['moments', ['call']],
      ['customer', ['wait']],
      ['relies_directly', ['log']],
      ['downstream', ['assess']],
      ['degraded', ['visit']],
    ]);
    expect(impactWhy(impact.cards[2])).toBe('fed only by “CRM”');
    expect(impactWhy(impact.cards[1])).toBe('relies on CRM');
  });

  it('names stages with their journey when there are several', () => {
    expect(impactStages(impact)).toBe('Claim › Report, Broadband › Install');
    expect(impactStages({ ...impact, stages: [impact.stages[0]] })).toBe('Report');
  });

  it('stays on the shown journey when it is affected, else goes to the first one that is', () => {
    expect(impactJourney(impact, 'j2')).toBe('j2');
    expect(impactJourney(impact, 'j9')).toBe('j1');
    expect(impactJourney({ ...impact, cards: [] }, 'j9')).toBe('j9');
  });
});
