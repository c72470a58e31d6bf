import { describe, expect, it } from 'vitest';
import type { Step } from '../bindings/Step';
import {
  CUSTOM_CHANNEL,
  detailsFromForm,
  emptyInsight,
  emptyMetric,
  formFromStep,
  parseNumber,
  scoreIn,
  toggleScore,
} from './form';

const step: Step = {
  id: 's',
  lane: 'l',
  stage: 'g',
  position: 1,
  text: 'Calls the claims line',
  channel: 'phone',
  moment_of_truth: true,
  emotion: -1,
  pain_point: 'Long hold',
  pain_severity: 'high',
  fail_point: false,
  wait_point: true,
  notes: 'Peak on Mondays',
  metrics: [{ name: 'Wait', unit: 'min', target: 2, actual: null, kind: 'leading' }],
  owner: null,
  scores: [{ persona: 'family', score: 2 }],
  evidence: [{ text: 'Holds 12 min at 9 am', source: 'analytics', date: '2026-02-02', reference: 'ivr.csv' }],
  assumption: false,
};

describe('details form', () => {
  it('turns a card into fields and back without changing anything', () => {
    const form = formFromStep(step);
    expect(form.channel).toBe('Phone');
    expect(form.metrics[0]).toEqual({ name: 'Wait', unit: 'min', target: '2', actual: '', kind: 'leading' });
    expect(detailsFromForm(form)).toEqual({
      channel: 'Phone',
      moment_of_truth: true,
      emotion: -1,
      pain_point: 'Long hold',
      pain_severity: 'high',
      fail_point: false,
      wait_point: true,
      notes: 'Peak on Mondays',
      metrics: [{ name: 'Wait', unit: 'min', target: 2, actual: null, kind: 'leading' }],
      scores: [{ persona: 'family', score: 2 }],
      evidence: [{ text: 'Holds 12 min at 9 am', source: 'analytics', date: '2026-02-02', reference: 'ivr.csv' }],
      assumption: false,
      change: null,
    });
  });

  it('sends an insight without a date as undated, and not one still blank', () => {
    const form = formFromStep({ ...step, evidence: [], assumption: true });
    expect(form.assumption).toBe(true);
    form.evidence.push({ ...emptyInsight(), text: '"I rang three times"', date: ' ' }, emptyInsight());
    expect(detailsFromForm(form).evidence).toEqual([
      { text: '"I rang three times"', source: 'interview', date: null, reference: '' },
    ]);
  });

  it('sets each persona its own score: the first in emotion, the others in journey order', () => {
    const personas = ['business', 'family', 'student'];
    const form = formFromStep(step);
    expect(scoreIn(form, personas, 'business')).toBe(-1);
    expect(scoreIn(form, personas, 'family')).toBe(2);
    toggleScore(form, personas, 'student', -2);
    toggleScore(form, personas, 'business', 1);
    expect(detailsFromForm(form)).toMatchObject({
      emotion: 1,
      scores: [
        { persona: 'family', score: 2 },
        { persona: 'student', score: -2 },
      ],
    });
    toggleScore(form, personas, 'family', 2);
    expect(form.scores).toEqual([{ persona: 'student', score: -2 }]);
  });

  it('keeps a channel not in the list as a custom one', () => {
    const form = formFromStep({ ...step, channel: 'Kiosk' });
    expect(form).toMatchObject({ channel: CUSTOM_CHANNEL, customChannel: 'Kiosk' });
    expect(detailsFromForm({ ...form, customChannel: '  Drive-through ' }).channel).toBe('Drive-through');
    expect(detailsFromForm({ ...form, customChannel: ' ' }).channel).toBeNull();
  });

  it('sends no channel, no pain point and no numbers for empty fields', () => {
    const form = formFromStep({ ...step, channel: null, pain_point: null });
    expect(form.channel).toBe('');
    const details = detailsFromForm({ ...form, painPoint: '  ', metrics: [{ ...emptyMetric(), name: 'NPS' }] });
    expect(details.channel).toBeNull();
    expect(details.pain_point).toBeNull();
    expect(details.metrics).toEqual([{ name: 'NPS', unit: '', target: null, actual: null, kind: 'lagging' }]);
  });

  it('reads typed numbers', () => {
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber(' -3 ')).toBe(-3);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
  });
});
