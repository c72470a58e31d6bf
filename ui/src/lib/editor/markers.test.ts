import { describe, expect, it } from 'vitest';
import type { Edit } from '../bindings/Edit';
import type { Step } from '../bindings/Step';
import { emotionForDigit, markerEdit, NEW_PAIN_POINT } from './markers';

function step(id: string, extra: Partial<Step> = {}): Step {
  return {
    id,
    lane: 'lane',
    stage: 'stage',
    position: 0,
    text: `Card ${id}`,
    channel: 'Phone',
    moment_of_truth: false,
    emotion: null,
    pain_point: null,
    pain_severity: 'medium',
    fail_point: false,
    wait_point: true,
    notes: 'kept',
    metrics: [],
    owner: null,
    scores: [],
    evidence: [],
    assumption: false,
    ...extra,
  };
}

function details(edit: Edit | null) {
  if (edit?.type !== 'set_step_details') throw new Error(`not one card's details: ${JSON.stringify(edit)}`);
  return edit.details;
}

describe('marker keys', () => {
  it('map the digits 1–5 onto the stored emotion scale −2…+2', () => {
    expect([1, 2, 3, 4, 5].map(emotionForDigit)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('toggle a moment of truth and keep every other detail', () => {
    const on = details(markerEdit([step('a')], { kind: 'moment-of-truth' }));
    expect(on).toEqual({ ...on, moment_of_truth: true, channel: 'Phone', notes: 'kept', wait_point: true });
    const off = details(markerEdit([step('a', { moment_of_truth: true })], { kind: 'moment-of-truth' }));
    expect(off.moment_of_truth).toBe(false);
  });

  it('set, step and clear the emotion within −2…+2', () => {
    expect(details(markerEdit([step('a')], { kind: 'emotion', score: -2 })).emotion).toBe(-2);
    expect(details(markerEdit([step('a')], { kind: 'emotion-step', by: 1 })).emotion).toBe(1);
    expect(details(markerEdit([step('a', { emotion: -1 })], { kind: 'emotion-step', by: -1 })).emotion).toBe(-2);
    expect(markerEdit([step('a', { emotion: 2 })], { kind: 'emotion-step', by: 1 })).toBeNull();
    expect(details(markerEdit([step('a', { emotion: 1 })], { kind: 'emotion', score: null })).emotion).toBeNull();
    expect(markerEdit([step('a')], { kind: 'emotion', score: null })).toBeNull();
  });

  it('mark a pain point, cycle its severity and take it off', () => {
    const marked = details(markerEdit([step('a')], { kind: 'pain-point' }));
    expect(marked.pain_point).toBe(NEW_PAIN_POINT);
    const worded = step('a', { pain_point: 'Waits 40 min on hold', pain_severity: 'high' });
    expect(details(markerEdit([worded], { kind: 'pain-point' })).pain_point).toBeNull();
    const cycled = details(markerEdit([worded], { kind: 'pain-severity' }));
    expect(cycled).toMatchObject({ pain_point: 'Waits 40 min on hold', pain_severity: 'low' });
    expect(details(markerEdit([step('a')], { kind: 'pain-severity' }))).toMatchObject({
      pain_point: NEW_PAIN_POINT,
      pain_severity: 'high',
    });
  });

  it('change several cards in one edit, the first deciding a toggle', () => {
    const edit = markerEdit([step('a'), step('b', { moment_of_truth: true }), step('c')], { kind: 'moment-of-truth' });
    expect(edit?.type).toBe('batch');
    if (edit?.type !== 'batch') return;
    expect(edit.edits.map((e) => (e.type === 'set_step_details' ? e.step : null))).toEqual(['a', 'c']);
  });
});
