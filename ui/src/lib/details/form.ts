// The details panel's form and the card record it edits: a Step becomes fields a user can type in, and
// the fields become the StepDetails of one set_step_details edit.
import type { EvidenceSource } from '../bindings/EvidenceSource';
import type { Insight } from '../bindings/Insight';
import type { Metric } from '../bindings/Metric';
import type { MetricKind } from '../bindings/MetricKind';
import type { PersonaScore } from '../bindings/PersonaScore';
import type { Severity } from '../bindings/Severity';
import type { StateChange } from '../bindings/StateChange';
import type { Step } from '../bindings/Step';
import type { StepDetails } from '../bindings/StepDetails';

/** The channels offered in the list; anything else is a custom channel. */
export const CHANNELS = ['Phone', 'Email', 'Web', 'App', 'Chat', 'SMS', 'In person', 'Letter', 'Social media'];

/** The channel list's value for "type another". */
export const CUSTOM_CHANNEL = 'custom';

/** A metric as typed: numbers stay text until they are sent. */
export interface MetricRow {
  name: string;
  unit: string;
  target: string;
  actual: string;
  kind: MetricKind;
}

/** An insight as typed: no date is an empty field. */
export interface InsightRow {
  text: string;
  source: EvidenceSource;
  date: string;
  reference: string;
}

export interface DetailsForm {
  /** '' for none, one of CHANNELS, or CUSTOM_CHANNEL. */
  channel: string;
  customChannel: string;
  momentOfTruth: boolean;
  emotion: number | null;
  /** The journey's other personas' scores. */
  scores: PersonaScore[];
  painPoint: string;
  painSeverity: Severity;
  failPoint: boolean;
  waitPoint: boolean;
  notes: string;
  metrics: MetricRow[];
  evidence: InsightRow[];
  assumption: boolean;
  /** On a future state's card, the room's kept/changed/removed/new mark; null for the computed one. */
  change: StateChange | null;
}

function numberText(value: number | null): string {
  return value === null ? '' : String(value);
}

/** A typed number, or null when the field is empty or not a number. */
export function parseNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function formFromStep(step: Step): DetailsForm {
  const channel = step.channel ?? '';
  const listed = CHANNELS.find((c) => c.toLowerCase() === channel.trim().toLowerCase());
  return {
    channel: channel === '' ? '' : (listed ?? CUSTOM_CHANNEL),
    customChannel: listed ? '' : channel,
    momentOfTruth: step.moment_of_truth,
    emotion: step.emotion,
    scores: step.scores.map((s) => ({ ...s })),
    painPoint: step.pain_point ?? '',
    painSeverity: step.pain_severity,
    failPoint: step.fail_point,
    waitPoint: step.wait_point,
    notes: step.notes,
    metrics: step.metrics.map((m) => ({
      name: m.name,
      unit: m.unit,
      target: numberText(m.target),
      actual: numberText(m.actual),
      kind: m.kind,
    })),
    evidence: step.evidence.map((i) => ({ text: i.text, source: i.source, date: i.date ?? '', reference: i.reference })),
    assumption: step.assumption,
    change: step.change ?? null,
  };
}

function metricFromRow(row: MetricRow): Metric {
  return {
    name: row.name,
    unit: row.unit,
    target: parseNumber(row.target),
    actual: parseNumber(row.actual),
    kind: row.kind,
  };
}

export function detailsFromForm(form: DetailsForm): StepDetails {
  const channel = form.channel === CUSTOM_CHANNEL ? form.customChannel.trim() : form.channel;
  return {
    channel: channel === '' ? null : channel,
    moment_of_truth: form.momentOfTruth,
    emotion: form.emotion,
    scores: form.scores.map((s) => ({ ...s })),
    pain_point: form.painPoint.trim() === '' ? null : form.painPoint,
    pain_severity: form.painSeverity,
    fail_point: form.failPoint,
    wait_point: form.waitPoint,
    notes: form.notes,
    metrics: form.metrics.map(metricFromRow),
    // A row still blank is one being written: it is kept in the form, not sent.
    evidence: form.evidence.filter((row) => row.text.trim() !== '').map(insightFromRow),
    assumption: form.assumption,
    change: form.change,
  };
}

function insightFromRow(row: InsightRow): Insight {
  const date = row.date.trim();
  return { text: row.text, source: row.source, date: date === '' ? null : date, reference: row.reference };
}

/** A new, empty insight row; most evidence a room cites first comes from interviews. */
export function emptyInsight(): InsightRow {
  return { text: '', source: 'interview', date: '', reference: '' };
}

/**
 * The score `persona` gives in the form: the card's emotion for the journey's first persona (and for
 * its unnamed customer when it names none).
 */
export function scoreIn(form: DetailsForm, personas: string[], persona: string): number | null {
  if (personas.length === 0 || personas[0] === persona) return form.emotion;
  return form.scores.find((s) => s.persona === persona)?.score ?? null;
}

/** Sets the score `persona` gives (null: none), keeping the journey's order. */
export function setScore(form: DetailsForm, personas: string[], persona: string, score: number | null) {
  if (personas.length === 0 || personas[0] === persona) {
    form.emotion = score;
    return;
  }
  const kept = form.scores.filter((s) => s.persona !== persona);
  if (score !== null) kept.push({ persona, score });
  const order = (p: string) => personas.indexOf(p);
  form.scores = kept.sort((a, b) => order(a.persona) - order(b.persona));
}

/** Sets the score `persona` gives, or clears it when it is that score already. */
export function toggleScore(form: DetailsForm, personas: string[], persona: string, score: number | null) {
  const next = scoreIn(form, personas, persona) === score ? null : score;
  setScore(form, personas, persona, next);
}

/** A new, empty metric row. */
export function emptyMetric(): MetricRow {
  return { name: '', unit: '', target: '', actual: '', kind: 'lagging' };
}
