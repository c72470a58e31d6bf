// What a future state changes, in the words a room reads off a wall: the counts of the summary line
// each as a labelled figure, with signs on the gains and losses.
import type { FutureSummary } from '../bindings/FutureSummary';

/** One figure of the summary. */
export interface Figure {
  /** What is counted ("Steps removed"). */
  label: string;
  /** The figure as shown ("2", "+1 gained · −1 lost"). */
  value: string;
  /** A stable name for tests and styling. */
  key: string;
}

/** A signed number with a true minus sign and one decimal where it has one. */
export function signed(value: number, decimals = 0): string {
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return decimals > 0 ? (0).toFixed(decimals) : '0';
  return `${value < 0 ? '−' : '+'}${text}`;
}

/** The summary as figures, in the order a reader asks about them. */
export function figures(s: FutureSummary): Figure[] {
  const emotion =
    s.emotion_before === null && s.emotion_after === null
      ? 'not scored'
      : s.emotion_before === null || s.emotion_after === null
        ? `${s.emotion_before === null ? '—' : signed(s.emotion_before, 1)} → ${s.emotion_after === null ? '—' : signed(s.emotion_after, 1)}`
        : `${signed(s.emotion_before, 1)} → ${signed(s.emotion_after, 1)} (${signed(s.emotion_after - s.emotion_before, 1)})`;
  return [
    { key: 'removed', label: 'Steps removed', value: String(s.removed) },
    { key: 'changed', label: 'Changed', value: String(s.changed) },
    { key: 'added', label: 'New', value: String(s.added) },
    { key: 'kept', label: 'Kept', value: String(s.kept) },
    {
      key: 'pain',
      label: 'Pain points resolved',
      value: `${s.pain_points_resolved}${s.pain_points_left ? ` · ${s.pain_points_left} left` : ''}`,
    },
    {
      key: 'moments',
      label: 'Moments of truth',
      value: `${signed(s.moments_gained)} gained · ${s.moments_lost ? `−${s.moments_lost}` : '0'} lost`,
    },
    { key: 'emotion', label: 'Average emotion', value: emotion },
  ];
}
