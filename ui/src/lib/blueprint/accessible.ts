// The blueprint as a screen reader reads it: a table with the stages as column headers, the lanes as
// row headers and, in each cell, its cards, each named by its text and described by its markers
// (moment of truth, pain point, emotion, assumption), its owner and other ties, and the cards it leads to.
import type { Card } from '../bindings/Card';
import type { ChipRole } from '../bindings/ChipRole';
import type { Scene } from '../bindings/Scene';

/** One card as read aloud: its text, then everything else about it. */
export interface SpokenCard {
  id: string;
  name: string;
  description: string;
}

/** One lane's row: its name and, per stage in order, the cards of that cell. */
export interface SpokenRow {
  id: string;
  lane: string;
  cells: { stage: string; cards: SpokenCard[] }[];
}

export interface SpokenGrid {
  stages: { id: string; name: string }[];
  rows: SpokenRow[];
}

const ROLE_WORDS: Record<ChipRole, string> = {
  owner: 'Owner',
  performed_by: 'Performed by',
  uses: 'Uses',
  part_of: 'Part of',
};

const EMOTION_WORDS: Record<string, string> = {
  '-2': 'very negative',
  '-1': 'negative',
  '0': 'neutral',
  '1': 'positive',
  '2': 'very positive',
};

function cardText(card: Card): string {
  return card.lines.map((l) => l.text).join(' ');
}

/** What is said about `card` after its text. */
export function describeCard(card: Card, textOf: (id: string) => string | undefined, leadsTo: string[]): string {
  const parts: string[] = [];
  if (card.moment_of_truth !== null) parts.push('Moment of truth');
  if (card.pain_point) parts.push(card.pain_point.text ? `Pain point: ${card.pain_point.text}` : 'Pain point');
  if (card.emotion !== null) {
    const signed = card.emotion > 0 ? `+${card.emotion}` : String(card.emotion);
    parts.push(`Emotion ${signed}, ${EMOTION_WORDS[String(card.emotion)] ?? ''}`.trim());
  }
  if (card.fail_point) parts.push('Fail point');
  if (card.wait_point) parts.push('Wait point');
  if (card.assumption) parts.push('Assumption, no evidence yet');
  if (card.channel) parts.push(`Channel: ${card.channel.text}`);
  for (const chip of card.chips) {
    // The owner's chip already reads "Owner: …".
    const word = `${ROLE_WORDS[chip.role]}: `;
    parts.push(chip.label.text.startsWith(word) ? chip.label.text : `${word}${chip.label.text}`);
  }
  if (!card.chips.some((c) => c.role === 'owner')) parts.push('No owner');
  const targets = leadsTo.map((id) => textOf(id)).filter((t): t is string => t !== undefined);
  if (targets.length > 0) parts.push(`Leads to: ${targets.join('; ')}`);
  return parts.map((p) => p.replace(/[.\s]+$/, '')).join('. ');
}

/** The table a screen reader reads for `scene`. */
export function spokenGrid(scene: Scene): SpokenGrid {
  const texts = new Map(scene.cards.map((c) => [c.id, cardText(c)]));
  const leads = new Map<string, string[]>();
  for (const arrow of scene.arrows) leads.set(arrow.from, [...(leads.get(arrow.from) ?? []), arrow.to]);
  const byCell = new Map<string, SpokenCard[]>();
  for (const card of [...scene.cards].sort((a, b) => a.rect.y - b.rect.y)) {
    const key = `${card.lane} ${card.stage}`;
    const spoken = {
      id: card.id,
      name: texts.get(card.id) ?? '',
      description: describeCard(card, (id) => texts.get(id), leads.get(card.id) ?? []),
    };
    byCell.set(key, [...(byCell.get(key) ?? []), spoken]);
  }
  return {
    stages: scene.stages.map((s) => ({ id: s.id, name: s.name })),
    rows: scene.lanes.map((lane) => ({
      id: lane.id,
      lane: lane.name,
      cells: scene.stages.map((stage) => ({ stage: stage.id, cards: byCell.get(`${lane.id} ${stage.id}`) ?? [] })),
    })),
  };
}
