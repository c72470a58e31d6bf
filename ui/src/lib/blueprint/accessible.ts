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

/** One cell: its stage and its cards, top to bottom. */
export interface SpokenCell {
  stage: string;
  cards: SpokenCard[];
}

/** One lane's row: its name and, per stage in order, the cards of that cell. */
export interface SpokenRow {
  id: string;
  lane: string;
  cells: SpokenCell[];
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

/** A card's description as last worked out, with the texts of the cards it led to then. */
interface Described {
  targets: string[];
  description: string;
}

/**
 * Descriptions by card object: the window keeps a card the same object while an edit leaves it alone
 * (scene/share.ts), so only the cards an edit changed, or whose arrows now lead elsewhere, are
 * described again.
 */
const described = new WeakMap<Card, Described>();

function describeKept(card: Card, texts: Map<string, string>, leadsTo: string[]): string {
  const targets = leadsTo.map((id) => texts.get(id) ?? '');
  const kept = described.get(card);
  if (kept && sameItems(kept.targets, targets)) return kept.description;
  const description = describeCard(card, (id) => texts.get(id), leadsTo);
  described.set(card, { targets, description });
  return description;
}

/** Whether two lists hold the very same items in the same order. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * The table a screen reader reads for `scene`. Every card, cell, row and header that reads as it did
 * in `previous` (the grid of the scene before) is that grid's very object, so after an edit the keyed
 * blocks drawing the table touch only what the edit changed: rebuilt whole, a thousand cards' items
 * took longer than drawing the edit.
 */
export function spokenGrid(scene: Scene, previous: SpokenGrid | null = null): SpokenGrid {
  const texts = new Map(scene.cards.map((c) => [c.id, cardText(c)]));
  const leads = new Map<string, string[]>();
  for (const arrow of scene.arrows) {
    const to = leads.get(arrow.from);
    if (to) to.push(arrow.to);
    else leads.set(arrow.from, [arrow.to]);
  }
  const before = new Map<string, SpokenCard>();
  const cellsBefore = new Map<string, SpokenCell>();
  const rowsBefore = new Map<string, SpokenRow>();
  for (const row of previous?.rows ?? []) {
    rowsBefore.set(row.id, row);
    for (const cell of row.cells) {
      cellsBefore.set(`${row.id} ${cell.stage}`, cell);
      for (const card of cell.cards) before.set(card.id, card);
    }
  }
  const byCell = new Map<string, SpokenCard[]>();
  for (const card of [...scene.cards].sort((a, b) => a.rect.y - b.rect.y)) {
    const key = `${card.lane} ${card.stage}`;
    const name = texts.get(card.id) ?? '';
    const description = describeKept(card, texts, leads.get(card.id) ?? []);
    const old = before.get(card.id);
    const spoken = old && old.name === name && old.description === description ? old : { id: card.id, name, description };
    const cell = byCell.get(key);
    if (cell) cell.push(spoken);
    else byCell.set(key, [spoken]);
  }
  const stages = scene.stages.map((s) => ({ id: s.id, name: s.name }));
  const stagesBefore = previous?.stages ?? [];
  const sameStages =
    stagesBefore.length === stages.length &&
    stages.every((s, i) => s.id === stagesBefore[i].id && s.name === stagesBefore[i].name);
  return {
    stages: sameStages ? stagesBefore : stages,
    rows: scene.lanes.map((lane) => {
      const cells = scene.stages.map((stage) => {
        const key = `${lane.id} ${stage.id}`;
        const cards = byCell.get(key) ?? [];
        const old = cellsBefore.get(key);
        return old && sameItems(old.cards, cards) ? old : { stage: stage.id, cards };
      });
      const old = rowsBefore.get(lane.id);
      return old && old.lane === lane.name && sameItems(old.cells, cells) ? old : { id: lane.id, lane: lane.name, cells };
    }),
  };
}
