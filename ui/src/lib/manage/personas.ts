// Words about personas the views share.
import type { PersonaSummary } from '../bindings/PersonaSummary';

/** What deleting a persona takes away, said before it is deleted. */
export function personaUsage(summary: PersonaSummary): string {
  const journeys = summary.journeys.map((j) => `“${j.name}”`);
  if (journeys.length === 0) return 'No journey is drawn for this persona. Undo puts it back.';
  const list = journeys.length === 1 ? journeys[0] : `${journeys.slice(0, -1).join(', ')} and ${journeys.at(-1)}`;
  return `It is taken off ${list}, with its emotion scores there. One undo puts it all back.`;
}
