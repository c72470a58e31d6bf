// Short counts for the sidebar and the status bar, worded the same everywhere.

/** "1 card", "36 cards". */
export function countLabel(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "36 cards · 6 stages". */
export function sceneSummary(cards: number, stages: number): string {
  return `${countLabel(cards, 'card')} · ${countLabel(stages, 'stage')}`;
}

/** A zoom scale as the toolbar shows it: 0.734 → "73 %". */
export function zoomLabel(scale: number): string {
  return `${Math.round(scale * 100)} %`;
}
