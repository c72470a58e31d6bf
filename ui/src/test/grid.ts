// Finding things in the home-insurance-claim fixture by their place in the grid, so tests read as
// "the second card of the customer lane in the first stage" rather than as ids.
import type { Card } from '../lib/bindings/Card';
import { homeInsuranceClaim } from './fixtures';

export const scene = homeInsuranceClaim;

/** Lane `lane` (0 = physical evidence … 4 = support), stage `stage`, card `row` of that cell. */
export function cardAt(lane: number, stage: number, row = 0): Card {
  const cell = scene.cards
    .filter((c) => c.lane === scene.lanes[lane].id && c.stage === scene.stages[stage].id)
    .sort((a, b) => a.rect.y - b.rect.y);
  const card = cell[row];
  if (!card) throw new Error(`no card at lane ${lane}, stage ${stage}, row ${row}`);
  return card;
}

export function laneId(lane: number): string {
  return scene.lanes[lane].id;
}

export function stageId(stage: number): string {
  return scene.stages[stage].id;
}

/** The middle of a card. */
export function middleOf(card: Card): { x: number; y: number } {
  return { x: card.rect.x + card.rect.width / 2, y: card.rect.y + card.rect.height / 2 };
}
