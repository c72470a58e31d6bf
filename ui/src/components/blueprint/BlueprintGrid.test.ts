import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { homeInsuranceClaim } from '../../test/fixtures';
import BlueprintGrid from './BlueprintGrid.svelte';

describe("the blueprint's table for screen readers", () => {
  it('lists the cards at once, and follows an edit once the frame drawing it is on screen', async () => {
    const { rerender } = render(BlueprintGrid, { scene: homeInsuranceClaim });
    const card = homeInsuranceClaim.cards[0];
    const item = () => document.getElementById(`a11y-card-${card.id}`);
    expect(item()?.textContent).toContain(card.lines[0].text);
    const renamed = { ...card, lines: [{ ...card.lines[0], text: 'Calls the insurer at once' }] };
    await rerender({
      scene: { ...homeInsuranceClaim, cards: homeInsuranceClaim.cards.map((c) => (c === card ? renamed : c)) },
    });
    expect(item()?.textContent).toContain(card.lines[0].text);
    await waitFor(() => expect(item()?.textContent).toContain('Calls the insurer at once'));
    expect(screen.getByRole('table', { name: `Blueprint grid: ${homeInsuranceClaim.title.text}` })).toBeTruthy();
  });
});
