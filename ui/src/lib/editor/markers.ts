// The markers a facilitator sets from the keyboard on the selected cards — moment of truth, emotion,
// pain point and its severity — as the one edit that stores them, built from the cards as stored so
// every other detail stays as it is.
import type { Edit } from '../bindings/Edit';
import type { Severity } from '../bindings/Severity';
import type { Step } from '../bindings/Step';
import type { StepDetails } from '../bindings/StepDetails';

/** A marker change asked for by a key (M, P, Shift+P, 1–5, −, +, 0). */
export type MarkerChange =
  /** M: on for every selected card, or off when the first has it. */
  | { kind: 'moment-of-truth' }
  /** 1–5 set −2…+2 (3 is neutral); 0 clears (null). */
  | { kind: 'emotion'; score: number | null }
  /** − and +: one step sadder or happier, from neutral when there is none yet. */
  | { kind: 'emotion-step'; by: -1 | 1 }
  /** P: a pain point on every selected card, or none when the first has one. */
  | { kind: 'pain-point' }
  /** Shift+P: the next severity (low → medium → high → low), marking a pain point if there is none. */
  | { kind: 'pain-severity' };

/** What P writes as the pain point, for the room to word later in the details panel. */
export const NEW_PAIN_POINT = 'Pain point';

/** The emotion scale the model stores, −2…+2. */
export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

const SEVERITIES: Severity[] = ['low', 'medium', 'high'];

/** The score digit `digit` (1–5) stands for: 1 → −2, 3 → 0, 5 → +2. */
export function emotionForDigit(digit: number): number {
  return digit - 3;
}

function detailsOf(step: Step): StepDetails {
  return {
    channel: step.channel,
    moment_of_truth: step.moment_of_truth,
    emotion: step.emotion,
    pain_point: step.pain_point,
    pain_severity: step.pain_severity,
    fail_point: step.fail_point,
    wait_point: step.wait_point,
    notes: step.notes,
    metrics: step.metrics,
    scores: step.scores,
    evidence: step.evidence,
    assumption: step.assumption,
    change: step.change ?? null,
  };
}

function clampEmotion(score: number): number {
  return Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, score));
}

/** `step`'s details with `change` made; `first` is the first selected card, which decides toggles. */
function changed(step: Step, first: Step, change: MarkerChange): StepDetails {
  const details = detailsOf(step);
  switch (change.kind) {
    case 'moment-of-truth':
      return { ...details, moment_of_truth: !first.moment_of_truth };
    case 'emotion':
      return { ...details, emotion: change.score };
    case 'emotion-step':
      return { ...details, emotion: clampEmotion((step.emotion ?? 0) + change.by) };
    case 'pain-point':
      return { ...details, pain_point: first.pain_point === null ? (step.pain_point ?? NEW_PAIN_POINT) : null };
    case 'pain-severity': {
      const next = SEVERITIES[(SEVERITIES.indexOf(first.pain_severity) + 1) % SEVERITIES.length];
      return { ...details, pain_point: step.pain_point ?? NEW_PAIN_POINT, pain_severity: next };
    }
  }
}

function sameDetails(a: StepDetails, b: StepDetails): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The one edit that makes `change` on `steps` (the selected cards as stored, the first deciding what
 * a toggle does): a set_step_details, a batch of them for several cards, or null when nothing changes.
 */
export function markerEdit(steps: Step[], change: MarkerChange): Edit | null {
  const first = steps[0];
  if (!first) return null;
  const edits: Edit[] = steps
    .map((step) => ({ step, details: changed(step, first, change) }))
    .filter(({ step, details }) => !sameDetails(details, detailsOf(step)))
    .map(({ step, details }) => ({ type: 'set_step_details', step: step.id, details }));
  if (edits.length === 0) return null;
  return edits.length === 1 ? edits[0] : { type: 'batch', edits };
}
