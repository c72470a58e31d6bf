// Short counts and names for the sidebar, panels and status bar, worded the same everywhere.
import type { EvidenceCoverage } from './bindings/EvidenceCoverage';
import type { LaneKind } from './bindings/LaneKind';

/** "1 card", "36 cards". */
export function countLabel(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "36 cards · 6 stages". */
export function sceneSummary(cards: number, stages: number): string {
  return `${countLabel(cards, 'card')} · ${countLabel(stages, 'stage')}`;
}

/** "12 of 30 cards backed by evidence · 3 assumptions": how much of a journey rests on research. */
export function evidenceSummary(c: EvidenceCoverage): string {
  const backed = `${c.backed} of ${countLabel(c.steps, 'card')} backed by evidence`;
  return c.assumptions === 0 ? backed : `${backed} · ${countLabel(c.assumptions, 'assumption')}`;
}

/** A zoom scale as the toolbar shows it: 0.734 → "73 %". */
export function zoomLabel(scale: number): string {
  return `${Math.round(scale * 100)} %`;
}

/** Lane kinds in the order lanes must keep from top to bottom. */
export const LANE_KINDS: LaneKind[] = ['evidence', 'customer', 'frontstage', 'backstage', 'support'];

const LANE_KIND_LABELS: Record<LaneKind, string> = {
  evidence: 'Physical evidence',
  customer: 'Customer actions',
  frontstage: 'Frontstage',
  backstage: 'Backstage',
  support: 'Support processes',
};

/** A lane kind as a person reads it: "Customer actions". */
export function laneKindLabel(kind: LaneKind): string {
  return LANE_KIND_LABELS[kind];
}
