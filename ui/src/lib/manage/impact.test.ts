import { describe, expect, it } from 'vitest';
import type { Impact } from '../bindings/Impact';
import type { StepRef } from '../bindings/StepRef';
import { impactCounts, impactedIn, impactJourney, impactStages } from './impact';

function step(id: string, journey: string, moment = false): StepRef {
  return {
    step: id,
    journey,
    journey_name: journey.toUpperCase(),
    stage: 's',
    stage_name: 'Stage',
    lane_name: 'Lane',
    lane_kind: 'backstage',
    text: id,
    moment_of_truth: moment,
  };
}

const impact: Impact = {
  entity: 'crm',
  name: 'CRM',
  steps: [step('a', 'j1', true), step('b', 'j1'), step('c', 'j2')],
  moments: 1,
  stages: [
    { journey: 'j1', journey_name: 'Claim', stage: 's1', stage_name: 'Report' },
    { journey: 'j2', journey_name: 'Broadband', stage: 's2', stage_name: 'Install' },
  ],
  entities: [],
};

describe('impact', () => {
  it('highlights the cards of one journey', () => {
    expect([...impactedIn(impact, 'j1')]).toEqual(['a', 'b']);
    expect([...impactedIn(impact, 'j3')]).toEqual([]);
  });

  it('counts steps and moments of truth', () => {
    expect(impactCounts(impact)).toBe('3 steps, 1 moment of truth');
    expect(impactCounts({ ...impact, steps: [impact.steps[0]], moments: 0 })).toBe('1 step, 0 moments of truth');
  });

  it('names stages with their journey when there are several', () => {
    expect(impactStages(impact)).toBe('Claim › Report, Broadband › Install');
    expect(impactStages({ ...impact, stages: [impact.stages[0]] })).toBe('Report');
  });

  it('stays on the shown journey when it is impacted, else goes to the first one that is', () => {
    expect(impactJourney(impact, 'j2')).toBe('j2');
    expect(impactJourney(impact, 'j9')).toBe('j1');
    expect(impactJourney({ ...impact, steps: [] }, 'j9')).toBe('j9');
  });
});
