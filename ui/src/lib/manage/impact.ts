// Reading an impact: which cards of a journey to mark (and how), the panel's summary, and its sections.
import type { Id } from '../bindings/Id';
import type { Impact } from '../bindings/Impact';
import type { ImpactCard } from '../bindings/ImpactCard';
import type { Reason } from '../bindings/Reason';
import { countLabel } from '../format';

/** The affected cards of one journey with why each is affected, for the blueprint's marks. */
export function impactedIn(impact: Impact, journey: Id): Map<Id, Reason> {
  return new Map(impact.cards.filter((c) => c.step.journey === journey).map((c) => [c.step.step, c.reason]));
}

/** Whether the card cannot happen as drawn (everything but degraded work). */
export function atRisk(card: ImpactCard): boolean {
  return card.reason !== 'degraded';
}

/** "2 moments of truth, 3 customer steps at risk": what the customer feels, first. */
export function impactCounts(impact: Impact): string {
  const moments = impact.moments === 1 ? '1 moment of truth' : `${impact.moments} moments of truth`;
  return `${moments}, ${countLabel(impact.customer_steps, 'customer step')} at risk`;
}

/** "Claims › Assess, Claims › Settle": the stages touched, with their journey where there are several. */
export function impactStages(impact: Impact): string {
  const journeys = new Set(impact.stages.map((s) => s.journey));
  return impact.stages
    .map((s) => (journeys.size > 1 ? `${s.journey_name} › ${s.stage_name}` : s.stage_name))
    .join(', ');
}

/** The journey to show an impact in: the shown one if any card of it is affected, else the first affected card's. */
export function impactJourney(impact: Impact, shown: Id | null): Id | null {
  if (shown !== null && impact.cards.some((c) => c.step.journey === shown)) return shown;
  return impact.cards[0]?.step.journey ?? shown;
}

/** One section of the impact panel: a heading and its cards. */
export interface ImpactSection {
  key: string;
  title: string;
  cards: ImpactCard[];
}

const INTERNAL: [Reason, string][] = [
  ['relies_directly', 'Relies directly'],
  ['downstream', 'Downstream: fed only by failed work'],
  ['customer_delivery', 'Evidence not delivered'],
  ['degraded', 'Degraded: still fed another way'],
];

/** The panel's sections: moments of truth at risk, other customer steps at risk, then internal cards by reason. */
export function impactSections(impact: Impact): ImpactSection[] {
  const customer = (c: ImpactCard) => c.step.lane_kind === 'customer';
  const sections: ImpactSection[] = [
    { key: 'moments', title: 'Moments of truth at risk', cards: impact.cards.filter((c) => atRisk(c) && c.step.moment_of_truth) },
    {
      key: 'customer',
      title: 'Customer steps at risk',
      cards: impact.cards.filter((c) => atRisk(c) && !c.step.moment_of_truth && customer(c)),
    },
    ...INTERNAL.map(([reason, title]) => ({
      key: reason,
      title,
      cards: impact.cards.filter((c) => c.reason === reason && !c.step.moment_of_truth && !customer(c)),
    })),
  ];
  return sections.filter((s) => s.cards.length > 0);
}

/** "uses CRM", "fed only by 'Logs claim'": why a card is in the answer, in a few words. */
export function impactWhy(card: ImpactCard): string {
  switch (card.reason) {
    case 'relies_directly':
      return `relies on ${card.because}`;
    case 'downstream':
      return `fed only by “${card.because}”`;
    case 'customer_request':
      return `request lands on failed “${card.because}”`;
    case 'customer_delivery':
      return `delivered by failed “${card.because}”`;
    case 'degraded':
      return `loses “${card.because}”`;
  }
}
