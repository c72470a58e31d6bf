import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { broadband, fakeBackend, home } from '../test/fakeBackend';
import { homeInsuranceClaim } from '../test/fixtures';

async function openFind() {
  const backend = fakeBackend();
  render(App, { backend });
  await screen.findByText(homeInsuranceClaim.cards[0].lines[0].text);
  await fireEvent.keyDown(screen.getByRole('application', { name: 'Blueprint editor' }), { key: 'f', ctrlKey: true });
  const field = (await screen.findByTestId('find-field')) as HTMLInputElement;
  return { backend, field };
}

describe('FindBar', () => {
  it('opens on Ctrl+F with the keyboard in its field, searches as typed and marks the hits', async () => {
    const { backend, field } = await openFind();
    expect(document.activeElement).toBe(field);
    await fireEvent.input(field, { target: { value: 'claim' } });
    await waitFor(() => expect(screen.getByTestId('find-count').textContent).toMatch(/^1 of \d+$/));
    expect(backend.findCards).toHaveBeenLastCalledWith('claim', home.id, 'journey');
    expect(document.querySelectorAll('[data-found]').length).toBeGreaterThan(1);
    expect(screen.getByTestId('find-context').querySelector('mark')?.textContent?.toLowerCase()).toBe('claim');
  });

  it('steps with Enter and Shift+Enter without the keys reaching the blueprint', async () => {
    const { field } = await openFind();
    await fireEvent.input(field, { target: { value: 'claim' } });
    await waitFor(() => expect(screen.getByTestId('find-count').textContent).toMatch(/^1 of/));
    await fireEvent.keyDown(field, { key: 'Enter' });
    expect(screen.getByTestId('find-count').textContent).toMatch(/^2 of/);
    await fireEvent.keyDown(field, { key: 'Enter', shiftKey: true });
    await fireEvent.keyDown(field, { key: 'Enter', shiftKey: true });
    const total = screen.getByTestId('find-count').textContent?.split(' of ')[1];
    expect(screen.getByTestId('find-count').textContent).toBe(`${total} of ${total}`);
    expect(screen.queryByRole('textbox', { name: /card/i })).toBeNull();
    expect(document.activeElement).toBe(field);
  });

  it('goes to another journey for a hit there when every journey is searched', async () => {
    const { backend, field } = await openFind();
    await fireEvent.click(screen.getByTestId('find-all-journeys'));
    await fireEvent.input(field, { target: { value: 'email' } });
    await waitFor(() => expect(screen.getByTestId('find-count').textContent).toBe('1 of 3'));
    expect(backend.findCards).toHaveBeenLastCalledWith('email', home.id, 'all');
    await fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(backend.journeyScene).toHaveBeenLastCalledWith(broadband.id));
    await waitFor(() => expect(screen.getByTestId('find-count').textContent).toBe('2 of 3'));
  });

  it('takes the keyboard back into its field on Ctrl+F from anywhere in the bar', async () => {
    const { field } = await openFind();
    const toggle = screen.getByTestId('find-all-journeys');
    toggle.focus();
    await fireEvent.keyDown(toggle, { key: 'f', ctrlKey: true });
    expect(document.activeElement).toBe(field);
  });

  it('closes on Esc and gives the keyboard back to the blueprint', async () => {
    const { field } = await openFind();
    await fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByTestId('find-field')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('application', { name: 'Blueprint editor' }));
  });
});
