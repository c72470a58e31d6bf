// Reading an impact: which cards of a journey to highlight and the one-line summary of the panel.
import type { Id } from '../bindings/Id';
import type { Impact } from '../bindings/Impact';
import { countLabel } from '../format';

/** The impacted cards of one journey, for the blueprint's highlight. */
export function impactedIn(impact: Impact, journey: Id): Set<Id> {
  return new Set(impact.steps.filter((s) => s.journey === journey).map((s) => s.step));
}

/** "3 steps, 1 moment of truth": how much of the customer experience fails with the entity. */
export function impactCounts(impact: Impact): string {
  const moments = impact.moments === 1 ? '1 moment of truth' : `${impact.moments} moments of truth`;
  return `${countLabel(impact.steps.length, 'step')}, ${moments}`;
}

/** "Claims › Assess, Claims › Settle": the stages touched, with their journey where there are several. */
export function impactStages(impact: Impact): string {
  const journeys = new Set(impact.stages.map((s) => s.journey));
  return impact.stages
    .map((s) => (journeys.size > 1 ? `${s.journey_name} › ${s.stage_name}` : s.stage_name))
    .join(', ');
}

/** The journey to show an impact in: the shown one if any card of it is impacted, else the first impacted card's. */
export function impactJourney(impact: Impact, shown: Id | null): Id | null {
  if (shown !== null && impact.steps.some((s) => s.journey === shown)) return shown;
  return impact.steps[0]?.journey ?? shown;
}
