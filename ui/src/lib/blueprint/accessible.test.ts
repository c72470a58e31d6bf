import { describe, expect, it } from 'vitest';
import type { Card } from '../bindings/Card';
import { homeInsuranceClaim } from '../../test/fixtures';
import { describeCard, spokenGrid } from './accessible';

const line = (text: string) => ({ text, x: 0, y: 0 });
const rect = { x: 0, y: 0, width: 100, height: 40 };

/** A coffee-shop card: ordering at the counter, with everything a card can carry. */
const order: Card = {
  id: 'order',
  lane: 'customer',
  stage: 'counter',
  kind: 'customer',
  rect,
  lines: [line('Orders a flat'), line('white')],
  channel: line('In person'),
  moment_of_truth: '0,0 1,1',
  pain_point: { at: { x: 0, y: 0 }, colour: '#c45a2c', text: 'Queue out the door.' },
  fail_point: null,
  wait_point: { at: { x: 0, y: 0 }, label: line('W') },
  emotion: -1,
  assumption: false,
  comments: null,
  chips: [
    { entity: 'e1', role: 'owner', rect, label: line('Owner: Barista team'), fill: '#1f2a44', text: '#ffffff' },
    { entity: 'e2', role: 'uses', rect, label: line('Till'), fill: '#e4f4e8', text: '#1b5e20' },
  ],
};

describe('the blueprint read aloud', () => {
  it("describes a card's markers, owner, ties and where it leads", () => {
    const said = describeCard(order, (id) => (id === 'pay' ? 'Pays by card' : undefined), ['pay']);
    expect(said).toBe(
      'Moment of truth. Pain point: Queue out the door. Emotion -1, negative. Wait point. Channel: In person. ' +
        'Owner: Barista team. Uses: Till. Leads to: Pays by card',
    );
  });

  it('says when a card is an assumption', () => {
    const guess = { ...order, moment_of_truth: null, pain_point: null, wait_point: null, emotion: null, channel: null, chips: [], assumption: true };
    expect(describeCard(guess, () => undefined, [])).toBe('Assumption, no evidence yet. No owner');
  });

  it('says when a card has no owner', () => {
    const bare = { ...order, moment_of_truth: null, pain_point: null, wait_point: null, emotion: null, channel: null, chips: [] };
    expect(describeCard(bare, () => undefined, [])).toBe('No owner');
  });

  it('has a column per stage, a row per lane and every card in its cell', () => {
    const grid = spokenGrid(homeInsuranceClaim);
    expect(grid.stages.map((s) => s.name)).toEqual(homeInsuranceClaim.stages.map((s) => s.name));
    expect(grid.rows.map((r) => r.lane)).toEqual(homeInsuranceClaim.lanes.map((l) => l.name));
    const cards = grid.rows.flatMap((r) => r.cells.flatMap((c) => c.cards));
    expect(cards).toHaveLength(homeInsuranceClaim.cards.length);
    for (const card of homeInsuranceClaim.cards) {
      const row = grid.rows.find((r) => r.id === card.lane)!;
      const cell = row.cells.find((c) => c.stage === card.stage)!;
      expect(cell.cards.map((c) => c.id)).toContain(card.id);
    }
  });

  it('keeps every card, cell and row an edit left alone as the same object, so the table redraws only the edit', () => {
    const before = spokenGrid(homeInsuranceClaim);
    const edited = homeInsuranceClaim.cards.find((c) => c.id === homeInsuranceClaim.arrows[0].to)!;
    const renamed = { ...edited, lines: [line('Calls the insurer at once')] };
    const scene = { ...homeInsuranceClaim, cards: homeInsuranceClaim.cards.map((c) => (c === edited ? renamed : c)) };
    const after = spokenGrid(scene, before);
    expect(after.stages).toBe(before.stages);
    const cardOf = (grid: typeof before, id: string) =>
      grid.rows.flatMap((r) => r.cells.flatMap((c) => c.cards)).find((c) => c.id === id)!;
    expect(cardOf(after, edited.id).name).toBe('Calls the insurer at once');
    const leadingThere = homeInsuranceClaim.arrows.filter((a) => a.to === edited.id).map((a) => a.from);
    expect(leadingThere.length).toBeGreaterThan(0);
    for (const card of homeInsuranceClaim.cards) {
      if (card === edited || leadingThere.includes(card.id)) continue;
      expect(cardOf(after, card.id)).toBe(cardOf(before, card.id));
    }
    for (const id of leadingThere) expect(cardOf(after, id).description).toContain('Calls the insurer at once');
    const touched = new Set([edited, ...homeInsuranceClaim.cards.filter((c) => leadingThere.includes(c.id))].map((c) => c.lane));
    after.rows.forEach((row, i) => {
      if (touched.has(row.id)) expect(row).not.toBe(before.rows[i]);
      else expect(row).toBe(before.rows[i]);
    });
    expect(spokenGrid(scene, after)).toEqual(spokenGrid(scene));
  });
});
